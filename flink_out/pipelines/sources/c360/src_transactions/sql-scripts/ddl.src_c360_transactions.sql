CREATE TABLE IF NOT EXISTS src_c360_transactions (
  transaction_id STRING,
  customer_id STRING,
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
  tax_amount DECIMAL(12, 2),
  discount_amount DECIMAL(12, 2),
  total_amount DECIMAL(12, 2),
  currency STRING,
  has_discount INT,
  discount_rate DECIMAL(17, 4),
  order_size_category STRING
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
