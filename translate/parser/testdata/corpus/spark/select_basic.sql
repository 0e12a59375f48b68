-- Plain SELECT shapes: projections, aliases, DISTINCT, WHERE, ORDER BY,
-- LIMIT / OFFSET, SORT BY, DISTRIBUTE BY, CLUSTER BY, CTEs.

SELECT customer_id, first_name, last_name
FROM raw.customers;

SELECT DISTINCT country_code
FROM raw.customers
WHERE country_code IS NOT NULL;

-- aliases with and without AS, qualified star
SELECT c.customer_id AS id,
       c.email       contact_email,
       o.*
FROM raw.customers AS c
JOIN raw.orders o ON o.customer_id = c.customer_id;

SELECT
    order_id,
    amount * 1.2 AS amount_with_tax,   -- VAT
    -amount      AS refund_amount,
    amount % 100 AS cents,
    amount DIV 100 AS hundreds
FROM raw.orders
WHERE status <> 'CANCELLED'
  AND NOT is_test
  AND (channel = 'web' OR channel = 'app')
ORDER BY order_ts DESC, order_id
LIMIT 100;

SELECT order_id, amount
FROM raw.orders
ORDER BY amount DESC NULLS LAST, order_id ASC NULLS FIRST
LIMIT 50 OFFSET 100;

SELECT * FROM raw.orders LIMIT ALL;

-- Hive-style ordering clauses
SELECT customer_id, order_ts, amount
FROM raw.orders
DISTRIBUTE BY customer_id
SORT BY customer_id, order_ts;

SELECT customer_id, amount FROM raw.orders CLUSTER BY customer_id;

SELECT customer_id, amount
FROM raw.orders
SORT BY amount DESC;

-- CTE chain
WITH active AS (
    SELECT customer_id FROM raw.customers WHERE status = 'ACTIVE'
),
recent_orders AS (
    SELECT customer_id, COUNT(*) AS n_orders, SUM(amount) AS revenue
    FROM raw.orders
    WHERE order_date >= date_sub(current_date(), 90)
    GROUP BY customer_id
)
SELECT a.customer_id,
       COALESCE(r.n_orders, 0) AS n_orders,
       COALESCE(r.revenue, 0)  AS revenue
FROM active a
LEFT JOIN recent_orders r USING (customer_id);

-- CTE with column list, and a nested WITH inside a CTE
WITH totals (customer_id, total) AS (
    WITH base AS (SELECT customer_id, amount FROM raw.orders WHERE amount > 0)
    SELECT customer_id, SUM(amount) FROM base GROUP BY customer_id
)
SELECT * FROM totals WHERE total > 1000;

-- SELECT without FROM, and FROM-first
SELECT 1 AS one, 'x' AS letter, current_timestamp() AS now;

FROM raw.customers SELECT customer_id, email WHERE email IS NOT NULL;

-- VALUES as a query and as an inline table
VALUES (1, 'gold'), (2, 'silver'), (3, 'bronze');

SELECT tier_id, tier_name
FROM VALUES (1, 'gold'), (2, 'silver') AS tiers(tier_id, tier_name);

SELECT * FROM (VALUES ('a', 1), ('b', 2)) AS t(k, v) ORDER BY k;

-- table-valued functions
SELECT id FROM range(0, 10, 2);

SELECT * FROM explode(array(1, 2, 3));

-- parenthesised query with ORDER BY
(SELECT customer_id FROM raw.customers ORDER BY customer_id LIMIT 10);
