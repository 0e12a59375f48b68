-- parse_check: requires databricks
-- Databricks SQL syntax found in real Spark projects that open-source Spark
-- (3.5 and 4.0 alike) rejects: QUALIFY. The checker verifies that Spark
-- rejects every statement here; our parser accepts them, and the translator
-- maps QUALIFY to the filtered subquery Flink needs (ROW_NUMBER ... = 1).

SELECT customer_id, email, updated_at
FROM raw.customers
QUALIFY ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY updated_at DESC) = 1;

SELECT order_id, customer_id, amount,
       row_number() OVER w AS rn
FROM raw.orders
WINDOW w AS (PARTITION BY customer_id ORDER BY amount DESC)
QUALIFY rn <= 3;

SELECT c.customer_id, COUNT(*) AS n
FROM raw.customers c
JOIN raw.orders o ON o.customer_id = c.customer_id
GROUP BY c.customer_id
HAVING COUNT(*) > 1
QUALIFY DENSE_RANK() OVER (ORDER BY COUNT(*) DESC) <= 10;

WITH events AS (SELECT * FROM raw.events WHERE event_date >= '2024-01-01')
SELECT *
FROM events
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY ingest_ts DESC) = 1
ORDER BY event_ts;

INSERT OVERWRITE TABLE dim.customers
SELECT * EXCEPT (rn_helper)
FROM raw.customers
QUALIFY ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY updated_at DESC) = 1;
