CREATE TABLE IF NOT EXISTS src_c360_support_tickets (
  ticket_id STRING NOT NULL,
  customer_id STRING,
  created_ts TIMESTAMP(3),
  resolved_ts TIMESTAMP(3),
  category STRING,
  priority STRING,
  status STRING,
  channel STRING,
  satisfaction_score INT,
  is_resolved INT,
  is_urgent INT,
  resolution_hours DECIMAL(24, 2),
  PRIMARY KEY (ticket_id) NOT ENFORCED
)
DISTRIBUTED BY HASH(ticket_id) INTO 1 BUCKETS
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
