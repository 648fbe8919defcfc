"""Attachment and page tables → lists of rows (lists of cell strings), one reader per format.

Every reader returns the rows of every table in document order; cells are strings with
line breaks inside a cell removed. Merged cells come back as in the file (python-docx
repeats a merged cell's text; openpyxl/xlrd leave the rest empty).
"""

from __future__ import annotations

import io
import zipfile
from typing import Callable

Row = list[str]


class UnreadableAttachment(ValueError):
    """The file is not what its name says, is corrupt, or has no table."""


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "".join(str(value).split("\n")).strip()


def read_pdf(body: bytes) -> list[Row]:
    import pdfplumber

    rows: list[Row] = []
    with pdfplumber.open(io.BytesIO(body)) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows += [[_cell(c) for c in row] for row in table]
    return rows


def read_xlsx(body: bytes) -> list[Row]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    try:
        return [[_cell(c) for c in row] for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_xls(body: bytes) -> list[Row]:
    import xlrd

    book = xlrd.open_workbook(file_contents=body)
    return [[_cell(c) for c in sheet.row_values(r)] for sheet in book.sheets() for r in range(sheet.nrows)]


def read_docx(body: bytes) -> list[Row]:
    from docx import Document

    document = Document(io.BytesIO(body))
    return [[_cell(cell.text) for cell in row.cells] for table in document.tables for row in table.rows]


def read_doc(body: bytes) -> list[Row]:
    """Word 97 .doc through antiword (Debian package), whose text output draws tables with |."""
    import shutil
    import subprocess

    if not shutil.which("antiword"):
        raise UnreadableAttachment("reading .doc needs antiword (apt-get install antiword)")
    result = subprocess.run(["antiword", "-w", "0", "-"], input=body, capture_output=True, timeout=60)
    if result.returncode != 0:
        raise UnreadableAttachment(f"antiword failed: {result.stderr.decode(errors='replace').strip()[:200]}")
    text = result.stdout.decode("utf-8", errors="replace")
    return [[_cell(c) for c in line.strip().strip("|").split("|")] for line in text.splitlines() if "|" in line]


def read_html_tables(body: bytes | str) -> list[Row]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "lxml")
    return [[_cell(c.get_text(" ", strip=True)) for c in tr.find_all(["td", "th"])] for tr in soup.find_all("tr")]


def sniff_format(body: bytes, name: str = "") -> str:
    """The real format from the bytes (sites mislabel files); falls back to the extension."""
    head = body[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: .xls or .doc
        return "doc" if name.lower().endswith(".doc") or b"W\x00o\x00r\x00d\x00D\x00o\x00c" in body else "xls"
    if head.startswith(b"PK"):
        try:
            names = zipfile.ZipFile(io.BytesIO(body)).namelist()
        except zipfile.BadZipFile as exc:
            raise UnreadableAttachment(f"corrupt zip container: {exc}") from exc
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
    if body.lstrip()[:1] == b"<":
        return "html"
    extension = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if extension in READERS:
        return extension
    raise UnreadableAttachment(f"unknown attachment format ({name or 'no name'}, starts {head!r})")


READERS: dict[str, Callable[[bytes], list[Row]]] = {
    "pdf": read_pdf,
    "xlsx": read_xlsx,
    "xls": read_xls,
    "docx": read_docx,
    "doc": read_doc,
    "html": read_html_tables,
}


def read_tables(body: bytes, name: str = "") -> tuple[str, list[Row]]:
    """(format, rows) of an attachment; UnreadableAttachment with the reason otherwise."""
    fmt = sniff_format(body, name)
    reader = READERS.get(fmt)
    if reader is None:
        raise UnreadableAttachment(f"no reader for format {fmt!r} yet")
    try:
        rows = reader(body)
    except UnreadableAttachment:
        raise
    except Exception as exc:  # the libraries raise many types for corrupt files
        raise UnreadableAttachment(f"{fmt} reader failed: {type(exc).__name__}: {exc}") from exc
    if not rows:
        raise UnreadableAttachment(f"{fmt} file has no table")
    return fmt, rows
