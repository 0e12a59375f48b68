-- =============================================================================
-- customers_with_open_tickets
-- Layer : view (support work queue)
-- Grain : one row per customer_id that has at least one unresolved ticket
-- Input : dim_customers, src_support_tickets
--
-- Customers the support team must get back to: those with a ticket that is
-- not resolved yet (LEFT SEMI join: the customer row once, however many open
-- tickets they have).
-- =============================================================================

CREATE OR REPLACE TEMPORARY VIEW customers_with_open_tickets AS
SELECT
  c.customer_id,
  c.full_name,
  c.email,
  c.phone,
  c.customer_segment,
  c.preferred_channel
FROM dim_customers c
LEFT SEMI JOIN src_support_tickets t
  ON c.customer_id = t.customer_id
 AND t.is_resolved = 0;
