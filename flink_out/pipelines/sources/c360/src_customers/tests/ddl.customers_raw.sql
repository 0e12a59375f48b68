CREATE TABLE IF NOT EXISTS customers_raw (
  customer_id STRING,
  first_name STRING,
  last_name STRING,
  email STRING,
  phone STRING,
  date_of_birth DATE,
  gender STRING,
  registration_date TIMESTAMP(3),
  customer_segment STRING,
  preferred_channel STRING,
  address_line1 STRING,
  city STRING,
  state STRING,
  zip_code INT,
  country STRING
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
