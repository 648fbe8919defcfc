"""A fresh machine's two commands: `make run` and `make test` install the system packages they
need as root (scripts/system_packages.sh); without root they say what is missing and how to
install it, and the tests that need a missing tool are skipped with that command and counted."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from greenmfg.settings import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "scripts" / "system_packages.sh"


def bin_dir(tmp_path: Path, *commands: str) -> Path:
    """A PATH of python3 and these commands only, and an apt-get that records what it is asked."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for command in commands:
        (folder / command).symlink_to(shutil.which(command) or f"/usr/bin/{command}")
    system_python = Path("/usr/bin/python3")  # another user may not reach the venv's interpreter
    (folder / "python3").symlink_to(system_python if system_python.exists() else Path(sys.executable))
    apt = folder / "apt-get"
    apt.write_text(f'#!/bin/sh\necho "$@" >> {tmp_path}/apt.log\n')
    apt.chmod(0o755)
    return folder


def packages(tmp_path, step: str, path: Path, user: str | None = None) -> subprocess.CompletedProcess:
    command = [shutil.which("bash"), str(SCRIPT), step]
    if user:
        command = [shutil.which("runuser"), "-u", user, "--", *command]
    return subprocess.run(command, env={"PATH": str(path)}, capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(os.geteuid() != 0, reason="installing needs root")
def test_as_root_what_is_missing_is_installed_in_one_apt_get_install(tmp_path):
    path = bin_dir(tmp_path, "id")  # no antiword, chromium, curl, fc-list or pg_ctlcluster on this PATH
    done = packages(tmp_path, "test", path)
    assert done.returncode == 0, done.stderr
    calls = (tmp_path / "apt.log").read_text().splitlines()
    assert calls[0] == "update -qq"
    assert calls[1].split() == [
        "install",
        "-y",
        "-qq",
        "--no-install-recommends",
        "curl",
        "antiword",
        "postgresql",
        "chromium",
        "fontconfig",
    ]  # the fonts are there
    (tmp_path / "apt.log").unlink()
    for tool in ("curl", "antiword", "pg_ctlcluster", "chromium", "fc-list"):
        (path / tool).symlink_to("/bin/true")
    assert packages(tmp_path, "test", path).returncode == 0
    assert not (tmp_path / "apt.log").exists()  # nothing missing, nothing installed


@pytest.fixture
def shared_dir():
    """A folder another user can read and write (pytest's tmp_path is the owner's only)."""
    folder = Path(tempfile.mkdtemp(prefix="greenmfg-fresh-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("runuser"), reason="needs root to run as another user")
def test_without_root_it_says_what_is_missing_and_how_to_install_it(shared_dir):
    path = bin_dir(shared_dir, "id")
    done = packages(shared_dir, "run", path, user="nobody")
    assert done.returncode == 0, done.stderr  # make run goes on without them
    assert (
        "missing curl antiword postgresql; install them with: sudo apt-get install curl antiword postgresql"
        in done.stderr
    )
    assert not (shared_dir / "apt.log").exists()
    done = packages(shared_dir, "venv", path, user="nobody")
    assert done.returncode == 0  # python3-venv is there


def run_pytest(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("CI", "GREENMFG_TEST_POSTGRES_DSN")}
    environment["PATH"] = str(tmp_path / "empty-bin")  # no antiword, no chromium
    (tmp_path / "empty-bin").mkdir(exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=300,
        cwd=PROJECT_ROOT,
    )


@pytest.fixture
def suite(tmp_path):
    """A test folder with the project's conftest: a test that needs antiword, one that needs
    PostgreSQL, one that needs nothing."""
    folder = tmp_path / "suite"
    folder.mkdir()
    shutil.copy(PROJECT_ROOT / "tests" / "conftest.py", folder / "conftest.py")
    (folder / "test_tools.py").write_text(
        "import pytest\n\n"
        "@pytest.mark.needs('antiword')\ndef test_reads_word_97():\n    pass\n\n"
        "def test_publishes(postgres_dsn):\n    pass\n\n"
        "def test_needs_nothing():\n    pass\n"
    )
    return folder


def test_a_test_needing_a_missing_tool_is_skipped_with_the_install_command_and_counted(tmp_path, suite):
    done = run_pytest(tmp_path, "-rs", str(suite), "--rootdir", str(suite))
    assert done.returncode == 0, done.stdout[-3000:]
    assert "1 passed, 2 skipped" in done.stdout
    assert "needs antiword: apt-get install antiword" in done.stdout  # the reason, with the command
    summary = done.stdout.split("skipped: missing system tools")[1]
    assert "1 skipped, antiword missing: apt-get install antiword" in summary
    assert "1 skipped, postgresql missing: `make test` starts it" in summary


def test_under_ci_a_missing_tool_fails_its_tests(tmp_path, suite):
    done = run_pytest(tmp_path, str(suite), "--rootdir", str(suite), CI="1")
    assert done.returncode == 1 and "1 passed, 2 errors" in done.stdout, done.stdout[-3000:]


def test_the_word_97_reader_test_and_the_pipeline_tests_need_antiword(tmp_path):
    done = run_pytest(tmp_path, "--collect-only", "-m", "needs", "tests/test_readers.py", "tests/test_pipeline_e2e.py")
    collected = done.stdout.splitlines()
    assert "tests/test_readers.py::test_word_97_doc_through_antiword" in collected
    assert all(line.startswith("tests/test_pipeline_e2e.py::") for line in collected if "test_pipeline_e2e" in line)
    assert sum("test_pipeline_e2e.py::" in line for line in collected) >= 3
    assert not any("test_readers.py::test_a_table_without_known_columns" in line for line in collected)
