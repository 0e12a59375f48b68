CREATE TABLE IF NOT EXISTS transactions_raw (
  transaction_id STRING,
  customer_id STRING,
  transaction_date TIMESTAMP(3),
  channel STRING,
  store_id STRING,
  payment_method STRING,
  subtotal DOUBLE,
  tax_amount DOUBLE,
  discount_amount DOUBLE,
  total_amount DOUBLE,
  currency STRING,
  status STRING
)
DISTRIBUTED INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'append',
  'value.avro-registry.schema-context' = '.flink-dev',
  'value.format' = 'avro-registry',
  'kafka.retention.time' = '0',
  'kafka.producer.compression.type' = 'snappy',
  'scan.bounded.mode' = 'unbounded',
  'scan.startup.mode' = 'earliest-offset'
);
