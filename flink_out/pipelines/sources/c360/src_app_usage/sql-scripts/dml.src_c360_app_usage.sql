INSERT INTO src_c360_app_usage
WITH typed AS (
  SELECT
    TRIM(usage_id) AS usage_id,
    TRIM(customer_id) AS customer_id,
    CAST(session_date AS DATE) AS session_date,
    CAST(session_start AS TIMESTAMP(3)) AS session_start_ts,
    CAST(session_duration_minutes AS INT) AS session_duration_minutes,
    CAST(pages_viewed AS INT) AS pages_viewed,
    CAST(actions_taken AS INT) AS actions_taken,
    LOWER(device_type) AS device_type,
    CAST(app_version AS STRING) AS app_version
  FROM app_usage_raw
  WHERE usage_id IS NOT NULL
)
SELECT
  usage_id,
  customer_id,
  session_date,
  session_start_ts,
  session_duration_minutes,
  pages_viewed,
  actions_taken,
  device_type,
  app_version
FROM (
  SELECT
    typed.*,
    ROW_NUMBER() OVER (PARTITION BY usage_id ORDER BY session_start_ts DESC) AS rn
  FROM typed
) ranked
WHERE rn = 1;
