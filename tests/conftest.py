"""Shared fixtures. The end-to-end fixture runs the whole pipeline once per session
against the offline mirror, in a temporary GREENMFG_HOME."""

from __future__ import annotations

import csv
import os
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from greenmfg.settings import CORPUS_DIR, PROJECT_ROOT, Paths

# Airflow reads its home at import: keep tests away from ~/airflow and the user's data.
os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="greenmfg-airflow-")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["GX_ANALYTICS_ENABLED"] = "false"
# The mirror is local: no need to wait between requests in tests (real sites keep their limits).
os.environ["GREENMFG_REQUESTS_PER_SECOND"] = "0"
# Tests publish to PostgreSQL only where they ask for it (the postgres_dsn fixture).
os.environ["GREENMFG_POSTGRES_DSN"] = ""

FILES = Path(__file__).parent / "files"
REFERENCE = CORPUS_DIR / "reference" / "miit_national_lists"
SITES = CORPUS_DIR / "sites"
BATCH_LABELS = {"1": "第一批", "2": "第二批", "3": "第三批", "4": "第四批", "2021": "2021年度"}
REFERENCE_FILES = {
    "green_factory": "green_factories.csv",
    "green_park": "green_parks.csv",
    "green_supply_chain": "green_supply_chain.csv",
    "green_design_product": "green_design_products.csv",
}


# --- system tools -------------------------------------------------------------------------
# What some tests need beyond Python: `make test` installs it as root (scripts/system_packages.sh)
# and starts PostgreSQL. Elsewhere a test that needs a missing tool (@pytest.mark.needs("antiword"))
# is skipped with the install command, and the summary counts the skips per tool; under CI,
# where everything is installed, it fails instead.
CJK_FONT = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
SYSTEM_TOOLS = {  # tool → (is it there, how to get it, words naming it in a skip reason)
    "antiword": (lambda: shutil.which("antiword"), "apt-get install antiword", r"antiword"),
    "chromium": (
        lambda: shutil.which("chromium") or shutil.which("chromium-browser"),
        "apt-get install chromium",
        r"chromium",
    ),
    "cjk-font": (CJK_FONT.exists, "apt-get install fonts-droid-fallback", r"CJK font|fonts-droid-fallback"),
    "fontconfig": (lambda: shutil.which("fc-list"), "apt-get install fontconfig", r"fontconfig|fc-list"),
    "git": (
        lambda: shutil.which("git") and (PROJECT_ROOT / ".git").exists(),
        "a git checkout (apt-get install git)",
        r"git checkout",
    ),
    "postgresql": (
        lambda: os.environ.get("GREENMFG_TEST_POSTGRES_DSN"),
        "`make test` starts it (scripts/postgres_up.sh; apt-get install postgresql), or set GREENMFG_TEST_POSTGRES_DSN",
        r"PostgreSQL|postgres",
    ),
}
# Tests in modules without the marker, by node id.
# Fixtures whose tests need a tool: the offline corpus holds Word 97 attachments, read by antiword,
# and the figures every test of a pipeline run expects count their rows.
NEEDS_OF_FIXTURES = {"pipeline_home": ("antiword",), "postgres_databases": ("postgresql",)}


