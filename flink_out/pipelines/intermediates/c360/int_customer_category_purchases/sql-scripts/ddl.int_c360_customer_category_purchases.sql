CREATE TABLE IF NOT EXISTS int_c360_customer_category_purchases (
  customer_id STRING NOT NULL,
  category_group STRING NOT NULL,
  transactions_with_group BIGINT,
  items_in_group BIGINT,
  first_bought_ts TIMESTAMP(3),
  last_bought_ts TIMESTAMP(3),
  PRIMARY KEY (category_group, customer_id) NOT ENFORCED
)
DISTRIBUTED BY HASH(category_group, customer_id) INTO 1 BUCKETS
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
