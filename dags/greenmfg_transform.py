"""Transform: load → extract → dbt (one build, a task per model) → Great Expectations → publish."""

from __future__ import annotations

import pendulum
from airflow.sdk import AssetOrTimeSchedule, Param, dag, task

from greenmfg import pipeline
from greenmfg.orchestration.assets import RAW_LANDED, WAREHOUSE
from greenmfg.orchestration.callbacks import on_task_failure
from greenmfg.orchestration.dbt_group import dbt_task_group
from greenmfg.orchestration.schedules import cron
from greenmfg.orchestration.stages import WRITER_POOL, run_id_of, run_stage

DOC = """
### Green manufacturing warehouse · transform

Runs when **greenmfg_ingest** hands off (`greenmfg://raw/manifests`), and daily at 06:00 as a
rebuild. It never fetches: backfilling a date range
(`airflow backfill create --dag-id greenmfg_transform --from-date … --to-date … --max-active-runs 1`,
one run at a time as the DAG runs them) rebuilds the
warehouse from the landed data.

1. `load`: new raw manifests → `lake/raw.duckdb` (the fetch log, read in bulk by DuckDB);
2. `extract`: notices from their pages, list rows from attachments and pages, counts and
   targets from notice texts, in one worker process per core; what cannot be read is
   quarantined with its reason;
3. `freshness`: `dbt source freshness` of the lake (thresholds in
   `dbt_project/models/staging/lake/_lake__sources.yml`): a table past its warning threshold is
   logged and the run goes on; the fetch log older than its error threshold (7 days: no scrape
   has landed for a week) fails the task, and nothing is published (it runs beside the build);
   `prepare_build`: skips the rest (the report says "nothing new") when the lake, the dbt
   project and the suites are as the published build had them; trigger with
   `{"rebuild": true}` to build anyway. Then → `dbt.build`: one `dbt build` of every seed,
   model and test into the fresh build file `warehouse/build/<run_id>/build.duckdb`, and beside it a
   task per seed and model that ends as dbt finishes it, with its result there, the model's and
   its tests' (a failing one fails its own task, and what depends on it does not run: they
   start and end in the triggerer, no worker process each); after `dbt.build` (which fails when
   any node failed), `finalize_build`: the build's stamp and search index;
4. `validate`: the Great Expectations gate (a failure keeps the build in `build/failed/`), once
   `finalize_build` is done, beside `docs` (dbt's documentation site, one page that opens from
   file://: `dbt/target/static_index.html`, made from a copy of the build: publish does not
   wait for it);
5. `publish`: atomic swap to `warehouse/greenmfg.duckdb`, Parquet and the PostgreSQL `marts`
   schema, then emits `greenmfg://warehouse/published`;
6. `report`: the run report (`runs/<run_id>/report.md`, also in this task's log: per source
   new items, rows, quarantined; gate results; rows published). It fails the run when nothing
   was published, unless there was nothing new to publish.

Every task that writes DuckDB runs in the one-slot pool `duckdb_writer` (`docs` writes only a
copy of the build, its own).
Failed tasks are recorded with the run and posted to the `greenmfg_webhook` connection if set.
"""


def schedule():
    """Each ingest hand-off, and a daily rebuild at 06:00 in China (GREENMFG_TRANSFORM_CRON):
    the time part makes the DAG periodic, so a date range can be backfilled."""
    daily = cron("transform")
    return RAW_LANDED if daily is None else AssetOrTimeSchedule(timetable=daily, assets=RAW_LANDED)


def forget_build_results(context) -> None:
    """A cleared run starts without the results of its earlier build: the model tasks of a build
    that does not run again must not give that build's verdicts."""
    from greenmfg.orchestration import dbt_results
    from greenmfg.settings import paths

    dbt_results.forget(paths(), run_id_of(context))


