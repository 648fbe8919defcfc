"""One saved page or attachment → records, as `greenmfg extract PATH [--url URL]` prints them.

Record types: `designation` (a listed entity: attachment rows, inline tables, names in
prose), `reported_count` and `policy_target` (facts in the text). Every record has the same
fields; what the document does not say stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from greenmfg.extract import classify
from greenmfg.extract.clean import clean_body
from greenmfg.extract.facts import extract_facts
from greenmfg.extract.list_rows import extract_rows
from greenmfg.extract.names import extract_names
from greenmfg.extract.normalize import clean_text
from greenmfg.extract.readers import UnreadableAttachment, read_tables, sniff_format
from greenmfg.regions import resolve

FIELDS = ("record_type", "designation_type", "entity_name", "product_name", "level", "status", "batch",
          "list_year", "region_name", "adcode", "value", "unit", "target_year", "indicator", "cumulative", "evidence")
LEVEL_WORDS = [("national", re.compile(r"国家级|工业和信息化部|工信部")), ("provincial", re.compile(r"省级|省工业|省经济|省经信|省工信")),
               ("municipal", re.compile(r"市级|市经信|市工信|市经济")), ("county", re.compile(r"县级|区级|县经信|县经济"))]
MAX_BYTES = 50 * 1024 * 1024


class ExtractError(ValueError):
    """Unsupported or malformed input; the message names the reason."""


@dataclass
class Document:
    text: str  # normalized body text ('' for spreadsheets)
    title: str
    tables: list[list[str]]
    kind: str  # html | text | pdf | xlsx | xls | docx | doc


def level_of(text: str) -> str | None:
    for code, pattern in LEVEL_WORDS:
        if pattern.search(text or ""):
            return code
    return None


def load_document(path: Path, url: str | None = None) -> Document:
    if not path.is_file():
        raise ExtractError("no such file")
    body = path.read_bytes()
    if len(body) > MAX_BYTES:
        raise ExtractError(f"file over the {MAX_BYTES // 2**20} MiB cap")
    if path.suffix.lower() == ".txt":
        return _text_document(body.decode("utf-8", errors="replace"))
    try:
        kind = sniff_format(body, path.name)
    except UnreadableAttachment as exc:
        raise ExtractError(str(exc)) from exc
    if kind == "html":
        return _html_document(body, url)
    try:
        kind, table = read_tables(body, path.name)
    except UnreadableAttachment as exc:
        raise ExtractError(str(exc)) from exc
    return Document(text="", title=path.stem, tables=table, kind=kind)


def _text_document(text: str) -> Document:
    lines = text.splitlines()
    title = ""
    if lines and lines[0].startswith("http"):  # a reference page: URL, description, provenance note
        title, lines = (lines[1] if len(lines) > 1 else ""), lines[3:]
    return Document(text="\n".join(lines), title=title, tables=[], kind="text")


def _html_document(body: bytes, url: str | None) -> Document:
    from lxml import etree

    from greenmfg.extract import html
    from greenmfg.extract.readers import clean_rows

    spider = _spider_for(url)
    page = spider.page(body) if spider is not None else html.parse_html(body)
    tables = clean_rows(html.table_rows(page))  # before the chrome goes: a list may sit anywhere
    if spider is not None:
        article = spider.parse_article(page, url)
        text, title = article.body_text, article.title
    else:
        title = html.page_title(page)
        etree.strip_elements(page, "nav", "header", "footer", with_tail=False)
        text = html.text_of(page)
    return Document(text=text, title=title, tables=tables, kind="html")


def _spider_for(url: str | None):
    if not url:
        return None
    from scrapers import registry, spider_for

    host = urlsplit(url).netloc
    for config in registry().values():
        if any(urlsplit(u).netloc == host for u in config.list_urls):
            return spider_for(config)
    return None


def extract_document(path: Path, url: str | None = None) -> list[dict]:
    document = load_document(path, url)
    title = clean_text(document.title)
    label, _, list_year = classify.batch(title, None)
    context = {"level": level_of(title), "status": classify.status(title), "batch": label, "list_year": list_year}
    records = _table_records(document, title, context)
    if document.text:
        records += _text_records(clean_body(document.text), context)
    return [{field: record.get(field) for field in FIELDS} for record in records]


def _table_records(document: Document, title: str, context: dict) -> list[dict]:
    if not document.tables:
        return []
    try:
        extraction = extract_rows(document.tables)
    except ValueError:
        if document.kind == "html":
            return []  # a page without a list table is fine
        raise ExtractError("no table with known list columns (企业名称/工厂名称/园区名称 …)") from None
    list_type = classify.designation_type(title)
    records = []
    for row in extraction.rows:
        fields = row.fields
        region_text = fields.get("region_text") or fields.get("recommender")
        region = resolve(region_text, context["list_year"]) if region_text else None
        records.append({
            **context, "record_type": "designation",
            "designation_type": classify.designation_type(fields.get("category") or "") or list_type,
            "entity_name": fields.get("name"), "product_name": fields.get("product_name"),
            "region_name": region_text, "adcode": region.code if region else None,
            "indicator": f"star_{classify.star_level(fields.get('category') or title)}"
            if classify.star_level(fields.get("category") or title) else None,
            "evidence": " | ".join(v for v in fields.values() if v),
        })
    return records


def _text_records(text: str, context: dict) -> list[dict]:
    records = []
    for fact in extract_facts(text, default_year=context["list_year"]):
        records.append({**context, **{k: v for k, v in fact.to_dict().items() if v is not None},
                        "level": fact.level or context["level"]})
    for entity in extract_names(text):
        records.append({**context, "record_type": "designation", "designation_type": entity.designation_type,
                        "entity_name": entity.name, "evidence": entity.evidence})
    return records
