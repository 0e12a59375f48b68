CREATE TABLE IF NOT EXISTS src_shop_orders (
  order_id BIGINT,
  customer_id INT,
  amount DOUBLE
)
WITH (
  'connector' = 'filesystem',
  'path' = 'file:///tmp/c360-migrate-deploy-test/src_shop_orders',
  'format' = 'json'
);
