CREATE TABLE IF NOT EXISTS shop_fct_customer_spend (
  customer_id INT NOT NULL,
  total_amount DOUBLE,
  order_count BIGINT,
  PRIMARY KEY (customer_id) NOT ENFORCED
)
WITH (
  'connector' = 'blackhole'
);
