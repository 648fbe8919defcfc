"""`greenmfg sql`: every row and column when asked, as a table, CSV, JSON or Parquet, to stdout or a file."""

import csv
import hashlib
import json

import duckdb
import pytest

from greenmfg.cli import main
from greenmfg.cli.sql import TABLE_ROWS
from greenmfg.settings import Paths

WIDE = "select * from marts.wide order by id"


@pytest.fixture
def published(tmp_path, monkeypatch):
    """A published warehouse with a table of 100 rows and 12 columns of many types."""
    monkeypatch.setenv("GREENMFG_HOME", str(tmp_path / "home"))
    paths = Paths(tmp_path / "home")
    paths.warehouse_dir.mkdir(parents=True)
    with duckdb.connect(str(paths.published_db)) as con:
        con.execute("""create schema marts;
            create table marts.wide as select range as id, 'enterprise ' || range as name, '绿色工厂' as type_name,
                   date '2024-07-09' + range::int as notice_date, range::hugeint * 10 as cumulative,
                   (range / 4)::decimal(10, 2) as share, range * 0.5 as ratio,
                   if(range % 2 = 0, null, 'note') as note, [range, range + 1] as codes,
                   {'province': '浙江省', 'n': range} as place, range % 3 = 0 as flagged,
                   timestamptz '2026-01-01 08:00:00+00' as loaded_at
            from range(100)""")
    return paths


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_table_shows_every_column_and_says_how_many_rows_it_left_out(published, capsys):
    assert main(["sql", WIDE]) == 0
    lines = capsys.readouterr().out.splitlines()
    header, *rows, note = [line for line in lines if "─┼─" not in line]
    assert header.split(" │ ")[0].strip() == "id" and header.split(" │ ")[-1].strip() == "loaded_at"
    assert len(header.split(" │ ")) == 12 and len(rows) == TABLE_ROWS
    assert (
        note == f"(100 rows, 12 columns; {100 - TABLE_ROWS} not shown: --all or --limit N shows more, "
        "--format csv|json|parquet --output FILE writes them)"
    )


@pytest.mark.parametrize("argv,shown", [(["--all"], 100), (["--limit", "7"], 7), (["--limit", "500"], 100)])
def test_all_rows_or_as_many_as_asked(published, capsys, argv, shown):
    assert main(["sql", WIDE, *argv]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 + shown + 1 and lines[-1].startswith("(100 rows, 12 columns")
    assert ("not shown" in lines[-1]) == (shown < 100)


def test_the_table_lines_up_chinese_and_numbers(published, capsys):
    assert main(["sql", "select type_name, cumulative from marts.wide where id in (1, 20) order by id"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2] == "绿色工厂  │         10" and out[3] == "绿色工厂  │        200"


def test_csv_to_a_file_has_every_row_and_column(published, tmp_path, capsys):
    target = tmp_path / "wide.csv"
    assert main(["sql", WIDE, "--format", "csv", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    with open(target, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 100 and len(rows[0]) == 12
    assert rows[3]["notice_date"] == "2024-07-12" and rows[3]["cumulative"] == "30" and rows[3]["share"] == "0.75"
    assert rows[0]["note"] == "" and rows[1]["note"] == "note"  # NULL is an empty field
    assert json.loads(rows[2]["codes"]) == [2, 3] and json.loads(rows[2]["place"]) == {"province": "浙江省", "n": 2}
    assert rows[0]["type_name"] == "绿色工厂"


def test_json_to_stdout_keeps_numbers_numbers(published, capsys):
    assert main(["sql", WIDE, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 100  # no table limit: stdout that is no table gets every row
    assert rows[5] == {
        "id": 5,
        "name": "enterprise 5",
        "type_name": "绿色工厂",
        "notice_date": "2024-07-14",
        "cumulative": 50,
        "share": 1.25,
        "ratio": 2.5,
        "note": "note",
        "codes": [5, 6],
        "place": {"province": "浙江省", "n": 5},
        "flagged": False,
        "loaded_at": rows[5]["loaded_at"],
    }
    assert rows[5]["loaded_at"].startswith("2026-01-01")


def test_parquet_keeps_the_warehouse_types(published, tmp_path):
    target = tmp_path / "wide.parquet"
    assert main(["sql", WIDE, "--output", str(target)]) == 0  # the format from the file's extension
    with duckdb.connect() as con:
        written = con.execute(f"select column_name, column_type from (describe select * from '{target}')").fetchall()
        count = con.execute(f"select count(*) from '{target}'").fetchone()[0]
    types = dict(written)
    assert count == 100 and len(types) == 12
    assert types["id"] == "BIGINT" and types["notice_date"] == "DATE" and types["codes"] == "BIGINT[]"
    assert types["share"] == "DECIMAL(10,2)"


def test_limit_applies_to_files_too(published, tmp_path):
    target = tmp_path / "few.json"
    assert main(["sql", WIDE, "--output", str(target), "--limit", "3"]) == 0
    assert [row["id"] for row in json.loads(target.read_text(encoding="utf-8"))] == [0, 1, 2]


def test_a_failing_query_leaves_no_file_and_the_warehouse_as_it_was(published, tmp_path, capsys):
    target = tmp_path / "out.csv"
    target.write_text("the previous export")
    before = digest(published.published_db)
    assert main(["sql", "select cast(name as int) from marts.wide", "--output", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("greenmfg sql: Conversion Error")
    assert target.read_text() == "the previous export" and sorted(p.name for p in tmp_path.iterdir()) == [
        "home",
        "out.csv",
    ]
    assert digest(published.published_db) == before


@pytest.mark.parametrize(
    "argv,code,says",
    [
        (["--format", "parquet"], 2, "--format parquet writes a binary file: add --output FILE"),
        (["--output", "/no/such/folder/out.csv"], 1, "cannot write /no/such/folder/out.csv"),
    ],
)
def test_output_mistakes_are_one_line(published, capsys, argv, code, says):
    assert main(["sql", WIDE, *argv]) == code
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith(f"greenmfg sql: {says}")


@pytest.mark.parametrize("query", ["", " ; "])
def test_an_empty_query_is_one_line(published, capsys, query):
    assert main(["sql", query]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("greenmfg sql: no query")


def test_the_output_file_is_written_by_the_cli_not_by_the_query(published, tmp_path, capsys):
    """The sandbox still refuses a query's own COPY: only the CLI writes, and only --output."""
    target = tmp_path / "leak.csv"
    assert main(["sql", f"copy marts.wide to '{target}'", "--output", str(tmp_path / "out.csv")]) == 2
    assert not target.exists() and not (tmp_path / "out.csv").exists()
