"""One notice or attachment → the lake rows it yields (`document_rows`). Pure: it writes
nothing, so the extract stage can run it in parallel processes and write in batches, and
`greenmfg extract` runs the very same assembly on a file (greenmfg/extract/document.py).

Row layouts follow greenmfg/lake_schema.sql without the time stamp column, which the
writer adds (`LakeRows.COLUMNS`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from greenmfg.extract import classify
from greenmfg.extract.clean import clean_body
from greenmfg.extract.fact_regions import document_region, fact_region, issuer_region, region_label
from greenmfg.extract.facts import extract_facts
from greenmfg.extract.inline_lists import inline_lists, lead_level
from greenmfg.extract.lake_rows import (
    ROW_FIELDS,
    TABLES,
    Announcement,
    Attachment,
    Extracted,
    ListRow,
    Quarantined,
    TextFact,
    region_codes,
)
from greenmfg.extract.list_rows import extract_rows
from greenmfg.extract.normalize import clean_text, match_key
from greenmfg.extract.readers import OverBudget, read_tables
from greenmfg.raw_store import RawStore
from greenmfg.regions import resolve, resolve_code, resolve_row, within_context
from greenmfg.settings import setting
from greenmfg.webpage.encoding import decode_html
from scrapers import source_config, spider_of
from scrapers.base import Article, Spider
from scrapers.registry import SourceConfig
from scrapers.text_patterns import date_from_url, doc_number

# The extraction rules' version: when rules change what a document yields, a new version makes the
# extract stage read every stored document again (what the old rules yielded is taken out first).
RULES = "2026-12-02.133"


class Document(NamedTuple):  # a tuple: made 100,000 times a run, and sent to the workers
    """A fetched notice page (kind 'article') or attachment version, pending extraction."""

    kind: str
    source_id: str
    url: str
    sha256: str
    content_type: str | None = None  # articles: as served
    title: str | None = None  # attachments: their notice's title and list year
    year: int | None = None
    parent_url: str | None = None
    link_text: str | None = None

    def record(self) -> dict:
        return {
            "source_id": self.source_id,
            "url": self.url,
            "sha256": self.sha256,
            "parent_url": self.parent_url,
            "link_text": self.link_text,
        }


@dataclass
class LakeRows:
    """What documents add to the lake, table by table (rows without their time stamp)."""

    COLUMNS = {table: row._fields for table, row in TABLES.items()}
    STAMP = {"quarantine": "quarantined_at", "extracted": "extracted_at"}  # else loaded_at

    tables: dict[str, list[tuple]] = field(default_factory=lambda: {t: [] for t in LakeRows.COLUMNS})
    counts: dict[str, Counter] = field(default_factory=dict)  # per source: articles, rows, ...
    documents: int = 0

    def count(self, source_id: str, what: str, n: int = 1) -> None:
        counts = self.counts.get(source_id)
        if counts is None:
            counts = self.counts[source_id] = Counter()
        counts[what] += n

    def quarantine(self, record: dict, stage: str, rule: str, reason: str, row_number: int | None = None) -> None:
        self.tables["quarantine"].append(
            Quarantined(record["source_id"], record["url"], record.get("sha256"), row_number, stage, rule, reason)
        )
        self.count(record["source_id"], "quarantined")

    def attachment(self, record: dict, dtype, fmt, row_count, skipped, status, error, level=None) -> None:
        self.tables["attachments"].append(
            Attachment(
                url=record["url"],
                sha256=record["sha256"],
                source_id=record["source_id"],
                announcement_url=record.get("parent_url"),
                link_text=record.get("link_text"),
                designation_type=dtype,
                format=fmt,
                row_count=row_count,
                skipped_rows=skipped,
                status=status,
                error=error,
                level=level,
            )
        )

    def merge(self, other: LakeRows) -> None:
        for table, rows in other.tables.items():
            self.tables[table] += rows
        for source_id, counts in other.counts.items():
            self.counts.setdefault(source_id, Counter()).update(counts)
        self.documents += other.documents

    def row_total(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


def read_document(raw_dir: Path, document: Document, out: LakeRows | None = None) -> LakeRows:
    """The rows one stored document yields (`document_rows`), added to `out` if given; it is
    marked extracted with them."""
    out = out if out is not None else LakeRows()
    out.documents += 1
    document_rows(document, _store(raw_dir).read(document.sha256), out)
    out.tables["extracted"].append(Extracted(document.url, document.sha256, document.kind, RULES))
    return out


def document_rows(document: Document, body: bytes, out: LakeRows | None = None) -> LakeRows:
    """The lake rows a document's bytes yield: a notice page (kind 'article': its announcement,
    text facts and inline lists) or an attachment (its list rows), with what cannot be used in
    `quarantine`. The one assembly: the extract stage calls it on stored bodies, and
    `greenmfg extract` on a file (greenmfg/extract/document.py). A source id the registry does
    not know is read as the generic source (no level, no issuer's region, the generic article
    finder)."""
    out = out if out is not None else LakeRows()
    source, spider = _source(document.source_id, setting("GREENMFG_SOURCES_PATH"))
    lengths = {table: len(rows) for table, rows in out.tables.items()}
    counted = Counter(out.counts.get(document.source_id, ()))
    try:
        if document.kind == "article":
            _article(out, document, source, spider, body)
        else:
            _attachment(out, document, source, body)
    except Exception as exc:  # a fault of the rules on this document: its rows go, it is quarantined, the run goes on
        for table, rows in out.tables.items():
            del rows[lengths[table] :]
        out.counts[document.source_id] = counted
        out.quarantine(document.record(), document.kind, "extraction_failed", f"{type(exc).__name__}: {exc}")
    return out


@lru_cache(maxsize=1024)  # asked once per document: by id, not by hashing the source's whole configuration
def _source(source_id: str, _sources_path: str) -> tuple[SourceConfig, Spider]:
    config = source_config(source_id)
    return config, spider_of(config)


@lru_cache(maxsize=4)
def _store(raw_dir: Path) -> RawStore:
    return RawStore(raw_dir)


PLAIN_TEXT = "text/plain"
MARKUP = re.compile(rb"\s*<")


def _article(out: LakeRows, doc: Document, source: SourceConfig, spider: Spider, html: bytes) -> None:
    """The notice (title, date, batch, status, text) by its source's spider, then what its text says."""
    try:
        if doc.content_type and doc.content_type.startswith(PLAIN_TEXT) and not MARKUP.match(html):
            page, article = _EMPTY_PAGE, _text_article(doc, html)
        else:
            page = spider.page(html, doc.content_type)  # one parse: the spider's fields and the inline tables
            article = spider.read_article(page, doc.url)  # its selectors, else the generic article finder
    except Exception as exc:
        out.quarantine(doc.record(), "article", "article_unparseable", f"{type(exc).__name__}: {exc}")
        return
    title = clean_text(article.title)
    lead = clean_text((article.body_text or "")[: 2 * classify.LEAD_CHARS])  # a title without a batch: the body's lead
    label, number, year = classify.batch(title, article.publish_date, lead)
    out.tables["announcements"].append(
        Announcement(
            source_id=doc.source_id,
            url=doc.url,
            sha256=doc.sha256,
            title=article.title,
            publish_date=article.publish_date,
            doc_number=article.doc_number or doc_number(clean_text(article.body_text)),
            batch_label=label,
            batch_no=number,
            list_year=year,
            body_text=article.body_text,
            attachment_count=len(article.attachments),
            title_key=match_key(article.title),
            list_status=classify.status(title),
            body_source=article.body_source,
        )
    )
    out.count(doc.source_id, "articles")
    published = article.publish_date or ""
    published_year = int(published[:4]) if published[:4].isdigit() else None
    year = year or published_year
    body = clean_body(article.body_text)
    _text_facts(out, doc, body, published_year or year)  # 今年, a deadline already past: the page's own year
    _inline_lists(out, doc, source, page, body, article.title, year)


