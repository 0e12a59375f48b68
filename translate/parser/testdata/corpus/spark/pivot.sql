-- PIVOT and UNPIVOT (Spark 3.4+), TABLESAMPLE.

SELECT *
FROM (SELECT customer_id, channel, amount FROM raw.orders)
PIVOT (
    SUM(amount) FOR channel IN ('web', 'app', 'store')
);

SELECT *
FROM (SELECT customer_id, channel, amount FROM raw.orders) src
PIVOT (
    SUM(amount) AS total, COUNT(amount) AS n
    FOR channel IN ('web' AS web, 'app' AS app, 'store' AS store)
);

-- pivot on two columns
SELECT *
FROM (SELECT year, quarter, region, revenue FROM agg.revenue)
PIVOT (
    SUM(revenue)
    FOR (quarter, region) IN ((1, 'EU') AS q1_eu, (1, 'US') AS q1_us, (2, 'EU') AS q2_eu)
);

SELECT *
FROM agg.quarterly
UNPIVOT (
    revenue FOR quarter IN (q1, q2, q3, q4)
);

SELECT *
FROM agg.quarterly
UNPIVOT INCLUDE NULLS (
    revenue FOR quarter IN (q1 AS `Q1`, q2 AS `Q2`, q3, q4)
) AS u;

SELECT *
FROM agg.channel_metrics
UNPIVOT EXCLUDE NULLS (
    (orders, revenue) FOR channel IN ((web_orders, web_revenue) AS web,
                                      (app_orders, app_revenue) AS app)
);

SELECT * FROM raw.events TABLESAMPLE (10 PERCENT);

SELECT * FROM raw.events TABLESAMPLE (0.5 PERCENT) REPEATABLE (42);

SELECT * FROM raw.events TABLESAMPLE (1000 ROWS) e;

SELECT * FROM raw.events TABLESAMPLE (BUCKET 4 OUT OF 16) e WHERE e.event_type = 'click';
