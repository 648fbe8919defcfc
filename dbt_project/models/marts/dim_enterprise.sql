-- One row per enterprise or park, across all lists; the most used spelling is its name
-- (ties: the greater string, so full-width （） over (), and every run picks the same).
with names as (
    select
        enterprise_key,
        name_normalized,
        entity_kind,
        name,
        count(*) as uses
    from {{ ref('int_enterprises_normalized') }}
    group by all
)

select
    enterprise_key,
    arg_max(name, (uses, name)) as enterprise_name,
    min(name_normalized) as name_normalized,
    arg_max(entity_kind, (uses, entity_kind)) as entity_kind,
    count(distinct name) as name_variants,
    list(distinct name order by name) as aliases
from names
group by enterprise_key
