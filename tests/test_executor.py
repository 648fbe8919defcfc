"""The LocalExecutor of the services test, its workers forked with the task modules imported:
what it preloads must import, and start no thread (forking a process with threads is unsafe)."""

import subprocess
import sys

from greenmfg.orchestration.executor import PRELOADED, preload


def test_what_is_preloaded_imports_and_starts_no_thread():
    script = (
        "import threading; from greenmfg.orchestration.executor import preload, PRELOADED; "
        "loaded = preload(); print(len(loaded), len(PRELOADED), threading.active_count())"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded, listed, threads = map(int, done.stdout.split())
    assert loaded == listed == len(PRELOADED) and threads == 1


def test_a_module_that_cannot_be_preloaded_is_left_to_the_tasks(caplog):
    assert preload(("json", "greenmfg.no_such_module")) == ["json"]
    assert "not preloaded: greenmfg.no_such_module" in caplog.text
