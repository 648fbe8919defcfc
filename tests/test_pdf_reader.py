"""The PDF reader parses with pdfium (greenmfg/extract/pdf_pages.py, pdf_tables.py) and must give
exactly the rows pdfplumber gives parsing with pdfminer: on every PDF of the offline corpus and
tests/files (the real MIIT 2021 lists among them), on lists generated as the benchmark's and the
combined-list tests' are, and on rotated pages, which pdfplumber reads itself."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from greenmfg.extract import pdf_pages
from greenmfg.extract.readers import UnreadableAttachment, read_pdf, read_pdf_by_pdfplumber, read_tables
from tests.test_combined_lists import LIST_HEADER, LISTED, STANDARDS, STANDARDS_HEADER
from tests.test_combined_lists import pdf as table_pdf

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted({path.resolve() for folder in ("corpus", "tests/files") for path in (ROOT / folder).rglob("*.pdf")})


def test_the_project_holds_the_real_miit_pdfs():
    names = {path.name for path in PDFS}
    assert {"附件1_绿色工厂名单.pdf", "附件3_绿色工业园区名单.pdf"} <= names and len(PDFS) >= 9


@pytest.mark.parametrize("path", PDFS, ids=lambda path: str(path.relative_to(ROOT))[-60:])
def test_every_pdf_of_the_project_reads_as_pdfplumber_reads_it(path):
    body = path.read_bytes()
    assert read_pdf(body) == read_pdf_by_pdfplumber(body)


GENERATED = {
    "list over pages, header once": [[LIST_HEADER, *LISTED[:2]], LISTED[2:]],
    "list then standards (sentences)": [[LIST_HEADER, *LISTED], [STANDARDS_HEADER, *STANDARDS]],
    "section rows across the table": [["一、绿色工厂", LIST_HEADER, *LISTED[:2], "二、绿色工业园区", *LISTED[2:]]],
    "wrapped cells": [[LIST_HEADER, *[[n, name * 3, *rest] for n, name, *rest in LISTED]]],
}


@pytest.mark.parametrize("pages", GENERATED.values(), ids=GENERATED.keys())
def test_generated_lists_read_as_pdfplumber_reads_them(pages):
    body = table_pdf(pages)
    rows = read_pdf(body)
    assert rows == read_pdf_by_pdfplumber(body) and any(row for row in rows)


def test_a_rotated_page_is_read_by_pdfplumber():
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(table_pdf([[LIST_HEADER, *LISTED]]))
    document[0].set_rotation(90)
    buffer = io.BytesIO()
    document.save(buffer)
    body = buffer.getvalue()
    with pytest.raises(pdf_pages.RotatedPage):
        list(pdf_pages.pages(pdfium.PdfDocument(body)))
    assert read_pdf(body) == read_pdf_by_pdfplumber(body)


def test_a_page_without_ruling_lines_has_its_characters_never_read(monkeypatch):
    from fpdf import FPDF

    document = FPDF()
    document.set_font("helvetica", size=12)
    document.add_page()
    document.multi_cell(w=0, text="A notice with no table.\n" * 20)
    read = []
    monkeypatch.setattr(pdf_pages, "_chars", lambda *args: read.append(args) or [])
    with pytest.raises(UnreadableAttachment, match="no table"):
        read_tables(bytes(document.output()), "notice.pdf")
    assert read == []
