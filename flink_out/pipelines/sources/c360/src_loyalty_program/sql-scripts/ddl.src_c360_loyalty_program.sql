CREATE TABLE IF NOT EXISTS src_c360_loyalty_program (
  customer_id STRING NOT NULL,
  loyalty_tier STRING,
  points_balance INT,
  points_earned_ytd INT,
  points_redeemed_ytd INT,
  net_points_ytd INT,
  redemption_rate DOUBLE,
  tier_start_date DATE,
  days_in_current_tier INT,
  tier_rank INT,
  lifetime_value DECIMAL(12, 2),
  value_segment STRING,
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
