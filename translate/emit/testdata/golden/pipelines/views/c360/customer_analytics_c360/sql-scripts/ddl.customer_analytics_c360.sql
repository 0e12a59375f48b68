CREATE TABLE IF NOT EXISTS customer_analytics_c360 (
  customer_id STRING NOT NULL,
  email STRING,
  tenure_days INT
) WITH (
  'changelog.mode' = 'retract'
);
