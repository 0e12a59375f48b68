-- ============================================================================
-- FAILED: the translation of this table failed (see tracking.md).
-- This DDL may be missing or partial. Do NOT deploy it as it is.
-- ============================================================================
CREATE TABLE IF NOT EXISTS customer_analytics_c360 (
  customer_id STRING NOT NULL,
  email STRING,
  tenure_days INT
) WITH (
  'changelog.mode' = 'retract'
);
