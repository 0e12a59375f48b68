INSERT INTO int_functions_user_activity
SELECT
  user_id,
  COUNT(*) AS events,
  ARRAY_AGG(event_type IGNORE NULLS) AS event_types,
  ARRAY_AGG(DISTINCT page IGNORE NULLS) AS pages,
  COUNT(DISTINCT event_date) AS active_days,
  STDDEV_SAMP(CAST(score AS DOUBLE)) AS score_stddev,
  AVG(CAST(score AS DOUBLE)) AS avg_score,
  MAX(event_ts) AS last_event_ts,
  TIMESTAMPDIFF(DAY, MAX(event_date), CURRENT_DATE) AS days_since_last_event
FROM src_functions_events AS src_events
GROUP BY user_id;
