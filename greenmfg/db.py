"""DuckDB access rules: one writer per file (an exclusive file lock), readers read-only."""

from __future__ import annotations

import fcntl
from contextlib import contextmanager
from pathlib import Path

import duckdb


@contextmanager
def writer(path: Path, timeout_note: str = ""):
    """Exclusive write connection; a second writer waits for the lock instead of failing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        con = duckdb.connect(str(path))
        try:
            yield con
        finally:
            con.close()


# What a query from a person may not do: touch files other than the database (COPY, read_csv,
# ATTACH, EXPORT), install or load extensions, or undo these settings.
SANDBOX = {
    "enable_external_access": False,
    "allow_community_extensions": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


@contextmanager
def reader(path: Path, sandboxed: bool = False):
    """Read-only connection; `sandboxed` also locks out the file system and extensions (for `greenmfg sql`)."""
    con = duckdb.connect(str(path), read_only=True, config=SANDBOX if sandboxed else {})
    try:
        yield con
    finally:
        con.close()
