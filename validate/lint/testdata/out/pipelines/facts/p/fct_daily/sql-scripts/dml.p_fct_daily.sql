INSERT INTO p_fct_daily
SELECT
  customer_id,
  CAST(updated_at AS DATE) AS order_date,
  COUNT(DISTINCT order_id) AS orders,
  SUM(amount) AS amount
FROM src_p_orders
GROUP BY customer_id, CAST(updated_at AS DATE)
ORDER BY customer_id;
