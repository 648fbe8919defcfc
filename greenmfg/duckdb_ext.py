"""DuckDB extensions from their PyPI packages (duckdb-extension-<name>), loaded by path,
so nothing is downloaded at run time and the extension always matches the duckdb version."""

from __future__ import annotations

import os
import tempfile
from importlib.resources import files
from pathlib import Path

import duckdb

# The PyPI package's file name differs from the extension's own name, which DuckDB derives
# the entry point from: load a link with the right name.
INTERNAL_NAMES = {"postgres": "postgres_scanner"}


def extension_path(name: str) -> str:
    package = files(f"duckdb_extension_{name}")
    path = package / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.is_file():
        raise RuntimeError(f"duckdb-extension-{name} does not ship an extension for duckdb {duckdb.__version__}")
    return str(path)


def load(con: duckdb.DuckDBPyConnection, name: str) -> None:
    path = Path(extension_path(name))
    internal = INTERNAL_NAMES.get(name, name)
    if internal != name:
        folder = Path(tempfile.gettempdir()) / f"greenmfg-duckdb-ext-v{duckdb.__version__}"
        folder.mkdir(exist_ok=True)
        link = folder / f"{internal}.duckdb_extension"
        if not link.exists():
            tmp = folder / f".{internal}.{os.getpid()}"
            tmp.symlink_to(path)
            os.replace(tmp, link)
        path = link
    con.execute(f"LOAD {literal(str(path))}")


def literal(text: str) -> str:
    """`text` as a SQL string literal, quoted by DuckDB itself: for the statements that take no
    parameters (ATTACH, LOAD), where a path or DSN must still never be pasted in raw."""
    return str(duckdb.ConstantExpression(str(text)))