_EMPTY_PAGE = etree.Element("html")  # a plain-text page has no tables


def _text_article(doc: Document, body: bytes) -> Article:
    """A page served as plain text: all of it is the body; its title is the one the document
    carries (`greenmfg extract` reads it from a reference text's header), else none."""
    text = decode_html(body, doc.content_type)
    return Article(
        url=doc.url,
        title=doc.title or "",
        publish_date=date_from_url(doc.url),
        doc_number=None,
        body_text=text,
        body_source="text",
    )


def _text_facts(out: LakeRows, doc: Document, body: str, year: int | None) -> None:
    """Reported counts and policy targets in the notice's own (cleaned) text, each with its sentence
    and its region: what the sentence or row names, else the region the notice is about (its title's,
    from the announcement row just written, else its text's, refined by or else the issuing site's:
    never a mirror's). A count's region_name is that region's; a target's stays what its row names,
    null for the notice's own."""
    facts = extract_facts(body, default_year=year)
    title = (
        next((row.title for row in reversed(out.tables["announcements"]) if row.url == doc.url), None)
        if facts
        else None
    )
    source = source_config(doc.source_id) if facts else None
    issuer = (
        issuer_region(source.region_code, year) if source and source.region_code and source.level != "mirror" else None
    )
    home = document_region(clean_text(title or ""), body, year, issuer) if facts else None
    for number, fact in enumerate(facts, start=1):
        region, area = fact_region(fact.region_name or fact.region_mention, home, year)
        name = fact.region_name if fact.record_type == "policy_target" else region_label(region) or fact.region_name
        out.tables["text_facts"].append(
            TextFact(
                announcement_url=doc.url,
                sha256=doc.sha256,
                fact_number=number,
                source_id=doc.source_id,
                record_type=fact.record_type,
                designation_type=fact.designation_type,
                value=float(fact.value),
                unit=fact.unit,
                level=fact.level,
                indicator=fact.indicator,
                target_year=fact.target_year,
                cumulative=fact.cumulative,
                region_name=name,
                region_code=region.code if region else None,
                evidence=fact.evidence,
                star_rating=fact.star_rating,
                period_kind=fact.period_kind,
                target_kind=fact.target_kind,
                area_name=area,
                value_text=fact.value_text,
            )
        )
        out.count(doc.source_id, "facts")


