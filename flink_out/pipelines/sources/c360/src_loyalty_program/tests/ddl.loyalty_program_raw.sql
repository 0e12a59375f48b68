CREATE TABLE IF NOT EXISTS loyalty_program_raw (
  customer_id STRING,
  loyalty_tier STRING,
  points_balance INT,
  points_earned_ytd INT,
  points_redeemed_ytd INT,
  tier_start_date DATE,
  lifetime_value DOUBLE
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
