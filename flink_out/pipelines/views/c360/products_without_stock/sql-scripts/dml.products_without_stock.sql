INSERT INTO products_without_stock
SELECT
  p.product_id,
  p.product_name,
  p.category,
  p.category_group,
  p.brand,
  p.price,
  p.price_segment
FROM src_c360_products p
WHERE NOT EXISTS (
  SELECT 1
  FROM src_c360_inventory i
  WHERE p.product_id = i.product_id
);
