"""Every operator error is one line on stderr and a non-zero exit, never a traceback."""

import errno
import json
import socket
import subprocess
import sys

import duckdb
import pytest

from greenmfg import cli
from greenmfg.cli import summary as summary_command
from greenmfg.settings import PROJECT_ROOT, Paths


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("GREENMFG_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def published(home):
    """A published warehouse of one table, with publish's record of it."""
    paths = Paths(home)
    paths.warehouse_dir.mkdir(parents=True)
    with duckdb.connect(str(paths.published_db)) as con:
        con.execute("create schema marts; create table marts.fct_designations as select range as id from range(5)")
    (paths.warehouse_dir / "published.json").write_text(json.dumps({"run_id": "old", "tables": {}}))
    return paths


def one_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        OSError(errno.EROFS, "Read-only file system"),
        RuntimeError("a source failed"),
    ],
)
def test_an_error_escaping_a_command_is_one_line_with_the_log(home, monkeypatch, capsys, error):
    def fail(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(summary_command, "summary_text", fail)
    assert cli.main(["summary"]) == 1
    line = one_line(capsys)
    assert line.startswith("greenmfg summary: ") and "cli-errors.log" in line
    assert "Traceback" in (home / "logs" / "cli-errors.log").read_text(encoding="utf-8")


def test_debug_keeps_the_traceback(home, monkeypatch):
    monkeypatch.setattr(summary_command, "summary_text", lambda *_: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        cli.main(["--debug", "summary"])


def test_the_log_itself_unwritable_still_gives_one_line(home, monkeypatch, capsys):
    home.mkdir(parents=True)
    (home / "logs").write_text("not a folder")  # the log cannot be opened
    monkeypatch.setattr(summary_command, "summary_text", lambda *_: 1 / 0)
    assert cli.main(["summary"]) == 1
    assert "--debug" in one_line(capsys)


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "绿色", "--limit", "-1"],
        ["search", "x", "--limit", "0"],
        ["nope"],
        ["sources", "check"],
        [],
        ["sources"],
        ["publish"],
        ["publish", "--run-id", "../elsewhere"],
        ["run", "--run-id", "a/b"],
        ["publish", "--run-id", "failed"],  # (the folder of the builds the gate failed)
        ["transform", "--run-id", ".hidden"],
        ["sql", "select 1", "--format", "xml"],
        ["sql", "select 1", "--limit", "5", "--all"],
        ["serve-mirror", "--port", "99999"],
        ["serve-mirror", "--as-of", "2024-13-01"],
        ["serve-mirror", "--as-of", "30.06.2024"],
    ],
)
def test_command_line_mistakes_are_one_line(home, capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    one_line(capsys)


# --- a home where a stage has not run yet ---------------------------------------------------
@pytest.mark.parametrize(
    "argv,code,says",
    [
        (["summary"], 1, "nothing published yet"),
        (["sql", "select 1"], 1, "nothing published yet"),
        (["search", "绿色工厂"], 1, "nothing published yet"),
        (["report"], 1, "nothing published yet"),
        (["transform"], 1, "nothing loaded yet"),
        (["validate", "--run-id", "nope"], 2, "no build of run 'nope'"),
        (["publish", "--run-id", "nope"], 2, "no build of run 'nope'"),
        (["sources", "check", "nope"], 2, "unknown source 'nope'"),
        (["scrape", "--source", "miit", "--source", "nope"], 2, "unknown source 'nope'"),
        (["run", "--source", "nope"], 2, "unknown source 'nope'"),
        (["extract", "/no/such/page.html"], 2, "/no/such/page.html: no such file"),
        (["serve-mirror", "--root", "/no/such/corpus"], 2, "not a folder"),
        (["serve-mirror", "--faults", "/no/such/plan.yml"], 2, "no such file"),
    ],
)
def test_a_command_the_home_is_not_ready_for_is_one_line(home, capsys, argv, code, says):
    assert cli.main(argv) == code
    line = one_line(capsys)
    command = "sources check" if argv[0] == "sources" else argv[0]
    assert line.startswith(f"greenmfg {command}: ")
    assert says in line and "cli-errors.log" not in line  # a person's mistake is no bug: nothing logged


def test_publish_names_the_builds_waiting_and_a_build_that_failed_the_gate(home, capsys):
    paths = Paths(home)
    (paths.build_dir / "failed").mkdir(parents=True)
    paths.build_db("waiting").parent.mkdir()
    paths.build_db("waiting").touch()
    paths.failed_build("bad").touch()
    assert cli.main(["publish", "--run-id", "nope"]) == 2
    assert "builds waiting: waiting" in one_line(capsys)
    assert cli.main(["publish", "--run-id", "bad"]) == 1
    assert "failed the gate" in one_line(capsys)


def test_publishing_the_published_run_again_says_so(published, capsys):
    assert cli.main(["validate", "--run-id", "old"]) == 1
    assert "already published" in one_line(capsys)


def test_a_port_in_use_is_one_line(home, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert cli.main(["serve-mirror", "--port", str(port)]) == 1
    assert f"cannot listen on 127.0.0.1:{port}" in one_line(capsys)


def test_search_without_a_word_is_one_line(published, capsys):
    assert cli.main(["search", "！？"]) == 2
    assert "nothing to search for" in one_line(capsys)


# --- a stage that fails: what failed, the details in the log ------------------------------
def test_a_failed_gate_is_one_line_naming_its_tables(home, monkeypatch, capsys):
    from greenmfg import pipeline
    from greenmfg.gate import Failure, GateFailed, GateResult

    failure = Failure(
        table="marts.fct_designations",
        expectation="expect_column_values_to_be_unique",
        column="designation_id",
        unexpected_count=2,
        examples=["a\nb"],
    )
    result = GateResult(
        success=False, tables={"marts.dim_list": True, "marts.fct_designations": False}, failures=[failure]
    )
    monkeypatch.setattr(pipeline, "validate", lambda *_: (_ for _ in ()).throw(GateFailed(result)))
    Paths(home).build_db("mine").parent.mkdir(parents=True)
    Paths(home).build_db("mine").touch()
    assert cli.main(["validate", "--run-id", "mine"]) == 1
    line = one_line(capsys)
    assert line.startswith("greenmfg validate: the gate failed on marts.fct_designations (1 failed expectation(s))")
    assert "expect_column_values_to_be_unique" in (home / "logs" / "cli-errors.log").read_text(encoding="utf-8")


def test_failed_sources_and_a_failed_dbt_build_are_one_line(home, monkeypatch, capsys):
    from greenmfg import pipeline
    from greenmfg.scrape import SourcesFailed
    from greenmfg.transform import TransformFailed

    def sources_fail(*_args, **_kwargs):
        raise SourcesFailed({"zj_jxt": "HTTP 503\nretried 3 times", "miit": "timeout"}, [])

    def dbt_fails(*_args, **_kwargs):
        raise TransformFailed(
            "dbt build failed (exit 1):\n12:00:01  1 of 9 OK\n"
            "12:00:02  Failure in test unique_fct_designations_designation_id (models/x.yml)\n"
            "12:00:03  Done.\n"
        )

    monkeypatch.setenv("GREENMFG_MIRROR_URL", "http://127.0.0.1:9")
    monkeypatch.setattr(pipeline, "scrape", sources_fail)
    assert cli.main(["scrape"]) == 1
    assert one_line(capsys).startswith("greenmfg scrape: sources failed: zj_jxt, miit (details in ")
    Paths(home).lake_db.parent.mkdir(parents=True)
    Paths(home).lake_db.touch()
    monkeypatch.setattr(pipeline, "transform", dbt_fails)
    assert cli.main(["transform"]) == 1
    assert one_line(capsys).startswith(
        "greenmfg transform: dbt build failed (exit 1): 12:00:02 Failure in test unique_fct_designations_designation_id"
    )


def test_a_closed_pipe_ends_quietly(published):
    """`greenmfg sql … | head -1`: the reader stops, the command ends without a word."""
    env = {"PATH": "/usr/bin:/bin", "GREENMFG_HOME": str(published.home)}
    child = subprocess.Popen(
        [sys.executable, "-m", "greenmfg.cli", "sql", "select range from range(1000000)", "--all"],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "range"
    child.stdout.close()
    assert child.wait(timeout=120) == 0 and child.stderr.read() == ""


def test_an_interrupt_is_one_line(home, monkeypatch, capsys):
    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(summary_command, "summary_text", interrupted)
    assert cli.main(["summary"]) == 130
    assert one_line(capsys) == "greenmfg: interrupted"


@pytest.mark.parametrize(
    "argv,code", [(["summary"], 1), (["publish", "--run-id", "nope"], 2), (["sources", "check", "nope"], 2)]
)
def test_the_installed_command_prints_one_line(tmp_path, argv, code):
    """As a person meets it: `python -m greenmfg.cli` (the `greenmfg` script calls the same main)."""
    env = {"PATH": "/usr/bin:/bin", "GREENMFG_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "greenmfg.cli", *argv],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == code and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("greenmfg "), done.stderr
