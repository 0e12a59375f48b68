{{ config(materialized='incremental', unique_key='order_id') }}

-- Orders in dollars, from the raw shop system.
SELECT
  order_id,
  customer_id,
  {{ cents_to_dollars('amount_cents') }} AS amount,
  payment_method,
  order_date
FROM {{ source('shop_raw', 'orders') }}
WHERE order_date >= '{{ var("start_date") }}'
  AND amount_cents >= {{ var('min_amount') * 100 }}
{% if is_incremental() %}
  AND order_date > (SELECT MAX(order_date) FROM {{ this }})
{% endif %}
