"""Progress of a DAG run as it happens: each task's state changes (task, state, seconds since
the watch began), read from Airflow's metadata database while `airflow dags test` runs with its
output going to a log file (scripts/run_dag.sh, `make run`).

    python -m greenmfg.orchestration.progress DAG_ID LOG_FILE COMMAND...

runs COMMAND (e.g. `airflow dags test DAG_ID`) with its output going to LOG_FILE and prints
the state changes of the first run of DAG_ID that the command starts, until it ends; exits with
the command's exit status. A task's start (running) and its outcome are printed, not the steps
in between.
"""

from __future__ import annotations

import os
import sys
import time

SHOWN = {
    "running",
    "success",
    "failed",
    "skipped",
    "upstream_failed",
    "up_for_retry",
    "up_for_reschedule",
    "deferred",
    "removed",
}


def metadata_url() -> str:
    """The metadata database Airflow uses here: [database] sql_alchemy_conn from the
    environment, else the SQLite file in AIRFLOW_HOME (Airflow's default)."""
    url = os.environ.get("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN")
    if url:
        return url
    home = os.environ.get("AIRFLOW_HOME") or os.path.expanduser("~/airflow")
    return f"sqlite:///{os.path.join(home, 'airflow.db')}"


def newest_run_id(connection, dag_id: str) -> int:
    from sqlalchemy import text

    return connection.execute(
        text("select coalesce(max(id), 0) from dag_run where dag_id = :dag"), {"dag": dag_id}
    ).scalar()


def task_states(connection, dag_id: str, after_run: int) -> dict[tuple[str, int], tuple[str, str]]:
    """(task, map index) → (label, state) for the first run of dag_id newer than after_run; a
    mapped task's label is task[its rendered index, else the index]."""
    from sqlalchemy import text

    rows = connection.execute(
        text(
            """select ti.task_id, ti.map_index, ti.rendered_map_index, ti.state from task_instance ti
           join dag_run r on r.dag_id = ti.dag_id and r.run_id = ti.run_id
           where r.dag_id = :dag and r.id = (select min(id) from dag_run where dag_id = :dag and id > :after)"""
        ),
        {"dag": dag_id, "after": after_run},
    ).fetchall()
    return {(task, index): (_label(task, index, rendered), state) for task, index, rendered, state in rows if state}


def _label(task_id: str, map_index: int, rendered: str | None) -> str:
    return task_id if map_index is None or map_index < 0 else f"{task_id}[{rendered or map_index}]"


def changes(before: dict, now: dict) -> list[tuple[str, str]]:
    """(label, state) for each task whose state changed to one worth showing: what finished
    before what started."""
    changed = [
        (label, state)
        for key, (label, state) in now.items()
        if state != before.get(key, (None, None))[1] and state in SHOWN
    ]
    return sorted(changed, key=lambda change: (change[1] == "running", change[0]))


def watch(dag_id: str, start, out=sys.stdout, interval: float = 1.0, url: str | None = None) -> dict[str, str]:
    """Call start() (which starts the run and returns a function telling whether it still runs),
    then print the state changes of the run of dag_id it starts until it ends; the final states."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError

    engine = create_engine(url or metadata_url())
    try:
        with engine.connect() as connection:
            after = newest_run_id(connection, dag_id)
    except OperationalError:  # no runs table yet: every run is new
        after = 0
    alive = start()
    started, seen = time.monotonic(), {}
    while True:
        running = alive()  # read before the states: the last poll sees the run's end
        try:
            with engine.connect() as connection:
                now = task_states(connection, dag_id, after)
        except OperationalError:  # the database is being written: next time
            now = seen
        for task, state in changes(seen, now):
            print(f"    {time.monotonic() - started:5.0f}s  {task:<50} {state}", file=out, flush=True)
        seen = {**seen, **now}
        if not running:
            return dict(seen.values())
        time.sleep(interval)


def main(argv: list[str] | None = None) -> int:
    import subprocess

    args = sys.argv[1:] if argv is None else argv
    if len(args) < 3:
        print("usage: python -m greenmfg.orchestration.progress DAG_ID LOG_FILE COMMAND...", file=sys.stderr)
        return 2
    dag_id, log_file, command = args[0], args[1], args[2:]
    with open(log_file, "wb") as log:
        process: list[subprocess.Popen] = []

        def start():
            process.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT))
            return lambda: process[0].poll() is None

        watch(dag_id, start)
        return process[0].wait()


if __name__ == "__main__":
    sys.exit(main())
