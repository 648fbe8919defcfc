"""Incremental, polite crawling measured by requests against the mirror."""

from collections import Counter

import duckdb
import pytest

from greenmfg.mirror.server import MirrorThread
from greenmfg.scrape import scrape
from greenmfg.settings import Paths
from scrapers import registry
from tests.conftest import load_lake

pytestmark = pytest.mark.slow
EARLIER = "2024-06-30"


def announcements(paths) -> int:
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        return con.execute("select count(*) from announcements").fetchone()[0]


def run_scrape(paths, run_id, as_of=None, monkeypatch=None):
    with MirrorThread(as_of=as_of) as mirror:
        monkeypatch.setenv("GREENMFG_MIRROR_URL", mirror.url)
        results = scrape(paths, run_id)
        return results, list(mirror.requests)


def test_refresh_without_change_makes_one_request_per_source_and_loads_nothing(tmp_path, monkeypatch):
    paths = Paths(tmp_path)
    run_scrape(paths, "first", monkeypatch=monkeypatch)
    _, first = load_lake(paths)
    assert first.articles > 40

    results, requests = run_scrape(paths, "second", monkeypatch=monkeypatch)
    sources = registry()
    assert len(requests) == len(sources)  # robots.txt is cached for 24 h: list pages only
    assert {r["source_id"]: r["requests"] for r in results} == {s: 1 for s in sources}
    assert sum(r["not_modified"] for r in results) >= len(sources) - 1  # 304 wherever the host supports it
    loaded, extracted = load_lake(paths)
    assert (extracted.articles, extracted.attachments, extracted.rows) == (0, 0, 0)


def test_advancing_the_corpus_loads_exactly_the_new_items(tmp_path, monkeypatch):
    paths = Paths(tmp_path)
    run_scrape(paths, "earlier", as_of=EARLIER, monkeypatch=monkeypatch)
    load_lake(paths)
    before = announcements(paths)

    results, requests = run_scrape(paths, "later", monkeypatch=monkeypatch)
    load_lake(paths)
    new = sum(r["articles"] for r in results)
    assert new == 17  # articles published after 2024-06-30 across the catalogued sites (10 from pages2)
    assert announcements(paths) == before + new
    article_requests = Counter(path for _, path in requests if "/art/" in path or "/t20" in path or "content" in path)
    assert all(n == 1 for n in article_requests.values())  # nothing fetched twice
