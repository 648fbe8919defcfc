"""One run at a time per GREENMFG_HOME, and state files that are whole or absent (issue 19, item 4)."""

import json
import os
import re
import subprocess
import sys
import time

import pytest

from greenmfg import pipeline, run_lock
from greenmfg.http_client import PoliteSession
from greenmfg.mirror.server import MirrorThread
from greenmfg.settings import PROJECT_ROOT, Paths
from tests.conftest import mart_snapshot

HOLD = """
import sys, time
from pathlib import Path
from greenmfg import run_lock
from greenmfg.settings import Paths
with run_lock.hold(Paths(Path(sys.argv[1])), "test holder", shared=sys.argv[2] == "shared", scope=sys.argv[4] or None):
    print("held", flush=True)
    time.sleep(float(sys.argv[3]))
"""


def hold_elsewhere(home, seconds: float, shared: bool = False, scope: str = "") -> subprocess.Popen:
    """Another process holding the run lock of `home` for `seconds`."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(home), "shared" if shared else "exclusive", str(seconds), scope],
        stdout=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
    )
    assert child.stdout.readline().strip() == "held"
    return child


def test_a_stage_waits_for_the_run_in_progress_or_gives_up_naming_it(tmp_path):
    paths = Paths(tmp_path)
    child = hold_elsewhere(tmp_path, 2)
    try:
        with pytest.raises(run_lock.RunInProgress, match=rf"^a run is in progress \(pid {child.pid}, started at "):
            with run_lock.hold(paths, wait=0.3):
                pass
        started = time.monotonic()
        with run_lock.hold(paths, wait=30):  # as a DAG stage does
            assert time.monotonic() - started > 0.5
            assert [h["pid"] for h in run_lock.holders(paths)] == [os.getpid()]
    finally:
        child.wait(timeout=30)
    assert run_lock.holders(paths) == []


def test_scrapes_share_the_lock_but_a_run_does_not(tmp_path):
    paths = Paths(tmp_path)
    child = hold_elsewhere(tmp_path, 2, shared=True)
    try:
        with run_lock.hold(paths, "scrape_source", shared=True):  # the ingest DAG's scrapes, side by side
            pass
        with pytest.raises(run_lock.RunInProgress):
            with run_lock.hold(paths, "run"):
                pass
    finally:
        child.wait(timeout=30)


def test_the_tasks_of_one_dag_run_share_the_lock_but_not_with_another_run(tmp_path):
    paths = Paths(tmp_path)
    child = hold_elsewhere(tmp_path, 2, shared=True, scope="run_a")
    try:
        with run_lock.hold(paths, "validate", shared=True, scope="run_a"):  # the gate beside the docs
            pass
        with pytest.raises(run_lock.RunInProgress):
            with run_lock.hold(paths, "validate", shared=True, scope="run_b"):  # a backfill's other run
                pass
        assert [h["scope"] for h in run_lock.holders(paths)] == ["run_a"]  # the one refused left no trace
        with run_lock.hold(paths, "validate", shared=True, scope="run_b", wait=30):  # it waits its turn
            pass
    finally:
        child.wait(timeout=30)


def test_the_lock_is_reentrant_within_a_process(tmp_path):
    paths = Paths(tmp_path)
    with run_lock.hold(paths, "run"):
        with run_lock.hold(paths, "load"):
            pass
        assert run_lock.holders(paths)  # still held by the outer one
    assert run_lock.holders(paths) == []


def greenmfg(home, *args: str, **env) -> subprocess.Popen:
    environment = {**os.environ, "GREENMFG_HOME": str(home), **env}
    return subprocess.Popen(
        [sys.executable, "-m", "greenmfg.cli", *args],
        env=environment,
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


@pytest.mark.slow
def test_two_runs_at_once_the_second_refuses_in_one_line_and_the_first_publishes(tmp_path):
    """Also a home whose path holds a quote: paths reach DuckDB as parameters (item 7)."""
    from greenmfg import crash_points

    home = tmp_path / "clone's home"
    paths = Paths(home)
    with MirrorThread() as mirror:
        first = greenmfg(
            home,
            "run",
            "--source",
            "zj_jxt",
            "--run-id",
            "first",
            GREENMFG_MIRROR_URL=mirror.url,
            GREENMFG_FAULT_PAUSE_IN_LOAD="4",
        )
        deadline = time.monotonic() + 300
        while not crash_points.marker(home, "GREENMFG_FAULT_PAUSE_IN_LOAD").exists():
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        second = greenmfg(home, "run", "--source", "zj_jxt", "--run-id", "second", GREENMFG_MIRROR_URL=mirror.url)
        out, err = second.communicate(timeout=120)
        assert second.returncode == 1
        assert re.fullmatch(rf"a run is in progress \(pid {first.pid}, started at [0-9T:+-]+\)\n", err), err
        out, err = first.communicate(timeout=900)
        assert first.returncode == 0, err[-3000:]
    assert not (paths.runs_dir / "second").exists()
    assert not list(paths.raw_dir.glob("manifests/*/run=second*"))
    published = json.loads((paths.warehouse_dir / "published.json").read_text(encoding="utf-8"))
    assert published["run_id"] == "first" and published["tables"]["fct_designations"] > 0
    assert sorted(p.name for p in (paths.warehouse_dir / "parquet" / "current").iterdir()) == sorted(
        f"{t}.parquet" for t in published["tables"]
    )
    assert mart_snapshot(paths.published_db)["dim_list"]
    assert run_lock.holders(paths) == []


def test_a_truncated_robots_cache_is_discarded_and_fetched_again(tmp_path):
    cached = tmp_path / "jxt.zj.gov.cn.json"
    cached.write_text('{"fetched_at": 17000000', encoding="utf-8")  # a write cut short
    with MirrorThread() as mirror:
        session = PoliteSession(mirror_url=mirror.url, per_second=0, robots_dir=tmp_path)
        assert not session.allowed("http://jxt.zj.gov.cn/search/index.html")  # robots.txt read again
        assert session.allowed("http://jxt.zj.gov.cn/col/col1582899/index.html")
        assert [p for _, p in mirror.requests] == ["/robots.txt"]
    data = json.loads(cached.read_text(encoding="utf-8"))
    assert data["status"] == 200 and "Disallow" in data["text"]
    assert [p.name for p in tmp_path.iterdir()] == [cached.name]  # no temporary file left


@pytest.mark.parametrize("broken", ['{"fetched_at": "soon", "status": 200, "text": ""}', "[]", "", "\x00\x01"])
def test_a_robots_cache_of_any_other_shape_is_discarded_too(tmp_path, broken):
    (tmp_path / "jxt.zj.gov.cn.json").write_text(broken, encoding="utf-8")
    with MirrorThread() as mirror:
        session = PoliteSession(mirror_url=mirror.url, per_second=0, robots_dir=tmp_path)
        assert not session.allowed("http://jxt.zj.gov.cn/search/index.html")
        assert [p for _, p in mirror.requests] == ["/robots.txt"]


def test_a_run_report_written_halfway_keeps_the_previous_one(tmp_path):
    """A state file is replaced whole: a write that fails midway (here, text that cannot be
    encoded) leaves the previous file as it was, and no temporary file."""
    paths = Paths(tmp_path)
    pipeline._record(paths, "r1", "scrape/zj_jxt", {"source_id": "zj_jxt", "requests": 3})
    target = paths.runs_dir / "r1" / "scrape" / "zj_jxt.json"
    before = target.read_bytes()
    with pytest.raises(UnicodeEncodeError):
        pipeline._record(paths, "r1", "scrape/zj_jxt", {"source_id": "zj_jxt", "error": "bad \ud800 text"})
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir()] == ["zj_jxt.json"]


def test_the_run_report_and_publish_metadata_are_replaced_whole(tmp_path):
    from greenmfg import publish, run_report

    paths = Paths(tmp_path)
    run_report.record_task_failure(paths, "r1", "load", "first")
    with pytest.raises(UnicodeEncodeError):
        run_report.record_task_failure(paths, "r1", "load", "bad \ud800")
    assert (
        json.loads((paths.runs_dir / "r1" / "failures" / "load.json").read_text(encoding="utf-8"))["error"] == "first"
    )
    assert [p.name for p in (paths.runs_dir / "r1" / "failures").iterdir()] == ["load.json"]
    paths.warehouse_dir.mkdir(parents=True)
    publish._write_json(paths.warehouse_dir / "published.json", {"run_id": "r1"})
    with pytest.raises(UnicodeEncodeError):
        publish._write_json(paths.warehouse_dir / "published.json", {"run_id": "bad \ud800"})
    assert json.loads((paths.warehouse_dir / "published.json").read_text(encoding="utf-8")) == {"run_id": "r1"}
    assert sorted(p.name for p in paths.warehouse_dir.iterdir()) == ["published.json"]
