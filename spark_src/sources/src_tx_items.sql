-- =============================================================================
-- src_tx_items
-- Layer : source (product c360)
-- Grain : one row per item_id (a line of a transaction)
-- Input : transaction_items_raw (sales/transaction_items.csv)
--
-- Typed transaction lines. The feed is delivered at least once, so exact
-- duplicate lines are dropped.
-- =============================================================================

CREATE OR REPLACE TEMPORARY VIEW transaction_items_raw
USING CSV
OPTIONS (
  path '../shared/data/c360_mock_data/sales/transaction_items.csv',
  header 'true',
  inferSchema 'true'
);

CREATE OR REPLACE TEMPORARY VIEW src_tx_items AS
SELECT DISTINCT
  TRIM(item_id)                                           AS item_id,
  TRIM(transaction_id)                                    AS transaction_id,
  TRIM(product_id)                                        AS product_id,
  CAST(quantity AS INT)                                   AS quantity,
  CAST(unit_price AS DECIMAL(10, 2))                      AS unit_price,
  CAST(line_total AS DECIMAL(12, 2))                      AS line_total,
  CAST(COALESCE(discount_applied, 0) AS DECIMAL(12, 2))   AS discount_applied
FROM transaction_items_raw
WHERE item_id IS NOT NULL
  AND transaction_id IS NOT NULL;
