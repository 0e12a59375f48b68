INSERT INTO ddl_dml_dim_carriers
SELECT *
FROM (
  SELECT
    carrier,
    COUNT(*) AS shipments,
    SUM(cost) AS total_cost
  FROM src_ddl_dml_shipments AS src_shipments
  GROUP BY carrier
) s;
