-- One row per notice or news page of any source, with its issuer, level, 文号 and attachments.
with attachment_lists as (
    select
        announcement_url,
        list(attachment_url order by attachment_url) as attachment_urls,
        count(*) filter (where status = 'parsed') as parsed_attachments
    from {{ ref('stg_lake__attachments') }}
    group by announcement_url
)

select
    md5(a.announcement_url) as announcement_key,
    a.announcement_url,
    a.source_id,
    s.issuer,
    s.level,
    s.region_code as issuer_region_code,
    a.title,
    a.doc_number,
    a.notice_date,
    a.batch_label,
    a.list_year,
    a.attachment_count::bigint as attachment_count,
    coalesce(l.parsed_attachments, 0) as parsed_attachments,
    coalesce(l.attachment_urls, []) as attachment_urls,
    d.duplicate_of_url,
    d.duplicate_of_url is null as is_original
from {{ ref('stg_lake__announcements') }} as a
inner join {{ ref('stg_lake__sources') }} as s using (source_id)
inner join {{ ref('int_announcements_deduplicated') }} as d using (announcement_url)
left join attachment_lists as l using (announcement_url)
