CREATE TABLE IF NOT EXISTS c360_dim_customers (
  customer_id STRING NOT NULL,
  tenure_days INT,
  segments ARRAY<STRING>,
  PRIMARY KEY (customer_id) NOT ENFORCED
) DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'upsert'
);
