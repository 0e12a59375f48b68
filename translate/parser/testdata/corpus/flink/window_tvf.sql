-- Windowing table-valued functions: TUMBLE, HOP, CUMULATE, SESSION, in
-- aggregations, Top-N, dedup and joins; legacy group windows; OVER windows.

SELECT window_start, window_end, SUM(amount) AS revenue
FROM TABLE(
    TUMBLE(TABLE orders_raw, DESCRIPTOR(order_time), INTERVAL '10' MINUTES)
)
GROUP BY window_start, window_end;

SELECT window_start, window_end, customer_id, COUNT(*) AS n
FROM TABLE(
    HOP(TABLE orders_raw, DESCRIPTOR(order_time), INTERVAL '5' MINUTES, INTERVAL '1' HOUR)
)
GROUP BY window_start, window_end, customer_id;

SELECT window_start, window_end, SUM(amount) AS revenue_so_far
FROM TABLE(
    CUMULATE(TABLE orders_raw, DESCRIPTOR(order_time), INTERVAL '1' HOUR, INTERVAL '1' DAY)
)
GROUP BY window_start, window_end;

SELECT window_start, window_end, user_id, COUNT(*) AS clicks_in_session
FROM TABLE(
    SESSION(TABLE clicks PARTITION BY user_id, DESCRIPTOR(`$rowtime`), INTERVAL '30' MINUTES)
)
GROUP BY window_start, window_end, user_id;

-- named arguments
SELECT window_start, window_time, COUNT(*) AS n
FROM TABLE(
    TUMBLE(
        DATA => TABLE clicks,
        TIMECOL => DESCRIPTOR(`$rowtime`),
        SIZE => INTERVAL '1' MINUTE)
)
GROUP BY window_start, window_end, window_time;

-- GROUPING SETS / ROLLUP / CUBE inside a window aggregation
SELECT window_start, window_end, country, channel, SUM(amount) AS revenue
FROM TABLE(TUMBLE(TABLE orders_enriched, DESCRIPTOR(order_time), INTERVAL '1' HOUR))
GROUP BY window_start, window_end, GROUPING SETS ((country, channel), (country), ());

SELECT window_start, window_end, country, SUM(amount)
FROM TABLE(TUMBLE(TABLE orders_enriched, DESCRIPTOR(order_time), INTERVAL '1' HOUR))
GROUP BY window_start, window_end, ROLLUP (country);

-- window Top-N
SELECT *
FROM (
    SELECT *,
           ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY revenue DESC) AS rownum
    FROM (
        SELECT window_start, window_end, customer_id, SUM(amount) AS revenue
        FROM TABLE(TUMBLE(TABLE orders_raw, DESCRIPTOR(order_time), INTERVAL '1' DAY))
        GROUP BY window_start, window_end, customer_id
    )
)
WHERE rownum <= 3;

-- window deduplication: first event per window and user
SELECT *
FROM (
    SELECT user_id, url, window_start, window_end,
           ROW_NUMBER() OVER (PARTITION BY window_start, window_end, user_id
                              ORDER BY `$rowtime` ASC) AS rn
    FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(`$rowtime`), INTERVAL '1' HOUR))
)
WHERE rn = 1;

-- window join
SELECT l.order_id, r.payment_id, l.window_start
FROM (
    SELECT * FROM TABLE(TUMBLE(TABLE orders_raw, DESCRIPTOR(order_time), INTERVAL '5' MINUTES))
) l
JOIN (
    SELECT * FROM TABLE(TUMBLE(TABLE payments, DESCRIPTOR(paid_time), INTERVAL '5' MINUTES))
) r
ON l.order_id = r.order_id
AND l.window_start = r.window_start
AND l.window_end = r.window_end;

-- legacy group window functions
SELECT customer_id,
       TUMBLE_START(order_time, INTERVAL '1' HOUR) AS w_start,
       TUMBLE_END(order_time, INTERVAL '1' HOUR)   AS w_end,
       SUM(amount)                                  AS revenue
FROM orders_raw
GROUP BY customer_id, TUMBLE(order_time, INTERVAL '1' HOUR);

SELECT HOP_START(order_time, INTERVAL '5' MINUTE, INTERVAL '1' HOUR) AS w_start, COUNT(*)
FROM orders_raw
GROUP BY HOP(order_time, INTERVAL '5' MINUTE, INTERVAL '1' HOUR);

-- OVER aggregations with time and row ranges
SELECT order_id,
       customer_id,
       amount,
       SUM(amount) OVER (
           PARTITION BY customer_id
           ORDER BY order_time
           RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
       ) AS amount_last_hour,
       COUNT(*) OVER (
           PARTITION BY customer_id
           ORDER BY order_time
           ROWS BETWEEN 10 PRECEDING AND CURRENT ROW
       ) AS last_11_orders
FROM orders_raw;

SELECT order_id,
       AVG(amount) OVER w AS avg_amount,
       MAX(amount) OVER w AS max_amount
FROM orders_raw
WINDOW w AS (
    PARTITION BY customer_id
    ORDER BY order_time
    RANGE BETWEEN INTERVAL '30' MINUTE PRECEDING AND CURRENT ROW
);

SELECT user_id, COUNT(url) OVER (PARTITION BY user_id ORDER BY `$rowtime` RANGE UNBOUNDED PRECEDING) AS clicks_so_far
FROM clicks;
