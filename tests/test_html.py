"""Article pages through lxml (greenmfg/webpage/html.py): the text is what BeautifulSoup's
get_text gives on the same node, and a page that cannot be parsed whole is refused."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from greenmfg.extract.records import Document, read_document
from greenmfg.raw_store import RawStore
from greenmfg.webpage.encoding import decode_html
from greenmfg.webpage.html import parse_html, select_one, table_rows, text_of
from scrapers import get_spider, registry
from tests.conftest import FILES

BODY = {"miit": "#con_con"}  # the MIIT adapter's own selector; the others come from their YAML


def _saved_articles():
    for page in sorted(FILES.glob("*/article*.html")):
        yield pytest.param(page.parent.name, page, id=f"{page.parent.name}/{page.name}")


@pytest.mark.parametrize("source_id, page", list(_saved_articles()))
def test_body_text_is_what_beautifulsoup_gives(source_id, page):
    """The oracle is the code the spiders ran before: BeautifulSoup over lxml, code tags removed."""
    config = registry()[source_id]
    selector = BODY.get(source_id) or config.article.body
    body = page.read_bytes()
    soup = BeautifulSoup(decode_html(body, None, config.encoding), "lxml")
    node = soup.select_one(selector)
    for tag in node(["script", "style", "noscript", "template"]):
        tag.decompose()
    spider = get_spider(source_id)
    assert spider.parse_article(spider.page(body), "http://example.test/a.html").body_text == node.get_text(
        "\n", strip=True
    )


def test_simple_selectors_find_what_cssselect_finds():
    """`tag`, `tag.class` and `#id` are matched without XPath: on every saved page, with every
    source's article selectors and some tricky ones, the node is cssselect's first match."""
    from greenmfg.webpage.html import _selector, _simple

    selectors = {s for c in registry().values() for s in (c.article.title, c.article.body, c.article.date) if s}
    selectors |= {"#con_con", "div", "p.a", "td", "span.time", "div.TRS_Editor", "body", "a"}
    assert {s for s in selectors if _simple(s)} >= {"#con_con", "div.TRS_Editor", "h1", "td"}
    pages = [parse_html(p.read_bytes()) for p in sorted(FILES.glob("*/*.html"))]
    pages.append(parse_html(b'<div class="x\tTRS_Editor\n"><p class="a\xa0b">1</p><p class="A b a">2</p></div>'))
    for page in pages:
        for css in selectors:
            found = _selector(css)(page)
            assert select_one(page, css) is (found[0] if found else None), css


def test_code_and_comments_are_not_text():
    tree = parse_html(
        "<html><body><div id=b> 一 <!-- 注释 --><script>var x;</script><style>p{}</style>"
        "<p> 二 </p>三<noscript>四</noscript></div>尾</body></html>".encode()
    )
    assert text_of(select_one(tree, "#b")) == "一\n二\n三"
    assert text_of(select_one(tree, "#b"), " ") == "一 二 三"


def test_table_rows_keep_nested_cells():
    tree = parse_html(
        b"<table><tr><th>a</th><td> b <b>c</b></td></tr><tr><td><table><tr><td>d</td></tr></table></td></tr></table>"
    )
    assert table_rows(tree) == [["a", "b c"], ["d", "d"], ["d"]]


def test_deep_nesting_of_old_pages_is_parsed_whole():
    depth = 600  # past libxml2's default limit of 256: unclosed <font> tags nest this deep
    tree = parse_html(b"<div id=b>" + b"<font>" * depth + "绿色工厂".encode() + b"</div>")
    assert text_of(select_one(tree, "#b")) == "绿色工厂"


def test_a_page_that_cannot_be_parsed_whole_is_quarantined_with_the_reason(tmp_path, monkeypatch):
    page = b"<html><body><h1 class=title>t</h1><div class=content>" + b"<div>" * 3000 + b"x</div></body></html>"
    with pytest.raises(ValueError, match="cannot be parsed whole: Excessive depth"):
        parse_html(page)
    store = RawStore(tmp_path / "raw")
    sha = store.put(page)
    source_id = next(s for s, c in registry().items() if c.adapter == "generic")
    rows = read_document(tmp_path / "raw", Document("article", source_id, "http://example.test/a.html", sha))
    assert rows.tables["announcements"] == []
    (quarantined,) = rows.tables["quarantine"]
    assert quarantined[5] == "article_unparseable" and "Excessive depth" in quarantined[6]
    assert rows.tables["extracted"]  # recorded as read: a re-run does not try it again
