"""Shared assertions for the per-source test modules (City Scrapers style): each source's
spider must find on its saved pages the items, dates, titles and attachments they show."""

from __future__ import annotations

from scrapers import get_spider
from tests.conftest import FILES


def check_list_page(source_id: str, url: str, expected: list[tuple[str, str]], has_next: bool) -> None:
    spider = get_spider(source_id)
    items, next_url = spider.parse_list(spider.soup((FILES / source_id / "list.html").read_bytes()), url)
    assert [(i.url, i.date) for i in items] == expected, f"{source_id}: list items differ"
    assert all(i.title for i in items), f"{source_id}: an item has no title"
    assert (next_url is not None) == has_next, f"{source_id}: next page link"


def check_article(source_id: str, url: str, title: str, date: str, attachments: int, content_type=None) -> None:
    spider = get_spider(source_id)
    article = spider.article_from_bytes((FILES / source_id / "article.html").read_bytes(), url, content_type)
    assert article.title == title
    assert article.publish_date == date
    assert len(article.attachments) == attachments
    assert len(article.body_text) > 50
    assert "无障碍辅助浏览" not in article.body_text  # page chrome stays outside the body
