"""Rows of a list table → one record per designated entity.

Finds the header row by its column names (synonyms differ between issuers), maps columns
to canonical fields, and tells data rows from title rows, repeated page headers and
category/note rows such as "一、家用洗涤剂（58种）" or "适用评价标准：…".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from greenmfg.extract.normalize import nfkc

HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "序"),
    "region_text": ("地区", "所在地区", "省份", "所在地", "所在省份", "省市", "地市", "区域", "所属地区", "县市区"),
    "name": ("企业名称", "单位名称", "工厂名称", "园区名称", "园区", "申报单位", "企业", "名称"),
    "industry": ("行业", "所属行业", "行业类别"),
    "evaluator": ("第三方评价机构", "第三方评价机构名称", "评价机构", "第三方机构"),
    "product_name": ("产品名称",),
    "product_model": ("产品型号", "型号", "规格型号"),
    "recommender": ("推荐单位",),
    "category": ("类型", "类别"),
    "star_level": ("星级",),
}
_LOOKUP = {syn: canon for canon, syns in HEADER_SYNONYMS.items() for syn in syns}
CATEGORY = re.compile(r"^[一二三四五六七八九十百]+[、.．]\s*\S")
NOTE = re.compile(r"^(适用评价标准|绿色设计亮点|备注|注)[:：]")
SEQ = re.compile(r"^\d{1,5}$")
SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Full-width → half-width, no spaces: for matching only (originals are kept)."""
    return SPACES.sub("", nfkc(text or ""))


@dataclass
class ListRow:
    row_number: int  # 1-based position in the attachment's table rows
    fields: dict[str, str]
    category: str | None = None


@dataclass
class Extraction:
    rows: list[ListRow] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (row, reason, text)
    header: dict[int, str] = field(default_factory=dict)


class NoHeaderFound(ValueError):
    pass


def header_map(folded: list[str]) -> dict[int, str]:
    """Column index → canonical field, for a row's folded cells."""
    mapping = {}
    for index, cell in enumerate(folded):
        canon = _LOOKUP.get(cell)
        if canon and canon not in mapping.values():
            mapping[index] = canon
    return mapping


def _is_header(mapping: dict[int, str]) -> bool:
    return len(mapping) >= 2 and ("name" in mapping.values() or "product_name" in mapping.values())


def _single_text(row: list[str]) -> str | None:
    """The text of a row that is one merged cell: every cell repeats it (python-docx), or only
    the first cell holds it (openpyxl, xlrd, pdfplumber), else None."""
    filled = [c for c in row if c]
    if not filled or len(set(filled)) != 1:
        return None
    return filled[0] if len(filled) == len(row) or (row[0] and len(filled) == 1) else None


def extract_rows(table: list[list[str]]) -> Extraction:
    out = Extraction()
    header_fold: list[str] | None = None
    category = None
    for number, row in enumerate(table, start=1):
        text = " ".join(c for c in row if c)
        if header_fold is None:
            folded = [fold(c) for c in row]
            mapping = header_map(folded)
            if _is_header(mapping):
                out.header, header_fold = mapping, folded
            elif text:
                out.skipped.append((number, "before header", text))
            continue
        if not text:
            continue
        folded = [fold(c) for c in row]  # once per row: the repeated-header test and the header map
        if folded == header_fold:
            out.skipped.append((number, "repeated header", text))
            continue
        mapping = header_map(folded)
        if _is_header(mapping) and not out.rows:  # a second header row (merged two-level header)
            out.header = {**out.header, **mapping}
            header_fold = folded
            out.skipped.append((number, "header row", text))
            continue
        single = _single_text(row)
        if single and not SEQ.match(single):
            if CATEGORY.match(single):
                category = single
                out.skipped.append((number, "category row", single))
            else:
                out.skipped.append((number, "note row" if NOTE.match(single) else "title row", single))
            continue
        fields = {canon: row[i] for i, canon in out.header.items() if i < len(row)}
        if not (fields.get("name") or fields.get("product_name")):
            out.skipped.append((number, "no name", text))
            continue
        out.rows.append(ListRow(number, fields, category or fields.get("category")))
    if header_fold is None:
        raise NoHeaderFound("no header row with known column names (企业名称/工厂名称/园区名称 …)")
    return out
