"""Every DAG file imports without error, and the DAGs have the shape operations rely on.
Parsing runs no process: the DAG folder is parsed with every way of starting one forbidden."""

import os
import subprocess
from pathlib import Path

import pytest

DAGS = Path(__file__).resolve().parent.parent / "dags"


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A GREENMFG_HOME set up as scripts/airflow_setup.sh leaves it: dbt's manifest rendered."""
    from greenmfg import transform
    from greenmfg.settings import Paths

    home = tmp_path_factory.mktemp("home")
    transform.manifest(Paths(home).dbt_work_dir / "manifest")
    return home


def parse_without_processes(monkeypatch, home):
    """A DagBag of the DAG folder, parsed where starting a process raises."""
    from airflow.dag_processing.dagbag import DagBag

    def forbidden(*args, **kwargs):
        raise AssertionError(f"a process was started while parsing the DAGs: {args[:1]}")

    monkeypatch.setenv("GREENMFG_HOME", str(home))
    monkeypatch.setattr(subprocess.Popen, "__init__", forbidden)
    for name in ("fork", "forkpty", "posix_spawn", "posix_spawnp", "system", "popen", "execv", "execve", "execvp"):
        monkeypatch.setattr(os, name, forbidden, raising=False)
    return DagBag(dag_folder=str(DAGS))


@pytest.fixture(scope="module")
def bag(home):
    with pytest.MonkeyPatch.context() as monkeypatch:
        return parse_without_processes(monkeypatch, home)


def test_parsing_the_dag_folder_starts_no_process(home, monkeypatch):
    from greenmfg import transform

    monkeypatch.setattr(transform, "manifest", lambda *a: pytest.fail("the DAG rendered dbt's manifest"))
    bag = parse_without_processes(monkeypatch, home)
    assert bag.import_errors == {}
    assert len(bag.dags["greenmfg_transform"].task_ids) > 30


def test_without_the_manifest_of_set_up_the_transform_dag_says_how_to_make_it(tmp_path, monkeypatch):
    bag = parse_without_processes(monkeypatch, tmp_path)
    assert set(bag.dags) == {"greenmfg_ingest"}
    error = bag.import_errors[str(DAGS / "greenmfg_transform.py")].strip().splitlines()[-1]
    assert error == (
        f"greenmfg.orchestration.dbt_group.ManifestMissing: no dbt manifest at "
        f"{tmp_path / 'dbt' / 'manifest' / 'manifest.json'}: run scripts/airflow_setup.sh "
        f"(or `greenmfg dbt-manifest`)"
    )


def test_dags_import_without_errors(bag):
    assert bag.import_errors == {}
    assert set(bag.dags) == {"greenmfg_ingest", "greenmfg_transform"}


def test_every_dag_is_documented_single_run_and_does_not_catch_up(bag):
    for dag in bag.dags.values():
        assert dag.doc_md and len(dag.doc_md) > 200, dag.dag_id
        assert dag.max_active_runs == 1
        assert dag.catchup is False
        assert all(t.on_failure_callback for t in dag.tasks), dag.dag_id


def test_a_task_returning_a_dict_pushes_one_xcom_not_one_per_key(bag):
    # each XCom is an Execution API call: a dozen per scrape task were most of the api-server's work
    pushing = [t.task_id for dag in bag.dags.values() for t in dag.tasks if getattr(t, "multiple_outputs", False)]
    assert pushing == []


def test_ingest_maps_one_scrape_per_source_retried_with_backoff(bag):
    dag = bag.dags["greenmfg_ingest"]
    assert [t.task_id for t in dag.topological_sort()] == ["list_sources", "scrape", "hand_off", "check_sources"]
    scrape = dag.get_task("scrape")
    assert (
        scrape.op_kwargs_expand_input.value["source_id"].operator.task_id == "list_sources"
    )  # mapped over the registry
    assert scrape.retries >= 2 and scrape.retry_exponential_backoff
    assert dag.get_task("hand_off").trigger_rule == "all_done"  # a broken source does not hold back the others
    assert [a.uri for a in dag.get_task("hand_off").outlets] == ["greenmfg://raw/manifests"]


def test_adding_a_source_yaml_adds_a_mapped_task(bag, tmp_path, monkeypatch):
    from tests.conftest import register_source

    list_sources = bag.dags["greenmfg_ingest"].get_task("list_sources").python_callable
    before = list_sources()
    register_source(tmp_path, monkeypatch)
    after = list_sources()
    assert len(before) >= 17
    assert set(after) - set(before) == {"gz_gxt"}  # no DAG change: the scrape task maps over this list


def test_transform_runs_on_the_ingest_asset_and_never_scrapes(bag):
    dag = bag.dags["greenmfg_transform"]
    assert dag.timetable.asset_condition.uri == "greenmfg://raw/manifests"  # triggered by each ingest hand-off
    assert type(dag.timetable.timetable).__name__ == "CronTriggerTimetable"  # and a cron: backfill re-runs it
    ids = [t.task_id for t in dag.topological_sort()]
    assert ids[:2] == ["load", "extract"] and ids.index("prepare_build") < ids.index("dbt.build")
    assert dag.get_task("freshness").upstream_task_ids == {"extract"} == dag.get_task("prepare_build").upstream_task_ids
    assert "freshness" in dag.get_task("publish").upstream_task_ids  # beside the build, holding back the publish
    assert ids.index("finalize_build") < ids.index("validate") < ids.index("publish") < ids.index("report")
    assert not any("scrape" in i for i in ids)
    assert [a.uri for a in dag.get_task("publish").outlets] == ["greenmfg://warehouse/published"]


