-- Full texts of the notices, for reading and for full-text search (marts.announcement_search
-- is built from this table after dbt, with DuckDB's fts extension).
select
    md5(announcement_url) as announcement_key,
    announcement_url,
    source_id,
    notice_date,
    title,
    body_text
from {{ ref('stg_lake__announcements') }}
