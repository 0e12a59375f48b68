-- Set operations: UNION [ALL|DISTINCT], INTERSECT [ALL|DISTINCT],
-- EXCEPT [ALL|DISTINCT], MINUS, and their combination with CTEs and ORDER BY.

SELECT customer_id FROM crm.customers
UNION
SELECT customer_id FROM web.customers;

SELECT customer_id, 'crm' AS source FROM crm.customers
UNION ALL
SELECT customer_id, 'web' AS source FROM web.customers
UNION ALL
SELECT customer_id, 'pos' AS source FROM pos.customers;

SELECT email FROM crm.contacts
UNION DISTINCT
SELECT email FROM web.contacts;

SELECT customer_id FROM crm.customers
INTERSECT
SELECT customer_id FROM web.customers;

SELECT product_id FROM inventory.current
INTERSECT ALL
SELECT product_id FROM inventory.previous;

SELECT customer_id FROM raw.customers
EXCEPT
SELECT customer_id FROM gdpr.erasure_requests;

SELECT sku FROM catalog.today
EXCEPT ALL
SELECT sku FROM catalog.yesterday;

SELECT customer_id FROM raw.customers
MINUS
SELECT customer_id FROM raw.blocked_customers;

SELECT sku FROM catalog.today MINUS ALL SELECT sku FROM catalog.yesterday;

-- parentheses, ORDER BY and LIMIT over the whole union
(SELECT order_id, amount FROM raw.orders_2023)
UNION ALL
(SELECT order_id, amount FROM raw.orders_2024)
ORDER BY amount DESC
LIMIT 10;

WITH a AS (SELECT id FROM t1),
     b AS (SELECT id FROM t2)
SELECT id FROM a
UNION ALL
SELECT id FROM b
EXCEPT
SELECT id FROM t3;

-- set operation inside a derived table
SELECT source, COUNT(*) AS n
FROM (
    SELECT 'crm' AS source, customer_id FROM crm.customers
    UNION ALL
    SELECT 'web', customer_id FROM web.customers
) u
GROUP BY source;
