INSERT INTO shop_fct_customer_spend
SELECT
  customer_id,
  SUM(amount) AS total_amount,
  COUNT(*) AS order_count
FROM src_shop_orders
GROUP BY customer_id;
