CREATE TABLE IF NOT EXISTS int_shop_order_ranks (
  order_id BIGINT,
  customer_id INT,
  rank_in_customer BIGINT
)
WITH (
  'connector' = 'blackhole'
);
