INSERT INTO src_p_orders
SELECT
  order_id,
  customer_id,
  CAST(amount AS DECIMAL(10, 2)) AS amount,
  updated_at
FROM (
  SELECT
    *,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY updated_at DESC) AS rn
  FROM orders_raw
)
WHERE rn = 1;
