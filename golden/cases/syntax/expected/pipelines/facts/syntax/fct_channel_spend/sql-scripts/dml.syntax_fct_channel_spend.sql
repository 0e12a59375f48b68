INSERT INTO syntax_fct_channel_spend
SELECT *
FROM (
  SELECT
    customer_id,
    SUM(CASE WHEN channel = 'web' THEN amount END) AS web_spend,
    SUM(CASE WHEN channel = 'store' THEN amount END) AS store_spend,
    SUM(CASE WHEN channel = 'mobile' THEN amount END) AS mobile_spend
  FROM (
    SELECT
      customer_id,
      channel,
      amount
    FROM src_syntax_orders AS src_orders
  )
  GROUP BY customer_id
) AS pivoted;
