"""The dbt project as Airflow tasks: `dbt.build` runs one `dbt build` of every seed, model and
test into the run's build file (one process: dbt is imported once, in the one-slot writer
pool), and one task per seed and model reports that build's result for it: the model and its
tests. The model tasks start with the build and end as dbt finishes their nodes, while the
build goes on (the build writes each node's result as dbt logs it). A failing model or test
fails its own task (and `dbt.build`, as dbt does), and the tasks of what depends on it do not
run (upstream_failed), as dbt did not build those models.
Under the scheduler a model task starts and ends in the triggerer (dbt_result_trigger): no
worker process per model. `finalize_build` and the gate follow `dbt.build` alone (it fails when
any node failed), beside the model tasks.

Which task reports a test: the model or seed it is defined on (which then also waits for the
other models the test reads); a test on sources only, the models that read those sources; a
test across several models that is defined on none (a singular test), a task of its own after
all of them. Unit tests belong to the model they test.

The graph is read from the dbt manifest rendered at set-up (scripts/airflow_setup.sh runs
`greenmfg dbt-manifest`): parsing the DAG reads one JSON file and starts no process.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, timedelta
from pathlib import Path
from typing import NamedTuple

from greenmfg.orchestration.dbt_results import PASSED, SETUP_HINT
from greenmfg.orchestration.stages import WRITER_POOL

log = logging.getLogger(__name__)
BUILD_TASK = "build"
BUILT_TYPES = ("seed", "model", "snapshot")
RECHECK = timedelta(seconds=2)  # a model task run in a worker, asked again while dbt builds
WAIT_FOR_BUILD = timedelta(hours=12)  # the longest a model task waits for the build to reach it


class ManifestMissing(RuntimeError):
    """The transform DAG renders its dbt tasks from the manifest made at set-up, never parses dbt."""


@dataclass
class Node:
    """One task of the group: a seed or model (or a test of its own), the nodes whose results it
    reports (itself and its tests) and the nodes whose tasks it waits for."""

    unique_id: str
    name: str
    kind: str
    reports: list[str]
    upstream: set[str] = field(default_factory=set)


def manifest_path() -> Path:
    from greenmfg.settings import paths

    return paths().dbt_work_dir / "manifest" / "manifest.json"


def read_manifest(path: Path) -> dict:
    if not path.is_file():
        raise ManifestMissing(f"no dbt manifest at {path}: {SETUP_HINT}")
    return json.loads(path.read_text(encoding="utf-8"))


def task_nodes(manifest: dict) -> dict[str, Node]:
    """The group's tasks by unique id, each with what it reports and waits for."""
    nodes = manifest["nodes"]
    built = {uid: n for uid, n in nodes.items() if n["resource_type"] in BUILT_TYPES}
    tasks = {
        uid: Node(uid, n["name"], n["resource_type"], [uid], {d for d in _parents(n) if d in built})
        for uid, n in built.items()
    }
    checks = [n for n in nodes.values() if n["resource_type"] == "test"] + list(manifest.get("unit_tests", {}).values())
    for check in sorted(checks, key=lambda c: c["unique_id"]):
        _assign(check, tasks, built)
    return tasks


def _assign(check: dict, tasks: dict[str, Node], built: dict) -> None:
    """Give a test (or unit test) to the task that reports it (see the module's docstring)."""
    uid, parents = check["unique_id"], sorted(d for d in _parents(check) if d in built)
    owner = check.get("attached_node") if check.get("attached_node") in built else None
    if owner is None and len(parents) == 1:
        owner = parents[0]
    others = set(parents) - {owner}
    if owner is not None and not any(owner in _ancestors(other, tasks) for other in others):
        tasks[owner].reports.append(uid)
        tasks[owner].upstream |= others
    elif parents:
        tasks[uid] = Node(uid, check["name"], "test", [uid], set(parents))
    else:  # on sources only: the models that read them
        sources = set(_parents(check))
        readers = [t for t in tasks.values() if t.kind in BUILT_TYPES and sources & set(_parents(built[t.unique_id]))]
        for reader in readers:
            reader.reports.append(uid)
        if not readers:
            tasks[uid] = Node(uid, check["name"], "test", [uid])


