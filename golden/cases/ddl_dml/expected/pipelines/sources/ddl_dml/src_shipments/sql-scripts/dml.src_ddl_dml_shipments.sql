INSERT INTO src_ddl_dml_shipments
SELECT
  shipment_id,
  carrier,
  ship_date,
  delivered_date,
  TIMESTAMPDIFF(DAY, ship_date, delivered_date) AS transit_days,
  cost
FROM (
  SELECT
    shipment_id,
    carrier,
    ship_date,
    delivered_date,
    cost
  FROM (
    SELECT
      *,
      ROW_NUMBER() OVER (PARTITION BY shipment_id ORDER BY `$rowtime` DESC) AS rn
    FROM shipments_raw
  )
  WHERE rn = 1
) AS shipments_raw;
