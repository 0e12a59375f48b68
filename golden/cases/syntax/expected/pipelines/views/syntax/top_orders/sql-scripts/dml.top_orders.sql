INSERT INTO top_orders
SELECT
  order_id,
  customer_id,
  amount
FROM src_syntax_orders AS src_orders;
