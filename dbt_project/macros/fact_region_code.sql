{# The region a text fact speaks of: the one its sentence names, else its issuer's. A mirror's
   region says nothing about the texts it reposts. #}
{% macro fact_region_code(fact, source) -%}
    coalesce({{ fact }}.region_code, case when {{ source }}.level <> 'mirror' then {{ source }}.region_code end)
{%- endmacro %}
