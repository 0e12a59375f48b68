-- Deduplication and Top-N patterns as Flink recognises them, plus aggregations.

-- keep the latest row per key (Confluent: order by $rowtime)
SELECT customer_id, email, full_name
FROM (
    SELECT *,
           ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY `$rowtime` DESC) AS rn
    FROM customers_raw
)
WHERE rn = 1;

-- keep the first row per key (open source: order by the event-time attribute)
SELECT order_id, customer_id, amount, order_time
FROM (
    SELECT *,
           ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY order_time ASC) AS row_num
    FROM orders_raw
)
WHERE row_num = 1;

-- processing-time dedup
SELECT * FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proc_time DESC) AS rn
    FROM orders_raw
) WHERE rn = 1;

INSERT INTO src_c360_customers
SELECT customer_id, email, full_name, country, updated_ts
FROM (
    SELECT customer_id, email, full_name, country, updated_ts,
           ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY `$rowtime` DESC) AS rn
    FROM customers_raw
)
WHERE rn = 1;

-- Top-N by a non-time column
SELECT category, product_id, sales
FROM (
    SELECT category, product_id, sales,
           ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
    FROM product_sales
)
WHERE row_num <= 5;

SELECT *
FROM (
    SELECT *, RANK() OVER (PARTITION BY country ORDER BY revenue DESC) AS rk
    FROM country_revenue
)
WHERE rk BETWEEN 1 AND 10;

-- aggregations that produce an updating result
SELECT customer_id,
       COUNT(*)                                        AS orders,
       COUNT(DISTINCT product_id)                      AS products,
       SUM(amount)                                     AS revenue,
       SUM(amount) FILTER (WHERE channel = 'web')      AS web_revenue,
       COUNT(*) FILTER (WHERE amount > 100)            AS big_orders,
       MAX(order_time)                                 AS last_order_time,
       LISTAGG(order_id, ',')                          AS order_ids,
       COLLECT(channel)                                AS channel_bag,
       ARRAY_AGG(product_id)                           AS product_list,
       FIRST_VALUE(channel)                            AS first_channel,
       LAST_VALUE(channel)                             AS last_channel,
       STDDEV_POP(amount)                              AS sd
FROM orders_raw
GROUP BY customer_id
HAVING COUNT(*) > 1;

SELECT country, channel, COUNT(*) AS n
FROM orders_enriched
GROUP BY CUBE (country, channel);

SELECT DISTINCT customer_id FROM orders_raw;
