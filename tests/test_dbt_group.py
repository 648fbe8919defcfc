"""The transform DAG's dbt group: one `dbt build`, then a task per seed and model reporting its
result and its tests'. Which task reports which test; a failing model or test fails its own
task, and the tasks of what depends on it wait for it (so they do not run)."""

import json
import shutil
from pathlib import Path

import pytest

from greenmfg.orchestration.dbt_group import ManifestMissing, build_models, read_manifest, task_nodes
from greenmfg.orchestration.dbt_results import PASSED, verdict


def node(uid, kind="model", parents=(), attached=None):
    return {
        "unique_id": uid,
        "name": uid.split(".")[2],
        "resource_type": kind,
        "depends_on": {"nodes": list(parents)},
        "attached_node": attached,
    }


def manifest(*nodes, unit_tests=()):
    return {"nodes": {n["unique_id"]: n for n in nodes}, "unit_tests": {u["unique_id"]: u for u in unit_tests}}


def test_a_test_is_reported_by_the_model_it_is_defined_on_which_waits_for_what_it_reads():
    tasks = task_nodes(
        manifest(
            node("seed.p.codes", "seed"),
            node("model.p.a", parents=["source.p.lake.rows"]),
            node("model.p.b", parents=["model.p.a"]),
            node("test.p.not_null_b_x", "test", ["model.p.b"], attached="model.p.b"),
            node("test.p.relationships_b_code", "test", ["seed.p.codes", "model.p.b"], attached="model.p.b"),
            node("test.p.unique_rows", "test", ["source.p.lake.rows"]),  # on a source: its reader reports it
            node("test.p.assert_a_and_b_agree", "test", ["model.p.a", "model.p.b"]),  # singular, across two
            unit_tests=[node("unit_test.p.b.a_case", "unit_test", ["model.p.b"])],
        )
    )
    assert set(tasks) == {"seed.p.codes", "model.p.a", "model.p.b", "test.p.assert_a_and_b_agree"}
    assert tasks["model.p.b"].reports == [
        "model.p.b",
        "test.p.not_null_b_x",
        "test.p.relationships_b_code",
        "unit_test.p.b.a_case",
    ]
    assert tasks["model.p.b"].upstream == {"model.p.a", "seed.p.codes"}
    assert tasks["model.p.a"].reports == ["model.p.a", "test.p.unique_rows"] and tasks["model.p.a"].upstream == set()
    assert tasks["test.p.assert_a_and_b_agree"].upstream == {"model.p.a", "model.p.b"}


def test_a_test_that_would_make_its_model_wait_for_its_own_descendant_gets_a_task_after_both():
    tasks = task_nodes(
        manifest(
            node("model.p.a"),
            node("model.p.b", parents=["model.p.a"]),
            node("test.p.relationships_a_b", "test", ["model.p.a", "model.p.b"], attached="model.p.a"),
        )
    )
    assert tasks["model.p.a"].reports == ["model.p.a"] and tasks["model.p.a"].upstream == set()
    assert tasks["test.p.relationships_a_b"].upstream == {"model.p.a", "model.p.b"}


def test_the_verdict_names_what_failed_in_one_line():
    results = {
        "model.p.b": {"status": "success", "message": "OK", "seconds": 0.4},
        "test.p.not_null_b_x": {
            "status": "fail",
            "message": "Got 3 results,\nconfigured to fail if != 0",
            "seconds": 0.1,
        },
        "test.p.unique_b_x": {"status": "pass", "message": None, "seconds": 0.1},
    }
    assert verdict("b", ["model.p.b", "test.p.unique_b_x"], results) == (True, "b: success in 0.4s, 1 tests passed")
    passed, message = verdict("b", ["model.p.b", "test.p.not_null_b_x", "test.p.unique_b_x"], results)
    assert not passed
    assert message == "b: 1 of 3 failed: not_null_b_x fail: Got 3 results, configured to fail if != 0"
    results["unit_test.p.b.a_case"] = {"status": "error", "message": "Catalog Error: no_such_table", "seconds": 0.1}
    results["model.p.b"]["status"] = results["test.p.unique_b_x"]["status"] = "skipped"
    passed, message = verdict("b", ["model.p.b", "unit_test.p.b.a_case", "test.p.unique_b_x"], results)
    assert (passed, message) == (
        False,
        "b: 1 of 3 failed: a_case error: Catalog Error: no_such_table (2 skipped after it)",
    )
    assert verdict("b", ["model.p.b"], results) == (
        False,
        "b: dbt skipped b: something it reads failed (see dbt.build)",
    )
    passed, message = verdict("c", ["model.p.c"], results)
    assert not passed and "not in this build" in message and "scripts/airflow_setup.sh" in message


