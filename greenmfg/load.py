"""Load: complete raw manifests → the lake's fetch log (DuckDB reads the JSON lines itself).

Idempotent: a manifest is loaded once (loaded_manifests) and fetch_log is keyed by run and
URL, so re-running adds nothing. Reading what was fetched (notices, their lists and facts)
is the next stage (greenmfg.extract.stage).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from greenmfg import crash_points, db
from greenmfg.lake import StageStats, init_lake
from greenmfg.raw_store import RawStore
from greenmfg.settings import Paths
from scrapers import registry


@dataclass
class LoadStats(StageStats):
    manifests: int = 0
    fetches: int = 0
    scrape_runs: list[str] = field(default_factory=list)  # the runs whose manifests were loaded


def now() -> datetime:
    return datetime.now(UTC)


def register_sources(con) -> None:
    """The source registry as lake tables (dim_source is built from it). Only what changed is
    written: the registry rarely changes, and a load runs after every scrape."""
    sources = registry().values()
    current = {(*r[:5], tuple(r[5] or ())) for r in con.execute(CURRENT_SOURCES).fetchall()}
    changed = [
        r
        for r in ((s.id, s.name, s.issuer, s.level, s.region_code, list(s.list_urls)) for s in sources)
        if (*r[:5], tuple(r[5])) not in current
    ]
    if changed:
        con.execute(UPSERT_SOURCES, [list(column) for column in zip(*changed)] + [now()])
    partial = sorted((url, s.id, reason) for s in sources for url, reason in s.partial_lists)
    if con.execute("select url, source_id, reason from declared_partial_lists order by all").fetchall() != partial:
        con.execute("delete from declared_partial_lists")
        if partial:
            con.execute(INSERT_PARTIAL_LISTS, [list(column) for column in zip(*partial)])


CURRENT_SOURCES = "select source_id, name, issuer, level, region_code, start_urls from sources"
# one statement per table, column lists unnested (executemany prepares a statement per row)
UPSERT_SOURCES = (
    "insert or replace into sources select unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), ?"
)
INSERT_PARTIAL_LISTS = "insert into declared_partial_lists select unnest(?), unnest(?), unnest(?)"


BATCH_MANIFESTS = 500  # manifests per transaction
MANIFEST_COLUMNS = {
    "url": "VARCHAR",
    "source_id": "VARCHAR",
    "run_id": "VARCHAR",
    "kind": "VARCHAR",
    "fetched_at": "TIMESTAMPTZ",
    "http_status": "INTEGER",
    "content_type": "VARCHAR",
    "sha256": "VARCHAR",
    "bytes": "BIGINT",
    "parent_url": "VARCHAR",
    "link_text": "VARCHAR",
    "error": "VARCHAR",
}
FETCH_LOG_FROM_MANIFESTS = """
    insert into fetch_log
    select m.run_id, m.source_id, m.url, m.kind, m.fetched_at, m.http_status, m.content_type, m.sha256, m.bytes,
           m.parent_url, m.link_text, m.error, now()
    from read_json(?, format = 'newline_delimited', columns = ?) as m
    where not exists (select 1 from fetch_log f where f.run_id = m.run_id and f.url = m.url)
    qualify row_number() over (partition by m.run_id, m.url order by m.fetched_at) = 1
    returning source_id"""


def load(paths: Paths) -> LoadStats:
    """New complete manifests, read in bulk by DuckDB, `BATCH_MANIFESTS` per transaction."""
    store = RawStore(paths.raw_dir)
    stats = LoadStats()
    with db.writer(paths.lake_db) as con:
        init_lake(con)
        register_sources(con)
        done = {r[0] for r in con.execute("select manifest_path from loaded_manifests").fetchall()}
        new = [m for m in store.complete_manifests() if str(m.relative_to(paths.raw_dir)) not in done]
        for start in range(0, len(new), BATCH_MANIFESTS):
            con.begin()
            try:
                _load_manifests(con, paths, new[start : start + BATCH_MANIFESTS], stats)
                crash_points.pause("GREENMFG_FAULT_PAUSE_IN_LOAD")  # inside the transaction
                con.commit()
            except Exception:
                con.rollback()
                raise
    return stats


def _load_manifests(con, paths: Paths, manifests: list[Path], stats: LoadStats) -> None:
    inserted = con.execute(FETCH_LOG_FROM_MANIFESTS, [[str(m) for m in manifests], MANIFEST_COLUMNS]).fetchall()
    for (source_id,) in inserted:
        stats.count(source_id, "fetches")
    for manifest in manifests:
        source_id, run_id = (p.split("=", 1)[1] for p in manifest.parent.parts[-2:])
        con.execute(
            "insert into loaded_manifests values (?, ?, ?, now())",
            [str(manifest.relative_to(paths.raw_dir)), source_id, run_id],
        )
        stats.count(source_id, "manifests")
        if run_id not in stats.scrape_runs:
            stats.scrape_runs.append(run_id)
