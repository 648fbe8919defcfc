"""Budgets per document (pages, rows, parse time, memory → quarantine with the budget's rule,
the run goes on) and per build (the gate's volume check against the published warehouse).
The big files are made here, small enough to read in seconds, with the limits set low."""

import hashlib
import subprocess
import sys
import time

import duckdb
import pytest

from greenmfg import gate, pipeline
from greenmfg.extract import readers
from greenmfg.extract.readers import ParseTimeout, TooManyPages, TooManyRows, read_tables
from greenmfg.extract.records import Document, document_rows
from greenmfg.settings import PROJECT_ROOT, Paths
from tests.conftest import xlsx

URL = "https://wap.miit.gov.cn/files/budget"
HEADER = ["序号", "地区", "企业名称"]


def pdf(pages: int) -> bytes:
    from fpdf import FPDF

    document = FPDF()
    document.set_font("helvetica", size=12)
    for page in range(1, pages + 1):
        document.add_page()
        document.cell(text=f"page {page}")
    return bytes(document.output())


def rows(n: int) -> list[list]:
    return [HEADER] + [[i, "北京市", f"企业{i}有限公司"] for i in range(1, n + 1)]


def quarantined(body: bytes, name: str) -> list[tuple]:
    """(stage, rule, reason) of what reading `body` as a green factory list quarantines."""
    document = Document(
        "attachment",
        "miit",
        f"{URL}.{name}",
        hashlib.sha256(body).hexdigest(),
        title="关于公布绿色工厂名单的通知",
        year=2024,
        link_text="绿色工厂名单",
    )
    out = document_rows(document, body)
    assert out.tables["list_rows"] == []
    [attachment] = out.tables["attachments"]
    assert attachment[9] == "quarantined"
    return [(stage, rule, reason) for *_, stage, rule, reason in out.tables["quarantine"]]


def test_a_pdf_over_the_page_limit_is_refused_before_its_pages_are_parsed(monkeypatch):
    monkeypatch.setenv("GREENMFG_MAX_PDF_PAGES", "5")
    body = pdf(20)
    parsed = []
    monkeypatch.setattr("greenmfg.extract.pdf_tables.tables", lambda page: parsed.append(page) or [])
    with pytest.raises(TooManyPages, match="more than 5 pages"):
        read_tables(body, "list.pdf")
    assert parsed == []
    [(stage, rule, reason)] = quarantined(body, "pdf")
    assert (stage, rule) == ("attachment", "too_many_pages") and "GREENMFG_MAX_PDF_PAGES" in reason
    monkeypatch.setenv("GREENMFG_MAX_PDF_PAGES", "20")  # at the limit: read
    with pytest.raises(readers.UnreadableAttachment, match="no table"):
        read_tables(body, "list.pdf")
    assert len(parsed) == 20


def test_an_xlsx_over_the_row_limit_is_refused_at_the_limit(monkeypatch):
    monkeypatch.setenv("GREENMFG_MAX_TABLE_ROWS", "100")
    body = xlsx(rows(1000))
    with pytest.raises(TooManyRows, match="more than 100 table rows"):
        read_tables(body, "list.xlsx")
    [(stage, rule, reason)] = quarantined(body, "xlsx")
    assert (stage, rule) == ("attachment", "too_many_rows") and "GREENMFG_MAX_TABLE_ROWS" in reason
    assert len(read_tables(xlsx(rows(99)), "list.xlsx")[1]) == 101  # a marker, the header, 99 rows


def test_every_format_keeps_to_the_row_limit(monkeypatch):
    monkeypatch.setenv("GREENMFG_MAX_TABLE_ROWS", "100")
    html = "<table>" + "".join(f"<tr><td>{i}</td><td>企业{i}</td></tr>" for i in range(200)) + "</table>"
    with pytest.raises(TooManyRows):
        read_tables(html.encode(), "list.html")


def test_a_parse_over_its_time_budget_is_stopped(monkeypatch):
    monkeypatch.setenv("GREENMFG_PARSE_SECONDS", "0.2")

    def slow(body):
        time.sleep(10)
        return rows(3)

    monkeypatch.setitem(readers.READERS, "xlsx", slow)
    body = xlsx(rows(3))
    started = time.monotonic()
    with pytest.raises(ParseTimeout, match="more than 0.2 s"):
        read_tables(body, "list.xlsx")
    assert time.monotonic() - started < 5
    [(stage, rule, reason)] = quarantined(body, "xlsx")
    assert (stage, rule) == ("attachment", "parse_timeout") and "GREENMFG_PARSE_SECONDS" in reason


def test_a_timeout_a_library_wraps_is_still_a_timeout(monkeypatch):
    monkeypatch.setenv("GREENMFG_PARSE_SECONDS", "0.2")

    def wrapping(body):
        try:
            time.sleep(10)
        except Exception as exc:
            raise RuntimeError("the library's own error") from exc

    monkeypatch.setitem(readers.READERS, "xlsx", wrapping)
    with pytest.raises(ParseTimeout):
        read_tables(xlsx(rows(3)), "list.xlsx")


