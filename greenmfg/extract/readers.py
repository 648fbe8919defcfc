"""Attachment and page tables → lists of rows (lists of cell strings), one reader per format.

Every reader returns the rows of every table in document order; cells are strings with
line breaks inside a cell removed. Merged cells come back as in the file (python-docx
repeats a merged cell's text; openpyxl/xlrd leave the rest empty).

Where the format knows where a table begins, the reader puts a `TableStart` marker row
before it: each sheet of a workbook (with the sheet's name), each table pdfplumber finds on
a page, each table of a .docx. A marker is an empty list, so code that only looks at cells
sees an empty row; extract_rows uses it (a sheet's name can give its rows' designation type;
a table without a list header is not read under the previous table's).
"""

from __future__ import annotations

import io
import re
import signal
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from greenmfg.settings import max_file_bytes, max_pdf_pages, max_table_rows, parse_seconds

Row = list[str]


class TableStart(list):
    """A marker row (no cells) where a table begins; `sheet` is the worksheet's name for the
    first table of a workbook's sheet, else None. Not a data row: it is not counted in row numbers."""

    __slots__ = ("sheet",)

    def __init__(self, sheet: str | None = None):
        super().__init__()
        self.sheet = sheet

    def __repr__(self) -> str:
        return f"TableStart(sheet={self.sheet!r})"


class UnreadableAttachment(ValueError):
    """The file is not what its name says, is corrupt, or has no table."""

    rule = "attachment_unreadable"  # the quarantine rule it is filed under


class OverBudget(UnreadableAttachment):
    """Reading the file would cost more than one document may (greenmfg/settings.py, Budgets)."""


class TooManyPages(OverBudget):
    rule = "too_many_pages"


class TooManyRows(OverBudget):
    rule = "too_many_rows"


class ParseTimeout(OverBudget):
    rule = "parse_timeout"


class OutOfMemory(OverBudget):
    rule = "out_of_memory"


def _row_budget(rows: list, fmt: str) -> None:
    """Raise TooManyRows once a file's data rows (markers not counted) pass the limit."""
    limit = max_table_rows()
    if len(rows) > limit and sum(type(row) is not TableStart for row in rows) > limit:
        raise TooManyRows(f"{fmt} file has more than {limit} table rows (GREENMFG_MAX_TABLE_ROWS)")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "".join(str(value).split("\n")).strip()


def _marked(tables) -> list[Row]:
    """Tables (each rows of cell values) as rows, each table after its TableStart marker."""
    rows: list[Row] = []
    for table in tables:
        rows.append(TableStart())
        rows += [[_cell(value) for value in row] for row in table]
    return rows


def read_pdf(body: bytes) -> list[Row]:
    """Each ruled table of each page, as pdfplumber finds them, from pages pdfium parses
    (`pdf_pages`, `pdf_tables`); a file with a rotated page is read by pdfplumber itself."""
    import pypdfium2 as pdfium

    from greenmfg.extract import pdf_pages, pdf_tables

    document = pdfium.PdfDocument(body)  # (its PdfiumError says why not: read_tables reports it)
    try:
        limit = max_pdf_pages()  # from the page tree, before any page's content is parsed
        if len(document) > limit:
            raise TooManyPages(f"pdf file has more than {limit} pages (GREENMFG_MAX_PDF_PAGES)")
        return _marked(table for page in pdf_pages.pages(document) for table in pdf_tables.tables(page))
    except pdf_pages.RotatedPage:
        return read_pdf_by_pdfplumber(body)
    finally:
        document.close()


