"""Load: complete raw manifests → DuckDB raw tables, extracting attachment rows on the way.

Idempotent: a manifest is loaded once (loaded_manifests), and every table is keyed by
URL + sha256, so re-running adds nothing. Bad input never stops the load: an article
that does not parse or an attachment that cannot be read goes to `quarantine` with the
rule and the reason, and the rest of the run goes on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from greenmfg import crash_points, db
from greenmfg.extract import classify
from greenmfg.extract.clean import clean_body
from greenmfg.extract.facts import extract_facts
from greenmfg.extract.list_rows import extract_rows
from greenmfg.extract.normalize import clean_text, match_key
from greenmfg.extract.readers import read_tables
from greenmfg.raw_store import RawStore, read_manifest
from greenmfg.extract.inline_lists import inline_lists
from greenmfg.regions import resolve, resolve_code, resolve_row
from greenmfg.settings import Paths
from scrapers import get_spider, registry
from scrapers.text_patterns import doc_number

log = logging.getLogger(__name__)
SCHEMA = Path(__file__).with_name("lake_schema.sql")
ROW_FIELDS = ("category", "seq", "region_text", "name", "industry", "evaluator",
              "product_name", "product_model", "recommender", "star_level")


@dataclass
class LoadStats:
    manifests: int = 0
    fetches: int = 0
    announcements: int = 0
    attachments: int = 0
    rows: int = 0
    quarantined: int = 0
    errors: list[str] = field(default_factory=list)


def now() -> datetime:
    return datetime.now(timezone.utc)


def init_lake(con) -> None:
    con.execute(SCHEMA.read_text())


def register_sources(con) -> None:
    """The source registry as lake tables (dim_source is built from it)."""
    sources = registry().values()
    con.executemany(
        "insert or replace into sources values (?, ?, ?, ?, ?, ?, ?)",
        [[s.id, s.name, s.issuer, s.level, s.region_code, list(s.list_urls), now()] for s in sources],
    )
    con.execute("delete from declared_partial_lists")
    partial = [[url, s.id, reason] for s in sources for url, reason in s.partial_lists]
    if partial:
        con.executemany("insert into declared_partial_lists values (?, ?, ?)", partial)


def load(paths: Paths) -> LoadStats:
    store = RawStore(paths.raw_dir)
    stats = LoadStats()
    with db.writer(paths.lake_db) as con:
        init_lake(con)
        register_sources(con)
        done = {r[0] for r in con.execute("select manifest_path from loaded_manifests").fetchall()}
        for manifest in store.complete_manifests():
            key = str(manifest.relative_to(paths.raw_dir))
            if key in done:
                continue
            con.begin()
            try:
                _load_manifest(con, store, manifest, stats)
                crash_points.pause("GREENMFG_FAULT_PAUSE_IN_LOAD")  # inside the transaction
                source_id, run_id = (p.split("=", 1)[1] for p in manifest.parent.parts[-2:])
                con.execute("insert into loaded_manifests values (?, ?, ?, ?)", [key, source_id, run_id, now()])
                con.commit()
            except Exception:
                con.rollback()
                raise
            stats.manifests += 1
    return stats


def _load_manifest(con, store: RawStore, manifest: Path, stats: LoadStats) -> None:
    records = read_manifest(manifest)
    loaded_at = now()
    con.executemany(
        """insert into fetch_log select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
           where not exists (select 1 from fetch_log where run_id = ? and url = ?)""",
        [[r["run_id"], r["source_id"], r["url"], r["kind"], r["fetched_at"], r["http_status"],
          r["content_type"], r["sha256"], r["bytes"], r["parent_url"], r["link_text"], r["error"],
          loaded_at, r["run_id"], r["url"]] for r in records],
    )
    stats.fetches += len(records)
    ok = [r for r in records if r["sha256"]]
    for record in (r for r in ok if r["kind"] == "article"):
        _load_article(con, store, record, stats)
    attachments = [r for r in ok if r["kind"] == "attachment"]
    for number, record in enumerate(attachments, start=1):
        before = stats.rows
        _load_attachment(con, store, record, stats)
        log.info("[load] %d/%d %s: %d rows", number, len(attachments), record["url"].rsplit("/", 1)[-1],
                 stats.rows - before)


def _exists(con, table: str, url: str, sha256: str) -> bool:
    return con.execute(f"select 1 from {table} where url = ? and sha256 = ?", [url, sha256]).fetchone() is not None


def quarantine(con, record: dict, stage: str, rule: str, reason: str, row_number: int | None = None) -> None:
    con.execute(
        "insert into quarantine values (?, ?, ?, ?, ?, ?, ?, ?)",
        [record["source_id"], record["url"], record.get("sha256"), row_number, stage, rule, reason, now()],
    )


def _load_article(con, store: RawStore, record: dict, stats: LoadStats) -> None:
    if _exists(con, "announcements", record["url"], record["sha256"]):
        return
    spider = get_spider(record["source_id"])
    html = store.read(record["sha256"])
    try:
        article = spider.article_from_bytes(html, record["url"], record["content_type"])
    except Exception as exc:
        quarantine(con, record, "article", "article_unparseable", f"{type(exc).__name__}: {exc}")
        stats.quarantined += 1
        return
    title = clean_text(article.title)
    label, number, year = classify.batch(title, article.publish_date)
    con.execute(
        """insert into announcements (source_id, url, sha256, title, publish_date, doc_number, batch_label,
               batch_no, list_year, body_text, attachment_count, loaded_at, title_key, list_status)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [record["source_id"], record["url"], record["sha256"], article.title, article.publish_date,
         article.doc_number or doc_number(clean_text(article.body_text)), label, number, year,
         article.body_text, len(article.attachments), now(), match_key(article.title), classify.status(title)],
    )
    stats.announcements += 1
    year = year or (int(article.publish_date[:4]) if article.publish_date else None)
    _load_text_facts(con, record, article.body_text, year)
    _load_inline_lists(con, record, html, article, year, stats)


