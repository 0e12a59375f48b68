-- =============================================================================
-- fct_customer_channel_spend
-- Layer : fact
-- Grain : one row per customer_id with at least one completed transaction
-- Input : src_transactions
--
-- Spend per sales channel side by side (PIVOT over the channel), with the
-- share of spend that went through digital channels.
-- =============================================================================

CREATE OR REPLACE TEMPORARY VIEW fct_customer_channel_spend AS
WITH channel_spend AS (
  SELECT *
  FROM (
    SELECT customer_id, channel, total_amount
    FROM src_transactions
  )
  PIVOT (
    SUM(total_amount)
    FOR channel IN ('online' AS online_spend, 'mobile' AS mobile_spend, 'store' AS store_spend)
  )
)
SELECT
  customer_id,
  COALESCE(online_spend, 0)                                          AS online_spend,
  COALESCE(mobile_spend, 0)                                          AS mobile_spend,
  COALESCE(store_spend, 0)                                           AS store_spend,
  COALESCE(online_spend, 0) + COALESCE(mobile_spend, 0) + COALESCE(store_spend, 0)
                                                                     AS total_spend,
  ROUND(
    (COALESCE(online_spend, 0) + COALESCE(mobile_spend, 0))
    / NULLIF(COALESCE(online_spend, 0) + COALESCE(mobile_spend, 0) + COALESCE(store_spend, 0), 0),
    4)                                                               AS digital_spend_share
FROM channel_spend;
