"""A real Airflow run of the DAG (`airflow dags test`, SQLite metadata) on the offline corpus."""

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

pytestmark = pytest.mark.slow
AIRFLOW = str(Path(sys.executable).with_name("airflow"))


def test_full_dag_run_publishes_the_warehouse(tmp_path):
    env = {
        **os.environ,
        "GREENMFG_HOME": str(tmp_path / "home"),
        "AIRFLOW_HOME": str(tmp_path / "airflow"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    }
    subprocess.run([AIRFLOW, "db", "migrate"], env=env, check=True, capture_output=True, timeout=600)
    with MirrorThread() as mirror:
        env["GREENMFG_MIRROR_URL"] = mirror.url
        run = subprocess.run([AIRFLOW, "dags", "test", "greenmfg_pipeline"], env=env,
                             capture_output=True, text=True, timeout=900)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-3000:]
    assert re.search(r"DagRun Finished: .*state=success", output), output[-3000:]
    ended = re.findall(r"\[DAG TEST\] end task task_id=(\w+)", output)
    assert [t for t in ended if t != "scrape"] == ["list_sources", "load", "transform", "validate", "publish"]
    assert ended.count("scrape") == 17  # one mapped task per registered source
    home = tmp_path / "home"
    info = json.loads((home / "warehouse" / "published.json").read_text())
    assert info["run_id"].startswith("manual__")
    with duckdb.connect(str(home / "warehouse" / "greenmfg.duckdb"), read_only=True) as con:
        miit = con.execute("""select count(distinct l.list_id), count(*) from marts.fct_designations f
                              join marts.dim_list l using (list_id) where l.source_id = 'miit'""").fetchone()
        sources = con.execute("select count(distinct source_id) from marts.dim_announcement").fetchone()[0]
    assert miit == (18, 3422)
    assert sources == 17
    reports = sorted(p.name for p in (home / "runs" / info["run_id"]).iterdir())
    assert reports == ["load.json", "publish.json", "scrape", "transform.json", "validate.json"]
    assert len(list((home / "runs" / info["run_id"] / "scrape").glob("*.json"))) == 17
