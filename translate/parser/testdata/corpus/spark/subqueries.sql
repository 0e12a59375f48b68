-- Subqueries: in FROM, in WHERE (IN, NOT IN, EXISTS, NOT EXISTS), scalar,
-- correlated, and nested.

SELECT t.customer_id, t.revenue
FROM (
    SELECT customer_id, SUM(amount) AS revenue
    FROM raw.orders
    GROUP BY customer_id
) t
WHERE t.revenue > 500;

SELECT *
FROM raw.orders
WHERE customer_id IN (SELECT customer_id FROM raw.customers WHERE is_vip);

SELECT *
FROM raw.orders
WHERE product_id NOT IN (SELECT product_id FROM ref.discontinued_products);

SELECT c.customer_id
FROM raw.customers c
WHERE EXISTS (
    SELECT 1
    FROM raw.orders o
    WHERE o.customer_id = c.customer_id
      AND o.order_date >= '2024-01-01'
);

SELECT c.customer_id
FROM raw.customers c
WHERE NOT EXISTS (SELECT * FROM raw.complaints x WHERE x.customer_id = c.customer_id);

-- scalar subqueries in the select list and in WHERE
SELECT o.order_id,
       o.amount,
       (SELECT AVG(amount) FROM raw.orders) AS avg_amount,
       o.amount / (SELECT MAX(amount) FROM raw.orders) AS share_of_max
FROM raw.orders o;

SELECT *
FROM raw.orders o
WHERE o.amount > (
    SELECT AVG(i.amount) FROM raw.orders i WHERE i.customer_id = o.customer_id
);

-- multi-column IN with a subquery
SELECT *
FROM raw.order_lines
WHERE (order_id, line_no) IN (SELECT order_id, line_no FROM raw.returns);

-- nested derived tables
SELECT segment, COUNT(*) AS customers
FROM (
    SELECT customer_id,
           CASE WHEN revenue >= 10000 THEN 'high'
                WHEN revenue >= 1000  THEN 'mid'
                ELSE 'low' END AS segment
    FROM (
        SELECT customer_id, SUM(amount) AS revenue
        FROM raw.orders
        GROUP BY customer_id
    ) rev
) seg
GROUP BY segment;

-- subquery in the select list with EXISTS and IN
SELECT c.customer_id,
       EXISTS (SELECT 1 FROM raw.orders o WHERE o.customer_id = c.customer_id) AS has_orders,
       c.country_code IN (SELECT code FROM ref.eu_countries) AS is_eu
FROM raw.customers c;

-- scalar subquery in HAVING
SELECT store_id, SUM(amount) AS revenue
FROM raw.orders
GROUP BY store_id
HAVING SUM(amount) > (SELECT AVG(store_revenue) FROM agg.store_revenue);

-- IN with a literal list and with a CTE-backed subquery
WITH vip AS (SELECT customer_id FROM raw.customers WHERE tier IN ('gold', 'platinum'))
SELECT * FROM raw.orders WHERE customer_id IN (SELECT customer_id FROM vip);
