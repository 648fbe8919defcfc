-- Raw tables of the lake (data/lake/raw.duckdb). Written only by `greenmfg load` and `greenmfg extract`.
-- The extract stage's tables (announcements, attachments, list_rows, text_facts) carry no
-- primary key: their rows go in with their documents' `extracted` marks, in one transaction,
-- and `extracted`'s key refuses a document read twice. Their grain is tested in dbt
-- (_lake__sources.yml). An index per table cost more than the inserts themselves: a checkpoint
-- rewrites every index whole, and at 100,000 notices that was 3/4 of the extract's writing.
create table if not exists loaded_manifests (
    manifest_path varchar primary key,
    source_id varchar not null,
    run_id varchar not null,
    loaded_at timestamptz not null
);
create table if not exists fetch_log (
    run_id varchar not null,
    source_id varchar not null,
    url varchar not null,
    kind varchar not null,
    fetched_at timestamptz not null,
    http_status integer,
    content_type varchar,
    sha256 varchar,
    bytes bigint,
    parent_url varchar,
    link_text varchar,
    error varchar,
    loaded_at timestamptz not null,
    primary key (run_id, url)
);
create table if not exists announcements (
    source_id varchar not null,
    url varchar not null,
    sha256 varchar not null,
    title varchar not null,
    publish_date date,
    doc_number varchar,
    batch_label varchar,
    batch_no integer,
    list_year integer,
    body_text varchar,
    attachment_count integer,
    loaded_at timestamptz not null
);
create table if not exists attachments (
    url varchar not null,
    sha256 varchar not null,
    source_id varchar not null,
    announcement_url varchar,
    link_text varchar,
    designation_type varchar,
    format varchar,
    row_count integer,
    skipped_rows integer,
    status varchar not null,            -- parsed | quarantined
    error varchar,
    loaded_at timestamptz not null
);
create table if not exists list_rows (
    attachment_url varchar not null,
    sha256 varchar not null,
    row_number integer not null,
    source_id varchar not null,
    announcement_url varchar,
    designation_type varchar,
    category varchar,
    seq varchar,
    region_text varchar,
    name varchar,
    industry varchar,
    evaluator varchar,
    product_name varchar,
    product_model varchar,
    recommender varchar,
    star_level varchar,
    region_method varchar,
    province_code varchar,
    city_code varchar,
    county_code varchar,
    loaded_at timestamptz not null
);
create table if not exists quarantine (
    source_id varchar not null,
    url varchar not null,
    sha256 varchar,
    row_number integer,
    stage varchar not null,             -- article | attachment | row
    rule varchar not null,
    reason varchar not null,
    quarantined_at timestamptz not null
);
create table if not exists sources (
    source_id varchar primary key,
    name varchar not null,
    issuer varchar not null,
    level varchar not null,
    region_code varchar,
    start_urls varchar[],
    loaded_at timestamptz not null
);
-- Attachments a source declares partial (scrapers/sources/*.yaml: partial_lists), refreshed each load.
create table if not exists declared_partial_lists (
    url varchar primary key,
    source_id varchar not null,
    reason varchar not null
);
-- Added after v0.1: lakes created earlier gain the column on their next load.
alter table announcements add column if not exists title_key varchar;
alter table announcements add column if not exists list_status varchar;   -- proposed | published | revoked
create table if not exists text_facts (
    announcement_url varchar not null,
    sha256 varchar not null,
    fact_number integer not null,
    source_id varchar not null,
    record_type varchar not null,       -- reported_count | policy_target
    designation_type varchar,
    value double not null,
    unit varchar,
    level varchar,
    indicator varchar,
    target_year integer,
    cumulative boolean,
    region_name varchar,
    region_code varchar,
    evidence varchar not null,
    loaded_at timestamptz not null
);
alter table attachments add column if not exists level varchar;   -- inline lists: the level their text gives
-- How the notice's title and text were found: selector (the source's CSS selectors) | fallback (the
-- generic article finder: a page of another column, or of a site not in the registry) | text (a page
-- served as plain text). Rows written before the column existed were all read by selector.
alter table announcements add column if not exists body_source varchar default 'selector';
-- What the extract stage has read (articles: facts and inline lists; attachments: list rows).
create table if not exists extracted (
    url varchar not null,
    sha256 varchar not null,
    kind varchar not null,              -- article | attachment
    extracted_at timestamptz not null,
    primary key (url, sha256)
);
-- Reported counts and targets, attributed clause by clause: the star of a star-rated factory count
-- (2-5), whether a count is cumulative | new_in_period | per_year, what a target asks for (stock |
-- new_in_period | per_year | percent_change), an area without a GB/T 2260 code (its region_code is
-- the parent's), and the number exactly as the evidence writes it.
alter table text_facts add column if not exists star_rating integer;
alter table text_facts add column if not exists period_kind varchar;
alter table text_facts add column if not exists target_kind varchar;
alter table text_facts add column if not exists area_name varchar;
alter table text_facts add column if not exists value_text varchar;
-- The extraction rules a document was read with (greenmfg/extract/records.py RULES): older ones are read again.
alter table extracted add column if not exists rules varchar;
