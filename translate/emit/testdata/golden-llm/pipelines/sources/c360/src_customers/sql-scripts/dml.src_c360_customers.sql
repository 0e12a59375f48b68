INSERT INTO src_c360_customers
SELECT customer_id, email, signup_date
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY $rowtime DESC) AS row_num
  FROM customers_raw
)
WHERE row_num = 1;
