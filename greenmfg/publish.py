"""Publish: atomically swap a gated build file in as the published warehouse.

Readers open the published file read-only; `os.replace` swaps the directory entry in one
step, so a reader sees either the old file or the new one, never a half-written one.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from greenmfg import crash_points, db
from greenmfg.files import fsync_dir, write_atomic
from greenmfg.settings import Paths

MART_SCHEMA = "marts"


def publish(paths: Paths, build_db: Path, run_id: str) -> dict:
    """PostgreSQL (if configured) and Parquet first, the DuckDB file last: a failure before the
    swap leaves every published copy on the last good version."""
    from greenmfg import serving

    if not build_db.exists():
        raise FileNotFoundError(f"nothing to publish: {build_db} does not exist")
    counts = mart_counts(build_db)
    dsn = serving.postgres_dsn(paths)
    postgres = serving.publish_postgres(build_db, dsn) if dsn else None
    parquet = serving.publish_parquet(build_db, paths, run_id)
    target = paths.published_db
    target.parent.mkdir(parents=True, exist_ok=True)
    crash_points.pause("GREENMFG_FAULT_PAUSE_BEFORE_SWAP")
    os.replace(build_db, target)
    fsync_dir(target.parent)
    db.leave_folder(build_db)
    info = {
        "run_id": run_id,
        "published_at": datetime.now(UTC).isoformat(),
        "path": str(target),
        "tables": counts,
        "parquet": str(parquet),
        "postgres": {"schema": serving.MARTS, "tables": len(postgres)} if postgres is not None else None,
    }
    _write_json(paths.warehouse_dir / "published.json", info)
    return info


def mart_counts(database: Path) -> dict[str, int]:
    with db.reader(database) as con:
        tables = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = ? order by 1", [MART_SCHEMA]
            ).fetchall()
        ]
        return {t: con.execute(f'select count(*) from "{MART_SCHEMA}"."{t}"').fetchone()[0] for t in tables}


def _write_json(path: Path, data: dict) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2))
