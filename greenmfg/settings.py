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


# Budgets: what one document, and one build, may cost. A file over a per-document budget is
# not read further: the extract stage quarantines it with the budget's rule and goes on.
def max_pdf_pages() -> int:
    """The most pages a PDF attachment may have (GREENMFG_MAX_PDF_PAGES, default 300); one with
    more is refused before any page is parsed (quarantine rule `too_many_pages`)."""
    return int(os.environ.get("GREENMFG_MAX_PDF_PAGES") or 300)


def max_table_rows() -> int:
    """The most table rows one attachment may yield, every sheet or table together
    (GREENMFG_MAX_TABLE_ROWS, default 20,000); a reader stops at the next one (`too_many_rows`)."""
    return int(os.environ.get("GREENMFG_MAX_TABLE_ROWS") or 20_000)


def parse_seconds() -> float:
    """Wall-clock seconds reading one attachment may take (GREENMFG_PARSE_SECONDS, default 60;
    0 for no limit); enforced with SIGALRM where the read runs on a process's main thread, as in
    the extract stage's worker processes (`parse_timeout`)."""
    return float(os.environ.get("GREENMFG_PARSE_SECONDS") or 60)


def worker_memory_mb() -> int:
    """The address space of each extract worker process, in MiB (GREENMFG_WORKER_MEMORY_MB,
    default 2048; 0 for no limit), set with RLIMIT_AS when the worker starts: a runaway parse
    raises MemoryError and the file is quarantined (`out_of_memory`), the run goes on."""
    return int(os.environ.get("GREENMFG_WORKER_MEMORY_MB") or 2048)


def volume_factor() -> float:
    """The gate fails a build in which a mart (designations, enterprises, any other) has more
    than this many times the rows it has in the published warehouse (GREENMFG_VOLUME_FACTOR,
    default 3); no published warehouse, no check."""
    return float(os.environ.get("GREENMFG_VOLUME_FACTOR") or 3)


def volume_min_rows() -> int:
    """Marts of up to this many rows in the build are not judged by the volume factor
    (GREENMFG_VOLUME_MIN_ROWS, default 1,000): a new source may well triple a small table."""
    return int(os.environ.get("GREENMFG_VOLUME_MIN_ROWS") or 1000)
