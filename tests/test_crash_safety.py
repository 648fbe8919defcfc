"""kill -9 during fetch, load and dbt: the published warehouse stays as it was, the next
run completes, and its marts equal a clean run's. (Publish: tests/test_serving.py.)"""

import hashlib
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from greenmfg import crash_points, pipeline
from greenmfg.mirror.server import MirrorThread
from greenmfg.settings import Paths
from tests.conftest import mart_snapshot

pytestmark = pytest.mark.slow


def start_run(paths: Paths, mirror_url: str, run_id: str, *args: str, **env) -> subprocess.Popen:
    """`greenmfg run` in its own process group (dbt's subprocess included), as a worker runs it."""
    environment = {**os.environ, "GREENMFG_HOME": str(paths.home), "GREENMFG_MIRROR_URL": mirror_url, **env}
    log = open(paths.home.parent / f"{run_id}.log", "w")
    return subprocess.Popen(
        [sys.executable, "-m", "greenmfg.cli", "run", "--run-id", run_id, *args],
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def kill_when(child: subprocess.Popen, reached, what: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not reached():
        assert child.poll() is None, f"the run ended (exit {child.returncode}) before {what}"
        assert time.monotonic() < deadline, f"the run never got to {what}"
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=30)


def half_written_manifest_lines(paths: Paths) -> int:
    return sum(len(p.read_bytes().splitlines()) for p in paths.raw_dir.glob("manifests/*/*/manifest.jsonl.part"))


def build_bytes(paths: Paths, run_id: str) -> int:
    return sum(p.stat().st_size for p in paths.build_db(run_id).parent.glob("*.duckdb*"))


def test_kill_9_at_each_stage_then_the_next_run_publishes_a_clean_runs_marts(pipeline_home, tmp_path):
    paths = Paths(tmp_path / "home")
    paths.home.mkdir()
    with MirrorThread() as mirror:
        child = start_run(paths, mirror.url, "killed-fetch")
        kill_when(child, lambda: half_written_manifest_lines(paths) >= 3, "fetching")
        assert not paths.lake_db.exists() and not paths.published_db.exists()

        child = start_run(paths, mirror.url, "killed-load", GREENMFG_FAULT_PAUSE_IN_LOAD="300")
        kill_when(child, crash_points.marker(paths.home, "GREENMFG_FAULT_PAUSE_IN_LOAD").exists, "loading")
        with duckdb.connect(str(paths.lake_db), read_only=True) as lake:  # the killed transaction left nothing
            assert lake.execute("select count(*) from loaded_manifests").fetchone()[0] == 0
            assert lake.execute("select count(*) from list_rows").fetchone()[0] == 0
        assert not paths.published_db.exists()

        child = start_run(paths, mirror.url, "killed-dbt")
        kill_when(child, lambda: build_bytes(paths, "killed-dbt") > 1_000_000, "dbt building")
        assert not paths.published_db.exists()

        os.environ["GREENMFG_MIRROR_URL"] = mirror.url
        try:
            pipeline.run(paths, "after-the-crashes")
        finally:
            del os.environ["GREENMFG_MIRROR_URL"]
        clean = mart_snapshot(pipeline_home[0].published_db)
        assert mart_snapshot(paths.published_db) == clean

        published = hashlib.sha256(paths.published_db.read_bytes()).hexdigest()
        child = start_run(paths, mirror.url, "killed-dbt-again", "--rebuild")  # now over a published warehouse
        kill_when(child, lambda: build_bytes(paths, "killed-dbt-again") > 1_000_000, "dbt building")
    assert hashlib.sha256(paths.published_db.read_bytes()).hexdigest() == published
    assert mart_snapshot(paths.published_db) == clean


def test_a_new_build_clears_what_killed_and_failed_runs_left(tmp_path):
    from greenmfg.transform import KEEP_FAILED, prune_builds

    paths = Paths(tmp_path)
    (paths.build_dir / "failed").mkdir(parents=True)
    killed = paths.build_db("killed")
    killed.parent.mkdir()
    stale = [killed, killed.with_name(killed.name + ".wal"), paths.build_dir / "old-layout.duckdb"]
    failed = [paths.build_dir / "failed" / f"run{i}.duckdb" for i in range(KEEP_FAILED + 2)]
    for number, path in enumerate(stale + failed):
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 + number, 1_000_000 + number))
    removed = prune_builds(paths)
    assert set(removed) == set(stale + failed[:2])  # the two oldest failed builds go
    assert sorted(p.name for p in (paths.build_dir / "failed").iterdir()) == [f.name for f in failed[2:]]
    assert sorted(p.name for p in paths.build_dir.iterdir()) == ["failed"]  # the killed run's folder too
    killed.parent.mkdir()
    spilled = killed.with_name(killed.name + ".tmp") / "duckdb_temp_storage-0.tmp"  # DuckDB's spill folder
    spilled.parent.mkdir()
    spilled.write_bytes(b"x")
    prune_builds(paths)
    assert sorted(p.name for p in paths.build_dir.iterdir()) == ["failed"]  # spilled data goes with its run
