"""PostgreSQL as BI tools see it: the read-only role greenmfg_reader (scripts/postgres_up.sh) after
two publishes in a row, through psql and through SQLAlchemy + psycopg2 (as Superset and Metabase
connect), with the catalog a BI tool reads (keys, comments) and the same column types as DuckDB
and Parquet."""

import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from greenmfg import publish, serving
from greenmfg.settings import PROJECT_ROOT, Paths
from tests.conftest import drop_database, psql, require
from tests.test_analyst_questions import questions, rows

# DuckDB's type → PostgreSQL's (information_schema data_type, udt_name), as the marts reach it
PG_TYPES = {
    "VARCHAR": ("character varying", "varchar"),
    "BIGINT": ("bigint", "int8"),
    "INTEGER": ("integer", "int4"),
    "BOOLEAN": ("boolean", "bool"),
    "DATE": ("date", "date"),
    "DOUBLE": ("double precision", "float8"),
    "TIMESTAMP": ("timestamp without time zone", "timestamp"),
    "TIMESTAMP WITH TIME ZONE": ("timestamp with time zone", "timestamptz"),
    "VARCHAR[]": ("ARRAY", "_varchar"),
}
WRITES = [
    "INSERT INTO marts.dim_source (source_id) VALUES ('reader')",
    "UPDATE marts.dim_list SET title = 'x'",
    "DELETE FROM marts.fct_designations",
    "CREATE TABLE marts.reader_table (i int)",
    "CREATE TABLE public.reader_table (i int)",
    "DROP TABLE marts.dim_date",
    "CREATE SCHEMA reader_schema",
]


@pytest.fixture(scope="module")
def reader(pipeline_home, tmp_path_factory):
    """A home of its own given a database and the reader's DSN by scripts/postgres_up.sh, then
    published twice (each publish swaps the schema); the database is dropped afterwards."""
    require("postgresql")
    paths = Paths(tmp_path_factory.mktemp("bi-home"))
    env = {**os.environ, "GREENMFG_HOME": str(paths.home)}
    env.pop("GREENMFG_READER_PASSWORD", None)  # the cluster's password stays as other homes know it
    up = subprocess.run(
        ["bash", str(PROJECT_ROOT / "scripts" / "postgres_up.sh")], env=env, capture_output=True, text=True, timeout=300
    )
    assert up.returncode == 0, up.stderr[-2000:]
    owner = (paths.home / "postgres.dsn").read_text().strip()
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("GREENMFG_POSTGRES_DSN")  # this home's postgres.dsn is the target
        try:
            for run_id in ("first", "second"):
                build = paths.build_db(run_id)
                build.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(pipeline_home[0].published_db, build)
                info = publish.publish(paths, build, run_id)
                assert info["postgres"]["tables"] >= 14
            yield owner, (paths.home / "postgres_reader.dsn").read_text().strip(), paths
        finally:
            database = owner.rsplit("/", 1)[1]
            admin = owner.rsplit("/", 1)[0] + "/postgres"
            drop_database(admin, database)


def sqlalchemy_engine(dsn: str):
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    return create_engine(make_url(dsn).set(drivername="postgresql+psycopg2"))


@pytest.mark.slow
def test_the_reader_logs_in_with_a_secret_kept_out_of_the_repository(reader):
    _, dsn, paths = reader
    assert dsn.startswith("postgresql://greenmfg_reader:")
    assert (paths.home / "postgres_reader.dsn").stat().st_mode & 0o077 == 0
    assert psql(
        dsn, "select current_user, rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname = current_user"
    ) == [["greenmfg_reader", "f", "f", "f"]]


@pytest.mark.slow
def test_the_reader_gets_every_analyst_answer_through_psql_and_sqlalchemy(reader):
    from sqlalchemy import text

    _, dsn, _ = reader
    engine = sqlalchemy_engine(dsn)
    try:
        with engine.connect() as con:
            for title, sql, answer in questions():
                assert rows(psql(dsn, sql)) == answer, f"psql: {title}"
                assert rows(con.execute(text(sql)).fetchall()) == answer, f"SQLAlchemy: {title}"
    finally:
        engine.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("statement", WRITES)
