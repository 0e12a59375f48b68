-- LATERAL VIEW [OUTER] with explode, posexplode, inline, json_tuple, stack,
-- and the table-valued-function spelling in FROM.

SELECT o.order_id, item
FROM raw.orders o
LATERAL VIEW explode(o.items) items_t AS item;

SELECT o.order_id, item.sku, item.qty
FROM raw.orders o
LATERAL VIEW OUTER explode(o.items) it AS item;

SELECT order_id, pos, tag
FROM raw.orders
LATERAL VIEW posexplode(tags) t AS pos, tag;

SELECT order_id, pos, tag
FROM raw.orders
LATERAL VIEW OUTER posexplode(tags) t AS pos, tag;

SELECT customer_id, attr_key, attr_value
FROM raw.customers
LATERAL VIEW explode(attributes) a AS attr_key, attr_value;

SELECT order_id, sku, qty, price
FROM raw.orders
LATERAL VIEW inline(line_items) li AS sku, qty, price;

SELECT order_id, li.*
FROM raw.orders
LATERAL VIEW OUTER inline(line_items) li;

-- several lateral views, the second one over the first's output
SELECT o.order_id, item.sku, promo
FROM raw.orders o
LATERAL VIEW explode(o.items) i AS item
LATERAL VIEW OUTER explode(item.promotions) p AS promo
WHERE item.qty > 0;

SELECT e.event_id, j.page, j.referrer
FROM raw.events e
LATERAL VIEW json_tuple(e.payload, 'page', 'referrer') j AS page, referrer;

-- unpivot with stack()
SELECT customer_id, channel, consent
FROM raw.consents
LATERAL VIEW stack(3, 'email', email_ok, 'sms', sms_ok, 'push', push_ok) s AS channel, consent;

-- generators in FROM and in the select list
SELECT o.order_id, x.item
FROM raw.orders o, LATERAL explode(o.items) AS x(item);

SELECT order_id, explode(items) AS item FROM raw.orders;

SELECT order_id, posexplode_outer(tags) AS (pos, tag) FROM raw.orders;

SELECT id, inline_outer(pairs) FROM t;

-- lateral view followed by a GROUP BY
SELECT tag, COUNT(DISTINCT order_id) AS orders
FROM raw.orders
LATERAL VIEW explode(split(tag_csv, ',')) t AS tag
GROUP BY tag
ORDER BY orders DESC;
