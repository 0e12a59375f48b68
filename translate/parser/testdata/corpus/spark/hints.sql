-- Optimizer hints: join strategy hints and partitioning hints, alone and
-- combined, with and without commas, in subqueries and INSERTs.

SELECT /*+ BROADCAST(c) */ o.order_id, c.country_code
FROM fct.orders o
JOIN dim.countries c ON c.code = o.country_code;

SELECT /*+ BROADCASTJOIN(s), MAPJOIN(p) */ *
FROM fct.sales f
JOIN dim.stores s   ON s.store_id = f.store_id
JOIN dim.products p ON p.product_id = f.product_id;

SELECT /*+ MERGE(o, c) */ * FROM fct.orders o JOIN dim.customers c ON c.customer_id = o.customer_id;

SELECT /*+ SHUFFLE_MERGE(o) */ * FROM fct.orders o JOIN fct.returns r ON r.order_id = o.order_id;

SELECT /*+ MERGEJOIN(o) */ * FROM fct.orders o JOIN fct.returns r USING (order_id);

SELECT /*+ SHUFFLE_HASH(r) */ * FROM fct.orders o JOIN fct.returns r ON r.order_id = o.order_id;

SELECT /*+ SHUFFLE_REPLICATE_NL(t2) */ * FROM t1 JOIN t2 ON t1.a < t2.b;

SELECT /*+ REPARTITION(200) */ * FROM raw.events;

SELECT /*+ REPARTITION(100, customer_id) */ * FROM raw.events;

SELECT /*+ REPARTITION(customer_id, event_date) */ * FROM raw.events;

SELECT /*+ COALESCE(1) */ * FROM agg.small_report;

SELECT /*+ REPARTITION_BY_RANGE(10, event_ts) */ * FROM raw.events;

SELECT /*+ REBALANCE */ * FROM raw.events;

SELECT /*+ REBALANCE(customer_id) */ * FROM raw.events;

-- several hints in one comment, with and without commas
SELECT /*+ REPARTITION(8), BROADCAST(d) */ f.*
FROM fct.sales f JOIN dim.dates d ON d.date_key = f.date_key;

SELECT /*+ BROADCAST(a) BROADCAST(b) */ * FROM t a JOIN u b ON a.id = b.id;

-- hint in a subquery and in an INSERT ... SELECT
SELECT *
FROM (SELECT /*+ BROADCAST(r) */ o.*, r.region
      FROM fct.orders o JOIN ref.regions r ON r.country = o.country_code) x;

INSERT OVERWRITE TABLE agg.daily
SELECT /*+ COALESCE(4) */ to_date(order_ts) AS day, SUM(amount)
FROM fct.orders
GROUP BY to_date(order_ts);

-- hint on a CTE query
WITH small AS (SELECT * FROM dim.countries)
SELECT /*+ BROADCAST(small) */ o.*, small.name
FROM fct.orders o JOIN small ON small.code = o.country_code;

-- qualified hint argument
SELECT /*+ BROADCAST(dim.countries) */ * FROM fct.orders o JOIN dim.countries ON dim.countries.code = o.country_code;
