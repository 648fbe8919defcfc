"""Designations a notice page itself names: its HTML tables, and enumerations in its text.

Grouped by designation type, each group becomes an "inline list" of the notice (loaded like
an attachment with the URL `<page>#inline-<type>`), with the level its text gives, else the
issuer's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from bs4 import BeautifulSoup

from greenmfg.extract import classify
from greenmfg.extract.clean import clean_body
from greenmfg.extract.facts import designation_level
from greenmfg.extract.encoding import decode_html
from greenmfg.extract.list_rows import extract_rows
from greenmfg.extract.names import extract_names
from greenmfg.extract.normalize import clean_text, match_key
from greenmfg.extract.readers import read_html_tables


@dataclass
class InlineRow:
    name: str
    region_text: str | None
    category: str | None
    evidence: str
    level: str | None


TABLE_TAG = re.compile(r"<table\b", re.IGNORECASE)


def inline_lists(html: bytes, body_text: str, title: str) -> dict[str, list[InlineRow]]:
    groups: dict[str, list[InlineRow]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()

    def add(dtype: str | None, row: InlineRow) -> None:
        key = (dtype, match_key(row.name))
        if dtype and key not in seen:
            seen.add(key)
            groups[dtype].append(row)

    text = decode_html(html)
    # most notices have no table: parsing the page a second time only to find none cost a third of a page's time
    tables = BeautifulSoup(text, "lxml").find_all("table") if TABLE_TAG.search(text) else []
    for table in tables:
        try:
            extraction = extract_rows(read_html_tables(str(table)))
        except ValueError:
            continue  # a layout or metadata table, not a list
        for row in extraction.rows:
            label = clean_text(" ".join(filter(None, [row.fields.get("category"), row.category])))
            dtype = classify.designation_type(label) or classify.designation_type(clean_text(title))
            add(dtype, InlineRow(row.fields.get("name", ""), row.fields.get("region_text"), label or None,
                                 " | ".join(v for v in row.fields.values() if v),
                                 designation_level(label) or designation_level(title)))
    for entity in extract_names(clean_body(body_text)):
        add(entity.designation_type, InlineRow(entity.name, None, None, entity.evidence,
                                               designation_level(entity.evidence) or designation_level(title)))
    return dict(groups)
