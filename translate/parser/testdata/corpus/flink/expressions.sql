-- Expressions, literals and types in Flink SQL: CAST / TRY_CAST, typed and
-- constructed literals, SQL-standard string and time functions, JSON.

SELECT CAST(order_id AS BIGINT)                         AS order_id,
       TRY_CAST(qty AS INT)                             AS qty,
       CAST(amount AS DECIMAL(18, 2))                   AS amount,
       CAST(ts_str AS TIMESTAMP(3))                     AS ts,
       CAST(ts_str AS TIMESTAMP_LTZ(3))                 AS ts_ltz,
       CAST(ts_str AS TIMESTAMP(3) WITH LOCAL TIME ZONE) AS ts_ltz2,
       CAST(d AS DATE)                                  AS d,
       CAST(t AS TIME(0))                               AS t,
       CAST(flag AS BOOLEAN)                            AS flag,
       CAST(payload AS BYTES)                           AS raw_bytes,
       CAST(code AS VARCHAR(10))                        AS code,
       CAST(code AS CHAR(3))                            AS code3,
       CAST(NULL AS STRING)                             AS nothing,
       CAST(items AS ARRAY<ROW<sku STRING, qty INT>>)   AS items_typed,
       CAST(m AS MAP<STRING, DOUBLE>)                   AS m_typed,
       CAST(tags AS MULTISET<STRING>)                   AS tag_bag,
       CAST(r AS ROW<id BIGINT, name STRING>)           AS r_typed,
       CAST(r AS ROW(id BIGINT, name STRING))           AS r_typed2
FROM raw_strings;

SELECT 'it''s'                                  AS quoted,
       'multi' 'part'                           AS concatenated_literal,
       DATE '2024-01-31'                        AS d,
       TIME '23:59:59'                          AS t,
       TIMESTAMP '2024-01-31 23:59:59.123'      AS ts,
       INTERVAL '5' DAY                         AS i1,
       INTERVAL '10' MINUTE                     AS i2,
       INTERVAL '1 02:03:04' DAY TO SECOND      AS i3,
       INTERVAL '1-6' YEAR TO MONTH             AS i4,
       INTERVAL '90' SECOND(3)                  AS i5,
       X'CAFE'                                  AS bin,
       1.5E3                                    AS dbl,
       123.45                                   AS dec_lit,
       TRUE AS t1, FALSE AS f1, NULL AS n1,
       ARRAY['a', 'b', 'c']                     AS arr,
       ARRAY[1, 2, 3][1]                        AS first_elem,
       MAP['k1', 1, 'k2', 2]                    AS m,
       MAP['k1', 1]['k1']                       AS m_val,
       ROW(1, 'x')                              AS r,
       (1, 'y')                                 AS implicit_row;

SELECT SUBSTRING(email FROM 1 FOR 5)                AS email_prefix,
       SUBSTRING(email, 3)                          AS email_tail,
       TRIM(BOTH ' ' FROM name)                     AS name_trimmed,
       TRIM(LEADING '0' FROM code)                  AS code_unpadded,
       TRIM(TRAILING FROM name)                     AS name_rtrim,
       TRIM(name)                                   AS name_trim,
       POSITION('@' IN email)                       AS at_pos,
       OVERLAY(card PLACING '****' FROM 1 FOR 4)    AS card_masked,
       UPPER(name) || '-' || LOWER(code)            AS combined,
       CONCAT_WS('|', a, b, c)                      AS joined,
       REGEXP_EXTRACT(email, '@(.+)$', 1)           AS domain,
       REGEXP_REPLACE(phone, '[^0-9]', '')          AS digits,
       SPLIT_INDEX(path, '/', 1)                    AS first_segment,
       CHAR_LENGTH(name)                            AS len,
       INITCAP(name)                                AS pretty,
       LPAD(code, 5, '0')                           AS padded,
       MD5(email)                                   AS email_md5,
       SHA256(email)                                AS email_sha
FROM customers_strings;