def _parents(node: dict) -> list[str]:
    return node.get("depends_on", {}).get("nodes", [])


def _ancestors(uid: str, tasks: dict[str, Node]) -> set[str]:
    seen, todo = set(), [uid]
    while todo:
        for parent in tasks[todo.pop()].upstream:
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


# --- the build and its verdicts ------------------------------------------------------------


def build_models(paths, run_id: str, reported: list[str], on_result=None) -> dict:
    """`dbt build` of the project into this run's build file (made by prepare_build): every
    node's status and message, for the model tasks, and on_result(unique_id, result) for each
    node as dbt finishes it. Raises when dbt could not run, or when a node failed that no task
    reports; the other failures are for `failures` and the tasks."""
    from greenmfg import transform
    from greenmfg.orchestration.dbt_results import node_result

    build_db = paths.build_db(run_id)
    if not build_db.exists():
        raise RuntimeError(f"no build file {build_db.name}: prepare_build has not made it for this run")
    results_file = paths.dbt_work_dir / "target" / "run_results.json"
    results_file.unlink(missing_ok=True)

    def on_event(event: dict) -> None:
        print(re.sub(r"\x1b\[[0-9;]*m", "", event["info"]["msg"]), flush=True)  # dbt's own log, in the task log
        result = node_result(event)
        if result is not None and on_result is not None:
            on_result(*result)

    finished = transform.dbt_events(paths, build_db, "build", on_event=on_event)
    if finished.returncode not in (0, 1) or not results_file.exists():
        raise transform.TransformFailed(
            f"dbt build could not run (exit {finished.returncode}): {_last_error(finished.stdout + finished.stderr)}"
        )
    results = {
        r["unique_id"]: {
            "status": r["status"],
            "message": r.get("message"),
            "seconds": round(r.get("execution_time") or 0, 2),
        }
        for r in json.loads(results_file.read_text(encoding="utf-8"))["results"]
        if not r["unique_id"].startswith("exposure.")
    }  # (what reads the marts: nothing dbt builds)
    unreported = sorted(uid for uid, r in results.items() if r["status"] not in PASSED and uid not in reported)
    if unreported:
        raise transform.TransformFailed(f"dbt build failed on {', '.join(unreported)}, which no task reports")
    if finished.returncode == 1 and all(r["status"] in (*PASSED, "skipped") for r in results.values()):
        raise transform.TransformFailed(
            f"dbt build exited 1 with no node failed: {_last_error(finished.stdout + finished.stderr)}"
        )
    unrendered = sorted(uid for uid in results if uid not in reported)
    if unrendered:
        log.warning(
            "built %d nodes the DAG has no task for (%s): the dbt manifest is older than the project: %s",
            len(unrendered),
            ", ".join(unrendered[:5]),
            SETUP_HINT,
        )
    counts = Counter(r["status"] for r in results.values())
    log.info("dbt build: %s", ", ".join(f"{n} {status}" for status, n in sorted(counts.items())))
    return {"results": results, "counts": dict(counts), "exit_code": finished.returncode}


def _last_error(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower()]
    return (errors or lines or ["no output"])[-1][:500]


# --- the task group ------------------------------------------------------------------------


