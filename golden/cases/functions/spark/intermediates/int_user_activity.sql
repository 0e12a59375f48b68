-- Per-user activity with aggregates whose meaning differs in streaming.
CREATE OR REPLACE TEMPORARY VIEW int_user_activity AS
SELECT
  user_id,
  COUNT(*)                          AS events,
  COLLECT_LIST(event_type)          AS event_types,
  COLLECT_SET(page)                 AS pages,
  APPROX_COUNT_DISTINCT(event_date) AS active_days,
  STDDEV(score)                     AS score_stddev,
  AVG(score)                        AS avg_score,
  MAX(event_ts)                     AS last_event_ts,
  DATEDIFF(CURRENT_DATE(), MAX(event_date)) AS days_since_last_event
FROM src_events
GROUP BY user_id;
