INSERT INTO customers_with_open_tickets
SELECT
  c.customer_id,
  c.full_name,
  c.email,
  c.phone,
  c.customer_segment,
  c.preferred_channel
FROM c360_dim_customers c
WHERE EXISTS (
  SELECT 1
  FROM src_c360_support_tickets t
  WHERE c.customer_id = t.customer_id AND t.is_resolved = 0
);
