"""A PDF's pages as pdfplumber's table finder reads them, parsed by pdfium (pypdfium2).

pdfplumber finds a table's cells from the ruling lines of a page (its edges) and fills them with
the characters whose centres fall inside; it gets both from pdfminer, which interprets the whole
page in Python. pdfium does the same in C. `pages` gives, for each page, an object with the
three attributes the finder and its text extraction read (`chars`, `edges`, `bbox`), in
pdfplumber's coordinates (points from the top left), with the values pdfminer gives: a
character's box is its origin, its advance and its font size above its descent; every segment
of a path is an edge, a straight two-point line always one (a slanted one as pdfplumber files it,
vertical); characters pdfium adds itself (spaces and line ends it guesses) are left out.
`pdf_tables` reads the tables off these pages.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from functools import cache

FPDF_PAGEOBJ_PATH = 2
FPDF_PAGEOBJ_FORM = 5
FPDF_SEGMENT_MOVETO = 2
FORM_DEPTH = 8  # forms inside forms: deeper is no table
DRAWN = (FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_FORM)


class PdfiumPage:
    """What pdfplumber's TableFinder and Table.extract read of a page: `bbox`, `edges`, and
    `chars`, read from pdfium's text page only when asked for (a page with no table needs none)."""

    def __init__(self, page, pdfium_c):
        self._page, self._c = page, pdfium_c
        self.left, bottom, right, top = _mediabox(pdfium_c, page)
        self.bottom, self.height = bottom, top - bottom
        self.bbox = (0.0, 0.0, right - self.left, self.height)
        self.edges: list[dict] = []
        to_top = _to_top(self.left, bottom, self.height)
        get_object, kind_of = pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType
        for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
            obj = get_object(page.raw, index)
            if kind_of(obj) in DRAWN:  # (text and images hold no ruling line)
                _edges_of(pdfium_c, obj, IDENTITY, to_top, self.edges, 0)
        self._chars: list[dict] | None = None

    @property
    def chars(self) -> list[dict]:
        if self._chars is None:
            textpage = self._page.get_textpage()
            try:
                self._chars = _chars(self._c, textpage.raw, self.left, self.bottom, self.height)
            finally:
                textpage.close()
        return self._chars


def pages(document) -> Iterator[PdfiumPage]:
    """Each page of an open pypdfium2 PdfDocument, parsed when it is reached."""
    for index in range(len(document)):
        page = document[index]
        try:
            yield _page(page)
        finally:
            page.close()


def _page(page) -> PdfiumPage:
    import pypdfium2.raw as pdfium_c

    if page.get_rotation():
        raise RotatedPage("a rotated page (pdfminer turns its coordinates; this reader does not)")
    return PdfiumPage(page, pdfium_c)


class RotatedPage(ValueError):
    """A page with /Rotate: read by pdfplumber itself."""


IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mediabox(pdfium_c, page) -> tuple[float, float, float, float]:
    """The page's media box, its own or inherited (pdfium reads only the page's own; inherited,
    the page's size from the origin, as pdfium lays it)."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if pdfium_c.FPDFPage_GetMediaBox(page.raw, *(ctypes.byref(v) for v in (left, bottom, right, top))):
        return left.value, bottom.value, right.value, top.value
    return 0.0, 0.0, page.get_width(), page.get_height()


def _to_top(left: float, bottom: float, height: float):
    """Page space (points from the media box's bottom left) to pdfplumber's (x, from the top)."""

    def convert(x: float, y: float) -> tuple[float, float]:
        return x - left, height - (y - bottom)

    return convert


def _chars(pdfium_c, textpage, left: float, bottom: float, height: float) -> list[dict]:
    box, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    loose_box, text_object = pdfium_c.FPDFText_GetLooseCharBox, _object_of()
    box_ref, origin = ctypes.byref(box), height + bottom  # (y from the top: origin - y)
    count = pdfium_c.FPDFText_CountChars(textpage)
    text = _page_text(pdfium_c, textpage, count)
    sizes: dict[int, tuple[float, bool]] = {}  # a text object's font size and whether it stands upright
    chars: list[dict] = []
    space_at = False  # pdfium put in a space for one of the text's own (see _space_before)
    for index in range(count):
        code = text[index] if text is not None else _text(pdfium_c.FPDFText_GetUnicode(textpage, index))
        key = text_object(textpage, index)
        if key is None:  # (a character pdfium generated: it belongs to no text object)
            space_at = code == " "
            continue
        if code == "\0" or not loose_box(textpage, index, box_ref):
            continue
        if (known := sizes.get(key)) is None:
            pdfium_c.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix))
            scale = abs(matrix.d or matrix.a)
            known = sizes[key] = (pdfium_c.FPDFText_GetFontSize(textpage, index) * scale, matrix.b == matrix.c == 0)
        size, upright = known
        x0, x1, below = box.left - left, box.right - left, origin - box.bottom
        if space_at and chars and (space := _space_before(chars[-1], x0, below)):
            chars.append(space)
        space_at = False
        chars.append(
            {"text": code, "x0": x0, "x1": x1, "top": below - size, "bottom": below, "size": size, "upright": upright}
        )
    return chars


def _page_text(pdfium_c, textpage, count: int) -> str | None:
    """The text page's characters in one call, one per index; None where they are not (a
    character past the 16-bit plane takes two)."""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: max(written - 1, 0) * 2].decode("utf-16-le", errors="replace")
    return text if len(text) == count else None


@cache
def _object_of():
    """FPDFText_GetTextObject returning the object's address as an int (cheaper to compare than
    the pointer pypdfium2's binding returns)."""
    import pypdfium2.raw as pdfium_c

    address = ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)


