CREATE TABLE IF NOT EXISTS support_tickets_raw (
  ticket_id STRING,
  customer_id STRING,
  created_date TIMESTAMP(3),
  resolved_date TIMESTAMP(3),
  category STRING,
  priority STRING,
  status STRING,
  channel STRING,
  satisfaction_score INT
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
