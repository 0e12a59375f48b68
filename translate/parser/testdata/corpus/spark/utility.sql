-- Session and catalog utility statements: SET, RESET, USE, CACHE, UNCACHE,
-- REFRESH, ANALYZE, SHOW, DESCRIBE, EXPLAIN, MSCK, ADD JAR, functions.

SET spark.sql.shuffle.partitions = 200;

SET spark.sql.sources.partitionOverwriteMode=dynamic;

SET spark.sql.session.timeZone = UTC;

SET spark.sql.legacy.timeParserPolicy = LEGACY;

SET `spark.sql.adaptive.enabled` = `true`;

SET;

SET -v;

SET spark.sql.ansi.enabled;

RESET;

RESET spark.sql.shuffle.partitions;

SET TIME ZONE 'America/Los_Angeles';

SET TIME ZONE LOCAL;

SET TIME ZONE INTERVAL '+02:00' HOUR TO MINUTE;

USE c360;

USE DATABASE staging;

USE SCHEMA c360;

CACHE TABLE dim.customers;

CACHE LAZY TABLE hot_orders OPTIONS ('storageLevel' 'MEMORY_AND_DISK') AS
SELECT * FROM fct.orders WHERE order_ts > current_timestamp() - INTERVAL 1 DAY;

UNCACHE TABLE IF EXISTS hot_orders;

UNCACHE TABLE dim.customers;

CLEAR CACHE;

REFRESH TABLE dim.customers;

REFRESH '/lake/fct/orders';

REFRESH FUNCTION c360.mask_email;

ANALYZE TABLE fct.orders COMPUTE STATISTICS;

ANALYZE TABLE fct.orders PARTITION (order_date = '2024-06-01') COMPUTE STATISTICS NOSCAN;

ANALYZE TABLE dim.customers COMPUTE STATISTICS FOR COLUMNS customer_id, country_code;

ANALYZE TABLE dim.customers COMPUTE STATISTICS FOR ALL COLUMNS;

ANALYZE TABLES IN c360 COMPUTE STATISTICS;

SHOW DATABASES;

SHOW SCHEMAS LIKE 'c360*';

SHOW TABLES;

SHOW TABLES IN c360 LIKE 'dim_*|fct_*';

SHOW VIEWS FROM rpt;

SHOW TBLPROPERTIES dim.customers;

SHOW TBLPROPERTIES dim.customers ('owner');

SHOW PARTITIONS raw.web_logs;

SHOW PARTITIONS raw.web_logs PARTITION (log_date = '2024-01-01');

SHOW COLUMNS IN dim.customers;

SHOW CREATE TABLE dim.customers;

SHOW CREATE TABLE raw.web_logs AS SERDE;

SHOW FUNCTIONS LIKE 'date*';

SHOW USER FUNCTIONS;

SHOW TABLE EXTENDED IN c360 LIKE 'dim*';

DESCRIBE dim.customers;

DESC TABLE EXTENDED dim.customers;

DESCRIBE FORMATTED fct.orders;

DESCRIBE TABLE dim.customers email;

DESCRIBE DATABASE EXTENDED c360;

DESCRIBE FUNCTION EXTENDED collect_list;

DESCRIBE QUERY SELECT customer_id, SUM(amount) FROM fct.orders GROUP BY customer_id;

DESCRIBE raw.web_logs PARTITION (log_date = '2024-01-01');

EXPLAIN SELECT * FROM dim.customers WHERE country_code = 'US';

EXPLAIN EXTENDED
SELECT c.customer_id, SUM(o.amount)
FROM dim.customers c JOIN fct.orders o ON o.customer_id = c.customer_id
GROUP BY c.customer_id;

EXPLAIN FORMATTED INSERT INTO agg.daily SELECT to_date(order_ts), SUM(amount) FROM fct.orders GROUP BY 1;

EXPLAIN CODEGEN SELECT 1;

EXPLAIN COST SELECT * FROM fct.orders;

MSCK REPAIR TABLE raw.web_logs;

MSCK REPAIR TABLE raw.web_logs SYNC PARTITIONS;

ADD JAR '/opt/jars/c360-udfs.jar';

ADD FILE /opt/conf/mapping.csv;

LIST JARS;

CREATE OR REPLACE TEMPORARY FUNCTION mask_email AS 'com.c360.udf.MaskEmail';

CREATE FUNCTION IF NOT EXISTS c360.parse_ua AS 'com.c360.udf.ParseUserAgent' USING JAR '/opt/jars/c360-udfs.jar';

DROP TEMPORARY FUNCTION IF EXISTS mask_email;
