"""The PostgreSQL target is the home's own, paths reach DuckDB as parameters, and a failed build
leaves no file behind (issue 19, item 7)."""

import subprocess

import duckdb
import pytest

from greenmfg import publish, serving, transform
from greenmfg.settings import Paths

QUOTED = "clone's 'home'"


@pytest.fixture
def no_dsn_override(monkeypatch, tmp_path):
    monkeypatch.delenv("GREENMFG_POSTGRES_DSN", raising=False)  # (tests.conftest sets it empty)
    monkeypatch.delenv("GREENMFG_PG_CREDENTIALS", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "user"))


def test_each_home_publishes_to_its_own_postgres_target(tmp_path, monkeypatch, no_dsn_override):
    shared = tmp_path / "user" / ".config" / "greenmfg" / "postgres.dsn"  # the machine's role login
    shared.parent.mkdir(parents=True)
    shared.write_text("postgresql://greenmfg:pw@127.0.0.1:5432/greenmfg\n")
    one, two = Paths(tmp_path / "one"), Paths(tmp_path / "two")
    one.home.mkdir()
    (one.home / "postgres.dsn").write_text("postgresql://greenmfg:pw@127.0.0.1:5432/greenmfg_aaa\n")
    assert serving.postgres_dsn(one) == "postgresql://greenmfg:pw@127.0.0.1:5432/greenmfg_aaa"
    assert serving.postgres_dsn(two) is None  # never the file every clone shares
    monkeypatch.setenv("GREENMFG_HOME", str(two.home))
    assert serving.postgres_dsn() is None
    monkeypatch.setenv("GREENMFG_POSTGRES_DSN", "postgresql://x@db/explicit")
    assert serving.postgres_dsn(one) == serving.postgres_dsn(two) == "postgresql://x@db/explicit"
    monkeypatch.setenv("GREENMFG_POSTGRES_DSN", "")
    assert serving.postgres_dsn(one) is None


def test_the_publish_target_is_part_of_the_gate_fingerprint_of_its_own_home(tmp_path, no_dsn_override):
    from greenmfg import build_inputs

    one, two = Paths(tmp_path / "one"), Paths(tmp_path / "two")
    one.home.mkdir()
    (one.home / "postgres.dsn").write_text("postgresql://greenmfg:pw@127.0.0.1:5432/greenmfg_aaa\n")
    assert build_inputs.gate_fingerprint(one) != build_inputs.gate_fingerprint(two)


def test_postgres_up_writes_the_dsn_into_the_home_not_a_shared_file():
    script = (transform.DBT_PROJECT_DIR.parent / "scripts" / "postgres_up.sh").read_text(encoding="utf-8")
    assert subprocess.run(["bash", "-n", "-c", script]).returncode == 0
    assert '"$home/postgres.dsn"' in script and "greenmfg_$(printf" in script


def small_build(path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute(
            "create table marts.dim_list as select range as list_id, 'list ''' || range || '''' as title from range(3)"
        )
        con.execute("create table marts.fct_designations as select range as designation_id from range(5)")


def test_a_quote_in_the_home_path_publishes_duckdb_and_parquet(tmp_path, monkeypatch):
    monkeypatch.setenv("GREENMFG_POSTGRES_DSN", "")
    paths = Paths(tmp_path / QUOTED)
    small_build(paths.build_db("r1"))
    info = publish.publish(paths, paths.build_db("r1"), "r1")
    assert info["tables"] == {"dim_list": 3, "fct_designations": 5}
    current = paths.warehouse_dir / "parquet" / "current"
    assert sorted(p.name for p in current.iterdir()) == ["dim_list.parquet", "fct_designations.parquet"]
    assert duckdb.execute("select count(*) from read_parquet(?)", [str(current / "dim_list.parquet")]).fetchone() == (
        3,
    )


def test_attach_quotes_the_path(tmp_path):
    from greenmfg.duckdb_ext import literal

    build = Paths(tmp_path / QUOTED).build_db("r1")
    small_build(build)
    with duckdb.connect() as con:
        con.execute(f"ATTACH {literal(str(build))} AS build (READ_ONLY)")
        assert con.execute("select count(*) from build.marts.dim_list").fetchone() == (3,)


def test_a_failed_build_leaves_no_partial_file(tmp_path, monkeypatch):
    paths = Paths(tmp_path / QUOTED)

    def failing_dbt(paths_, build_db, *args):
        with duckdb.connect(str(build_db)) as con:  # dbt got some way before it failed
            con.execute("create table half as select range from range(1000)")
        return subprocess.CompletedProcess(args, 2, stdout="Database Error in model x\n", stderr="")

    monkeypatch.setattr(transform, "dbt", failing_dbt)
    with pytest.raises(transform.TransformFailed, match="exit 2"):
        transform.transform(paths, "r1")
    assert [p.name for p in paths.build_dir.iterdir()] == []
