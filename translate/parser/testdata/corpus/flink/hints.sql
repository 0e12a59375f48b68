-- Query hints: OPTIONS (dynamic table options), STATE_TTL, LOOKUP, join
-- strategy hints for batch mode.

SELECT *
FROM orders_raw /*+ OPTIONS('scan.startup.mode' = 'earliest-offset') */;

SELECT o.order_id, c.email
FROM orders_raw /*+ OPTIONS('scan.startup.mode' = 'latest-offset', 'properties.group.id' = 'c360-replay') */ AS o
JOIN customers_raw /*+ OPTIONS('scan.startup.mode' = 'earliest-offset') */ AS c
  ON o.customer_id = c.customer_id;

INSERT INTO c360_fct_orders /*+ OPTIONS('sink.parallelism' = '4') */
SELECT order_id, customer_id, amount, order_time FROM orders_raw;

SELECT /*+ STATE_TTL('orders_raw' = '1d', 'src_c360_customers' = '7d') */
       o.order_id, c.email
FROM orders_raw
JOIN src_c360_customers c ON orders_raw.customer_id = c.customer_id;

SELECT /*+ STATE_TTL('orders_raw' = '12h') */ customer_id, SUM(amount) AS revenue
FROM orders_raw
GROUP BY customer_id;

SELECT /*+ LOOKUP('table' = 'products', 'async' = 'true', 'output-mode' = 'allow_unordered') */
       o.order_id, products.name
FROM orders_raw o
JOIN products FOR SYSTEM_TIME AS OF o.proc_time
  ON products.product_id = o.product_id;

SELECT /*+ BROADCAST(dim_country) */ f.*, dim_country.name
FROM fact_sales f JOIN dim_country ON dim_country.code = f.country_code;

SELECT /*+ SHUFFLE_HASH(a), NEST_LOOP(b) */ * FROM a JOIN b ON a.id = b.id;

SELECT /*+ SHUFFLE_MERGE(r) */ * FROM l JOIN r ON l.k = r.k;
