"""Serving the gated build to BI tools: Parquet files of every mart, and PostgreSQL.

PostgreSQL gets the marts through DuckDB's postgres extension: they are copied into a
staging schema, then one transaction renames `marts` → `marts_previous` and the staging
schema → `marts`. A BI client sees the old schema or the new one, never a half-loaded one,
and a publish killed midway leaves `marts` as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from greenmfg import crash_points, db, duckdb_ext
from greenmfg.settings import Paths

MARTS = "marts"
STAGING = "marts_staging"
PREVIOUS = "marts_previous"
SWAP = f"""
BEGIN;
DROP SCHEMA IF EXISTS {PREVIOUS} CASCADE;
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '{MARTS}') THEN
    ALTER SCHEMA {MARTS} RENAME TO {PREVIOUS};
  END IF;
END $$;
ALTER SCHEMA {STAGING} RENAME TO {MARTS};
COMMIT;
"""


CREDENTIALS = Path(os.environ.get("GREENMFG_PG_CREDENTIALS", Path.home() / ".config" / "greenmfg" / "postgres.dsn"))


def postgres_dsn() -> str | None:
    """GREENMFG_POSTGRES_DSN (set but empty: no PostgreSQL), else the credentials that
    scripts/postgres_up.sh wrote; None: publish DuckDB and Parquet only."""
    if "GREENMFG_POSTGRES_DSN" in os.environ:
        return os.environ["GREENMFG_POSTGRES_DSN"] or None
    return CREDENTIALS.read_text().strip() if CREDENTIALS.exists() else None


def mart_tables(con, catalog: str | None = None) -> list[str]:
    return [r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = ? "
        "and table_catalog = coalesce(?, current_database()) order by 1", [MARTS, catalog]).fetchall()]


def publish_postgres(build_db: Path, dsn: str) -> dict[str, int]:
    """The build file attached read-only to an in-memory DuckDB, PostgreSQL read-write."""
    con = duckdb.connect()
    try:
        duckdb_ext.load(con, "postgres")
        con.execute(f"ATTACH '{build_db}' AS build (READ_ONLY)")
        con.execute(f"ATTACH '{dsn}' AS pg (TYPE postgres)")
        con.execute(f"CALL postgres_execute('pg', 'DROP SCHEMA IF EXISTS {STAGING} CASCADE; CREATE SCHEMA {STAGING}')")
        counts = {}
        for table in mart_tables(con, "build"):
            con.execute(f'CREATE TABLE pg.{STAGING}."{table}" AS SELECT * FROM build.{MARTS}."{table}"')
            counts[table] = con.execute(f'select count(*) from build.{MARTS}."{table}"').fetchone()[0]
        crash_points.pause("GREENMFG_FAULT_PAUSE_BEFORE_PG_SWAP")
        con.execute(f"CALL postgres_execute('pg', $swap${SWAP}$swap$)")
    finally:
        con.close()
    return counts


def publish_parquet(build_db: Path, paths: Paths, run_id: str) -> Path:
    """warehouse/parquet/<run_id>/<table>.parquet, then `current` is repointed atomically."""
    root = paths.warehouse_dir / "parquet"
    target = root / run_id
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    with db.reader(build_db) as con:
        for table in mart_tables(con):
            con.execute(f"COPY {MARTS}.\"{table}\" TO '{target / (table + '.parquet')}' (FORMAT parquet)")
    link, tmp = root / "current", root / f".current-{run_id}"
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(run_id)
    os.replace(tmp, link)
    for old in sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink() and p.name != run_id)[:-2]:
        shutil.rmtree(old, ignore_errors=True)  # keep the two previous versions
    return link
