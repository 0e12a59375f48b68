-- CTAS: one row per carrier.
CREATE TABLE fct_carrier_costs USING parquet AS
SELECT carrier, SUM(cost) AS total_cost, COUNT(*) AS shipments
FROM src_shipments
GROUP BY carrier;
