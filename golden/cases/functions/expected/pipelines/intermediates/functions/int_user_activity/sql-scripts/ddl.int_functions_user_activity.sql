CREATE TABLE IF NOT EXISTS int_functions_user_activity (
  user_id STRING NOT NULL,
  events BIGINT,
  event_types ARRAY<STRING>,
  pages ARRAY<STRING>,
  active_days BIGINT,
  score_stddev DOUBLE,
  avg_score DOUBLE,
  last_event_ts TIMESTAMP(3),
  days_since_last_event INT,
  PRIMARY KEY (user_id) NOT ENFORCED
)
DISTRIBUTED BY HASH(user_id) INTO 1 BUCKETS
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
