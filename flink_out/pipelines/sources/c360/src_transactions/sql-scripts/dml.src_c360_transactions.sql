INSERT INTO src_c360_transactions
WITH completed AS (
  SELECT
    TRIM(transaction_id) AS transaction_id,
    TRIM(customer_id) AS customer_id,
    CAST(transaction_date AS TIMESTAMP(3)) AS transaction_ts,
    LOWER(TRIM(channel)) AS channel,
    NULLIF(TRIM(store_id), '') AS store_id,
    payment_method,
    CAST(subtotal AS DECIMAL(12, 2)) AS subtotal,
    CAST(tax_amount AS DECIMAL(12, 2)) AS tax_amount,
    CAST(COALESCE(discount_amount, 0) AS DECIMAL(12, 2)) AS discount_amount,
    CAST(total_amount AS DECIMAL(12, 2)) AS total_amount,
    UPPER(currency) AS currency
  FROM (
    SELECT
      transaction_id,
      customer_id,
      transaction_date,
      channel,
      store_id,
      payment_method,
      subtotal,
      tax_amount,
      discount_amount,
      total_amount,
      currency,
      status
    FROM (
      SELECT
        *,
        ROW_NUMBER() OVER (PARTITION BY transaction_id ORDER BY `$rowtime` DESC) AS rn
      FROM transactions_raw
    )
    WHERE rn = 1
  ) AS transactions_raw
  WHERE transaction_id IS NOT NULL AND LOWER(status) = 'completed'
)
SELECT
  transaction_id,
  customer_id,
  transaction_ts,
  CAST(transaction_ts AS DATE) AS transaction_date,
  CAST(HOUR(transaction_ts) AS INT) AS transaction_hour,
  CAST(DAYOFWEEK(transaction_ts) AS INT) AS transaction_day_of_week, -- 1 = Sunday
  CAST(MONTH(transaction_ts) AS INT) AS transaction_month,
  CAST(QUARTER(transaction_ts) AS INT) AS transaction_quarter,
  CAST(YEAR(transaction_ts) AS INT) AS transaction_year,
  channel,
  CASE
    WHEN channel IN ('online', 'mobile') THEN 'Digital'
    WHEN channel = 'store' THEN 'Physical'
    ELSE 'Other'
  END AS channel_group,
  store_id,
  payment_method,
  subtotal,
  tax_amount,
  discount_amount,
  total_amount,
  currency,
  CASE WHEN discount_amount > 0 THEN 1 ELSE 0 END AS has_discount,
  ROUND(discount_amount / NULLIF(subtotal, 0), 4) AS discount_rate,
  CASE
    WHEN total_amount >= 400 THEN 'Large'
    WHEN total_amount >= 150 THEN 'Medium'
    WHEN total_amount >= 75 THEN 'Small'
    ELSE 'Micro'
  END AS order_size_category
FROM completed;
