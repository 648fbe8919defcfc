"""HTML pages as lxml trees: parsed once, selected with CSS, read as text.

Article pages are the extraction's hot path (one per notice): lxml builds the tree in C,
where BeautifulSoup builds it again in Python (bench/RESULTS.md compares them). The text rule is BeautifulSoup's
`get_text(separator, strip=True)`: each piece of text stripped, empty pieces dropped. Code
(script, style, template, noscript) is not text and is dropped when the page is parsed.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import NamedTuple

from lxml import etree
from lxml.cssselect import CSSSelector

from greenmfg.webpage.encoding import decode_html

CODE_TAGS = ("script", "style", "noscript", "template")
_THREAD = threading.local()


def parse_html(body: bytes | str, content_type: str | None = None, hint: str | None = None) -> etree._Element:
    """The page's tree, decoded by `decode_html` (declared charsets are often wrong)."""
    text = body if isinstance(body, str) else decode_html(body, content_type, hint)
    parser = _parser()
    # handed over as UTF-8 bytes: lxml refuses str input that carries an encoding declaration
    tree = etree.fromstring(text.encode("utf-8"), parser) if text.strip() else None
    if tree is None:
        raise ValueError("empty page")
    if fatal := [error for error in parser.error_log if error.level_name == "FATAL"]:
        # e.g. nesting past libxml2's limit: the tree would silently lack what lies deeper
        raise ValueError(f"page cannot be parsed whole: {fatal[0].message} (line {fatal[0].line})")
    etree.strip_elements(tree, *CODE_TAGS, with_tail=False)
    return tree


def _parser() -> etree.HTMLParser:
    # plain etree elements (lxml.html's element classes cost a Python call per element);
    # huge_tree: unclosed tags (<font> after <font>) nest old CMS pages past libxml2's default
    # depth of 256, and the raw file is already capped in size (settings.max_file_bytes);
    # one parser per thread (lxml parsers must not be shared between threads), reused page
    # after page: its error_log holds the last page's errors
    parser = getattr(_THREAD, "parser", None)
    if parser is None:
        parser = _THREAD.parser = etree.HTMLParser(encoding="utf-8", huge_tree=True)
    return parser


@lru_cache(maxsize=256)
def _selector(css: str) -> CSSSelector:
    return CSSSelector(css, translator="html")


# `tag`, `tag.class` and `#id`, the usual article selectors, are matched by walking the tree,
# cheaper than cssselect's XPath. Same rule as cssselect's: class tokens are split
# at XML white space (XPath's normalize-space), the node itself counts (descendant-or-self).
SIMPLE_SELECTOR = re.compile(r"^([a-z][a-z0-9]*)?(?:\.([A-Za-z_][\w-]*)|#([A-Za-z_][\w-]*))?$")
XML_SPACE = re.compile(r"[ \t\r\n]+")


@lru_cache(maxsize=256)
def _simple(css: str) -> tuple[str | None, str | None, str | None] | None:
    match = SIMPLE_SELECTOR.match(css.strip())
    return match.groups() if match and any(match.groups()) else None


def select(node, css: str) -> list:
    return _selector(css)(node)


def select_one(node, css: str):
    simple = _simple(css)
    if simple is not None:
        return _first(node, *simple)
    found = _selector(css)(node)
    return found[0] if found else None


def _first(node, tag: str | None, css_class: str | None, element_id: str | None):
    for element in node.iter(tag or etree.Element):
        if css_class is not None:
            value = element.get("class")
            if value is None or css_class not in XML_SPACE.split(value):
                continue
        elif element_id is not None and element.get("id") != element_id:
            continue
        return element
    return None


def text_of(node, separator: str = "\n") -> str:
    """The node's text, pieces stripped and joined by `separator` (comments are not text)."""
    if not len(node):  # no child element: its text is the one piece (most cells, titles, links)
        return (node.text or "").strip()
    return separator.join(filter(None, map(str.strip, node.itertext())))


def meta_content(tree, name: str) -> str | None:
    found = tree.xpath("//meta[@name=$name]/@content", name=name)
    return found[0] if found else None


def page_title(tree) -> str:
    title = tree.find(".//title")
    return text_of(title, " ") if title is not None else ""


def table_rows(node) -> list[list[str]]:
    """Every row (`tr`) under the node, as its cells' texts (nested tables' cells included)."""
    return [[text_of(cell, " ") for cell in tr.iter("td", "th")] for tr in node.iter("tr")]


# --- the generic article finder ---------------------------------------------------------
# For pages no source selector reads: a page of another column of a registered site, or of
# a site the registry does not know. Readability's idea: paragraphs vote for the block that
# holds them (their parent fully, its parent half), so the block with the most running text
# wins, less its link text (menus, related links); <p>s add a bonus (a block of several <p>
# is an article), class and id names like nav/footer/share take most of a block's score.
# Only this path pays for it: pages read by their selector never get here.

