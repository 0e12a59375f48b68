-- CREATE TABLE AS SELECT, CREATE OR REPLACE TABLE AS (RTAS), REPLACE TABLE AS.

CREATE TABLE src_c360_orders
WITH ('changelog.mode' = 'append')
AS SELECT order_id, customer_id, amount, order_time
FROM orders_raw
WHERE amount > 0;

CREATE TABLE IF NOT EXISTS int_c360_customer_emails (
    PRIMARY KEY (customer_id) NOT ENFORCED
) DISTRIBUTED BY HASH(customer_id) INTO 4 BUCKETS
WITH ('changelog.mode' = 'upsert')
AS SELECT customer_id, LOWER(TRIM(email)) AS email
FROM customers_raw;

CREATE OR REPLACE TABLE c360_fct_daily_revenue
WITH ('connector' = 'upsert-kafka', 'topic' = 'daily_revenue',
      'properties.bootstrap.servers' = 'localhost:9092',
      'key.format' = 'json', 'value.format' = 'json')
AS
SELECT window_start, window_end, SUM(amount) AS revenue
FROM TABLE(TUMBLE(TABLE orders_raw, DESCRIPTOR(order_time), INTERVAL '1' DAY))
GROUP BY window_start, window_end;

REPLACE TABLE int_c360_big_orders
WITH ('connector' = 'print')
AS SELECT * FROM orders_raw WHERE amount >= 1000;

-- CTAS with a declared schema part (computed column and watermark)
CREATE TABLE enriched_clicks (
    url_host AS SPLIT_INDEX(url, '/', 2),
    WATERMARK FOR click_ts AS click_ts - INTERVAL '5' SECOND
) WITH ('connector' = 'kafka', 'topic' = 'enriched_clicks', 'format' = 'json',
        'properties.bootstrap.servers' = 'localhost:9092')
AS SELECT user_id, url, CAST(`$rowtime` AS TIMESTAMP(3)) AS click_ts FROM clicks;
