"""Where things live, and every GREENMFG_* setting the code reads. Everything is derived from
GREENMFG_HOME (default ./data). SETTINGS declares each variable with its default and meaning
(docs/settings.md is made from it); `setting(name)` is the one way the code reads them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = PROJECT_ROOT / "corpus"
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"


@dataclass(frozen=True)
class Setting:
    name: str
    default: str | None  # as the environment would give it; None: no value
    meaning: str
    audience: str = "users"  # users | scripts (set by make, the compose file or greenmfg itself) | tests


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "GREENMFG_HOME",
        None,
        "where everything is written: raw store, lake, builds, warehouse, runs, logs (default: data/ of the project)",
    ),
    Setting("GREENMFG_MIRROR_URL", None, "base URL of the offline mirror; when set, every source host is routed there"),
    Setting(
        "GREENMFG_SOURCES_PATH",
        "",
        "more folders of source YAML files (os.pathsep between them), read beside scrapers/sources/",
    ),
    Setting(
        "GREENMFG_REQUESTS_PER_SECOND",
        None,
        "overrides every source's politeness (0: no limit, for the local mirror in tests; never for real sites)",
    ),
    Setting("GREENMFG_HTTP_TIMEOUT", "5,30", "connect and read timeouts of a request, seconds"),
    Setting("GREENMFG_HTTP_DEADLINE", "300", "seconds a whole response may take, however slowly it drips"),
    Setting("GREENMFG_RETRY_BACKOFF", "0.5", "seconds before the first retry of a failed request (doubling)"),
    Setting(
        "GREENMFG_MAX_RESPONSE_BYTES",
        str(64 * 1024 * 1024),
        "the largest page or attachment accepted (fetched, stored, parsed)",
    ),
    Setting(
        "GREENMFG_MAX_PDF_PAGES",
        "300",
        "the most pages a PDF attachment may have; one with more is refused unparsed (`too_many_pages`)",
    ),
    Setting(
        "GREENMFG_MAX_TABLE_ROWS",
        "20000",
        "the most table rows one attachment may yield, all sheets together (`too_many_rows`)",
    ),
    Setting("GREENMFG_PARSE_SECONDS", "60", "seconds reading one attachment may take (0: no limit; `parse_timeout`)"),
    Setting(
        "GREENMFG_WORKER_MEMORY_MB",
        "2048",
        "address space of each extract worker, MiB (0: no limit); a runaway parse is quarantined (`out_of_memory`)",
    ),
    Setting("GREENMFG_EXTRACT_WORKERS", None, "extract worker processes (default: one per core)"),
    Setting("GREENMFG_DUCKDB_MEMORY_LIMIT", "1GB", "DuckDB spills to disk past this (dbt's profile reads it too)"),
    Setting("GREENMFG_GATE_CHUNK_ROWS", "200000", "rows of a mart the gate validates at a time"),
    Setting(
        "GREENMFG_VOLUME_FACTOR",
        "3",
        "the gate fails a build whose mart has more than this many times its published rows",
    ),
    Setting("GREENMFG_VOLUME_MIN_ROWS", "1000", "marts of up to this many rows are not judged by the volume factor"),
    Setting(
        "GREENMFG_WRITER_WAIT",
        "120",
        "seconds a DuckDB writer waits for a reader in another process to let go of the file",
    ),
    Setting(
        "GREENMFG_RUN_LOCK_WAIT",
        None,
        "seconds a stage waits for a run in progress (default: 1800 for a DAG task, 0 for the CLI)",
    ),
    Setting(
        "GREENMFG_POSTGRES_DSN",
        None,
        "the PostgreSQL the marts are published to (set but empty: none), else <home>/postgres.dsn",
    ),
    Setting("GREENMFG_INGEST_CRON", "0 0 * * *", "when greenmfg_ingest runs, in China's time (none: triggered only)"),
    Setting(
        "GREENMFG_TRANSFORM_CRON",
        "0 6 * * *",
        "when greenmfg_transform rebuilds besides each ingest hand-off, in China's time (none: hand-offs only)",
    ),
    Setting(
        "GREENMFG_DOCS_ASSETS",
        None,
        "where the Data Docs' vendored CSS, JS and fonts are kept (default: inside the virtualenv)",
    ),
    Setting("GREENMFG_LAKE_DB", None, "the lake file dbt's profile attaches (set by greenmfg for dbt)", "scripts"),
    Setting("GREENMFG_BUILD_DB", None, "the build file dbt's profile writes (set by greenmfg for dbt)", "scripts"),
    Setting(
        "GREENMFG_READER_PASSWORD",
        None,
        "the password of the read-only role greenmfg_reader (default: generated; the compose file's .env)",
        "scripts",
    ),
    Setting(
        "GREENMFG_READER_DSN",
        None,
        "the read-only role's DSN Superset logs in with (bi/superset; default: <home>/postgres_reader.dsn)",
        "scripts",
    ),
    Setting(
        "GREENMFG_PG_CREDENTIALS",
        None,
        "where scripts/postgres_up.sh keeps its role's DSN (default: ~/.config/greenmfg/postgres.dsn)",
        "scripts",
    ),
    Setting("GREENMFG_TEST_POSTGRES_DSN", None, "the PostgreSQL the tests use (make test starts one)", "tests"),
    Setting("GREENMFG_FAULT_PAUSE_IN_LOAD", None, "crash tests: seconds to hold the load stage", "tests"),
    Setting("GREENMFG_FAULT_PAUSE_IN_EXTRACT", None, "crash tests: seconds to hold the extract stage", "tests"),
    Setting(
        "GREENMFG_FAULT_PAUSE_BEFORE_SWAP", None, "crash tests: seconds to hold a publish before its swap", "tests"
    ),
    Setting(
        "GREENMFG_FAULT_PAUSE_BEFORE_PG_SWAP",
        None,
        "crash tests: seconds to hold a publish before its PostgreSQL swap",
        "tests",
    ),
)
_DECLARED = {declared.name: declared for declared in SETTINGS}


def default_of(name: str) -> str | None:
    return _DECLARED[name].default


def setting(name: str, empty_is_unset: bool = True) -> str | None:
    """A declared setting's value from the environment, else its default. An empty value counts as
    unset, unless `empty_is_unset` is False (GREENMFG_POSTGRES_DSN="" means "no PostgreSQL")."""
    default = _DECLARED[name].default  # KeyError: declare it in SETTINGS first
    value = os.environ.get(name)
    return value if value or (value is not None and not empty_is_unset) else default


BUILD_FILE = "build.duckdb"


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
        """A run's build, in a folder of its own under one name for every run: dbt takes the
        file's name for the database, so each build reuses the last build's parse."""
        return self.build_dir / run_id / BUILD_FILE

    def failed_build(self, run_id: str) -> Path:
        """Where a build the gate failed is kept for inspection."""
        return self.build_dir / "failed" / f"{run_id}.duckdb"

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
    configured = setting("GREENMFG_HOME")
    return Paths(home=(Path(configured) if configured else PROJECT_ROOT / "data").resolve())


def max_file_bytes() -> int:
    """The largest page or attachment accepted (fetched, stored, parsed): 64 MiB, or
    GREENMFG_MAX_RESPONSE_BYTES."""
    return int(setting("GREENMFG_MAX_RESPONSE_BYTES"))


def duckdb_memory_limit() -> str:
    """DuckDB spills to disk past this (dbt's profile reads the same variable, same default)."""
    return setting("GREENMFG_DUCKDB_MEMORY_LIMIT")


def mirror_url() -> str | None:
    """Base URL of the offline mirror; when set, every source host is routed there."""
    return setting("GREENMFG_MIRROR_URL")


# Budgets: what one document, and one build, may cost. A file over a per-document budget is
# not read further: the extract stage quarantines it with the budget's rule and goes on.
def max_pdf_pages() -> int:
    """The most pages a PDF attachment may have (GREENMFG_MAX_PDF_PAGES, default 300); one with
    more is refused before any page is parsed (quarantine rule `too_many_pages`)."""
    return int(setting("GREENMFG_MAX_PDF_PAGES"))


def max_table_rows() -> int:
    """The most table rows one attachment may yield, every sheet or table together
    (GREENMFG_MAX_TABLE_ROWS, default 20,000); a reader stops at the next one (`too_many_rows`)."""
    return int(setting("GREENMFG_MAX_TABLE_ROWS"))


def parse_seconds() -> float:
    """Wall-clock seconds reading one attachment may take (GREENMFG_PARSE_SECONDS, default 60;
    0 for no limit); enforced with SIGALRM where the read runs on a process's main thread, as in
    the extract stage's worker processes (`parse_timeout`)."""
    return float(setting("GREENMFG_PARSE_SECONDS"))


def worker_memory_mb() -> int:
    """The address space of each extract worker process, in MiB (GREENMFG_WORKER_MEMORY_MB,
    default 2048; 0 for no limit), set with RLIMIT_AS when the worker starts: a runaway parse
    raises MemoryError and the file is quarantined (`out_of_memory`), the run goes on."""
    return int(setting("GREENMFG_WORKER_MEMORY_MB"))


def volume_factor() -> float:
    """The gate fails a build in which a mart (designations, enterprises, any other) has more
    than this many times the rows it has in the published warehouse (GREENMFG_VOLUME_FACTOR,
    default 3); no published warehouse, no check."""
    return float(setting("GREENMFG_VOLUME_FACTOR"))


def volume_min_rows() -> int:
    """Marts of up to this many rows in the build are not judged by the volume factor
    (GREENMFG_VOLUME_MIN_ROWS, default 1,000): a new source may well triple a small table."""
    return int(setting("GREENMFG_VOLUME_MIN_ROWS"))


def settings_markdown() -> str:
    """docs/settings.md: every setting with its default and meaning (`python -m greenmfg.settings`)."""
    lines = [
        "# Settings",
        "",
        "Every `GREENMFG_*` environment variable the project reads, from `greenmfg/settings.py`",
        "(regenerate: `.venv/bin/python -m greenmfg.settings > docs/settings.md`). An empty value counts as unset.",
        "",
    ]
    for audience in ("users", "scripts", "tests"):
        lines += [f"## For {audience}", "", "| variable | default | meaning |", "|---|---|---|"]
        lines += [
            f"| `{s.name}` | {f'`{s.default}`' if s.default else ''} | {s.meaning} |"
            for s in SETTINGS
            if s.audience == audience
        ]
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(settings_markdown(), end="")
