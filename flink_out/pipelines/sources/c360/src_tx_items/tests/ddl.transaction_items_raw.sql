CREATE TABLE IF NOT EXISTS transaction_items_raw (
  item_id STRING,
  transaction_id STRING,
  product_id STRING,
  quantity INT,
  unit_price DOUBLE,
  line_total DOUBLE,
  discount_applied DOUBLE
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
