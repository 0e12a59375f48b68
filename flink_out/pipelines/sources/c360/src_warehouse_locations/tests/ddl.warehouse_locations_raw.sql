CREATE TABLE IF NOT EXISTS warehouse_locations_raw (
  location_id STRING,
  location_name STRING,
  location_type STRING,
  address STRING,
  city STRING,
  state STRING,
  country STRING,
  capacity_cubic_meters INT,
  manager_name STRING
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
