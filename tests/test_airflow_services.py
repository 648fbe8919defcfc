"""The CI smoke test of the deployment, without Docker: the services of docker-compose.yml
(PostgreSQL metadata, api-server, scheduler with the LocalExecutor, dag-processor, triggerer)
as processes. Both DAGs are driven through the REST API on the offline corpus: the ingest run
hands off to the transform through its asset, the marts are published (DuckDB and the
PostgreSQL warehouse), and a backfill of the transform over past dates is accepted.
The scheduled run takes at most 1.5 times what `greenmfg run` takes on the same data (both
times are printed). Screenshots of the DAG pages go to test-output/screenshots/ (kept as CI
artifacts)."""

import json
import os
import subprocess
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import duckdb
import pytest

from greenmfg.mirror.server import MirrorThread
from greenmfg.settings import PROJECT_ROOT
from scrapers import registry
from tests.airflow_stack import BIN, LocalAirflow
from tests.conftest import psql

pytestmark = [pytest.mark.slow, pytest.mark.needs("antiword", "chromium")]  # Word 97 attachments; screenshots
SCREENSHOTS = PROJECT_ROOT / "test-output" / "screenshots"
INGEST, TRANSFORM = "greenmfg_ingest", "greenmfg_transform"
MAX_RATIO = 1.5  # the scheduled run under the services, against `greenmfg run` on the same data
TRANSFORM_HOUR = (datetime.now(ZoneInfo("Asia/Shanghai")).hour + 12) % 24  # (in China's time, as the cron)


@pytest.fixture
def cli_run_seconds(tmp_path, postgres_databases) -> float:
    """How long `greenmfg run` takes on the same offline corpus, publishing to PostgreSQL too, in a
    home of its own, before the services start."""
    with MirrorThread() as mirror:
        env = {
            **os.environ,
            "GREENMFG_HOME": str(tmp_path / "cli-home"),
            "GREENMFG_MIRROR_URL": mirror.url,
            "GREENMFG_POSTGRES_DSN": postgres_databases(),
        }
        started = time.monotonic()
        run = subprocess.run([str(BIN / "greenmfg"), "run"], env=env, capture_output=True, text=True, timeout=900)
        elapsed = time.monotonic() - started
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return elapsed


@pytest.fixture
def stack(tmp_path, postgres_databases):
    warehouse_dsn = postgres_databases()
    with MirrorThread() as mirror:
        # the ingest runs when the test triggers it, not also for the missed midnight on unpause; the
        # transform's daily trigger is twelve hours away, or unpausing it within a tenth of a day after
        # its trigger time would start the missed one beside the run the test times
        env = {
            "GREENMFG_HOME": str(tmp_path / "home"),
            "GREENMFG_MIRROR_URL": mirror.url,
            "GREENMFG_INGEST_CRON": "none",
            "GREENMFG_TRANSFORM_CRON": f"0 {TRANSFORM_HOUR} * * *",
            "GREENMFG_POSTGRES_DSN": warehouse_dsn,
        }
        with LocalAirflow(tmp_path, postgres_databases(), env) as airflow:
            yield airflow, mirror, warehouse_dsn


