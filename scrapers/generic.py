"""The configurable spider: CSS selectors from the source's YAML file do all the work."""

from __future__ import annotations

import datetime
import re

from bs4 import BeautifulSoup

from greenmfg.extract.html import find_article, meta_content, page_title, select, select_one, text_of
from scrapers.base import Article, AttachmentLink, BodyNotFound, ListItem, Spider
from scrapers.registry import ArticleSelectors, SourceConfig
from scrapers.text_patterns import doc_number, is_attachment_href, iso_date

TITLE_CHARS = 60  # a page with no heading and no <title>: its first line, cut to this, names it
URL_DATE = re.compile(r"/(?:art/)?(20\d{2})[/-]?(\d{1,2})[/-]?(\d{1,2})?/|/t(20\d{2})(\d{2})(\d{2})_")


def date_from_url(url: str) -> str | None:
    match = URL_DATE.search(url)
    if not match:
        return None
    if match.group(4):
        return f"{match.group(4)}-{match.group(5)}-{match.group(6)}"
    if match.group(3):
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}-{int(match.group(3)):02d}"
    return None


class ConfiguredSpider(Spider):
    def list_root(self, soup: BeautifulSoup) -> BeautifulSoup:
        """Where the list rows are (adapters override: CDATA blocks, JSON …)."""
        return soup

    def parse_list(self, soup: BeautifulSoup, url: str):
        selectors = self.config.list
        items = []
        for row in self.list_root(soup).select(selectors.item):
            link = row.select_one(selectors.link)
            if link is None or not link.get("href"):
                continue
            date = row.select_one(selectors.date) if selectors.date else None
            title = (link.get("title") or link.get_text(" ", strip=True)).strip()
            item_url = self.absolute(url, link["href"])
            items.append(ListItem(item_url, title, iso_date(date.get_text() if date else None) or date_from_url(item_url)))
        next_link = soup.select_one(selectors.next) if selectors.next else None
        return items, self.absolute(url, next_link["href"]) if next_link and next_link.get("href") else None

    def parse_article(self, page, url: str) -> Article:
        selectors = self.config.article
        body = select_one(page, selectors.body) if selectors.body else None
        if body is None:
            raise BodyNotFound(f"{self.source_id}: article body {selectors.body!r} not found on {url}")
        title_node = select_one(page, selectors.title)
        title = text_of(title_node, " ") if title_node is not None else meta_content(page, "ArticleTitle")
        title = title if title is not None else page_title(page)
        if not title.strip():
            raise ValueError(f"{self.source_id}: no title ({selectors.title!r}) on {url}")
        text = text_of(body)
        date_node = select_one(page, selectors.date) if selectors.date else None
        publish_date = (iso_date(text_of(date_node, " ") if date_node is not None else None)
                        or iso_date(meta_content(page, "PubDate"))
                        or date_from_url(url) or _signature_date(text))
        scope = select(page, selectors.attachments) if selectors.attachments else body.iter("a")
        attachments = [AttachmentLink(self.absolute(url, a.get("href")), text_of(a, " "))
                       for a in scope if a.get("href") and is_attachment_href(a.get("href"))]
        return Article(url=url, title=title.strip(), publish_date=publish_date, doc_number=doc_number(text),
                       body_text=text, attachments=unique_links(attachments))


# A site the registry does not know (`greenmfg extract` without a registered URL): no level, no
# issuer's region, no selectors: every page is read by the generic article finder.
GENERIC_SOURCE = SourceConfig(id="generic", name="a site not in the registry", issuer="", level=None,
                              list_urls=(), article=ArticleSelectors(title=None, body=None))
LABELLED_DATE = re.compile(r"(?:日期|时间)\s*[:：]\s*(20\d{2}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2})")


def found_article(spider: Spider, page, url: str) -> Article:
    """The notice by the generic article finder (greenmfg.extract.html.find_article), with what the
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
    publish_date = (_valid(iso_date(text_of(date_node, " ") if date_node is not None else None))
                    or _valid(iso_date(meta_content(page, "PubDate"))) or _valid(date_from_url(url))
                    or _labelled_date(page) or _valid(_signature_date(found.text)))
    scope = select(page, selectors.attachments) if selectors.attachments else []
    links = [AttachmentLink(spider.absolute(url, a.get("href")), text_of(a, " "))
             for a in (scope or found.block.iter("a")) if a.get("href") and is_attachment_href(a.get("href"))]
    return Article(url=url, title=title, publish_date=publish_date, doc_number=doc_number(found.text),
                   body_text=found.text, attachments=unique_links(links), body_source="fallback")


def _labelled_date(page) -> str | None:
    """A date the page labels (发布日期：2024-01-05, 时间: 2024年1月5日), as its info line does."""
    match = LABELLED_DATE.search(text_of(page, " "))
    return _valid(iso_date(match.group(1))) if match else None


def _valid(date: str | None) -> str | None:
    """The date if it is one (the lake's column is a DATE: 2024-13-45 would fail the batch)."""
    if date is None:
        return None
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        return None
    return date


def _signature_date(text: str) -> str | None:
    dates = re.findall(r"20\d{2}年\d{1,2}月\d{1,2}日", text)
    return iso_date(dates[-1]) if dates else None


def unique_links(links: list[AttachmentLink]) -> list[AttachmentLink]:
    seen, out = set(), []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            out.append(link)
    return out


class JcmsCdataSpider(ConfiguredSpider):
    """Hanweb jcms sites (jxt.zj.gov.cn …): list rows sit in <script type="text/xml"> CDATA."""

    def list_root(self, soup: BeautifulSoup) -> BeautifulSoup:
        blocks = [s.string or s.get_text() for s in soup.find_all("script", attrs={"type": "text/xml"})]
        records = "".join(re.sub(r"^\s*<!\[CDATA\[|\]\]>\s*$", "", b.strip()) for b in blocks if b)
        return BeautifulSoup(records.replace("<![CDATA[", "").replace("]]>", ""), "lxml")
