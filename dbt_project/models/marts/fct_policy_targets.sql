-- Targets in plans and notices ("到2025年…建成绿色工厂300家", district breakdowns, % targets).
select
    md5(f.announcement_url || '|' || f.fact_number) as target_id,
    md5(f.announcement_url) as announcement_key,
    f.source_id,
    f.designation_type_code,
    f.indicator,
    f.value as target_value,
    f.unit,
    f.target_year,
    coalesce(f.region_code, s.region_code) as region_code,
    coalesce(f.region_name, r.region_name, s.issuer) as region_name,
    a.notice_date as set_on,
    f.evidence
from {{ ref('stg_lake__text_facts') }} as f
inner join {{ ref('stg_lake__announcements') }} as a using (announcement_url)
inner join {{ ref('stg_lake__sources') }} as s on s.source_id = f.source_id
left join {{ ref('dim_region') }} as r on r.region_code = s.region_code
where f.record_type = 'policy_target'
