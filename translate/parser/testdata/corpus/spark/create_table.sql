-- CREATE TABLE in its Spark forms: data source (USING), Hive (STORED AS,
-- ROW FORMAT), partitioning, bucketing, LOCATION, COMMENT, TBLPROPERTIES,
-- OPTIONS, column constraints, defaults, generated columns, CTAS, DROP.

CREATE TABLE IF NOT EXISTS dim.customers (
    customer_id   BIGINT    NOT NULL COMMENT 'surrogate key',
    source_id     STRING    NOT NULL,
    email         STRING,
    first_name    STRING,
    last_name     STRING,
    country_code  STRING    DEFAULT 'US',
    is_active     BOOLEAN   DEFAULT true,
    created_at    TIMESTAMP,
    created_date  DATE      GENERATED ALWAYS AS (CAST(created_at AS DATE)),
    updated_at    TIMESTAMP
)
USING delta
PARTITIONED BY (country_code)
LOCATION 's3://lake/dim/customers'
COMMENT 'Customer dimension, SCD1'
TBLPROPERTIES (
    'delta.autoOptimize.optimizeWrite' = 'true',
    'delta.enableChangeDataFeed' = 'true',
    'team' = 'c360'
);

CREATE TABLE fct.orders (
    order_id     BIGINT,
    customer_id  BIGINT,
    order_ts     TIMESTAMP,
    amount       DECIMAL(18, 2),
    order_date   DATE
)
USING parquet
PARTITIONED BY (order_date)
CLUSTERED BY (customer_id) SORTED BY (order_ts) INTO 32 BUCKETS
OPTIONS ('compression' = 'snappy');

CREATE EXTERNAL TABLE IF NOT EXISTS raw.web_logs (
    ip         STRING,
    ts         STRING,
    request    STRING,
    status     INT,
    bytes_sent BIGINT
)
PARTITIONED BY (log_date STRING)
ROW FORMAT DELIMITED
    FIELDS TERMINATED BY '\t'
    COLLECTION ITEMS TERMINATED BY ','
    MAP KEYS TERMINATED BY ':'
    LINES TERMINATED BY '\n'
    NULL DEFINED AS ''
STORED AS TEXTFILE
LOCATION '/data/raw/web_logs'
TBLPROPERTIES ('skip.header.line.count' = '1');

CREATE TABLE raw.orders_orc (order_id BIGINT, payload STRING)
STORED AS ORC
TBLPROPERTIES ('orc.compress' = 'ZLIB');

CREATE TABLE raw.json_events (event STRING)
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
WITH SERDEPROPERTIES ('ignore.malformed.json' = 'true')
STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'
          OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';

CREATE TABLE raw.customers_csv (
    customer_id STRING,
    email       STRING,
    signup_date STRING
)
USING csv
OPTIONS (
    path '/landing/customers/*.csv',
    header 'true',
    delimiter ';',
    inferSchema 'false',
    quote '"',
    escape '\\'
);

CREATE TABLE IF NOT EXISTS stg.products USING json LOCATION '/landing/products/';

CREATE OR REPLACE TABLE int.customer_orders
USING delta
PARTITIONED BY (order_month)
AS
SELECT c.customer_id,
       o.order_id,
       date_trunc('MONTH', o.order_ts) AS order_month,
       o.amount
FROM dim.customers c
JOIN fct.orders o ON o.customer_id = c.customer_id;

CREATE TABLE agg.daily_revenue
USING parquet
COMMENT 'CTAS with a CTE'
AS WITH d AS (
    SELECT to_date(order_ts) AS day, amount FROM fct.orders
)
SELECT day, SUM(amount) AS revenue FROM d GROUP BY day;

CREATE TABLE tmp.orders_copy STORED AS PARQUET AS SELECT * FROM fct.orders;

CREATE TABLE IF NOT EXISTS tmp.orders_like LIKE fct.orders;

CREATE TABLE tmp.orders_like_loc LIKE fct.orders USING parquet LOCATION '/tmp/orders_like';

REPLACE TABLE tmp.scratch (id BIGINT, note STRING) USING delta;

CREATE TABLE stg.identity_demo (
    id      BIGINT GENERATED ALWAYS AS (abs(hash(source_id))),
    source_id STRING NOT NULL COMMENT 'natural key',
    note    STRING DEFAULT 'n/a' COMMENT 'default and comment together'
) USING delta
CLUSTERED BY (id) INTO 8 BUCKETS;

CREATE TEMPORARY TABLE hive_tmp (id INT) USING parquet;

DROP TABLE IF EXISTS tmp.orders_copy;

DROP TABLE tmp.scratch PURGE;

DROP VIEW IF EXISTS rpt.v_customers;

DROP DATABASE IF EXISTS scratch CASCADE;

CREATE DATABASE IF NOT EXISTS c360 COMMENT 'customer 360' LOCATION '/lake/c360' WITH DBPROPERTIES ('team' = 'data');

CREATE SCHEMA IF NOT EXISTS staging;

TRUNCATE TABLE stg.products;

ALTER TABLE dim.customers SET TBLPROPERTIES ('delta.logRetentionDuration' = 'interval 30 days');

ALTER TABLE dim.customers UNSET TBLPROPERTIES IF EXISTS ('team');

ALTER TABLE raw.web_logs ADD IF NOT EXISTS PARTITION (log_date = '2024-01-01') LOCATION '/data/raw/web_logs/2024-01-01';

ALTER TABLE raw.web_logs DROP IF EXISTS PARTITION (log_date = '2023-01-01');

ALTER TABLE raw.web_logs PARTITION (log_date = '2024-01-01') SET LOCATION '/archive/2024-01-01';

ALTER TABLE raw.web_logs RECOVER PARTITIONS;

ALTER TABLE tmp.orders_like RENAME TO tmp.orders_template;

ALTER TABLE raw.web_logs SET SERDEPROPERTIES ('field.delim' = '\t');

COMMENT ON TABLE dim.customers IS 'One row per customer';

COMMENT ON DATABASE c360 IS NULL;
