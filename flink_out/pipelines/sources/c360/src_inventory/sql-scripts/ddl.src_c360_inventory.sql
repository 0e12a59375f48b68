CREATE TABLE IF NOT EXISTS src_c360_inventory (
  inventory_id STRING,
  product_id STRING NOT NULL,
  location_id STRING NOT NULL,
  stock_quantity INT,
  reserved_quantity INT,
  available_quantity INT,
  reorder_point INT,
  max_stock_level INT,
  last_updated_ts TIMESTAMP(3),
  PRIMARY KEY (location_id, product_id) NOT ENFORCED
)
DISTRIBUTED BY HASH(location_id, product_id) INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'upsert',
  'key.avro-registry.schema-context' = '.flink-dev',
  'key.format' = 'avro-registry',
  'value.avro-registry.schema-context' = '.flink-dev',
  'value.format' = 'avro-registry',
  'kafka.retention.time' = '0',
  'kafka.producer.compression.type' = 'snappy',
  'scan.bounded.mode' = 'unbounded',
  'scan.startup.mode' = 'earliest-offset',
  'value.fields-include' = 'all'
);
