-- =============================================================================
-- src_support_tickets
-- Layer : source (product c360)
-- Grain : one row per ticket_id (its latest known state)
-- Input : support_tickets_raw (customer/support_tickets.csv)
--
-- Typed support tickets. A ticket is re-sent when it changes state; the most
-- recent version (latest resolution, else latest creation) is kept.
-- =============================================================================

CREATE OR REPLACE TEMPORARY VIEW support_tickets_raw
USING CSV
OPTIONS (
  path '../shared/data/c360_mock_data/customer/support_tickets.csv',
  header 'true',
  inferSchema 'true'
);

CREATE OR REPLACE TEMPORARY VIEW src_support_tickets AS
WITH typed AS (
  SELECT
    TRIM(ticket_id)                          AS ticket_id,
    TRIM(customer_id)                        AS customer_id,
    CAST(created_date AS TIMESTAMP)          AS created_ts,
    CAST(resolved_date AS TIMESTAMP)         AS resolved_ts,
    LOWER(category)                          AS category,
    LOWER(priority)                          AS priority,
    LOWER(status)                            AS status,
    LOWER(channel)                           AS channel,
    CAST(satisfaction_score AS INT)          AS satisfaction_score
  FROM support_tickets_raw
  WHERE ticket_id IS NOT NULL
),
latest_version AS (
  SELECT *
  FROM (
    SELECT
      typed.*,
      ROW_NUMBER() OVER (
        PARTITION BY ticket_id
        ORDER BY COALESCE(resolved_ts, created_ts) DESC
      ) AS rn
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
  CASE WHEN status IN ('resolved', 'closed') THEN 1 ELSE 0 END    AS is_resolved,
  CASE WHEN priority = 'urgent' THEN 1 ELSE 0 END                 AS is_urgent,
  ROUND((UNIX_TIMESTAMP(resolved_ts) - UNIX_TIMESTAMP(created_ts)) / 3600.0, 2)
                                                                  AS resolution_hours
FROM latest_version;
