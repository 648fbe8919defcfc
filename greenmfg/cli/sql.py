"""`greenmfg sql`: a read-only query on the published warehouse, as a table on the terminal or
as CSV, JSON or Parquet, to stdout or a file.

The connection is sandboxed (no write, no file, no extension: greenmfg.db.SANDBOX); the output
file is written by this process, never by the query."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from greenmfg.cli.common import UserError, add_command, positive_int, require_published
from greenmfg.extract.normalize import display_width
from greenmfg.settings import Paths

FORMATS = ("table", "csv", "json", "parquet")
TABLE_ROWS = 40  # rows the terminal table shows unless --limit or --all says otherwise
CELL_WIDTH = 48  # terminal columns a cell of the table view is cut to (the files keep every character)
BATCH = 10_000


def register(sub) -> None:
    sql = add_command(
        sub,
        "sql",
        run_sql,
        "run a read-only query on the published warehouse",
        """greenmfg sql "select * from marts.dim_list"             # a table, first 40 rows
                         greenmfg sql "select * from marts.fct_designations" --all
                         greenmfg sql "select * from marts.dim_region" --limit 100
                         greenmfg sql "select * from marts.fct_designations" --format csv --output designations.csv
                         greenmfg sql "select * from marts.mart_target_progress" --format json > targets.json
                         greenmfg sql "select * from marts.dim_enterprise" --output enterprises.parquet""",
    )
    sql.add_argument("query", help="one SQL query (DuckDB dialect); tables are in the schema marts")
    sql.add_argument(
        "--format",
        choices=FORMATS,
        help="table (default on the terminal), csv, json (an array of objects) or parquet "
        "(needs --output); default: from the --output file's extension, else table",
    )
    sql.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout (replaced whole)")
    rows = sql.add_mutually_exclusive_group()
    rows.add_argument(
        "--limit",
        type=positive_int,
        metavar="N",
        help=f"at most N rows (default: {TABLE_ROWS} for the table on stdout, every row otherwise)",
    )
    rows.add_argument("--all", action="store_true", help="every row, also in the table view")


def output_format(args) -> str:
    if args.format:
        fmt = args.format
    else:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = suffix if suffix in FORMATS[1:] else "table"
    if fmt == "parquet" and not args.output:
        raise UserError("--format parquet writes a binary file: add --output FILE")
    return fmt


def row_limit(args, fmt: str) -> int | None:
    if args.all:
        return None
    if args.limit:
        return args.limit
    return TABLE_ROWS if fmt == "table" and not args.output else None


def run_sql(args, paths: Paths) -> int:
    import duckdb

    from greenmfg import db

    require_published(paths)
    if not args.query.strip(" \t\r\n;"):
        raise UserError('no query: give one, e.g. greenmfg sql "select * from marts.dim_list"')
    fmt = output_format(args)
    limit = row_limit(args, fmt)
    try:
        with db.reader(paths.published_db, sandboxed=True) as con:
            relation = con.sql(args.query)
            if relation is None:  # a statement without a result (the sandbox refuses any that changes something)
                return 0
            if fmt == "parquet":
                _write_parquet(relation if limit is None else relation.limit(limit), Path(args.output))
            else:
                with _destination(args.output) as out:
                    WRITERS[fmt](relation, out, limit)
    except duckdb.Error as exc:  # bad SQL, or a write, file access or extension refused by the sandbox
        raise UserError(str(exc).strip().splitlines()[0]) from None
    return 0


@contextlib.contextmanager
def _destination(output: str | None):
    """stdout, or FILE written beside itself and renamed into place once complete."""
    if not output:
        yield sys.stdout
        return
    target = Path(output)
    partial = target.with_name(f".{target.name}.partial")
    try:
        with open(partial, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(partial, target)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}", code=1) from None
    finally:
        partial.unlink(missing_ok=True)


def _write_parquet(relation, target: Path) -> None:
    import pyarrow.parquet as pq

    partial = target.with_name(f".{target.name}.partial")
    try:
        pq.write_table(relation.to_arrow_table(), partial)
        os.replace(partial, target)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}", code=1) from None
    finally:
        partial.unlink(missing_ok=True)


def _batches(relation, limit: int | None):
    """The result's rows in batches, at most `limit` of them."""
    left = limit
    while left is None or left > 0:
        rows = relation.fetchmany(BATCH if left is None else min(BATCH, left))
        if not rows:
            return
        if left is not None:
            left -= len(rows)
        yield rows


def _plain(value) -> str:
    """A value as text for CSV and the table: dates in ISO form, lists and structs as JSON."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=_json_value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def _json_value(value):
    """What json cannot write by itself: dates, decimals, intervals, UUIDs, blobs."""
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, timedelta):
        return value.total_seconds()
    return str(value)


def write_csv(relation, out, limit: int | None) -> None:
    writer = csv.writer(out)
    writer.writerow(relation.columns)
    for rows in _batches(relation, limit):
        writer.writerows([_plain(v) for v in row] for row in rows)


def write_json(relation, out, limit: int | None) -> None:
    """An array of objects, one row per line."""
    columns, first = relation.columns, True
    out.write("[")
    for rows in _batches(relation, limit):
        for row in rows:
            out.write(
                ("\n" if first else ",\n")
                + json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=_json_value)
            )
            first = False
    out.write("\n]\n")


def _cell(value) -> str:
    text = "NULL" if value is None else " ".join(_plain(value).split())
    if display_width(text) <= CELL_WIDTH:
        return text
    while display_width(text) > CELL_WIDTH - 1:
        text = text[:-1]
    return text + "…"


def write_table(relation, out, limit: int | None) -> None:
    """Every column, the first `limit` rows, and a last line saying how many rows there are and
    how many were left out."""
    columns = relation.columns
    shown = [[_cell(v) for v in row] for rows in _batches(relation, limit) for row in rows]
    left_out = sum(len(rows) for rows in _batches(relation, None))
    widths = [max([display_width(c)] + [display_width(row[i]) for row in shown]) for i, c in enumerate(columns)]
    numeric = [str(t).upper().split("(")[0] in NUMERIC_TYPES for t in relation.types]

    def line(cells):
        return " │ ".join(
            " " * (w - display_width(c)) + c if right else c + " " * (w - display_width(c))
            for c, w, right in zip(cells, widths, numeric)
        ).rstrip()

    out.write(line(columns) + "\n" + "─┼─".join("─" * w for w in widths) + "\n")
    for row in shown:
        out.write(line(row) + "\n")
    total = len(shown) + left_out
    note = f"({total} row{'s' if total != 1 else ''}, {len(columns)} columns"
    if left_out:
        note += f"; {left_out} not shown: --all or --limit N shows more, --format csv|json|parquet --output FILE writes them"
    out.write(note + ")\n")


NUMERIC_TYPES = {
    "TINYINT",
    "SMALLINT",
    "INTEGER",
    "BIGINT",
    "HUGEINT",
    "UTINYINT",
    "USMALLINT",
    "UINTEGER",
    "UBIGINT",
    "UHUGEINT",
    "FLOAT",
    "DOUBLE",
    "DECIMAL",
}
WRITERS = {"table": write_table, "csv": write_csv, "json": write_json}
