-- One row per policy target. The same target stated more than once (in prose and in a table
-- row, for 全市 and for the city's own name, in a plan and in its repost on another site) is
-- one target: same region, area, type, year, kind and value (and indicator, for targets of no
-- designation type), with every statement's evidence.
with statements as (
    select
        f.announcement_url,
        f.fact_number,
        f.source_id,
        f.designation_type_code,
        {{ clean_indicator('f.indicator') }} as indicator,
        f.value as target_value,
        f.value_text,
        f.unit,
        f.level,
        f.target_year,
        -- a count by a year is a stock unless the text says new or per year
        coalesce(f.target_kind, case
            when f.unit = '%' then 'percent_change'
            when f.designation_type_code is not null then 'stock'
        end) as target_kind,
        {{ fact_region_code('f', 's') }} as region_code,
        f.region_name as stated_region_name,
        f.area_name,
        a.notice_date as set_on,
        f.evidence
    from {{ ref('stg_lake__text_facts') }} as f
    inner join {{ ref('stg_lake__announcements') }} as a using (announcement_url)
    inner join {{ ref('stg_lake__sources') }} as s on s.source_id = f.source_id
    where f.record_type = 'policy_target'
),

keyed as (
    select
        *,
        -- a target of no known region keeps apart from others by the name it states, else its source
        concat_ws(
            '|', coalesce(region_code, stated_region_name, source_id), coalesce(area_name, ''),
            coalesce(designation_type_code, ''), target_year, coalesce(target_kind, ''), target_value,
            case when designation_type_code is null then indicator end
        ) as target_key,
        (set_on, announcement_url, fact_number) as first_statement
    from statements
)

select
    md5(target_key) as target_id,
    target_key,
    region_code,
    area_name,
    designation_type_code,
    target_year,
    target_kind,
    target_value,
    min(level) as level,
    arg_min(indicator, first_statement) as indicator,
    arg_min(unit, first_statement) as unit,
    arg_min(value_text, first_statement) as value_text,
    arg_min(source_id, first_statement) as source_id,
    arg_min(announcement_url, first_statement) as announcement_url,
    list_sort(list_distinct(list(stated_region_name))) as stated_region_names,
    min(set_on) as set_on,
    count(*) as statements,
    count(distinct announcement_url) as announcements,
    string_agg(distinct evidence, ' | ' order by evidence) as evidence
from keyed
group by target_key, region_code, area_name, designation_type_code, target_year, target_kind, target_value