def _load_inline_lists(con, record: dict, html: bytes, article, year: int | None, stats: LoadStats) -> None:
    """Designations the page names itself (tables, enumerations), one inline list per type."""
    source = registry()[record["source_id"]]
    for dtype, rows in inline_lists(html, article.body_text, article.title).items():
        inline = {**record, "url": f"{record['url']}#inline-{dtype}", "parent_url": record["url"],
                  "link_text": f"inline: {dtype}"}
        values = []
        for number, row in enumerate(rows, start=1):
            region, method = resolve_row(row.region_text, None, row.name, year)
            if region is None and source.region_code and source.level != "mirror":
                region, method = resolve_code(source.region_code, year), "issuer_region"
            if region is None:
                quarantine(con, inline, "row", "region_unresolved", f"no region for {row.name!r}", number)
                stats.quarantined += 1
            values.append([inline["url"], record["sha256"], number, record["source_id"], record["url"], dtype,
                           row.category, None, row.region_text, row.name, None, None, None, None, None, None, method,
                           region.province_code if region else None, region.city_code if region else None,
                           region.county_code if region else None, now()])
        con.executemany(f"insert into list_rows values ({', '.join(['?'] * 21)})", values)
        _insert_attachment(con, inline, dtype, "inline", len(values), 0, "parsed", None)
        con.execute("update attachments set level = ? where url = ? and sha256 = ?",
                    [_inline_level(rows) or source.level, inline["url"], record["sha256"]])
        stats.rows += len(values)


def _inline_level(rows) -> str | None:
    levels = {row.level for row in rows if row.level}
    return levels.pop() if len(levels) == 1 else None


def _load_text_facts(con, record: dict, text: str, year: int | None) -> None:
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


def _load_attachment(con, store: RawStore, record: dict, stats: LoadStats) -> None:
    url, sha256 = record["url"], record["sha256"]
    if _exists(con, "attachments", url, sha256):
        return
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
        stats.quarantined += 1
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
        stats.quarantined += 1
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
            stats.quarantined += 1
        rows.append([url, sha256, row.row_number, record["source_id"], record.get("parent_url"), dtype,
                     *(values.get(f) or None for f in ROW_FIELDS), method,
                     region.province_code if region else None, region.city_code if region else None,
                     region.county_code if region else None, now()])
    con.executemany(f"insert into list_rows values ({', '.join(['?'] * 21)})", rows)
    _insert_attachment(con, record, dtype, fmt, len(rows), len(extraction.skipped), "parsed", None)
    stats.attachments += 1
    stats.rows += len(rows)


def _insert_attachment(con, record, dtype, fmt, row_count, skipped, status, error) -> None:
    con.execute(
        """insert into attachments (url, sha256, source_id, announcement_url, link_text, designation_type, format,
               row_count, skipped_rows, status, error, loaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [record["url"], record["sha256"], record["source_id"], record.get("parent_url"), record.get("link_text"),
         dtype, fmt, row_count, skipped, status, error, now()],
    )
