-- =============================================================================
-- src_inventory
-- Layer : source (product c360)
-- Grain : one row per (product_id, location_id), latest snapshot
-- Input : inventory_raw (products/inventory.csv)
--
-- Stock positions per product and location. Only the most recent snapshot of
-- each product/location pair is kept.
-- =============================================================================

CREATE OR REPLACE TEMPORARY VIEW inventory_raw
USING CSV
OPTIONS (
  path '../shared/data/c360_mock_data/products/inventory.csv',
  header 'true',
  inferSchema 'true'
);

CREATE OR REPLACE TEMPORARY VIEW src_inventory AS
WITH typed AS (
  SELECT
    TRIM(inventory_id)                      AS inventory_id,
    TRIM(product_id)                        AS product_id,
    TRIM(location_id)                       AS location_id,
    CAST(stock_quantity AS INT)             AS stock_quantity,
    CAST(reserved_quantity AS INT)          AS reserved_quantity,
    CAST(reorder_point AS INT)              AS reorder_point,
    CAST(max_stock_level AS INT)            AS max_stock_level,
    CAST(last_updated AS TIMESTAMP)         AS last_updated_ts
  FROM inventory_raw
  WHERE product_id IS NOT NULL
    AND location_id IS NOT NULL
),
latest_snapshot AS (
  SELECT *
  FROM (
    SELECT
      typed.*,
      ROW_NUMBER() OVER (
        PARTITION BY product_id, location_id
        ORDER BY last_updated_ts DESC
      ) AS rn
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
  stock_quantity - reserved_quantity      AS available_quantity,
  reorder_point,
  max_stock_level,
  last_updated_ts
FROM latest_snapshot;
