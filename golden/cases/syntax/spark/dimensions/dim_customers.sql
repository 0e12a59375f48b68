-- One row per customer with their order history.
CREATE OR REPLACE TEMPORARY VIEW dim_customers AS
SELECT
  customer_id,
  COUNT(*)                     AS orders,
  SUM(amount)                  AS total_spend,
  MIN(order_date)              AS first_order_date,
  MAX(order_date)              AS last_order_date
FROM src_orders
GROUP BY customer_id;
