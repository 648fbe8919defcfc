"""Designations a notice page itself names: its HTML tables, and enumerations in its text.

Grouped by designation type, each group becomes an "inline list" of the notice (loaded like
an attachment with the URL `<page>#inline-<type>`), with the level its text gives, else the
issuer's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from greenmfg.extract import classify
from greenmfg.extract.facts import designation_level
from greenmfg.extract.list_rows import extract_rows
from greenmfg.extract.names import extract_names
from greenmfg.extract.normalize import clean_text, match_key
from greenmfg.extract.readers import clean_rows
from greenmfg.extract.terms import issuer_level
from greenmfg.webpage.html import table_rows


@dataclass
class InlineRow:
    name: str
    region_text: str | None
    category: str | None
    evidence: str
    level: str | None


def inline_lists(page, body_text: str, title: str) -> dict[str, list[InlineRow]]:
    """`page`: the notice's lxml tree; `body_text`: its text, cleaned (clean_body)."""
    groups: dict[str, list[InlineRow]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()

    def add(dtype: str | None, row: InlineRow) -> None:
        key = (dtype, match_key(row.name))
        if dtype and key not in seen:
            seen.add(key)
            groups[dtype].append(row)

    title_type, title_level = classify.designation_type(clean_text(title)), designation_level(title)
    for table in page.iter("table"):
        try:
            extraction = extract_rows(clean_rows(table_rows(table)))
        except ValueError:
            continue  # a layout or metadata table, not a list
        for row in extraction.rows:
            label = clean_text(" ".join(filter(None, [row.fields.get("category"), row.category])))
            dtype = classify.designation_type(label) or title_type
            add(
                dtype,
                InlineRow(
                    row.fields.get("name", ""),
                    row.fields.get("region_text"),
                    label or None,
                    " | ".join(filter(None, row.fields.values())),
                    designation_level(label) or title_level,
                ),
            )
    # a headline that names one (A公司入选国家级绿色工厂) where the text says the designation of no one by name
    for entity in extract_names(body_text, title or "") or extract_names(title or ""):
        add(
            entity.designation_type,
            InlineRow(entity.name, None, None, entity.evidence, designation_level(entity.evidence) or title_level),
        )
    return dict(groups)


LEAD_SENTENCES = re.compile(r"[^。！？!?\n]+")


def lead_level(body_text: str) -> str | None:
    """The level of the list a page's lead reports on: its first sentence naming a 名单 whose
    level is said (在工信部公布的第四批绿色制造名单中 → national), else None."""
    sentences = [s for s in LEAD_SENTENCES.findall(clean_text(body_text[: 2 * classify.LEAD_CHARS])) if "名单" in s]
    for sentence in sentences:
        if level := designation_level(sentence):
            return level
    for sentence in sentences:  # who published it (甘肃省工信厅发布…名单), or 自治区级第四批…名单
        if level := issuer_level(sentence):
            return level
    return None
