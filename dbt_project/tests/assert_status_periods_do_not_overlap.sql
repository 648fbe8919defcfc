-- The status periods of one designation follow each other without overlap: none ending before
-- it starts, each ending no later than the next begins, and one status current (a product
-- re-listed in a later batch has two current rows, both published).
with periods as (
    select
        designation_key,
        valid_from,
        valid_to,
        is_current,
        status,
        lead(valid_from) over (partition by designation_key order by valid_from, valid_to nulls last) as next_from
    from {{ ref('fct_designations') }}
)

select designation_key
from periods
group by designation_key
having
    count(*) filter (where is_current) = 0
    or count(distinct status) filter (where is_current) <> 1
    or count(*) filter (where valid_to < valid_from) > 0
    or count(*) filter (where next_from is not null and (valid_to is null or valid_to > next_from)) > 0
