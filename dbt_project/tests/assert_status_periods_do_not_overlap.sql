-- The status periods of one designation follow each other without overlap.
select designation_key
from {{ ref('fct_designations') }}
group by designation_key
having count(*) filter (where is_current) <> 1
    or max(case when valid_to < valid_from then 1 else 0 end) = 1