INLINE_TAGS = frozenset(
    "a abbr acronym b bdi bdo big br cite code del dfn em font i img ins kbd label mark nobr "
    "q s samp small span strike strong sub sup time tt u var wbr".split()
)
CONTAINER_TAGS = frozenset("article blockquote body center dd div form li main section td th".split())
SKIP_TAGS = frozenset("nav header footer aside menu select option button iframe textarea head title map".split())
NEGATIVE_NAMES = re.compile(
    r"nav|menu|foot|banner|crumb|sidebar|share|comment|copyright|login|search|logo|pager|"
    r"pagination|bottom|weizhi|dqwz|(?:^|[\s_-])(?:top|side|head|header|links?|related|"
    r"position|location|tools?)(?:$|[\s_\-\d])",
    re.I,
)
POSITIVE_NAMES = re.compile(
    r"article|content|zoom|detail|main|text|body|post|entry|editor|view|news|"
    r"(?:^|[\s_-])(?:con|nr|zw)(?:$|[\s_\-\d])",
    re.I,
)
TITLE_NAMES = re.compile(r"title|tit(?:$|[\s_\-\d])", re.I)  # title, art-title, h2.tit (not entity)
TITLE_SEPARATORS = re.compile(r"\s+[-|–—]\s+|_|\|")
MIN_PARAGRAPH = 10  # characters: shorter pieces (labels, dates, menu words) do not vote
P_BONUS = 20  # a <p> votes as if 20 characters longer


class FoundArticle(NamedTuple):
    block: etree._Element  # the element holding the article's text
    text: str  # its text, without what it holds of navigation (nav, header, share bars)
    title: str


def find_article(tree, preferred_title=None) -> FoundArticle | None:
    """The page's densest text block and its title (`preferred_title`: a node the source's title
    selector found, kept when the page's <title> agrees); None when no block holds running text."""
    elements = list(tree.iter(etree.Element))
    skipped = _skipped(elements)
    text_len, link_len, paragraphs = _lengths(elements)
    best = _densest(paragraphs, text_len, link_len, skipped, MIN_PARAGRAPH)
    if best is None:  # a page of short lines only (绿色工厂名单见附件): any text votes
        best = _densest(paragraphs, text_len, link_len, skipped, 1)
    if best is None:
        return None
    heading, title = _title(tree, elements, best, text_len, link_len, paragraphs, skipped, preferred_title)
    dropped = skipped | {
        e
        for e in best.iter(etree.Element)
        if e is not best and _name_weight(e) < 0.25 and text_len.get(e) and link_len[e] / text_len[e] > 0.3
    }
    if heading is not None and heading is not best:
        dropped.add(heading)  # the title is not the body's text, where the block holds it too
    text = _text_without(best, dropped)
    if not text:
        return None
    return FoundArticle(best, text, title)


def _densest(paragraphs: dict, text_len: dict, link_len: dict, skipped: set, shortest: int):
    """The block the paragraphs (of `shortest` characters or more) vote for most, link text and
    navigation-like names discounted; None if none votes."""
    score: dict = {}
    for element, length in paragraphs.items():
        if length < shortest or element in skipped:
            continue
        vote = length + (P_BONUS if element.tag == "p" else 0)
        first = element if element.tag in CONTAINER_TAGS else _block_parent(element)
        second = _block_parent(first) if first is not None else None
        if first is not None:
            score[first] = score.get(first, 0.0) + vote
        if second is not None:
            score[second] = score.get(second, 0.0) + vote / 2
    best, best_score = None, 0.0
    for block, value in score.items():
        if block in skipped or not text_len.get(block):
            continue
        value *= (1 - link_len[block] / text_len[block]) * _name_weight(block)
        if value > best_score:
            best, best_score = block, value
    return best


def _skipped(elements: list) -> set:
    """Elements in navigation (nav, header, footer …), themselves included."""
    skipped: set = set()
    for element in elements:
        if element.tag in SKIP_TAGS or element.getparent() in skipped:
            skipped.add(element)
    return skipped


def _length(text: str | None) -> int:
    return len(text.strip()) if text else 0


def _lengths(elements: list) -> tuple[dict, dict, dict]:
    """Per element: its text's length, its link text's length, and the length of the paragraph it
    is (its own text and its inline children's, links excepted; block children are paragraphs of
    their own). One pass, children before parents."""
    text_len, link_len, paragraphs = {}, {}, {}
    for element in reversed(elements):
        own = _length(element.text)
        total, links, inline = own, 0, own
        for child in element:
            tail = _length(child.tail)
            total += tail
            inline += tail
            if child in text_len:  # an element (comments hold no text)
                total += text_len[child]
                links += link_len[child]
                if child.tag in INLINE_TAGS:
                    inline += text_len[child] - link_len[child]
        if element.tag == "a":
            links = total
        text_len[element], link_len[element] = total, links
        if inline and element.tag not in INLINE_TAGS:
            paragraphs[element] = inline
    return text_len, link_len, paragraphs