def test_one_dbt_build_then_a_task_per_model_with_its_tests(bag, home):
    import json

    dag = bag.dags["greenmfg_transform"]
    assert dag.get_task("dbt.build").upstream_task_ids == {"prepare_build"}  # the one dbt build
    manifest = json.loads((home / "dbt" / "manifest" / "manifest.json").read_text())
    models = {n["name"] for n in manifest["nodes"].values() if n["resource_type"] in ("model", "seed")}
    assert len(models) >= 25 and {f"dbt.{m}" for m in models} <= set(dag.task_ids)
    # the first models start with the build, and end as dbt finishes them
    assert dag.get_task("dbt.stg_lake__sources").upstream_task_ids == {"prepare_build"}
    fct = dag.get_task("dbt.fct_designations")
    assert {
        "dbt.int_designations_status_history",
        "dbt.dim_list",
    } <= fct.upstream_task_ids  # what it and its tests read
    assert any(".not_null_fct_designations_" in uid for uid in fct.reports)  # its tests
    assert {"dbt.fct_designations", "dbt.dim_list"} <= dag.get_task(
        "dbt.assert_designations_match_extracted_rows"
    ).upstream_task_ids
    assert "dbt.mart_enterprise_designations" in fct.downstream_task_ids
    # the first models report a build that failed before dbt ran too; the build alone leads on
    # to the gate (a failed node fails it), the model tasks give their verdicts beside
    assert dag.get_task("dbt.stg_lake__sources").trigger_rule == "none_skipped" and fct.trigger_rule == "all_success"
    assert dag.get_task("finalize_build").upstream_task_ids == {"dbt.build"}
    assert dag.get_task("validate").upstream_task_ids == dag.get_task("docs").upstream_task_ids == {"finalize_build"}
    assert dag.get_task("publish").upstream_task_ids == {"validate", "freshness"}  # docs never block a publish
    assert dag.get_task("report").upstream_task_ids == {"publish", "docs"}
    assert all(t.start_from_trigger for t in dag.tasks if t.task_id.startswith("dbt.") and t.task_id != "dbt.build")
    # every test of the project is reported by exactly one task, or by each model reading its source
    reported = [
        uid for t in dag.tasks if t.task_id.startswith("dbt.") and t.task_id != "dbt.build" for uid in t.reports
    ]
    checks = {uid for uid, n in manifest["nodes"].items() if n["resource_type"] == "test"} | set(manifest["unit_tests"])
    assert checks <= set(reported)
    assert {dag.get_task(t).retries for t in dag.task_ids if t.startswith("dbt.") and t != "dbt.build"} == {0}


def test_only_the_duckdb_writers_are_in_the_one_slot_pool(bag):
    from greenmfg.orchestration.stages import WRITER_POOL

    dag = bag.dags["greenmfg_transform"]
    writers = {"load", "extract", "prepare_build", "dbt.build", "finalize_build", "publish"}
    assert {t.task_id for t in dag.tasks if t.pool == WRITER_POOL} == writers
    assert dag.get_task("validate").pool != WRITER_POOL  # the gate only reads


def test_the_tasks_a_run_runs_side_by_side_share_the_run_lock(bag):
    """Two tasks of one run with no path between them run at once only if both hold the run lock
    shared: one holding it alone would wait for the other, and the DAG's parallelism would be a lie."""
    from greenmfg.orchestration.stages import SHARED_STAGES

    stage_of = {
        "load": "load",
        "extract": "extract",
        "freshness": "freshness",
        "prepare_build": "prepare_build",
        "dbt.build": "build_models",
        "finalize_build": "finalize_build",
        "validate": "validate",
        "docs": "stage_docs",
        "publish": "publish",
    }
    dag = bag.dags["greenmfg_transform"]
    assert {t for t in dag.task_ids if not t.startswith("dbt.")} - {"report"} == set(stage_of) - {"dbt.build"}
    upstream = {task: dag.get_task(task).get_flat_relative_ids(upstream=True) for task in stage_of}
    beside = {(a, b) for a in stage_of for b in stage_of if a < b and a not in upstream[b] and b not in upstream[a]}
    assert ("freshness", "prepare_build") in beside and ("docs", "validate") in beside
    waits = [(a, b) for a, b in sorted(beside) if not {stage_of[a], stage_of[b]} <= set(SHARED_STAGES)]
    assert waits == [("docs", "publish")]


def test_a_deployment_sets_the_schedules_without_editing_a_dag(monkeypatch):
    from greenmfg.orchestration.schedules import cron

    assert cron("ingest").expression == "0 0 * * *"
    monkeypatch.setenv("GREENMFG_INGEST_CRON", "30 1 * * 1-5")
    assert cron("ingest").expression == "30 1 * * 1-5"
    monkeypatch.setenv("GREENMFG_INGEST_CRON", "none")
    assert cron("ingest") is None  # triggered runs only
