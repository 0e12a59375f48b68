-- CREATE [TEMPORARY] VIEW, with column lists, comments, IF NOT EXISTS; ALTER and DROP VIEW.

CREATE VIEW v_active_customers AS
SELECT customer_id, email
FROM src_c360_customers
WHERE email IS NOT NULL;

CREATE TEMPORARY VIEW IF NOT EXISTS v_big_orders (order_id, customer_id, amount)
COMMENT 'orders of at least 1000'
AS SELECT order_id, customer_id, amount FROM orders_raw WHERE amount >= 1000;

CREATE TEMPORARY VIEW customers_dedup AS
SELECT customer_id, email, full_name, updated_ts
FROM (
    SELECT *,
           ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY event_time DESC) AS rn
    FROM customers_raw
)
WHERE rn = 1;

CREATE VIEW v_revenue_by_country AS
WITH o AS (SELECT customer_id, amount FROM orders_raw),
     c AS (SELECT customer_id, country FROM customers_raw)
SELECT c.country, SUM(o.amount) AS revenue
FROM o JOIN c ON o.customer_id = c.customer_id
GROUP BY c.country;

ALTER VIEW v_active_customers RENAME TO v_customers_with_email;

ALTER VIEW v_revenue_by_country AS SELECT country, COUNT(*) AS n FROM customers_raw GROUP BY country;

DROP TEMPORARY VIEW IF EXISTS v_big_orders;

DROP VIEW v_customers_with_email;
