-- Each designation target next to what the warehouse counts for that region and type up to
-- the target year, and the latest count the region itself reported, with the gaps.
with targets as (
    select t.*, coalesce(m.current_region_code, t.region_code) as region_code_now
    from {{ ref('fct_policy_targets') }} as t
    left join {{ ref('int_regions_mapped_to_current') }} as m on m.region_code = t.region_code
    where t.designation_type_code is not null
),

counted as (
    select
        t.target_id,
        count(distinct f.designation_key) as designations_counted
    from targets as t
    left join {{ ref('fct_designations') }} as f
        on f.designation_type_code = t.designation_type_code
        and f.status = 'published'
        and year(f.valid_from) <= t.target_year
        and t.region_code_now in (f.region_code_current, left(f.region_code_current, 4) || '00',
                                  left(f.region_code_current, 2) || '0000')
    group by t.target_id
),

-- The latest cumulative count the region reported. A target counts the region's designations
-- of every level, so on one date a count of all levels beats a national-only subset
-- ("累计创建绿色工厂171家…其中国家级35家": 171), then the larger.
reported as (
    select
        t.target_id,
        arg_max(r.value, (r.reported_on, coalesce(r.level, '') <> 'national', r.value)) as latest_reported_count,
        max(r.reported_on) as latest_reported_on
    from targets as t
    inner join {{ ref('fct_reported_metrics') }} as r
        on r.designation_type_code = t.designation_type_code
        and r.region_code = t.region_code_now
        and r.indicator = 'designations'
        and r.cumulative
    group by t.target_id
)

select
    t.target_id,
    t.source_id,
    t.region_code_now as region_code,
    t.region_name,
    t.designation_type_code,
    t.target_year,
    t.target_value,
    c.designations_counted,
    t.target_value - c.designations_counted as gap_to_counted,
    r.latest_reported_count,
    r.latest_reported_on,
    t.target_value - r.latest_reported_count as gap_to_reported,
    t.evidence
from targets as t
inner join counted as c using (target_id)
left join reported as r using (target_id)
