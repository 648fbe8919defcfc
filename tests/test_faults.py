"""Faults a real site throws at the scraper, injected by the mirror's fault mode.

What is worth retrying is retried within the run; what still fails is recorded in the
manifest with its error, no partial body reaches the raw store, and the next run fetches
what was missed, so the lake ends equal to a clean run's.
"""

import hashlib
import re

import duckdb
import pytest

from greenmfg.mirror.faults import FaultPlan
from greenmfg.mirror.server import MirrorThread
from greenmfg.raw_store import RawStore, read_manifest
from greenmfg.scrape import scrape
from greenmfg.settings import Paths
from tests.conftest import load_lake

pytestmark = pytest.mark.slow
SOURCES = ["hn_gxt", "miit", "nb_jxj", "sd_gxt", "zj_jxt"]
MIIT_FILES = "wap.miit.gov.cn/cms_files/filemanager/oldfile/miit/n1146295/n1652858/n1652930/n3757016"
FACTORIES_2021 = "www.miit.gov.cn/cms_files/filemanager/1226211233/attach/202112/fb59803d4a71425e9bc21bdfc738d500.pdf"
PARKS_2021 = "www.miit.gov.cn/cms_files/filemanager/1226211233/attach/202112/c8ca58dc67d7459faf92ec101778dba8.pdf"

# Faults a retry within the run gets past (each `times` is below the retry budget).
TRANSIENT = [
    {"match": "www.miit.gov.cn/jgsj/jns/wjfb/index.html", "fault": "status", "status": 503, "times": 2},
    {"match": "art_5fd2d8c1056546618448ae9c4c1b0a66.html", "fault": "reset", "times": 1},
    {"match": FACTORIES_2021, "fault": "truncate", "times": 1},
    {"match": "jxt.zj.gov.cn/art/2024/5/31/art_1582899_36801.html", "fault": "timeout", "seconds": 2.5, "times": 1},
    {"match": "gxt.shandong.gov.cn/col/col15201/2023", "fault": "wrong_charset", "charset": "utf-8"},
]
# Faults that outlast the run: the URL is missed now and fetched by the next run.
PERSISTENT = {
    "http://jxt.zj.gov.cn/art/2024/5/31/P053217525.xlsx": {"fault": "status", "status": 404, "times": 1},
    "http://jxj.ningbo.gov.cn/art/2024/5/15/art_1229116730_54422.html": {"fault": "redirect_loop", "times": 30},
    f"https://{PARKS_2021}": {"fault": "oversized", "bytes": 8_000_000, "times": 1},
    f"https://{MIIT_FILES}/c6471863/part/6472204.pdf": {"fault": "slow_drip", "seconds": 5, "times": 1},
    "http://gxt.hunan.gov.cn/gxt/xxgk_71033/tzgg/202106/t20210618_64562228.html": {
        "fault": "status",
        "status": 503,
        "times": 5,
    },
    f"https://{MIIT_FILES}/c7413818/part/7413931.pdf": {"fault": "truncate", "times": 4},
}
EXPECTED_ERRORS = {
    "status404": "HTTP 404",
    "redirect_loop": "TooManyRedirects",
    "oversized": "ResponseTooLarge",
    "slow_drip": "DeadlineExceeded",
    "status503": "HTTP 503",
    "truncate": "ChunkedEncodingError",
}


@pytest.fixture(autouse=True)
def tight_limits(monkeypatch):
    monkeypatch.setenv("GREENMFG_HTTP_TIMEOUT", "2,1")
    monkeypatch.setenv("GREENMFG_HTTP_DEADLINE", "1.5")
    monkeypatch.setenv("GREENMFG_MAX_RESPONSE_BYTES", "1000000")
    monkeypatch.setenv("GREENMFG_RETRY_BACKOFF", "0.01")


def crawl(paths, run_id, monkeypatch, plan=None):
    with MirrorThread(fault_plan=plan) as mirror:
        monkeypatch.setenv("GREENMFG_MIRROR_URL", mirror.url)
        results = scrape(paths, run_id, SOURCES)
        return results, list(mirror.requests)


def lake_contents(paths) -> dict:
    """What the lake holds, without load times: equal lakes give equal marts."""
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        return {
            "announcements": con.execute("select url, sha256, title from announcements order by 1").fetchall(),
            "attachments": con.execute("select url, sha256, row_count, status from attachments order by 1").fetchall(),
            "list_rows": con.execute("""select attachment_url, row_number, name, province_code
                                        from list_rows order by 1, 2""").fetchall(),
            "text_facts": con.execute(
                "select announcement_url, fact_number, value from text_facts order by 1, 2"
            ).fetchall(),
        }


