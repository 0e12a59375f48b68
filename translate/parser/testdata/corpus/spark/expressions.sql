-- Expressions: CASE, CAST / TRY_CAST, BETWEEN, LIKE / ILIKE / RLIKE / REGEXP
-- with ESCAPE, LIKE ANY/ALL, IS [NOT] DISTINCT FROM, ||, struct fields,
-- subscripts, operators, date and JSON functions.

SELECT customer_id,
       CASE
           WHEN lifetime_value >= 10000 THEN 'platinum'
           WHEN lifetime_value >= 5000  THEN 'gold'
           WHEN lifetime_value >= 1000  THEN 'silver'
           ELSE 'bronze'
       END AS tier,
       CASE country_code
           WHEN 'US' THEN 'NA'
           WHEN 'CA' THEN 'NA'
           WHEN 'DE' THEN 'EU'
           ELSE 'ROW'
       END AS region
FROM dim.customers;

-- nested CASE with NULL handling
SELECT order_id,
       CASE
           WHEN status IS NULL THEN 'unknown'
           WHEN status IN ('SHIPPED', 'DELIVERED') THEN
               CASE WHEN delivered_ts IS NULL THEN 'in_transit' ELSE 'delivered' END
           WHEN status = 'CANCELLED' AND refund_amount > 0 THEN 'refunded'
           ELSE lower(status)
       END AS order_state
FROM raw.orders;

SELECT CAST(order_id AS BIGINT)                AS order_id,
       CAST(amount AS DECIMAL(18, 2))          AS amount,
       CAST(order_ts AS TIMESTAMP)             AS order_ts,
       CAST(order_ts AS DATE)                  AS order_date,
       TRY_CAST(quantity AS INT)               AS quantity,
       try_cast(discount AS DOUBLE)            AS discount,
       CAST(tags AS ARRAY<STRING>)             AS tags,
       CAST(NULL AS STRING)                    AS placeholder,
       CAST(is_gift AS BOOLEAN)                AS is_gift,
       BIGINT(legacy_id)                       AS legacy_id_fn,
       STRING(zip_code)                        AS zip_code_fn
FROM raw.orders_text;

SELECT *
FROM raw.orders
WHERE amount BETWEEN 10 AND 100
  AND order_date NOT BETWEEN DATE '2024-12-24' AND DATE '2024-12-26'
  AND email LIKE '%@example.com'
  AND email NOT LIKE 'test%'
  AND sku ILIKE 'abc%'
  AND promo_code LIKE '10!%%' ESCAPE '!'
  AND phone RLIKE '^[0-9]{10}$'
  AND zip REGEXP '^[0-9]{5}(-[0-9]{4})?$'
  AND NOT (postcode RLIKE '^X');

SELECT *
FROM raw.customers
WHERE email LIKE ANY ('%@gmail.com', '%@yahoo.com')
  AND first_name LIKE ALL ('A%', '%a')
  AND last_name NOT LIKE ANY ('X%', 'Y%')
  AND city ILIKE ANY ('san %', 'los %');

SELECT a.customer_id
FROM snap.customers_today a
JOIN snap.customers_yesterday b ON a.customer_id = b.customer_id
WHERE a.email IS DISTINCT FROM b.email
   OR a.phone IS NOT DISTINCT FROM NULL
   OR a.address <=> b.address;

SELECT first_name || ' ' || last_name              AS full_name,
       concat(first_name, ' ', last_name)         AS full_name2,
       concat_ws('-', country_code, zip)           AS geo_key,
       upper(trim(email))                          AS email_norm,
       lpad(CAST(store_id AS STRING), 5, '0')      AS store_code,
       regexp_replace(phone, '[^0-9]', '')         AS phone_digits,
       regexp_extract(email, '@(.+)$', 1)          AS email_domain,
       split(full_address, ',')[0]                 AS street,
       substring(zip, 1, 3)                        AS zip3,
       substr(zip FROM 1 FOR 3)                    AS zip3b,
       trim(BOTH '"' FROM raw_name)                AS raw_name_clean,
       position('@' IN email)                      AS at_pos,
       overlay(card_no PLACING '****' FROM 1 FOR 4) AS card_masked,
       sha2(lower(email), 256)                     AS email_hash
