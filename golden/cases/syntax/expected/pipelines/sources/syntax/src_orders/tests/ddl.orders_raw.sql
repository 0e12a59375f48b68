CREATE TABLE IF NOT EXISTS orders_raw (
  order_id STRING,
  customer_id STRING,
  channel STRING,
  amount DOUBLE,
  order_ts TIMESTAMP(3),
  tags STRING
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
