-- Orders that carry no tag at all.
CREATE OR REPLACE TEMPORARY VIEW orders_without_tags AS
SELECT o.order_id, o.customer_id, o.amount
FROM src_orders o
LEFT ANTI JOIN int_order_tags t ON t.order_id = o.order_id;
