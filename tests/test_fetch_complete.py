"""A fetch is complete or it is a failure (issue 19, item 1).

A body cut short (shorter than its Content-Length; ended by the connection closing early, with
no Content-Length to tell; far smaller than the URL or its siblings served) or an article page
with no article in it is not stored, so it is not "known": the next run fetches it again
(three strikes, then what the site serves is taken as it is). Each fault kind: a faulty run,
then a run against the healthy site, and the lake equals a clean run's, table by table.
"""

import duckdb
import pytest

from greenmfg.mirror.faults import PLACEHOLDER, FaultPlan
from greenmfg.mirror.server import MirrorThread
from greenmfg.raw_store import RawStore, read_manifest
from greenmfg.scrape import scrape
from greenmfg.settings import Paths
from tests.conftest import corpus_with, load_lake, register_source, xlsx

pytestmark = pytest.mark.slow
SOURCES = ["miit", "zj_jxt"]
ARTICLE = "http://jxt.zj.gov.cn/art/2024/5/31/art_1582899_36801.html"  # 2 lists, 5 designations, 12 metrics
XLSX = "http://jxt.zj.gov.cn/art/2024/5/31/P053217525.xlsx"
PDF = "https://www.miit.gov.cn/cms_files/filemanager/1226211233/attach/202112/fb59803d4a71425e9bc21bdfc738d500.pdf"

FAULTS = {  # fault kind on a page or an attachment → the URL it hits, the rule, the error recorded
    "slow_drip-article": (ARTICLE, {"fault": "slow_drip", "seconds": 2, "interval": 0.25}, "IncompleteBody"),
    "slow_drip-attachment": (XLSX, {"fault": "slow_drip", "seconds": 2, "interval": 0.25}, "IncompleteBody"),
    "close_early-article": (ARTICLE, {"fault": "close_early"}, "IncompleteBody"),
    "close_early-pdf": (PDF, {"fault": "close_early"}, "IncompleteBody"),
    "close_early-xlsx": (XLSX, {"fault": "close_early"}, "IncompleteBody"),
    "truncate-article": (ARTICLE, {"fault": "truncate", "times": 4}, "ChunkedEncodingError"),
    "placeholder-article": (ARTICLE, {"fault": "placeholder"}, "IncompleteBody"),
}
TABLES = {
    "announcements": "select url, sha256, title, publish_date, body_text from announcements",
    "attachments": "select url, sha256, row_count, status, error from attachments",
    "list_rows": "select attachment_url, sha256, row_number, name, province_code from list_rows",
    "text_facts": "select announcement_url, sha256, fact_number, value, evidence from text_facts",
    "quarantine": "select source_id, url, sha256, row_number, stage, rule, reason from quarantine",
    "extracted": "select url, sha256, kind from extracted",
}


def lake_tables(paths: Paths) -> dict[str, list[tuple]]:
    """Every lake table a mart is built from, without load times."""
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        return {table: con.execute(f"{sql} order by all").fetchall() for table, sql in TABLES.items()}


def crawl(paths: Paths, run_id: str, monkeypatch, plan=None, sources=SOURCES, root=None) -> tuple[list, list]:
    kwargs = {"root": root} if root else {}
    with MirrorThread(fault_plan=plan, **kwargs) as mirror:
        monkeypatch.setenv("GREENMFG_MIRROR_URL", mirror.url)
        results = scrape(paths, run_id, sources)
        return results, [f"{host}{path}" for host, path in mirror.requests]


def records(paths: Paths, url: str) -> list[dict]:
    return [r for m in RawStore(paths.raw_dir).complete_manifests() for r in read_manifest(m) if r["url"] == url]


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    try:
        paths = Paths(tmp_path_factory.mktemp("clean"))
        crawl(paths, "clean", monkeypatch)
        load_lake(paths)
        return lake_tables(paths)
    finally:
        monkeypatch.undo()


@pytest.mark.parametrize("case", sorted(FAULTS))
def test_a_body_cut_short_is_fetched_again_and_the_lake_equals_a_clean_runs(case, tmp_path, monkeypatch, clean):
    url, rule, error = FAULTS[case]
    paths = Paths(tmp_path)
    plan = FaultPlan.from_rules([{"match": url.split("://", 1)[1], "times": 1, **rule}])
    crawl(paths, "faulty", monkeypatch, plan)
    (faulty,) = records(paths, url)
    assert faulty["sha256"] is None and error in faulty["error"], faulty  # not stored: not "known"
    load_lake(paths)
    assert lake_tables(paths) != clean

    results, fetched = crawl(paths, "next", monkeypatch)  # the site is healthy again
    assert url.split("://", 1)[1] in fetched and sum(r["retried"] for r in results) == 1
    load_lake(paths)
    after = lake_tables(paths)
    for table in TABLES:
        assert after[table] == clean[table], table
    assert [r["sha256"] is not None for r in records(paths, url)] == [False, True]


