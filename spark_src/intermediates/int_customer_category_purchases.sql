-- =============================================================================
-- int_customer_category_purchases
-- Layer : intermediate
-- Grain : one row per (customer_id, category_group) bought at least once
-- Input : int_customer_transactions
--
-- Explodes each transaction's list of category groups into one row per group
-- bought, then summarises per customer and group: how many transactions and
-- items touched the group, and when it was first and last bought.
-- =============================================================================

CREATE OR REPLACE TEMPORARY VIEW int_customer_category_purchases AS
WITH transaction_groups AS (
  SELECT
    t.customer_id,
    t.transaction_id,
    t.transaction_ts,
    category_group
  FROM int_customer_transactions t
  LATERAL VIEW EXPLODE(t.category_groups) cg AS category_group
)
SELECT
  customer_id,
  category_group,
  COUNT(DISTINCT transaction_id)      AS transactions_with_group,
  COUNT(*)                            AS items_in_group,
  MIN(transaction_ts)                 AS first_bought_ts,
  MAX(transaction_ts)                 AS last_bought_ts
FROM transaction_groups
GROUP BY customer_id, category_group;
