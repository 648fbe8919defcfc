"""A DuckDB writer waits for a reader in another process to let go of the file (DuckDB refuses it
meanwhile): the docs' dbt reading the lake must not fail a load."""

import subprocess
import sys
import time

import duckdb
import pytest

from greenmfg import db

HOLD = """
import duckdb, sys, time
con = duckdb.connect(":memory:")
con.execute(f"attach '{sys.argv[1]}' as lake (read_only)")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
"""


def reader_holding(path, seconds: float) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "holding"
    return process


def test_a_writer_waits_for_a_reader_in_another_process(tmp_path, monkeypatch):
    lake = tmp_path / "raw.duckdb"
    duckdb.connect(str(lake)).execute("create table t as select 1 as x").close()
    monkeypatch.setenv("GREENMFG_WRITER_WAIT", "30")
    reader = reader_holding(lake, 1.5)
    started = time.monotonic()
    with db.writer(lake) as con:
        con.execute("insert into t values (2)")
    assert time.monotonic() - started >= 0.5 and reader.wait(timeout=30) == 0
    with db.reader(lake) as con:
        assert con.execute("select count(*) from t").fetchone() == (2,)


def test_past_its_wait_the_writer_says_what_holds_the_file(tmp_path, monkeypatch):
    lake = tmp_path / "raw.duckdb"
    duckdb.connect(str(lake)).close()
    monkeypatch.setenv("GREENMFG_WRITER_WAIT", "0")
    reader = reader_holding(lake, 5)
    try:
        with pytest.raises(duckdb.IOException, match="lock"), db.writer(lake):
            pass
    finally:
        reader.kill()
        reader.wait()
