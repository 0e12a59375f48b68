{% macro column_list(cols, prefix='') -%}
  {%- for c in cols -%}
    {{ prefix }}{{ c }}{% if not loop.last %}, {% endif %}
  {%- endfor -%}
{%- endmacro %}

{% macro pivot_sum(column, values, alias_prefix) -%}
  {%- for v in values %}
  SUM(CASE WHEN {{ column }} = '{{ v }}' THEN amount ELSE 0 END) AS {{ alias_prefix ~ v | lower }}
  {%- if not loop.last %},{% endif %}
  {%- endfor %}
{%- endmacro %}
