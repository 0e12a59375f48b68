-- MATCH_RECOGNIZE: pattern detection over an ordered stream.

SELECT *
FROM ticker
MATCH_RECOGNIZE (
    PARTITION BY symbol
    ORDER BY rowtime
    MEASURES
        START_ROW.rowtime AS start_tstamp,
        LAST(PRICE_DOWN.rowtime) AS bottom_tstamp,
        LAST(PRICE_UP.rowtime) AS end_tstamp
    ONE ROW PER MATCH
    AFTER MATCH SKIP TO LAST PRICE_UP
    PATTERN (START_ROW PRICE_DOWN+ PRICE_UP)
    DEFINE
        PRICE_DOWN AS
            (LAST(PRICE_DOWN.price, 1) IS NULL AND PRICE_DOWN.price < START_ROW.price) OR
                PRICE_DOWN.price < LAST(PRICE_DOWN.price, 1),
        PRICE_UP AS
            PRICE_UP.price > LAST(PRICE_DOWN.price, 1)
) MR;

-- abandoned carts: add_to_cart not followed by a purchase within an hour
SELECT *
FROM clicks_typed
MATCH_RECOGNIZE (
    PARTITION BY user_id
    ORDER BY `$rowtime`
    MEASURES
        FIRST(A.`$rowtime`) AS cart_ts,
        COUNT(A.event_type)  AS cart_events,
        LAST(B.event_type)   AS last_event
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (A+ B*? C) WITHIN INTERVAL '1' HOUR
    DEFINE
        A AS A.event_type = 'add_to_cart',
        B AS B.event_type NOT IN ('purchase', 'add_to_cart'),
        C AS C.event_type = 'logout'
) AS abandoned;

-- login failures: three or more in a row
SELECT user_id, first_fail, last_fail, attempts
FROM logins
MATCH_RECOGNIZE (
    PARTITION BY user_id
    ORDER BY login_time
    MEASURES
        FIRST(F.login_time) AS first_fail,
        LAST(F.login_time)  AS last_fail,
        COUNT(F.login_time) AS attempts
    AFTER MATCH SKIP TO NEXT ROW
    PATTERN (F{3,} S?)
    DEFINE
        F AS F.success = FALSE,
        S AS S.success = TRUE
);

SELECT *
FROM orders_raw
MATCH_RECOGNIZE (
    PARTITION BY customer_id
    ORDER BY order_time
    MEASURES
        A.order_id AS first_order,
        B.order_id AS second_order,
        B.amount - A.amount AS delta,
        MATCH_ROWTIME() AS match_time
    PATTERN (A B)
    DEFINE
        B AS B.amount > A.amount * 2
);
