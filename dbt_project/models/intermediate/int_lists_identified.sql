-- One list = one attachment of a notice (or one inline list on the page itself).
-- A repost (a province, city or mirror republishing a list: same 文号, same title, or mostly
-- the same names) links to its original: `original_list_id`, null for originals. Its level is
-- the original's; a mirror's list whose original is not held keeps the level its text gives.
with lists as (
    select
        md5(a.attachment_url) as list_id,
        a.announcement_url,
        a.designation_type_code,
        a.attachment_url,
        a.format as attachment_format,
        a.row_count,
        a.list_level,
        coalesce(a.list_level, s.level) as stated_level,
        s.level as source_level,
        -- who republishes whom: MIIT's list is the original of a province's copy, a province's of a city's
        case s.level
            when 'national' then 1 when 'provincial' then 2 when 'municipal' then 3
            when 'county' then 4 else 5
        end as source_rank,
        n.source_id,
        n.title,
        n.title_key,
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
),

names as (
    select distinct
        l.list_id,
        e.enterprise_key
    from lists as l
    inner join {{ ref('int_enterprises_normalized') }} as e on e.attachment_url = l.attachment_url
),

shared_names as (
    select
        r.list_id as repost_id,
        o.list_id as original_id,
        count(*) as shared
    from names as r
    inner join names as o on o.enterprise_key = r.enterprise_key and o.list_id <> r.list_id
    group by all
),

name_counts as (
    select
        list_id,
        count(*) as names
    from names
    group by list_id
),

-- The pairs a list and its original can be: the same notice number, the same title in the same
-- year, or some names in common (each reading below needs one of them), found by equality joins.
pairs as (
    select
        r.list_id as repost_id,
        o.list_id as original_id
    from lists as r
    inner join lists as o on o.doc_number = r.doc_number
    union
    select
        r.list_id as repost_id,
        o.list_id as original_id
    from lists as r
    inner join lists as o on o.title_key = r.title_key and o.list_year = r.list_year
    union
    select
        repost_id,
        original_id
    from shared_names
),

-- Each pair with its repost's row. (The distinct is a boundary DuckDB's join order does not
-- cross: joined in one step, it joined every list of a type to every earlier one, the square of
-- the lists, and kept the pairs after.)
reposts as (
    select distinct
        p.original_id,
        r.*
    from pairs as p
    inner join lists as r on r.list_id = p.repost_id
),

-- An earlier-or-same-day list of the same type and status by a higher (or the same) authority,
-- on another page, of the same level and batch where both say, that the list repeats.
candidates as (
    select
        r.list_id,
        o.list_id as original_id,
        o.stated_level as original_level,
        row_number() over (
            partition by r.list_id order by o.source_rank, o.notice_date, o.list_id
        ) as preference
    from reposts as r
    inner join lists as o
        on
            o.list_id = r.original_id
            and o.designation_type_code = r.designation_type_code
            and o.list_status = r.list_status
            and o.announcement_url <> r.announcement_url
            and o.notice_date <= r.notice_date
            and (o.source_rank, o.notice_date, o.list_id) < (r.source_rank, r.notice_date, r.list_id)
            and (r.batch_label is null or o.batch_label is null or r.batch_label = o.batch_label)
    left join shared_names as s on s.repost_id = r.list_id and s.original_id = o.list_id
    left join name_counts as c on c.list_id = r.list_id
    -- the same notice (a province forwarding MIIT's: its issuer's level is no level of the list),
    -- naming some of the same names (two cities' lists under one title are two lists)
    where (
        (r.doc_number = o.doc_number or (r.title_key = o.title_key and r.list_year = o.list_year))
        and (r.list_level is null or r.list_level = o.stated_level) and coalesce(s.shared, 0) > 0
    )
    -- the same names, at the same level (a mirror's list has none of its own)
    or (
        s.shared >= {{ var('repost_name_share', 0.8) }} * c.names
        and (r.stated_level = o.stated_level or r.stated_level = 'mirror')
    )
),

originals as (
    select
        c.list_id,
        coalesce(chain.original_id, c.original_id) as original_list_id,
        coalesce(chain.original_level, c.original_level) as original_level
    from candidates as c
    left join candidates as chain on chain.list_id = c.original_id and chain.preference = 1
    where c.preference = 1
)

select
    l.list_id,
    l.announcement_url,
    l.designation_type_code,
    l.attachment_url,
    l.attachment_format,
    l.row_count,
    l.list_level,
    case
        when o.original_list_id is not null then o.original_level
        -- a mirror's list without a level of its own, not held elsewhere: unknown issuer
        else l.stated_level
    end as level,
    l.source_id,
    l.title,
    l.notice_date,
    l.doc_number,
    l.batch_label,
    l.batch_no,
    l.list_year,
    l.list_status,
    o.original_list_id
from lists as l
left join originals as o using (list_id)