def _inline_lists(
    out: LakeRows, doc: Document, source: SourceConfig, page, body: str, title: str, year: int | None
) -> None:
    """Designations the page names itself (tables, enumerations), one inline list per type."""
    context, context_method = _page_region(source, title, year)
    for dtype, rows in inline_lists(page, body, title).items():
        inline = {
            **doc.record(),
            "url": f"{doc.url}#inline-{dtype}",
            "parent_url": doc.url,
            "link_text": f"inline: {dtype}",
        }
        for number, row in enumerate(rows, start=1):
            region, method = within_context(
                *resolve_row(row.region_text, None, row.name, year), row.name, context, context_method, year
            )
            if region is None and source.region_code and source.level != "mirror":
                region, method = resolve_code(source.region_code, year), "issuer_region"
            if region is None:
                out.quarantine(inline, "row", "region_unresolved", f"no region for {row.name!r}", number)
            out.tables["list_rows"].append(
                ListRow(
                    attachment_url=inline["url"],
                    sha256=doc.sha256,
                    row_number=number,
                    source_id=doc.source_id,
                    announcement_url=doc.url,
                    designation_type=dtype,
                    category=row.category,
                    region_text=row.region_text,
                    name=row.name,
                    region_method=method,
                    **region_codes(region),
                )
            )
        levels = {row.level for row in rows if row.level}
        # a mirror's list whose rows and title name no level: the level of the list its lead reports
        level = levels.pop() if len(levels) == 1 else (source.level == "mirror" and lead_level(body)) or source.level
        out.attachment(inline, dtype, "inline", len(rows), 0, "parsed", None, level)
        out.count(doc.source_id, "rows", len(rows))


LOCAL_ISSUERS = ("municipal", "county")


def _issuer_region(source: SourceConfig, year: int | None) -> tuple:
    """A municipal or county list's rows lie in its issuer's region (not a mirror's)."""
    if source.level in LOCAL_ISSUERS and source.region_code:
        return resolve_code(source.region_code, year), "issuer_region"
    return None, "issuer_region"


