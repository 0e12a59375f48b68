INSERT INTO int_c360_customer_transactions
WITH item_lines AS (
  SELECT
    i.transaction_id,
    i.item_id,
    i.quantity,
    i.unit_price,
    i.line_total,
    p.category,
    p.category_group,
    p.brand
  FROM src_c360_tx_items i
  LEFT JOIN src_c360_products p ON i.product_id = p.product_id
),

basket AS (
  SELECT
    transaction_id,
    COUNT(item_id) AS item_count,
    SUM(CAST(quantity AS BIGINT)) AS total_quantity,
    CAST(AVG(unit_price) AS DECIMAL(10, 2)) AS avg_item_price,
    SUM(line_total) AS items_line_total,
    COUNT(DISTINCT category) AS distinct_categories,
    COUNT(DISTINCT brand) AS distinct_brands,
    -- sorted so that the lists do not depend on shuffle order
    ARRAY_SORT(ARRAY_AGG(category_group IGNORE NULLS), TRUE, FALSE) AS category_groups,
    ARRAY_SORT(ARRAY_AGG(brand IGNORE NULLS), TRUE, FALSE) AS brands
  FROM item_lines
  GROUP BY transaction_id
)
SELECT
  t.transaction_id,
  t.customer_id,
  c.customer_key,
  c.full_name,
  c.customer_segment,
  c.generation_segment,
  c.preferred_channel,
  t.transaction_ts,
  t.transaction_date,
  t.transaction_hour,
  t.transaction_day_of_week,
  t.transaction_month,
  t.transaction_quarter,
  t.transaction_year,
  t.channel,
  t.channel_group,
  t.store_id,
  t.payment_method,
  t.subtotal,
  t.discount_amount,
  t.total_amount,
  t.has_discount,
  t.discount_rate,
  t.order_size_category,
  COALESCE(b.item_count, 0) AS item_count,
  COALESCE(b.total_quantity, 0) AS total_quantity,
  b.avg_item_price,
  COALESCE(b.distinct_categories, 0) AS distinct_categories,
  COALESCE(b.distinct_brands, 0) AS distinct_brands,
  COALESCE(b.category_groups, ARRAY_SLICE(ARRAY[CAST(NULL AS STRING)], 2, 1)) AS category_groups,
  COALESCE(b.brands, ARRAY_SLICE(ARRAY[CAST(NULL AS STRING)], 2, 1)) AS brands,
  CASE WHEN t.channel = c.preferred_channel THEN 1 ELSE 0 END AS used_preferred_channel
FROM src_c360_transactions t
LEFT JOIN basket b ON t.transaction_id = b.transaction_id
LEFT JOIN c360_dim_customers c ON t.customer_id = c.customer_id;
