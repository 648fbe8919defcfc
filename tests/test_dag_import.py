"""Every DAG file imports without error, and the DAGs have the shape operations rely on."""

from pathlib import Path

import pytest

DAGS = Path(__file__).resolve().parent.parent / "dags"


@pytest.fixture(scope="module")
def bag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS))


def test_dags_import_without_errors(bag):
    assert bag.import_errors == {}
    assert set(bag.dags) == {"greenmfg_ingest", "greenmfg_transform"}


def test_every_dag_is_documented_single_run_and_does_not_catch_up(bag):
    for dag in bag.dags.values():
        assert dag.doc_md and len(dag.doc_md) > 200, dag.dag_id
        assert dag.max_active_runs == 1
        assert dag.catchup is False
        assert all(t.on_failure_callback for t in dag.tasks), dag.dag_id


def test_ingest_maps_one_scrape_per_source_retried_with_backoff(bag):
    dag = bag.dags["greenmfg_ingest"]
    assert [t.task_id for t in dag.topological_sort()] == ["list_sources", "scrape", "hand_off", "check_sources"]
    scrape = dag.get_task("scrape")
    assert scrape.op_kwargs_expand_input.value["source_id"].operator.task_id == "list_sources"  # mapped over the registry
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
    assert ids[:3] == ["load", "extract", "prepare_build"]
    assert ids[-4:] == ["finalize_build", "validate", "publish", "report"]
    assert not any("scrape" in i for i in ids)
    assert [a.uri for a in dag.get_task("publish").outlets] == ["greenmfg://warehouse/published"]


def test_each_dbt_model_is_a_task_running_it_then_its_tests(bag):
    dag = bag.dags["greenmfg_transform"]
    models = [t for t in dag.task_ids if t.startswith("dbt.") and t.endswith("_model_build")]
    assert len(models) >= 20
    assert dag.get_task("dbt.fct_designations_model_build").base_cmd == ["build"]  # model, then its tests
    assert dag.get_task("dbt.stg_lake__sources_model_build").upstream_task_ids == {"prepare_build"}
    # a test between two models waits for both
    between = dag.get_task("dbt.relationships_fct_designations_list_id__list_id__ref_dim_list__test")
    assert {"dbt.fct_designations_model_build", "dbt.dim_list_model_build"} <= between.upstream_task_ids


def test_every_duckdb_writer_is_in_the_one_slot_pool(bag):
    from greenmfg.orchestration.stages import WRITER_POOL

    dag = bag.dags["greenmfg_transform"]
    writers = ["load", "extract", "prepare_build", "finalize_build", "publish"]
    writers += [t for t in dag.task_ids if t.startswith("dbt.")]
    assert all(dag.get_task(t).pool == WRITER_POOL for t in writers)
    assert dag.get_task("validate").pool != WRITER_POOL  # the gate only reads


def test_a_deployment_sets_the_schedules_without_editing_a_dag(monkeypatch):
    from greenmfg.orchestration.schedules import cron

    assert cron("ingest", "0 0 * * *").expression == "0 0 * * *"
    monkeypatch.setenv("GREENMFG_INGEST_CRON", "30 1 * * 1-5")
    assert cron("ingest", "0 0 * * *").expression == "30 1 * * 1-5"
    monkeypatch.setenv("GREENMFG_INGEST_CRON", "none")
    assert cron("ingest", "0 0 * * *") is None  # triggered runs only
