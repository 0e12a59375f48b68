INSERT INTO src_c360_products
WITH active_products AS (
  SELECT
    TRIM(product_id) AS product_id,
    TRIM(product_name) AS product_name,
    TRIM(category) AS category,
    TRIM(subcategory) AS subcategory,
    TRIM(brand) AS brand,
    CAST(price AS DECIMAL(10, 2)) AS price,
    CAST(cost AS DECIMAL(10, 2)) AS cost,
    CAST(weight_kg AS DECIMAL(8, 3)) AS weight_kg,
    color,
    size,
    CAST(created_date AS DATE) AS launch_date
  FROM (
    SELECT
      product_id,
      product_name,
      category,
      subcategory,
      brand,
      price,
      cost,
      weight_kg,
      dimensions,
      color,
      size,
      created_date,
      status
    FROM (
      SELECT
        *,
        ROW_NUMBER() OVER (PARTITION BY product_id ORDER BY `$rowtime` DESC) AS rn
      FROM products_raw
    )
    WHERE rn = 1
  ) AS products_raw
  WHERE product_id IS NOT NULL AND LOWER(status) = 'active'
)
SELECT
  product_id,
  product_name,
  category,
  subcategory,
  brand,
  price,
  cost,
  price - cost AS gross_margin,
  ROUND((price - cost) / NULLIF(price, 0) * 100, 2) AS margin_pct,
  weight_kg,
  color,
  size,
  launch_date,
  TIMESTAMPDIFF(DAY, launch_date, CURRENT_DATE) AS days_since_launch,
  CASE
    WHEN price >= 200 THEN 'Premium'
    WHEN price >= 100 THEN 'Mid-Range'
    WHEN price >= 50 THEN 'Value'
    ELSE 'Budget'
  END AS price_segment,
  CASE
    WHEN category = 'Electronics' THEN 'Electronics'
    WHEN category IN ('Apparel', 'Footwear', 'Accessories', 'Bags & Luggage') THEN 'Fashion'
    WHEN category LIKE 'Home%' THEN 'Home'
    WHEN category IN ('Beauty', 'Personal Care', 'Health & Nutrition') THEN 'Health & Beauty'
    WHEN category IN ('Sports & Fitness', 'Toys & Games') THEN 'Leisure'
    ELSE 'Other'
  END AS category_group
FROM active_products;
