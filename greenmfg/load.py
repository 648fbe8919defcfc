"""Load: complete raw manifests → DuckDB raw tables (fetch_log, announcements).

Idempotent: a manifest is loaded once (loaded_manifests), and every table is keyed by
URL + sha256, so re-running adds nothing. An article that does not parse goes to
`quarantine` with the rule and the reason, and the load goes on. Reading the lists out of
attachments and the facts out of notice texts is the next stage (greenmfg.extract.stage).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from greenmfg import crash_points, db
from greenmfg.extract import classify
from greenmfg.extract.normalize import clean_text, match_key
from greenmfg.raw_store import RawStore, read_manifest
from greenmfg.settings import Paths
from scrapers import get_spider, registry
from scrapers.text_patterns import doc_number

log = logging.getLogger(__name__)
SCHEMA = Path(__file__).with_name("lake_schema.sql")


@dataclass
class StageStats:
    """Counts of a stage, in total and per source (the run report shows both)."""
    per_source: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, source_id: str, what: str, n: int = 1) -> None:
        setattr(self, what, getattr(self, what) + n)
        counts = self.per_source.setdefault(source_id, {})
        counts[what] = counts.get(what, 0) + n


@dataclass
class LoadStats(StageStats):
    manifests: int = 0
    fetches: int = 0
    announcements: int = 0
    quarantined: int = 0
    scrape_runs: list[str] = field(default_factory=list)  # the runs whose manifests were loaded


def now() -> datetime:
    return datetime.now(timezone.utc)


def init_lake(con) -> None:
    had_extracted = con.execute(
        "select count(*) from information_schema.tables where table_name = 'extracted'").fetchone()[0]
    had_lake = con.execute(
        "select count(*) from information_schema.tables where table_name = 'announcements'").fetchone()[0]
    con.execute(SCHEMA.read_text())
    if had_lake and not had_extracted:
        # a lake loaded before extraction was a stage of its own: what it holds is extracted
        con.execute("""insert into extracted select url, sha256, 'article', loaded_at from announcements
                       union all select url, sha256, 'attachment', loaded_at from attachments
                       where url not like '%#inline-%'""")


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
            stats.count(source_id, "manifests")
            if run_id not in stats.scrape_runs:
                stats.scrape_runs.append(run_id)
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
    for record in records:
        stats.count(record["source_id"], "fetches")
    for record in (r for r in records if r["sha256"] and r["kind"] == "article"):
        _load_article(con, store, record, stats)


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
        stats.count(record["source_id"], "quarantined")
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
    stats.count(record["source_id"], "announcements")
