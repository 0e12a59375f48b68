INSERT INTO src_functions_events
SELECT
  event_id,
  user_id,
  UPPER(event_type) AS event_type,
  event_ts,
  event_date,
  TIMESTAMPDIFF(DAY, event_date, DATE '2024-12-31') AS days_to_year_end,
  event_date + INTERVAL '7' DAY AS week_later,
  event_date - INTERVAL '1' DAY AS day_before,
  TIMESTAMPADD(MONTH, 1, event_date) AS month_later,
  DATE_FORMAT(event_ts, 'yyyy-MM-dd HH:mm') AS event_minute,
  CAST('2024-03-01' AS DATE) AS start_date,
  FLOOR(event_ts TO MONTH) AS event_month,
  CAST(DAYOFWEEK(event_date) AS INT) AS day_of_week,
  CAST(WEEK(event_date) AS INT) AS week_of_year,
  CAST(YEAR(event_date) AS INT) AS event_year,
  COALESCE(amount, 0) AS amount,
  CASE WHEN payload IS NOT NULL THEN 1 ELSE 0 END AS has_payload,
  COALESCE(score, -1) AS score,
  JSON_VALUE(payload, '$.page') AS page,
  CONCAT_WS('-', user_id, event_id) AS user_event,
  POWER(score, 2) AS score_squared,
  MD5(event_id) AS event_hash,
  CASE WHEN amount > 20 THEN 'big' ELSE 'small' END AS size,
  CAST(amount AS DOUBLE) / 2 AS half_amount,
  CAST(30 AS BIGINT) AS retention_days,
  event_ts + INTERVAL '30' DAY AS expires_at
FROM (
  SELECT
    event_id,
    user_id,
    event_type,
    event_ts,
    event_date,
    amount,
    payload,
    score
  FROM (
    SELECT
      *,
      ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY `$rowtime` DESC) AS rn
    FROM events_raw
  )
  WHERE rn = 1
) AS events_raw;
