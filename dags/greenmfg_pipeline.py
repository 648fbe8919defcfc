"""Green manufacturing warehouse: scrape → load → dbt → Great Expectations gate → publish.

Thin: every task calls the function the `greenmfg` CLI calls (greenmfg.pipeline).
"""

from __future__ import annotations

import pendulum
from airflow.sdk import Asset, dag, task

RAW_LANDED = Asset("greenmfg://raw/manifests")
WAREHOUSE = Asset("greenmfg://warehouse/published")

DOC = """
### Green manufacturing warehouse

Daily refresh of the sources in the source registry (`scrapers/sources/*.yaml`), one mapped
`scrape` task per source (offline corpus when `GREENMFG_MIRROR_URL` is set).
Raw pages and attachments land immutably under
`$GREENMFG_HOME/raw`, are loaded into `lake/raw.duckdb`, transformed by dbt into a fresh
build file, validated by Great Expectations and only then swapped in as
`warehouse/greenmfg.duckdb`. A failed gate fails the run and leaves the published file as it was.
Run reports: `$GREENMFG_HOME/runs/<run_id>/`.
"""


def _stage(name: str, **kwargs):
    """Run one greenmfg.pipeline stage for this DAG run (imports stay out of parse time)."""
    from airflow.sdk import get_current_context

    from greenmfg import pipeline
    from greenmfg.settings import paths

    run_id = pipeline.safe_run_id(get_current_context()["run_id"])
    return getattr(pipeline, name)(paths(), run_id, **kwargs)


@dag(
    dag_id="greenmfg_pipeline",
    schedule="@daily",
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Shanghai"),
    catchup=False,
    max_active_runs=1,
    doc_md=DOC,
    tags=["greenmfg"],
    default_args={"retries": 2, "retry_delay": pendulum.duration(minutes=5), "retry_exponential_backoff": True},
)
def greenmfg_pipeline():
    @task
    def list_sources() -> list[str]:
        """The registry is read when the run starts, never at DAG parse time."""
        from scrapers import registry

        return sorted(registry())

    @task(outlets=[RAW_LANDED])
    def scrape(source_id: str) -> dict:
        """One mapped task per source: a broken site fails alone and retries alone."""
        return _stage("scrape_source", source_id=source_id)

    @task(trigger_rule="all_done")  # a broken source must not hold back the others' data
    def load() -> dict:
        return _stage("load")

    @task
    def transform() -> dict:
        return _stage("transform")

    @task(retries=0)  # a failed gate is a data problem: retrying cannot fix it
    def validate() -> dict:
        return _stage("validate")

    @task(outlets=[WAREHOUSE])
    def publish() -> dict:
        return _stage("publish")

    scrape.expand(source_id=list_sources()) >> load() >> transform() >> validate() >> publish()


greenmfg_pipeline()
