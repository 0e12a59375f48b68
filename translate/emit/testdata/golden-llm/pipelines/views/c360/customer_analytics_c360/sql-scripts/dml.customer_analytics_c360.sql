-- ============================================================================
-- NOT COMPLETE: status failed.
-- The LLM loop rejected all 3 answers of the model; the statement below is
-- the rules' partial output and is NOT a complete Flink statement. Do NOT deploy it.
-- Residue (position, construct, reason):
--   pipelines/views/c360/customer_analytics_c360/sql-scripts/dml.customer_analytics_c360.sql:2:8 [dryrun.dml] Flink rejects it: Column 'email' is ambiguous
-- The last answer's errors are in tracking.md.
-- ============================================================================
INSERT INTO customer_analytics_c360
SELECT c.customer_id, c.email, d.tenure_days
FROM src_c360_customers c
JOIN c360_dim_customers d ON c.customer_id = d.customer_id;
