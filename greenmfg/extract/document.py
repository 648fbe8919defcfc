"""One saved page or attachment → records, as `greenmfg extract PATH [--url URL]` prints them.

The file goes through the pipeline's own assembly (greenmfg.extract.records.document_rows),
with the source its URL's host names in the registry, or the generic source (no level, no
issuer's region, the generic article finder) for no URL or a host the registry does not
know; the records are read off the lake rows it yields, so what is printed is what the
extract stage would store. Record types: `designation` (a listed entity: attachment rows,
inline tables, names in prose), `reported_count` and `policy_target` (facts in the text).
Every record has the same fields; what the document does not say stays None. A listed
entity's level is its list's, else the source's; a fact's is the level its clause states
(none for a total of several levels), as the marts take them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from greenmfg.extract import classify
from greenmfg.extract.lake_rows import ROW_FIELDS
from greenmfg.extract.normalize import clean_text
from greenmfg.extract.readers import UnreadableAttachment, sniff_format
from greenmfg.extract.records import Document, LakeRows, document_rows
from greenmfg.settings import max_file_bytes
from scrapers import source_for_url
from scrapers.registry import SourceConfig

FIELDS = (
    "record_type",
    "designation_type",
    "entity_name",
    "product_name",
    "level",
    "status",
    "batch",
    "list_year",
    "region_name",
    "adcode",
    "area_name",
    "value",
    "value_text",
    "unit",
    "target_year",
    "target_kind",
    "indicator",
    "cumulative",
    "period_kind",
    "star_rating",
    "evidence",
    "body_source",
)
ATTACHMENT_SUFFIXES = (".pdf", ".xls", ".xlsx", ".doc", ".docx", ".wps", ".et")
PLAIN_TEXT = "text/plain; charset=utf-8"


class ExtractError(ValueError):
    """Unsupported or malformed input, or a document the pipeline would quarantine whole; the
    message names the reason (for the latter: the quarantine rule and reason)."""


def load_document(
    path: Path,
    url: str | None = None,
    *,
    kind: str | None = None,
    title: str | None = None,
    year: int | None = None,
    link_text: str | None = None,
    content_type: str | None = None,
) -> tuple[Document, bytes, SourceConfig]:
    """The document the extract stage would read for this file: its kind (a page, unless the
    file is an office file or a PDF), source, URL (the file's own without --url) and context.
    A reference text (.txt: URL, description, provenance note, text) is a plain-text page."""
    if not path.is_file():
        raise ExtractError("no such file")
    size = path.stat().st_size
    if size > max_file_bytes():  # as the fetch refuses it: never read whole
        raise ExtractError(f"file of {size} bytes is over the cap of {max_file_bytes()} bytes")
    body = path.read_bytes()
    if path.suffix.lower() == ".txt":
        kind, content_type = kind or "article", content_type or PLAIN_TEXT
        lines = body.decode("utf-8", errors="replace").splitlines()
        if lines and lines[0].startswith("http"):  # a reference page: URL, description, provenance note
            url, title = url or lines[0].strip(), title or (lines[1] if len(lines) > 1 else "")
            body = "\n".join(lines[3:]).encode("utf-8")
    kind = kind or _kind(body, path)
    source = source_for_url(url)
    document = Document(
        kind,
        source.id,
        url or path.absolute().as_uri(),
        hashlib.sha256(body).hexdigest(),
        content_type=content_type,
        title=title,
        year=year,
        link_text=link_text if link_text is not None or kind == "article" else path.stem,
    )
    return document, body, source


def _kind(body: bytes, path: Path) -> str:
    if path.suffix.lower() in ATTACHMENT_SUFFIXES:
        return "attachment"
    try:
        return "article" if sniff_format(body, path.name) == "html" else "attachment"
    except UnreadableAttachment:
        return "attachment"  # the assembly says what it is not


def extract_document(path: Path, url: str | None = None, **context) -> list[dict]:
    """The records of one file (`context`: kind, title, year, link_text, content_type as
    `load_document` takes them); ExtractError if the pipeline would quarantine it whole."""
    document, body, source = load_document(path, url, **context)
    rows = document_rows(document, body)
    for quarantined in rows.tables["quarantine"]:
        if quarantined.stage in ("article", "attachment"):
            raise ExtractError(f"{quarantined.rule}: {quarantined.reason}")
    return records(rows, document, source)


def records(rows: LakeRows, document: Document, source: SourceConfig) -> list[dict]:
    """Records read off a document's lake rows: list rows (attachments and inline lists), then text facts."""
    notices = {row.url: row._asdict() for row in rows.tables["announcements"]}
    lists = {row.url: row._asdict() for row in rows.tables["attachments"]}
    out = []
    for values in rows.tables["list_rows"]:
        row = values._asdict()
        listed = lists.get(row["attachment_url"], {})
        notice = notices.get(row["announcement_url"])
        context = _notice_context(notice) if notice else _attachment_context(document)
        title = context.pop("title")
        star = classify.star_level(row["star_level"] or row["category"] or title)
        out.append(
            {
                **context,
                "record_type": "designation",
                "designation_type": row["designation_type"],
                "entity_name": row["name"],
                "product_name": row["product_name"],
                "level": listed.get("level") or source.level,
                "region_name": row["region_text"] or row["recommender"],
                "adcode": row["county_code"] or row["city_code"] or row["province_code"],
                "indicator": f"star_{star}" if star else None,
                "evidence": " | ".join(row[f] for f in ROW_FIELDS if row[f]),
            }
        )
    for values in rows.tables["text_facts"]:
        fact = values._asdict()
        context = _notice_context(notices.get(fact["announcement_url"]) or {})
        context.pop("title")
        out.append(
            {
                **context,
                **{
                    f: fact[f]
                    for f in (
                        "record_type",
                        "designation_type",
                        "value",
                        "value_text",
                        "unit",
                        "indicator",
                        "target_year",
                        "target_kind",
                        "cumulative",
                        "period_kind",
                        "star_rating",
                        "region_name",
                        "area_name",
                        "level",
                        "evidence",
                    )
                },
                "adcode": fact["region_code"],
            }
        )
    return [{field: record.get(field) for field in FIELDS} for record in out]


def _notice_context(notice: dict) -> dict:
    return {
        "title": clean_text(notice.get("title") or ""),
        "status": notice.get("list_status"),
        "batch": notice.get("batch_label"),
        "list_year": notice.get("list_year"),
        "body_source": notice.get("body_source"),
    }


def _attachment_context(document: Document) -> dict:
    """An attachment's list is its notice's: the status and batch its title gives, its list year."""
    title = clean_text(document.title or "")
    label, _, year = classify.batch(title, None)
    return {
        "title": title,
        "status": classify.status(title),
        "batch": label,
        "list_year": document.year or year,
        "body_source": None,
    }
