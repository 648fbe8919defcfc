{# An indicator as a clean phrase: no whitespace (PDF line breaks split words: 清 洁生产), no
   leading connective or punctuation left over from the clause before (以上、工业增加值…). #}
{% macro clean_indicator(column) -%}
    nullif(regexp_replace(regexp_replace({{ column }}, '\s+', '', 'g'),
                          '^(?:以上|及以上|[、，,；;：:。）)])+', ''), '')
{%- endmacro %}
