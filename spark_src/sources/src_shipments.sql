-- =============================================================================
-- src_shipments
-- Layer : source (product c360)
-- Grain : one row per shipment_id
-- Input : shipments_raw (logistics/shipments.csv)
--
-- Typed shipments with transit time and delay against the promised date
-- (negative delay = delivered early; null while not delivered).
-- =============================================================================

CREATE OR REPLACE TEMPORARY VIEW shipments_raw
USING CSV
OPTIONS (
  path '../shared/data/c360_mock_data/logistics/shipments.csv',
  header 'true',
  inferSchema 'true'
);

CREATE OR REPLACE TEMPORARY VIEW src_shipments AS
WITH typed AS (
  SELECT
    TRIM(shipment_id)                           AS shipment_id,
    TRIM(transaction_id)                        AS transaction_id,
    CAST(tracking_number AS STRING)             AS tracking_number,
    carrier,
    LOWER(service_level)                        AS service_level,
    origin_location,
    CAST(weight_kg AS DECIMAL(8, 3))            AS weight_kg,
    CAST(ship_date AS DATE)                     AS ship_date,
    CAST(estimated_delivery AS DATE)            AS estimated_delivery_date,
    CAST(actual_delivery AS DATE)               AS actual_delivery_date,
    LOWER(delivery_status)                      AS delivery_status,
    CAST(shipping_cost AS DECIMAL(10, 2))       AS shipping_cost
  FROM shipments_raw
  WHERE shipment_id IS NOT NULL
)
SELECT
  shipment_id,
  transaction_id,
  tracking_number,
  carrier,
  service_level,
  origin_location,
  weight_kg,
  ship_date,
  estimated_delivery_date,
  actual_delivery_date,
  delivery_status,
  shipping_cost,
  DATEDIFF(actual_delivery_date, ship_date)                  AS transit_days,
  DATEDIFF(actual_delivery_date, estimated_delivery_date)    AS delivery_delay_days,
  CASE
    WHEN actual_delivery_date IS NULL                       THEN NULL
    WHEN actual_delivery_date > estimated_delivery_date     THEN 1
    ELSE 0
  END                                                        AS is_late
FROM typed;
