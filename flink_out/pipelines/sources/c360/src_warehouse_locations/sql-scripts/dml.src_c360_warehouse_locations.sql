INSERT INTO src_c360_warehouse_locations
SELECT
  TRIM(location_id) AS location_id,
  location_name,
  LOWER(location_type) AS location_type,
  CASE WHEN LOWER(location_type) = 'store' THEN 'Store' ELSE 'Fulfilment' END AS location_class,
  city,
  state,
  country,
  CAST(capacity_cubic_meters AS INT) AS capacity_cubic_meters
FROM (
  SELECT
    location_id,
    location_name,
    location_type,
    address,
    city,
    state,
    country,
    capacity_cubic_meters,
    manager_name
  FROM (
    SELECT
      *,
      ROW_NUMBER() OVER (PARTITION BY location_id ORDER BY `$rowtime` DESC) AS rn
    FROM warehouse_locations_raw
  )
  WHERE rn = 1
) AS warehouse_locations_raw
WHERE location_id IS NOT NULL;
