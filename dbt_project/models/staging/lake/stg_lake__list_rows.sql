-- Rows of the current version of each attachment.
select
    r.attachment_url,
    r.row_number as source_row_number,
    r.announcement_url,
    r.designation_type as designation_type_code,
    r.category,
    r.seq,
    r.region_text,
    r.name,
    r.industry,
    r.evaluator,
    r.product_name,
    r.product_model,
    r.recommender,
    r.region_method,
    r.province_code,
    r.city_code,
    r.county_code,
    coalesce(r.county_code, r.city_code, r.province_code) as region_code,
    r.loaded_at
from {{ source('lake', 'list_rows') }} as r
inner join {{ ref('stg_lake__attachments') }} as a
    on a.attachment_url = r.attachment_url and a.sha256 = r.sha256
