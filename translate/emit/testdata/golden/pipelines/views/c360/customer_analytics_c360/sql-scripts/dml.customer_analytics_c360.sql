INSERT INTO customer_analytics_c360
SELECT c.customer_id, c.email, d.tenure_days
FROM src_c360_customers c
JOIN c360_dim_customers d ON c.customer_id = d.customer_id;
