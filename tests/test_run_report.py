"""The run report of a DAG run, and the failure callback that records a failed task and
posts it to the webhook connection."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from types import SimpleNamespace

import pytest

from greenmfg import run_report
from greenmfg.settings import Paths


def write(paths: Paths, relative: str, body: dict) -> None:
    target = paths.runs_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(body), encoding="utf-8")


@pytest.fixture
def transform_run(tmp_path) -> Paths:
    """An ingest run (two sources, one broken) and the transform run that loaded it."""
    paths = Paths(tmp_path)
    write(paths, "ingest1/scrape/miit.json", {"source_id": "miit", "items_seen": 5, "articles": 2, "failed": 0})
    write(paths, "ingest1/scrape/zj_jxt.json", {"source_id": "zj_jxt", "error": "SourceBroken: list matched nothing"})
    write(paths, "t1/load.json", {"scrape_runs": ["ingest1"], "per_source": {"miit": {"quarantined": 1}}})
    write(paths, "t1/extract.json", {"per_source": {"miit": {"rows": 120, "quarantined": 2}}})
    return paths


def test_the_report_joins_the_ingest_runs_the_transform_loaded(transform_run):
    write(transform_run, "t1/validate.json", {"success": True, "tables": {"marts.dim_list": True}, "failures": []})
    write(
        transform_run,
        "t1/publish.json",
        {"published_at": "2026-11-23T06:00:00+00:00", "tables": {"fct_designations": 120, "dim_announcement": 2}},
    )
    report = run_report.build(transform_run, "t1")
    assert report["ingest_runs"] == ["ingest1"]
    assert report["sources"]["miit"] == {"items_seen": 5, "new": 2, "failed": 0, "quarantined": 3, "rows": 120}
    assert report["failed_sources"] == ["zj_jxt"]
    text = run_report.to_markdown(report)
    assert "| miit | 5 | 2 | 0 | 3 | 120 |" in text
    assert "SourceBroken" in text and "Gate: passed (1/1 suites)" in text
    assert "120 designations, 2 notices" in text
    target = run_report.write(transform_run, "t1", report)
    assert target.read_text(encoding="utf-8") == text
    assert json.loads((target.parent / "report.json").read_text())["sources"]["miit"]["rows"] == 120


def test_a_failed_gate_and_task_say_nothing_was_published(transform_run):
    write(
        transform_run,
        "t1/validate.json",
        {
            "success": False,
            "tables": {"marts.dim_list": False},
            "failures": [
                {
                    "table": "marts.dim_list",
                    "expectation": "expect_column_values_to_not_be_null",
                    "column": "issuer",
                    "unexpected_count": 3,
                }
            ],
        },
    )
    run_report.record_task_failure(transform_run, "t1", "validate", "GateFailed: gate FAILED")
    text = run_report.to_markdown(run_report.build(transform_run, "t1"))
    assert "Gate: FAILED (0/1 suites)" in text
    assert "marts.dim_list: expect_column_values_to_not_be_null(issuer) unexpected=3" in text
    assert "Nothing published" in text and "task validate failed: GateFailed" in text


class Hook(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        Hook.received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook(monkeypatch):
    server = HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Hook.received = []
    monkeypatch.setenv(
        "AIRFLOW_CONN_GREENMFG_WEBHOOK",
        json.dumps({"conn_type": "http", "host": f"http://127.0.0.1:{server.server_address[1]}/hook"}),
    )
    yield Hook.received
    server.shutdown()


def failure_context(run_id: str = "manual__2026-11-23T06:00:00+00:00"):
    return {
        "ti": SimpleNamespace(task_id="scrape", map_index=3),
        "exception": RuntimeError("HTTP 503 from the list"),
        "dag": SimpleNamespace(dag_id="greenmfg_ingest"),
        "run_id": run_id,
    }


def test_a_failed_task_is_recorded_and_posted_to_the_webhook(tmp_path, monkeypatch, webhook):
    from greenmfg.orchestration.callbacks import on_task_failure

    monkeypatch.setenv("GREENMFG_HOME", str(tmp_path))
    on_task_failure(failure_context())
    assert len(webhook) == 1
    assert webhook[0]["task"] == "scrape.3" and "HTTP 503" in webhook[0]["text"]
    report = run_report.build(Paths(tmp_path), "manual__2026-11-23T06_00_00_00_00")
    assert report["task_failures"][0]["task"] == "scrape.3"
    assert "RuntimeError: HTTP 503" in report["task_failures"][0]["error"]


def test_without_a_webhook_connection_the_failure_is_still_recorded(tmp_path, monkeypatch):
    from greenmfg.orchestration.callbacks import on_task_failure, post_webhook

    monkeypatch.delenv("AIRFLOW_CONN_GREENMFG_WEBHOOK", raising=False)
    monkeypatch.setenv("GREENMFG_HOME", str(tmp_path))
    assert post_webhook({"text": "x"}) is False  # no connection: no exception either
    on_task_failure(failure_context("r1"))
    assert (tmp_path / "runs" / "r1" / "failures" / "scrape.3.json").exists()


def test_a_model_task_failed_in_the_triggerer_is_recorded_with_its_verdict(tmp_path, monkeypatch):
    from greenmfg.orchestration import dbt_results
    from greenmfg.orchestration.callbacks import on_task_failure

    monkeypatch.delenv("AIRFLOW_CONN_GREENMFG_WEBHOOK", raising=False)
    monkeypatch.setenv("GREENMFG_HOME", str(tmp_path))
    dbt_results.write(
        Paths(tmp_path), "r2", {"model.p.b": {"status": "error", "message": "Catalog Error", "seconds": 0}}
    )
    on_task_failure(
        {
            "ti": SimpleNamespace(task_id="dbt.b", map_index=-1),
            "exception": None,
            "run_id": "r2",
            "task": SimpleNamespace(node="b", reports=["model.p.b"]),
            "dag": SimpleNamespace(dag_id="t"),
        }
    )
    report = run_report.build(Paths(tmp_path), "r2")
    assert report["task_failures"][0]["error"] == "b: 1 of 1 failed: b error: Catalog Error"
