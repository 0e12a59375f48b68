INSERT INTO shop_fct_big_orders
SELECT order_id, customer_id, amount
FROM src_shop_orders
WHERE amount > 400;
