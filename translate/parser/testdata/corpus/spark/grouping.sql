-- Aggregation: GROUP BY, ROLLUP, CUBE, GROUPING SETS, GROUP BY ALL, HAVING,
-- FILTER (WHERE ...), grouping(), grouping_id(), DISTINCT aggregates.

SELECT country_code, COUNT(*) AS customers
FROM raw.customers
GROUP BY country_code
HAVING COUNT(*) > 10;

SELECT country_code, city, SUM(amount) AS revenue
FROM fct.sales
GROUP BY ROLLUP (country_code, city);

SELECT country_code, channel, SUM(amount) AS revenue
FROM fct.sales
GROUP BY CUBE (country_code, channel);

-- Hive syntax variants
SELECT country_code, city, SUM(amount) FROM fct.sales GROUP BY country_code, city WITH ROLLUP;

SELECT country_code, channel, SUM(amount) FROM fct.sales GROUP BY country_code, channel WITH CUBE;

SELECT country_code,
       channel,
       SUM(amount)                         AS revenue,
       grouping(channel)                   AS is_channel_total,
       grouping_id(country_code, channel)  AS gid
FROM fct.sales
GROUP BY GROUPING SETS ((country_code, channel), (country_code), ());

SELECT store_id, product_id, SUM(qty)
FROM fct.sales
GROUP BY store_id, product_id GROUPING SETS ((store_id), (product_id));

-- mixing plain keys with ROLLUP
SELECT sale_year, country_code, city, SUM(amount) AS revenue
FROM fct.sales
GROUP BY sale_year, ROLLUP (country_code, city);

SELECT country_code, channel, COUNT(*) AS n
FROM fct.sales
GROUP BY ALL;

SELECT customer_id,
       COUNT(*)                                         AS orders,
       COUNT(*) FILTER (WHERE status = 'RETURNED')      AS returned_orders,
       SUM(amount) FILTER (WHERE channel = 'web')       AS web_revenue,
       COUNT(DISTINCT product_id)                       AS distinct_products,
       AVG(amount) FILTER (WHERE amount > 0)            AS avg_positive
FROM raw.orders
GROUP BY customer_id
HAVING SUM(amount) > 0 AND COUNT(*) FILTER (WHERE status = 'RETURNED') < 5;

-- positional GROUP BY and ORDER BY
SELECT date_format(order_ts, 'yyyy-MM') AS month, COUNT(*)
FROM raw.orders
GROUP BY 1
ORDER BY 1;

-- statistics aggregates used in reports
SELECT product_id,
       stddev(amount)                 AS sd,
       stddev_pop(amount)             AS sd_pop,
       variance(amount)               AS var,
       percentile_approx(amount, 0.5) AS median_amount,
       percentile_approx(amount, array(0.25, 0.5, 0.75), 1000) AS quartiles,
       approx_count_distinct(customer_id) AS approx_customers,
       max_by(order_id, amount)       AS biggest_order,
       min_by(order_id, order_ts)     AS first_order,
       count_if(amount > 100)         AS big_orders,
       bool_or(is_gift)               AS any_gift,
       first(channel, true)           AS first_channel,
       last_value(channel)            AS last_channel
FROM raw.orders
GROUP BY product_id;

SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS median_amount
FROM raw.orders;

-- collect_list / collect_set / named_struct: nested results
SELECT customer_id,
       collect_list(order_id)                               AS order_ids,
       collect_set(channel)                                 AS channels,
       collect_list(named_struct('id', order_id, 'amt', amount)) AS orders,
       array_sort(collect_set(product_id))                  AS products
FROM raw.orders
GROUP BY customer_id;

SELECT COUNT(*) FROM raw.orders HAVING COUNT(*) > 0;
