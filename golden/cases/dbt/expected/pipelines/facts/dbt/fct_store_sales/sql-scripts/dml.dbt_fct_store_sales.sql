INSERT INTO dbt_fct_store_sales
SELECT
  store_id,
  SUM(amount_cents) AS sum_amount_cents,
  MAX(amount_cents) AS max_amount_cents
FROM src_dbt_sales AS src_sales
GROUP BY store_id;
