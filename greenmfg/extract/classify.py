"""Designation type, batch and list year from titles and attachment names."""

from __future__ import annotations

import re
from functools import lru_cache

from greenmfg.extract.numbers import chinese_numeral

# Order matters: the first pattern found wins.
DESIGNATION_TYPES: list[tuple[str, re.Pattern]] = [
    ("green_supply_chain", re.compile(r"绿色供应链")),
    ("green_design_product", re.compile(r"绿色设计产品")),
    ("green_park", re.compile(r"绿色(低碳)?(工业)?园区")),
    ("green_factory", re.compile(r"绿色(低碳)?工厂")),
]
BATCH = re.compile(r"第([一二三四五六七八九十\d]+)批")
LIST_YEAR = re.compile(r"(20\d{2})\s*年度")
TITLE_YEAR = re.compile(r"(20\d{2})\s*年(?!\s*\d{1,2}\s*月)")


@lru_cache(maxsize=4096)  # list labels and titles repeat row after row
def designation_type(text: str) -> str | None:
    for code, pattern in DESIGNATION_TYPES:
        if pattern.search(text or ""):
            return code
    return None


def chinese_number(text: str) -> int:
    return int(text) if text.isdigit() else chinese_numeral(text)


# A batch the text names for a list: 第六批省级绿色制造名单, 2024年度绿色工厂名单, (第九批)名单.
BATCH_OF_LIST = re.compile(r"(第[一二三四五六七八九十\d]+批|20\d{2}\s*年度)[^。;；!！?？\n]{0,24}名单")
LEAD_CHARS = 400  # where a news page names the list it reports on


def batch(title: str, publish_date: str | None, body: str | None = None) -> tuple[str | None, int | None, int | None]:
    """(batch label, batch number, list year). 第N批 lists take their notice's year; a list named
    by its year ("2023年…名单" or "2023年度…") is labelled "2023年度" either way. A title that
    names no batch ("商洛市新增省级绿色工厂3家") takes the one the body's lead gives its list."""
    label, number, year = _batch_of(title, publish_date)
    if label is None and body and (match := BATCH_OF_LIST.search(body[:LEAD_CHARS])):
        label, number, lead_year = _batch_of(match.group(1), publish_date)
        year = lead_year or year
    return label, number, year


def _batch_of(title: str, publish_date: str | None) -> tuple[str | None, int | None, int | None]:
    if match := LIST_YEAR.search(title or ""):
        return match.group(0).replace(" ", ""), None, int(match.group(1))
    if match := BATCH.search(title or ""):
        year = int(publish_date[:4]) if publish_date else None
        return match.group(0), chinese_number(match.group(1)), year
    if match := TITLE_YEAR.search(title or ""):
        return f"{match.group(1)}年度", None, int(match.group(1))
    return None, None, int(publish_date[:4]) if publish_date else None


# 公示/拟 → proposed (a notice for public comment); 撤销/移出 → revoked; 公布/认定 → published.
STATUS = [
    ("revoked", re.compile(r"撤销|移出|取消.{0,6}(称号|资格)")),
    ("proposed", re.compile(r"公示|拟(入选|入围|认定|推荐|列入)?|征求意见")),
    ("published", re.compile(r"公布|认定|名单的通知|发布")),
]
STAR = re.compile(r"([一二三四五])星级")


def status(title: str) -> str | None:
    """Stage of a list from its notice title; None when the title does not say."""
    for code, pattern in STATUS:
        if pattern.search(title or ""):
            return code
    return None


def star_level(text: str) -> int | None:
    match = STAR.search(text or "")
    return chinese_number(match.group(1)) if match else None


VARIANTS = [
    ("star_rated", re.compile(r"[一二三四五]星级")),
    ("low_carbon", re.compile(r"绿色低碳")),
    ("gradient_cultivation", re.compile(r"梯度培育")),
    ("demonstration", re.compile(r"示范(名单|企业|项目)?")),
    ("zero_carbon", re.compile(r"零碳|近零碳")),
]


def list_variants(title: str) -> list[str]:
    """Provincial flavours of a list: 星级 (star-rated), 绿色低碳, 梯度培育, 示范名单, 零碳."""
    return [code for code, pattern in VARIANTS if pattern.search(title or "")]
