CREATE TABLE IF NOT EXISTS src_c360_warehouse_locations (
  location_id STRING,
  location_name STRING,
  location_type STRING,
  location_class STRING,
  city STRING,
  state STRING,
  country STRING,
  capacity_cubic_meters INT
)
DISTRIBUTED INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'retract',
  'value.avro-registry.schema-context' = '.flink-dev',
  'value.format' = 'avro-registry',
  'kafka.retention.time' = '0',
  'kafka.producer.compression.type' = 'snappy',
  'scan.bounded.mode' = 'unbounded',
  'scan.startup.mode' = 'earliest-offset'
);
