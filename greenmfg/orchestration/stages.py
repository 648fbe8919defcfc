"""A DAG task runs one greenmfg.pipeline stage, for the run's own id (file-name safe)."""

from __future__ import annotations

WRITER_POOL = "duckdb_writer"  # one slot: DuckDB allows a single writer per file
WRITER_POOL_DESCRIPTION = "Every task that writes a DuckDB file (lake, build, published warehouse)"
# stages that run side by side within a run, holding the run lock shared: the scrapes (one per
# source); the freshness check (reads the lake) beside prepare_build, the dbt build and
# finalize_build (they write the run's build file and read the lake read-only); the gate beside
# the docs' copy of it (the docs then read the copy without the lock). The others hold it
# alone: load and extract write the lake, and publish moves the build file the docs copy (it
# waits for the copy, not for the docs).
SHARED_STAGES = (
    "scrape_source",
    "freshness",
    "prepare_build",
    "build_models",
    "finalize_build",
    "validate",
    "stage_docs",
)


def run_id_of(context) -> str:
    from greenmfg.pipeline import safe_run_id

    return safe_run_id(context["run_id"])


def run_stage(stage, **kwargs):
    """Call stage(paths, run_id, **kwargs), a greenmfg.pipeline stage, for the current DAG run."""
    return run_locked(f"task {stage.__name__}", stage, **kwargs)


def run_locked(what: str, stage, **kwargs):
    """Call stage(paths, run_id, **kwargs) for the current DAG run, holding the home's run lock:
    one run at a time per GREENMFG_HOME, a task waits for a run in progress (the SHARED_STAGES
    of a run share the lock with each other)."""
    from airflow.sdk import get_current_context

    from greenmfg import run_lock
    from greenmfg.settings import paths

    try:
        run_id = run_id_of(get_current_context())
        shared, wait = stage.__name__ in SHARED_STAGES, run_lock.wait_seconds(run_lock.DAG_WAIT)
        with run_lock.hold(paths(), what, shared=shared, wait=wait, scope=run_id):
            return stage(paths(), run_id, **kwargs)
    except run_lock.RunInProgress as busy:  # a task failure (retried by Airflow), not an exit
        raise RuntimeError(str(busy)) from None
