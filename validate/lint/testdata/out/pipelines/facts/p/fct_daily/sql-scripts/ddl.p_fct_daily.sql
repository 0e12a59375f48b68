CREATE TABLE IF NOT EXISTS p_fct_daily (
  customer_id STRING NOT NULL,
  order_date DATE NOT NULL,
  orders BIGINT,
  amount DECIMAL(20, 2),
  PRIMARY KEY (customer_id) NOT ENFORCED
)
DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'upsert',
  'key.format' = 'avro-registry',
  'value.format' = 'avro-registry'
);
