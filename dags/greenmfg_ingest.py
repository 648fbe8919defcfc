"""Ingest: one scrape task per registered source, landing raw pages and attachments."""

from __future__ import annotations

import pendulum
from airflow.sdk import dag, task

from greenmfg import pipeline
from greenmfg.orchestration.assets import RAW_LANDED, SOURCES_LANDED, source_asset
from greenmfg.orchestration.callbacks import on_task_failure
from greenmfg.orchestration.schedules import cron
from greenmfg.orchestration.stages import run_id_of, run_stage

DOC = """
### Green manufacturing warehouse · ingest

Daily crawl of every source in the source registry (`scrapers/sources/*.yaml`): `list_sources`
reads the registry when the run starts and `scrape` is mapped over it, **one task per source**
(adding a YAML file adds a task). Each scrape is independent and retried with exponential
backoff; it lands raw pages and attachments immutably under `$GREENMFG_HOME/raw` and emits its
source's asset (`greenmfg://raw/<source_id>`, through the alias `greenmfg_raw_sources`).

`hand_off` runs once every scrape has finished, whatever its state: it writes the run report
(`$GREENMFG_HOME/runs/<run_id>/report.md`: per source items seen, new, failed) and emits
`greenmfg://raw/manifests`, which triggers **greenmfg_transform** once per ingest run.
`check_sources` then fails the run if any source failed, naming them, so a broken site shows
red here while the others' data still goes on to the warehouse.

Failed tasks are recorded with the run and posted to the `greenmfg_webhook` connection if set.
Offline corpus: set `GREENMFG_MIRROR_URL` (as `make run` and the tests do).
"""


@dag(
    dag_id="greenmfg_ingest",
    schedule=cron("ingest"),  # daily at midnight in China (GREENMFG_INGEST_CRON)
    catchup=False,
    max_active_runs=1,
    doc_md=DOC,
    tags=["greenmfg", "ingest"],
    default_args={
        "owner": "greenmfg",
        "retries": 2,
        "retry_delay": pendulum.duration(minutes=2),
        "retry_exponential_backoff": True,
        "max_retry_delay": pendulum.duration(minutes=30),
        "on_failure_callback": on_task_failure,
    },
)
def greenmfg_ingest():
    @task
    def list_sources() -> list[str]:
        """The registry is read when the run starts, never at DAG parse time."""
        from scrapers import registry

        return sorted(registry())

    # multiple_outputs=False: a task returning a dict pushes it as one XCom, not one per key
    # (one Execution API call each: a dozen per scrape, the bulk of the api-server's work)
    @task(outlets=[SOURCES_LANDED], map_index_template="{{ task.op_kwargs['source_id'] }}", multiple_outputs=False)
    def scrape(source_id: str, *, outlet_events=None) -> dict:
        """One source: a broken site fails alone and retries alone."""
        result = run_stage(pipeline.scrape_source, source_id=source_id)
        outlet_events[SOURCES_LANDED].add(
            source_asset(source_id),
            extra={"new": result["articles"], "attachments": result["attachments"], "failed": result["failed"]},
        )
        return result

    @task(trigger_rule="all_done", outlets=[RAW_LANDED], retries=0, multiple_outputs=False)
    def hand_off(*, outlet_events=None, **context) -> dict:
        """Write the run report and hand the landed data to the transform DAG."""
        from greenmfg import run_report
        from greenmfg.settings import paths

        run_id = run_id_of(context)
        report = run_report.build(paths(), run_id)
        print(run_report.to_markdown(report))
        run_report.write(paths(), run_id, report)
        outlet_events[RAW_LANDED].extra = {"ingest_run_id": run_id, "failed_sources": report["failed_sources"]}
        return {"failed_sources": report["failed_sources"]}

    @task(retries=0)
    def check_sources(handed_off: dict) -> None:
        """The run's verdict: red if any source failed (its data is still handed off)."""
        if handed_off["failed_sources"]:
            raise RuntimeError(f"sources failed: {', '.join(handed_off['failed_sources'])} (see report.md)")

    scraped = scrape.expand(source_id=list_sources())
    handed_off = hand_off()
    scraped >> handed_off
    check_sources(handed_off)


greenmfg_ingest()