def test_without_the_manifest_of_set_up_the_group_says_how_to_make_it(tmp_path):
    with pytest.raises(ManifestMissing, match=r"no dbt manifest at .*: run scripts/airflow_setup.sh"):
        read_manifest(tmp_path / "manifest.json")


def fake_dbt(monkeypatch, tmp_path, returncode: int, results: list[dict] | None):
    """transform.dbt writing these run results (None: none) and exiting with returncode; a Paths
    whose build file exists."""
    import subprocess

    from greenmfg import transform
    from greenmfg.settings import Paths

    paths = Paths(tmp_path / "home")
    paths.build_db("r").parent.mkdir(parents=True)
    paths.build_db("r").touch()

    def dbt_events(paths, build_db, *args, on_event):
        on_event({"info": {"name": "MainReportVersion", "msg": "\x1b[0mdbt says"}, "data": {}})
        for result in results or []:
            node = {"unique_id": result["unique_id"], "node_status": result["status"]}
            on_event({"info": {"name": "LogModelResult", "msg": "1 of 2 OK"}, "data": {"node_info": node}})
        if results is not None:
            target = paths.dbt_work_dir / "target"
            target.mkdir(parents=True, exist_ok=True)
            (target / "run_results.json").write_text(json.dumps({"results": results}))
        return subprocess.CompletedProcess(["dbt", *args], returncode, "dbt says\nRuntime Error: no profile\n", "")

    monkeypatch.setattr(transform, "dbt_events", dbt_events)
    return paths


def test_the_build_fails_itself_when_dbt_could_not_run_or_a_failure_has_no_task(tmp_path, monkeypatch):
    from greenmfg.transform import TransformFailed

    paths = fake_dbt(monkeypatch, tmp_path / "a", 2, None)
    with pytest.raises(TransformFailed, match=r"could not run \(exit 2\): Runtime Error: no profile"):
        build_models(paths, "r", ["model.p.a"])
    failing = [
        {"unique_id": "model.p.a", "status": "success", "execution_time": 0.2},
        {"unique_id": "test.p.orphan", "status": "fail", "message": "Got 1 result"},
    ]
    paths = fake_dbt(monkeypatch, tmp_path / "b", 1, failing)
    with pytest.raises(TransformFailed, match="test.p.orphan, which no task reports"):
        build_models(paths, "r", ["model.p.a"])
    passing = [{"unique_id": "model.p.a", "status": "success", "execution_time": 0.2}]
    with pytest.raises(TransformFailed, match=r"exited 1 with no node failed: Runtime Error: no profile"):
        build_models(fake_dbt(monkeypatch, tmp_path / "d", 1, passing), "r", ["model.p.a"])
    live = {}
    built = build_models(
        fake_dbt(monkeypatch, tmp_path / "c", 1, failing),
        "r",
        ["model.p.a", "test.p.orphan"],
        on_result=lambda uid, result: live.setdefault(uid, result["status"]),
    )
    assert live == {"model.p.a": "success", "test.p.orphan": "fail"}  # each as dbt finished it
    assert built["results"]["test.p.orphan"] == {"status": "fail", "message": "Got 1 result", "seconds": 0}
    assert built["counts"] == {"success": 1, "fail": 1}


