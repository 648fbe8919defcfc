"""The questions of docs/analyst_questions.md, each run on the published DuckDB file and on
the PostgreSQL marts, and compared with the answer the page gives (worked out from MIIT's
lists and the corpus's page texts, not from the warehouse)."""

import re
import shutil
from decimal import Decimal, InvalidOperation

import duckdb
import pytest

from greenmfg import serving
from greenmfg.settings import PROJECT_ROOT
from tests.conftest import psql

pytestmark = pytest.mark.slow
QUESTIONS = PROJECT_ROOT / "docs" / "analyst_questions.md"
QUESTION = re.compile(r"^### (.+?)\n.*?```sql\n(.+?)```.*?```text\n(.*?)```", re.S | re.M)


def questions() -> list[tuple[str, str, list[list[str]]]]:
    """(title, SQL, answer rows) of every question on the page."""
    text = QUESTIONS.read_text(encoding="utf-8")
    return [
        (
            title.strip(),
            sql.strip().rstrip(";"),
            [[cell.strip() for cell in line.split("|")] for line in answer.splitlines() if line.strip()],
        )
        for title, sql, answer in QUESTION.findall(text)
    ]


def normalize(value) -> str:
    """One spelling per value on both databases: 300.0 and 300 → "300", null and "" → ""."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return str(int(number)) if number == number.to_integral() else str(round(float(number), 6))


def rows(result) -> list[list[str]]:
    return [[normalize(v) for v in row] for row in result]


@pytest.fixture(scope="module")
def databases(pipeline_home, postgres_databases, tmp_path_factory):
    """The published build, as a DuckDB copy and as PostgreSQL marts."""
    copy = tmp_path_factory.mktemp("questions") / "build.duckdb"
    shutil.copyfile(pipeline_home[0].published_db, copy)
    dsn = postgres_databases()
    serving.publish_postgres(copy, dsn)
    with duckdb.connect(str(copy), read_only=True) as con:
        yield con, dsn


def test_the_page_asks_at_least_twelve_questions_each_with_sql_and_answer():
    found = questions()
    assert len(found) >= 12
    assert len(found) == QUESTIONS.read_text(encoding="utf-8").count("\n### ")  # each heading its own SQL and answer
    assert len({title for title, _, _ in found}) == len(found)
    assert all(answer for _, _, answer in found)


@pytest.mark.parametrize("title, sql, answer", questions(), ids=[q[0].split(".")[0] for q in questions()])
def test_each_question_gets_the_sources_answer_on_duckdb_and_postgres(databases, title, sql, answer):
    con, dsn = databases
    local = rows(con.execute(sql).fetchall())
    assert local == answer, f"DuckDB: {title}"
    assert rows(psql(dsn, sql)) == answer, f"PostgreSQL: {title}"


def test_designations_of_sources_other_than_miit_come_from_twenty_provinces(databases):
    con, _ = databases
    provinces = con.execute("""select count(distinct f.province_code) from marts.fct_designations f
                               join marts.dim_list l on l.list_id = f.list_id
                               where l.source_id <> 'miit' and f.province_code is not null""").fetchone()[0]
    assert provinces >= 20