def _page_region(source: SourceConfig, title: str, year: int | None) -> tuple:
    """The region a page's inline list speaks of: the place its title names (湖州…名单 on
    长兴's site is 湖州's; a mirror's 四川新增…), else a local issuer's region. Not its body:
    a news lead's dateline (新华社北京电) is no list's region."""
    if region := resolve(clean_text(title), year):
        return region, "page_region"
    return _issuer_region(source, year)


def _attachment(out: LakeRows, doc: Document, source: SourceConfig, body: bytes) -> None:
    """An attachment's list rows. The list's type: each row's own (a type column, a section row,
    its sheet: ListRow.designation_type where list_rows gives it), else the link text's, the
    notice title's, or what the file itself says above its header (its title rows)."""
    record = doc.record()
    try:
        fmt, table = read_tables(body, doc.url.split("?")[0])
        extraction = extract_rows(table)
        if not extraction.rows:
            raise ValueError("table has a header but no data rows")
    except Exception as exc:
        reason, list_type = f"{type(exc).__name__}: {exc}", _list_type(doc)
        # over a budget (too_many_pages, too_many_rows, parse_timeout, out_of_memory): that is the rule
        budget = exc.rule if isinstance(exc, OverBudget) else "out_of_memory" if isinstance(exc, MemoryError) else None
        if list_type is None and budget is None:  # not a list of ours, as far as anything tells: that is the reason
            reason = f"{_untyped(doc)}; the file cannot be read either ({reason})"
        out.attachment(record, list_type, None, 0, 0, "quarantined", reason)
        out.quarantine(
            record, "attachment", budget or ("attachment_unreadable" if list_type else "unknown_list_type"), reason
        )
        return
    list_type = _list_type(doc) or _own_type(extraction)
    typed = [(row, getattr(row, "designation_type", None) or list_type) for row in extraction.rows]
    if list_type is None and not any(dtype for _, dtype in typed):
        reason = f"{_untyped(doc)}, its rows or its title rows"
        out.attachment(record, None, None, 0, 0, "quarantined", reason)
        out.quarantine(record, "attachment", "unknown_list_type", reason)
        return
    rejected = getattr(extraction, "rejected", ())
    for row_number, rule, reason in rejected:  # e.g. implausible_name (list_rows)
        out.quarantine(record, "row", rule, reason, row_number)
    rows = 0
    for row, dtype in typed:
        if dtype is None:
            out.quarantine(
                record,
                "row",
                "unknown_list_type",
                f"no designation type for {row.fields.get('name')!r}",
                row.row_number,
            )
            continue
        values = {**row.fields, "category": row.category}
        region, method = within_context(
            *resolve_row(values.get("region_text"), values.get("recommender"), values.get("name"), doc.year),
            values.get("name"),
            *_issuer_region(source, doc.year),
            doc.year,
        )
        if region is None:
            out.quarantine(
                record,
                "row",
                "region_unresolved",
                f"no region in 地区={values.get('region_text')!r}, 推荐单位={values.get('recommender')!r}, "
                f"name={values.get('name')!r}",
                row.row_number,
            )
        out.tables["list_rows"].append(
            ListRow(
                attachment_url=doc.url,
                sha256=doc.sha256,
                row_number=row.row_number,
                source_id=doc.source_id,
                announcement_url=doc.parent_url,
                designation_type=dtype,
                **{field: values.get(field) or None for field in ROW_FIELDS},
                region_method=method,
                **region_codes(region),
            )
        )
        rows += 1
    dtype = list_type or Counter(dtype for _, dtype in typed if dtype).most_common(1)[0][0]
    out.attachment(record, dtype, fmt, rows, len(extraction.skipped), "parsed", None)
    out.count(doc.source_id, "attachments")
    out.count(doc.source_id, "rows", rows)


def _list_type(doc: Document) -> str | None:
    return classify.designation_type(clean_text(doc.link_text or "")) or classify.designation_type(
        clean_text(doc.title or "")
    )


def _untyped(doc: Document) -> str:
    return f"no designation type in link text {doc.link_text!r} or title {doc.title or ''!r}"


def _own_type(extraction) -> str | None:
    """The type the file's rows above its header name (a title row: 第六批绿色工厂名单)."""
    above = " ".join(text for _, why, text in extraction.skipped if why in ("before header", "title row"))
    return classify.designation_type(clean_text(above)) if above else None
