"""Shared base for every source's spider.

A spider knows how to read its site's list pages and article pages. The base class does
the crawl: list pages (newest first) → articles → attachments, each body stored raw first
(RawStore) with a manifest row, failures recorded and the crawl continued.

Incremental and polite: list pages are fetched with the validators (ETag/Last-Modified) of
the last fetch, and a 304 ends the source's crawl; articles already stored are not fetched
again; paging stops at the first page whose items are all known; robots.txt is obeyed.
What a run failed to fetch is fetched again first thing in the next run, and so is a body
that is not the whole document (CrawlState.incomplete; an article page with no article in
it): it is not stored, so it is not "known"; after three runs in a row what the site serves is
taken as it is. Links to hosts that are not the source's are skipped (CrawlStats.skipped).
A list page on which the selectors find nothing fails loudly (SourceBroken), unless the
source declares `empty_ok`.

List pages are read with BeautifulSoup (a few per source, and adapters get its forgiving
API); article pages, one per notice and read again by every extraction, with lxml and the
same CSS selectors (greenmfg.webpage.html), at a twelfth of the cost.
"""

from __future__ import annotations

import logging
import statistics
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from bs4 import BeautifulSoup

from greenmfg.http_client import NotAllowed, PoliteSession
from greenmfg.raw_store import FetchRecord, ManifestWriter, RawStore
from greenmfg.webpage import html
from greenmfg.webpage.encoding import decode_html
from greenmfg.webpage.html import find_article, meta_content, select, select_one, text_of
from scrapers.registry import SourceConfig
from scrapers.text_patterns import (
    date_from_url,
    doc_number,
    is_attachment_href,
    iso_date,
    labelled_date,
    signature_date,
    valid_date,
)

log = logging.getLogger(__name__)


class SourceBroken(RuntimeError):
    """The site changed or the scraper broke: the message names the source and what is missing."""


EmptyScrapeError = SourceBroken  # the name used by earlier code and tests


class BodyNotFound(ValueError):
    """The source's selectors find no article body on the page (another column's template, a
    page of another kind): `Spider.read_article` falls back to the generic article finder."""


@dataclass
class ListItem:
    url: str
    title: str
    date: str | None = None


@dataclass
class AttachmentLink:
    url: str
    text: str


@dataclass
class Article:
    url: str
    title: str
    publish_date: str | None
    doc_number: str | None
    body_text: str
    attachments: list[AttachmentLink] = field(default_factory=list)
    body_source: str = "selector"  # selector | fallback (the generic article finder) | text (a plain-text page)


@dataclass
class CrawlStats:
    source_id: str
    requests: int = 0
    list_pages: int = 0
    not_modified: int = 0
    items_seen: int = 0
    articles: int = 0
    known_skipped: int = 0
    attachments: int = 0
    failed: int = 0
    robots_blocked: int = 0
    retried: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # links not fetched: another host, a forbidden address


class IncompleteBody(requests.RequestException):
    """A body that is not the whole document (far smaller than the URL or its siblings served,
    or, for an article, no article in it): not stored, so the URL is fetched again next run."""


FAR_BELOW = 10  # a body under a tenth of what the URL, or its siblings, served is not taken as whole


TITLE_CHARS = 60  # a page with no heading and no <title>: its first line, cut to this, names it
MAX_FAILED_RUNS = 3  # a link that failed this many runs in a row is given up (a dead link)


