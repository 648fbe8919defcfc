"""What a build is made from: the lake's version, the dbt project, the gate's suites and where
it is published. A run whose inputs equal the published build's has nothing new to build, so
it skips dbt, the gate and publishing (a daily refresh with no new notice costs seconds)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from greenmfg import db
from greenmfg.settings import DBT_PROJECT_DIR, EXPECTATIONS_DIR, Paths

# Append-only lake tables the marts are built from: their row counts change exactly when
# something was added. (fetch_log and loaded_manifests grow with every scrape, 304s included;
# the marts do not read them.)
APPEND_ONLY = ("announcements", "attachments", "list_rows", "quarantine", "text_facts", "extracted")
# Rewritten on every load from the source registry: compared by content.
REFRESHED = {
    "sources": "source_id, name, issuer, level, region_code, start_urls",
    "declared_partial_lists": "url, source_id, reason",
}


def _hash_files(root: Path, suffixes: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in suffixes and "target" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def project_fingerprint() -> str:
    """Hash of the dbt project: a build may start from the published file only if it is equal."""
    return _hash_files(DBT_PROJECT_DIR, (".sql", ".yml", ".yaml", ".csv"))


def gate_fingerprint(paths: Paths | None = None) -> str:
    """Hash of the expectation suites and the publish target: a change re-gates and republishes."""
    from greenmfg import serving

    dsn = serving.postgres_dsn(paths) or ""
    return hashlib.sha256(_hash_files(EXPECTATIONS_DIR, (".json",)).encode() + dsn.encode()).hexdigest()


def lake_version(lake_db: Path) -> str | None:
    """Row counts of the append-only tables and the content of the refreshed ones (no lake: None)."""
    if not lake_db.exists():
        return None
    with db.reader(lake_db) as con:
        state = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in APPEND_ONLY}
        # documents read again with new rules replace their rows one for one: the counts stay, this moves
        state["last_extracted"] = con.execute("select max(extracted_at) from extracted").fetchone()[0]
        for table, cols in REFRESHED.items():
            state[table] = con.execute(
                f"select count(*), coalesce(sum(hash({cols})), 0)::varchar from {table}"
            ).fetchone()
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()


def current(paths: Paths) -> dict:
    return {
        "lake_version": lake_version(paths.lake_db),
        "fingerprint": project_fingerprint(),
        "gate_fingerprint": gate_fingerprint(paths),
    }


def published(paths: Paths) -> dict | None:
    """The build info of the published warehouse (None if nothing, or an older layout, is published)."""
    if not paths.published_db.exists():
        return None
    try:
        with db.reader(paths.published_db) as con:
            row = con.execute(
                "select run_id, lake_version, fingerprint, gate_fingerprint, built_at::varchar from meta.build_info"
            ).fetchone()
    except Exception:
        return None
    return dict(zip(("run_id", "lake_version", "fingerprint", "gate_fingerprint", "built_at"), row))


def nothing_new(paths: Paths) -> dict | None:
    """The published build's info when this run would rebuild exactly it, else None."""
    info, now = published(paths), current(paths)
    if info is None or now["lake_version"] is None:
        return None
    return info if all(info[key] == value for key, value in now.items()) else None
