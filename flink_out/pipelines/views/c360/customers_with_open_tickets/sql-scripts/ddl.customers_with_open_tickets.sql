CREATE TABLE IF NOT EXISTS customers_with_open_tickets (
  customer_id STRING NOT NULL,
  full_name STRING,
  email STRING,
  phone STRING,
  customer_segment STRING,
  preferred_channel STRING,
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
