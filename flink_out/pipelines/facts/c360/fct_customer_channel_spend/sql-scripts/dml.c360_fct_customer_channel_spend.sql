INSERT INTO c360_fct_customer_channel_spend
WITH channel_spend AS (
  SELECT *
  FROM (
    SELECT
      customer_id,
      SUM(CASE WHEN channel = 'online' THEN total_amount END) AS online_spend,
      SUM(CASE WHEN channel = 'mobile' THEN total_amount END) AS mobile_spend,
      SUM(CASE WHEN channel = 'store' THEN total_amount END) AS store_spend
    FROM (
      SELECT
        customer_id,
        channel,
        total_amount
      FROM src_c360_transactions AS src_transactions
    )
    GROUP BY customer_id
  ) AS pivoted
)
SELECT
  customer_id,
  COALESCE(online_spend, 0) AS online_spend,
  COALESCE(mobile_spend, 0) AS mobile_spend,
  COALESCE(store_spend, 0) AS store_spend,
  COALESCE(online_spend, 0) + COALESCE(mobile_spend, 0) + COALESCE(store_spend, 0) AS total_spend,
  ROUND((COALESCE(online_spend, 0) + COALESCE(mobile_spend, 0)) / NULLIF(COALESCE(online_spend, 0) + COALESCE(mobile_spend, 0) + COALESCE(store_spend, 0), 0), 4) AS digital_spend_share
FROM channel_spend;
