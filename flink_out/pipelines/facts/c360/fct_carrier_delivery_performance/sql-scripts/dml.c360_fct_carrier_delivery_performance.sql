INSERT INTO c360_fct_carrier_delivery_performance
WITH delivered AS (
  SELECT *
  FROM src_c360_shipments AS src_shipments
  WHERE actual_delivery_date IS NOT NULL
)
SELECT
  carrier,
  COUNT(*) AS delivered_shipments,
  CAST(AVG(CAST(transit_days AS DOUBLE)) AS DECIMAL(6, 2)) AS avg_transit_days,
  CAST(AVG(CAST(delivery_delay_days AS DOUBLE)) AS DECIMAL(6, 2)) AS avg_delay_days,
  MAX(delivery_delay_days) AS max_delay_days,
  SUM(CAST(is_late AS BIGINT)) AS late_shipments,
  ROUND(1 - CAST(SUM(CAST(is_late AS BIGINT)) AS DOUBLE) / COUNT(*), 4) AS on_time_rate,
  SUM(shipping_cost) AS total_shipping_cost,
  CAST(SUM(shipping_cost) / NULLIF(SUM(weight_kg), 0) AS DECIMAL(10, 2)) AS cost_per_kg
FROM delivered
GROUP BY carrier;
