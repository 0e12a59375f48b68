CREATE TABLE IF NOT EXISTS app_usage_raw (
  usage_id STRING,
  customer_id STRING,
  session_date DATE,
  session_start TIMESTAMP(3),
  session_duration_minutes INT,
  pages_viewed INT,
  actions_taken INT,
  device_type STRING,
  app_version STRING
)
DISTRIBUTED INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'append',
  'value.avro-registry.schema-context' = '.flink-dev',
  'value.format' = 'avro-registry',
  'kafka.retention.time' = '0',
  'kafka.producer.compression.type' = 'snappy',
  'scan.bounded.mode' = 'unbounded',
  'scan.startup.mode' = 'earliest-offset'
);
