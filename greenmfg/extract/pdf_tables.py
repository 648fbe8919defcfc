"""The ruled tables of a page `pdf_pages` parsed, as pdfplumber's `Page.extract_tables()` gives
them, with pdfplumber's own steps where they cost little and the same steps made cheaper where
they cost much (finding cells: each point's edges made a set once; filling them: characters
found through an index of their centres, not by a scan of the page for every cell). A test holds
the result to pdfplumber's on every PDF the project has.
"""

from __future__ import annotations

from greenmfg.extract.pdf_pages import PdfiumPage


def tables(page: PdfiumPage) -> list[list[list[str | None]]]:
    """The page's ruled tables as pdfplumber's `Page.extract_tables()` gives them (its default
    settings: tables from ruling lines)."""
    from pdfplumber.table import Table, cells_to_tables, edges_to_intersections, merge_edges
    from pdfplumber.utils import filter_edges

    edges = filter_edges(page.edges, "v", min_length=PREFILTER) + filter_edges(page.edges, "h", min_length=PREFILTER)
    edges = merge_edges(
        edges, snap_x_tolerance=SNAP, snap_y_tolerance=SNAP, join_x_tolerance=JOIN, join_y_tolerance=JOIN
    )
    edges = filter_edges(edges, min_length=EDGE_MIN)
    cells = _cells(edges_to_intersections(edges, INTERSECTION, INTERSECTION))
    found = [Table(page, group) for group in cells_to_tables(cells)]
    if not found:
        return []
    index = _CharIndex(page.chars)
    return [[_row_text(row, index) for row in table.rows] for table in found]


# pdfplumber's default table settings (TableSettings): tolerances in points
PREFILTER, SNAP, JOIN, EDGE_MIN, INTERSECTION = 1, 3, 3, 3, 3


def _cells(intersections: dict) -> list[tuple]:
    """pdfplumber's `intersections_to_cells`, with each point's edges made a set once: for each
    point, in order, the smallest cell whose four corners it and the points below and right of it
    make, joined by edges they share."""
    from pdfplumber.utils import obj_to_bbox

    v_edges = {p: {obj_to_bbox(e) for e in found["v"]} for p, found in intersections.items()}
    h_edges = {p: {obj_to_bbox(e) for e in found["h"]} for p, found in intersections.items()}
    points = sorted(intersections)
    column: dict = {}  # the points of each x, in order
    line: dict = {}  # the points of each y, in order
    for point in points:
        column.setdefault(point[0], []).append(point)
        line.setdefault(point[1], []).append(point)

    def connects(p1: tuple, p2: tuple) -> bool:
        return (p1[0] == p2[0] and not v_edges[p1].isdisjoint(v_edges[p2])) or (
            p1[1] == p2[1] and not h_edges[p1].isdisjoint(h_edges[p2])
        )

    cells = []
    for point in points:
        below = [p for p in column[point[0]] if p > point]
        right = [p for p in line[point[1]] if p > point]
        cell = _smallest_cell(point, below, right, intersections, connects)
        if cell:
            cells.append(cell)
    return cells


def _smallest_cell(point, below, right, intersections, connects) -> tuple | None:
    for below_point in below:
        if not connects(point, below_point):
            continue
        for right_point in right:
            if not connects(point, right_point):
                continue
            corner = (right_point[0], below_point[1])
            if corner in intersections and connects(corner, right_point) and connects(corner, below_point):
                return (point[0], point[1], corner[0], corner[1])
    return None


class _CharIndex:
    """The page's characters by the height of their centre (pdfplumber puts a character in the
    cell its centre is in)."""

    def __init__(self, chars: list[dict]):
        placed = sorted(
            ((c["top"] + c["bottom"]) / 2, (c["x0"] + c["x1"]) / 2, order, c) for order, c in enumerate(chars)
        )
        self.v_mids = [p[0] for p in placed]
        self.placed = placed

    def inside(self, bbox: tuple) -> list[tuple]:
        """The characters whose centre is in the box (left and top edges in, right and bottom
        out), in the page's order."""
        from bisect import bisect_left

        x0, top, x1, bottom = bbox
        rows = self.placed[bisect_left(self.v_mids, top) : bisect_left(self.v_mids, bottom)]
        return sorted((p for p in rows if x0 <= p[1] < x1), key=_order)


