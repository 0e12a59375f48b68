-- SET / RESET, USE, catalogs and databases, ALTER TABLE, DROP, SHOW,
-- DESCRIBE, EXPLAIN, functions, jars.

SET 'table.exec.state.ttl' = '1 d';

SET 'execution.runtime-mode' = 'streaming';

SET 'sql.local-time-zone' = 'UTC';

SET 'client.statement-name' = 'dev-usw2-c360-dml-src-c360-customers';

SET 'table.exec.mini-batch.enabled' = 'true';

SET;

RESET 'table.exec.state.ttl';

RESET;

CREATE CATALOG c360_catalog WITH (
    'type' = 'generic_in_memory'
);

USE CATALOG c360_catalog;

CREATE DATABASE IF NOT EXISTS c360_db COMMENT 'customer 360' WITH ('owner' = 'data');

USE c360_db;

USE `c360-env`.`c360-cluster`;

ALTER TABLE c360_dim_customers SET ('changelog.mode' = 'upsert', 'kafka.retention.time' = '7 d');

ALTER TABLE orders_raw RESET ('scan.startup.mode');

ALTER TABLE orders_raw ADD coupon STRING COMMENT 'coupon code' AFTER amount;

ALTER TABLE orders_raw ADD (
    channel STRING FIRST,
    amount_eur AS amount * 0.92
);

ALTER TABLE customers_raw ADD PRIMARY KEY (customer_id) NOT ENFORCED;

ALTER TABLE src_c360_orders ADD WATERMARK FOR order_time AS order_time - INTERVAL '1' MINUTE;

ALTER TABLE orders_raw MODIFY amount DECIMAL(12, 2) NOT NULL;

ALTER TABLE orders_raw MODIFY (
    coupon VARCHAR(32),
    WATERMARK FOR order_time AS order_time - INTERVAL '10' SECOND
);

ALTER TABLE clicks MODIFY WATERMARK FOR `$rowtime` AS `$rowtime` - INTERVAL '1' SECOND;

ALTER TABLE orders_raw DROP coupon;

ALTER TABLE orders_raw DROP (channel, amount_eur);

ALTER TABLE customers_raw DROP PRIMARY KEY;

ALTER TABLE orders_raw DROP WATERMARK;

ALTER TABLE orders_raw RENAME amount TO order_amount;

ALTER TABLE IF EXISTS orders_copy RENAME TO orders_archive;

ALTER TABLE events_hash_only ADD DISTRIBUTION BY HASH(event_id) INTO 4 BUCKETS;

ALTER TABLE events_range MODIFY DISTRIBUTION INTO 16 BUCKETS;

ALTER TABLE events_buckets_only DROP DISTRIBUTION;

DROP TABLE IF EXISTS orders_archive;

DROP TEMPORARY TABLE datagen_orders;

DROP DATABASE IF EXISTS scratch CASCADE;

DROP CATALOG IF EXISTS old_catalog;

SHOW CATALOGS;

SHOW CURRENT CATALOG;

SHOW DATABASES;

SHOW CURRENT DATABASE;

SHOW TABLES;

SHOW TABLES FROM c360_catalog.c360_db LIKE 'src_%';

SHOW VIEWS;

SHOW COLUMNS FROM orders_raw LIKE '%time%';

SHOW CREATE TABLE c360_dim_customers;

SHOW CREATE VIEW v_revenue_by_country;

SHOW FUNCTIONS;

SHOW USER FUNCTIONS;

SHOW JOBS;

SHOW MODULES;

SHOW FULL MODULES;

SHOW JARS;

DESCRIBE orders_raw;

DESC c360_dim_customers;

DESCRIBE EXTENDED c360_dim_customers;

EXPLAIN SELECT customer_id, SUM(amount) FROM orders_raw GROUP BY customer_id;

EXPLAIN CHANGELOG_MODE
SELECT customer_id, SUM(amount) AS revenue FROM orders_raw GROUP BY customer_id;

EXPLAIN ESTIMATED_COST, CHANGELOG_MODE, JSON_EXECUTION_PLAN
INSERT INTO c360_fct_orders SELECT order_id, customer_id, amount, order_time FROM orders_raw;

EXPLAIN PLAN FOR SELECT * FROM orders_raw WHERE amount > 10;

EXPLAIN PLAN_ADVICE SELECT * FROM orders_raw o JOIN src_c360_customers c ON o.customer_id = c.customer_id;

EXPLAIN STATEMENT SET BEGIN
INSERT INTO big_orders SELECT * FROM orders_raw WHERE amount >= 1000;
INSERT INTO small_orders SELECT * FROM orders_raw WHERE amount < 1000;
END;

CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS mask_email AS 'com.c360.udf.MaskEmail' LANGUAGE JAVA;

CREATE FUNCTION c360_db.parse_ua AS 'com.c360.udf.ParseUserAgent' USING JAR '/opt/jars/c360-udfs.jar';

ALTER FUNCTION c360_db.parse_ua AS 'com.c360.udf.ParseUserAgentV2';

DROP TEMPORARY SYSTEM FUNCTION IF EXISTS mask_email;

ADD JAR '/opt/jars/c360-udfs.jar';

REMOVE JAR '/opt/jars/c360-udfs.jar';

LOAD MODULE hive WITH ('hive-version' = '3.1.3');

UNLOAD MODULE hive;

USE MODULES core;

ANALYZE TABLE fs_orders PARTITION (dt = '2024-06-01', hr) COMPUTE STATISTICS FOR ALL COLUMNS;

TRUNCATE TABLE fs_orders;

STOP JOB '228d70913eab60dda85c5e7f78b5782c' WITH SAVEPOINT;
