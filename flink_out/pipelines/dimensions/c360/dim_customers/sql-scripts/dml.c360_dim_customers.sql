INSERT INTO c360_dim_customers
SELECT
  MD5(customer_id) AS customer_key,
  customer_id,
  first_name,
  last_name,
  full_name,
  email,
  phone,
  gender,
  date_of_birth,
  age,
  generation_segment,
  customer_segment,
  preferred_channel,
  CASE
    WHEN preferred_channel IN ('online', 'mobile') THEN 'Digital'
    WHEN preferred_channel = 'store' THEN 'Physical'
    ELSE 'Other'
  END AS preferred_channel_group,
  registration_ts,
  registration_date,
  CAST(YEAR(registration_date) AS INT) AS registration_year,
  days_since_registration,
  address_line1,
  city,
  state,
  zip_code,
  country,
  CONCAT_WS(', ', address_line1, city, CONCAT_WS(' ', state, zip_code), country) AS full_address,
  is_missing_email,
  is_missing_phone,
  CASE WHEN is_missing_email = 0 OR is_missing_phone = 0 THEN 1 ELSE 0 END AS is_contactable,
  2 - is_missing_email - is_missing_phone AS data_quality_score
FROM src_c360_customers AS src_customers;
