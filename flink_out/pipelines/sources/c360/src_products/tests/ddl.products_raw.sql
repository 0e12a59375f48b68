CREATE TABLE IF NOT EXISTS products_raw (
  product_id STRING,
  product_name STRING,
  category STRING,
  subcategory STRING,
  brand STRING,
  price DOUBLE,
  cost DOUBLE,
  weight_kg DOUBLE,
  dimensions STRING,
  color STRING,
  size STRING,
  created_date DATE,
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
