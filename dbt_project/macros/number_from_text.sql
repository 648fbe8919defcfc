{# A number as written in Chinese text read back: Arabic digits with thousands separators and
   万/亿 ("2,464", "1.2万"), or Chinese numerals up to the thousands ("八", "二十三", "一百零五").
   Null for anything else. #}
{% macro number_from_text(column) -%}
    case
        when regexp_matches({{ column }}, '^[0-9][0-9,，.]*[万亿]?$') then
            try_cast(regexp_replace({{ column }}, '[,，万亿]', '', 'g') as double)
            * case right({{ column }}, 1) when '万' then 10000 when '亿' then 100000000 else 1 end
        when regexp_matches({{ column }}, '^[〇零一二两三四五六七八九十百千]+$') then (
            select coalesce(try_cast(regexp_extract(t, '([0-9])千', 1) as integer), 0) * 1000
                + coalesce(try_cast(regexp_extract(t, '([0-9])百', 1) as integer), 0) * 100
                + case when t like '%十%' then coalesce(try_cast(regexp_extract(t, '([0-9])十', 1) as integer), 1) * 10 else 0 end
                + coalesce(try_cast(regexp_extract(t, '([0-9])$', 1) as integer), 0)
            from (select translate({{ column }}, '〇零一二两三四五六七八九', '001223456789') as t)
        )
    end
{%- endmacro %}
