"""Where things live. Everything is derived from GREENMFG_HOME (default ./data)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = PROJECT_ROOT / "corpus"
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"


@dataclass(frozen=True)
class Paths:
    home: Path

    @property
    def raw_dir(self) -> Path:
        """Immutable landing zone: content-addressed objects + per-run manifests."""
        return self.home / "raw"

    @property
    def lake_db(self) -> Path:
        """DuckDB file with the raw tables (written by `load` only)."""
        return self.home / "lake" / "raw.duckdb"

    @property
    def warehouse_dir(self) -> Path:
        return self.home / "warehouse"

    @property
    def published_db(self) -> Path:
        return self.warehouse_dir / "greenmfg.duckdb"

    @property
    def build_dir(self) -> Path:
        return self.warehouse_dir / "build"

    def build_db(self, run_id: str) -> Path:
        return self.build_dir / f"{run_id}.duckdb"

    @property
    def runs_dir(self) -> Path:
        """Run reports (JSON), one folder per run."""
        return self.home / "runs"

    @property
    def gx_dir(self) -> Path:
        """Great Expectations file context (results, Data Docs)."""
        return self.home / "gx"

    @property
    def dbt_work_dir(self) -> Path:
        return self.home / "dbt"


def paths() -> Paths:
    home = Path(os.environ.get("GREENMFG_HOME", PROJECT_ROOT / "data")).resolve()
    return Paths(home=home)


def max_file_bytes() -> int:
    """The largest page or attachment accepted (fetched, stored, parsed): 64 MiB, or
    GREENMFG_MAX_RESPONSE_BYTES."""
    return int(os.environ.get("GREENMFG_MAX_RESPONSE_BYTES") or 64 * 1024 * 1024)


def duckdb_memory_limit() -> str:
    """DuckDB spills to disk past this (dbt's profile reads the same variable, same default)."""
    return os.environ.get("GREENMFG_DUCKDB_MEMORY_LIMIT") or "1GB"


def mirror_url() -> str | None:
    """Base URL of the offline mirror; when set, every source host is routed there."""
    return os.environ.get("GREENMFG_MIRROR_URL") or None
