-- Whole ETL statements as a Kimball-style customer-360 project writes them:
-- sources, dimensions, intermediates, facts, views. Long, nested, commented.

-- sources/src_customers.sql: raw CSV view -> typed, deduplicated source table
CREATE OR REPLACE TEMPORARY VIEW customers_raw
USING csv
OPTIONS (path 'data/customers.csv', header 'true', inferSchema 'false');

CREATE OR REPLACE TABLE src_c360_customers
USING delta
AS
WITH typed AS (
    SELECT CAST(customer_id AS BIGINT)                              AS customer_id,
           lower(trim(email))                                       AS email,
           initcap(first_name)                                      AS first_name,
           initcap(last_name)                                       AS last_name,
           upper(coalesce(nullif(country, ''), 'US'))               AS country_code,
           to_timestamp(signup_ts, 'yyyy-MM-dd HH:mm:ss')           AS signup_ts,
           to_timestamp(updated_ts, 'yyyy-MM-dd HH:mm:ss')          AS updated_ts
    FROM customers_raw
    WHERE customer_id IS NOT NULL
      AND customer_id RLIKE '^[0-9]+$'
),
ranked AS (
    SELECT *,
           ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY updated_ts DESC) AS rn
    FROM typed
)
SELECT customer_id, email, first_name, last_name, country_code, signup_ts, updated_ts
FROM ranked
WHERE rn = 1;

-- dimensions/c360_dim_customers.sql
INSERT OVERWRITE TABLE c360_dim_customers
SELECT
    c.customer_id,
    c.email,
    concat_ws(' ', c.first_name, c.last_name)                         AS full_name,
    c.country_code,
    COALESCE(l.tier, 'none')                                          AS loyalty_tier,
    CASE
        WHEN o.lifetime_value IS NULL          THEN 'prospect'
        WHEN o.last_order_date >= date_sub(current_date(), 90)
             AND o.lifetime_value >= 1000      THEN 'active_high_value'
        WHEN o.last_order_date >= date_sub(current_date(), 90)
                                               THEN 'active'
        WHEN o.last_order_date >= date_sub(current_date(), 365)
                                               THEN 'lapsing'
        ELSE 'churned'
    END                                                               AS lifecycle_stage,
    o.first_order_date,
    o.last_order_date,
    COALESCE(o.order_count, 0)                                        AS order_count,
    COALESCE(o.lifetime_value, 0)                                     AS lifetime_value,
    datediff(current_date(), to_date(c.signup_ts))                    AS tenure_days,
    current_timestamp()                                               AS loaded_at
FROM src_c360_customers c
LEFT JOIN (
    SELECT customer_id,
           MIN(to_date(order_ts))   AS first_order_date,
           MAX(to_date(order_ts))   AS last_order_date,
           COUNT(DISTINCT order_id) AS order_count,
           SUM(amount)              AS lifetime_value
    FROM src_c360_orders
    WHERE status NOT IN ('CANCELLED', 'FRAUD')
    GROUP BY customer_id
) o ON o.customer_id = c.customer_id
LEFT JOIN src_c360_loyalty l
  ON l.customer_id = c.customer_id
 AND l.valid_to IS NULL;

-- intermediates/int_c360_order_items.sql: explode JSON line items
INSERT OVERWRITE TABLE int_c360_order_items
SELECT o.order_id,
       o.customer_id,
       item.pos                                    AS line_no,
       item.col.sku                                AS sku,
       CAST(item.col.qty AS INT)                   AS qty,
       CAST(item.col.unit_price AS DECIMAL(10, 2)) AS unit_price,
       CAST(item.col.qty AS INT) * CAST(item.col.unit_price AS DECIMAL(10, 2)) AS line_amount
FROM src_c360_orders o
LATERAL VIEW OUTER posexplode(
    from_json(o.items_json, 'array<struct<sku:string,qty:string,unit_price:string>>')
) items AS pos, col
LATERAL VIEW inline(array(named_struct('pos', items.pos, 'col', items.col))) item AS pos, col
WHERE o.order_ts >= TIMESTAMP '2020-01-01 00:00:00';

