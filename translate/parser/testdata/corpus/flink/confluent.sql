-- Confluent Cloud for Apache Flink pipelines as the c360 migration emits
-- them: DDL per table (upsert / append changelog, avro-registry, hash
-- distribution) and the DML that fills it, dedup on $rowtime.

SET 'client.statement-name' = 'dev-usw2-c360-ddl-src-c360-customers';

CREATE TABLE IF NOT EXISTS src_c360_customers (
    customer_id    BIGINT NOT NULL,
    email          STRING,
    first_name     STRING,
    last_name      STRING,
    country_code   STRING,
    signup_ts      TIMESTAMP(3),
    updated_ts     TIMESTAMP(3),
    PRIMARY KEY (customer_id) NOT ENFORCED
) DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS
WITH (
    'changelog.mode' = 'upsert',
    'key.avro-registry.schema-context' = '.flink-dev',
    'value.avro-registry.schema-context' = '.flink-dev',
    'key.format' = 'avro-registry',
    'value.format' = 'avro-registry',
    'kafka.retention.time' = '0',
    'kafka.producer.compression.type' = 'snappy',
    'scan.bounded.mode' = 'unbounded',
    'scan.startup.mode' = 'earliest-offset',
    'value.fields-include' = 'all'
);

SET 'client.statement-name' = 'dev-usw2-c360-dml-src-c360-customers';

INSERT INTO src_c360_customers
WITH typed AS (
    SELECT CAST(customer_id AS BIGINT)                          AS customer_id,
           LOWER(TRIM(email))                                   AS email,
           INITCAP(first_name)                                  AS first_name,
           INITCAP(last_name)                                   AS last_name,
           UPPER(COALESCE(NULLIF(country, ''), 'US'))           AS country_code,
           TO_TIMESTAMP(signup_ts, 'yyyy-MM-dd HH:mm:ss')       AS signup_ts,
           TO_TIMESTAMP(updated_ts, 'yyyy-MM-dd HH:mm:ss')      AS updated_ts,
           `$rowtime`                                           AS rt
    FROM customers_raw
    WHERE customer_id IS NOT NULL
      AND REGEXP(customer_id, '^[0-9]+$')
)
SELECT customer_id, email, first_name, last_name, country_code, signup_ts, updated_ts
FROM (
    SELECT *,
           ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY rt DESC) AS rn
    FROM typed
)
WHERE rn = 1;

-- raw input table for the tests/ folder and its rows
CREATE TABLE IF NOT EXISTS customers_raw (
    customer_id STRING,
    email       STRING,
    first_name  STRING,
    last_name   STRING,
    country     STRING,
    signup_ts   STRING,
    updated_ts  STRING
) DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS
WITH (
    'changelog.mode' = 'append',
    'value.format' = 'json-registry'
);

INSERT INTO customers_raw VALUES
    ('1', 'Ann@Example.com ', 'ann', 'lee', 'us', '2023-01-05 10:00:00', '2024-01-01 09:00:00'),
    ('2', 'bob@example.com',  'bob', 'ray', '',   '2023-02-11 12:30:00', '2024-02-01 08:15:00'),
    ('1', 'ann@example.com',  'ann', 'lee', 'US', '2023-01-05 10:00:00', '2024-03-01 07:45:00');

CREATE TABLE c360_fct_daily_activity (
    customer_id     BIGINT NOT NULL,
    activity_date   DATE NOT NULL,
    events          BIGINT,
    page_views      BIGINT,
    revenue         DECIMAL(18, 2),
    PRIMARY KEY (customer_id, activity_date) NOT ENFORCED
) DISTRIBUTED BY HASH(customer_id, activity_date) INTO 3 BUCKETS
WITH ('changelog.mode' = 'upsert', 'key.format' = 'avro-registry', 'value.format' = 'avro-registry');

INSERT INTO c360_fct_daily_activity
SELECT /*+ STATE_TTL('e' = '2d') */
       e.customer_id,
       CAST(window_start AS DATE)                              AS activity_date,
       COUNT(*)                                                AS events,
       COUNT(*) FILTER (WHERE e.event_type = 'page_view')      AS page_views,
       CAST(SUM(COALESCE(e.amount, 0)) AS DECIMAL(18, 2))      AS revenue
FROM TABLE(TUMBLE(TABLE src_c360_events, DESCRIPTOR(`$rowtime`), INTERVAL '1' DAY)) AS e
GROUP BY e.customer_id, window_start, window_end;

ALTER TABLE c360_fct_daily_activity SET ('kafka.retention.time' = '30 d');

ALTER TABLE src_c360_events MODIFY WATERMARK FOR `$rowtime` AS `$rowtime` - INTERVAL '5' SECOND;

EXPLAIN CHANGELOG_MODE
SELECT customer_id, COUNT(*) FROM src_c360_events GROUP BY customer_id;

SHOW CREATE TABLE src_c360_customers;

DESCRIBE EXTENDED src_c360_customers;

-- the dimension, built from a regular join with a TTL hint
INSERT INTO c360_dim_customers
SELECT /*+ STATE_TTL('c' = '365d', 'o' = '365d') */
       c.customer_id,
       c.email,
       CASE
           WHEN o.lifetime_value IS NULL THEN 'prospect'
           WHEN o.lifetime_value >= 1000 THEN 'high_value'
           ELSE 'active'
       END                                                   AS lifecycle,
       COALESCE(o.lifetime_value, 0)                         AS lifetime_value,
       CURRENT_TIMESTAMP                                     AS loaded_at
FROM src_c360_customers c
LEFT JOIN (
    SELECT customer_id, CAST(SUM(amount) AS DECIMAL(18, 2)) AS lifetime_value
    FROM src_c360_orders
    WHERE status NOT IN ('CANCELLED', 'FRAUD')
    GROUP BY customer_id
) o ON o.customer_id = c.customer_id;
