"""One run at a time per GREENMFG_HOME.

Two runs over one home would fetch the same pages twice, prune each other's build files and
race to publish. A run holds an fcntl lock on `<home>/run.lock` (released by the kernel when
its process ends, however it ends: a killed run leaves no stale lock). Who holds it is
written beside it, `<home>/run.lock.holders/<pid>.json`, so the one refused can say who.

- `greenmfg run` (and every stage the CLI runs on its own) does not wait: a second one exits
  with status 1 and one line, "a run is in progress (pid N, started at T)".
- The DAGs' stage tasks (greenmfg.orchestration.stages.run_stage) wait for it, saying so in
  the task log, up to GREENMFG_RUN_LOCK_WAIT seconds (default 1800), then fail (and Airflow
  retries them). The stages a DAG run runs side by side take the lock shared within that run
  (greenmfg.orchestration.stages.SHARED_STAGES: the scrapes, one per source; the freshness check
  beside the build; the gate beside the docs), never beside another run or a stage that holds it alone.

The lock is re-entrant within a process (`greenmfg run` holds it, its stages take it again).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from greenmfg.files import write_atomic
from greenmfg.settings import Paths, setting

log = logging.getLogger(__name__)
LOCK_FILE = "run.lock"
HOLDERS = "run.lock.holders"
DAG_WAIT = 1800.0  # seconds a DAG stage waits for a run in progress


class RunInProgress(SystemExit):
    """Another process holds the home's run lock. A SystemExit: the CLI exits with status 1
    and the message as its one line (Airflow tasks get a RuntimeError, see run_stage)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


_held: dict[str, list] = {}  # home → [file descriptor, depth]
_guard = threading.Lock()


def wait_seconds(default: float) -> float:
    """How long to wait for a run in progress: GREENMFG_RUN_LOCK_WAIT where set, else `default`."""
    configured = setting("GREENMFG_RUN_LOCK_WAIT")
    return float(configured) if configured else default


@contextmanager
def hold(
    paths: Paths, what: str = "run", shared: bool = False, wait: float = 0.0, scope: str | None = None
) -> Iterator[None]:
    """Hold the run lock of `paths.home` (exclusive, or `shared` with the other shared holders of
    the same `scope`: the tasks of one DAG run), waiting up to `wait` seconds for another holder;
    RunInProgress when it is still held."""
    key = str(paths.home)
    with _guard:
        entry = _held.get(key)
        if entry is not None:
            entry[1] += 1
    if entry is None:
        fd = _acquire(paths, what, shared, wait, scope)
        with _guard:
            _held[key] = [fd, 1]
    try:
        yield
    finally:
        with _guard:
            entry = _held[key]
            entry[1] -= 1
            last = entry[1] == 0
            if last:
                del _held[key]
        if last:
            _holder_file(paths).unlink(missing_ok=True)
            fcntl.flock(entry[0], fcntl.LOCK_UN)
            os.close(entry[0])


def _acquire(paths: Paths, what: str, shared: bool, wait: float, scope: str | None = None) -> int:
    paths.home.mkdir(parents=True, exist_ok=True)
    fd = os.open(paths.home / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    deadline, told = time.monotonic() + wait, False
    try:
        while True:
            if _try_lock(paths, fd, what, shared, scope):
                return fd
            left = deadline - time.monotonic()
            if left <= 0:
                raise RunInProgress(describe(paths) + (f"; waited {wait:.0f} s" if wait > 0 else ""))
            if not told:
                log.warning("%s: %s waits for it (up to %.0f s)", describe(paths), what, wait)
                told = True
            time.sleep(min(0.5, left))
    except BaseException:
        os.close(fd)
        raise


def _try_lock(paths: Paths, fd: int, what: str, shared: bool, scope: str | None) -> bool:
    """Take the lock at once, or not at all. A shared holder keeps it only while no shared holder
    of another scope came before it (two DAG runs never share it)."""
    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    me = {
        "pid": os.getpid(),
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "since": time.time(),
        "what": what,
        "shared": shared,
        "scope": scope,
    }
    write_atomic(_holder_file(paths), json.dumps(me))
    if shared and any(
        other.get("scope") != scope and _before(other, me) for other in holders(paths) if other["pid"] != me["pid"]
    ):
        _holder_file(paths).unlink(missing_ok=True)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    return True


def _before(holder: dict, me: dict) -> bool:
    return (holder.get("since", 0.0), int(holder["pid"])) < (me["since"], me["pid"])


def _holder_file(paths: Paths, pid: int | None = None) -> Path:
    return paths.home / HOLDERS / f"{pid or os.getpid()}.json"


def holders(paths: Paths) -> list[dict]:
    """The processes that hold the lock now, oldest first (files of ended processes are dropped)."""
    found = []
    for path in (paths.home / HOLDERS).glob("*.json"):
        try:
            holder = json.loads(path.read_text(encoding="utf-8"))
            pid = int(holder["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if _alive(pid):
            found.append(holder)
        else:
            path.unlink(missing_ok=True)
    return sorted(found, key=lambda h: str(h.get("started_at")))


def describe(paths: Paths) -> str:
    """ "a run is in progress (pid N, started at T)", naming the oldest holder."""
    for _ in range(20):  # a holder writes its file just after it takes the lock
        found = holders(paths)
        if found:
            first = found[0]
            more = f", and {len(found) - 1} more" if len(found) > 1 else ""
            return f"a run is in progress (pid {first['pid']}, started at {first['started_at']}{more})"
        time.sleep(0.05)
    return "a run is in progress (pid unknown)"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
