-- Counts the issuers report ("绿色工厂391家", "累计创建…"), one row per clause of a notice:
-- a subtotal is a row of its own, a mixed total (8个(其中国家级2个、省级6个): the 8) has no level.
with metrics as (
    select
        md5(f.announcement_url || '|' || f.fact_number) as metric_id,
        md5(f.announcement_url) as announcement_key,
        f.source_id,
        f.designation_type_code,
        f.indicator,
        f.value,
        f.value_text,
        f.unit,
        f.star_rating,
        f.level,
        -- totals to date read before period_kind existed say so in `cumulative`
        coalesce(f.period_kind, case when f.cumulative then 'cumulative' end) as period_kind,
        {{ fact_region_code('f', 's') }} as region_code,
        f.region_name as stated_region_name,
        f.area_name,
        a.notice_date as reported_on,
        f.evidence
    from {{ ref('stg_lake__text_facts') }} as f
    inner join {{ ref('stg_lake__announcements') }} as a using (announcement_url)
    inner join {{ ref('stg_lake__sources') }} as s on s.source_id = f.source_id
    where f.record_type = 'reported_count'
)

select
    m.metric_id,
    m.announcement_key,
    m.source_id,
    m.designation_type_code,
    m.indicator,
    m.value,
    m.value_text,
    m.unit,
    m.star_rating,
    m.level,
    m.period_kind,
    m.period_kind = 'cumulative' as cumulative,
    m.region_code,
    coalesce(r.region_name, m.stated_region_name) as region_name,
    m.area_name,
    m.reported_on,
    m.evidence
from metrics as m
left join {{ ref('dim_region') }} as r on r.region_code = m.region_code
