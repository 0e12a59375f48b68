{% macro cents(column) %}CAST(ROUND({{ column }} * 100) AS BIGINT){% endmacro %}
