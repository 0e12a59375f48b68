INSERT INTO int_c360_customer_category_purchases
WITH transaction_groups AS (
  SELECT
    t.customer_id,
    t.transaction_id,
    t.transaction_ts,
    category_group
  FROM int_c360_customer_transactions t
  CROSS JOIN UNNEST(t.category_groups) AS cg(category_group)
)
SELECT
  customer_id,
  category_group,
  COUNT(DISTINCT transaction_id) AS transactions_with_group,
  COUNT(*) AS items_in_group,
  MIN(transaction_ts) AS first_bought_ts,
  MAX(transaction_ts) AS last_bought_ts
FROM transaction_groups
GROUP BY customer_id, category_group;
