{{
  config(
    materialized='table',
    unique_key=['customer_id', 'order_date'],
    tags=['finance', 'daily']
  )
}}
{% set methods = var('payment_methods') %}

WITH orders AS (
  SELECT * FROM {{ ref('stg_orders') }}
)
SELECT
  customer_id,
  order_date,
  {{ pivot_sum('payment_method', methods, 'amount_') }},
  SUM(amount) AS total_{{ var('currency') | lower }}
FROM orders
GROUP BY customer_id, order_date;
