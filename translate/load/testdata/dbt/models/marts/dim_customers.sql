{{ config(materialized='view') }}
{% set tier_limits = [('gold', 1000), ('silver', 100)] %}
{% macro tier_case(amount_col, tiers) -%}
  CASE
  {%- for name, limit in tiers %}
    WHEN {{ amount_col }} >= {{ limit }} THEN '{{ name | upper }}'
  {%- endfor %}
    ELSE 'BRONZE'
  END
{%- endmacro %}

SELECT
  c.customer_id,
  {% for name, limit in tier_limits -%}
  SUM(CASE WHEN o.amount >= {{ limit }} THEN 1 ELSE 0 END) AS {{ name }}_orders,
  {% endfor -%}
  {{ tier_case('SUM(o.amount)', tier_limits) }} AS tier,
  COALESCE(SUM(o.amount), 0) AS lifetime_value
FROM {{ ref('stg_customers') }} c
LEFT JOIN {{ ref('shop', 'fct_orders') }} o ON o.customer_id = c.customer_id
GROUP BY c.customer_id