@dataclass
class CrawlState:
    """What earlier runs of this source already hold (from its committed manifests), and the
    articles and attachments whose fetch failed and is still owed (`missed`)."""

    known_articles: set[str] = field(default_factory=set)
    validators: dict[str, dict[str, str]] = field(default_factory=dict)
    missed: dict[str, dict] = field(default_factory=dict)
    strikes: dict[str, int] = field(default_factory=dict)  # failed runs in a row of each missed URL
    held_bytes: dict[str, int] = field(default_factory=dict)  # size of each URL's last whole body
    sibling_bytes: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # by kind and extension

    @classmethod
    def from_store(cls, store: RawStore, source_id: str) -> CrawlState:
        state, failures = cls(), {}
        for record in store.source_records(source_id):
            url = record["url"]
            if record.get("sha256"):
                failures.pop(url, None)
                state.held(url, record["kind"], record.get("bytes"))
                if record["kind"] == "article":
                    state.known_articles.add(url)
            elif (
                record.get("error")
                and record["kind"] != "list"
                and "robots.txt" not in record["error"]
                and not record["error"].startswith(SKIPPED)
            ):
                failures[url] = (record, failures.get(url, (None, 0))[1] + 1)
            if record["kind"] == "list" and record.get("http_status") == 200:
                state.validators[url] = {
                    k: v
                    for k, v in (
                        ("If-None-Match", record.get("etag")),
                        ("If-Modified-Since", record.get("last_modified")),
                    )
                    if v
                }
        state.missed = {url: rec for url, (rec, runs) in failures.items() if runs < MAX_FAILED_RUNS}
        state.strikes = {url: runs for url, (_, runs) in failures.items() if runs < MAX_FAILED_RUNS}
        return state

    def held(self, url: str, kind: str, size: int | None) -> None:
        """A whole body of this URL was stored."""
        if size:
            self.held_bytes[url] = size
            self.sibling_bytes.setdefault(_family(url, kind), []).append(size)

    def incomplete(self, url: str, kind: str, body: bytes, framed: bool) -> str | None:
        """Why a body is not taken as the whole document, or None.

        Far smaller than this URL served before: never taken (a refresh must not replace a
        held document with a fragment). Before its URL's last strike, where what the site
        serves is taken as it is: an article or attachment that is blank; and an unframed
        body (no Content-Length, not chunked: it ended where the connection closed) that is
        far smaller than its siblings (the source's bodies of the same kind and extension),
        or a PDF, ZIP (xlsx, docx) or HTML page without its end."""
        size = len(body)
        held = self.held_bytes.get(url)
        if held and size * FAR_BELOW < held:
            return f"{size} bytes, where this URL served {held} bytes before"
        if self.last_strike(url):
            return None
        if kind != "list" and not body.strip():
            return f"a blank body ({size} bytes)"
        if framed:
            return None
        siblings = self.sibling_bytes.get(_family(url, kind), [])
        if len(siblings) >= 2 and size * FAR_BELOW < (median := statistics.median(siblings)):
            return (
                f"{size} bytes, ended by the connection closing (no Content-Length), where the "
                f"source's other {kind} bodies are {median:.0f} bytes (median)"
            )
        unfinished = _unfinished(body)
        return f"{unfinished}, ended by the connection closing (no Content-Length)" if unfinished else None

    def last_strike(self, url: str) -> bool:
        return self.strikes.get(url, 0) >= MAX_FAILED_RUNS - 1


SKIPPED = ("HostNotAllowed", "AddressNotAllowed")  # links skipped by policy: not failures, never retried


def _unfinished(body: bytes) -> str | None:
    """What a body that stops short of its format's end lacks, or None."""
    head, tail = body[:1024].lstrip().lower(), body[-65557:]
    if body.startswith(b"%PDF") and b"%%EOF" not in body[-4096:]:
        return "a PDF without its end (%%EOF)"
    if body.startswith(b"PK\x03\x04") and b"PK\x05\x06" not in tail:
        return "a ZIP file (xlsx, docx) without its central directory"
    if (head.startswith((b"<!doctype html", b"<html")) or b"<html" in head) and b"</html" not in tail.lower():
        return "an HTML page without its </html>"
    return None


def _family(url: str, kind: str) -> tuple[str, str]:
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    return kind, name.rsplit(".", 1)[-1].lower() if "." in name else ""


