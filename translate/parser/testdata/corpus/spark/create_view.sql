-- CREATE VIEW in every Spark form: OR REPLACE, GLOBAL TEMPORARY, TEMPORARY,
-- IF NOT EXISTS, column lists with comments, TBLPROPERTIES, and the
-- temporary view over files (USING csv OPTIONS (...)).

CREATE VIEW rpt.v_active_customers AS
SELECT customer_id, email
FROM dim.customers
WHERE is_active;

CREATE OR REPLACE VIEW rpt.v_customer_revenue (
    customer_id COMMENT 'customer key',
    revenue     COMMENT 'lifetime revenue, EUR'
)
COMMENT 'revenue per customer'
TBLPROPERTIES ('layer' = 'views')
AS
SELECT customer_id, SUM(amount)
FROM fct.orders
GROUP BY customer_id;

CREATE VIEW IF NOT EXISTS rpt.v_orders_2024 (order_id, amount) AS
SELECT order_id, amount FROM fct.orders WHERE year(order_ts) = 2024;

CREATE TEMPORARY VIEW recent_orders AS
SELECT * FROM fct.orders WHERE order_ts > current_timestamp() - INTERVAL 7 DAYS;

CREATE OR REPLACE TEMPORARY VIEW customers_dedup AS
WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY updated_at DESC) AS rn
    FROM raw.customers
)
SELECT * FROM ranked WHERE rn = 1;

CREATE GLOBAL TEMPORARY VIEW shared_calendar AS
SELECT explode(sequence(DATE '2024-01-01', DATE '2024-12-31', INTERVAL 1 DAY)) AS day;

CREATE OR REPLACE GLOBAL TEMPORARY VIEW shared_fx AS SELECT * FROM ref.fx_rates;

CREATE TEMP VIEW v_small AS SELECT 1 AS x;

-- raw inputs: temporary views straight over files
CREATE OR REPLACE TEMPORARY VIEW customers_raw
USING csv
OPTIONS (
    path 'data/customers.csv',
    header 'true',
    inferSchema 'true'
);

CREATE TEMPORARY VIEW orders_raw (order_id BIGINT, customer_id BIGINT, amount DOUBLE, order_ts TIMESTAMP)
USING csv
OPTIONS (path 'data/orders.csv', header 'true', timestampFormat 'yyyy-MM-dd HH:mm:ss');

CREATE OR REPLACE TEMPORARY VIEW events_raw
USING json
OPTIONS (path 'data/events/*.json', multiLine 'false');

CREATE TEMPORARY VIEW products_raw USING parquet OPTIONS (path '/landing/products');

SELECT * FROM global_temp.shared_calendar;

ALTER VIEW rpt.v_active_customers AS SELECT customer_id, email, country_code FROM dim.customers WHERE is_active;

ALTER VIEW rpt.v_customer_revenue SET TBLPROPERTIES ('refreshed' = '2024-06-01');

ALTER VIEW rpt.v_orders_2024 RENAME TO rpt.v_orders_y2024;

DROP VIEW IF EXISTS recent_orders;

-- query over files directly
SELECT * FROM csv.`data/customers.csv`;

SELECT * FROM parquet.`/lake/fct/orders/` WHERE amount > 0;