SELECT EXTRACT(DAY FROM order_time)                   AS day_of_month,
       EXTRACT(YEAR FROM order_time)                  AS y,
       EXTRACT(EPOCH FROM order_time)                 AS epoch_s,
       FLOOR(order_time TO DAY)                       AS day_start,
       FLOOR(order_time TO HOUR)                      AS hour_start,
       CEIL(order_time TO MINUTE)                     AS next_minute,
       DATE_FORMAT(order_time, 'yyyy-MM-dd HH:mm')    AS formatted,
       TO_TIMESTAMP('2024-01-01 00:00:00')            AS parsed_ts,
       TO_TIMESTAMP(ts_str, 'yyyyMMddHHmmss')         AS parsed_ts2,
       TO_DATE(date_str, 'yyyyMMdd')                  AS parsed_date,
       TO_TIMESTAMP_LTZ(epoch_ms, 3)                  AS ts_from_ms,
       UNIX_TIMESTAMP()                               AS now_s,
       FROM_UNIXTIME(epoch_s, 'yyyy-MM-dd')           AS from_epoch,
       TIMESTAMPADD(DAY, 7, order_time)               AS next_week,
       TIMESTAMPDIFF(HOUR, order_time, ship_time)     AS hours_to_ship,
       order_time + INTERVAL '1' DAY                  AS plus_day,
       order_time - INTERVAL '30' MINUTE              AS minus_half_hour,
       CURRENT_DATE                                   AS today,
       CURRENT_TIMESTAMP                              AS now_ts,
       LOCALTIMESTAMP                                 AS local_now,
       NOW()                                          AS now_fn,
       CURRENT_WATERMARK(order_time)                  AS wm,
       CONVERT_TZ(ts_str, 'UTC', 'America/Los_Angeles') AS la_time,
       DAYOFWEEK(CAST(order_time AS DATE))            AS dow
FROM orders_raw;

SELECT CASE
           WHEN amount >= 1000 THEN 'large'
           WHEN amount >= 100  THEN 'medium'
           ELSE 'small'
       END                                            AS size_class,
       CASE channel WHEN 'web' THEN 1 WHEN 'app' THEN 2 ELSE 0 END AS channel_code,
       COALESCE(coupon, 'none')                       AS coupon,
       NULLIF(coupon, '')                             AS coupon_or_null,
       IF(amount > 0, 'debit', 'credit')              AS direction,
       IFNULL(discount, 0)                            AS discount,
       amount BETWEEN 10 AND 20                       AS in_band,
       amount NOT BETWEEN SYMMETRIC 20 AND 10         AS out_of_band,
       email LIKE '%@example.com'                     AS is_example,
       code LIKE 'A!_%' ESCAPE '!'                    AS escaped_like,
       email SIMILAR TO '%@(gmail|yahoo).com'         AS is_webmail,
       REGEXP(email, '^[a-z]+@')                      AS simple_email,
       coupon IS DISTINCT FROM prev_coupon            AS coupon_changed,
       coupon IS NOT DISTINCT FROM prev_coupon        AS coupon_same,
       flag IS TRUE                                   AS flag_true,
       channel IN ('web', 'app')                      AS digital,
       MOD(qty, 2) = 0                                AS even_qty,
       ABS(amount) + POWER(qty, 2) - SQRT(qty) * LN(qty + 1) AS math,
       ROUND(amount, 2)                               AS rounded,
       TRUNCATE(amount, 0)                            AS truncated
FROM orders_enriched;

-- collections and rows
SELECT items[1]                                      AS first_item,
       items[1].sku                                  AS first_sku,
       props['utm_source']                           AS utm_source,
       CARDINALITY(items)                            AS n_items,
       ELEMENT(ARRAY['only'])                        AS only_elem,
       ARRAY_CONTAINS(tags, 'vip')                   AS is_vip,
       ARRAY_DISTINCT(tags)                          AS uniq_tags,
       ARRAY_JOIN(tags, ',')                         AS tag_csv,
       MAP_KEYS(props)                               AS prop_keys,
       MAP_VALUES(props)                             AS prop_values,
       address.city                                  AS city,
       t.address.geo.lat                             AS lat
FROM orders_nested t;

-- JSON functions
SELECT JSON_VALUE(payload, '$.customer.id')                                        AS customer_id,
       JSON_VALUE(payload, '$.amount' RETURNING DOUBLE DEFAULT 0.0 ON EMPTY)       AS amount,
       JSON_VALUE(payload, '$.ts' RETURNING BIGINT NULL ON ERROR)                  AS ts,
       JSON_QUERY(payload, '$.items')                                              AS items_json,
       JSON_QUERY(payload, '$.tags' WITH CONDITIONAL ARRAY WRAPPER)                AS tags_json,
       JSON_EXISTS(payload, '$.coupon')                                            AS has_coupon,
       payload IS JSON                                                             AS valid_json,
       payload IS JSON OBJECT                                                      AS is_object,
       JSON_OBJECT(KEY 'id' VALUE order_id, KEY 'amt' VALUE amount)                AS obj,
       JSON_OBJECT('id' VALUE order_id ABSENT ON NULL)                             AS obj2,
       JSON_ARRAY(1, 'two', TRUE NULL ON NULL)                                     AS arr,
       JSON_STRING(order_id)                                                       AS js
FROM raw_json;

SELECT customer_id, JSON_ARRAYAGG(order_id) AS orders_json, JSON_OBJECTAGG(KEY order_id VALUE amount) AS amounts_json
FROM orders_raw
GROUP BY customer_id;

SELECT `$rowtime`, `$rowtime` AS event_time, CAST(`$rowtime` AS STRING) AS rt_string
FROM clicks
WHERE `$rowtime` > CURRENT_TIMESTAMP - INTERVAL '1' HOUR;
