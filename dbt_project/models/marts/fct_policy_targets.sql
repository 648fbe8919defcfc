-- Targets in plans and notices ("到2025年…建成绿色工厂300家", district breakdowns, % targets),
-- one row per target however often it is stated (int_policy_targets_deduplicated).
select
    t.target_id,
    t.target_key,
    md5(t.announcement_url) as announcement_key,
    t.source_id,
    t.designation_type_code,
    t.indicator,
    t.target_value,
    t.value_text,
    t.unit,
    t.target_year,
    t.target_kind,
    -- a period target counts from the start of the five-year plan it names that holds its year
    -- ("十四五"期间新增… by 2025: from 2021), else from the year it was set
    case
        when t.target_kind <> 'new_in_period' then null
        when t.target_year between 2016 and 2020 and t.evidence like '%十三五%' then 2016
        when t.target_year between 2021 and 2025 and t.evidence like '%十四五%' then 2021
        when t.target_year between 2026 and 2030 and t.evidence like '%十五五%' then 2026
        else least(year(t.set_on), t.target_year)
    end as period_start_year,
    t.level,
    t.region_code,
    coalesce(r.region_name, t.stated_region_names[1]) as region_name,
    t.area_name,
    t.stated_region_names,
    t.set_on,
    t.statements,
    t.announcements,
    t.evidence
from {{ ref('int_policy_targets_deduplicated') }} as t
left join {{ ref('dim_region') }} as r on r.region_code = t.region_code