def test_the_reader_is_refused_every_write(reader, statement):
    from sqlalchemy import exc, text

    _, dsn, _ = reader
    refused = subprocess.run(
        ["psql", dsn, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", statement], capture_output=True, text=True, timeout=60
    )
    assert refused.returncode != 0
    assert "permission denied" in refused.stderr or "must be owner" in refused.stderr, refused.stderr
    engine = sqlalchemy_engine(dsn)
    try:
        with engine.connect() as con, pytest.raises(exc.ProgrammingError, match="permission denied|must be owner"):
            con.execute(text(statement))
    finally:
        engine.dispose()


def catalog(dsn: str, sql: str) -> set[tuple[str, ...]]:
    return {tuple(row) for row in psql(dsn, sql)}


@pytest.mark.slow
def test_the_marts_carry_primary_keys_foreign_keys_and_the_dbt_descriptions(reader):
    _, dsn, _ = reader
    docs = serving.mart_docs()
    keys = catalog(
        dsn,
        """select c.conrelid::regclass::text, string_agg(a.attname, ',' order by k.i)
                           from pg_constraint c cross join unnest(c.conkey) with ordinality as k(attnum, i)
                           join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                           where c.contype = 'p' and c.connamespace = 'marts'::regnamespace group by 1""",
    )
    assert keys == {(f"marts.{t}", ",".join(d.primary_key)) for t, d in docs.items() if d.primary_key}
    assert {t for t in docs if t.startswith(("dim_", "fct_"))} <= {t.split(".")[1] for t, _ in keys}
    foreign = catalog(
        dsn,
        """select conrelid::regclass::text, confrelid::regclass::text, convalidated::text
                              from pg_constraint where contype = 'f' and connamespace = 'marts'::regnamespace""",
    )
    assert {
        (f"marts.{t}", f"marts.{target}", "true") for t, d in docs.items() for _, target, _ in d.references
    } <= foreign
    assert len(foreign) >= 20
    indexed = catalog(dsn, "select tablename, indexdef from pg_indexes where schemaname = 'marts'")
    assert all(
        any(t == table and f"({column})" in index for table, index in indexed)
        for t, d in docs.items()
        for column, _, _ in d.references
    )
    uncommented = catalog(
        dsn,
        """select c.relname, a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
                                  where c.relnamespace = 'marts'::regnamespace and c.relkind = 'r' and a.attnum > 0
                                    and not a.attisdropped and col_description(c.oid, a.attnum) is null""",
    )
    assert not {(t, c) for t, c in uncommented if t in docs}
    commented_tables = catalog(
        dsn,
        """select relname from pg_class where relnamespace = 'marts'::regnamespace
                                       and relkind = 'r' and obj_description(oid, 'pg_class') is not null""",
    )
    assert set(docs) <= {t for (t,) in commented_tables}


@pytest.mark.slow
def test_column_types_are_equal_in_duckdb_parquet_and_postgres(reader):
    _, dsn, paths = reader
    with duckdb.connect(str(paths.published_db), read_only=True) as con:
        local = con.execute("""select table_name, column_name, data_type from information_schema.columns
                               where table_schema = 'marts' order by all""").fetchall()
        parquet = set()
        for table in {t for t, _, _ in local}:
            relation = con.read_parquet(str(paths.warehouse_dir / "parquet" / "current" / f"{table}.parquet"))
            parquet |= {(table, c, str(ty)) for c, ty in zip(relation.columns, relation.types)}
    assert "HUGEINT" not in {ty for _, _, ty in local}
    assert ("mart_region_designations_by_year", "cumulative_designations", "BIGINT") in local
    assert parquet == set(local)
    remote = catalog(
        dsn,
        """select table_name, column_name, data_type, udt_name from information_schema.columns
                             where table_schema = 'marts'""",
    )
    assert remote == {(t, c, *PG_TYPES[ty]) for t, c, ty in local}


def test_a_table_key_is_the_first_column_tested_unique_and_not_null_else_a_tested_combination():
    tested = {"id": {"not_null"}, "key": {"unique", "not_null"}, "name": {"unique", "not_null"}}
    assert serving.primary_key(tested, []) == ("key",)
    tested = {"province": {"not_null"}, "year": {"not_null"}, "level": set()}
    both = [("unique_combination", {"columns": ["province", "year"]})]
    assert serving.primary_key(tested, both) == ("province", "year")
    nullable = [("unique_combination", {"columns": ["province", "level"]})]
    assert serving.primary_key(tested, nullable) == ()


def test_every_dimension_and_fact_declares_its_key_and_joins_in_the_yaml():
    docs = serving.mart_docs()
    assert all(docs[t].primary_key for t in docs if t.startswith(("dim_", "fct_")))
    assert ("list_id", "dim_list", "list_id") in docs["fct_designations"].references
    assert all(docs[t].description and all(docs[t].columns.values()) for t in docs)


def test_comments_are_quoted_for_postgresql():
    doc = serving.TableDoc(description="It's 绿色", columns={"a": "the 'a'"}, primary_key=("a",))
    sql = serving.catalog_sql("s", {"t": ["a"]}, {"t": doc})
    assert "COMMENT ON TABLE s.\"t\" IS 'It''s 绿色';" in sql
    assert "COMMENT ON COLUMN s.\"t\".\"a\" IS 'the ''a''';" in sql
    assert 'ALTER TABLE s."t" ADD PRIMARY KEY ("a");' in sql


def test_the_swap_grants_the_reader_in_its_own_transaction():
    swap = serving.SWAP
    assert (
        swap.index("BEGIN;")
        < swap.index(f"RENAME TO {serving.MARTS}")
        < swap.index(f"GRANT SELECT ON ALL TABLES IN SCHEMA {serving.MARTS} TO {serving.READER}")
        < swap.index("COMMIT;")
    )


def test_no_reader_password_is_committed():
    tracked = subprocess.run(["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True).stdout.split()
    assert ".env" not in tracked and not any(Path(f).name == "postgres_reader.dsn" for f in tracked)
    assert "GREENMFG_READER_PASSWORD=\n" in (PROJECT_ROOT / ".env.example").read_text()


@pytest.mark.slow
def test_a_join_key_whose_rows_do_not_all_match_still_publishes_as_a_foreign_key_not_validated(
    pipeline_home, postgres_dsn, tmp_path
):
    build = tmp_path / "build.duckdb"
    shutil.copyfile(pipeline_home[0].published_db, build)
    with duckdb.connect(str(build)) as con:
        con.execute("delete from marts.dim_list where list_id = (select min(list_id) from marts.fct_designations)")
    serving.publish_postgres(build, postgres_dsn)
    validated = dict(
        psql(
            postgres_dsn,
            """select conname, convalidated from pg_constraint
                                           where conrelid = 'marts.fct_designations'::regclass and contype = 'f'""",
        )
    )
    assert validated["fct_designations_list_id_fkey"] == "f"
    assert validated["fct_designations_enterprise_key_fkey"] == "t"
