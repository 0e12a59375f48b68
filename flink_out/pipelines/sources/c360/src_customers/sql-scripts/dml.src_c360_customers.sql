INSERT INTO src_c360_customers
WITH typed AS (
  SELECT
    TRIM(customer_id) AS customer_id,
    TRIM(first_name) AS first_name,
    TRIM(last_name) AS last_name,
    NULLIF(LOWER(TRIM(email)), '') AS email,
    NULLIF(TRIM(phone), '') AS phone,
    CAST(date_of_birth AS DATE) AS date_of_birth,
    UPPER(gender) AS gender,
    CAST(registration_date AS TIMESTAMP(3)) AS registration_ts,
    customer_segment,
    LOWER(TRIM(preferred_channel)) AS preferred_channel,
    address_line1,
    city,
    state,
    -- inferSchema reads zip codes as integers: restore the leading zeros
    LPAD(CAST(zip_code AS STRING), 5, '0') AS zip_code,
    country
  FROM customers_raw
  WHERE customer_id IS NOT NULL
),

deduplicated AS (
  SELECT
    -- most recent registration wins
    *
  FROM (
    SELECT
      typed.*,
      ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY registration_ts DESC) AS rn
    FROM typed
  ) ranked
  WHERE rn = 1
),

enriched AS (
  SELECT
    d.*,
    CAST(CAST(FLOOR(CAST(TIMESTAMPDIFF(MONTH, date_of_birth, CURRENT_DATE) AS DOUBLE) / 12) AS BIGINT) AS INT) AS age,
    TIMESTAMPDIFF(DAY, CAST(registration_ts AS DATE), CURRENT_DATE) AS days_since_registration
  FROM deduplicated d
)
SELECT
  customer_id,
  first_name,
  last_name,
  CONCAT_WS(' ', first_name, last_name) AS full_name,
  email,
  phone,
  date_of_birth,
  age,
  CASE
    WHEN age IS NULL THEN 'Unknown'
    WHEN age < 25 THEN 'Gen Z'
    WHEN age < 40 THEN 'Millennial'
    WHEN age < 55 THEN 'Gen X'
    ELSE 'Boomer+'
  END AS generation_segment,
  gender,
  registration_ts,
  CAST(registration_ts AS DATE) AS registration_date,
  days_since_registration,
  customer_segment,
  preferred_channel,
  address_line1,
  city,
  state,
  zip_code,
  country,
  CASE WHEN email IS NULL THEN 1 ELSE 0 END AS is_missing_email,
  CASE WHEN phone IS NULL THEN 1 ELSE 0 END AS is_missing_phone
FROM enriched;
