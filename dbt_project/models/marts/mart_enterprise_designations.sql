-- Every designation an enterprise holds, with its first provincial and first national dates.
with designations as (
    select
        f.enterprise_key,
        f.designation_type_code,
        l.level,
        l.issuer,
        l.batch_label,
        l.list_year,
        f.valid_from as designated_on,
        f.status,
        f.is_current,
        f.listed_name,
        f.product_name
    from {{ ref('fct_designations') }} as f
    inner join {{ ref('dim_list') }} as l using (list_id)
    where f.status = 'published'
),

firsts as (
    select
        enterprise_key,
        min(designated_on) filter (where level = 'provincial') as first_provincial_on,
        min(designated_on) filter (where level = 'national') as first_national_on
    from designations
    group by enterprise_key
)

select
    d.enterprise_key,
    e.enterprise_name,
    d.designation_type_code,
    d.level,
    d.issuer,
    d.batch_label,
    d.list_year,
    d.designated_on,
    d.is_current,
    d.listed_name,
    d.product_name,
    f.first_provincial_on,
    f.first_national_on,
    case
        when f.first_provincial_on < f.first_national_on
            then date_diff('day', f.first_provincial_on, f.first_national_on)
    end as days_provincial_to_national
from designations as d
inner join {{ ref('dim_enterprise') }} as e using (enterprise_key)
inner join firsts as f using (enterprise_key)
