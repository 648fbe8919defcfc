"""Regexes shared by spiders: dates, document numbers, attachment links."""

from __future__ import annotations

import re

DATE = re.compile(r"(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
# 文号: 工信厅节函〔2022〕7号, 浙经信绿色〔2024〕243号, 甬经信转升[2019]157号
DOC_NUMBER = re.compile(r"[\u4e00-\u9fa5]{2,12}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")
# Its bracketed year alone: found fast, where DOC_NUMBER backtracks at every Chinese character
BRACKETED_YEAR = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]")
ATTACHMENT_EXTENSIONS = (".pdf", ".xls", ".xlsx", ".doc", ".docx", ".wps", ".et", ".zip", ".rar", ".ceb")


def iso_date(text: str | None) -> str | None:
    """First date in the text as YYYY-MM-DD, or None."""
    match = DATE.search(text or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def doc_number(text: str) -> str | None:
    match = DOC_NUMBER.search(text) if BRACKETED_YEAR.search(text) else None
    return re.sub(r"\s+", "", match.group(0)) if match else None


def is_attachment_href(href: str) -> bool:
    path = href.lower().split("#")[0]
    return path.split("?")[0].endswith(ATTACHMENT_EXTENSIONS) or "file-download" in path