-- facts/c360_fct_daily_customer_activity.sql
WITH events AS (
    SELECT customer_id,
           to_date(event_ts)                                     AS activity_date,
           event_type,
           get_json_object(payload, '$.page.path')               AS page_path,
           CAST(get_json_object(payload, '$.duration_ms') AS BIGINT) AS duration_ms
    FROM src_c360_events
    WHERE event_ts >= date_sub(current_date(), 30)
),
daily AS (
    SELECT customer_id,
           activity_date,
           COUNT(*)                                              AS events,
           COUNT(*) FILTER (WHERE event_type = 'page_view')      AS page_views,
           COUNT(DISTINCT page_path)                             AS distinct_pages,
           SUM(duration_ms) / 1000.0                             AS seconds_active,
           collect_set(event_type)                               AS event_types
    FROM events
    GROUP BY customer_id, activity_date
),
orders AS (
    SELECT customer_id, to_date(order_ts) AS activity_date, SUM(amount) AS revenue
    FROM src_c360_orders
    GROUP BY 1, 2
)
INSERT OVERWRITE TABLE c360_fct_daily_customer_activity PARTITION (activity_date)
SELECT d.customer_id,
       d.events,
       d.page_views,
       d.distinct_pages,
       round(d.seconds_active, 1)                                            AS seconds_active,
       array_contains(d.event_types, 'add_to_cart')                          AS added_to_cart,
       COALESCE(o.revenue, 0)                                                AS revenue,
       COALESCE(o.revenue, 0) > 0                                            AS converted,
       SUM(COALESCE(o.revenue, 0)) OVER (PARTITION BY d.customer_id ORDER BY d.activity_date
                                         ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS revenue_7d,
       d.activity_date
FROM daily d
LEFT JOIN orders o
  ON o.customer_id = d.customer_id AND o.activity_date = d.activity_date;

-- facts/c360_fct_orders.sql with a broadcast dimension and SCD2 lookup
INSERT INTO c360_fct_orders
SELECT /*+ BROADCAST(p), BROADCAST(fx) */
       o.order_id,
       o.customer_id,
       p.product_key,
       o.order_ts,
       o.amount,
       o.amount * COALESCE(fx.rate_to_eur, 1.0D)                  AS amount_eur,
       CASE WHEN o.amount < 0 THEN 'refund' ELSE 'sale' END       AS txn_type,
       date_format(o.order_ts, 'yyyyMMdd')                        AS date_key
FROM src_c360_orders o
JOIN c360_dim_products p
  ON p.product_id = o.product_id
 AND o.order_ts >= p.valid_from
 AND (o.order_ts < p.valid_to OR p.valid_to IS NULL)
LEFT JOIN ref_fx_rates fx
  ON fx.currency = o.currency
 AND fx.rate_date = to_date(o.order_ts);

-- views/v_customer_360.sql
CREATE OR REPLACE VIEW v_customer_360 AS
WITH last_touch AS (
    SELECT customer_id,
           max_by(channel, touch_ts) AS last_channel,
           max(touch_ts)             AS last_touch_ts
    FROM int_c360_touchpoints
    GROUP BY customer_id
),
prefs AS (
    SELECT customer_id,
           map_from_entries(collect_list(struct(pref_key, pref_value))) AS preferences
    FROM src_c360_preferences
    GROUP BY customer_id
)
SELECT d.*,
       t.last_channel,
       t.last_touch_ts,
       p.preferences,
       p.preferences['newsletter'] = 'yes'                                    AS newsletter_opt_in,
       transform(filter(map_keys(p.preferences), k -> k LIKE 'cat_%'), k -> substr(k, 5)) AS favourite_categories,
       aggregate(map_values(p.preferences), 0, (acc, v) -> acc + IF(v = 'yes', 1, 0))     AS yes_count
FROM c360_dim_customers d
LEFT JOIN last_touch t USING (customer_id)
LEFT JOIN prefs p USING (customer_id);

-- monthly cohort retention report
WITH first_month AS (
    SELECT customer_id, date_trunc('MONTH', MIN(order_ts)) AS cohort_month
    FROM src_c360_orders
    GROUP BY customer_id
),
activity AS (
    SELECT DISTINCT customer_id, date_trunc('MONTH', order_ts) AS active_month
    FROM src_c360_orders
)
SELECT f.cohort_month,
       CAST(months_between(a.active_month, f.cohort_month) AS INT) AS month_offset,
       COUNT(DISTINCT a.customer_id)                               AS active_customers,
       COUNT(DISTINCT a.customer_id) * 1.0
         / FIRST_VALUE(COUNT(DISTINCT a.customer_id)) OVER (
               PARTITION BY f.cohort_month
               ORDER BY CAST(months_between(a.active_month, f.cohort_month) AS INT))  AS retention
FROM first_month f
JOIN activity a ON a.customer_id = f.customer_id
GROUP BY f.cohort_month, CAST(months_between(a.active_month, f.cohort_month) AS INT)
ORDER BY 1, 2;
