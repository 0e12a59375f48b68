INSERT INTO c360_fct_carrier_delivery_performance
WITH delivered AS (
  SELECT *
  FROM src_c360_shipments AS src_shipments
  WHERE actual_delivery_date IS NOT NULL
)
SELECT
  carrier,
  COUNT(*) AS delivered_shipments,
  CAST(AVG(transit_days) AS DECIMAL(6, 2)) AS avg_transit_days,
  CAST(AVG(delivery_delay_days) AS DECIMAL(6, 2)) AS avg_delay_days,
  MAX(delivery_delay_days) AS max_delay_days,
  SUM(is_late) AS late_shipments,
  ROUND(1 - SUM(is_late) / COUNT(*), 4) AS on_time_rate,
  SUM(shipping_cost) AS total_shipping_cost,
  CAST(SUM(shipping_cost) / NULLIF(SUM(weight_kg), 0) AS DECIMAL(10, 2)) AS cost_per_kg
FROM delivered
GROUP BY carrier;
