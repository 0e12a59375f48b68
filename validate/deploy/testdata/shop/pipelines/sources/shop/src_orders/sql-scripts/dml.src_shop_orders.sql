-- a projection and a filter: stateless
INSERT INTO src_shop_orders
SELECT order_id, customer_id, ROUND(amount, 2) AS amount
FROM orders_raw
WHERE amount > 0;
