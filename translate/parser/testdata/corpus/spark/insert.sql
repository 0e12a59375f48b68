-- INSERT INTO / OVERWRITE, with TABLE, PARTITION (static and dynamic),
-- column lists, VALUES, CTE before INSERT, multi-insert, directories.

INSERT INTO fct.orders
SELECT order_id, customer_id, order_ts, amount, to_date(order_ts)
FROM stg.orders;

INSERT INTO TABLE fct.orders
SELECT * FROM stg.orders WHERE amount > 0;

INSERT OVERWRITE TABLE dim.customers
SELECT * FROM int.customers_dedup;

INSERT OVERWRITE dim.customers SELECT * FROM int.customers_dedup;

INSERT INTO fct.orders (order_id, customer_id, amount)
SELECT order_id, customer_id, amount FROM stg.orders;

INSERT INTO ref.tiers VALUES (1, 'gold'), (2, 'silver'), (3, 'bronze');

INSERT INTO ref.tiers (tier_id, tier_name) VALUES
    (4, 'platinum'),
    (5, 'diamond');

INSERT INTO ref.flags VALUES (1, true, NULL, DATE '2024-01-01', TIMESTAMP '2024-01-01 10:00:00', 1.5D, array('a'), map('k', 'v'));

INSERT OVERWRITE TABLE fct.orders PARTITION (order_date = '2024-06-01')
SELECT order_id, customer_id, order_ts, amount
FROM stg.orders
WHERE to_date(order_ts) = DATE '2024-06-01';

-- dynamic partition overwrite
INSERT OVERWRITE TABLE agg.sales PARTITION (country_code, sale_date)
SELECT product_id, SUM(amount) AS revenue, country_code, sale_date
FROM fct.sales
GROUP BY product_id, country_code, sale_date;

-- mixed static and dynamic partitions, with a column list
INSERT INTO agg.sales PARTITION (country_code = 'US', sale_date) (product_id, revenue, sale_date)
SELECT product_id, revenue, sale_date FROM stg.us_sales;

INSERT INTO TABLE raw.web_logs PARTITION (log_date = '2024-01-02') VALUES ('1.2.3.4', '10:00', 'GET /', 200, 512);

-- CTE before INSERT
WITH dedup AS (
    SELECT *,
           row_number() OVER (PARTITION BY customer_id ORDER BY updated_at DESC) AS rn
    FROM raw.customers
)
INSERT OVERWRITE TABLE dim.customers
SELECT customer_id, email, first_name, last_name, country_code, updated_at
FROM dedup
WHERE rn = 1;

WITH new_orders AS (
    SELECT * FROM stg.orders o
    WHERE NOT EXISTS (SELECT 1 FROM fct.orders f WHERE f.order_id = o.order_id)
),
enriched AS (
    SELECT n.*, c.country_code
    FROM new_orders n
    LEFT JOIN dim.customers c ON c.customer_id = n.customer_id
)
INSERT INTO fct.orders_enriched
SELECT * FROM enriched;

-- INSERT with a set operation and ORDER BY
INSERT INTO rpt.all_contacts
SELECT email FROM crm.contacts
UNION
SELECT email FROM web.contacts;

-- multi-insert (Hive): one scan, several targets
FROM stg.orders o
INSERT INTO TABLE fct.orders_web   SELECT o.* WHERE o.channel = 'web'
INSERT INTO TABLE fct.orders_store SELECT o.* WHERE o.channel = 'store';

INSERT OVERWRITE DIRECTORY '/exports/customers'
USING parquet
SELECT * FROM dim.customers;

INSERT OVERWRITE LOCAL DIRECTORY '/tmp/customers_csv'
ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
STORED AS TEXTFILE
SELECT customer_id, email FROM dim.customers;

INSERT INTO fct.orders BY NAME SELECT amount, order_id, customer_id FROM stg.orders;

INSERT INTO fct.orders REPLACE WHERE order_date >= DATE '2024-06-01' SELECT * FROM stg.orders_june;

INSERT INTO ref.tiers TABLE ref.tiers_staging;
