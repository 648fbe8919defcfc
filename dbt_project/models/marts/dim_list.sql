-- One row per published list: a notice's list of one designation type. A repost names its
-- original (original_list_id) and adds no rows to fct_designations while the original is held.
select
    l.list_id,
    l.designation_type_code,
    s.issuer,
    l.level,
    s.region_code as issuer_region_code,
    l.source_id,
    l.title,
    l.doc_number,
    l.batch_label,
    l.batch_no,
    l.list_year,
    l.notice_date,
    l.list_status,
    l.announcement_url,
    l.attachment_url,
    l.attachment_format,
    l.row_count::bigint as extracted_rows,
    l.original_list_id
from {{ ref('int_lists_identified') }} as l
inner join {{ ref('stg_lake__sources') }} as s using (source_id)
