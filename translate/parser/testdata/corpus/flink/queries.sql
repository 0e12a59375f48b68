-- Query shapes: set operations, subqueries, LIMIT / OFFSET / FETCH, table
-- functions (LATERAL TABLE, process table functions), Flink 2.x
-- materialized tables and models.

SELECT customer_id FROM crm_customers
UNION ALL
SELECT customer_id FROM web_customers;

SELECT email FROM crm_contacts
UNION
SELECT email FROM web_contacts;

SELECT customer_id FROM crm_customers
INTERSECT
SELECT customer_id FROM web_customers;

SELECT customer_id FROM src_c360_customers
EXCEPT
SELECT customer_id FROM gdpr_erasures;

SELECT order_id, amount
FROM orders_raw
WHERE amount > (SELECT AVG(amount) FROM orders_raw)
ORDER BY order_time
LIMIT 10;

SELECT order_id FROM orders_raw ORDER BY order_time LIMIT 10 OFFSET 20;

SELECT order_id FROM orders_raw ORDER BY order_time FETCH FIRST 5 ROWS ONLY;

SELECT customer_id, total
FROM (
    SELECT customer_id, SUM(amount) AS total
    FROM orders_raw
    GROUP BY customer_id
) AS t
WHERE total > 100;

WITH a AS (SELECT customer_id, COUNT(*) AS n FROM orders_raw GROUP BY customer_id),
     b AS (SELECT customer_id FROM a WHERE n > 3)
SELECT c.* FROM src_c360_customers c WHERE c.customer_id IN (SELECT customer_id FROM b);

SELECT s.word, COUNT(*) AS n
FROM documents d, LATERAL TABLE(split_words(d.body)) AS s (word)
GROUP BY s.word;

SELECT d.doc_id, s.word
FROM documents d
LEFT JOIN LATERAL TABLE(split_words(d.body)) AS s (word) ON TRUE;

SELECT *
FROM TABLE(session_stats(input => TABLE clicks PARTITION BY user_id, timeout => INTERVAL '30' MINUTE));

SELECT * FROM reviews, LATERAL TABLE(ML_PREDICT('sentiment_model', review_text));

SELECT * FROM ML_PREDICT(TABLE reviews, MODEL sentiment_model, DESCRIPTOR(review_text));

CREATE MODEL sentiment_model
INPUT (review_text STRING)
OUTPUT (sentiment STRING)
COMMENT 'classifies reviews'
WITH (
    'provider' = 'openai',
    'task' = 'classification',
    'openai.connection' = 'openai-connection'
);

CREATE MATERIALIZED TABLE mt_customer_revenue
FRESHNESS = INTERVAL '3' MINUTE
AS SELECT customer_id, SUM(amount) AS revenue
FROM orders_raw
GROUP BY customer_id;

CREATE MATERIALIZED TABLE mt_daily_counts (
    PRIMARY KEY (customer_id, ds) NOT ENFORCED
)
PARTITIONED BY (ds)
WITH ('format' = 'json')
FRESHNESS = INTERVAL '1' HOUR
REFRESH_MODE = FULL
AS SELECT customer_id, ds, COUNT(*) AS n FROM orders_by_day GROUP BY customer_id, ds;

ALTER MATERIALIZED TABLE mt_customer_revenue SUSPEND;

ALTER MATERIALIZED TABLE mt_customer_revenue RESUME;

DROP MATERIALIZED TABLE IF EXISTS mt_daily_counts;

-- VALUES as a source
SELECT * FROM (VALUES (1, 'gold'), (2, 'silver')) AS tiers (tier_id, tier_name);