def test_the_services_run_both_dags_on_the_offline_corpus(cli_run_seconds, stack, tmp_path):
    airflow, mirror, warehouse_dsn = stack
    for dag_id in (INGEST, TRANSFORM):
        airflow.wait_for_dag(dag_id)
        airflow.api("PATCH", f"/dags/{dag_id}", json={"is_paused": False})

    started = time.time()  # the same clock as the runs' end dates (this machine's)
    triggered = airflow.api("POST", f"/dags/{INGEST}/dagRuns", json={"logical_date": None, "note": "CI smoke test"})
    ingest = airflow.wait_for_run(INGEST, lambda r: r["dag_run_id"] == triggered["dag_run_id"], timeout=900)
    assert ingest["state"] == "success", airflow.task_states(INGEST, ingest["dag_run_id"])
    states = airflow.task_states(INGEST, ingest["dag_run_id"])
    assert sum(1 for t in states if t.startswith("scrape[")) == len(registry()) and set(states.values()) == {"success"}

    # the ingest run's asset event starts the transform
    transform = airflow.wait_for_run(TRANSFORM, lambda r: r["run_type"] == "asset_triggered", timeout=1500)
    elapsed = _timestamp(transform["end_date"]) - started  # as the run ended, not as the test next looked
    assert transform["state"] == "success", _failed(airflow, transform)
    ratio = elapsed / cli_run_seconds
    timing = {
        "full_run_seconds": round(elapsed),
        "ingest_dag_seconds": round(run_seconds(ingest)),
        "transform_dag_seconds": round(run_seconds(transform)),
        "greenmfg_run_seconds": round(cli_run_seconds),
        "ratio": round(ratio, 2),
    }
    (tmp_path / "timing.json").write_text(json.dumps(timing))
    print(
        f"full scheduled run under the services: {elapsed:.0f}s (ingest {timing['ingest_dag_seconds']}s, "
        f"transform {timing['transform_dag_seconds']}s); greenmfg run on the same data: {cli_run_seconds:.0f}s; "
        f"ratio {ratio:.2f} (at most {MAX_RATIO})"
    )
    for dag_id, run in ((INGEST, ingest), (TRANSFORM, transform)):
        seconds = airflow.task_seconds(dag_id, run["dag_run_id"])
        print(
            f"  {dag_id}: {len(seconds)} tasks, {sum(seconds.values()):.0f}s in all; longest: "
            + ", ".join(f"{task} {s:.1f}s" for task, s in list(seconds.items())[:6])
        )
    steps = airflow.timeline(TRANSFORM, transform)
    models = [(start, end) for task, start, end in steps if task.startswith("dbt.") and task != "dbt.build"]
    print(
        "  transform timeline: "
        + ", ".join(
            f"{task} {start:.0f}-{end:.0f}s"
            for task, start, end in steps
            if not task.startswith("dbt.") or task == "dbt.build"
        )
        + (
            f"; the {len(models)} model tasks {min(s for s, _ in models):.0f}-{max(e for _, e in models):.0f}s"
            if models
            else ""
        )
    )

    home = tmp_path / "home"
    with duckdb.connect(str(home / "warehouse" / "greenmfg.duckdb"), read_only=True) as con:
        miit = con.execute("""select count(distinct l.list_id), count(*) from marts.fct_designations f
                              join marts.dim_list l using (list_id) where l.source_id = 'miit'""").fetchone()
        designations = con.execute("select count(*) from marts.fct_designations").fetchone()[0]
    assert miit == (18, 3422)
    assert psql(warehouse_dsn, "select count(*) from marts.fct_designations") == [[str(designations)]]
    report_log = airflow.task_log(TRANSFORM, transform["dag_run_id"], "report")
    assert "| miit | 5 | 5 | 0 |" in report_log and "Gate: passed" in report_log
    states = airflow.task_states(TRANSFORM, transform["dag_run_id"])
    assert states["dbt.build"] == "success" and states["dbt.fct_designations"] == "success"  # a task per model

    # past dates can be backfilled: the transform's schedule has a periodic part (and it has no
    # task that fetches: tests/test_dag_import.py)
    planned = subprocess.run(
        [
            str(BIN / "airflow"),
            "backfill",
            "create",
            "--dag-id",
            TRANSFORM,
            "--from-date",
            "2026-11-01",
            "--to-date",
            "2026-11-03",
            "--max-active-runs",
            "1",
            "--dry-run",
        ],
        env=airflow.env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert planned.returncode == 0, planned.stdout[-2000:] + planned.stderr[-2000:]
    hour_utc = (TRANSFORM_HOUR - 8) % 24  # China is UTC+8
    assert planned.stdout.count(f"{hour_utc:02d}:00:00+00:00 |") == 2, planned.stdout[-2000:]  # once a day

    screenshots(airflow, ingest["dag_run_id"], transform["dag_run_id"], tmp_path)
    assert ratio <= MAX_RATIO, f"the scheduled run took {ratio:.2f} times as long as greenmfg run"


def run_seconds(run: dict) -> float:
    return _timestamp(run["end_date"]) - _timestamp(run["start_date"])


def _timestamp(date: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(date).timestamp()


def _failed(airflow, run) -> str:
    states = airflow.task_states(run["dag_id"], run["dag_run_id"])
    return f"{ {t: s for t, s in states.items() if s != 'success'} }\n{airflow.tail()}"


def screenshots(airflow, ingest_run: str, transform_run: str, tmp_path) -> None:
    """What a user sees in the Airflow UI, rendered by headless Chromium: the grid of each DAG
    (the dbt group open: a row per model) and the transform run's graph."""
    from urllib.parse import quote

    from tests.browser import Browser

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("airflow-*.png"):
        old.unlink()
    with Browser(tmp_path / "chromium") as browser:
        browser.open(f"{airflow.url}/dags/{TRANSFORM}", "prepare_build")
        browser.evaluate(f"localStorage.setItem('{TRANSFORM}/open-groups', JSON.stringify(['dbt']))")
        pages = [
            (f"/dags/{INGEST}/runs/{quote(ingest_run, safe='')}", "check_sources", "grid", "airflow-ingest-grid.png"),
            (f"/dags/{TRANSFORM}", "stg_lake__sources", "grid", "airflow-transform-grid.png"),
            (
                f"/dags/{TRANSFORM}/runs/{quote(transform_run, safe='')}",
                "fct_designations",
                "graph",
                "airflow-transform-run-graph.png",
            ),
        ]
        for path, shows, view, name in pages:
            browser.evaluate(f"localStorage.setItem('default_dag_view', JSON.stringify('{view}'))")
            browser.open(airflow.url + path, shows)
            data = browser.screenshot(SCREENSHOTS / name)
            assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000, name  # a rendered page, not a blank one
