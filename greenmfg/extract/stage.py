"""Extract: loaded notices and attachments → list rows and text facts in the lake.

Works through what `load` landed and this stage has not read yet (the `extracted` table),
one object per transaction, so a killed run resumes where it stopped and a re-run adds
nothing. An attachment that cannot be read, or a row without a region, goes to
`quarantine` with the rule and the reason; the stage goes on with the rest.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from greenmfg import crash_points, db
from greenmfg.extract import classify
from greenmfg.extract.clean import clean_body
from greenmfg.extract.facts import extract_facts
from greenmfg.extract.inline_lists import inline_lists
from greenmfg.extract.list_rows import extract_rows
from greenmfg.extract.normalize import clean_text
from greenmfg.extract.readers import read_tables
from greenmfg.load import StageStats, init_lake, now, quarantine
from greenmfg.raw_store import RawStore
from greenmfg.regions import resolve, resolve_code, resolve_row
from greenmfg.settings import Paths
from scrapers import registry

log = logging.getLogger(__name__)
ROW_FIELDS = ("category", "seq", "region_text", "name", "industry", "evaluator",
              "product_name", "product_model", "recommender", "star_level")


@dataclass
class ExtractStats(StageStats):
    articles: int = 0
    attachments: int = 0
    rows: int = 0
    facts: int = 0
    quarantined: int = 0


PENDING_ARTICLES = """
    select source_id, url, sha256, title, body_text, coalesce(list_year, year(publish_date)) from announcements a
    where not exists (select 1 from extracted e where e.url = a.url and e.sha256 = a.sha256)
    order by loaded_at, url"""
# One record per attachment version: the first fetch of it names its notice and link text.
PENDING_ATTACHMENTS = """
    select source_id, url, sha256, parent_url, link_text from fetch_log f
    where kind = 'attachment' and sha256 is not null
      and not exists (select 1 from extracted e where e.url = f.url and e.sha256 = f.sha256)
    qualify row_number() over (partition by url, sha256 order by fetched_at, run_id) = 1
    order by fetched_at, url"""


def extract(paths: Paths) -> ExtractStats:
    store = RawStore(paths.raw_dir)
    stats = ExtractStats()
    with db.writer(paths.lake_db) as con:
        init_lake(con)
        articles = con.execute(PENDING_ARTICLES).fetchall()
        attachments = con.execute(PENDING_ATTACHMENTS).fetchall()
        for source_id, url, sha256, title, body, year in articles:
            record = {"source_id": source_id, "url": url, "sha256": sha256}
            _in_transaction(con, record, "article", lambda: _extract_article(con, store, record, title, body, year, stats))
        for number, (source_id, url, sha256, parent_url, link_text) in enumerate(attachments, start=1):
            record = {"source_id": source_id, "url": url, "sha256": sha256, "parent_url": parent_url,
                      "link_text": link_text}
            before = stats.rows
            _in_transaction(con, record, "attachment", lambda: _extract_attachment(con, store, record, stats))
            log.info("[extract] %d/%d %s: %d rows", number, len(attachments), url.rsplit("/", 1)[-1],
                     stats.rows - before)
    return stats


def _in_transaction(con, record: dict, kind: str, work) -> None:
    con.begin()
    try:
        work()
        crash_points.pause("GREENMFG_FAULT_PAUSE_IN_EXTRACT")  # inside the transaction
        con.execute("insert into extracted values (?, ?, ?, ?)", [record["url"], record["sha256"], kind, now()])
        con.commit()
    except Exception:
        con.rollback()
        raise


def _extract_article(con, store: RawStore, record: dict, title: str, body: str, year: int | None,
                     stats: ExtractStats) -> None:
    stats.count(record["source_id"], "articles")
    _text_facts(con, record, body, year, stats)
    _inline_lists(con, record, store.read(record["sha256"]), body, title, year, stats)


def _text_facts(con, record: dict, text: str, year: int | None, stats: ExtractStats) -> None:
    """Reported counts and policy targets in the notice's own text, each with its sentence."""
    rows = []
    for number, fact in enumerate(extract_facts(clean_body(text), default_year=year), start=1):
        region = resolve(fact.region_name, year) if fact.region_name else None
        rows.append([record["url"], record["sha256"], number, record["source_id"], fact.record_type,
                     fact.designation_type, float(fact.value), fact.unit, fact.level, fact.indicator,
                     fact.target_year, fact.cumulative, fact.region_name, region.code if region else None,
                     fact.evidence, now()])
    if rows:
        con.executemany(f"insert into text_facts values ({', '.join(['?'] * 16)})", rows)
        stats.count(record["source_id"], "facts", len(rows))


