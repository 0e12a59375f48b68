-- parse_check: requires spark 4.0
-- Syntax that Spark 4.0 accepts and the pinned Spark 3.5 rejects. The
-- checker verifies that Spark 3.5 rejects every statement here (and, run
-- with a Spark 4 python, that Spark 4 accepts them). Our parser accepts them
-- all: projects written for Spark 4 / Databricks use them.

-- star with EXCEPT
SELECT * EXCEPT (ssn, card_number)
FROM raw.customers;

SELECT c.* EXCEPT (created_at, updated_at),
       o.order_id
FROM raw.customers c
JOIN raw.orders o ON o.customer_id = c.customer_id;

SELECT o.* EXCEPT (payload), c.* EXCEPT (email, phone) FROM raw.orders o JOIN raw.customers c USING (customer_id);

-- x::type cast shorthand
SELECT order_id::BIGINT            AS order_id,
       amount::DECIMAL(18, 2)       AS amount,
       order_ts::DATE               AS order_date,
       tags::ARRAY<STRING>          AS tags
FROM raw.orders_text;

SELECT * FROM raw.orders WHERE order_ts::DATE = DATE '2024-06-01' AND qty::INT > 0;

-- session variables
DECLARE VARIABLE run_date DATE DEFAULT current_date();

DECLARE OR REPLACE VARIABLE min_amount DECIMAL(10, 2) DEFAULT 10;

SET VARIABLE run_date = DATE '2024-06-01';

-- SQL user-defined functions
CREATE TEMPORARY FUNCTION full_name(first STRING, last STRING)
RETURNS STRING
RETURN concat_ws(' ', first, last);

-- pipe syntax
FROM raw.orders
|> WHERE amount > 0
|> AGGREGATE SUM(amount) AS revenue GROUP BY customer_id
|> ORDER BY revenue DESC;

-- liquid clustering
CREATE TABLE fct.events_clustered (event_id BIGINT, customer_id BIGINT, event_ts TIMESTAMP)
USING delta
CLUSTER BY (customer_id, event_ts);

EXECUTE IMMEDIATE 'SELECT COUNT(*) FROM raw.orders WHERE amount > ?' USING 10;
