-- List attachments of every source, one version of each URL: the latest that was read, else the
-- latest (a refresh that stores an unreadable version never takes a held list's rows away).
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
qualify row_number() over (partition by url order by status = 'parsed' desc, loaded_at desc, sha256 asc) = 1
