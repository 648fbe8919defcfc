-- Designations per province, list year, level and type, with running totals. A designation
-- counts once, in the year of its first published list, however many pages report it.
with first_published as (
    select
        f.designation_key,
        arg_min(coalesce(r.province_code, f.province_code), (f.valid_from, f.list_id)) as province_code,
        arg_min(f.list_year, (f.valid_from, f.list_id)) as list_year,
        arg_min(l.level, (f.valid_from, f.list_id)) as level,
        arg_min(f.designation_type_code, (f.valid_from, f.list_id)) as designation_type_code
    from {{ ref('fct_designations') }} as f
    inner join {{ ref('dim_list') }} as l using (list_id)
    left join {{ ref('dim_region') }} as r on r.region_code = f.region_code_current
    where f.status = 'published' and f.province_code is not null
    group by f.designation_key
),

published as (
    select
        province_code,
        list_year,
        level,
        designation_type_code,
        count(*) as designations
    from first_published
    group by all
)

select
    p.province_code,
    g.region_name as province_name,
    p.list_year,
    p.level,
    p.designation_type_code,
    p.designations,
    -- sum() of a bigint is a hugeint: the running total stays a count (bigint) everywhere
    (sum(p.designations) over (
        partition by p.province_code, p.level, p.designation_type_code order by p.list_year
    ))::bigint as cumulative_designations
from published as p
left join {{ ref('dim_region') }} as g on g.region_code = p.province_code
