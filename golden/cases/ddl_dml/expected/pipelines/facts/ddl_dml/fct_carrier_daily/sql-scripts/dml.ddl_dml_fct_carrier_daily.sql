INSERT INTO ddl_dml_fct_carrier_daily
SELECT
  carrier,
  COUNT(*) AS shipments,
  AVG(CAST(transit_days AS DOUBLE)) AS avg_transit_days,
  ship_date
FROM src_ddl_dml_shipments AS src_shipments
GROUP BY carrier, ship_date;
