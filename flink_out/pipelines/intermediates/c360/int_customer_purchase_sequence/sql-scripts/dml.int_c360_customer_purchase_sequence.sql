-- ============================================================================
-- NOT COMPLETE: status needs-llm.
-- 6 problems remain: 6 streaming-lint errors in the Flink text; the statement below
-- still holds them and is NOT a complete Flink statement. Do NOT deploy it.
-- Run c360-migrate with Ollama running (--model) for the LLM loop, or translate the residue by hand.
-- Residue (position, construct, reason):
--   pipelines/intermediates/c360/int_customer_purchase_sequence/sql-scripts/dml.int_c360_customer_purchase_sequence.sql:9:10 [lint.over-order] LAG, ROW_NUMBER OVER (without a rank filter in the query above: an OVER aggregate, not a Top-N) is ordered by transaction_ts, transaction_id: streaming OVER windows must be ordered by one ascending time attribute; fix: Order the window by the event-time attribute ($rowtime, or a column with a WATERMARK), or compute the sequence with a rank filter (Top-N).
--   pipelines/intermediates/c360/int_customer_purchase_sequence/sql-scripts/dml.int_c360_customer_purchase_sequence.sql:9:10 [lint.over-updating] LAG, ROW_NUMBER OVER (without a rank filter in the query above: an OVER aggregate, not a Top-N) has an updating input (reads the updating table src_c360_transactions): Flink's OVER aggregate accepts inserts only, not updates or deletes; fix: Compute the window on append-only rows: read the append-only table upstream of the aggregation, join or upsert table (the raw topic, or a deduplication keeping the first row), or express it with what accepts updates: a GROUP BY aggregation, or a ROW_NUMBER with a rank filter (Top-N).
--   pipelines/intermediates/c360/int_customer_purchase_sequence/sql-scripts/dml.int_c360_customer_purchase_sequence.sql:12:5 [lint.over-order] SUM OVER is ordered by transaction_ts, transaction_id: streaming OVER windows must be ordered by one ascending time attribute; fix: Order the window by the event-time attribute ($rowtime, or a column with a WATERMARK), or compute the sequence with a rank filter (Top-N).
--   pipelines/intermediates/c360/int_customer_purchase_sequence/sql-scripts/dml.int_c360_customer_purchase_sequence.sql:12:5 [lint.over-updating] SUM OVER has an updating input (reads the updating table src_c360_transactions): Flink's OVER aggregate accepts inserts only, not updates or deletes; fix: Compute the window on append-only rows: read the append-only table upstream of the aggregation, join or upsert table (the raw topic, or a deduplication keeping the first row), or express it with what accepts updates: a GROUP BY aggregation, or a ROW_NUMBER with a rank filter (Top-N).
--   pipelines/intermediates/c360/int_customer_purchase_sequence/sql-scripts/dml.int_c360_customer_purchase_sequence.sql:13:10 [lint.over-order] AVG OVER is ordered by transaction_ts, transaction_id: streaming OVER windows must be ordered by one ascending time attribute; fix: Order the window by the event-time attribute ($rowtime, or a column with a WATERMARK), or compute the sequence with a rank filter (Top-N).
--   pipelines/intermediates/c360/int_customer_purchase_sequence/sql-scripts/dml.int_c360_customer_purchase_sequence.sql:13:10 [lint.over-updating] AVG OVER has an updating input (reads the updating table src_c360_transactions): Flink's OVER aggregate accepts inserts only, not updates or deletes; fix: Compute the window on append-only rows: read the append-only table upstream of the aggregation, join or upsert table (the raw topic, or a deduplication keeping the first row), or express it with what accepts updates: a GROUP BY aggregation, or a ROW_NUMBER with a rank filter (Top-N).
-- See tracking.md.
-- ============================================================================
INSERT INTO int_c360_customer_purchase_sequence
WITH ordered AS (
  SELECT
    transaction_id,
    customer_id,
    transaction_ts,
    channel,
    total_amount,
    CAST(ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY transaction_ts, transaction_id) AS INT) AS purchase_number,
    LAG(transaction_ts) OVER (PARTITION BY customer_id ORDER BY transaction_ts, transaction_id) AS previous_transaction_ts,
    LAG(channel) OVER (PARTITION BY customer_id ORDER BY transaction_ts, transaction_id) AS previous_channel,
    SUM(total_amount) OVER (PARTITION BY customer_id ORDER BY transaction_ts, transaction_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_total_spend,
    CAST(AVG(total_amount) OVER (PARTITION BY customer_id ORDER BY transaction_ts, transaction_id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS DECIMAL(12, 2)) AS rolling_avg_order_value_3
  FROM src_c360_transactions AS src_transactions
)
SELECT
  transaction_id,
  customer_id,
  transaction_ts,
  channel,
  total_amount,
  purchase_number,
  CASE WHEN purchase_number = 1 THEN 1 ELSE 0 END AS is_first_purchase,
  previous_transaction_ts,
  TIMESTAMPDIFF(DAY, CAST(previous_transaction_ts AS DATE), CAST(transaction_ts AS DATE)) AS days_since_previous_purchase,
  previous_channel,
  CASE
    WHEN previous_channel IS NULL THEN 0
    WHEN previous_channel <> channel THEN 1
    ELSE 0
  END AS is_channel_switch,
  running_total_spend,
  rolling_avg_order_value_3
FROM ordered;
