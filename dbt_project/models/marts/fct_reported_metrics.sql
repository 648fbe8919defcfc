-- Counts the issuers report ("绿色工厂391家", "累计创建…"), one row per fact in a notice.
select
    md5(f.announcement_url || '|' || f.fact_number) as metric_id,
    md5(f.announcement_url) as announcement_key,
    f.source_id,
    f.designation_type_code,
    f.indicator,
    f.value,
    f.unit,
    coalesce(f.level, s.level) as level,
    f.cumulative,
    coalesce(f.region_code, s.region_code) as region_code,
    f.region_name,
    a.notice_date as reported_on,
    f.evidence
from {{ ref('stg_lake__text_facts') }} as f
inner join {{ ref('stg_lake__announcements') }} as a using (announcement_url)
inner join {{ ref('stg_lake__sources') }} as s on s.source_id = f.source_id
where f.record_type = 'reported_count'
