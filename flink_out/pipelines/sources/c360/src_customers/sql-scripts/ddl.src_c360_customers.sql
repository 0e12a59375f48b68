CREATE TABLE IF NOT EXISTS src_c360_customers (
  customer_id STRING NOT NULL,
  first_name STRING,
  last_name STRING,
  full_name STRING,
  email STRING,
  phone STRING,
  date_of_birth DATE,
  age INT,
  generation_segment STRING,
  gender STRING,
  registration_ts TIMESTAMP(3),
  registration_date DATE,
  days_since_registration INT,
  customer_segment STRING,
  preferred_channel STRING,
  address_line1 STRING,
  city STRING,
  state STRING,
  zip_code STRING,
  country STRING,
  is_missing_email INT,
  is_missing_phone INT,
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
