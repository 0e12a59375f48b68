INSERT INTO c360_fct_customer_360_profile
WITH transaction_metrics AS (
  SELECT
    customer_id,
    COUNT(*) AS total_transactions,
    SUM(total_amount) AS total_spent,
    CAST(AVG(total_amount) AS DECIMAL(12, 2)) AS avg_order_value,
    SUM(item_count) AS total_items,
    SUM(discount_amount) AS total_discount,
    MIN(transaction_date) AS first_purchase_date,
    MAX(transaction_date) AS last_purchase_date,
    COUNT(DISTINCT channel) AS channels_used,
    COUNT(DISTINCT transaction_date) AS shopping_days,
    SUM(CAST(used_preferred_channel AS BIGINT)) AS preferred_channel_purchases,
    SUM(CAST(CASE WHEN transaction_date >= CURRENT_DATE - INTERVAL '90' DAY THEN 1 ELSE 0 END AS BIGINT)) AS transactions_last_90d,
    SUM(CASE WHEN transaction_date >= CURRENT_DATE - INTERVAL '90' DAY THEN total_amount ELSE 0 END) AS spent_last_90d
  FROM int_c360_customer_transactions AS int_customer_transactions
  GROUP BY customer_id
),

support_metrics AS (
  SELECT
    customer_id,
    COUNT(*) AS total_tickets,
    SUM(CAST(is_resolved AS BIGINT)) AS resolved_tickets,
    CAST(AVG(CAST(satisfaction_score AS DOUBLE)) AS DECIMAL(4, 2)) AS avg_satisfaction,
    MAX(created_ts) AS last_ticket_ts,
    SUM(CAST(is_urgent AS BIGINT)) AS urgent_tickets
  FROM src_c360_support_tickets AS src_support_tickets
  GROUP BY customer_id
),

app_metrics AS (
  SELECT
    customer_id,
    COUNT(*) AS total_sessions,
    SUM(CAST(session_duration_minutes AS BIGINT)) AS total_session_minutes,
    SUM(CAST(pages_viewed AS BIGINT)) AS total_pages_viewed,
    SUM(CAST(actions_taken AS BIGINT)) AS total_actions,
    MAX(session_date) AS last_app_use_date,
    COUNT(DISTINCT device_type) AS device_types_used
  FROM src_c360_app_usage AS src_app_usage
  GROUP BY customer_id
),

profile AS (
  SELECT
    c.customer_id,
    c.customer_key,
    c.full_name,
    c.email,
    c.gender,
    c.age,
    c.generation_segment,
    c.customer_segment,
    c.preferred_channel,
    c.city,
    c.state,
    c.registration_date,
    c.days_since_registration,
    c.data_quality_score,
    -- loyalty
    COALESCE(l.loyalty_tier, 'None') AS loyalty_tier,
    COALESCE(l.tier_rank, 0) AS tier_rank,
    COALESCE(l.points_balance, 0) AS points_balance,
    COALESCE(l.net_points_ytd, 0) AS net_points_ytd,
    COALESCE(l.redemption_rate, 0) AS redemption_rate,
    COALESCE(l.lifetime_value, 0) AS lifetime_value,
    COALESCE(l.value_segment, 'No Membership') AS value_segment,
    -- purchases
    COALESCE(t.total_transactions, 0) AS total_transactions,
    COALESCE(t.total_spent, 0) AS total_spent,
    COALESCE(t.avg_order_value, 0) AS avg_order_value,
    COALESCE(t.total_items, 0) AS total_items,
    COALESCE(t.total_discount, 0) AS total_discount,
    t.first_purchase_date,
    t.last_purchase_date,
    TIMESTAMPDIFF(DAY, t.last_purchase_date, CURRENT_DATE) AS days_since_last_purchase,
    COALESCE(t.channels_used, 0) AS channels_used,
    COALESCE(t.shopping_days, 0) AS shopping_days,
    COALESCE(t.preferred_channel_purchases, 0) AS preferred_channel_purchases,
    COALESCE(t.transactions_last_90d, 0) AS transactions_last_90d,
    COALESCE(t.spent_last_90d, 0) AS spent_last_90d,
    -- support
    COALESCE(s.total_tickets, 0) AS total_tickets,
    COALESCE(s.resolved_tickets, 0) AS resolved_tickets,
    COALESCE(s.avg_satisfaction, 0) AS avg_satisfaction,
    s.last_ticket_ts,
    COALESCE(s.urgent_tickets, 0) AS urgent_tickets,
    -- app usage
    COALESCE(a.total_sessions, 0) AS total_sessions,
    COALESCE(a.total_session_minutes, 0) AS total_session_minutes,
    COALESCE(a.total_pages_viewed, 0) AS total_pages_viewed,
    COALESCE(a.total_actions, 0) AS total_actions,
    a.last_app_use_date,
    COALESCE(a.device_types_used, 0) AS device_types_used
  FROM c360_dim_customers c
  LEFT JOIN src_c360_loyalty_program l ON c.customer_id = l.customer_id
  LEFT JOIN transaction_metrics t ON c.customer_id = t.customer_id
  LEFT JOIN support_metrics s ON c.customer_id = s.customer_id
  LEFT JOIN app_metrics a ON c.customer_id = a.customer_id
)
SELECT
  profile.*,
  -- 0-100: sessions, minutes and actions weighted, capped at 100
  CAST(LEAST(COALESCE(100, total_sessions * 10 + total_session_minutes * 0.5 + total_actions), COALESCE(total_sessions * 10 + total_session_minutes * 0.5 + total_actions, 100)) AS DECIMAL(5, 1)) AS engagement_score,
  CASE
    WHEN total_transactions = 0 THEN 'Never Purchased'
    WHEN days_since_last_purchase <= 30 THEN 'Active'
    WHEN days_since_last_purchase <= 90 THEN 'At Risk'
    ELSE 'Churned'
  END AS customer_status,
  CASE
    WHEN total_transactions = 0 THEN 1
    WHEN days_since_last_purchase <= 30 THEN 5
    WHEN days_since_last_purchase <= 60 THEN 4
    WHEN days_since_last_purchase <= 90 THEN 3
    WHEN days_since_last_purchase <= 180 THEN 2
    ELSE 1
  END AS recency_score,
  CASE
    WHEN total_transactions >= 10 THEN 5
    WHEN total_transactions >= 5 THEN 4
    WHEN total_transactions >= 3 THEN 3
    WHEN total_transactions >= 2 THEN 2
    ELSE 1
  END AS frequency_score,
  CASE
    WHEN total_spent >= 1000 THEN 5
    WHEN total_spent >= 500 THEN 4
    WHEN total_spent >= 250 THEN 3
    WHEN total_spent >= 100 THEN 2
    ELSE 1
  END AS monetary_score
FROM profile;
