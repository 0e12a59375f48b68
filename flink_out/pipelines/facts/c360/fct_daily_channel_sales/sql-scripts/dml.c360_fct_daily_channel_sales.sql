INSERT INTO c360_fct_daily_channel_sales
SELECT
  channel,
  channel_group,
  COUNT(*) AS transactions,
  COUNT(DISTINCT customer_id) AS customers,
  SUM(total_quantity) AS items_sold,
  SUM(subtotal) AS gross_sales,
  SUM(discount_amount) AS discounts,
  SUM(total_amount) AS net_sales,
  CAST(AVG(total_amount) AS DECIMAL(12, 2)) AS avg_order_value,
  transaction_date AS sale_date
FROM int_c360_customer_transactions AS int_customer_transactions
GROUP BY transaction_date, channel, channel_group;
