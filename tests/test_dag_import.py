"""Every DAG file imports without error and has the expected shape."""

from pathlib import Path

DAGS = Path(__file__).resolve().parent.parent / "dags"


def test_dags_import_without_errors():
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAGS))
    assert bag.import_errors == {}
    assert "greenmfg_pipeline" in bag.dags


def test_pipeline_dag_shape():
    from airflow.dag_processing.dagbag import DagBag

    dag = DagBag(dag_folder=str(DAGS)).dags["greenmfg_pipeline"]
    assert [t.task_id for t in dag.topological_sort()] == [
        "list_sources", "scrape", "load", "transform", "validate", "publish"]
    assert dag.get_task("load").trigger_rule == "all_done"  # a broken source does not hold back the others
    assert dag.max_active_runs == 1
    assert dag.catchup is False
    assert dag.doc_md
