"""`greenmfg sources list` and `greenmfg sources check ID`: help whoever adds a source."""

from __future__ import annotations

from greenmfg.http_client import PoliteSession
from greenmfg.settings import mirror_url
from scrapers import registry, spider_for


def list_sources() -> str:
    rows = [f"{'id':<14} {'level':<11} {'region':<7} {'adapter':<11} name"]
    for config in sorted(registry().values(), key=lambda c: (c.level != "national", c.level, c.id)):
        rows.append(
            f"{config.id:<14} {config.level:<11} {config.region_code or '-':<7} {config.adapter:<11} {config.name}"
        )
    return "\n".join(rows)


def check_source(source_id: str) -> tuple[bool, str]:
    """Fetch the first list page and the newest article; say what the selectors found."""
    config = registry()[source_id]
    spider = spider_for(config)
    session = PoliteSession.from_env(mirror_url=mirror_url(), per_second=config.requests_per_second)
    lines = [f"{source_id}: {config.name} ({config.adapter}, {config.path})"]
    try:
        url = config.list_urls[0]
        response = session.get(url, check_robots=True)
        lines.append(f"  list page {url}: HTTP {response.status_code}, {response.headers.get('Content-Type')}")
        items, next_url = spider.parse_list(spider.soup(response.content, response.headers.get("Content-Type")), url)
        lines.append(f"  items found with {config.list.item!r}: {len(items)}; next page: {next_url}")
        for item in items[:5]:
            lines.append(f"    {item.date}  {item.title[:50]}  {item.url}")
        if not items:
            lines.append("  NO ITEMS: check the list selectors")
            return False, "\n".join(lines)
        page = session.get(items[0].url, check_robots=True)
        article = spider.article_from_bytes(page.content, items[0].url, page.headers.get("Content-Type"))
        lines.append(f"  newest article: {article.title[:60]}")
        lines.append(
            f"    date {article.publish_date}, 文号 {article.doc_number}, "
            f"{len(article.body_text)} chars, {len(article.attachments)} attachments"
        )
        for link in article.attachments:
            lines.append(f"    attachment: {link.text}  {link.url}")
        return True, "\n".join(lines)
    except Exception as exc:
        lines.append(f"  FAILED: {type(exc).__name__}: {exc}")
        return False, "\n".join(lines)
    finally:
        session.close()
