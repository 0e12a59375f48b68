{{ config(materialized='table') }}
SELECT *
FROM {{ ref('stg_orders') }}
WHERE id IN ({{ run_query('select id from x') }})
{% if var('missing_var') %}
  AND 1 = 1
{% endif %}
  AND x = {{ unknown_thing }}
{% endfor %}
