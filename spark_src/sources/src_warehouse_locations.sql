-- =============================================================================
-- src_warehouse_locations
-- Layer : source (product c360)
-- Grain : one row per location_id (warehouse, distribution center or store)
-- Input : warehouse_locations_raw (logistics/warehouse_locations.csv)
-- =============================================================================

CREATE OR REPLACE TEMPORARY VIEW warehouse_locations_raw
USING CSV
OPTIONS (
  path '../shared/data/c360_mock_data/logistics/warehouse_locations.csv',
  header 'true',
  inferSchema 'true'
);

CREATE OR REPLACE TEMPORARY VIEW src_warehouse_locations AS
SELECT
  TRIM(location_id)                        AS location_id,
  location_name,
  LOWER(location_type)                     AS location_type,
  CASE WHEN LOWER(location_type) = 'store' THEN 'Store' ELSE 'Fulfilment' END
                                           AS location_class,
  city,
  state,
  country,
  CAST(capacity_cubic_meters AS INT)       AS capacity_cubic_meters
FROM warehouse_locations_raw
WHERE location_id IS NOT NULL;
