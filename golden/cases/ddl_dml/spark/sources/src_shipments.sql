CREATE OR REPLACE TEMPORARY VIEW shipments_raw
USING CSV
OPTIONS (path 'data/shipments.csv', header 'true', inferSchema 'true');

CREATE OR REPLACE TEMPORARY VIEW src_shipments AS
SELECT shipment_id, carrier, ship_date, delivered_date,
       DATEDIFF(delivered_date, ship_date) AS transit_days, cost
FROM shipments_raw;
