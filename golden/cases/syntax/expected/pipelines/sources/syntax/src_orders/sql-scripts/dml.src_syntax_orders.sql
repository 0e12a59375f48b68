INSERT INTO src_syntax_orders
SELECT
  order_id,
  customer_id,
  LOWER(channel) AS channel,
  CAST(amount AS DECIMAL(10, 2)) AS amount,
  order_ts,
  CAST(order_ts AS DATE) AS order_date,
  tags
FROM (
  SELECT
    order_id,
    customer_id,
    channel,
    amount,
    order_ts,
    tags
  FROM (
    SELECT
      *,
      ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY `$rowtime` DESC) AS rn
    FROM orders_raw
  )
  WHERE rn = 1
) AS orders_raw
WHERE order_id IS NOT NULL;
