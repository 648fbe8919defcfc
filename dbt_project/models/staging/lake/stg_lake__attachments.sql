-- List attachments of every source, latest stored version of each URL.
select
    url as attachment_url,
    source_id,
    sha256,
    announcement_url,
    link_text,
    designation_type as designation_type_code,
    format,
    row_count,
    skipped_rows,
    status,
    level as list_level,
    error,
    loaded_at
from {{ source('lake', 'attachments') }}
qualify row_number() over (partition by url order by loaded_at desc, sha256) = 1
