INSERT INTO c360_fct_inventory_reorder_status
WITH positions AS (
  SELECT
    i.product_id,
    i.location_id,
    p.product_name,
    p.category_group,
    COALESCE(p.product_id IS NOT NULL, FALSE) AS is_active_product,
    w.location_name,
    w.location_class,
    i.stock_quantity,
    i.reserved_quantity,
    i.available_quantity,
    i.reorder_point,
    i.max_stock_level,
    i.last_updated_ts
  FROM src_c360_inventory i
  LEFT JOIN src_c360_products p ON i.product_id = p.product_id
  LEFT JOIN src_c360_warehouse_locations w ON i.location_id = w.location_id
)
SELECT
  product_id,
  location_id,
  product_name,
  category_group,
  is_active_product,
  location_name,
  location_class,
  stock_quantity,
  reserved_quantity,
  available_quantity,
  reorder_point,
  max_stock_level,
  ROUND(CAST(available_quantity AS DOUBLE) / NULLIF(reorder_point, 0), 2) AS reorder_cover_ratio,
  CASE WHEN available_quantity <= reorder_point THEN 1 ELSE 0 END AS needs_reorder,
  CASE
    WHEN available_quantity <= reorder_point THEN 'Reorder Now'
    WHEN available_quantity <= 2 * reorder_point THEN 'Low'
    WHEN stock_quantity >= max_stock_level THEN 'Overstocked'
    ELSE 'Healthy'
  END AS stock_status,
  CASE WHEN available_quantity <= reorder_point THEN max_stock_level - stock_quantity ELSE 0 END AS suggested_order_quantity,
  last_updated_ts
FROM positions;
