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


@contextmanager
def reader(path: Path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        yield con
    finally:
        con.close()
