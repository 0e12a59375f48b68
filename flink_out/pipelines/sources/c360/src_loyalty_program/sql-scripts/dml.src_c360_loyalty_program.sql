INSERT INTO src_c360_loyalty_program
WITH typed AS (
  SELECT
    TRIM(customer_id) AS customer_id,
    INITCAP(TRIM(loyalty_tier)) AS loyalty_tier,
    CAST(points_balance AS INT) AS points_balance,
    CAST(points_earned_ytd AS INT) AS points_earned_ytd,
    CAST(points_redeemed_ytd AS INT) AS points_redeemed_ytd,
    CAST(tier_start_date AS DATE) AS tier_start_date,
    CAST(lifetime_value AS DECIMAL(12, 2)) AS lifetime_value
  FROM loyalty_program_raw
  WHERE customer_id IS NOT NULL
),

latest_membership AS (
  SELECT
    -- a re-sent membership row replaces the older one: latest tier start wins
    *
  FROM (
    SELECT
      typed.*,
      ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY tier_start_date DESC) AS rn
    FROM typed
  ) ranked
  WHERE rn = 1
)
SELECT
  customer_id,
  loyalty_tier,
  points_balance,
  points_earned_ytd,
  points_redeemed_ytd,
  points_earned_ytd - points_redeemed_ytd AS net_points_ytd,
  -- null when nothing was earned, instead of a division by zero
  ROUND(CAST(points_redeemed_ytd AS DOUBLE) / NULLIF(points_earned_ytd, 0), 4) AS redemption_rate,
  tier_start_date,
  TIMESTAMPDIFF(DAY, tier_start_date, CURRENT_DATE) AS days_in_current_tier,
  CASE loyalty_tier
    WHEN 'Bronze' THEN 1
    WHEN 'Silver' THEN 2
    WHEN 'Gold' THEN 3
    WHEN 'Platinum' THEN 4
    ELSE 0
  END AS tier_rank,
  lifetime_value,
  CASE
    WHEN lifetime_value >= 15000 THEN 'Very High Value'
    WHEN lifetime_value >= 8000 THEN 'High Value'
    WHEN lifetime_value >= 4000 THEN 'Medium Value'
    ELSE 'Low Value'
  END AS value_segment
FROM latest_membership;
