CREATE TABLE IF NOT EXISTS syntax_dim_customers (
  customer_id STRING NOT NULL,
  orders BIGINT,
  total_spend DECIMAL(20, 2),
  first_order_date DATE,
  last_order_date DATE,
  PRIMARY KEY (customer_id) NOT ENFORCED
)
DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS
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