def _inline_lists(con, record: dict, html: bytes, body: str, title: str, year: int | None,
                  stats: ExtractStats) -> None:
    """Designations the page names itself (tables, enumerations), one inline list per type."""
    source = registry()[record["source_id"]]
    for dtype, rows in inline_lists(html, body, title).items():
        inline = {**record, "url": f"{record['url']}#inline-{dtype}", "parent_url": record["url"],
                  "link_text": f"inline: {dtype}"}
        values = []
        for number, row in enumerate(rows, start=1):
            region, method = resolve_row(row.region_text, None, row.name, year)
            if region is None and source.region_code and source.level != "mirror":
                region, method = resolve_code(source.region_code, year), "issuer_region"
            if region is None:
                quarantine(con, inline, "row", "region_unresolved", f"no region for {row.name!r}", number)
                stats.count(record["source_id"], "quarantined")
            values.append([inline["url"], record["sha256"], number, record["source_id"], record["url"], dtype,
                           row.category, None, row.region_text, row.name, None, None, None, None, None, None, method,
                           region.province_code if region else None, region.city_code if region else None,
                           region.county_code if region else None, now()])
        con.executemany(f"insert into list_rows values ({', '.join(['?'] * 21)})", values)
        _insert_attachment(con, inline, dtype, "inline", len(values), 0, "parsed", None)
        con.execute("update attachments set level = ? where url = ? and sha256 = ?",
                    [_inline_level(rows) or source.level, inline["url"], record["sha256"]])
        stats.count(record["source_id"], "rows", len(values))


def _inline_level(rows) -> str | None:
    levels = {row.level for row in rows if row.level}
    return levels.pop() if len(levels) == 1 else None


def _extract_attachment(con, store: RawStore, record: dict, stats: ExtractStats) -> None:
    url, sha256, source_id = record["url"], record["sha256"], record["source_id"]
    parent = con.execute(
        "select list_year, title from announcements where url = ? order by loaded_at desc limit 1",
        [record.get("parent_url")],
    ).fetchone()
    year, title = parent if parent else (None, "")
    dtype = (classify.designation_type(clean_text(record.get("link_text") or ""))
             or classify.designation_type(clean_text(title or "")))
    if dtype is None:  # e.g. a cleaner-production list linked from an industry department's page
        reason = f"no designation type in link text {record.get('link_text')!r} or title {title!r}"
        _insert_attachment(con, record, None, None, 0, 0, "quarantined", reason)
        quarantine(con, record, "attachment", "unknown_list_type", reason)
        stats.count(source_id, "quarantined")
        return
    try:
        fmt, table = read_tables(store.read(sha256), url.split("?")[0])
        extraction = extract_rows(table)
        if not extraction.rows:
            raise ValueError("table has a header but no data rows")
    except Exception as exc:
        reason = f"{type(exc).__name__}: {exc}"
        _insert_attachment(con, record, dtype, None, 0, 0, "quarantined", reason)
        quarantine(con, record, "attachment", "attachment_unreadable", reason)
        stats.count(source_id, "quarantined")
        log.warning("quarantined %s: %s", url, reason)
        return
    rows = []
    for row in extraction.rows:
        values = {**row.fields, "category": row.category}
        region, method = resolve_row(values.get("region_text"), values.get("recommender"), values.get("name"), year)
        if region is None:
            quarantine(con, record, "row", "region_unresolved",
                       f"no region in 地区={values.get('region_text')!r}, 推荐单位={values.get('recommender')!r}, "
                       f"name={values.get('name')!r}", row.row_number)
            stats.count(source_id, "quarantined")
        rows.append([url, sha256, row.row_number, source_id, record.get("parent_url"), dtype,
                     *(values.get(f) or None for f in ROW_FIELDS), method,
                     region.province_code if region else None, region.city_code if region else None,
                     region.county_code if region else None, now()])
    con.executemany(f"insert into list_rows values ({', '.join(['?'] * 21)})", rows)
    _insert_attachment(con, record, dtype, fmt, len(rows), len(extraction.skipped), "parsed", None)
    stats.count(source_id, "attachments")
    stats.count(source_id, "rows", len(rows))


def _insert_attachment(con, record, dtype, fmt, row_count, skipped, status, error) -> None:
    con.execute(
        """insert into attachments (url, sha256, source_id, announcement_url, link_text, designation_type, format,
               row_count, skipped_rows, status, error, loaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [record["url"], record["sha256"], record["source_id"], record.get("parent_url"), record.get("link_text"),
         dtype, fmt, row_count, skipped, status, error, now()],
    )
