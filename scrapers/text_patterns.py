"""Regexes shared by spiders: dates, document numbers, attachment links."""

from __future__ import annotations

import datetime
import re

DATE = re.compile(r"(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
# 文号: 工信厅节函〔2022〕7号, 浙经信绿色〔2024〕243号, 甬经信转升[2019]157号
DOC_NUMBER = re.compile(r"[\u4e00-\u9fa5]{2,12}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")
# Its bracketed year alone: found fast, where DOC_NUMBER backtracks at every Chinese character
BRACKETED_YEAR = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]")
URL_DATE = re.compile(r"/(?:art/)?(20\d{2})[/-]?(\d{1,2})[/-]?(\d{1,2})?/|/t(20\d{2})(\d{2})(\d{2})_")
LABELLED_DATE = re.compile(r"(?:日期|时间)\s*[:：]\s*(20\d{2}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2})")
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


def date_from_url(url: str) -> str | None:
    match = URL_DATE.search(url)
    if not match:
        return None
    if match.group(4):
        return f"{match.group(4)}-{match.group(5)}-{match.group(6)}"
    if match.group(3):
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}-{int(match.group(3)):02d}"
    return None


def valid_date(date: str | None) -> str | None:
    """The date if it is one (the lake's column is a DATE: 2024-13-45 would fail the batch)."""
    if date is None:
        return None
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        return None
    return date


def signature_date(text: str) -> str | None:
    dates = re.findall(r"20\d{2}年\d{1,2}月\d{1,2}日", text)
    return iso_date(dates[-1]) if dates else None


def labelled_date(text: str) -> str | None:
    """A date the page's text labels (发布日期：2024-01-05, 时间: 2024年1月5日), as its info line does."""
    match = LABELLED_DATE.search(text)
    return valid_date(iso_date(match.group(1))) if match else None
