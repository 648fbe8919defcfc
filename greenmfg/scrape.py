"""Scrape: run spiders, landing every fetched body in the raw store before anything else.

Sources are independent: one that fails is recorded and the others go on; the stage then
raises SourcesFailed naming the failed sources (after every manifest is committed).
"""

from __future__ import annotations

import logging
from dataclasses import asdict

from greenmfg.http_client import PoliteSession
from greenmfg.raw_store import RawStore
from greenmfg.settings import Paths, mirror_url, setting
from scrapers import registry, spider_for
from scrapers.base import CrawlState

log = logging.getLogger(__name__)


class SourcesFailed(RuntimeError):
    def __init__(self, failures: dict[str, str], results: list[dict]):
        super().__init__("sources failed: " + "; ".join(f"{k}: {v}" for k, v in failures.items()))
        self.failures = failures
        self.results = results


def requests_per_second(configured: float) -> float:
    """The source's politeness, unless GREENMFG_REQUESTS_PER_SECOND overrides it (0 = no limit:
    for the local mirror in tests; never for real sites)."""
    override = setting("GREENMFG_REQUESTS_PER_SECOND")
    return float(override) if override else configured


def scrape_source(paths: Paths, run_id: str, source_id: str) -> dict:
    """Crawl one source incrementally; its manifest is committed even when the crawl failed."""
    config = registry()[source_id]
    spider = spider_for(config)
    store = RawStore(paths.raw_dir)
    state = CrawlState.from_store(store, source_id)
    session = PoliteSession.from_env(
        mirror_url=mirror_url(),
        per_second=requests_per_second(config.requests_per_second),
        robots_dir=paths.raw_dir / "state" / "robots",
        allowed_hosts=config.allowed_hosts(),
    )
    manifest = store.open_manifest(source_id, run_id)
    try:
        stats = spider.crawl(session, store, manifest, run_id, state)
    finally:
        manifest.commit()  # what was fetched stays recorded; the next run retries the rest
        session.close()
    log.info(
        "[%s] %d requests, %d list pages (%d not modified), %d new articles, %d known, "
        "%d attachments, %d failed, %d skipped",
        source_id,
        stats.requests,
        stats.list_pages,
        stats.not_modified,
        stats.articles,
        stats.known_skipped,
        stats.attachments,
        stats.failed,
        len(stats.skipped),
    )
    return asdict(stats)


def scrape(paths: Paths, run_id: str, source_ids: list[str] | None = None) -> list[dict]:
    results, failures = [], {}
    for source_id in source_ids or sorted(registry()):
        try:
            results.append(scrape_source(paths, run_id, source_id))
        except Exception as exc:
            log.error("[%s] FAILED: %s", source_id, exc)
            failures[source_id] = f"{type(exc).__name__}: {exc}"
            results.append({"source_id": source_id, "error": failures[source_id]})
    if failures:
        raise SourcesFailed(failures, results)
    return results
