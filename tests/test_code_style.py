"""The code keeps one style: ruff's lint rules and its formatter, as pyproject.toml configures
them ([tool.ruff]), over every Python file of the repository."""

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