@dag(
    dag_id="greenmfg_transform",
    schedule=schedule(),
    catchup=False,
    max_active_runs=1,
    doc_md=DOC,
    tags=["greenmfg", "transform"],
    params={
        "rebuild": Param(
            False,
            type="boolean",
            description="build, gate and publish even when nothing is new since the published build",
        )
    },
    default_args={
        "owner": "greenmfg",
        "retries": 1,
        "retry_delay": pendulum.duration(minutes=1),
        "on_failure_callback": on_task_failure,
    },
)
def greenmfg_transform():
    # multiple_outputs=False: a task returning a dict pushes it as one XCom, not one per key
    @task(pool=WRITER_POOL, multiple_outputs=False)
    def load(**context) -> dict:
        forget_build_results(context)
        return run_stage(pipeline.load)

    @task(pool=WRITER_POOL, multiple_outputs=False)
    def extract() -> dict:
        return run_stage(pipeline.extract)

    @task(multiple_outputs=False)  # reads the lake; its dbt writes an empty scratch database only
    def freshness() -> dict:
        """`dbt source freshness`: stale sources warn; past the error threshold, nothing is built."""
        from airflow.sdk.exceptions import AirflowFailException

        from greenmfg.transform import SourcesStale

        try:
            return run_stage(pipeline.freshness)
        except SourcesStale as stale:  # the lake stays as old until a scrape lands: no retry
            raise AirflowFailException(str(stale)) from None

    @task(pool=WRITER_POOL, multiple_outputs=False)
    def prepare_build(**context) -> dict:
        """The build file; skipped, with everything after it but the report, when nothing is new."""
        from airflow.sdk.exceptions import AirflowSkipException

        forget_build_results(context)
        try:
            return run_stage(pipeline.prepare_build, rebuild=bool(context["params"].get("rebuild")))
        except pipeline.NothingNew as nothing:
            raise AirflowSkipException(str(nothing)) from None

    @task(pool=WRITER_POOL, multiple_outputs=False)
    def finalize_build() -> dict:
        return run_stage(pipeline.finalize_build)

    @task(retries=0, multiple_outputs=False)  # a failed gate is a data problem: retrying cannot fix it
    def validate() -> dict:
        return run_stage(pipeline.validate)

    @task(multiple_outputs=False)
    def docs(**context) -> dict:
        """dbt's documentation site of the build, beside the gate: a copy of the build is taken
        under the run lock, then dbt reads it while the gate and publish go on."""
        from greenmfg.settings import paths

        return pipeline.make_docs(paths(), run_id_of(context), run_stage(pipeline.stage_docs))

    @task(pool=WRITER_POOL, outlets=[WAREHOUSE], multiple_outputs=False)
    def publish() -> dict:
        return run_stage(pipeline.publish)

    @task(trigger_rule="all_done", retries=0)
    def report(**context) -> None:
        """The run's verdict and report, whatever happened upstream."""
        from greenmfg import run_report
        from greenmfg.settings import paths

        run_id = run_id_of(context)
        ingest_runs = sorted(
            {
                run_id_of({"run_id": e.source_run_id})
                for events in context["triggering_asset_events"].values()
                for e in events
                if e.source_run_id
            }
        )
        result = run_report.build(paths(), run_id, ingest_runs)
        print(run_report.to_markdown(result))
        run_report.write(paths(), run_id, result)
        if result["published"] is None and result["nothing_new"] is None:
            raise RuntimeError("nothing was published: see the failed task above and report.md")

    dbt = dbt_task_group()
    gate = validate()
    fresh, prepared = freshness(), prepare_build()
    load() >> extract() >> [fresh, prepared]
    prepared >> dbt.group
    # the gate follows the build alone (it passes only when every node passed): the model tasks
    # give their verdicts beside finalize_build, the gate and publish; freshness runs beside the
    # build and holds back only the publish; the docs (which never block a publish) go beside it
    documented = docs()
    dbt.build >> finalize_build() >> [gate, documented]
    reported = report()
    [gate, fresh] >> publish() >> reported
    documented >> reported


greenmfg_transform()
