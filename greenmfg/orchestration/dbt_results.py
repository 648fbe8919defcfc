"""The results of a run's `dbt build`, kept in runs/<run_id>/dbt_results.json by the build
task, and the verdict of each model task on them: its model's result and its tests'.

The build task writes the file as dbt goes ("complete": false, each node's result as dbt
finishes it), then once more with dbt's final results ("complete": true). A model task whose
nodes have all passed has its verdict at once, while the build goes on; one with a node that
did not pass waits for the final results (their messages say why)."""

from __future__ import annotations

import json

from greenmfg.files import write_atomic
from greenmfg.settings import Paths, paths

PASSED = ("success", "pass", "warn", "no-op")  # no-op: a node dbt has nothing to do for (an exposure)
SETUP_HINT = "run scripts/airflow_setup.sh (or `greenmfg dbt-manifest`)"
ENDED = ("success", "failed", "upstream_failed", "skipped", "removed")  # the build task's states that end it


def results_file(home: Paths, run_id: str):
    return home.runs_dir / run_id / "dbt_results.json"


def forget(home: Paths, run_id: str) -> None:
    """No results for the run until its build writes them (a cleared run, a retried build)."""
    results_file(home, run_id).unlink(missing_ok=True)


def write(home: Paths, run_id: str, results: dict, complete: bool = True) -> None:
    document = {"complete": complete, "results": results}
    write_atomic(results_file(home, run_id), json.dumps(document, ensure_ascii=False, indent=1))


def read(home: Paths, run_id: str) -> dict | None:
    """{"complete": bool, "results": {unique_id: result}}, or None before the build wrote any."""
    try:
        return json.loads(results_file(home, run_id).read_text(encoding="utf-8"))
    except FileNotFoundError:  # (none yet, or a retried build has just forgotten it)
        return None


def complete(home: Paths, run_id: str) -> bool:
    """Whether the run's results file holds a build's final results."""
    document = read(home, run_id)
    return document is not None and document["complete"]


class LiveResults:
    """The results of a build in progress, written as dbt finishes each node."""

    def __init__(self, home: Paths, run_id: str):
        self.home, self.run_id = home, run_id
        self.results: dict = {}

    def add(self, unique_id: str, result: dict) -> None:
        self.results[unique_id] = result
        write(self.home, self.run_id, self.results, complete=False)


def build_ended(dag_id: str, run_id: str, build_task: str) -> bool:
    """Whether the run's build task has ended (a task being retried has not), asked of Airflow
    (from a task or a trigger: the Execution API's, through the supervisor)."""
    from airflow.sdk.execution_time.task_runner import RuntimeTaskInstance

    return (
        RuntimeTaskInstance.get_ti_count(dag_id=dag_id, task_ids=[build_task], run_ids=[run_id], states=list(ENDED)) > 0
    )


def judge(node: str, reports: list[str], airflow_run_id: str, build_ended: bool = True) -> tuple[str, str] | None:
    """A model task's end state (success, failed or skipped) and its one line, for a DAG run;
    None while it cannot be told yet. Its nodes all passed: success at once, while the build
    goes on. Otherwise only once the build task has ended (`build_ended`): the final results
    of a build still running, or of one cleared to run again, are no verdict yet."""
    from greenmfg.pipeline import safe_run_id

    document = read(paths(), safe_run_id(airflow_run_id))
    if document is not None and all(document["results"].get(uid, {}).get("status") in PASSED for uid in reports):
        return "success", verdict(node, reports, document["results"])[1]
    if not build_ended:
        return None
    if document is not None and document["complete"]:
        passed, message = verdict(node, reports, document["results"])
        return ("success" if passed else "failed"), message
    return "skipped", f"{node}: no results from dbt.build (it says why)"


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


RESULT_EVENTS = ("LogModelResult", "LogSeedResult", "LogSnapshotResult", "LogTestResult", "LogNodeNoOpResult")


def node_result(event: dict) -> tuple[str, dict] | None:
    """(unique_id, {status, message, seconds}) of a dbt log event that tells a node's result as
    dbt finishes it; None for any other event. The message is the final results' to give."""
    if event.get("info", {}).get("name") not in RESULT_EVENTS:
        return None
    data = event.get("data", {})
    node = data.get("node_info", {})
    status = node.get("node_status")
    if status in (None, "", "None"):  # a unit test's node has none: the event's own status
        status = str(data.get("status", "")).lower()
    return node["unique_id"], {"status": status, "message": None, "seconds": round(data.get("execution_time") or 0, 2)}
