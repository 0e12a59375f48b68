-- The five biggest orders.
CREATE OR REPLACE TEMPORARY VIEW top_orders AS
SELECT order_id, customer_id, amount
FROM src_orders
ORDER BY amount DESC
LIMIT 5;
