"""The results of a run's `dbt build`, kept in runs/<run_id>/dbt_results.json by the build
task, and the verdict of each model task on them: its model's result and its tests'."""

from __future__ import annotations

import json

from greenmfg.files import write_atomic
from greenmfg.settings import Paths, paths

PASSED = ("success", "pass", "warn", "no-op")  # no-op: a node dbt has nothing to do for (an exposure)
SETUP_HINT = "run scripts/airflow_setup.sh (or `greenmfg dbt-manifest`)"


def results_file(home: Paths, run_id: str):
    return home.runs_dir / run_id / "dbt_results.json"


def forget(home: Paths, run_id: str) -> None:
    """No results for the run until its build writes them (a cleared run, a retried build)."""
    results_file(home, run_id).unlink(missing_ok=True)


def write(home: Paths, run_id: str, results: dict) -> None:
    write_atomic(results_file(home, run_id), json.dumps(results, ensure_ascii=False, indent=1))


def read(home: Paths, run_id: str) -> dict | None:
    """The build's results, or None when the build task did not get to run dbt."""
    path = results_file(home, run_id)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def judge(node: str, reports: list[str], airflow_run_id: str) -> tuple[str, str]:
    """A model task's end state (success, failed or skipped) and its one line, for a DAG run."""
    from greenmfg.pipeline import safe_run_id

    results = read(paths(), safe_run_id(airflow_run_id))
    if results is None:
        return "skipped", f"{node}: no results from dbt.build (it says why)"
    passed, message = verdict(node, reports, results)
    return ("success" if passed else "failed"), message


def failures(results: dict) -> str | None:
    """What failed in a build, on one line (None when every node passed)."""
    failed = [uid for uid, r in results.items() if r["status"] not in (*PASSED, "skipped")]
    if not failed:
        return None
    skipped = sum(r["status"] == "skipped" for r in results.values())
    return (
        f"dbt build: {len(failed)} failed ({', '.join(_short(uid) for uid in failed[:5])}), {skipped} skipped "
        f"after them: the model tasks say which"
    )


def verdict(name: str, reports: list[str], results: dict) -> tuple[bool, str]:
    """Whether a task's nodes all passed in the build, and one line saying so (or what failed)."""
    missing = [uid for uid in reports if uid not in results]
    if missing:
        return False, (
            f"{name}: not in this build ({', '.join(_short(u) for u in missing[:5])}): "
            f"the DAG's dbt manifest does not match the project: {SETUP_HINT}"
        )
    skipped = [uid for uid in reports if results[uid]["status"] == "skipped"]
    failed = [uid for uid in reports if results[uid]["status"] not in (*PASSED, "skipped")]
    if failed:
        details = "; ".join(
            f"{_short(uid)} {results[uid]['status']}: {_one_line(results[uid]['message'])}" for uid in failed[:5]
        )
        after = f" ({len(skipped)} skipped after it)" if skipped else ""
        return False, f"{name}: {len(failed)} of {len(reports)} failed: {details}{after}"
    if skipped:
        return False, (
            f"{name}: dbt skipped {', '.join(_short(uid) for uid in skipped[:5])}: "
            f"something it reads failed (see dbt.build)"
        )
    own = results[reports[0]]
    checks = len(reports) - 1
    return True, f"{name}: {own['status']} in {own['seconds']}s" + (f", {checks} tests passed" if checks else "")


def _short(unique_id: str) -> str:
    """model.<project>.<name>, test.<project>.<name>.<hash>, unit_test.<project>.<model>.<name>"""
    parts = unique_id.split(".")
    return parts[-1] if parts[0] == "unit_test" else parts[2] if len(parts) > 2 else unique_id


def _one_line(message, most: int = 400) -> str:
    """dbt's message on one line; a long one keeps its start and its end (where the cause is)."""
    text = " ".join(str(message or "").split())
    return text if len(text) <= most else f"{text[: most // 4]} … {text[-most * 3 // 4 :]}"