def _block_parent(element):
    parent = element.getparent()
    while parent is not None and parent.tag in INLINE_TAGS:
        parent = parent.getparent()
    return parent


def _name_weight(element) -> float:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".strip()
    if not names:
        return 1.0
    weight = 1.0
    if NEGATIVE_NAMES.search(names):
        weight *= 0.2
    if POSITIVE_NAMES.search(names):
        weight *= 1.5
    return weight


def _text_without(block, dropped: set, separator: str = "\n") -> str:
    """`text_of(block)` without the text of the dropped elements (their tails stay)."""
    pieces: list[str] = []
    stack = [(block, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node is not block and node.tail:
                pieces.append(node.tail)
            continue
        stack.append((node, True))
        if not isinstance(node.tag, str) or (node is not block and node in dropped):
            continue  # a comment's text, or a dropped element's, is not text
        if node.text:
            pieces.append(node.text)
        stack.extend((child, False) for child in reversed(node))
    return separator.join(filter(None, map(str.strip, pieces)))


def _title(
    tree, elements: list, block, text_len: dict, link_len: dict, paragraphs: dict, skipped: set, preferred
) -> tuple:
    """The best heading: the page's <title> agrees with it (sites put the notice's title there,
    often followed by their name), it is the heading just above the text block (or the first
    in it), the source's title selector found it; not in navigation (a site's name in the page
    header agrees with the <title> too). Else the <title>'s longest part ("标题_栏目_网站"), or
    the line just above the text where the <title> is only a column's name (通知公告).
    Returns (the heading element or None, the title)."""
    head = _fold(page_title(tree))
    positions = {element: n for n, element in enumerate(elements)}
    start = positions[block]
    end = start + sum(1 for _ in block.iter(etree.Element))
    headings = []
    for element in elements:
        tag = element.tag
        if (
            element is preferred
            or tag in ("h1", "h2", "h3")
            or (
                tag not in ("a", "li", "ul", "body", "html", "table", "tr")
                and TITLE_NAMES.search(f"{element.get('class') or ''} {element.get('id') or ''}")
            )
        ):
            if text_len[element] and link_len[element] < text_len[element]:
                text = text_of(element, " ")
                if 2 <= len(text) <= 300:
                    headings.append((element, text))
    above = [element for element, _ in headings if positions[element] < start]
    inside = [element for element, _ in headings if start <= positions[element] < end]
    nearest = above[-1] if above else inside[0] if inside else None
    best, best_text, best_score = None, "", 0
    for element, text in headings:
        folded = _fold(text)
        agrees = len(folded) >= 4 and folded in head or len(head) >= 4 and head in folded
        score = 2 * agrees + (element is nearest) + (element is preferred) - 2 * _in_navigation(element, block, skipped)
        if score > best_score or (score == best_score and score > 0 and len(text) > len(best_text)):
            best, best_text, best_score = element, text, score
    if best is not None:
        return best, best_text
    parts = [part.strip() for part in TITLE_SEPARATORS.split(page_title(tree)) if part.strip()]
    named = max(parts, key=len) if parts else ""
    line = _line_above(elements, start, paragraphs, skipped)
    if line is not None and (len(named) < 8 or _fold(named) in _fold(line[1])):  # <title> 通知公告: a column's name
        return line
    return None, named


INFO_LINE = re.compile(r"日期|时间|来源|浏览|点击|字号|作者|发布|位置|打印|分享|\d{4}-\d{1,2}-\d{1,2}")


def _line_above(elements: list, start: int, paragraphs: dict, skipped: set) -> tuple | None:
    """The short line just above the text block that is not a date or source line (an
    unmarked title: <div class=hd>关于公布…的通知</div>), or None."""
    for element in reversed(elements[max(0, start - 30) : start]):
        if element in skipped or element not in paragraphs:
            continue
        text = text_of(element, " ")
        if 6 <= paragraphs[element] <= 100 and not INFO_LINE.search(text):
            return element, text
    return None


def _in_navigation(element, block, skipped: set) -> bool:
    if element in skipped:
        return True
    for ancestor in element.iterancestors():
        if ancestor is block:
            return False
        if _name_weight(ancestor) < 0.25:  # named like navigation, and not like content
            return True
    return False


def _fold(text: str) -> str:
    return "".join(text.split())
