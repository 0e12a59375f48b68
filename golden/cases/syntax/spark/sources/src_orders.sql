-- Orders from the web shop and the stores, typed.
CREATE OR REPLACE TEMPORARY VIEW orders_raw
USING CSV
OPTIONS (path 'data/orders.csv', header 'true', inferSchema 'true');

CREATE OR REPLACE TEMPORARY VIEW src_orders AS
SELECT
  order_id,
  customer_id,
  LOWER(channel)                   AS channel,
  CAST(amount AS DECIMAL(10, 2))   AS amount,
  order_ts,
  CAST(order_ts AS DATE)           AS order_date,
  tags
FROM orders_raw
WHERE order_id IS NOT NULL;