class Spider:
    """Base class: subclasses implement parse_list and parse_article for their site."""

    def __init__(self, config: SourceConfig):
        self.config = config
        self.source_id = config.id
        self.name = config.name
        self.issuer = config.issuer
        self.level = config.level
        self.region_code = config.region_code
        self.start_urls = list(config.list_urls)
        self.max_list_pages = config.max_list_pages

    # --- site-specific parsing ------------------------------------------------------
    def parse_list(self, soup: BeautifulSoup, url: str) -> tuple[list[ListItem], str | None]:
        """Items on one list page and the URL of the next page (or None)."""
        raise NotImplementedError

    def parse_article(self, page, url: str) -> Article:
        """The notice on an article page (`page`: its lxml tree, from `self.page`), by the source's
        selectors; BodyNotFound when they find no body."""
        raise NotImplementedError

    def read_article(self, page, url: str) -> Article:
        """The notice by the source's selectors or, where they find no body (a page of another
        column of the site), by the generic article finder (`body_source` says which)."""
        try:
            return self.parse_article(page, url)
        except BodyNotFound:
            return found_article(self, page, url)

    # --- shared helpers ---------------------------------------------------------------
    def soup(self, body: bytes, content_type: str | None = None) -> BeautifulSoup:
        """A list page's tree."""
        return BeautifulSoup(decode_html(body, content_type, self.config.encoding), "lxml")

    def page(self, body: bytes, content_type: str | None = None):
        """An article page's tree (lxml), without scripts and styles."""
        return html.parse_html(body, content_type, self.config.encoding)

    def article_from_bytes(self, body: bytes, url: str, content_type: str | None = None) -> Article:
        """By the source's selectors alone (what `greenmfg sources check` and the spider tests check)."""
        return self.parse_article(self.page(body, content_type), url)

    @staticmethod
    def absolute(base: str, href: str) -> str:
        return urljoin(base, href.strip())

    # --- the crawl ----------------------------------------------------------------------
    def crawl(
        self,
        session: PoliteSession,
        store: RawStore,
        manifest: ManifestWriter,
        run_id: str,
        state: CrawlState | None = None,
    ) -> CrawlStats:
        state = state or CrawlState()
        self._state = state  # what _fetch weighs a body against
        stats = CrawlStats(self.source_id)
        self._retry_missed(session, store, manifest, run_id, state, stats)
        for start in self.start_urls:
            self._crawl_list(session, store, manifest, run_id, start, state, stats)
        return stats

    def _crawl_list(self, session, store, manifest, run_id, start, state: CrawlState, stats: CrawlStats) -> None:
        url, pages = start, 0
        while url and pages < self.max_list_pages:
            headers = state.validators.get(url, {}) if pages == 0 else {}
            response = self._fetch(session, store, manifest, run_id, url, "list", stats, headers=headers)
            pages += 1
            if response is None:
                if pages == 1:
                    raise SourceBroken(f"{self.source_id}: list page {url} could not be fetched ({stats.errors[-1:]})")
                return
            if response.status_code == 304:
                stats.not_modified += 1
                return  # nothing changed since the last run
            stats.list_pages += 1
            items, next_url = self.parse_list(self.soup(response.content, response.headers.get("Content-Type")), url)
            if not items and pages == 1 and not self.config.empty_ok:
                raise SourceBroken(
                    f"{self.source_id}: list page {url} matched no items with selector "
                    f"{self.config.list.item!r}: has the site's template changed?"
                )
            stats.items_seen += len(items)
            new = [item for item in items if item.url not in state.known_articles]
            stats.known_skipped += len(items) - len(new)
            for item in new:
                self._crawl_article(session, store, manifest, run_id, item, stats)
                state.known_articles.add(item.url)
            if items and not new:
                return  # a page of known items: everything older is known too
            url = next_url

    def _retry_missed(self, session, store, manifest, run_id, state: CrawlState, stats: CrawlStats) -> None:
        """Fetch again what earlier runs missed, before the list pages (which may answer 304)."""
        for url, record in state.missed.items():
            stats.retried += 1
            if record["kind"] == "article":
                self._crawl_article(session, store, manifest, run_id, ListItem(url, title=""), stats)
                state.known_articles.add(url)
            else:
                got = self._fetch(
                    session,
                    store,
                    manifest,
                    run_id,
                    url,
                    record["kind"],
                    stats,
                    parent_url=record.get("parent_url"),
                    link_text=record.get("link_text"),
                )
                stats.attachments += got is not None

    def _crawl_article(self, session, store, manifest, run_id, item: ListItem, stats: CrawlStats) -> None:
        read: list[Article] = []

        def readable(response, strict: bool) -> None:
            page = self.page(response.content, response.headers.get("Content-Type"))
            # strict (before the URL's last strike): the source's own selectors must find the article;
            # a page they find nothing on (a notice not filled in yet) is fetched again next run.
            # Else as the extract stage reads it: a page of another column gives its attachments too
            read.append(self.parse_article(page, item.url) if strict else self.read_article(page, item.url))

        response = self._fetch(session, store, manifest, run_id, item.url, "article", stats, check=readable)
        if response is None:
            return
        stats.articles += 1
        if not read:  # its last strike, and not even the generic article finder reads it: stored as served
            return
        article = read[0]
        for link in article.attachments:
            got = self._fetch(
                session,
                store,
                manifest,
                run_id,
                link.url,
                "attachment",
                stats,
                parent_url=item.url,
                link_text=link.text,
            )
            stats.attachments += got is not None

    def _fetch(
        self,
        session: PoliteSession,
        store,
        manifest,
        run_id,
        url,
        kind,
        stats,
        parent_url=None,
        link_text=None,
        headers=None,
        check=None,
    ) -> requests.Response | None:
        record = FetchRecord(
            url=url, source_id=self.source_id, run_id=run_id, kind=kind, parent_url=parent_url, link_text=link_text
        )
        try:
            if not session.allowed(url):
                stats.robots_blocked += 1
                raise requests.RequestException("disallowed by robots.txt")
            stats.requests += 1
            response = session.get(url, headers=headers)
            record.http_status = response.status_code
            record.content_type = response.headers.get("Content-Type")
            if response.status_code == 304:
                record.etag, record.last_modified = headers.get("If-None-Match"), headers.get("If-Modified-Since")
                return response
            if response.status_code != 200:
                raise requests.HTTPError(f"HTTP {response.status_code}")
            body = response.content
            self._whole(url, kind, response, check)
            record.sha256 = store.put(body)
            record.bytes = len(body)
            record.etag = response.headers.get("ETag")
            record.last_modified = response.headers.get("Last-Modified")
            log.info("[%s] %-10s %s (%d bytes)", self.source_id, kind, url, len(body))
            if getattr(self, "_state", None) is not None:
                self._state.held(url, kind, len(body))
            return response
        except NotAllowed as exc:  # another host, a forbidden address: skipped, never retried
            record.error = f"{type(exc).__name__}: {exc}"
            stats.skipped.append(f"{url}: {record.error}")
            log.warning("[%s] skipped %s %s: %s", self.source_id, kind, url, record.error)
            return None
        except requests.RequestException as exc:
            record.error = f"{type(exc).__name__}: {exc}"
            stats.failed += 1
            stats.errors.append(f"{kind} {url}: {record.error}")
            log.warning("[%s] failed %s %s: %s", self.source_id, kind, url, record.error)
            return None
        finally:
            manifest.write(record)

    def _whole(self, url, kind, response, check) -> None:
        """IncompleteBody unless the body is the whole document (CrawlState.incomplete) and, for
        an article, the source's selectors find the article in it (`check`); on the URL's last
        strike what the site serves is taken as it is (read by the generic article finder where
        the selectors find nothing). A list page that looks cut short is used, but its
        validators are not kept: the next run fetches it whole."""
        state = getattr(self, "_state", None) or CrawlState()
        reason = state.incomplete(url, kind, response.content, getattr(response, "framed", True))
        if reason and kind == "list":
            log.warning("[%s] list page %s looks cut short (%s): fetched in full next run", self.source_id, url, reason)
            response.headers.pop("ETag", None)
            response.headers.pop("Last-Modified", None)
        elif reason:
            raise IncompleteBody(reason)
        if check is not None:
            strict = not state.last_strike(url)
            try:
                check(response, strict)
            except Exception as exc:
                if strict:
                    raise IncompleteBody(f"no article on the page ({type(exc).__name__}: {exc})") from exc
                log.warning(
                    "[%s] %s still reads as no article after %d runs: stored as served",
                    self.source_id,
                    url,
                    state.strikes.get(url, 0) + 1,
                )


