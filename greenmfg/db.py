"""DuckDB access rules: one writer per file (an exclusive file lock), readers read-only."""

from __future__ import annotations

import fcntl
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

from greenmfg.files import remove_empty_dir
from greenmfg.settings import setting


@contextmanager
def writer(path: Path, timeout_note: str = ""):
    """Exclusive write connection; a second writer waits for the lock instead of failing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file(path), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        con = _connect_for_writing(path, float(setting("GREENMFG_WRITER_WAIT")))
        try:
            yield con
        finally:
            con.close()


def lock_file(path: Path) -> Path:
    """The file writers of `path` lock (beside it)."""
    return path.with_name(path.name + ".lock")


def leave_folder(path: Path) -> None:
    """After `path` moved away for good (published, failed): its writers' lock and, if that
    leaves it empty, its folder removed (no one writes it again)."""
    lock_file(path).unlink(missing_ok=True)
    remove_empty_dir(path.parent)


def _connect_for_writing(path: Path, wait: float) -> duckdb.DuckDBPyConnection:
    """A write connection once no other process reads the file: DuckDB refuses a writer while a
    reader elsewhere holds it (the docs' dbt reading the lake, a BI tool on a build), so the writer
    waits up to `wait` seconds for it to let go, then raises DuckDB's error."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.25)


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
