INSERT INTO src_c360_support_tickets
WITH typed AS (
  SELECT
    TRIM(ticket_id) AS ticket_id,
    TRIM(customer_id) AS customer_id,
    CAST(created_date AS TIMESTAMP(3)) AS created_ts,
    CAST(resolved_date AS TIMESTAMP(3)) AS resolved_ts,
    LOWER(category) AS category,
    LOWER(priority) AS priority,
    LOWER(status) AS status,
    LOWER(channel) AS channel,
    CAST(satisfaction_score AS INT) AS satisfaction_score
  FROM support_tickets_raw
  WHERE ticket_id IS NOT NULL
),

latest_version AS (
  SELECT *
  FROM (
    SELECT
      typed.*,
      ROW_NUMBER() OVER (PARTITION BY ticket_id ORDER BY COALESCE(resolved_ts, created_ts) DESC) AS rn
    FROM typed
  ) ranked
  WHERE rn = 1
)
SELECT
  ticket_id,
  customer_id,
  created_ts,
  resolved_ts,
  category,
  priority,
  status,
  channel,
  satisfaction_score,
  CASE WHEN status IN ('resolved', 'closed') THEN 1 ELSE 0 END AS is_resolved,
  CASE WHEN priority = 'urgent' THEN 1 ELSE 0 END AS is_urgent,
  ROUND((UNIX_TIMESTAMP(DATE_FORMAT(resolved_ts, 'yyyy-MM-dd HH:mm:ss')) - UNIX_TIMESTAMP(DATE_FORMAT(created_ts, 'yyyy-MM-dd HH:mm:ss'))) / 3600.0, 2) AS resolution_hours
FROM latest_version;
