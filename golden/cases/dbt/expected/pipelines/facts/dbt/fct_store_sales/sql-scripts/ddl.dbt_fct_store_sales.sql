CREATE TABLE IF NOT EXISTS dbt_fct_store_sales (
  store_id STRING NOT NULL,
  sum_amount_cents BIGINT,
  max_amount_cents BIGINT,
  PRIMARY KEY (store_id) NOT ENFORCED
)
DISTRIBUTED BY HASH(store_id) INTO 1 BUCKETS
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
