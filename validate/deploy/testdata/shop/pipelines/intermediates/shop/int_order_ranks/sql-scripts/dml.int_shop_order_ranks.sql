-- needs-llm: the ordering has no streaming equivalent yet
INSERT INTO int_shop_order_ranks
SELECT order_id, customer_id, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS rank_in_customer
FROM src_shop_orders;
