INSERT INTO src_dbt_sales
SELECT
  sale_id,
  store_id,
  CAST(ROUND(amount * 100) AS BIGINT) AS amount_cents,
  sold_at
FROM (
  SELECT
    sale_id,
    store_id,
    amount,
    sold_at
  FROM (
    SELECT
      *,
      ROW_NUMBER() OVER (PARTITION BY sale_id ORDER BY `$rowtime` DESC) AS rn
    FROM sales_raw
  )
  WHERE rn = 1
) AS sales_raw
WHERE amount >= 10;
