CREATE TABLE IF NOT EXISTS c360_fct_inventory_reorder_status (
  product_id STRING,
  location_id STRING,
  product_name STRING,
  category_group STRING,
  is_active_product BOOLEAN,
  location_name STRING,
  location_class STRING,
  stock_quantity INT,
  reserved_quantity INT,
  available_quantity INT,
  reorder_point INT,
  max_stock_level INT,
  reorder_cover_ratio DOUBLE,
  needs_reorder INT,
  stock_status STRING,
  suggested_order_quantity INT,
  last_updated_ts TIMESTAMP(3)
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
