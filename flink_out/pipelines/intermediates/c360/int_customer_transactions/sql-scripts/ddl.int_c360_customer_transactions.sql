-- ============================================================================
-- REVIEW: the DML of this table is NOT complete (status needs-llm).
-- Check these columns once the DML is finished (see tracking.md).
-- ============================================================================
CREATE TABLE IF NOT EXISTS int_c360_customer_transactions (
  transaction_id STRING,
  customer_id STRING,
  customer_key STRING,
  full_name STRING,
  customer_segment STRING,
  generation_segment STRING,
  preferred_channel STRING,
  transaction_ts TIMESTAMP(3),
  transaction_date DATE,
  transaction_hour INT,
  transaction_day_of_week INT,
  transaction_month INT,
  transaction_quarter INT,
  transaction_year INT,
  channel STRING,
  channel_group STRING,
  store_id STRING,
  payment_method STRING,
  subtotal DECIMAL(12, 2),
  discount_amount DECIMAL(12, 2),
  total_amount DECIMAL(12, 2),
  has_discount INT,
  discount_rate DECIMAL(17, 4),
  order_size_category STRING,
  item_count BIGINT,
  total_quantity BIGINT,
  avg_item_price DECIMAL(10, 2),
  distinct_categories BIGINT,
  distinct_brands BIGINT,
  category_groups ARRAY<STRING>,
  brands ARRAY<STRING>,
  used_preferred_channel INT
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