def found_article(spider: Spider, page, url: str) -> Article:
    """The notice by the generic article finder (greenmfg.webpage.html.find_article), with what the
    source's selectors still find (title, date, attachment links) where they find it."""
    selectors = spider.config.article
    preferred = select_one(page, selectors.title) if selectors.title else None
    found = find_article(page, preferred)
    if found is None:
        selector = f"no body at {selectors.body!r} and " if selectors.body else ""
        raise ValueError(f"{spider.source_id}: no article on {url}: {selector}no block of running text")
    title = (meta_content(page, "ArticleTitle") or found.title or "").strip()
    if not title:  # no heading and no <title>: the text's first line names the page, cut to a title's length
        title = next((line.strip() for line in found.text.splitlines() if line.strip()), "")[:TITLE_CHARS]
    date_node = select_one(page, selectors.date) if selectors.date else None
    publish_date = (
        valid_date(iso_date(text_of(date_node, " ") if date_node is not None else None))
        or valid_date(iso_date(meta_content(page, "PubDate")))
        or valid_date(date_from_url(url))
        or labelled_date(text_of(page, " "))
        or valid_date(signature_date(found.text))
    )
    scope = select(page, selectors.attachments) if selectors.attachments else []
    links = [
        AttachmentLink(spider.absolute(url, a.get("href")), text_of(a, " "))
        for a in (scope or found.block.iter("a"))
        if a.get("href") and is_attachment_href(a.get("href"))
    ]
    return Article(
        url=url,
        title=title,
        publish_date=publish_date,
        doc_number=doc_number(found.text),
        body_text=found.text,
        attachments=unique_links(links),
        body_source="fallback",
    )


def unique_links(links: list[AttachmentLink]) -> list[AttachmentLink]:
    seen, out = set(), []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            out.append(link)
    return out