def _result_operator():
    from airflow.sdk import BaseOperator
    from airflow.triggers.base import StartTriggerArgs

    class DbtResult(BaseOperator):
        """One seed, model or test of the `dbt.build` task's build, with its tests: fails, naming
        them, when any of them did not pass. Under the scheduler it starts and ends in the
        triggerer (greenmfg.orchestration.dbt_result_trigger); `execute` gives the same verdict
        where a task runs in a worker (`airflow dags test`, `airflow tasks test`)."""

        ui_color = "#b3e0c5"
        start_from_trigger = True

        def __init__(self, *, node: str, reports: list[str], build_task: str, **kwargs):
            super().__init__(**kwargs)
            self.node, self.reports, self.build_task = node, reports, build_task
            self.start_trigger_args = StartTriggerArgs(
                trigger_cls="greenmfg.orchestration.dbt_result_trigger.DbtResultTrigger",
                trigger_kwargs={"node": node, "reports": reports, "build_task": build_task},
                next_method="execute",
                next_kwargs=None,
                timeout=WAIT_FOR_BUILD,
            )

        def execute(self, context, event=None):
            from datetime import datetime

            from airflow.sdk.exceptions import AirflowFailException, AirflowRescheduleException, AirflowSkipException

            from greenmfg.orchestration.dbt_results import build_ended, judge

            run_id = context["run_id"]
            judged = judge(self.node, self.reports, run_id, build_ended=False)
            if judged is None and build_ended(self.dag_id, run_id, self.build_task):
                judged = judge(self.node, self.reports, run_id, build_ended=True)
            if judged is None:  # dbt has not got to its nodes yet: asked again shortly
                raise AirflowRescheduleException(datetime.now(UTC) + RECHECK)
            state, message = judged
            if state == "skipped":  # dbt.build did not get to run dbt: it says why
                raise AirflowSkipException(message)
            if state == "failed":
                raise AirflowFailException(message)  # the build will not change: no retry
            self.log.info("%s", message)  # not returned: an XCom push is an API call

    return DbtResult


class DbtTasks(NamedTuple):
    group: object  # the TaskGroup: `upstream >> group` runs the build after it; `group >> x`, x after every model
    build: object  # the dbt.build task


def dbt_task_group(group_id: str = "dbt") -> DbtTasks:
    """`dbt.build`, and beside it a task per seed and model (and per test across models), from the manifest."""
    from airflow.sdk import TaskGroup, task
    from airflow.sdk.exceptions import AirflowFailException

    from greenmfg.orchestration import dbt_results
    from greenmfg.orchestration.dbt_results import failures
    from greenmfg.orchestration.stages import run_id_of, run_locked
    from greenmfg.settings import paths

    nodes = task_nodes(read_manifest(manifest_path()))
    clash = [n.name for n in nodes.values() if n.name == BUILD_TASK]
    if clash:
        raise ValueError(f"a dbt node is named {BUILD_TASK!r}, the name of the build task")
    reported = sorted(uid for node in nodes.values() for uid in node.reports)
    DbtResult = _result_operator()
    with TaskGroup(group_id, tooltip="one dbt build, and beside it its result per seed and model") as group:

        @task(task_id=BUILD_TASK, pool=WRITER_POOL, multiple_outputs=False)
        def build(**context) -> dict:
            """`dbt build` of every seed, model and test into the run's build file; its results
            go to runs/<run_id>/dbt_results.json, where the model tasks read theirs."""
            home, run_id = paths(), run_id_of(context)
            dbt_results.forget(home, run_id)  # an earlier try's
            live = dbt_results.LiveResults(home, run_id)
            built = run_locked("dbt build", build_models, reported=reported, on_result=live.add)
            dbt_results.write(home, run_id, built["results"])
            failed = failures(built["results"])
            if failed:
                raise AirflowFailException(failed)  # the same build fails again: no retry
            return built["counts"]

        built = build()
        tasks = {
            uid: DbtResult(
                task_id=node.name,
                node=node.name,
                reports=node.reports,
                build_task=built.operator.task_id,
                retries=0,
                # the first models start with the build: they end skipped when it cannot run dbt
                trigger_rule="all_success" if node.upstream else "none_skipped",
                doc_md=f"`{node.kind}` {uid}: its result in `dbt.build`, with {len(node.reports) - 1} tests",
            )
            for uid, node in nodes.items()
        }
        for uid, node in nodes.items():  # the first models start with the build: the group's roots
            for upstream in sorted(node.upstream):
                tasks[upstream] >> tasks[uid]
    return DbtTasks(group, built)
