"""A real Airflow run of both DAGs (`airflow dags test`, SQLite metadata) on the offline corpus:
greenmfg_ingest lands the sources, greenmfg_transform builds, gates and publishes them."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from greenmfg.mirror.server import MirrorThread
from greenmfg.settings import PROJECT_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.needs("antiword")]  # the corpus's Word 97 attachments
BIN = Path(sys.executable).parent


def dags_test(dag_id: str, env: dict) -> str:
    run = subprocess.run(
        [str(BIN / "airflow"), "dags", "test", dag_id], env=env, capture_output=True, text=True, timeout=900
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-3000:]
    assert re.search(r"DagRun Finished: .*state=success", output), output[-3000:]
    return output


def test_ingest_then_transform_publish_the_warehouse(tmp_path):
    home = tmp_path / "home"
    env = {
        **os.environ,
        "GREENMFG_HOME": str(home),
        "AIRFLOW_HOME": str(tmp_path / "airflow"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "PATH": f"{BIN}:{os.environ['PATH']}",
    }
    subprocess.run(["bash", "scripts/airflow_setup.sh"], env=env, cwd=PROJECT_ROOT, check=True, timeout=600)
    with MirrorThread() as mirror:
        env["GREENMFG_MIRROR_URL"] = mirror.url
        ingest = dags_test("greenmfg_ingest", env)
        transform = dags_test("greenmfg_transform", env)
    ended = re.findall(r"\[DAG TEST\] end task task_id=([\w.]+)", ingest)
    assert ended.count("scrape") == 47  # one mapped task per registered source
    assert [t for t in ended if t != "scrape"] == ["list_sources", "hand_off", "check_sources"]
    ended = re.findall(r"\[DAG TEST\] end task task_id=([\w.]+)", transform)
    assert ended[:2] == ["load", "extract"] and ended.index("freshness") < ended.index("publish")
    assert (
        ended.index("prepare_build") < ended.index("dbt.build") < ended.index("dbt.fct_designations")
    )  # one dbt build, then a task per model
    order = ended.index  # the model tasks give their verdicts beside finalize_build and what follows it
    assert order("dbt.build") < order("finalize_build") < min(order("validate"), order("docs"))  # docs beside the gate
    assert order("validate") < order("publish") < order("report") and order("docs") < order("report")
    models = [t for t in ended if t.startswith("dbt.") and t != "dbt.build"]
    assert len(models) > 30 and models.index("dbt.fct_designations") < models.index("dbt.mart_enterprise_designations")

    info = json.loads((home / "warehouse" / "published.json").read_text())
    with duckdb.connect(str(home / "warehouse" / "greenmfg.duckdb"), read_only=True) as con:
        miit = con.execute("""select count(distinct l.list_id), count(*) from marts.fct_designations f
                              join marts.dim_list l using (list_id) where l.source_id = 'miit'""").fetchone()
        sources = con.execute("select count(distinct source_id) from marts.dim_announcement").fetchone()[0]
    assert miit == (18, 3422)
    assert sources == 47

    run_dir = home / "runs" / info["run_id"]
    assert sorted(p.name for p in run_dir.iterdir()) == [
        "dbt_results.json",
        "docs.json",
        "extract.json",
        "freshness.json",
        "load.json",
        "prepare_build.json",
        "publish.json",
        "report.json",
        "report.md",
        "transform.json",
        "validate.json",
    ]
    report = json.loads((run_dir / "report.json").read_text())
    assert len(report["ingest_runs"]) == 1  # found through the manifests this run loaded
    assert len(report["sources"]) == 47 and report["failed_sources"] == []
    assert report["sources"]["miit"]["new"] == 5 and report["sources"]["miit"]["rows"] > 3000
    assert report["gate"]["success"] and report["published"]["rows"]["fct_designations"] > 3400
    assert "| miit | 5 | 5 | 0 |" in transform  # the report is in the report task's log
