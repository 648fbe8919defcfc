-- A designation is one entity (for products: one product model) of one type at one level:
-- a national designation reported again on a provincial page is the same designation.
-- Every list it appears in is an event (proposed → published → revoked); each event is
-- valid from its notice date until the next event of the same designation. A row is current
-- while the designation's status has not changed since: a product MIIT lists again in a later
-- batch keeps both rows current (each batch counts it, as MIIT's lists do), and a later
-- proposal of a published designation (news of a 公示 naming it again) neither ends it nor is current.
-- A repost (int_lists_identified.original_list_id) is no event: its original holds the rows.
with events as (
    select
        r.attachment_url,
        r.source_row_number,
        l.list_id,
        l.source_id,
        l.designation_type_code,
        l.level,
        l.list_status as status,
        case l.list_status when 'proposed' then 1 when 'published' then 2 else 3 end as status_rank,
        l.notice_date,
        e.enterprise_key,
        md5(concat_ws(
            '|', l.level, l.designation_type_code, e.enterprise_key,
            coalesce(r.product_name, ''), coalesce(r.product_model, '')
        )) as designation_key
    from {{ ref('stg_lake__list_rows') }} as r
    inner join {{ ref('int_lists_identified') }} as l on l.attachment_url = r.attachment_url
    inner join {{ ref('int_enterprises_normalized') }} as e
        on e.attachment_url = r.attachment_url and e.source_row_number = r.source_row_number
    where l.original_list_id is null
),

ordered as (
    select
        *,
        -- the status held before this event: a proposal (公示) of a designation already published
        -- is news, not a change
        last_value(case when status <> 'proposed' then status end ignore nulls) over (
            partition by designation_key order by event_no rows between unbounded preceding and 1 preceding
        ) as held_status
    from (
        select
            *,
            row_number() over (
                partition by designation_key order by notice_date, status_rank, list_id, source_row_number
            ) as event_no
        from events
    ) as numbered
),

changes as (
    select
        o.designation_key,
        o.event_no,
        min(n.notice_date) as next_change
    from ordered as o
    inner join ordered as n
        on
            n.designation_key = o.designation_key and n.event_no > o.event_no and n.status <> o.status
            and not (n.status = 'proposed' and n.held_status = 'published')
    group by all
)

select
    o.attachment_url,
    o.source_row_number,
    o.list_id,
    o.source_id,
    o.designation_type_code,
    o.level,
    o.status,
    o.notice_date,
    o.enterprise_key,
    o.designation_key,
    o.notice_date as valid_from,
    lead(o.notice_date) over (partition by o.designation_key order by o.event_no) as valid_to,
    c.next_change is null and not (o.status = 'proposed' and o.held_status is not distinct from 'published')
        as is_current
from ordered as o
left join changes as c using (designation_key, event_no)
