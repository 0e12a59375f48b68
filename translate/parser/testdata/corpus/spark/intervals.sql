-- INTERVAL literals in all their Spark forms and arithmetic with them.

SELECT INTERVAL 30 DAYS                              AS i1,
       INTERVAL 1 DAY                                AS i2,
       INTERVAL '30' DAY                             AS i3,
       INTERVAL '1-2' YEAR TO MONTH                  AS i4,
       INTERVAL 1 DAY 2 HOURS                        AS i5,
       INTERVAL '2 10:20:30.456' DAY TO SECOND       AS i6,
       INTERVAL '10:20' HOUR TO MINUTE               AS i7,
       INTERVAL '3' MONTH                            AS i8,
       INTERVAL 2 YEARS 3 MONTHS                     AS i9,
       INTERVAL '1 day 2 hours'                      AS i10,
       INTERVAL 500 MILLISECONDS                     AS i11,
       INTERVAL 10 MICROSECONDS                      AS i12,
       INTERVAL -1 WEEK                              AS i13,
       INTERVAL '-5' MINUTE                          AS i14,
       INTERVAL 1.5 SECONDS                          AS i15;

SELECT *
FROM raw.orders
WHERE order_ts >= current_timestamp() - INTERVAL 30 DAYS;

SELECT *
FROM raw.events
WHERE event_ts BETWEEN current_timestamp() - INTERVAL '1' HOUR AND current_timestamp();

SELECT order_id,
       order_ts + INTERVAL 2 HOURS              AS sla_ts,
       order_date + INTERVAL '1' MONTH          AS next_billing,
       order_date - INTERVAL '1-0' YEAR TO MONTH AS last_year,
       order_ts - INTERVAL 1 DAY 12 HOURS       AS window_start,
       delivered_ts - order_ts                  AS delivery_duration
FROM raw.orders;

-- interval comparison and arithmetic
SELECT *
FROM raw.shipments
WHERE delivered_ts - shipped_ts > INTERVAL 3 DAYS
  AND (delivered_ts - shipped_ts) * 2 < INTERVAL '10' DAY;

-- interval with a bare string and unit keywords in plural and singular
SELECT date_trunc('HOUR', ts) + INTERVAL 15 MINUTES AS quarter_past,
       ts - INTERVAL 1 SECOND                       AS just_before,
       make_interval(0, 0, 0, days_col, 0, 0, 0)    AS from_column,
       make_dt_interval(1, 2, 3, 4.5)               AS dt_interval,
       make_ym_interval(1, 6)                       AS ym_interval
FROM raw.events;

-- interval in a window frame and in a join condition
SELECT c.customer_id, e.event_ts
FROM raw.clicks c
JOIN raw.events e
  ON e.customer_id = c.customer_id
 AND e.event_ts BETWEEN c.click_ts AND c.click_ts + INTERVAL 10 MINUTES;

SELECT CAST('1 day' AS INTERVAL) AS parsed_interval, INTERVAL 1 YEAR AS y;
