CREATE TABLE IF NOT EXISTS src_c360_products (
  product_id STRING,
  product_name STRING,
  category STRING,
  subcategory STRING,
  brand STRING,
  price DECIMAL(10, 2),
  cost DECIMAL(10, 2),
  gross_margin DECIMAL(11, 2),
  margin_pct DECIMAL(18, 2),
  weight_kg DECIMAL(8, 3),
  color STRING,
  size STRING,
  launch_date DATE,
  days_since_launch INT,
  price_segment STRING,
  category_group STRING
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
