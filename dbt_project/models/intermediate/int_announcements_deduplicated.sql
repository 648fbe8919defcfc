-- Mirrors repost notices: pages with the same normalized title are one notice unless their
-- 文号 differ. The original is the first non-mirror page (then the earliest, then by URL).
with announcements as (
    select
        a.announcement_url,
        a.title_key,
        a.doc_number,
        a.notice_date,
        s.level
    from {{ ref('stg_lake__announcements') }} as a
    inner join {{ ref('stg_lake__sources') }} as s using (source_id)
),

ranked as (
    select
        *,
        first_value(announcement_url) over same_title as first_url,
        first_value(doc_number) over same_title as first_doc_number
    from announcements
    window same_title as (
        partition by title_key
        order by level = 'mirror', notice_date, announcement_url
        rows between unbounded preceding and unbounded following
    )
)

select
    announcement_url,
    case
        when
            first_url <> announcement_url
            and (doc_number is null or first_doc_number is null or doc_number = first_doc_number)
            then first_url
    end as duplicate_of_url
from ranked
