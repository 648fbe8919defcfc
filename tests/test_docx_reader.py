"""The .docx reader parses the document part with lxml (greenmfg/extract/docx_tables.py) and must
give exactly the rows python-docx gives: on every .docx of the offline corpus and tests/files,
and on tables with what python-docx has rules for (merged cells, several paragraphs, links, tabs
and breaks, a table in a cell, rows starting later in the grid)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml

from greenmfg.extract.readers import UnreadableAttachment, read_docx, read_docx_by_python_docx, read_tables

ROOT = Path(__file__).resolve().parent.parent
DOCX = sorted({path.resolve() for folder in ("corpus", "tests/files") for path in (ROOT / folder).rglob("*.docx")})
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("path", DOCX, ids=lambda path: str(path.relative_to(ROOT))[-60:])
def test_every_docx_of_the_project_reads_as_python_docx_reads_it(path):
    body = path.read_bytes()
    assert read_docx(body) == read_docx_by_python_docx(body)


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def list_table(document, rows: int = 4, columns: int = 4):
    table = document.add_table(rows=rows, cols=columns)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"甲{r}{c}有限公司" if c == 1 else str(r * columns + c)
    return table


def merged(document):
    table = list_table(document)
    table.cell(0, 0).merge(table.cell(0, 3)).text = "一、绿色工厂"  # a section row across the table
    table.cell(1, 2).merge(table.cell(3, 2))  # a region merged down three rows
    table.cell(2, 0).merge(table.cell(3, 1))  # a block of two by two


def paragraphs_tabs_and_breaks(document):
    cell = list_table(document).cell(1, 1)
    cell.add_paragraph("(原名:乙有限公司)")
    run = cell.paragraphs[0].add_run("丙")
    run.add_tab()
    run.add_text("丁")
    run.add_break()  # a line break: "\n"
    run.add_text("戊")
    run.add_break(WD_BREAK.PAGE)  # a page break: nothing
    run.add_text("己")


def a_link(document):
    paragraph = list_table(document).cell(2, 1).paragraphs[0]
    paragraph._p.append(parse_xml(f"<w:hyperlink {W_NS}><w:r><w:t>链接公司</w:t></w:r></w:hyperlink>"))
    paragraph._p.append(parse_xml(f"<w:r {W_NS}><w:noBreakHyphen/><w:ptab/><w:cr/><w:t>尾</w:t></w:r>"))


def a_table_in_a_cell(document):
    inner = list_table(document).cell(1, 1).add_table(rows=2, cols=2)
    inner.cell(0, 0).text = "内表"


def a_row_starting_later(document):
    table = list_table(document)
    tr = table.rows[2]._tr
    tr.remove(tr.tc_lst[0])
    tr.insert(0, parse_xml(f"<w:trPr {W_NS}><w:gridBefore w:val='1'/></w:trPr>"))
    table.cell(1, 1).merge(table.cell(3, 1))  # a merge down through it


def two_tables_and_prose(document):
    document.add_paragraph("附件:绿色工厂名单")
    list_table(document, rows=2)
    document.add_paragraph("二、绿色园区")
    list_table(document, rows=3, columns=3)


BUILT = {
    "merged cells": merged,
    "paragraphs, tabs and breaks": paragraphs_tabs_and_breaks,
    "links and run symbols": a_link,
    "a table in a cell": a_table_in_a_cell,
    "a row starting later in the grid": a_row_starting_later,
    "two tables and prose": two_tables_and_prose,
}


@pytest.mark.parametrize("build", BUILT.values(), ids=BUILT.keys())
def test_tables_with_what_python_docx_has_rules_for(build):
    document = Document()
    build(document)
    body = saved(document)
    rows = read_docx(body)
    assert rows == read_docx_by_python_docx(body) and any(row for row in rows)


def test_a_merge_continued_from_no_row_fails_as_in_python_docx():
    document = Document()
    table = list_table(document)
    tc = table.rows[0]._tr.tc_lst[0]
    tc.get_or_add_tcPr().append(parse_xml(f"<w:vMerge {W_NS}/>"))
    body = saved(document)
    with pytest.raises(ValueError, match="no tr above"):
        read_docx_by_python_docx(body)
    with pytest.raises(UnreadableAttachment, match="docx reader failed: ValueError: no tr above"):
        read_tables(body, "list.docx")


def test_the_main_part_is_found_by_the_packages_relationships():
    document = Document()
    list_table(document)
    source = zipfile.ZipFile(io.BytesIO(saved(document)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as moved:
        for item in source.infolist():
            data = source.read(item)
            name = item.filename.replace("word/document.xml", "word/main.xml")
            if item.filename in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(b"word/document.xml", b"word/main.xml")
            moved.writestr(name, data)
    body = buffer.getvalue()
    assert read_docx(body) == read_docx_by_python_docx(body) and len(read_docx(body)) == 5
