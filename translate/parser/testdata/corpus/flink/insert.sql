-- INSERT INTO / OVERWRITE, column lists, partitions, VALUES, STATEMENT SET in
-- both spellings (EXECUTE STATEMENT SET BEGIN ... END and BEGIN ... END).

INSERT INTO src_c360_customers
SELECT customer_id, email, full_name, UPPER(country), updated_ts
FROM customers_raw;

INSERT INTO c360_fct_orders (order_id, customer_id, amount, order_ts)
SELECT order_id, customer_id, amount, order_time
FROM orders_raw
WHERE amount > 0;

INSERT INTO ref_tiers VALUES (1, 'gold'), (2, 'silver'), (3, 'bronze');

INSERT INTO ref_flags (id, flag, created) VALUES (1, TRUE, TIMESTAMP '2024-01-01 00:00:00');

INSERT OVERWRITE fs_orders PARTITION (dt = '2024-06-01', hr = '00')
SELECT order_id, CAST(amount AS DOUBLE), order_time
FROM orders_raw;

INSERT INTO fs_orders PARTITION (dt = '2024-06-01')
SELECT order_id, CAST(amount AS DOUBLE), order_time, DATE_FORMAT(order_time, 'HH') AS hr
FROM orders_raw;

-- one job, several sinks
EXECUTE STATEMENT SET
BEGIN
    INSERT INTO src_c360_customers
    SELECT customer_id, email, full_name, country, updated_ts FROM customers_raw;
    INSERT INTO c360_fct_orders
    SELECT order_id, customer_id, amount, order_time FROM orders_raw;
END;

EXECUTE STATEMENT SET BEGIN
INSERT INTO big_orders SELECT * FROM orders_raw WHERE amount >= 1000;
INSERT INTO small_orders SELECT * FROM orders_raw WHERE amount < 1000;
END;

-- the SQL client spelling: three statements
BEGIN STATEMENT SET;

INSERT INTO big_orders SELECT * FROM orders_raw WHERE amount >= 1000;

END;

-- INSERT with a CTE inside the query
INSERT INTO int_c360_customer_totals
WITH totals AS (
    SELECT customer_id, SUM(amount) AS total, COUNT(*) AS n
    FROM orders_raw
    GROUP BY customer_id
)
SELECT customer_id, total, n FROM totals WHERE n > 1;

EXECUTE INSERT INTO audit_log SELECT 'orders', COUNT(*) FROM orders_raw;

-- static partition plus dynamic column with hints on the sink
INSERT INTO fs_orders /*+ OPTIONS('sink.parallelism' = '2') */
SELECT order_id, CAST(amount AS DOUBLE), order_time, '2024-06-01', '00'
FROM orders_raw;
