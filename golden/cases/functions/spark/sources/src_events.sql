-- Every function rewrite the deterministic rules know, on one table.
CREATE OR REPLACE TEMPORARY VIEW events_raw
USING CSV
OPTIONS (path 'data/events.csv', header 'true', inferSchema 'true');

CREATE OR REPLACE TEMPORARY VIEW src_events AS
SELECT
  event_id,
  user_id,
  UPPER(event_type)                                 AS event_type,
  event_ts,
  event_date,
  DATEDIFF(DATE '2024-12-31', event_date)           AS days_to_year_end,
  DATE_ADD(event_date, 7)                           AS week_later,
  DATE_SUB(event_date, 1)                           AS day_before,
  ADD_MONTHS(event_date, 1)                         AS month_later,
  DATE_FORMAT(event_ts, 'yyyy-MM-dd HH:mm')         AS event_minute,
  TO_DATE('2024-03-01')                             AS start_date,
  DATE_TRUNC('MONTH', event_ts)                     AS event_month,
  DAYOFWEEK(event_date)                             AS day_of_week,
  WEEKOFYEAR(event_date)                            AS week_of_year,
  YEAR(event_date)                                  AS event_year,
  NVL(amount, 0)                                    AS amount,
  NVL2(payload, 1, 0)                               AS has_payload,
  IFNULL(score, -1)                                 AS score,
  GET_JSON_OBJECT(payload, '$.page')                AS page,
  CONCAT_WS('-', user_id, event_id)                 AS user_event,
  POW(score, 2)                                     AS score_squared,
  MD5(event_id)                                     AS event_hash,
  CASE WHEN amount > 20 THEN 'big' ELSE 'small' END AS size,
  amount / 2                                        AS half_amount,
  30L                                               AS retention_days,
  event_ts + INTERVAL 30 DAYS                       AS expires_at
FROM events_raw;
