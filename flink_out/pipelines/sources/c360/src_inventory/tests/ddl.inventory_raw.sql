CREATE TABLE IF NOT EXISTS inventory_raw (
  inventory_id STRING,
  product_id STRING,
  location_id STRING,
  stock_quantity INT,
  reserved_quantity INT,
  reorder_point INT,
  max_stock_level INT,
  last_updated TIMESTAMP(3)
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
