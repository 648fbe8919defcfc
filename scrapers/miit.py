"""MIIT (工业和信息化部), 节能与综合利用司 文件发布: the national green manufacturing lists.

List page:  https://www.miit.gov.cn/jgsj/jns/wjfb/index.html, then index_1.html, index_2.html …
            rows are `ul.clist_con > li` with a link and a date span.
Article:    h1#con_title, span#con_time, div#con_con (body and attachment links).
Attachments sit on www/wap.miit.gov.cn under /cms_files/… or the api-gateway download URL.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from greenmfg.webpage.html import meta_content, select, select_one, text_of
from scrapers.base import Article, AttachmentLink, BodyNotFound, ListItem, Spider
from scrapers.generic import unique_links
from scrapers.text_patterns import doc_number, is_attachment_href, iso_date


class MiitSpider(Spider):
    def parse_list(self, soup: BeautifulSoup, url: str):
        items = []
        for li in soup.select("ul.clist_con > li"):
            link = li.find("a", href=True)
            if not link:
                continue
            date = li.find("span")
            items.append(
                ListItem(
                    url=self.absolute(url, link["href"]),
                    title=(link.get("title") or link.get_text()).strip(),
                    date=iso_date(date.get_text() if date else None),
                )
            )
        next_link = soup.select_one("div.page a.next[href]")
        return items, self.absolute(url, next_link["href"]) if next_link else None

    def parse_article(self, page, url: str) -> Article:
        title = select_one(page, "#con_title")
        body = select_one(page, "#con_con")
        if title is None or body is None:
            raise BodyNotFound("not a MIIT article page: #con_title or #con_con missing")
        time = select_one(page, "#con_time")
        text = text_of(body)
        attachments = [
            AttachmentLink(self.absolute(url, a.get("href")), text_of(a, ""))
            for a in select(page, "#con_con a[href], .fujian a[href]")
            if is_attachment_href(a.get("href"))
        ]
        return Article(
            url=url,
            title=text_of(title, ""),
            publish_date=iso_date(text_of(time, " ") if time is not None else None)
            or iso_date(meta_content(page, "PubDate")),
            doc_number=doc_number(text),
            body_text=text,
            attachments=unique_links(attachments),
        )
