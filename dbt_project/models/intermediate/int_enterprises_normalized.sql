-- Every listed name with its matching key: full-width/half-width brackets and spaces folded.
select
    r.attachment_url,
    r.source_row_number,
    r.name,
    {{ normalize_name('r.name') }} as name_normalized,
    md5({{ normalize_name('r.name') }}) as enterprise_key,
    case when r.designation_type_code = 'green_park' then 'park' else 'enterprise' end as entity_kind
from {{ ref('stg_lake__list_rows') }} as r
