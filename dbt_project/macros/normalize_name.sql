{# Matching key for names: full-width brackets and spaces folded (the original is kept). #}
{% macro normalize_name(column) -%}
    regexp_replace(replace(replace(replace(replace(trim({{ column }}), '（', '('), '）', ')'), '　', ''), '·', ''), '\s+', '', 'g')
{%- endmacro %}
