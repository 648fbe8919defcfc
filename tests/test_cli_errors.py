"""Every operator error is one line on stderr and a non-zero exit, never a traceback."""

import errno

import pytest

from greenmfg import cli


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("GREENMFG_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def one_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"),
                                   OSError(errno.EROFS, "Read-only file system"), RuntimeError("a source failed")])
def test_an_error_escaping_a_command_is_one_line_with_the_log(home, monkeypatch, capsys, error):
    def fail(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(cli, "summary_text", fail)
    assert cli.main(["summary"]) == 1
    line = one_line(capsys)
    assert line.startswith("greenmfg summary: ") and "cli-errors.log" in line
    assert "Traceback" in (home / "logs" / "cli-errors.log").read_text(encoding="utf-8")


def test_debug_keeps_the_traceback(home, monkeypatch):
    monkeypatch.setattr(cli, "summary_text", lambda *_: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        cli.main(["--debug", "summary"])


def test_the_log_itself_unwritable_still_gives_one_line(home, monkeypatch, capsys):
    home.mkdir(parents=True)
    (home / "logs").write_text("not a folder")  # the log cannot be opened
    monkeypatch.setattr(cli, "summary_text", lambda *_: 1 / 0)
    assert cli.main(["summary"]) == 1
    assert "--debug" in one_line(capsys)


@pytest.mark.parametrize("argv", [["search", "绿色", "--limit", "-1"], ["search", "x", "--limit", "0"],
                                  ["nope"], ["sources", "check"]])
def test_command_line_mistakes_are_one_line(home, capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    one_line(capsys)
