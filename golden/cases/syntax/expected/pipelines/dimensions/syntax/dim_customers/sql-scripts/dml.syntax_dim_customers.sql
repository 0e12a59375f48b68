INSERT INTO syntax_dim_customers
SELECT
  customer_id,
  COUNT(*) AS orders,
  SUM(amount) AS total_spend,
  MIN(order_date) AS first_order_date,
  MAX(order_date) AS last_order_date
FROM src_syntax_orders AS src_orders
GROUP BY customer_id;
