-- =============================================================================
-- int_customer_purchase_sequence
-- Layer : intermediate
-- Grain : one row per completed transaction_id
-- Input : src_transactions
--
-- Each purchase placed in its customer's purchase history: its rank, the gap
-- to the previous purchase (LAG), whether the channel changed, the running
-- spend to date and a rolling average over the last three orders.
-- =============================================================================

CREATE OR REPLACE TEMPORARY VIEW int_customer_purchase_sequence AS
WITH ordered AS (
  SELECT
    transaction_id,
    customer_id,
    transaction_ts,
    channel,
    total_amount,
    ROW_NUMBER() OVER w_customer                              AS purchase_number,
    LAG(transaction_ts) OVER w_customer                       AS previous_transaction_ts,
    LAG(channel) OVER w_customer                              AS previous_channel,
    SUM(total_amount) OVER (
      PARTITION BY customer_id
      ORDER BY transaction_ts, transaction_id
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )                                                         AS running_total_spend,
    CAST(AVG(total_amount) OVER (
      PARTITION BY customer_id
      ORDER BY transaction_ts, transaction_id
      ROWS BETWEEN 2 PRECEDING AND CURRENT ROW
    ) AS DECIMAL(12, 2))                                      AS rolling_avg_order_value_3
  FROM src_transactions
  WINDOW w_customer AS (PARTITION BY customer_id ORDER BY transaction_ts, transaction_id)
)
SELECT
  transaction_id,
  customer_id,
  transaction_ts,
  channel,
  total_amount,
  purchase_number,
  CASE WHEN purchase_number = 1 THEN 1 ELSE 0 END            AS is_first_purchase,
  previous_transaction_ts,
  DATEDIFF(CAST(transaction_ts AS DATE), CAST(previous_transaction_ts AS DATE))
                                                             AS days_since_previous_purchase,
  previous_channel,
  CASE
    WHEN previous_channel IS NULL      THEN 0
    WHEN previous_channel <> channel   THEN 1
    ELSE 0
  END                                                        AS is_channel_switch,
  running_total_spend,
  rolling_avg_order_value_3
FROM ordered;
