INSERT INTO ddl_dml_fct_carrier_costs
SELECT
  carrier,
  SUM(cost) AS total_cost,
  COUNT(*) AS shipments
FROM src_ddl_dml_shipments AS src_shipments
GROUP BY carrier;