def test_the_slow_drip_of_issue_19_loses_nothing(tmp_path, monkeypatch, clean):
    """The reported case: the notice behind 2 lists, 5 designations and 12 reported metrics."""
    paths = Paths(tmp_path)
    plan = FaultPlan.from_rules(
        [{"match": ARTICLE.split("://", 1)[1], "fault": "slow_drip", "seconds": 4, "interval": 0.5, "times": 1}]
    )
    crawl(paths, "faulty", monkeypatch, plan, sources=["zj_jxt"])
    crawl(paths, "next", monkeypatch, sources=["zj_jxt"])
    load_lake(paths)
    after = lake_tables(paths)
    for table, rows in clean.items():  # the clean run's rows of zj_jxt, all of them
        assert after[table] == [row for row in rows if "jxt.zj.gov.cn" in str(row)], table
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        lists, facts = con.execute(
            """select (select count(*) from attachments where announcement_url = $1),
                                             (select count(*) from text_facts where announcement_url = $1)""",
            [ARTICLE],
        ).fetchone()
    assert lists and facts


def test_an_article_that_never_reads_is_taken_as_served_on_its_third_run(tmp_path, monkeypatch):
    """Three strikes: two runs retry it; on the third what the site serves is stored (the extract
    stage reads it as it can: the generic article finder, or quarantine), and it is not asked again."""
    paths = Paths(tmp_path)
    for run in range(4):
        plan = FaultPlan.from_rules([{"match": ARTICLE.split("://", 1)[1], "fault": "placeholder"}])
        _, fetched = crawl(paths, f"run{run}", monkeypatch, plan, sources=["zj_jxt"])
        assert fetched.count(ARTICLE.split("://", 1)[1]) == (1 if run < 3 else 0), run
    assert [r["sha256"] is not None for r in records(paths, ARTICLE)] == [False, False, True]
    load_lake(paths)
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        assert con.execute("select kind from extracted where url = ?", [ARTICLE]).fetchall() == [("article",)]


GZ_LIST = "gxt.guizhou.gov.cn/zwgk/tzgg/index.html"
GZ_FILE = "gxt.guizhou.gov.cn/zwgk/tzgg/202405/P0201.xlsx"


def _gz_page(title: str, links: str) -> bytes:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><h2 class="tit">{title}</h2>'
        f'<p class="time">2024-05-20</p><div class="view"><p>各市（州）工业和信息化局：现将名单公布如下。</p>{links}'
        "</div></body></html>"
    ).encode()


def test_a_refresh_never_replaces_a_held_attachment_with_a_fragment(tmp_path, monkeypatch):
    """A new notice links an attachment the lake holds; the site now serves it as a small page
    (Content-Length and all): far below what the URL served, it is not stored, and the list's
    rows stay as they were."""
    register_source(tmp_path, monkeypatch)
    rows = [["序号", "企业名称", "所在地区"]] + [[i, f"贵州第{i}绿色材料有限公司", "贵阳市"] for i in range(1, 30)]
    link = '<a href="/zwgk/tzgg/202405/P0201.xlsx">附件：贵州省绿色工厂名单.xlsx</a>'
    files = {
        "gxt.guizhou.gov.cn/zwgk/tzgg/202405/t0520_1.html": _gz_page("关于公布2024年贵州省绿色工厂名单的通知", link),
        GZ_FILE: xlsx(rows),
    }
    listing = '<div class="news"><ul>{}</ul></div>'
    first = corpus_with(
        tmp_path / "v1",
        {
            **files,
            GZ_LIST: (
                "<html><body>"
                + listing.format('<li><a href="202405/t0520_1.html">绿色工厂名单</a><em>2024-05-20</em></li>')
                + "</body></html>"
            ).encode(),
        },
    )
    paths = Paths(tmp_path / "home")
    crawl(paths, "one", monkeypatch, sources=["gz_gxt"], root=first)
    load_lake(paths)
    before = lake_tables(paths)
    assert len(before["list_rows"]) == 29

    second = corpus_with(
        tmp_path / "v2",
        {
            **files,
            GZ_LIST: (
                "<html><body>"
                + listing.format(
                    '<li><a href="202405/t0521_2.html">绿色工厂名单（更正）</a><em>2024-05-21</em></li>'
                    '<li><a href="202405/t0520_1.html">绿色工厂名单</a><em>2024-05-20</em></li>'
                )
                + "</body></html>"
            ).encode(),
            "gxt.guizhou.gov.cn/zwgk/tzgg/202405/t0521_2.html": _gz_page("关于2024年贵州省绿色工厂名单的更正", link),
        },
    )
    plan = FaultPlan.from_rules([{"match": GZ_FILE, "fault": "placeholder"}])
    crawl(paths, "two", monkeypatch, sources=["gz_gxt"], root=second, plan=plan)
    (_, again) = records(paths, f"http://{GZ_FILE}")
    assert again["sha256"] is None and f"{len(PLACEHOLDER)} bytes, where this URL served" in again["error"]
    load_lake(paths)
    after = lake_tables(paths)
    assert after["list_rows"] == before["list_rows"]
    assert [a for a in after["attachments"] if a[0].endswith("P0201.xlsx")] == [
        a for a in before["attachments"] if a[0].endswith("P0201.xlsx")
    ]
