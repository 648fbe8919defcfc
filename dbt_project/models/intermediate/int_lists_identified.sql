-- One list = one attachment of a notice (or one inline list on the page itself).
select
    md5(a.attachment_url) as list_id,
    a.announcement_url,
    a.designation_type_code,
    a.attachment_url,
    a.format as attachment_format,
    a.row_count,
    a.list_level,
    coalesce(a.list_level, s.level) as level,
    n.source_id,
    n.title,
    n.notice_date,
    n.doc_number,
    n.batch_label,
    n.batch_no,
    n.list_year,
    coalesce(n.list_status, 'published') as list_status
from {{ ref('stg_lake__attachments') }} as a
inner join {{ ref('stg_lake__announcements') }} as n using (announcement_url)
inner join {{ ref('stg_lake__sources') }} as s on s.source_id = n.source_id
where a.status = 'parsed' and a.designation_type_code is not null
