"""Places where crash tests hold a stage at its most fragile moment and kill it.

`pause("GREENMFG_FAULT_PAUSE_IN_LOAD")` does nothing unless that variable is set (to a number of
seconds): then it leaves a marker, $GREENMFG_HOME/crash-points/<variable>, so the test knows the
stage got there, and sleeps. Never set in production.
"""

from __future__ import annotations

import time
from pathlib import Path

from greenmfg.settings import paths, setting


def marker(home: Path, variable: str) -> Path:
    """The file that says a run under `home` reached the crash point `variable`."""
    return home / "crash-points" / variable


def pause(variable: str) -> None:
    if seconds := setting(variable):
        reached = marker(paths().home, variable)
        reached.parent.mkdir(parents=True, exist_ok=True)
        reached.touch()
        time.sleep(float(seconds))
