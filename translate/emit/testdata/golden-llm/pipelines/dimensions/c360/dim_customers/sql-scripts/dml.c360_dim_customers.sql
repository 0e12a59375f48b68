-- ============================================================================
-- Part of this statement was translated by the LLM and validated.
-- Review it before deploying (see tracking.md).
-- ============================================================================
INSERT INTO c360_dim_customers
SELECT
  customer_id,
  TIMESTAMPDIFF(DAY, MIN(signup_date), CURRENT_DATE) AS tenure_days,
  ARRAY_AGG(UPPER(segment)) AS segments
FROM src_c360_customers
GROUP BY customer_id;
