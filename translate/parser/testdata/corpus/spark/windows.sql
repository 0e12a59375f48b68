-- Window functions: ranking, offsets, aggregates over frames, named windows,
-- and the ROW_NUMBER dedup pattern.

-- latest record per customer (dedup)
SELECT *
FROM (
    SELECT c.*,
           ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY updated_at DESC) AS rn
    FROM raw.customers_cdc c
) t
WHERE rn = 1;

WITH ranked AS (
    SELECT order_id,
           customer_id,
           amount,
           row_number() OVER (PARTITION BY order_id ORDER BY ingest_ts DESC, _offset DESC) AS rn
    FROM raw.orders_stream
)
SELECT order_id, customer_id, amount FROM ranked WHERE rn = 1;

SELECT customer_id,
       order_id,
       RANK()       OVER (PARTITION BY customer_id ORDER BY amount DESC) AS rnk,
       DENSE_RANK() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS drnk,
       PERCENT_RANK() OVER (ORDER BY amount)                             AS pct,
       CUME_DIST()  OVER (ORDER BY amount)                               AS cd,
       NTILE(4)     OVER (ORDER BY amount)                               AS quartile
FROM raw.orders;

SELECT customer_id,
       order_ts,
       LAG(order_ts) OVER (PARTITION BY customer_id ORDER BY order_ts)          AS prev_ts,
       LEAD(order_ts, 1, NULL) OVER (PARTITION BY customer_id ORDER BY order_ts) AS next_ts,
       FIRST_VALUE(channel) OVER (PARTITION BY customer_id ORDER BY order_ts)    AS first_channel,
       LAST_VALUE(channel, true) OVER (
           PARTITION BY customer_id ORDER BY order_ts
           ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)             AS last_channel,
       NTH_VALUE(channel, 2) OVER (PARTITION BY customer_id ORDER BY order_ts)   AS second_channel
FROM raw.orders;

-- running totals and moving averages with ROWS and RANGE frames
SELECT order_date,
       revenue,
       SUM(revenue) OVER (ORDER BY order_date ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_revenue,
       AVG(revenue) OVER (ORDER BY order_date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)         AS ma7,
       AVG(revenue) OVER (ORDER BY order_date ROWS 6 PRECEDING)                               AS ma7_short,
       MAX(revenue) OVER (ORDER BY order_date ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING)       AS next3_max
FROM agg.daily_revenue;

SELECT customer_id,
       event_ts,
       COUNT(*) OVER (
           PARTITION BY customer_id
           ORDER BY CAST(event_ts AS BIGINT)
           RANGE BETWEEN 3600 PRECEDING AND CURRENT ROW
       ) AS events_last_hour,
       SUM(amount) OVER (
           PARTITION BY customer_id
           ORDER BY event_date
           RANGE BETWEEN INTERVAL 7 DAYS PRECEDING AND CURRENT ROW
       ) AS amount_7d,
       SUM(amount) OVER (PARTITION BY customer_id ORDER BY event_ts RANGE UNBOUNDED PRECEDING) AS amount_to_date
FROM raw.events;

-- window without ORDER BY, and aggregate of aggregate
SELECT country_code,
       SUM(amount)                                          AS revenue,
       SUM(SUM(amount)) OVER ()                             AS total_revenue,
       SUM(amount) / SUM(SUM(amount)) OVER ()               AS share,
       COUNT(*) OVER (PARTITION BY substr(country_code, 1, 1)) AS n_in_letter
FROM fct.sales
GROUP BY country_code;

-- named WINDOW clauses, each used by several functions
SELECT customer_id,
       order_ts,
       amount,
       SUM(amount) OVER w      AS running_amount,
       ROW_NUMBER() OVER w     AS order_seq,
       COUNT(*) OVER all_rows  AS customer_orders
FROM raw.orders
WINDOW w AS (PARTITION BY customer_id ORDER BY order_ts),
       all_rows AS (PARTITION BY customer_id);

-- Top-N per group
SELECT *
FROM (
    SELECT category,
           product_id,
           revenue,
           DENSE_RANK() OVER (PARTITION BY category ORDER BY revenue DESC) AS rk
    FROM agg.product_revenue
) x
WHERE rk <= 3
ORDER BY category, rk;

-- sessionisation: new session when the gap exceeds 30 minutes
WITH gaps AS (
    SELECT customer_id,
           event_ts,
           CASE
               WHEN unix_timestamp(event_ts)
                    - unix_timestamp(LAG(event_ts) OVER (PARTITION BY customer_id ORDER BY event_ts)) > 1800
                 OR LAG(event_ts) OVER (PARTITION BY customer_id ORDER BY event_ts) IS NULL
               THEN 1 ELSE 0
           END AS new_session
    FROM raw.events
)
SELECT customer_id,
       event_ts,
       SUM(new_session) OVER (PARTITION BY customer_id ORDER BY event_ts
                              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session_no
FROM gaps;

SELECT id, COUNT(*) OVER (PARTITION BY grp ORDER BY ts DESC ROWS CURRENT ROW) AS one FROM t;

-- DISTRIBUTE BY / SORT BY flavour of PARTITION BY / ORDER BY
SELECT id, ROW_NUMBER() OVER (DISTRIBUTE BY grp SORT BY ts) AS rn FROM t;

SELECT id, collect_list(tag) OVER (PARTITION BY grp ORDER BY ts) AS tags_so_far FROM t;
