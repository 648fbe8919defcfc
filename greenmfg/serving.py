"""Serving the gated build to BI tools: Parquet files of every mart, and PostgreSQL.

PostgreSQL gets the marts through DuckDB's postgres extension: they are copied into a
staging schema, then one transaction renames `marts` → `marts_previous` and the staging
schema → `marts`. A BI client sees the old schema or the new one, never a half-loaded one,
and a publish killed midway leaves `marts` as it was.

Before the swap the staging schema gets what BI tools read from the catalog, taken from the dbt
YAML of the marts (models/marts/*.yml, seeds/*.yml): a primary key per table, a foreign key and
an index per `relationships` test, and every description as a COMMENT. The swap grants the
read-only role `greenmfg_reader` (created by scripts/postgres_up.sh, or the compose file's
warehouse-db) USAGE and SELECT on the new `marts`, in the same transaction: BI tools log in as
that role, never as the owner, and no publish leaves them without access.

The PostgreSQL target belongs to one GREENMFG_HOME: GREENMFG_POSTGRES_DSN where set, else
`$GREENMFG_HOME/postgres.dsn` (scripts/postgres_up.sh writes it, naming a database of that
home's own), so two clones on one machine never publish over each other.
Paths reach DuckDB as parameters or Python arguments; ATTACH, which takes none, gets them
quoted by DuckDB (duckdb_ext.literal).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import yaml

from greenmfg import crash_points, db, duckdb_ext
from greenmfg.duckdb_ext import literal
from greenmfg.settings import DBT_PROJECT_DIR, Paths

MARTS = "marts"
STAGING = "marts_staging"
PREVIOUS = "marts_previous"
READER = "greenmfg_reader"  # the login BI tools use: USAGE and SELECT on `marts`, nothing else
SWAP = f"""
BEGIN;
DROP SCHEMA IF EXISTS {PREVIOUS} CASCADE;
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '{MARTS}') THEN
    ALTER SCHEMA {MARTS} RENAME TO {PREVIOUS};
  END IF;
END $$;
ALTER SCHEMA {STAGING} RENAME TO {MARTS};
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{READER}') THEN
    GRANT USAGE ON SCHEMA {MARTS} TO {READER};
    GRANT SELECT ON ALL TABLES IN SCHEMA {MARTS} TO {READER};
  END IF;
END $$;
COMMIT;
"""


DSN_FILE = "postgres.dsn"  # in GREENMFG_HOME, written by scripts/postgres_up.sh


def postgres_dsn(paths: Paths | None = None) -> str | None:
    """Where this home publishes: GREENMFG_POSTGRES_DSN (set but empty: no PostgreSQL), else
    `<home>/postgres.dsn`; None: DuckDB and Parquet only. Never a file shared by every clone."""
    from greenmfg.settings import paths as current_paths
    from greenmfg.settings import setting

    configured = setting("GREENMFG_POSTGRES_DSN", empty_is_unset=False)
    if configured is not None:
        return configured or None

    dsn_file = (paths or current_paths()).home / DSN_FILE
    return (dsn_file.read_text(encoding="utf-8").strip() or None) if dsn_file.exists() else None


def mart_tables(con, catalog: str | None = None) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "select table_name from information_schema.tables where table_schema = ? "
            "and table_catalog = coalesce(?, current_database()) order by 1",
            [MARTS, catalog],
        ).fetchall()
    ]


@dataclass
class TableDoc:
    """What dbt's YAML says of one table of `marts`."""

    description: str = ""
    columns: dict[str, str] = field(default_factory=dict)  # name → description, in YAML order
    primary_key: tuple[str, ...] = ()
    references: list[tuple[str, str, str]] = field(default_factory=list)  # (column, table, its column)


def mart_docs(project_dir: Path = DBT_PROJECT_DIR) -> dict[str, TableDoc]:
    """Every model of models/marts and every seed (both built in `marts`), by table name."""
    docs = {}
    for path in sorted([*(project_dir / "models" / "marts").glob("*.yml"), *(project_dir / "seeds").glob("*.yml")]):
        spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for node in [*spec.get("models", []), *spec.get("seeds", [])]:
            docs[node["name"]] = table_doc(node)
    return docs


def table_doc(node: dict) -> TableDoc:
    doc = TableDoc(description=(node.get("description") or "").strip())
    tested = {}
    for column in node.get("columns", []):
        doc.columns[column["name"]] = (column.get("description") or "").strip()
        tested[column["name"]] = {name for name, _ in map(test_of, column.get("data_tests", []))}
        for name, args in map(test_of, column.get("data_tests", [])):
            if name == "relationships" and (target := ref_name(args.get("to", ""))):
                doc.references.append((column["name"], target, args["field"]))
    doc.primary_key = primary_key(tested, [test_of(t) for t in node.get("data_tests", [])])
    return doc


