CREATE TABLE IF NOT EXISTS src_c360_tx_items (
  item_id STRING NOT NULL,
  transaction_id STRING NOT NULL,
  product_id STRING NOT NULL,
  quantity INT NOT NULL,
  unit_price DECIMAL(10, 2) NOT NULL,
  line_total DECIMAL(12, 2) NOT NULL,
  discount_applied DECIMAL(12, 2) NOT NULL,
  PRIMARY KEY (item_id, transaction_id, product_id, quantity, unit_price, line_total, discount_applied) NOT ENFORCED
)
DISTRIBUTED BY HASH(item_id, transaction_id, product_id, quantity, unit_price, line_total, discount_applied) INTO 1 BUCKETS
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
