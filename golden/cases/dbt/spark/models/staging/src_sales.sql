{{ config(materialized='view') }}
-- Sales above the minimum amount, in cents.
SELECT
  sale_id,
  store_id,
  {{ cents('amount') }} AS amount_cents,
  sold_at
FROM {{ source('raw', 'sales_raw') }}
WHERE amount >= {{ var('min_amount') }}