@pytest.fixture(scope="module")
def clean_lake(tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    try:
        paths = Paths(tmp_path_factory.mktemp("clean"))
        results, requests = crawl(paths, "clean", monkeypatch)
        load_lake(paths)
        return lake_contents(paths), len(requests)
    finally:
        monkeypatch.undo()


def assert_no_partial_objects(paths) -> None:
    objects = [p for p in (paths.raw_dir / "objects").rglob("*") if p.is_file()]
    assert objects and not [p for p in objects if p.name.startswith(".tmp")]
    for path in objects:  # content-addressed: a truncated body would not match its name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name


def test_transient_faults_are_retried_within_the_run(tmp_path, monkeypatch, clean_lake):
    paths = Paths(tmp_path)
    results, requests = crawl(paths, "faulty", monkeypatch, FaultPlan.from_rules(TRANSIENT))
    assert sum(r["failed"] for r in results) == 0, [r["errors"] for r in results]
    assert len(requests) >= clean_lake[1] + 5  # 2 × 503, reset, truncated body, timeout: each asked again
    load_lake(paths)
    assert lake_contents(paths) == clean_lake[0]
    assert_no_partial_objects(paths)


def test_faults_that_outlast_the_run_are_recorded_and_fetched_by_the_next_run(tmp_path, monkeypatch, clean_lake):
    paths = Paths(tmp_path)
    plan = FaultPlan.from_rules([{"match": url.split("://", 1)[1], **rule} for url, rule in PERSISTENT.items()])
    results, _ = crawl(paths, "faulty", monkeypatch, plan)
    failed = {
        r["url"]: r["error"]
        for m in RawStore(paths.raw_dir).complete_manifests()
        for r in read_manifest(m)
        if r["error"]
    }
    assert set(failed) == set(PERSISTENT)
    for url, rule in PERSISTENT.items():
        kind = rule["fault"] + (str(rule["status"]) if rule["fault"] == "status" else "")
        assert EXPECTED_ERRORS[kind] in failed[url], (url, failed[url])
    assert_no_partial_objects(paths)
    load_lake(paths)
    assert lake_contents(paths) != clean_lake[0]

    results, requests = crawl(paths, "next", monkeypatch)  # the site is healthy again
    assert sum(r["retried"] for r in results) == len(PERSISTENT)
    assert sum(r["failed"] for r in results) == 0
    fetched = {f"{host}{path}" for host, path in requests}
    assert all(url.split("://", 1)[1] in fetched for url in PERSISTENT)
    assert "jxj.ningbo.gov.cn/art/2024/5/15/P065512034.docx" in fetched  # behind the missed article
    load_lake(paths)
    assert lake_contents(paths) == clean_lake[0]  # nothing lost

    _, requests = crawl(paths, "after", monkeypatch)  # nothing is owed any more
    assert len(requests) == len(SOURCES)


def test_a_dead_link_is_given_up_after_three_runs(tmp_path, monkeypatch):
    paths = Paths(tmp_path)
    dead = "jxt.zj.gov.cn/art/2024/5/31/P053217525.xlsx"
    for run in range(4):
        plan = FaultPlan.from_rules([{"match": dead, "fault": "status", "status": 404}])
        with MirrorThread(fault_plan=plan) as mirror:
            monkeypatch.setenv("GREENMFG_MIRROR_URL", mirror.url)
            scrape(paths, f"run{run}", ["zj_jxt"])
            asked = [p for h, p in mirror.requests if f"{h}{p}" == dead]
        assert len(asked) == (1 if run < 3 else 0), run  # 4xx is never retried within a run


def test_fault_plan_rejects_unknown_faults():
    with pytest.raises(ValueError, match="unknown fault"):
        FaultPlan.from_rules([{"match": "x", "fault": "meteor"}])


def test_a_run_with_one_source_broken_publishes_the_others_and_names_it(tmp_path, monkeypatch):
    from greenmfg import pipeline
    from greenmfg.scrape import SourcesFailed

    paths = Paths(tmp_path)
    broken = {"match": "gxt.hunan.gov.cn/gxt/xxgk_71033/tzgg/index.html", "fault": "status", "status": 500}
    with MirrorThread(fault_plan=FaultPlan.from_rules([broken])) as mirror:
        monkeypatch.setenv("GREENMFG_MIRROR_URL", mirror.url)
        with pytest.raises(SourcesFailed, match="hn_gxt"):
            pipeline.run(paths, "one-broken", ["hn_gxt", "nb_jxj", "zj_jxt"])
    with duckdb.connect(str(paths.published_db), read_only=True) as con:
        published = dict(con.execute("select source_id, count(*) from marts.dim_announcement group by 1").fetchall())
    assert set(published) == {"nb_jxj", "zj_jxt"} and all(published.values())
    report = (paths.warehouse_dir / "report.html").read_text(encoding="utf-8")
    assert re.search(r"hn_gxt</td>.*?FAILED: SourceBroken", report, re.S)
    from greenmfg.status import status_text

    assert "last error: SourceBroken: hn_gxt: list page" in status_text(paths)
