CREATE TABLE IF NOT EXISTS src_dbt_sales (
  sale_id STRING NOT NULL,
  store_id STRING,
  amount_cents BIGINT,
  sold_at TIMESTAMP(3),
  PRIMARY KEY (sale_id) NOT ENFORCED
)
DISTRIBUTED BY HASH(sale_id) INTO 1 BUCKETS
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
