"""Serving the gated build to BI tools: Parquet files of every mart, and PostgreSQL.

PostgreSQL gets the marts through DuckDB's postgres extension: they are copied into a
staging schema, then one transaction renames `marts` → `marts_previous` and the staging
schema → `marts`. A BI client sees the old schema or the new one, never a half-loaded one,
and a publish killed midway leaves `marts` as it was.

The PostgreSQL target belongs to one GREENMFG_HOME: GREENMFG_POSTGRES_DSN where set, else
`$GREENMFG_HOME/postgres.dsn` (scripts/postgres_up.sh writes it, naming a database of that
home's own), so two clones on one machine never publish over each other.
Paths reach DuckDB as parameters or Python arguments; ATTACH, which takes none, gets them
quoted by DuckDB (duckdb_ext.literal).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from greenmfg import crash_points, db, duckdb_ext
from greenmfg.duckdb_ext import literal
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


DSN_FILE = "postgres.dsn"  # in GREENMFG_HOME, written by scripts/postgres_up.sh


def postgres_dsn(paths: Paths | None = None) -> str | None:
    """Where this home publishes: GREENMFG_POSTGRES_DSN (set but empty: no PostgreSQL), else
    `<home>/postgres.dsn`; None: DuckDB and Parquet only. Never a file shared by every clone."""
    if "GREENMFG_POSTGRES_DSN" in os.environ:
        return os.environ["GREENMFG_POSTGRES_DSN"] or None
    from greenmfg.settings import paths as current_paths

    dsn_file = (paths or current_paths()).home / DSN_FILE
    return (dsn_file.read_text(encoding="utf-8").strip() or None) if dsn_file.exists() else None


def mart_tables(con, catalog: str | None = None) -> list[str]:
    return [r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = ? "
        "and table_catalog = coalesce(?, current_database()) order by 1", [MARTS, catalog]).fetchall()]


def publish_postgres(build_db: Path, dsn: str) -> dict[str, int]:
    """The build file attached read-only to an in-memory DuckDB, PostgreSQL read-write."""
    con = duckdb.connect()
    try:
        duckdb_ext.load(con, "postgres")
        con.execute(f"ATTACH {literal(str(build_db))} AS build (READ_ONLY)")  # ATTACH takes no parameters
        con.execute(f"ATTACH {literal(dsn)} AS pg (TYPE postgres)")
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
        for table in mart_tables(con):  # the file's path as an argument, never in the SQL text
            con.table(f'{MARTS}."{table}"').write_parquet(str(target / f"{table}.parquet"))
    link, tmp = root / "current", root / f".current-{run_id}"
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(run_id)
    os.replace(tmp, link)
    for old in sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink() and p.name != run_id)[:-2]:
        shutil.rmtree(old, ignore_errors=True)  # keep the two previous versions
    return link