def test_of(test) -> tuple[str, dict]:
    """A data test as (name, arguments): `unique`, or {relationships: {arguments: {...}}}."""
    if isinstance(test, str):
        return test, {}
    name, spec = next(iter(test.items()))
    spec = spec or {}
    return name, spec.get("arguments", spec)


def ref_name(to: str) -> str | None:
    """ref('dim_list') → dim_list."""
    inner = to.strip()
    if inner.startswith("ref(") and inner.endswith(")"):
        return inner[4:-1].strip().strip("'\"")
    return None


def primary_key(tested: dict[str, set[str]], table_tests: list[tuple[str, dict]]) -> tuple[str, ...]:
    """The first column tested unique and not null, else a tested unique combination of
    columns each tested not null; () when the YAML promises neither."""
    for column, names in tested.items():
        if {"unique", "not_null"} <= names:
            return (column,)
    for name, args in table_tests:
        columns = args.get("columns") or []
        if name == "unique_combination" and columns and all("not_null" in tested.get(c, ()) for c in columns):
            return tuple(columns)
    return ()


def pg_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def catalog_sql(schema: str, present: dict[str, list[str]], docs: dict[str, TableDoc]) -> str:
    """Primary keys, foreign keys with an index each, and comments for the tables `present`
    (table → its columns) in `schema`. A foreign key whose rows do not all match (dbt's
    relationships test ran on the build, so only a hand-edited build) stays NOT VALID."""
    keys, references, comments = [], [], []
    for table, columns in present.items():
        doc = docs.get(table)
        if doc is None:
            continue
        name = f'{schema}."{table}"'
        if doc.description:
            comments.append(f"COMMENT ON TABLE {name} IS {pg_literal(doc.description)};")
        comments += [
            f'COMMENT ON COLUMN {name}."{c}" IS {pg_literal(doc.columns[c])};' for c in columns if doc.columns.get(c)
        ]
        if doc.primary_key and set(doc.primary_key) <= set(columns):
            keys.append(f"ALTER TABLE {name} ADD PRIMARY KEY ({quoted(doc.primary_key)});")
        for column, target, target_column in doc.references:
            if column not in columns or target not in present:
                continue
            references.append(f'CREATE INDEX ON {name} ("{column}");')
            if docs.get(target) and docs[target].primary_key == (target_column,):
                constraint = f"{table}_{column}_fkey"
                references.append(
                    f'ALTER TABLE {name} ADD CONSTRAINT "{constraint}" FOREIGN KEY ("{column}") '
                    f'REFERENCES {schema}."{target}" ("{target_column}") NOT VALID;'
                )
                references.append(
                    f'DO $$ BEGIN ALTER TABLE {name} VALIDATE CONSTRAINT "{constraint}"; '
                    "EXCEPTION WHEN foreign_key_violation THEN NULL; END $$;"
                )
    return "\n".join(keys + references + comments)


def quoted(columns) -> str:
    return ", ".join(f'"{c}"' for c in columns)


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
        present = {t: mart_columns(con, "build", t) for t in counts}
        if ddl := catalog_sql(STAGING, present, {**duckdb_docs(con, "build"), **mart_docs()}):
            con.execute(f"CALL postgres_execute('pg', {literal(ddl)})")
        crash_points.pause("GREENMFG_FAULT_PAUSE_BEFORE_PG_SWAP")
        con.execute(f"CALL postgres_execute('pg', $swap${SWAP}$swap$)")
    finally:
        con.close()
    return counts


def duckdb_docs(con, catalog: str) -> dict[str, TableDoc]:
    """Comments the build itself holds (COMMENT ON in DuckDB): tables made outside dbt."""
    docs = {}
    for table, comment in con.execute(
        "select table_name, comment from duckdb_tables() where database_name = ? and schema_name = ?", [catalog, MARTS]
    ).fetchall():
        docs[table] = TableDoc(description=comment or "")
    for table, column, comment in con.execute(
        "select table_name, column_name, comment from duckdb_columns() where database_name = ? "
        "and schema_name = ? and comment is not null",
        [catalog, MARTS],
    ).fetchall():
        docs[table].columns[column] = comment
    return docs


def mart_columns(con, catalog: str, table: str) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "select column_name from information_schema.columns where table_catalog = ? and table_schema = ? "
            "and table_name = ? order by ordinal_position",
            [catalog, MARTS, table],
        ).fetchall()
    ]


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