def test_a_reader_out_of_memory_is_quarantined(monkeypatch):
    def runaway(body):
        raise MemoryError

    monkeypatch.setitem(readers.READERS, "xlsx", runaway)
    [(stage, rule, reason)] = quarantined(xlsx(rows(3)), "xlsx")
    assert (stage, rule) == ("attachment", "out_of_memory") and "out of memory" in reason


def test_a_worker_s_memory_limit_turns_a_runaway_allocation_into_memory_error():
    script = (
        "from greenmfg.extract.stage import limit_memory\n"
        "limit_memory(512)\n"
        "try:\n    bytearray(8 << 30)\nexcept MemoryError:\n    print('MemoryError')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=PROJECT_ROOT
    )
    assert result.stdout.strip() == "MemoryError", result.stderr


# --- the volume gate


def warehouse(path, lists: dict[str, int], enterprises: int = 10) -> None:
    """A warehouse file with the marts the volume check reads: designations of these lists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.dim_list (list_id varchar, title varchar, attachment_url varchar)")
        con.execute("create table marts.fct_designations (designation_id varchar, list_id varchar)")
        con.execute("create table marts.dim_enterprise as select range as enterprise_key from range(?)", [enterprises])
        for list_id, n in lists.items():
            con.execute(
                "insert into marts.dim_list values (?, ?, ?)",
                [list_id, f"第{list_id}批绿色工厂名单", f"{URL}/{list_id}.xlsx"],
            )
            con.execute("insert into marts.fct_designations select ? || range, ? from range(?)", [list_id, list_id, n])


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home with a published warehouse of 2,000 designations, a lake, and no suites (only the
    volume check runs)."""
    paths = Paths(tmp_path / "home")
    paths.build_dir.mkdir(parents=True)
    paths.lake_db.parent.mkdir(parents=True)
    duckdb.connect(str(paths.lake_db)).close()
    warehouse(paths.published_db, {"a": 1500, "b": 500})
    monkeypatch.setattr(gate, "load_suites", lambda: [])
    return paths


def test_a_build_ten_times_the_published_fails_the_gate_naming_the_list(home):
    warehouse(home.build_db("big"), {"a": 1500, "b": 500, "c": 18_000})
    with pytest.raises(gate.GateFailed) as failure:
        pipeline.validate(home, "big")
    report = str(failure.value)
    [line] = [line for line in report.splitlines() if "fct_designations" in line]
    assert "marts.fct_designations: 20,000 rows in the build, 2,000 published (10.0×" in line
    assert "most new rows: 18,000 from list c (第c批绿色工厂名单" in line
    assert "volume FAILED" in report and "dim_enterprise" not in report
    assert not home.build_db("big").exists()  # moved to build/failed/, not published


def test_a_build_within_the_factor_passes(home):
    warehouse(home.build_db("grown"), {"a": 1500, "b": 500, "c": 3_500}, enterprises=30)
    assert pipeline.validate(home, "grown")["success"]


def test_enterprises_growing_past_the_factor_fail(home, monkeypatch):
    monkeypatch.setenv("GREENMFG_VOLUME_MIN_ROWS", "0")
    warehouse(home.build_db("dims"), {"a": 1500, "b": 500}, enterprises=31)
    with pytest.raises(gate.GateFailed, match=r"marts.dim_enterprise: 31 rows in the build, 10 published"):
        pipeline.validate(home, "dims")


def test_no_published_warehouse_no_volume_check(home):
    home.published_db.unlink()
    warehouse(home.build_db("first"), {"a": 100_000})
    result = pipeline.validate(home, "first")
    assert result["success"] and "volume" not in result["tables"]


def test_the_issue_s_files_at_the_default_limits_are_refused_fast_and_small():
    """A 2,000-page PDF (it took 3.5 min and 11 GB to refuse) and a sheet of 60,000 rows (a
    23.6 MB one published 1.2 million designations), with the default limits, in a process of
    their own whose peak memory is measured."""
    script = (
        "import resource, sys, time\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from tests.test_budgets import pdf, rows, quarantined\n"
        "from tests.conftest import xlsx\n"
        "files = {'pdf': pdf(2000), 'xlsx': xlsx(rows(60000))}\n"
        "for name, body in files.items():\n"
        "    started = time.monotonic()\n"
        "    [(stage, rule, reason)] = quarantined(body, name)\n"
        "    print(name, rule, round(time.monotonic() - started, 1))\n"
        "print('peak_mib', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(PROJECT_ROOT)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    pdf_rule, pdf_seconds = lines["pdf"].split()
    xlsx_rule, xlsx_seconds = lines["xlsx"].split()
    assert (pdf_rule, xlsx_rule) == ("too_many_pages", "too_many_rows")
    assert float(pdf_seconds) < 30 and float(xlsx_seconds) < 30
    assert int(lines["peak_mib"]) < 1024
