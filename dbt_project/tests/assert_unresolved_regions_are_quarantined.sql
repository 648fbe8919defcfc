-- Every designation without a region code is listed in the quarantine with its reason.
select f.designation_id
from {{ ref('fct_designations') }} as f
left join {{ ref('quarantine') }} as q
    on q.url = f.attachment_url and q.source_row_number = f.source_row_number and q.rule = 'region_unresolved'
where f.region_code is null and q.url is null
