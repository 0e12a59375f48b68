CREATE TABLE IF NOT EXISTS shop_fct_big_orders (
  order_id BIGINT,
  customer_id INT,
  amount DOUBLE
)
WITH (
  'connector' = 'print'
);