def read_pdf_by_pdfplumber(body: bytes) -> list[Row]:
    """`read_pdf` as pdfplumber gives it, parsing with pdfminer: for rotated pages, and the
    reference the pdfium reader is held to (tests/test_pdf_reader.py)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(body)) as pdf:
        return _marked(table for page in pdf.pages for table in page.extract_tables())


def read_xlsx(body: bytes) -> list[Row]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    try:
        rows: list[Row] = []
        left = max_table_rows()  # rows are read one by one: reading stops at the first one over
        for sheet in workbook.worksheets:
            rows.append(TableStart(sheet.title))
            for row in sheet.iter_rows(values_only=True):
                left -= 1
                if left < 0:
                    raise TooManyRows(
                        f"xlsx file has more than {max_table_rows()} table rows (GREENMFG_MAX_TABLE_ROWS)"
                    )
                rows.append([_cell(c) for c in row])
        return rows
    finally:
        workbook.close()


def read_xls(body: bytes) -> list[Row]:
    import xlrd

    book = xlrd.open_workbook(file_contents=body)
    if sum(sheet.nrows for sheet in book.sheets()) > max_table_rows():
        raise TooManyRows(f"xls file has more than {max_table_rows()} table rows (GREENMFG_MAX_TABLE_ROWS)")
    rows: list[Row] = []
    for sheet in book.sheets():
        rows.append(TableStart(sheet.name))
        rows += [[_cell(c) for c in sheet.row_values(r)] for r in range(sheet.nrows)]
    return rows


def read_docx(body: bytes) -> list[Row]:
    """Each table of the document, as python-docx reads it, from the document part (`docx_tables`)."""
    from greenmfg.extract import docx_tables

    return _marked(docx_tables.tables(body))


def read_docx_by_python_docx(body: bytes) -> list[Row]:
    """`read_docx` as python-docx gives it: the reference it is held to (tests/test_docx_reader.py)."""
    from docx import Document

    document = Document(io.BytesIO(body))
    return _marked([[cell.text for cell in row.cells] for row in table.rows] for table in document.tables)


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
    from greenmfg.webpage.html import parse_html, table_rows

    return clean_rows(table_rows(parse_html(body)))


def clean_rows(rows: list[list[str]]) -> list[Row]:
    return [[_cell(c) for c in row] for row in rows]


def sniff_format(body: bytes, name: str = "") -> str:
    """The real format from the bytes (sites mislabel files); falls back to the extension."""
    head = body[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: .xls or .doc
        return "doc" if name.lower().endswith(".doc") or b"W\x00o\x00r\x00d\x00D\x00o\x00c" in body else "xls"
    if head.startswith(b"PK"):
        names = _safe_zip_names(body)
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


MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # what an office file may inflate to
MAX_RATIO = 200  # real office XML compresses 5-20×; a bomb, thousands of times
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


def _safe_zip_names(body: bytes) -> list[str]:
    """The entries of an office zip, refusing what could hurt the reader: a zip bomb, and
    DOCTYPE/ENTITY declarations (XML entity expansion, external entities), which OOXML never uses."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
        entries = archive.infolist()
        total = sum(e.file_size for e in entries)
        if total > MAX_UNZIPPED_BYTES:
            raise UnreadableAttachment(f"zip bomb refused: inflates to {total} bytes (limit {MAX_UNZIPPED_BYTES})")
        for entry in entries:
            if entry.file_size > 1024 * 1024 and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
                raise UnreadableAttachment(
                    f"zip bomb refused: {entry.filename} inflates "
                    f"{entry.file_size // max(entry.compress_size, 1)}× ({entry.file_size} bytes)"
                )
            if entry.filename.endswith((".xml", ".rels")):
                with archive.open(entry) as part:
                    if _DECLARATION.search(part.read(4096)):
                        raise UnreadableAttachment(f"XML entity declaration refused in {entry.filename}")
        return [e.filename for e in entries]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise UnreadableAttachment(f"corrupt zip container: {exc}") from exc


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
    if len(body) > max_file_bytes():
        raise UnreadableAttachment(f"file of {len(body)} bytes is over the cap of {max_file_bytes()} bytes")
    if not body.strip():
        raise UnreadableAttachment(f"empty file ({len(body)} bytes{', blank' if body else ''})")
    fmt = sniff_format(body, name)
    reader = READERS.get(fmt)
    if reader is None:
        raise UnreadableAttachment(f"no reader for format {fmt!r} yet")
    try:
        with time_budget(parse_seconds(), fmt):
            rows = reader(body)
    except UnreadableAttachment:
        raise
    except MemoryError as exc:  # e.g. over the extract worker's address space (GREENMFG_WORKER_MEMORY_MB)
        raise OutOfMemory(f"{fmt} reader ran out of memory: {str(exc) or 'MemoryError'}") from None
    except Exception as exc:  # the libraries raise many types for corrupt files
        if isinstance(exc.__cause__ or exc.__context__, MemoryError):  # wrapped by the library
            raise OutOfMemory(f"{fmt} reader ran out of memory: {type(exc).__name__}") from None
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc  # pdfplumber wraps pdfminer's
        if "Password" in type(inner).__name__ or re.search("ncrypt|password", str(inner), re.I):  # (pdfminer's
            # PDFPasswordIncorrect has no text; pdfium says "Incorrect password error")
            raise UnreadableAttachment(f"{fmt} file is encrypted (a password is needed to read it)") from exc
        reason = str(exc).strip() or "no message from the library"
        raise UnreadableAttachment(f"{fmt} reader failed: {type(exc).__name__}: {reason}") from exc
    _row_budget(rows, fmt)  # every format: whatever its reader did not stop at
    if all(type(row) is TableStart for row in rows):  # none, or only markers (empty sheets)
        raise UnreadableAttachment(f"{fmt} file has no table")
    return fmt, rows


@contextmanager
def time_budget(seconds: float, fmt: str = "file") -> Iterator[None]:
    """Raise ParseTimeout in the block once `seconds` (wall clock) have passed. SIGALRM: only
    on a process's main thread (the extract workers read there), and only when no other timer
    is set; elsewhere, or with 0 seconds, no limit."""
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0
    ):
        yield
        return

    message = f"reading the {fmt} file took more than {seconds:g} s (GREENMFG_PARSE_SECONDS)"
    fired = []

    def expired(signum, frame):
        fired.append(True)
        raise ParseTimeout(message)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except ParseTimeout:
        raise
    except Exception as exc:  # a library that wrapped the ParseTimeout in its own exception
        if fired:
            raise ParseTimeout(message) from exc
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