def _order(placed: tuple) -> int:
    return placed[2]


def _row_text(row, index: _CharIndex) -> list[str | None]:
    in_row = index.inside(row.bbox)
    out: list[str | None] = []
    for cell in row.cells:
        if cell is None:
            out.append(None)
            continue
        x0, top, x1, bottom = cell
        chars = [p[3] for p in in_row if x0 <= p[1] < x1 and top <= p[0] < bottom]
        out.append(_cell_text(chars) if chars else "")
    return out


def _cell_text(chars: list[dict]) -> str:
    """pdfplumber's `extract_text(chars, x_tolerance=3, y_tolerance=3)` for upright text, the
    same steps without their generality: lines by the tops of the characters, words split at a
    space or a gap, lines by the tops of the words; text turned on its side is left to pdfplumber."""
    if not all(char["upright"] for char in chars):
        from pdfplumber.utils import extract_text

        return extract_text([_plumber_char(c) for c in chars], **TEXT_SETTINGS)
    tops = [char["top"] for char in chars]
    if max(tops) - min(tops) <= Y_TOLERANCE:  # (one line: one cluster, of characters and of words)
        return " ".join(text for text, _ in _words(sorted(chars, key=_x0)))
    words = [word for line in _clustered(chars, Y_TOLERANCE) for word in _words(sorted(line, key=_x0))]
    return "\n".join(" ".join(text for text, _ in line) for line in _clustered(words, Y_TOLERANCE, _word_top))


X_TOLERANCE = Y_TOLERANCE = 3
TEXT_SETTINGS = {"x_tolerance": X_TOLERANCE, "y_tolerance": Y_TOLERANCE}
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


def _x0(char: dict) -> float:
    return char["x0"]


def _top(char: dict) -> float:
    return char["top"]


def _word_top(word: tuple[str, float]) -> float:
    return word[1]


def _clustered(items: list, tolerance: float, key=_top) -> list[list]:
    """pdfplumber's `cluster_objects`: the distinct keys sorted and chained while each is within
    the tolerance of the one before; the items by cluster, in their own order inside one."""
    keys = sorted({key(item) for item in items})
    cluster_of, cluster, last = {}, 0, None
    for value in keys:
        if last is not None and value > last + tolerance:
            cluster += 1
        cluster_of[value] = cluster
        last = value
    groups: dict[int, list] = {}
    for item in items:
        groups.setdefault(cluster_of[key(item)], []).append(item)
    return [groups[index] for index in sorted(groups)]


def _words(line: list[dict]) -> list[tuple[str, float]]:
    """A line's words, each its text and top: a new word at a space, or where a character starts
    left of the one before, past its end by more than the tolerance, or on another height."""
    words, current = [], []
    for char in line:
        if char["text"].isspace():
            if current:
                words.append(current)
            current = []
        elif current and _begins_a_word(current[-1], char):
            words.append(current)
            current = [char]
        else:
            current.append(char)
    if current:
        words.append(current)
    return [("".join(LIGATURES.get(c["text"], c["text"]) for c in word), min(c["top"] for c in word)) for word in words]


def _begins_a_word(before: dict, char: dict) -> bool:
    return (
        char["x0"] < before["x0"]
        or char["x0"] > before["x1"] + X_TOLERANCE
        or abs(char["top"] - before["top"]) > Y_TOLERANCE
    )


def _plumber_char(char: dict) -> dict:
    """A character with the keys pdfplumber's text extraction reads that `pdf_pages` leaves out."""
    return dict(char, doctop=char["top"], width=char["x1"] - char["x0"], height=char["bottom"] - char["top"])
