INSERT OVERWRITE TABLE fct_sales
SELECT `customer id`, SUM(amount) AS total
FROM src_sales
GROUP BY `customer id`;
