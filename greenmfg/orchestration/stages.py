"""A DAG task runs one greenmfg.pipeline stage, for the run's own id (file-name safe)."""

from __future__ import annotations

import sys

WRITER_POOL = "duckdb_writer"  # one slot: DuckDB allows a single writer per file
WRITER_POOL_DESCRIPTION = "Every task that writes a DuckDB file (lake, build, published warehouse)"


def run_id_of(context) -> str:
    from greenmfg.pipeline import safe_run_id

    return safe_run_id(context["run_id"])


def release_in_process_dbt() -> None:
    """Close the DuckDB handle dbt-duckdb keeps after an in-process `dbt test` (Cosmos runs dbt
    in the task's process). Each task has a process of its own under an executor, but
    `airflow dags test` runs them all in one, where that handle blocks the gate's ATTACH."""
    connections = sys.modules.get("dbt.adapters.duckdb.connections")
    if connections and connections.DuckDBConnectionManager._ENV is not None:
        connections.DuckDBConnectionManager._ENV.close()
        connections.DuckDBConnectionManager.close_all_connections()


def run_stage(name: str, **kwargs):
    """Call greenmfg.pipeline.<name>(paths, run_id, **kwargs) for the current DAG run."""
    from airflow.sdk import get_current_context

    from greenmfg import pipeline
    from greenmfg.settings import paths

    from greenmfg import run_lock

    release_in_process_dbt()
    # one run at a time per GREENMFG_HOME: a stage waits for a run in progress (the scrapes of
    # one ingest run, one task per source, share the lock with each other)
    try:
        with run_lock.hold(paths(), f"task {name}", shared=name == "scrape_source",
                           wait=run_lock.wait_seconds(run_lock.DAG_WAIT)):
            return getattr(pipeline, name)(paths(), run_id_of(get_current_context()), **kwargs)
    except run_lock.RunInProgress as busy:  # a task failure (retried by Airflow), not an exit
        raise RuntimeError(str(busy)) from None
