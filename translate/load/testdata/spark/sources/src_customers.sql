-- Customers, read from the raw CSV view.
CREATE OR REPLACE TEMPORARY VIEW src_customers AS
SELECT
  CAST(id AS BIGINT) AS customer_id,
  TRIM(name) AS name,
  regexp_extract(email, '^[^@]+@(.*)$', 1) AS email_domain -- a ; in a comment
FROM customers_raw
WHERE name <> 'x;y';

/* Second statement: a table. */
CREATE TABLE src_customers_clean USING parquet AS
SELECT * FROM src_customers WHERE customer_id IS NOT NULL;
-- trailing comment
