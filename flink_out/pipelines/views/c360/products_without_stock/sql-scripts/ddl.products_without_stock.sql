CREATE TABLE IF NOT EXISTS products_without_stock (
  product_id STRING,
  product_name STRING,
  category STRING,
  category_group STRING,
  brand STRING,
  price DECIMAL(10, 2),
  price_segment STRING
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
