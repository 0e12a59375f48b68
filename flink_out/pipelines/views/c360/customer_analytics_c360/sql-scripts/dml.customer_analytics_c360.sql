INSERT INTO customer_analytics_c360
SELECT
  p.*,
  CASE
    WHEN p.days_since_registration < 365 THEN 'New (<1y)'
    WHEN p.days_since_registration < 3 * 365 THEN 'Developing (1-3y)'
    WHEN p.days_since_registration < 5 * 365 THEN 'Established (3-5y)'
    ELSE 'Veteran (5y+)'
  END AS tenure_segment,
  CAST((p.recency_score + p.frequency_score + p.monetary_score) / 3.0 AS DECIMAL(3, 2)) AS health_score,
  CASE
    WHEN p.total_tickets = 0 OR p.avg_satisfaction = 0 THEN 'No Feedback'
    WHEN p.avg_satisfaction >= 4.5 THEN 'Very Satisfied'
    WHEN p.avg_satisfaction >= 3.5 THEN 'Satisfied'
    WHEN p.avg_satisfaction >= 2.5 THEN 'Neutral'
    ELSE 'Dissatisfied'
  END AS support_satisfaction_label,
  CASE
    WHEN p.engagement_score >= 70 THEN 'Highly Engaged'
    WHEN p.engagement_score >= 40 THEN 'Engaged'
    WHEN p.engagement_score > 0 THEN 'Low Engagement'
    ELSE 'Not Engaged'
  END AS engagement_label
FROM c360_fct_customer_360_profile p;
