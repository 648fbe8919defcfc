"""The stages, as the CLI and the DAGs call them, and the whole run.

scrape → load → extract → transform (dbt source freshness, then dbt build into a build file)
→ validate (GX gate) → publish (atomic swap). Each stage writes its result to runs/<run_id>/<stage>.json.
Each holds the home's run lock (greenmfg.run_lock): one run at a time; a second is refused.
Each stage imports its own module when called: a DAG task pays for its stage's imports only.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import shutil
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from greenmfg import run_lock
from greenmfg.files import write_atomic
from greenmfg.settings import Paths

log = logging.getLogger(__name__)


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


RESERVED_RUN_IDS = frozenset({"failed", ".", ".."})  # (warehouse/build/failed holds the builds the gate failed)


def safe_run_id(text: str) -> str:
    """Airflow run ids contain ':' and '+'; keep file-name-safe characters only, and no name a
    run's folder cannot take (failed, a leading dot)."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_")
    return f"run_{safe}" if safe in RESERVED_RUN_IDS or safe.startswith(".") else safe


def _record(paths: Paths, run_id: str, stage: str, result) -> None:
    write_atomic(
        paths.runs_dir / run_id / f"{stage}.json", json.dumps(result, ensure_ascii=False, indent=2, default=str)
    )


def _locked(stage):
    """The stage holds the home's run lock; another run holding it: RunInProgress at once
    (GREENMFG_RUN_LOCK_WAIT: seconds to wait for it first). Re-entrant: `run` holds it for all."""

    @functools.wraps(stage)
    def locked(paths: Paths, *args, **kwargs):
        with run_lock.hold(paths, f"greenmfg {stage.__name__}", wait=run_lock.wait_seconds(0)):
            return stage(paths, *args, **kwargs)

    return locked


@_locked
def scrape(paths: Paths, run_id: str, sources: list[str] | None = None) -> list[dict]:
    from greenmfg import scrape as scrape_stage

    try:
        result = scrape_stage.scrape(paths, run_id, sources)
    except scrape_stage.SourcesFailed as failed:
        for source in failed.results:
            _record(paths, run_id, f"scrape/{source['source_id']}", source)
        raise
    for source in result:
        _record(paths, run_id, f"scrape/{source['source_id']}", source)
    return result


@_locked
def scrape_source(paths: Paths, run_id: str, source_id: str) -> dict:
    """One source (the DAG maps a task per source); the report is written even on failure."""
    from greenmfg import scrape as scrape_stage

    try:
        result = scrape_stage.scrape_source(paths, run_id, source_id)
    except Exception as exc:
        _record(paths, run_id, f"scrape/{source_id}", {"source_id": source_id, "error": f"{type(exc).__name__}: {exc}"})
        raise
    _record(paths, run_id, f"scrape/{source_id}", result)
    return result


def scrape_report(paths: Paths, run_id: str) -> list[dict]:
    """Per-source scrape results of a run (runs/<run_id>/scrape/<source>.json)."""
    folder = paths.runs_dir / run_id / "scrape"
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


@_locked
def load(paths: Paths, run_id: str) -> dict:
    from greenmfg import load as load_stage

    result = asdict(load_stage.load(paths))
    _record(paths, run_id, "load", result)
    return result


@_locked
def extract(paths: Paths, run_id: str) -> dict:
    from greenmfg.extract import stage as extract_stage

    result = asdict(extract_stage.extract(paths))
    _record(paths, run_id, "extract", result)
    return result


class NothingNew(Exception):
    """The lake, the dbt project and the gate are as the published build had them."""

    def __init__(self, published: dict):
        super().__init__(
            f"nothing new since the published build of run {published['run_id']} "
            f"({published['built_at']}): dbt, the gate and publishing are skipped"
        )
        self.published = published


def check_new(paths: Paths, run_id: str, rebuild: bool = False) -> None:
    """Raise NothingNew (recorded as runs/<run_id>/nothing_new.json) unless there is something to build."""
    from greenmfg import build_inputs

    published = None if rebuild else build_inputs.nothing_new(paths)
    if published is not None:
        _record(paths, run_id, "nothing_new", {**published, "reason": str(NothingNew(published))})
        raise NothingNew(published)