FROM raw.customers;

-- struct fields, array and map subscripts
SELECT e.payload.device.os                  AS os,
       e.payload.device.`screen-width`      AS screen_width,
       e.items[0]                           AS first_item,
       e.items[0].sku                       AS first_sku,
       e.properties['utm_source']           AS utm_source,
       e.properties['utm' || '_campaign']   AS utm_campaign,
       element_at(e.items, -1)              AS last_item,
       e.matrix[1][2]                       AS cell,
       size(e.items)                        AS n_items,
       map_keys(e.properties)               AS prop_keys
FROM raw.events e;

-- arithmetic, bitwise and comparison operators
SELECT a + b * c - d / e          AS arith,
       (a + b) * (c - d)          AS grouped,
       a % 7                      AS modulo,
       a & 255 | b ^ c            AS bits,
       ~flags                     AS inverted,
       shiftleft(a, 2)            AS shifted,
       a == b, a != b, a <> b, a >= b, a <= b, a < b, a > b,
       !is_deleted                AS alive,
       a IS NULL, b IS NOT NULL,
       is_active IS TRUE, is_active IS NOT FALSE
FROM t;

-- date and time functions typical for ETL
SELECT current_date()                                     AS today,
       current_timestamp                                  AS now_ts,
       to_date(order_ts)                                  AS order_date,
       to_date(date_str, 'yyyyMMdd')                      AS parsed_date,
       to_timestamp(ts_str, 'yyyy-MM-dd HH:mm:ss.SSS')    AS parsed_ts,
       date_format(order_ts, 'yyyy-MM-dd')                AS day_str,
       date_trunc('MONTH', order_ts)                      AS month_start,
       trunc(order_date, 'MM')                            AS month_start_date,
       date_add(order_date, 7)                            AS plus_week,
       date_sub(order_date, 1)                            AS yesterday,
       datediff(current_date(), order_date)               AS age_days,
       months_between(current_date(), signup_date)        AS tenure_months,
       add_months(order_date, 1)                          AS next_month,
       last_day(order_date)                               AS month_end,
       year(order_ts), month(order_ts), dayofweek(order_ts), hour(order_ts),
       EXTRACT(YEAR FROM order_ts)                        AS y,
       date_part('quarter', order_ts)                     AS q,
       unix_timestamp(order_ts)                           AS epoch_s,
       from_unixtime(epoch_s, 'yyyy-MM-dd HH:mm:ss')      AS from_epoch,
       from_utc_timestamp(order_ts, 'America/New_York')   AS local_ts,
       make_date(y, m, d)                                 AS built_date,
       timestampadd(HOUR, 3, order_ts)                    AS plus_3h,
       timestampdiff(MINUTE, created_ts, order_ts)        AS minutes_to_order,
       window(order_ts, '1 hour')                         AS hour_window
FROM raw.orders;

-- JSON handling
SELECT get_json_object(payload, '$.customer.id')                      AS customer_id,
       get_json_object(payload, '$.items[0].sku')                      AS first_sku,
       from_json(payload, 'struct<id:string, amount:double, tags:array<string>>') AS parsed,
       from_json(payload, 'id STRING, amount DOUBLE', map('mode', 'PERMISSIVE'))  AS parsed2,
       to_json(named_struct('id', id, 'ts', ts))                       AS as_json,
       schema_of_json('{"a": 1}')                                     AS schema_guess,
       json_array_length(items_json)                                   AS n_items
FROM raw.events;

-- null handling functions
SELECT coalesce(mobile, home_phone, work_phone, 'n/a') AS phone,
       nvl(nickname, first_name)                       AS display_name,
       nvl2(deleted_ts, 'deleted', 'active')           AS state,
       ifnull(discount, 0)                             AS discount,
       nullif(trim(middle_name), '')                   AS middle_name,
       if(amount > 0, 'debit', 'credit')               AS direction,
       greatest(updated_ts, created_ts)                AS last_change,
       least(price, list_price)                        AS best_price,
       round(amount, 2), bround(amount, 2), floor(amount), ceil(amount),
       abs(balance), pow(growth, 2), sqrt(variance_v), log10(x), exp(y)
FROM raw.customers;
