"""The configurable spider: CSS selectors from the source's YAML file do all the work."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from greenmfg.webpage.html import meta_content, page_title, select, select_one, text_of
from scrapers.base import Article, AttachmentLink, BodyNotFound, ListItem, Spider, unique_links
from scrapers.text_patterns import date_from_url, doc_number, is_attachment_href, iso_date, signature_date


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
            items.append(
                ListItem(item_url, title, iso_date(date.get_text() if date else None) or date_from_url(item_url))
            )
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
        publish_date = (
            iso_date(text_of(date_node, " ") if date_node is not None else None)
            or iso_date(meta_content(page, "PubDate"))
            or date_from_url(url)
            or signature_date(text)
        )
        scope = select(page, selectors.attachments) if selectors.attachments else body.iter("a")
        attachments = [
            AttachmentLink(self.absolute(url, a.get("href")), text_of(a, " "))
            for a in scope
            if a.get("href") and is_attachment_href(a.get("href"))
        ]
        return Article(
            url=url,
            title=title.strip(),
            publish_date=publish_date,
            doc_number=doc_number(text),
            body_text=text,
            attachments=unique_links(attachments),
        )


class JcmsCdataSpider(ConfiguredSpider):
    """Hanweb jcms sites (jxt.zj.gov.cn …): list rows sit in <script type="text/xml"> CDATA."""

    def list_root(self, soup: BeautifulSoup) -> BeautifulSoup:
        blocks = [s.string or s.get_text() for s in soup.find_all("script", attrs={"type": "text/xml"})]
        records = "".join(re.sub(r"^\s*<!\[CDATA\[|\]\]>\s*$", "", b.strip()) for b in blocks if b)
        return BeautifulSoup(records.replace("<![CDATA[", "").replace("]]>", ""), "lxml")