SPACE_WIDTH = 0.25  # of the font size: a gap this wide where pdfium put a space held one


def _space_before(before: dict, x0: float, bottom: float) -> dict | None:
    """The space pdfminer reads between two characters of a line where pdfium reports one of its
    own: pdfium files some of a text's spaces (those of another font) as generated."""
    if before["bottom"] != bottom or x0 - before["x1"] < SPACE_WIDTH * before["size"]:
        return None
    return dict(before, text=" ", x0=before["x1"], x1=x0)


def _text(code: int) -> str:
    try:
        return chr(code)
    except ValueError:  # (not a code point)
        return "\ufffd"


def _edges_of(pdfium_c, obj, parent: tuple, to_top, edges: list[dict], depth: int) -> None:
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind not in DRAWN:
        return
    own = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(own))
    matrix = _times((own.a, own.b, own.c, own.d, own.e, own.f), parent)
    if kind == FPDF_PAGEOBJ_FORM:
        if depth < FORM_DEPTH:
            for index in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                _edges_of(pdfium_c, pdfium_c.FPDFFormObj_GetObject(obj, index), matrix, to_top, edges, depth + 1)
        return
    for subpath in _subpaths(pdfium_c, obj, matrix, to_top):
        edges += _path_edges(subpath)


def _subpaths(pdfium_c, path, matrix: tuple, to_top) -> list[list[tuple[float, float]]]:
    """The path's points on the page, split where it moves; a closed subpath ends on its first
    point again."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    segment_at, point_of = pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDFPathSegment_GetPoint
    kind_of, closes = pdfium_c.FPDFPathSegment_GetType, pdfium_c.FPDFPathSegment_GetClose
    out: list[list[tuple[float, float]]] = []
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = segment_at(path, index)
        point_of(segment, x_ref, y_ref)
        if kind_of(segment) == FPDF_SEGMENT_MOVETO or not out:
            out.append([])
        px, py = x.value, y.value
        out[-1].append(to_top(a * px + c * py + e, b * px + d * py + f))
        if closes(segment) and out[-1][0] != out[-1][-1]:
            out[-1].append(out[-1][0])
    return out


def _path_edges(points: list[tuple[float, float]]) -> list[dict]:
    """pdfplumber's edges of a path: a two-point line is one edge, vertical unless it is
    horizontal (line_to_edge); any other path gives an edge per segment, slanted ones unoriented."""
    if len(points) == 2:
        (x0, y0), (x1, y1) = points
        return [_edge(x0, y0, x1, y1, "h" if y0 == y1 else "v")]
    return [
        _edge(x0, y0, x1, y1, "v" if x0 == x1 else "h" if y0 == y1 else None)
        for (x0, y0), (x1, y1) in zip(points, points[1:])
    ]


def _edge(x0: float, y0: float, x1: float, y1: float, orientation: str | None) -> dict:
    left, right, top, bottom = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    return {
        "object_type": "edge",
        "x0": left,
        "x1": right,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": right - left,
        "height": bottom - top,
        "orientation": orientation,
    }


def _times(first: tuple, then: tuple) -> tuple:
    """The matrix that applies `first`, then `then` (PDF order: row vector times matrix)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )
