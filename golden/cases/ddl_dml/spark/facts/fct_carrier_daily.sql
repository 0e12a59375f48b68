-- A partitioned parquet table overwritten by each batch run. Spark puts the
-- partition column last and INSERT maps columns by position, so the query
-- selects it last too.
CREATE TABLE IF NOT EXISTS fct_carrier_daily (
  carrier STRING,
  ship_date DATE,
  shipments BIGINT,
  avg_transit_days DOUBLE
)
USING parquet
PARTITIONED BY (ship_date);

INSERT OVERWRITE TABLE fct_carrier_daily
SELECT carrier, COUNT(*) AS shipments, AVG(transit_days) AS avg_transit_days, ship_date
FROM src_shipments
GROUP BY carrier, ship_date;
