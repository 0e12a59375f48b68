CREATE TABLE IF NOT EXISTS events_raw (
  event_id STRING,
  user_id STRING,
  event_type STRING,
  event_ts TIMESTAMP(3),
  event_date DATE,
  amount INT,
  payload STRING,
  score INT
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
