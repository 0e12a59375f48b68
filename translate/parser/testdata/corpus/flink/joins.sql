-- Joins in streaming: regular, interval, temporal (event time and processing
-- time / lookup), UNNEST, semi/anti via IN / EXISTS.

SELECT o.order_id, c.email, o.amount
FROM orders_raw AS o
INNER JOIN src_c360_customers AS c
    ON o.customer_id = c.customer_id;

SELECT o.order_id, c.email
FROM orders_raw o
LEFT JOIN src_c360_customers c ON o.customer_id = c.customer_id
WHERE c.customer_id IS NULL OR c.email LIKE '%@%';

SELECT COALESCE(a.k, b.k) AS k, a.v AS va, b.v AS vb
FROM table_a a
FULL OUTER JOIN table_b b ON a.k = b.k;

SELECT o.order_id, s.shipment_id, s.ship_time
FROM orders_raw o
RIGHT JOIN shipments s ON s.order_id = o.order_id;

-- interval join: shipment within four hours of the order
SELECT o.order_id, o.order_time, s.ship_time
FROM orders_raw o, shipments s
WHERE o.order_id = s.order_id
  AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time;

SELECT o.order_id, p.payment_id
FROM orders_raw o
JOIN payments p
  ON p.order_id = o.order_id
 AND p.paid_time >= o.order_time
 AND p.paid_time <  o.order_time + INTERVAL '15' MINUTE;

-- event-time temporal join against a versioned table
SELECT o.order_id,
       o.amount * r.rate AS amount_eur,
       r.currency
FROM orders_raw AS o
LEFT JOIN currency_rates FOR SYSTEM_TIME AS OF o.order_time AS r
    ON o.currency = r.currency;

-- Confluent: temporal join on $rowtime
SELECT c.user_id, c.url, p.tier
FROM clicks c
JOIN user_profiles FOR SYSTEM_TIME AS OF c.`$rowtime` AS p
  ON c.user_id = p.user_id;

-- lookup join against a JDBC table, processing time
SELECT /*+ LOOKUP('table'='p', 'async'='true', 'retry-predicate'='lookup_miss',
                  'retry-strategy'='fixed_delay', 'fixed-delay'='10s', 'max-attempts'='3') */
       o.order_id, p.name, p.category
FROM orders_raw AS o
JOIN products FOR SYSTEM_TIME AS OF o.proc_time AS p
    ON o.product_id = p.product_id;

-- array expansion
SELECT o.order_id, t.tag
FROM orders_tagged o
CROSS JOIN UNNEST(o.tags) AS t (tag);

SELECT o.order_id, li.sku, li.qty
FROM orders_nested o
CROSS JOIN UNNEST(o.line_items) AS li (sku, qty, price);

SELECT o.order_id, t.tag
FROM orders_tagged o
LEFT JOIN UNNEST(o.tags) AS t (tag) ON TRUE;

SELECT k, v FROM props_table CROSS JOIN UNNEST(props) AS p (k, v);

SELECT o.order_id, t.tag, t.pos
FROM orders_tagged o
CROSS JOIN UNNEST(o.tags) WITH ORDINALITY AS t (tag, pos);

SELECT * FROM UNNEST(ARRAY[1, 2, 3]) AS n (x);

-- semi and anti joins via subqueries
SELECT * FROM orders_raw
WHERE customer_id IN (SELECT customer_id FROM vip_customers);

SELECT * FROM src_c360_customers c
WHERE NOT EXISTS (SELECT 1 FROM orders_raw o WHERE o.customer_id = c.customer_id);

-- a regular join with a state TTL hint per input
SELECT /*+ STATE_TTL('o' = '1d', 'c' = '30d') */ o.order_id, c.country
FROM orders_raw o
JOIN src_c360_customers c ON o.customer_id = c.customer_id;

-- multi-way join
SELECT o.order_id, c.email, p.name, r.rate
FROM orders_raw o
JOIN src_c360_customers c ON c.customer_id = o.customer_id
LEFT JOIN products FOR SYSTEM_TIME AS OF o.proc_time AS p ON p.product_id = o.product_id
LEFT JOIN currency_rates FOR SYSTEM_TIME AS OF o.order_time AS r ON r.currency = o.currency;

SELECT a.k FROM table_a a CROSS JOIN table_b b;