def under_ci() -> bool:
    """CI=true (set by .ci/run and by CI services); CI=false or 0 is not CI."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(tool: str) -> None:
    """Skip the running test (fail it under CI) when a system tool is missing."""
    present, install, _ = SYSTEM_TOOLS[tool]
    if not present():
        message = f"needs {tool}: {install}"
        if under_ci():
            pytest.fail(f"{message} (CI installs it: .ci/run → make test)")
        pytest.skip(message)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "needs(*tools): the test needs these system tools (tests/conftest.py SYSTEM_TOOLS)"
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        tools = {tool for fixture in getattr(item, "fixturenames", ()) for tool in NEEDS_OF_FIXTURES.get(fixture, ())}
        for tool in sorted(tools):
            item.add_marker(pytest.mark.needs(tool))


def pytest_runtest_setup(item):
    for marker in item.iter_markers("needs"):
        for tool in marker.args:
            require(tool)


def missing_tool_skips(reports) -> Counter:
    """Skipped tests per missing system tool, by their skip reasons."""
    counts: Counter = Counter()
    for report in reports:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        tool = next((t for t, (_, _, words) in SYSTEM_TOOLS.items() if re.search(words, reason, re.I)), None)
        if tool:
            counts[tool] += 1
    return counts


def pytest_terminal_summary(terminalreporter):
    counts = missing_tool_skips(terminalreporter.stats.get("skipped", []))
    if counts:
        terminalreporter.section("skipped: missing system tools (`make test` as root installs them)")
        for tool, count in counts.most_common():
            terminalreporter.write_line(f"{count:4d} skipped, {tool} missing: {SYSTEM_TOOLS[tool][1]}")


def reference_counts() -> Counter:
    """(batch label, type) → rows in MIIT's reference CSVs. The design-product CSV holds 9
    category/note lines mis-read as data by its upstream extractor (no 企业名称): not rows."""
    counts: Counter = Counter()
    for dtype, name in REFERENCE_FILES.items():
        with open(REFERENCE / name, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if dtype == "green_design_product" and not (row["企业名称"] or "").strip():
                    continue
                counts[(BATCH_LABELS[row["批次"]], dtype)] += 1
    return counts


@pytest.fixture(scope="session")
def pipeline_home(tmp_path_factory):
    """A GREENMFG_HOME where the full pipeline has run once on the offline corpus."""
    from greenmfg import pipeline
    from greenmfg.mirror.server import MirrorThread

    home = tmp_path_factory.mktemp("greenmfg-home")
    paths = Paths(home)
    with MirrorThread() as mirror:
        previous = os.environ.get("GREENMFG_MIRROR_URL")
        os.environ["GREENMFG_MIRROR_URL"] = mirror.url
        try:
            summary = pipeline.run(paths, "first")
        finally:
            if previous is None:
                os.environ.pop("GREENMFG_MIRROR_URL", None)
            else:
                os.environ["GREENMFG_MIRROR_URL"] = previous
    return paths, summary


# A department the registry does not have: tests add it with register_source().
GUIZHOU_SOURCE = """\
id: gz_gxt
name: 贵州省工业和信息化厅 通知公告
issuer: 贵州省工业和信息化厅
level: provincial
region_code: "520000"
list_urls: [http://gxt.guizhou.gov.cn/zwgk/tzgg/index.html]
list: {item: "div.news li", link: "a[href]", date: "em"}
article: {title: "h2.tit", body: "div.view", date: "p.time"}
"""


def load_lake(paths: Paths):
    """Load, then extract, as a pipeline run does: (load stats, extract stats)."""
    from greenmfg.extract.stage import extract
    from greenmfg.load import load

    return load(paths), extract(paths)


def register_source(tmp_path, monkeypatch, text: str = GUIZHOU_SOURCE) -> None:
    """Add one source YAML file, in a sources folder of the test's own (GREENMFG_SOURCES_PATH)."""
    import yaml

    sources = tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    (sources / f"{yaml.safe_load(text)['id']}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("GREENMFG_SOURCES_PATH", str(sources))


def corpus_with(tmp_path, files: dict[str, bytes]):
    """A mirror root with these files under sites/<host>/<path>."""
    root = tmp_path / "corpus"
    for path, body in files.items():
        target = root / "sites" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    return root


def xlsx(rows) -> bytes:
    """An .xlsx file with these rows in its first sheet."""
    from io import BytesIO

    from openpyxl import Workbook

    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def mart_snapshot(database: Path) -> dict[str, list[tuple]]:
    """Every mart's rows, sorted, without timestamp columns: equal snapshots, equal data."""
    import duckdb

    with duckdb.connect(str(database), read_only=True) as con:
        columns = con.execute("""select table_name, list(column_name order by ordinal_position)
                                 from information_schema.columns where table_schema = 'marts'
                                 and data_type not like 'TIMESTAMP%' group by 1""").fetchall()
        quoted = {table: ", ".join('"' + c.replace('"', '""') + '"' for c in cols) for table, cols in columns}
        return {
            table: con.execute(f'select {cols} from marts."{table}" order by all').fetchall()
            for table, cols in quoted.items()
        }


def psql(dsn: str, sql: str) -> list[list[str]]:
    """Rows of a query through the psql client, tab-separated, unaligned."""
    import subprocess

    out = subprocess.run(
        ["psql", dsn, "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    return [line.split("\t") for line in out.splitlines()]


@pytest.fixture(scope="module")
def postgres_databases():
    """new(): a fresh database on the PostgreSQL that `make test` starts (scripts/postgres_up.sh),
    dropped after the test module. GREENMFG_TEST_POSTGRES_DSN names a role that may create databases."""
    import uuid

    require("postgresql")
    admin = os.environ["GREENMFG_TEST_POSTGRES_DSN"]
    created = []

    def new() -> str:
        name = f"greenmfg_test_{uuid.uuid4().hex[:10]}"
        psql(admin, f"CREATE DATABASE {name}")
        created.append(name)
        return f"{admin.rsplit('/', 1)[0]}/{name}"

    try:
        yield new
    finally:
        for name in created:
            drop_database(admin, name)


def drop_database(admin: str, name: str, attempts: int = 10) -> None:
    """DROP DATABASE … WITH (FORCE), again while the backends of clients just gone still end (FORCE
    may not terminate another role's: the reader's)."""
    import subprocess
    import time

    for attempt in range(attempts):
        try:
            psql(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            return
        except subprocess.CalledProcessError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.5)


@pytest.fixture
def postgres_dsn(postgres_databases):
    """A fresh database (see postgres_databases)."""
    return postgres_databases()
