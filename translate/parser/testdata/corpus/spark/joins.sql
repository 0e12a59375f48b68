-- Every join kind Spark 3.5 knows, with ON and USING conditions.

SELECT o.order_id, c.email
FROM raw.orders o
INNER JOIN raw.customers c ON o.customer_id = c.customer_id;

SELECT o.order_id, p.product_name
FROM raw.orders o
LEFT OUTER JOIN raw.products p
  ON  o.product_id = p.product_id
  AND p.is_current = true;

SELECT c.customer_id, o.order_id
FROM raw.orders o
RIGHT JOIN raw.customers c ON o.customer_id = c.customer_id;

SELECT COALESCE(a.customer_id, b.customer_id) AS customer_id,
       a.crm_segment,
       b.web_segment
FROM crm.segments a
FULL OUTER JOIN web.segments b
  ON a.customer_id = b.customer_id;

SELECT c.*
FROM raw.customers c
LEFT SEMI JOIN raw.orders o ON o.customer_id = c.customer_id;

-- customers who never ordered
SELECT c.customer_id, c.email
FROM raw.customers c
LEFT ANTI JOIN raw.orders o
  ON o.customer_id = c.customer_id;

SELECT d.calendar_date, s.store_id
FROM dim.calendar d
CROSS JOIN dim.stores s
WHERE d.calendar_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31';

SELECT * FROM staging.customer_a NATURAL JOIN staging.customer_b;

SELECT * FROM staging.addr_a NATURAL LEFT JOIN staging.addr_b;

SELECT customer_id, order_id, loyalty_tier
FROM raw.orders
JOIN raw.loyalty USING (customer_id);

SELECT *
FROM fct.sales s
FULL JOIN fct.returns r USING (order_id, line_no);

-- comma join (implicit cross join) with the condition in WHERE
SELECT o.order_id, c.country_code
FROM raw.orders o, raw.customers c
WHERE o.customer_id = c.customer_id;

-- chain of joins with mixed kinds and a non-equi condition
SELECT o.order_id,
       c.email,
       p.category,
       fx.rate * o.amount AS amount_eur
FROM raw.orders o
JOIN raw.customers c      ON c.customer_id = o.customer_id
LEFT JOIN raw.products p  ON p.product_id  = o.product_id
LEFT JOIN ref.fx_rates fx ON fx.currency   = o.currency
                         AND o.order_ts >= fx.valid_from
                         AND o.order_ts <  fx.valid_to
WHERE o.status = 'COMPLETE';

-- join on a subquery and a CTE
WITH last_login AS (
    SELECT customer_id, MAX(event_ts) AS last_login_ts
    FROM raw.events
    WHERE event_type = 'login'
    GROUP BY customer_id
)
SELECT c.customer_id, l.last_login_ts, o.n
FROM raw.customers c
LEFT JOIN last_login l ON l.customer_id = c.customer_id
LEFT JOIN (
    SELECT customer_id, COUNT(*) AS n FROM raw.orders GROUP BY customer_id
) o ON o.customer_id = c.customer_id;

-- parenthesised join tree
SELECT *
FROM raw.orders o
JOIN (raw.order_lines l JOIN raw.products p ON p.product_id = l.product_id)
  ON l.order_id = o.order_id;

-- LATERAL subquery
SELECT c.customer_id, recent.order_id
FROM raw.customers c,
LATERAL (SELECT o.order_id FROM raw.orders o WHERE o.customer_id = c.customer_id) recent;

SELECT a.id FROM t1 a SEMI JOIN t2 b ON a.id = b.id;

SELECT a.id FROM t1 a ANTI JOIN t2 b ON a.id = b.id;
