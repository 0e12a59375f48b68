INSERT INTO src_c360_inventory
WITH typed AS (
  SELECT
    TRIM(inventory_id) AS inventory_id,
    TRIM(product_id) AS product_id,
    TRIM(location_id) AS location_id,
    CAST(stock_quantity AS INT) AS stock_quantity,
    CAST(reserved_quantity AS INT) AS reserved_quantity,
    CAST(reorder_point AS INT) AS reorder_point,
    CAST(max_stock_level AS INT) AS max_stock_level,
    CAST(last_updated AS TIMESTAMP(3)) AS last_updated_ts
  FROM inventory_raw
  WHERE product_id IS NOT NULL AND location_id IS NOT NULL
),

latest_snapshot AS (
  SELECT *
  FROM (
    SELECT
      typed.*,
      ROW_NUMBER() OVER (PARTITION BY product_id, location_id ORDER BY last_updated_ts DESC) AS rn
    FROM typed
  ) ranked
  WHERE rn = 1
)
SELECT
  inventory_id,
  product_id,
  location_id,
  stock_quantity,
  reserved_quantity,
  stock_quantity - reserved_quantity AS available_quantity,
  reorder_point,
  max_stock_level,
  last_updated_ts
FROM latest_snapshot;
