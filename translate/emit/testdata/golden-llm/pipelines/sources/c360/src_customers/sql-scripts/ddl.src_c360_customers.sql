CREATE TABLE IF NOT EXISTS src_c360_customers (
  customer_id STRING NOT NULL,
  email STRING,
  signup_date DATE,
  PRIMARY KEY (customer_id) NOT ENFORCED
) DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'upsert',
  'key.format' = 'avro-registry',
  'value.format' = 'avro-registry'
);
