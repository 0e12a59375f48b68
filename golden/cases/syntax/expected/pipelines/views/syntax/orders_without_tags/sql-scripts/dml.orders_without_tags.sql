INSERT INTO orders_without_tags
SELECT
  o.order_id,
  o.customer_id,
  o.amount
FROM src_syntax_orders o
WHERE NOT EXISTS (
  SELECT 1
  FROM int_syntax_order_tags t
  WHERE t.order_id = o.order_id
);
