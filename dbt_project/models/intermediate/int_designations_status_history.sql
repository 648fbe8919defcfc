-- A designation is one entity (for products: one product model) of one type at one level:
-- a national designation reported again on a provincial page is the same designation.
-- Every list it appears in is an event (proposed → published → revoked); each event is
-- valid from its notice date until the next event of the same designation.
with events as (
    select
        r.attachment_url,
        r.source_row_number,
        l.list_id,
        l.source_id,
        l.designation_type_code,
        l.level,
        l.list_status as status,
        l.notice_date,
        e.enterprise_key,
        md5(concat_ws('|', l.level, l.designation_type_code, e.enterprise_key,
                      coalesce(r.product_name, ''), coalesce(r.product_model, ''))) as designation_key
    from {{ ref('stg_lake__list_rows') }} as r
    inner join {{ ref('int_lists_identified') }} as l on l.attachment_url = r.attachment_url
    inner join {{ ref('int_enterprises_normalized') }} as e
        on e.attachment_url = r.attachment_url and e.source_row_number = r.source_row_number
)

select
    *,
    notice_date as valid_from,
    lead(notice_date) over designation_events as valid_to,
    lead(notice_date) over designation_events is null as is_current
from events
window designation_events as (
    partition by designation_key
    order by notice_date, case status when 'proposed' then 1 when 'published' then 2 else 3 end, list_id
)
