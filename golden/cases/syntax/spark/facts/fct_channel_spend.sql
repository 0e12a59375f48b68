-- Spend per channel per customer.
CREATE OR REPLACE TEMPORARY VIEW fct_channel_spend AS
SELECT *
FROM (SELECT customer_id, channel, amount FROM src_orders)
PIVOT (SUM(amount) FOR channel IN ('web' AS web_spend, 'store' AS store_spend, 'mobile' AS mobile_spend));
