"""Serving: PostgreSQL marts swapped atomically, and Parquet files (the analyst questions run on
both databases in tests/test_analyst_questions.py)."""

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from greenmfg import serving
from tests.conftest import psql

pytestmark = pytest.mark.slow


@pytest.fixture
def build_copy(pipeline_home, tmp_path):
    paths, _ = pipeline_home
    copy = tmp_path / "build.duckdb"
    shutil.copyfile(paths.published_db, copy)
    return copy


def test_every_mart_reaches_postgres(pipeline_home, build_copy, postgres_dsn):
    counts = serving.publish_postgres(build_copy, postgres_dsn)
    with duckdb.connect(str(build_copy), read_only=True) as con:
        for table in serving.mart_tables(con):
            local = con.execute(f'select count(*) from marts."{table}"').fetchone()[0]
            assert psql(postgres_dsn, f'select count(*) from marts."{table}"') == [[str(local)]], table
            assert counts[table] == local


def test_a_publish_killed_before_the_swap_leaves_the_previous_marts(pipeline_home, build_copy, postgres_dsn, tmp_path):
    serving.publish_postgres(build_copy, postgres_dsn)
    before = psql(postgres_dsn, "select count(*) from marts.fct_designations")[0][0]
    changed = tmp_path / "changed.duckdb"
    shutil.copyfile(build_copy, changed)
    with duckdb.connect(str(changed)) as con:
        con.execute("delete from marts.fct_designations where designation_type_code = 'green_park'")
    env = {**os.environ, "GREENMFG_FAULT_PAUSE_BEFORE_PG_SWAP": "120"}
    code = (
        "import sys; from pathlib import Path; from greenmfg.serving import publish_postgres; "
        "publish_postgres(Path(sys.argv[1]), sys.argv[2])"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(changed), postgres_dsn], env=env)
    try:
        deadline = time.monotonic() + 120
        expected = len(serving.mart_tables(duckdb.connect(str(changed), read_only=True)))
        while time.monotonic() < deadline:  # wait until the staging schema is fully loaded
            staged = psql(
                postgres_dsn, "select count(*) from information_schema.tables where table_schema = 'marts_staging'"
            )
            if int(staged[0][0]) == expected:
                break
            assert child.poll() is None, "publisher ended early"
            time.sleep(0.3)
        else:
            pytest.fail("staging schema never filled")
        time.sleep(0.5)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert psql(postgres_dsn, "select count(*) from marts.fct_designations")[0][0] == before
    serving.publish_postgres(changed, postgres_dsn)  # the next publish completes
    after = psql(postgres_dsn, "select count(*) from marts.fct_designations")[0][0]
    parks = psql(postgres_dsn, "select count(*) from marts.fct_designations where designation_type_code = 'green_park'")
    assert int(after) < int(before) and parks == [["0"]]
    assert psql(postgres_dsn, "select count(*) from marts_previous.fct_designations")[0][0] == before


def test_parquet_files_of_every_mart(pipeline_home):
    paths, _ = pipeline_home
    current = paths.warehouse_dir / "parquet" / "current"
    with duckdb.connect(str(paths.published_db), read_only=True) as con:
        tables = serving.mart_tables(con)
        for table in tables:
            n = con.execute(f'select count(*) from marts."{table}"').fetchone()[0]
            assert duckdb.sql(f"select count(*) from '{current / (table + '.parquet')}'").fetchone()[0] == n
    assert len(tables) >= 12


def test_a_publish_killed_midway_keeps_the_published_file(pipeline_home, tmp_path):
    import hashlib

    from greenmfg.settings import Paths

    shutil.copytree(pipeline_home[0].home, tmp_path / "home", symlinks=True)
    paths = Paths(tmp_path / "home")  # a copy: the shared home stays as other tests expect it
    digest = hashlib.sha256(paths.published_db.read_bytes()).hexdigest()
    build = paths.build_db("killed")
    build.parent.mkdir(parents=True)
    shutil.copyfile(paths.published_db, build)
    with duckdb.connect(str(build)) as con:
        con.execute("delete from marts.quarantine")
    env = {**os.environ, "GREENMFG_HOME": str(paths.home), "GREENMFG_FAULT_PAUSE_BEFORE_SWAP": "120"}
    env["GREENMFG_POSTGRES_DSN"] = ""  # no PostgreSQL for this one
    child = subprocess.Popen([sys.executable, "-m", "greenmfg.cli", "publish", "--run-id", "killed"], env=env)
    current = paths.warehouse_dir / "parquet" / "current"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and os.readlink(current) != "killed":
        time.sleep(0.2)  # Parquet is written: the DuckDB swap is next, held by the fault point
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert hashlib.sha256(paths.published_db.read_bytes()).hexdigest() == digest
    assert build.exists()  # the gated build survives; publishing it again completes
    subprocess.run(
        [sys.executable, "-m", "greenmfg.cli", "publish", "--run-id", "killed"],
        env={**env, "GREENMFG_FAULT_PAUSE_BEFORE_SWAP": ""},
        check=True,
        capture_output=True,
    )
    with duckdb.connect(str(paths.published_db), read_only=True) as con:
        assert con.execute("select count(*) from marts.quarantine").fetchone()[0] == 0
