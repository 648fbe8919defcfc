-- Notices of every source, latest stored version of each URL.
select
    url as announcement_url,
    source_id,
    sha256,
    title,
    publish_date as notice_date,
    doc_number,
    batch_label,
    batch_no,
    list_year,
    attachment_count,
    title_key,
    list_status,
    body_text,
    body_source,
    loaded_at
from {{ source('lake', 'announcements') }}
qualify row_number() over (partition by url order by loaded_at desc, sha256 asc) = 1
