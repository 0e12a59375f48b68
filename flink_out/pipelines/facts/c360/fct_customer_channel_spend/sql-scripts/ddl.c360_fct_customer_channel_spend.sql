CREATE TABLE IF NOT EXISTS c360_fct_customer_channel_spend (
  customer_id STRING NOT NULL,
  online_spend DECIMAL(22, 2),
  mobile_spend DECIMAL(22, 2),
  store_spend DECIMAL(22, 2),
  total_spend DECIMAL(24, 2),
  digital_spend_share DECIMAL(28, 4),
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
