-- One row per tag of an order.
CREATE OR REPLACE TEMPORARY VIEW int_order_tags AS
SELECT o.order_id, o.customer_id, tag
FROM src_orders o
LATERAL VIEW explode(split(o.tags, ';')) t AS tag
WHERE o.tags IS NOT NULL;
