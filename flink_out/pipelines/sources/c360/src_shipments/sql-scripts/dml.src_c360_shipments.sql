INSERT INTO src_c360_shipments
WITH typed AS (
  SELECT
    TRIM(shipment_id) AS shipment_id,
    TRIM(transaction_id) AS transaction_id,
    CAST(tracking_number AS STRING) AS tracking_number,
    carrier,
    LOWER(service_level) AS service_level,
    origin_location,
    CAST(weight_kg AS DECIMAL(8, 3)) AS weight_kg,
    CAST(ship_date AS DATE) AS ship_date,
    CAST(estimated_delivery AS DATE) AS estimated_delivery_date,
    CAST(actual_delivery AS DATE) AS actual_delivery_date,
    LOWER(delivery_status) AS delivery_status,
    CAST(shipping_cost AS DECIMAL(10, 2)) AS shipping_cost
  FROM (
    SELECT
      shipment_id,
      transaction_id,
      tracking_number,
      carrier,
      service_level,
      origin_location,
      destination_address,
      weight_kg,
      dimensions,
      ship_date,
      estimated_delivery,
      actual_delivery,
      delivery_status,
      shipping_cost
    FROM (
      SELECT
        *,
        ROW_NUMBER() OVER (PARTITION BY shipment_id ORDER BY `$rowtime` DESC) AS rn
      FROM shipments_raw
    )
    WHERE rn = 1
  ) AS shipments_raw
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
  TIMESTAMPDIFF(DAY, ship_date, actual_delivery_date) AS transit_days,
  TIMESTAMPDIFF(DAY, estimated_delivery_date, actual_delivery_date) AS delivery_delay_days,
  CASE
    WHEN actual_delivery_date IS NULL THEN NULL
    WHEN actual_delivery_date > estimated_delivery_date THEN 1
    ELSE 0
  END AS is_late
FROM typed;
