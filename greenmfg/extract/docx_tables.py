"""The tables of a .docx as python-docx reads them (`Document(...).tables`, `row.cells`,
`cell.text`), read straight from the main document part with lxml.

python-docx builds an object for every element it touches; reading the tables of a list that way
costs many times parsing the part. The rules are python-docx's own, kept to the letter (a test
holds the result to python-docx's on every .docx the project has and on generated merged cells,
links, tabs and breaks):
- the tables are the body's own `w:tbl` children (a table nested in a cell is neither a table
  of the document nor part of its cell's text);
- a row's cells are its `w:tc` children; a cell spanning n grid columns (`w:gridSpan`) is given
  n times; a cell continuing a vertical merge (`w:vMerge` other than "restart") is the cell at
  the same grid offset in the row above, up to the merge's first;
- a cell's text is its paragraphs' (its own `w:p` children) joined by line breaks; a
  paragraph's text is that of its runs and links' runs; a run gives its text, a tab or a
  positional tab as a tab, a text-wrapping break or a carriage return as a line break, a
  non-breaking hyphen as a hyphen.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
MAIN_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
TBL, TR, TC, P, R, HYPERLINK = (W + name for name in ("tbl", "tr", "tc", "p", "r", "hyperlink"))
RUN_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "cr": "\n", W + "noBreakHyphen": "-"}


def tables(body: bytes) -> list[list[list[str]]]:
    """Each table of the document body: its rows, each its cells' texts."""
    return [[_row_texts(rows, index) for index in range(len(rows))] for rows in _tables(_body(body))]


def _body(body: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        root = etree.fromstring(archive.read(_main_part(archive)), parser)
    found = root.find(W + "body")
    if found is None:
        raise ValueError("the document part has no body")
    return found


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document part, as the package's relationships name it."""
    from lxml import etree

    rels = etree.fromstring(archive.read("_rels/.rels"), etree.XMLParser(resolve_entities=False, no_network=True))
    for relationship in rels.iter(RELATIONSHIPS):
        if relationship.get("Type") == MAIN_DOCUMENT:
            return posixpath.normpath(relationship.get("Target", "").lstrip("/"))
    raise ValueError("the package names no main document part")


def _tables(body) -> list[list]:
    return [list(table.iterchildren(TR)) for table in body.iterchildren(TBL)]


def _row_texts(rows: list, index: int) -> list[str]:
    out: list[str] = []
    for tc in rows[index].iterchildren(TC):
        out += _grid_texts(rows, index, tc)
    return out


def _grid_texts(rows: list, index: int, tc) -> list[str]:
    """The texts of the grid cells `tc` takes: its own, once per column it spans; a cell
    continuing a vertical merge takes those of the cell above it."""
    properties = tc.find(W + "tcPr")
    if _merge(properties) == "continue":
        if index == 0:
            raise ValueError("no tr above topmost tr in w:tbl")
        return _grid_texts(rows, index - 1, _tc_at(rows[index - 1], _grid_offset(rows[index], tc)))
    return [_cell_text(tc)] * _span(properties)


def _merge(properties) -> str | None:
    merge = None if properties is None else properties.find(W + "vMerge")
    return None if merge is None else merge.get(W + "val", "continue")


def _span(properties) -> int:
    span = None if properties is None else properties.find(W + "gridSpan")
    return 1 if span is None else int(span.get(W + "val"))


def _grid_before(tr) -> int:
    before = tr.find(f"{W}trPr/{W}gridBefore")
    return 0 if before is None else int(before.get(W + "val"))


def _grid_offset(tr, tc) -> int:
    offset = _grid_before(tr)
    for other in tr.iterchildren(TC):
        if other is tc:
            return offset
        offset += _span(other.find(W + "tcPr"))
    raise ValueError("the cell is not in its row")


def _tc_at(tr, offset: int):
    """The cell of the row that starts at the grid offset (python-docx's tc_at_grid_offset)."""
    remaining = offset - _grid_before(tr)
    for tc in tr.iterchildren(TC):
        if remaining < 0:
            break
        if remaining == 0:
            return tc
        remaining -= _span(tc.find(W + "tcPr"))
    raise ValueError(f"no `tc` element at grid_offset={offset}")


def _cell_text(tc) -> str:
    return "\n".join(_paragraph_text(p) for p in tc.iterchildren(P))


def _paragraph_text(p) -> str:
    parts = []
    for element in p.iterchildren(R, HYPERLINK):
        runs = element.iterchildren(R) if element.tag == HYPERLINK else (element,)
        parts += [_run_text(run) for run in runs]
    return "".join(parts)


def _run_text(run) -> str:
    parts = []
    for element in run.iterchildren():
        tag = element.tag
        if tag == W + "t":
            parts.append(element.text or "")
        elif tag == W + "br":
            parts.append("\n" if element.get(W + "type", "textWrapping") == "textWrapping" else "")
        elif tag in RUN_TEXT:
            parts.append(RUN_TEXT[tag])
    return "".join(parts)
