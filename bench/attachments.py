"""The attachment readers against bare baselines of the same files, format by format, in one run.

    python -m bench.attachments --corpus bench/out/corpus-10000 [--repeat 3]

For each format of the corpus's attachments, one process reads every file of that format:
- `bare`: the fastest plain read of the file's content with a library built for it: PDF, pypdfium2's
  text and each character's box; xlsx, openpyxl's read-only rows; xls, xlrd's rows; docx, the
  text of every cell of document.xml through lxml;
- `reader`: the project's reader (`readers.read_tables`): the tables, as rows of cells;
- `document`: the whole attachment path of the extract stage (`records.document_rows`: reader,
  list rows, types, regions, quarantine), what the pipeline spends per attachment;
- for PDFs, `pdfplumber`: the previous reader (pdfminer's parse, pdfplumber's finder), for
  reference, timed once.
Each is timed `--repeat` times, the ways taking turns, and the fastest kept (the machine's noise
is one-sided).
Prints JSON: seconds per format and ratios to `bare`. Results in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import time
import zipfile
from pathlib import Path

FORMATS = ("pdf", "xlsx", "xls", "docx")


def bare_pdf(body: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(body)
    count = 0
    try:
        for page in document:
            textpage = page.get_textpage()
            textpage.get_text_range()
            count += len([textpage.get_charbox(i) for i in range(textpage.count_chars())])
            textpage.close()
            page.close()
    finally:
        document.close()
    return count


def bare_xlsx(body: bytes) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    try:
        return sum(1 for sheet in workbook.worksheets for _ in sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def bare_xls(body: bytes) -> int:
    import xlrd

    book = xlrd.open_workbook(file_contents=body)
    return sum(len(sheet.row_values(r)) for sheet in book.sheets() for r in range(sheet.nrows))


WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def bare_docx(body: bytes) -> int:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return sum(1 for cell in root.iter(f"{WORD}tc") if "".join(cell.itertext()) is not None)


BARE = {"pdf": bare_pdf, "xlsx": bare_xlsx, "xls": bare_xls, "docx": bare_docx}


def reader(fmt: str):
    from greenmfg.extract.readers import read_tables

    return lambda body: len(read_tables(body, f"list.{fmt}")[1])


def document(fmt: str):
    from greenmfg.extract.records import Document, document_rows

    def read(body: bytes) -> int:
        doc = Document(
            "attachment",
            "bench_000",
            f"https://gxt000.bench.greenmfg.test/files/list.{fmt}",
            hashlib.sha256(body).hexdigest(),
            title="关于公布省级绿色工厂名单的通知",
            year=2024,
            link_text="省级绿色工厂名单",
        )
        return len(document_rows(doc, body).tables["list_rows"])

    return read


def pdfplumber_reader(body: bytes) -> int:
    from greenmfg.extract.readers import read_pdf_by_pdfplumber

    return len(read_pdf_by_pdfplumber(body))


def files_by_format(corpus: Path) -> dict[str, list[bytes]]:
    found: dict[str, list[bytes]] = {fmt: [] for fmt in FORMATS}
    for path in sorted((corpus / "sites").rglob("*")):
        fmt = path.suffix.lstrip(".").lower()
        if fmt in found and path.is_file():
            found[fmt].append(path.read_bytes())
    return {fmt: bodies for fmt, bodies in found.items() if bodies}


def fastest(ways: dict, bodies: list[bytes], repeat: int) -> dict[str, float]:
    """Each way's best time over the files, the ways taking turns in each round (a slow spell
    of the machine falls on all of them)."""
    best = dict.fromkeys(ways, float("inf"))
    for _ in range(repeat):
        for name, read in ways.items():
            started = time.perf_counter()
            for body in bodies:
                read(body)
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def measure(corpus: Path, repeat: int, formats: tuple[str, ...] = FORMATS) -> dict:
    out = {}
    for fmt, bodies in files_by_format(corpus).items():
        if fmt not in formats:
            continue
        ways = {"bare": BARE[fmt], "reader": reader(fmt), "document": document(fmt)}
        for read in ways.values():
            read(bodies[0])  # imports and first-call costs out of the timing
        seconds = fastest(ways, bodies, repeat)
        if fmt == "pdf":  # (for reference, once: it takes several times the others together)
            seconds |= fastest({"pdfplumber": pdfplumber_reader}, bodies, 1)
        out[fmt] = {
            "files": len(bodies),
            "seconds": {name: round(value, 3) for name, value in seconds.items()},
            "vs_bare": {name: round(value / seconds["bare"], 2) for name, value in seconds.items() if name != "bare"},
        }
    total = {name: sum(r["seconds"].get(name, 0) for r in out.values()) for name in ("bare", "reader", "document")}
    out["all"] = {
        "seconds": {name: round(value, 3) for name, value in total.items()},
        "vs_bare": {name: round(total[name] / total["bare"], 2) for name in ("reader", "document")},
    }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="a corpus bench.scale_corpus wrote")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=FORMATS)
    args = parser.parse_args()
    print(json.dumps(measure(args.corpus, args.repeat, tuple(args.formats)), indent=2))


if __name__ == "__main__":
    main()
