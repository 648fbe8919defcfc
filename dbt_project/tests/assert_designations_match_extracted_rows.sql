-- Reconciliation: every parsed list has exactly as many designations as rows extracted; a
-- repost (original_list_id) has none: its original's rows stand for it.
select
    l.list_id,
    l.extracted_rows,
    count(f.designation_id) as designations
from {{ ref('dim_list') }} as l
left join {{ ref('fct_designations') }} as f using (list_id)
group by all
having count(f.designation_id) <> case when l.original_list_id is null then l.extracted_rows else 0 end
