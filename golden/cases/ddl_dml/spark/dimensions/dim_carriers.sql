-- A Delta table kept up to date with MERGE: an upsert on carrier.
CREATE TABLE IF NOT EXISTS dim_carriers (carrier STRING, shipments BIGINT, total_cost DOUBLE) USING delta;

MERGE INTO dim_carriers t
USING (SELECT carrier, COUNT(*) AS shipments, SUM(cost) AS total_cost FROM src_shipments GROUP BY carrier) s
ON t.carrier = s.carrier
WHEN MATCHED THEN UPDATE SET *
WHEN NOT MATCHED THEN INSERT *;
