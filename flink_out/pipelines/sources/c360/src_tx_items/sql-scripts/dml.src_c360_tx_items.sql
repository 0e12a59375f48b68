INSERT INTO src_c360_tx_items
SELECT DISTINCT
  TRIM(item_id) AS item_id,
  TRIM(transaction_id) AS transaction_id,
  TRIM(product_id) AS product_id,
  CAST(quantity AS INT) AS quantity,
  CAST(unit_price AS DECIMAL(10, 2)) AS unit_price,
  CAST(line_total AS DECIMAL(12, 2)) AS line_total,
  CAST(COALESCE(discount_applied, 0) AS DECIMAL(12, 2)) AS discount_applied
FROM (
  SELECT
    item_id,
    transaction_id,
    product_id,
    quantity,
    unit_price,
    line_total,
    discount_applied
  FROM (
    SELECT
      *,
      ROW_NUMBER() OVER (PARTITION BY item_id ORDER BY `$rowtime` DESC) AS rn
    FROM transaction_items_raw
  )
  WHERE rn = 1
) AS transaction_items_raw
WHERE item_id IS NOT NULL AND transaction_id IS NOT NULL;
