"""`make run` prints each task's state as the DAG run changes it (greenmfg.orchestration.progress),
read from Airflow's metadata database while `airflow dags test` writes its log to a file."""

import io
import sqlite3
import sys

from greenmfg.orchestration import progress

SCHEMA = """
create table dag_run (id integer primary key, dag_id text, run_id text);
create table task_instance (dag_id text, run_id text, task_id text, map_index integer, rendered_map_index text,
                            state text);
"""


def test_the_state_changes_of_the_run_the_command_starts_are_printed(tmp_path):
    db = tmp_path / "airflow.db"
    with sqlite3.connect(db) as con:
        con.executescript(SCHEMA)
        con.execute("insert into dag_run values (1, 'greenmfg_ingest', 'an_earlier_run')")
        con.execute(
            "insert into task_instance values ('greenmfg_ingest', 'an_earlier_run', 'list_sources', -1, null, 'failed')"
        )
    steps = [  # what the run does between two polls
        [
            "insert into dag_run values (2, 'greenmfg_ingest', 'manual_1')",
            "insert into task_instance values ('greenmfg_ingest', 'manual_1', 'list_sources', -1, null, 'running')",
        ],
        [
            "update task_instance set state = 'success' where run_id = 'manual_1'",
            "insert into task_instance values ('greenmfg_ingest', 'manual_1', 'scrape', 0, null, 'running')",
        ],
        ["update task_instance set state = 'failed', rendered_map_index = 'miit' where task_id = 'scrape'"],
    ]

    def start():
        def alive():
            if steps:
                with sqlite3.connect(db) as con:
                    for statement in steps.pop(0):
                        con.execute(statement)
            return bool(steps)

        return alive

    out = io.StringIO()
    final = progress.watch("greenmfg_ingest", start, out=out, interval=0, url=f"sqlite:///{db}")
    lines = [line.split() for line in out.getvalue().splitlines()]
    assert [line[1:] for line in lines] == [
        ["list_sources", "running"],
        ["list_sources", "success"],
        ["scrape[0]", "running"],
        ["scrape[miit]", "failed"],
    ]
    # queued is not shown, nor the earlier run; a mapped task is named by its source once it has rendered it
    assert all(line[0].endswith("s") for line in lines)  # seconds since the run began
    assert final == {"list_sources": "success", "scrape[miit]": "failed"}


def test_the_command_runs_with_its_output_in_the_log_and_its_exit_status_is_returned(tmp_path, monkeypatch):
    db = tmp_path / "airflow.db"
    with sqlite3.connect(db) as con:
        con.executescript(SCHEMA)
    monkeypatch.setenv("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", f"sqlite:///{db}")
    log = tmp_path / "dag.log"
    code = progress.main(
        ["greenmfg_ingest", str(log), sys.executable, "-c", "print('the DAG log'); raise SystemExit(3)"]
    )
    assert code == 3 and log.read_text() == "the DAG log\n"