@_locked
def freshness(paths: Paths, run_id: str) -> dict:
    """`dbt source freshness` of the lake (runs/<run_id>/freshness.json): a stale table is a
    warning; one past its error threshold raises SourcesStale, and nothing is built."""
    from greenmfg import transform as transform_stage

    try:
        result = transform_stage.freshness(paths)
    except transform_stage.TransformFailed as failed:
        _record(paths, run_id, "freshness", {"error": str(failed)})
        raise
    _record(paths, run_id, "freshness", result)
    return result


@_locked
def transform(paths: Paths, run_id: str, rebuild: bool = False) -> dict:
    from greenmfg import transform as transform_stage

    stale = freshness(paths, run_id)["stale"]
    check_new(paths, run_id, rebuild)
    result = {**transform_stage.transform(paths, run_id), "stale_sources": stale}
    _record(paths, run_id, "transform", result)
    return result


@_locked
def prepare_build(paths: Paths, run_id: str, rebuild: bool = False) -> dict:
    """The transform DAG's first dbt step: the build file its per-model tasks write
    (NothingNew when there is nothing to build)."""
    from greenmfg import transform as transform_stage

    check_new(paths, run_id, rebuild)
    result = transform_stage.prepare(paths, run_id)
    _record(paths, run_id, "prepare_build", result)
    return result


@_locked
def finalize_build(paths: Paths, run_id: str) -> dict:
    """The transform DAG's last dbt step, after every model and test passed."""
    from greenmfg import transform as transform_stage

    result = transform_stage.finalize(paths, run_id)
    _record(paths, run_id, "transform", result)
    return result


@_locked
def stage_docs(paths: Paths, run_id: str) -> dict:
    """The transform DAG's documentation step, beside the gate, under the run lock: the site as
    it is when the dbt project is the same, else a copy of the build for make_docs to read."""
    from greenmfg import transform as transform_stage

    reused = transform_stage.docs_reused(paths)
    if reused is not None:
        return reused
    copy = transform_stage.docs_copy(paths, run_id)
    return {"dbt_docs": None} if copy is None else {"docs_source": str(copy)}


def make_docs(paths: Paths, run_id: str, staged: dict) -> dict:
    """Then dbt makes the site from the copy, outside the run lock (publishing does not wait
    for it; the docs have a lock of their own)."""
    from greenmfg import transform as transform_stage

    source = staged.get("docs_source")
    result = staged if source is None else transform_stage.make_docs(paths, Path(source))
    _record(paths, run_id, "docs", result)
    return result


@_locked
def validate(paths: Paths, run_id: str) -> dict:
    """Raise GateFailed (build file moved to build/failed/) unless every check passes."""
    from greenmfg import db, gate

    build_db = paths.build_db(run_id)
    result = gate.validate(paths, build_db)
    _record(paths, run_id, "validate", asdict(result))
    if not result.success:
        failed = paths.failed_build(run_id)
        failed.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(build_db, failed)
        db.leave_folder(build_db)
        raise gate.GateFailed(result)
    return asdict(result)


@_locked
def publish(paths: Paths, run_id: str) -> dict:
    from greenmfg import publish as publish_stage
    from greenmfg import report

    result = publish_stage.publish(paths, paths.build_db(run_id), run_id)
    result["report"] = str(report.write(paths))  # the overview page of what was published
    _record(paths, run_id, "publish", result)
    return result


@_locked
def run(paths: Paths, run_id: str | None = None, sources: list[str] | None = None, rebuild: bool = False) -> dict:
    """All stages. A broken source does not stop the others: what was scraped is loaded,
    gated and published, and the run then fails naming the broken sources. When nothing is new
    since the published build, the run stops after extracting (`rebuild` builds anyway)."""
    from greenmfg import scrape as scrape_stage

    run_id = run_id or new_run_id()
    summary: dict = {"run_id": run_id}
    failed = None
    try:
        summary["scrape"] = scrape(paths, run_id, sources)
    except scrape_stage.SourcesFailed as exc:
        summary["scrape"], failed = exc.results, exc
    summary["load"] = load(paths, run_id)
    summary["extract"] = extract(paths, run_id)
    try:
        summary["transform"] = transform(paths, run_id, rebuild)
    except NothingNew as nothing:
        summary["nothing_new"] = nothing.published
        log.info("%s", nothing)
    else:
        summary["validate"] = validate(paths, run_id)
        summary["publish"] = publish(paths, run_id)
    if failed:
        raise failed
    return summary
