-- Grain: one entity (enterprise, park, or for design products one product) in one list.
-- The rows of one designation (designation_key) form its status history: proposed →
-- published → revoked, each valid from its notice date to the next one.
select
    md5(h.list_id || '|' || r.source_row_number) as designation_id,
    h.designation_key,
    h.list_id,
    h.enterprise_key,
    h.designation_type_code,
    h.status,
    h.valid_from,
    h.valid_to,
    h.is_current,
    r.region_code,
    m.current_region_code as region_code_current,
    r.province_code,
    case
        when r.county_code is not null then 'county'
        -- the four municipalities are provinces and cities at once
        when r.city_code is not null or r.province_code in ('110000', '120000', '310000', '500000') then 'city'
        when r.province_code is not null then 'province'
    end as region_precision,
    r.region_method,
    r.region_text,
    l.notice_date,
    l.list_year,
    l.batch_label,
    r.name as listed_name,
    r.industry,
    r.evaluator,
    r.category as product_category,
    r.product_name,
    r.product_model,
    r.recommender,
    r.attachment_url,
    r.source_row_number
from {{ ref('stg_lake__list_rows') }} as r
inner join {{ ref('int_designations_status_history') }} as h
    on h.attachment_url = r.attachment_url and h.source_row_number = r.source_row_number
inner join {{ ref('int_lists_identified') }} as l on l.list_id = h.list_id
left join {{ ref('int_regions_mapped_to_current') }} as m on m.region_code = r.region_code
