CREATE TABLE IF NOT EXISTS customers_raw (
  customer_id STRING,
  email STRING,
  signup_date DATE
) DISTRIBUTED INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'append',
  'value.format' = 'avro-registry'
);
