-- ============================================================================
-- REVIEW: the DML of this table is NOT complete (status needs-llm).
-- Check these columns once the DML is finished (see tracking.md).
-- ============================================================================
CREATE TABLE IF NOT EXISTS int_functions_unsupported (
  event_id STRING NOT NULL,
  doubled ARRAY<INT>,
  parsed STRING,
  id_hash BIGINT,
  PRIMARY KEY (event_id) NOT ENFORCED
)
DISTRIBUTED BY HASH(event_id) INTO 1 BUCKETS
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
