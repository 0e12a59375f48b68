-- ============================================================================
-- REVIEW: the DML of this table is NOT complete (status needs-llm).
-- Check these columns once the DML is finished (see tracking.md).
-- ============================================================================
CREATE TABLE IF NOT EXISTS int_c360_customer_purchase_sequence (
  transaction_id STRING,
  customer_id STRING,
  transaction_ts TIMESTAMP(3),
  channel STRING,
  total_amount DECIMAL(12, 2),
  purchase_number INT,
  is_first_purchase INT,
  previous_transaction_ts TIMESTAMP(3),
  days_since_previous_purchase INT,
  previous_channel STRING,
  is_channel_switch INT,
  running_total_spend DECIMAL(22, 2),
  rolling_avg_order_value_3 DECIMAL(12, 2)
)
DISTRIBUTED INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'retract',
  'value.avro-registry.schema-context' = '.flink-dev',
  'value.format' = 'avro-registry',
  'kafka.retention.time' = '0',
  'kafka.producer.compression.type' = 'snappy',
  'scan.bounded.mode' = 'unbounded',
  'scan.startup.mode' = 'earliest-offset'
);
