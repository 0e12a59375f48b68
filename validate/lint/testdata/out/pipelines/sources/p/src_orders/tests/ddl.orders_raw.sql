CREATE TABLE IF NOT EXISTS orders_raw (
  order_id STRING,
  customer_id STRING,
  amount DOUBLE,
  updated_at TIMESTAMP(3)
)
DISTRIBUTED INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'append',
  'value.format' = 'avro-registry'
);
