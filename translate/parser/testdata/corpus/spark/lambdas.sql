-- Higher-order functions with lambdas: x -> ..., (a, b) -> ...

SELECT order_id,
       transform(items, x -> x.price * x.qty)                AS line_totals,
       filter(items, x -> x.qty > 0)                          AS non_empty,
       exists(items, x -> x.is_gift)                          AS has_gift,
       forall(items, x -> x.price >= 0)                       AS prices_ok,
       aggregate(items, 0D, (acc, x) -> acc + x.price * x.qty) AS order_total
FROM raw.orders;

SELECT transform(tags, (t, i) -> concat(CAST(i AS STRING), ':', lower(t))) AS indexed_tags,
       filter(tags, (t, i) -> i < 3)                                       AS first_three,
       aggregate(scores, 0, (acc, s) -> acc + s, acc -> acc / size(scores)) AS avg_score,
       reduce(scores, 0, (acc, s) -> acc + s)                              AS total_score
FROM raw.profiles;

SELECT transform_keys(props, (k, v) -> upper(k))                         AS upper_keys,
       transform_values(props, (k, v) -> CASE WHEN v = '' THEN NULL ELSE v END) AS cleaned,
       map_filter(props, (k, v) -> k NOT LIKE 'internal_%')              AS public_props,
       map_zip_with(m1, m2, (k, v1, v2) -> coalesce(v1, 0) + coalesce(v2, 0)) AS merged,
       zip_with(a1, a2, (x, y) -> x * y)                                 AS products
FROM raw.events;

-- sort with a comparator lambda
SELECT array_sort(items, (l, r) ->
           CASE WHEN l.price < r.price THEN -1
                WHEN l.price > r.price THEN 1
                ELSE 0 END) AS items_by_price
FROM raw.orders;

-- nested lambdas
SELECT transform(orders, o -> named_struct(
           'id', o.id,
           'skus', transform(filter(o.lines, l -> l.qty > 0), l -> l.sku)
       )) AS compact_orders
FROM raw.customer_orders;

-- lambdas over collect_list output, and other array functions
SELECT customer_id,
       array_distinct(transform(collect_list(order_ts), ts -> to_date(ts))) AS active_days,
       array_contains(collect_set(channel), 'app')                          AS used_app,
       size(filter(collect_list(amount), a -> a > 100))                     AS big_orders,
       array_join(array_sort(collect_set(category)), ',')                   AS categories,
       slice(sort_array(collect_list(amount), false), 1, 3)                 AS top3_amounts,
       flatten(collect_list(tags))                                          AS all_tags,
       arrays_overlap(collect_set(sku), array('A1', 'B2'))                  AS bought_promo,
       array_union(collect_set(a), collect_set(b))                          AS ab
FROM raw.orders
GROUP BY customer_id;

SELECT filter(arr, x -> x IS NOT NULL AND x <> '') AS cleaned,
       transform(arr, x -> x || '!')               AS shouted
FROM raw.lists;

SELECT exists(events, e -> e.type = 'purchase' AND e.ts > TIMESTAMP '2024-01-01 00:00:00') AS purchased
FROM raw.sessions;
