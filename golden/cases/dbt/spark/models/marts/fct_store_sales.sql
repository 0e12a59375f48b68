{{ config(materialized='table', unique_key='store_id') }}
SELECT
  store_id,
  {% for agg in ['sum', 'max'] %}
  {{ agg | upper }}(amount_cents) AS {{ agg }}_amount_cents{% if not loop.last %},{% endif %}
  {% endfor %}
FROM {{ ref('src_sales') }}
GROUP BY store_id
