"""The baselines each stage is measured against, on the same input in the same run:

- `lxml`: a bare lxml parse of every notice page the run fetched (what extraction is compared to);
- `duckdb`: a bare DuckDB load of the raw manifests the load stage reads (JSON lines) into a
  database file, as the load stage writes the lake (and, for reference, into memory);
- `attachments`: a bare read of every attachment the run fetched (bench.attachments: pypdfium2's
  characters and boxes, openpyxl's read-only rows, xlrd's rows, document.xml's cells), in as many
  processes as the extract stage reads them with (what its attachments phase is compared to);
- `scrapy`: a minimal Scrapy spider crawling the same mirror (list pages → articles →
  attachments) at the same concurrency, one request at a time per site, as the scrapers do.

    python -m bench.baselines lxml --home DIR | duckdb --home DIR | attachments --home DIR
    python -m bench.baselines scrapy --corpus DIR --mirror URL
Prints {"seconds": …, "items": …} as JSON.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def lxml_parse(pages: list[Path]) -> dict:
    """Every page read once untimed, then read and parsed: both sides read from the page cache
    (this machine reclaims cold cached pages, and a cold read of 100k small files cost more than
    their parse; the extract stage reads them right after the run fetched them)."""
    import lxml.html

    for page in pages:
        page.read_bytes()
    started = time.perf_counter()
    for page in pages:
        lxml.html.fromstring(page.read_bytes()).text_content()
    return {"seconds": time.perf_counter() - started, "items": len(pages)}


def fetched_notice_pages(home: Path) -> list[Path]:
    """The notice pages the run fetched, as the raw store holds them: the pages extraction
    read (the corpus folder may hold more, e.g. notices an earlier 1% refresh added)."""
    return _fetched(home, "article")


def fetched_attachments(home: Path) -> list[Path]:
    """The attachments the run fetched, as the raw store holds them."""
    return _fetched(home, "attachment")


def _fetched(home: Path, kind: str) -> list[Path]:
    """The stored objects of the documents of one kind the run fetched, each once."""
    import duckdb

    from greenmfg.raw_store import RawStore
    from greenmfg.settings import Paths

    paths = Paths(home)
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        digests = con.execute(
            "select distinct sha256 from fetch_log where kind = ? and sha256 is not null order by 1", [kind]
        ).fetchall()
    store = RawStore(paths.raw_dir)
    return [store.object_path(digest) for (digest,) in digests]


def _bare_read(path: Path) -> int:
    from bench.attachments import BARE
    from greenmfg.extract.readers import sniff_format

    body = path.read_bytes()
    read = BARE.get(sniff_format(body))
    return read(body) if read else 0


def attachments_read(home: Path) -> dict:
    """Each fetched attachment read bare, in the extract stage's number of processes."""
    from concurrent.futures import ProcessPoolExecutor

    from greenmfg.extract.stage import workers

    files = fetched_attachments(home)
    started = time.perf_counter()
    with ProcessPoolExecutor(workers()) as pool:
        items = sum(pool.map(_bare_read, files, chunksize=64))
    return {"seconds": time.perf_counter() - started, "items": len(files), "cells_or_chars": items}


def duckdb_read(home: Path) -> dict:
    """Into a database file, as the load stage writes the lake (`seconds`), and into memory
    (`in_memory_seconds`, for reference: nothing is persisted)."""
    import duckdb

    pattern = str(home / "raw" / "manifests" / "**" / "*.jsonl")
    target = home / "baseline-load.duckdb"
    timed = {}
    for name, database in (("in_memory_seconds", ":memory:"), ("seconds", str(target))):
        target.unlink(missing_ok=True)
        started = time.perf_counter()
        with duckdb.connect(database) as con:
            con.execute(f"create table manifests as select * from read_json_auto('{pattern}', union_by_name = true)")
            rows = con.execute("select count(*) from manifests").fetchone()[0]
        timed[name] = time.perf_counter() - started
    target.unlink(missing_ok=True)
    return {**timed, "items": rows}


def scrapy_crawl(corpus: Path, mirror: str, concurrency: int) -> dict:
    """Same pages as the scrapers fetch: each site's list pages, its articles, their attachments."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    hosts = sorted(p.name for p in (corpus / "sites").iterdir())
    counted = {"responses": 0}

    def request(host: str, path: str, callback):
        return scrapy.Request(
            f"{mirror}{path}",
            headers={"X-Mirror-Host": host},
            callback=callback,
            cb_kwargs={"host": host},
            dont_filter=True,
        )

    class MirrorSpider(scrapy.Spider):
        name = "baseline"

        async def start(self):
            for host in hosts:
                yield request(host, "/tzgg/index.html", self.parse_list)

        def parse_list(self, response, host):
            counted["responses"] += 1
            for href in response.css("ul.list > li a::attr(href)").getall():
                yield request(host, "/tzgg/" + href, self.parse_article)
            next_page = response.css("a.next::attr(href)").get()
            if next_page:
                yield request(host, "/tzgg/" + next_page, self.parse_list)

        def parse_article(self, response, host):
            counted["responses"] += 1
            base = response.url.rsplit("/", 1)[0].replace(mirror, "")
            for href in response.css("div.content a::attr(href)").getall():
                yield request(host, f"{base}/{href}", self.parse_attachment)

        def parse_attachment(self, response, host):
            counted["responses"] += 1

    process = CrawlerProcess(
        settings={
            "CONCURRENT_REQUESTS": concurrency,
            "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
            "DOWNLOAD_DELAY": 0,
            "ROBOTSTXT_OBEY": False,
            "LOG_LEVEL": "ERROR",
            "TELNETCONSOLE_ENABLED": False,
            "RETRY_ENABLED": False,
            "COOKIES_ENABLED": False,
        }
    )
    started = time.perf_counter()
    process.crawl(MirrorSpider)
    process.start()
    return {"seconds": time.perf_counter() - started, "items": counted["responses"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("baseline", choices=["lxml", "duckdb", "attachments", "scrapy"])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--mirror")
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    if args.baseline == "lxml":
        result = lxml_parse(fetched_notice_pages(args.home))
    elif args.baseline == "duckdb":
        result = duckdb_read(args.home)
    elif args.baseline == "attachments":
        result = attachments_read(args.home)
    else:
        result = scrapy_crawl(args.corpus, args.mirror, args.concurrency)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
