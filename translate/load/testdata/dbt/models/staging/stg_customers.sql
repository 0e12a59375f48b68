{{ config(materialized='table') }}
{#- Customers, limited to the shop's countries. -#}
SELECT
  id AS customer_id,
  {{ column_list(['first_name', 'last_name', 'country'], prefix='c.') }}
FROM {{ source('shop_raw', 'customers') }} c
WHERE c.country IN ({% for ct in var('countries') %}'{{ ct }}'{{ ', ' if not loop.last }}{% endfor %})
{%- if target.name == 'prod' %}
  AND c.is_test = FALSE
{%- endif %}
