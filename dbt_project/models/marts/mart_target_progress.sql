-- Each designation target next to what the warehouse can count for it, like with like: a stock
-- target with the published designations up to its year, a period target with those of its
-- period, a per-year target with those of its year; at the level it asks for (none: every
-- level). Percent targets are not progress rows. The note says how far the count can be trusted.
with targets as (
    select
        t.*,
        coalesce(m.current_region_code, t.region_code) as region_code_now,
        case t.target_kind
            when 'new_in_period' then t.period_start_year
            when 'per_year' then t.target_year
        end as from_year
    from {{ ref('fct_policy_targets') }} as t
    left join {{ ref('int_regions_mapped_to_current') }} as m on m.region_code = t.region_code
    where
        t.designation_type_code is not null
        and t.target_kind in ('stock', 'new_in_period', 'per_year')
),

regions as (
    select
        t.target_id,
        r.region_level,
        r.province_code,
        p.region_name as province_name
    from targets as t
    inner join {{ ref('dim_region') }} as r on r.region_code = t.region_code_now
    left join {{ ref('dim_region') }} as p on p.region_code = r.province_code
),

designations as (
    select
        f.designation_key,
        f.designation_type_code,
        f.region_code_current,
        f.province_code,
        f.region_precision,
        l.level,
        -- the year first published: a product listed again in a later batch is not new then
        min(year(f.valid_from)) over (partition by f.designation_key) as designated_year
    from {{ ref('fct_designations') }} as f
    inner join {{ ref('dim_list') }} as l using (list_id)
    where f.status = 'published'
),

-- the designations a target can be measured with: its type, level and years, in its province
in_scope as (
    select
        t.target_id,
        t.region_code_now,
        d.*
    from targets as t
    inner join regions as g using (target_id)
    inner join designations as d
        on
            d.designation_type_code = t.designation_type_code
            and (t.level is null or d.level = t.level)
            and d.designated_year <= t.target_year
            and (t.from_year is null or d.designated_year >= t.from_year)
            and (g.province_code = d.province_code or g.region_level = 'national')
),

counted as (
    select
        target_id,
        count(distinct designation_key) filter (
            where region_code_now in (
                '{{ var("national_region_code") }}', region_code_current,
                left(region_code_current, 4) || '00', left(region_code_current, 2) || '0000'
            )
        ) as designations_counted,
        count(distinct designation_key) filter (where region_precision = 'province') as unattributed_in_province,
        count(distinct designation_key) filter (
            -- (a district of 北京, 天津, 上海, 重庆: its designations coded to the city itself)
            where region_precision = 'city' and (
                left(region_code_current, 4) = left(region_code_now, 4)
                or region_code_current = left(region_code_now, 2) || '0000'
            )
        ) as unattributed_in_city
    from in_scope
    group by target_id
),

-- whether the warehouse holds any list the target could be counted with (its type and level,
-- in its province, any year): if not, a count of 0 would say nothing
held as (
    select
        t.target_id,
        count(distinct d.designation_key) as designations_held
    from targets as t
    inner join regions as g using (target_id)
    inner join designations as d
        on
            d.designation_type_code = t.designation_type_code
            and (t.level is null or d.level = t.level)
            and (g.province_code = d.province_code or g.region_level = 'national')
    group by t.target_id
),

-- The latest count the region itself reported of what the target measures: cumulative for a
-- stock, new in the year for a per-year target; of the level the target asks for, and for a
-- target of every level a count of every level (the mixed total) before a subset, then the larger.
reported as (
    select
        t.target_id,
        arg_max(r.value, (r.reported_on, r.level is null, r.value)) as latest_reported_count,
        max(r.reported_on) as latest_reported_on
    from targets as t
    inner join {{ ref('fct_reported_metrics') }} as r
        on
            r.designation_type_code = t.designation_type_code
            and r.region_code = t.region_code_now
            and r.indicator = 'designations'
            and r.star_rating is null
            and r.area_name is not distinct from t.area_name
            and (t.level is null or r.level = t.level)
            and (
                (t.target_kind = 'stock' and r.period_kind = 'cumulative')
                or (
                    t.target_kind = 'per_year' and r.period_kind in ('new_in_period', 'per_year')
                    and year(r.reported_on) = t.target_year
                )
            )
    group by t.target_id
),

measured as (
    select
        t.*,
        g.region_level,
        g.province_name,
        -- an area with no code of its own (嘉兴港区) cannot be told apart from its parent's other areas
        case when t.area_name is null and h.designations_held > 0 then coalesce(c.designations_counted, 0) end
            as designations_counted,
        case when g.region_level is not null then coalesce(c.unattributed_in_province, 0) end
            as unattributed_in_province,
        case when g.region_level = 'county' then coalesce(c.unattributed_in_city, 0) end as unattributed_in_city,
        coalesce(c.designations_counted, 0) as designations_in_region,
        h.designations_held,
        r.latest_reported_count,
        r.latest_reported_on
    from targets as t
    left join regions as g using (target_id)
    left join counted as c using (target_id)
    left join held as h using (target_id)
    left join reported as r using (target_id)
),

-- what the count covers, in plain words
noted as (
    select
        *,
        case target_kind
            when 'stock' then 'designations up to ' || target_year
            when 'new_in_period'
                then
                    'designations of ' || from_year
                    || case when from_year < target_year then '–' || target_year else '' end
            else 'designations of ' || target_year
        end || coalesce(' at ' || level || ' level', ' at every level') as counted_what,
        case when region_level = 'county' then 'city or county' else 'city' end as finer_region
    from measured
)

select
    target_id,
    source_id,
    region_code_now as region_code,
    region_name,
    area_name,
    designation_type_code,
    target_kind,
    level,
    from_year,
    target_year,
    target_value,
    designations_counted,
    unattributed_in_province,
    unattributed_in_city,
    target_value - designations_counted as gap_to_counted,
    latest_reported_count,
    latest_reported_on,
    target_value - latest_reported_count as gap_to_reported,
    case
        when region_level is null
            then
                'region not resolved: nothing counted'
        when designations_held is null
            then
                'no '
                || coalesce(level || ' ', '')
                || designation_type_code
                || ' list of '
                || coalesce(province_name, region_name)
                || ' is held: nothing can be counted'
        when area_name is not null
            then
                area_name || ' has no region code of its own: its designations cannot be told from the rest of '
                || region_name || ' (' || designations_in_region || ' ' || counted_what || ')'
        when region_level = 'national'
            then
                'national target: all ' || designations_counted || ' ' || counted_what || ' counted'
        when region_level = 'province'
            then
                'province target: all '
                || designations_counted
                || ' '
                || counted_what
                || ' of '
                || region_name
                || ' counted'
        when unattributed_in_province + coalesce(unattributed_in_city, 0) = 0
            then
                region_level || ' target: ' || designations_counted || ' ' || counted_what || ' coded to '
                || region_name
                || '; every one of '
                || province_name
                || ' has a '
                || finer_region
                || ', so the count is complete'
        else
            region_level || ' target: ' || designations_counted || ' ' || counted_what || ' coded to '
            || region_name || '; ' || unattributed_in_province || ' of ' || province_name || ' have no city'
            || case
                when unattributed_in_city > 0
                    then
                        ' and ' || unattributed_in_city || ' of its city have no county'
                else ''
            end
            || ', so the count is a lower bound'
    end as coverage_note,
    evidence
from noted