@pytest.fixture
def broken_project(tmp_path, monkeypatch):
    """A copy of the dbt project where int_lists_identified cannot be built and a not_null test
    of dim_region fails."""
    from greenmfg import transform

    project = tmp_path / "dbt_project"
    shutil.copytree(transform.DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    (project / "models" / "intermediate" / "int_lists_identified.sql").write_text("select * from no_such_table\n")
    region = project / "models" / "marts" / "dim_region.sql"
    region.write_text(
        f"select * replace (null::varchar as region_name) from ({region.read_text().rstrip().rstrip(';')})\n"
    )
    monkeypatch.setattr(transform, "DBT_PROJECT_DIR", project)
    return project


@pytest.mark.slow
def test_a_broken_model_and_a_failing_test_fail_their_own_tasks_and_stop_what_depends_on_them(
    pipeline_home, broken_project, tmp_path, monkeypatch
):
    from greenmfg import transform
    from greenmfg.settings import Paths

    paths = Paths(tmp_path / "home")
    paths.lake_db.parent.mkdir(parents=True)
    shutil.copyfile(pipeline_home[0].lake_db, paths.lake_db)
    transform.prepare(paths, "broken")
    monkeypatch.setattr("builtins.print", lambda *a, **k: None)
    tasks = task_nodes(json.loads((transform.manifest(paths.dbt_work_dir / "manifest")).read_text()))
    reported = [uid for task in tasks.values() for uid in task.reports]
    live = {}  # each node's result as dbt finished it, for the model tasks that end meanwhile
    built = build_models(paths, "broken", reported, on_result=lambda uid, r: live.setdefault(uid, r["status"]))
    assert built["exit_code"] == 1  # dbt failed, but every failure has its task
    final = {uid: r["status"] for uid, r in built["results"].items()}
    assert {uid: final[uid] for uid in live} == live
    assert {uid for uid, status in final.items() if status in PASSED} <= set(live)

    def task_verdict(name):
        task = next(t for t in tasks.values() if t.name == name)
        return verdict(name, task.reports, built["results"])

    passed, message = task_verdict("int_lists_identified")
    assert not passed and " failed: " in message and "no_such_table" in message
    passed, message = task_verdict("dim_region")
    assert not passed and "not_null_dim_region_region_name fail" in message
    assert task_verdict("stg_lake__list_rows")[0]  # what does not read them passes
    # what dbt did not build waits, in the DAG, for the task that failed: Airflow marks it upstream_failed
    ids = {t.name: uid for uid, t in tasks.items()}

    def descends(uid, ancestor):
        return ancestor in tasks[uid].upstream or any(descends(up, ancestor) for up in tasks[uid].upstream)

    broken = {ids["int_lists_identified"], ids["dim_region"]}
    skipped = [uid for uid, r in built["results"].items() if r["status"] == "skipped" and uid in set(tasks) - broken]
    assert ids["fct_designations"] in skipped and ids["fct_policy_targets"] in skipped
    assert all(any(descends(uid, failed) for failed in broken) for uid in skipped)


# --- the group under Airflow: a DAG run (dag.test, in this process) on a small manifest -------

SMALL_PROJECT = manifest(
    node("model.p.a"),
    node("model.p.b", parents=["model.p.a"]),
    node("model.p.c"),
    node("test.p.not_null_a_x", "test", ["model.p.a"], attached="model.p.a"),
)


@pytest.fixture(scope="module")
def airflow_db():
    from airflow.utils.db import initdb

    initdb()  # SQLite in the tests' own AIRFLOW_HOME (tests/conftest.py)


def small_dag(dag_id: str, nothing_new: bool = False):
    """start → the dbt group of the manifest in GREENMFG_HOME, and `finalize` after dbt.build."""
    import pendulum
    from airflow.sdk import DAG, task
    from airflow.sdk.exceptions import AirflowSkipException

    from greenmfg.orchestration import dbt_group

    with DAG(dag_id, schedule=None, start_date=pendulum.datetime(2026, 1, 1)) as dag:

        @task
        def start():
            if nothing_new:
                raise AirflowSkipException("nothing new")

        @task
        def finalize():
            pass

        dbt = dbt_group.dbt_task_group()
        start() >> dbt.group
        dbt.build >> finalize()
    return dag


def run_group(tmp_path, monkeypatch, statuses: dict[str, str], nothing_new: bool = False, build=None) -> dict[str, str]:
    """Each task's state after a run of small_dag on SMALL_PROJECT, the build's results having
    these statuses."""
    from airflow import settings

    from greenmfg.orchestration import dbt_group

    home = tmp_path / "home"
    (home / "dbt" / "manifest").mkdir(parents=True)
    (home / "dbt" / "manifest" / "manifest.json").write_text(json.dumps(SMALL_PROJECT))
    monkeypatch.setenv("GREENMFG_HOME", str(home))
    dag_id = f"dbt_group_{tmp_path.name}"
    dag_file = Path(settings.DAGS_FOLDER) / f"{dag_id}.py"  # dag.test() syncs the DAG from its file
    dag_file.parent.mkdir(parents=True, exist_ok=True)
    dag_file.write_text(
        f"from tests.test_dbt_group import small_dag\ndag = small_dag({dag_id!r}, nothing_new={nothing_new})\n"
    )
    results = {
        uid: {"status": status, "message": f"{uid} {status}", "seconds": 0.1} for uid, status in statuses.items()
    }
    monkeypatch.setattr(
        dbt_group,
        "build_models",
        build or (lambda paths, run_id, reported, on_result: {"results": results, "counts": {}, "exit_code": 0}),
    )
    try:
        run = small_dag(dag_id, nothing_new).test()
    finally:
        dag_file.unlink()
    return {ti.task_id: ti.state for ti in run.get_task_instances()}


PASSING = {"model.p.a": "success", "test.p.not_null_a_x": "pass", "model.p.b": "success", "model.p.c": "success"}


@pytest.mark.slow
def test_under_airflow_a_failing_test_fails_its_model_and_the_build_and_stops_what_depends_on_it(
    airflow_db, tmp_path, monkeypatch
):
    states = run_group(tmp_path, monkeypatch, {**PASSING, "test.p.not_null_a_x": "fail", "model.p.b": "skipped"})
    assert states == {
        "start": "success",
        "dbt.build": "failed",
        "dbt.a": "failed",
        "dbt.b": "upstream_failed",
        "dbt.c": "success",
        "finalize": "upstream_failed",
    }


@pytest.mark.slow
def test_under_airflow_a_passing_build_passes_every_model(airflow_db, tmp_path, monkeypatch):
    states = run_group(tmp_path, monkeypatch, PASSING)
    assert set(states.values()) == {"success"} and len(states) == 6


@pytest.mark.slow
def test_under_airflow_a_build_that_could_not_run_dbt_skips_the_model_tasks(airflow_db, tmp_path, monkeypatch):
    from greenmfg.orchestration import dbt_group

    def no_dbt(paths, run_id, reported, on_result):
        raise dbt_group.ManifestMissing("no dbt")

    states = run_group(tmp_path, monkeypatch, PASSING, build=no_dbt)
    assert states["dbt.build"] == "failed" and states["finalize"] == "upstream_failed"
    assert {states[t] for t in ("dbt.a", "dbt.c")} == {"skipped"}  # dbt.build says why
    assert states["dbt.b"] == "skipped"


@pytest.mark.slow
def test_under_airflow_with_nothing_new_no_model_task_runs(airflow_db, tmp_path, monkeypatch):
    states = run_group(tmp_path, monkeypatch, PASSING, nothing_new=True)
    assert set(states.values()) == {"skipped"}  # no build: skipped, not failed


# --- the model tasks under the scheduler: started and ended in the triggerer ---------------


def trigger_event(tmp_path, monkeypatch, results: dict | None, reports: list[str], complete: bool = True):
    """The one event DbtResultTrigger yields for task `a` of DAG run `manual__2026-11-30T01:00:00+00:00`."""
    import asyncio
    from types import SimpleNamespace

    from greenmfg.orchestration import dbt_results
    from greenmfg.orchestration.dbt_result_trigger import DbtResultTrigger
    from greenmfg.settings import paths

    monkeypatch.setenv("GREENMFG_HOME", str(tmp_path / "home"))
    monkeypatch.setattr("greenmfg.orchestration.dbt_result_trigger.POLL_SECONDS", 0)
    asked = []  # the build task has ended: Airflow says so when asked
    monkeypatch.setattr(dbt_results, "build_ended", lambda *args: asked.append(args) or True)
    if results is not None:
        dbt_results.write(paths(), "manual__2026-11-30T01_00_00_00_00", results, complete=complete)
    trigger = DbtResultTrigger("a", reports, "dbt.build")
    trigger.task_instance = SimpleNamespace(dag_id="t", run_id="manual__2026-11-30T01:00:00+00:00", task_id="dbt.a")

    async def first():
        return [event async for event in trigger.run()]

    events = asyncio.run(first())
    assert len(events) == 1
    return events[0]


def test_in_the_triggerer_a_model_task_ends_with_its_verdict(tmp_path, monkeypatch):
    from airflow.triggers.base import TaskFailedEvent, TaskSkippedEvent, TaskSuccessEvent

    results = {
        "model.p.a": {"status": "success", "message": "OK", "seconds": 0.2},
        "test.p.not_null_a_x": {"status": "fail", "message": "Got 2 results", "seconds": 0.1},
    }
    assert isinstance(trigger_event(tmp_path / "1", monkeypatch, results, ["model.p.a"]), TaskSuccessEvent)
    assert isinstance(
        trigger_event(tmp_path / "2", monkeypatch, results, ["model.p.a", "test.p.not_null_a_x"]), TaskFailedEvent
    )
    assert isinstance(trigger_event(tmp_path / "3", monkeypatch, None, ["model.p.a"]), TaskSkippedEvent)


def test_in_the_triggerer_a_model_task_ends_while_the_build_goes_on_when_its_nodes_passed(tmp_path, monkeypatch):
    from airflow.triggers.base import TaskFailedEvent, TaskSuccessEvent

    live = {
        "model.p.a": {"status": "success", "message": None, "seconds": 0.2},
        "test.p.not_null_a_x": {"status": "pass", "message": None, "seconds": 0.1},
        "model.p.b": {"status": "error", "message": None, "seconds": 0.1},
    }
    event = trigger_event(tmp_path / "1", monkeypatch, live, ["model.p.a", "test.p.not_null_a_x"], complete=False)
    assert isinstance(event, TaskSuccessEvent)
    # a node that did not pass: its task waits for the final results, which say why
    final = {**live, "model.p.b": {"status": "error", "message": "Catalog Error", "seconds": 0.1}}
    reads = []

    def read(home, run_id):
        reads.append(run_id)
        return {"complete": len(reads) > 2, "results": final if len(reads) > 2 else live}

    monkeypatch.setattr("greenmfg.orchestration.dbt_results.read", read)
    assert isinstance(trigger_event(tmp_path / "2", monkeypatch, None, ["model.p.b"]), TaskFailedEvent)
    assert len(reads) >= 3


def test_a_model_task_waits_for_a_build_in_progress_and_gives_up_when_the_build_ended_without_it():
    from greenmfg.orchestration import dbt_results

    document = {"complete": False, "results": {"model.p.a": {"status": "success", "message": None, "seconds": 1}}}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dbt_results, "read", lambda home, run_id: document)
        assert dbt_results.judge("b", ["model.p.b"], "r", build_ended=False) is None  # dbt has not got to it
        state, message = dbt_results.judge("b", ["model.p.b"], "r", build_ended=True)
        assert state == "skipped" and "no results from dbt.build" in message
        assert dbt_results.judge("a", ["model.p.a"], "r", build_ended=False)[0] == "success"
        # a failure in the final results of a build cleared to run again is no verdict until it ended
        document = {"complete": True, "results": {"model.p.b": {"status": "error", "message": "old", "seconds": 1}}}
        assert dbt_results.judge("b", ["model.p.b"], "r", build_ended=False) is None
        assert dbt_results.judge("b", ["model.p.b"], "r", build_ended=True)[0] == "failed"


def test_the_trigger_survives_its_trip_through_the_metadata_database():
    import importlib

    from greenmfg.orchestration.dbt_group import _result_operator

    task = _result_operator()(task_id="a", node="a", reports=["model.p.a", "test.p.t"], build_task="dbt.build")
    assert task.start_from_trigger
    module, _, name = task.start_trigger_args.trigger_cls.rpartition(".")
    trigger_class = getattr(importlib.import_module(module), name)
    classpath, kwargs = trigger_class(**task.start_trigger_args.trigger_kwargs).serialize()
    assert classpath == task.start_trigger_args.trigger_cls and kwargs == {
        "node": "a",
        "reports": ["model.p.a", "test.p.t"],
        "build_task": "dbt.build",
    }


def test_an_exposure_dbt_has_nothing_to_do_for_is_no_failure():
    from greenmfg.orchestration.dbt_results import failures

    assert (
        failures(
            {"exposure.greenmfg.bi_connection": {"status": "no-op"}, "model.greenmfg.dim_region": {"status": "success"}}
        )
        is None
    )
