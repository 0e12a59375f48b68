INSERT INTO int_syntax_order_tags
SELECT
  o.order_id,
  o.customer_id,
  tag
FROM src_syntax_orders o
CROSS JOIN UNNEST(SPLIT(o.tags, ';')) AS t(tag)
WHERE o.tags IS NOT NULL;
