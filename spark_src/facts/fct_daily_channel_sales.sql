-- =============================================================================
-- fct_daily_channel_sales
-- Layer : fact
-- Grain : one row per (sale_date, channel)
-- Input : int_customer_transactions
--
-- Daily sales per channel, stored as a parquet table partitioned by day in
-- the warehouse (spark.sql.warehouse.dir). Each run rebuilds it with
-- INSERT OVERWRITE; the partition column comes last in the SELECT.
-- =============================================================================

CREATE TABLE IF NOT EXISTS fct_daily_channel_sales (
  channel             STRING,
  channel_group       STRING,
  transactions        BIGINT,
  customers           BIGINT,
  items_sold          BIGINT,
  gross_sales         DECIMAL(14, 2),
  discounts           DECIMAL(14, 2),
  net_sales           DECIMAL(14, 2),
  avg_order_value     DECIMAL(12, 2),
  sale_date           DATE
)
USING parquet
PARTITIONED BY (sale_date);

INSERT OVERWRITE TABLE fct_daily_channel_sales PARTITION (sale_date)
SELECT
  channel,
  channel_group,
  COUNT(*)                                         AS transactions,
  COUNT(DISTINCT customer_id)                      AS customers,
  SUM(total_quantity)                              AS items_sold,
  SUM(subtotal)                                    AS gross_sales,
  SUM(discount_amount)                             AS discounts,
  SUM(total_amount)                                AS net_sales,
  CAST(AVG(total_amount) AS DECIMAL(12, 2))        AS avg_order_value,
  transaction_date                                 AS sale_date
FROM int_customer_transactions
GROUP BY transaction_date, channel, channel_group;
