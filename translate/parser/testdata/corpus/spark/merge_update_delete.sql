-- MERGE INTO / UPDATE / DELETE as written for Delta Lake tables. Spark 3.5
-- parses all of them; running them needs a table format that supports row
-- level operations (Delta, Iceberg).

MERGE INTO dim.customers AS t
USING stg.customers AS s
ON t.customer_id = s.customer_id
WHEN MATCHED AND s.is_deleted THEN DELETE
WHEN MATCHED THEN UPDATE SET
    t.email      = s.email,
    t.first_name = s.first_name,
    t.updated_at = s.updated_at
WHEN NOT MATCHED THEN INSERT (customer_id, email, first_name, updated_at)
    VALUES (s.customer_id, s.email, s.first_name, s.updated_at);

MERGE INTO dim.products t
USING stg.products s
ON t.product_id = s.product_id
WHEN MATCHED THEN UPDATE SET *
WHEN NOT MATCHED THEN INSERT *;

-- source is a deduplicating subquery; NOT MATCHED BY SOURCE clauses
MERGE INTO fct.inventory AS tgt
USING (
    SELECT sku, store_id, qty, snapshot_ts
    FROM (
        SELECT *, row_number() OVER (PARTITION BY sku, store_id ORDER BY snapshot_ts DESC) AS rn
        FROM raw.inventory_snapshots
    ) WHERE rn = 1
) AS src
ON tgt.sku = src.sku AND tgt.store_id = src.store_id
WHEN MATCHED AND src.qty <> tgt.qty THEN UPDATE SET tgt.qty = src.qty, tgt.updated_at = src.snapshot_ts
WHEN NOT MATCHED BY TARGET THEN INSERT (sku, store_id, qty, updated_at) VALUES (src.sku, src.store_id, src.qty, src.snapshot_ts)
WHEN NOT MATCHED BY SOURCE AND tgt.updated_at < current_timestamp() - INTERVAL 30 DAYS THEN DELETE
WHEN NOT MATCHED BY SOURCE THEN UPDATE SET tgt.qty = 0;

-- SCD2 close-out: MERGE with a CTE source
WITH changes AS (
    SELECT s.*
    FROM stg.customers s
    JOIN dim.customers_scd2 d
      ON d.customer_id = s.customer_id AND d.is_current
    WHERE d.email IS DISTINCT FROM s.email
)
MERGE INTO dim.customers_scd2 d
USING changes c
ON d.customer_id = c.customer_id AND d.is_current
WHEN MATCHED THEN UPDATE SET d.is_current = false, d.valid_to = c.updated_at;

MERGE INTO dim.stores USING stg.stores ON dim.stores.id = stg.stores.id
WHEN MATCHED THEN UPDATE SET name = stg.stores.name;

UPDATE dim.customers
SET is_active = false,
    updated_at = current_timestamp()
WHERE last_order_ts < add_months(current_date(), -24);

UPDATE dim.customers c SET c.email = lower(trim(c.email));

UPDATE fct.orders
SET status = CASE WHEN refunded THEN 'REFUNDED' ELSE status END
WHERE order_id IN (SELECT order_id FROM stg.refunds);

DELETE FROM dim.customers WHERE customer_id IN (SELECT customer_id FROM gdpr.erasure_requests);

DELETE FROM raw.events e WHERE e.event_ts < TIMESTAMP '2023-01-01 00:00:00';

DELETE FROM tmp.scratch;
