"""The code keeps one style: ruff's lint rules and its formatter, as pyproject.toml configures
them ([tool.ruff]), over every Python file of the repository; sqlfluff over the dbt project's
SQL (dbt_project/.sqlfluff), from the environment of its own that `make venv` makes."""

import subprocess
import sys
from pathlib import Path

import pytest

from greenmfg.settings import PROJECT_ROOT

RUFF = Path(sys.executable).with_name("ruff")


@pytest.mark.parametrize("command", [["check", "--no-cache"], ["format", "--check", "--no-cache"]])
def test_ruff_passes(command):
    result = subprocess.run([str(RUFF), *command, "."], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"ruff {' '.join(command)}:\n{result.stdout[-4000:]}{result.stderr[-2000:]}"


def test_sqlfluff_passes_on_the_dbt_project():
    sqlfluff = PROJECT_ROOT / ".venv" / "lint" / "bin" / "sqlfluff"
    assert sqlfluff.exists(), "no sqlfluff environment: run make venv"
    result = subprocess.run(
        [str(sqlfluff), "lint", "models", "macros", "tests", "--disable-progress-bar"],
        cwd=PROJECT_ROOT / "dbt_project",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"sqlfluff lint (dbt_project):\n{result.stdout[-4000:]}{result.stderr[-2000:]}"
