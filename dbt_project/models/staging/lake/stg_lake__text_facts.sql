-- Facts read from the current version of each notice's text.
select
    f.announcement_url,
    f.fact_number,
    f.source_id,
    f.record_type,
    f.designation_type as designation_type_code,
    f.value,
    f.unit,
    f.level,
    f.indicator,
    f.target_year,
    f.cumulative,
    f.region_name,
    f.region_code,
    f.evidence,
    f.star_rating,
    f.period_kind,
    f.target_kind,
    f.area_name,
    f.value_text,
    f.loaded_at
from {{ source('lake', 'text_facts') }} as f
inner join {{ ref('stg_lake__announcements') }} as a
    on a.announcement_url = f.announcement_url and a.sha256 = f.sha256
