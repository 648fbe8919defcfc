"""report.html's tables on a small published warehouse: source health from the runs that
scraped (an ingest run of the DAGs is not the published transform run), and targets with
their region, source and the coverage of their counts."""

import html
import json
import os
import re
from datetime import UTC, datetime

import duckdb
import pytest

from greenmfg import report
from greenmfg.settings import Paths

SCRAPED = datetime(2026, 11, 30, 2, 15, tzinfo=UTC)


@pytest.fixture
def paths(tmp_path):
    """Published by the transform run `transform-1` from what ingest run `ingest-1` scraped."""
    paths = Paths(tmp_path / "home")
    paths.warehouse_dir.mkdir(parents=True)
    with duckdb.connect(str(paths.published_db)) as con:
        con.execute("""create schema marts;
            create table marts.mart_region_designations_by_year as select * from (values
                ('浙江省', 'green_factory', 12::hugeint, 2022, 5, 'national')) t(
                province_name, designation_type_code, cumulative_designations, list_year, designations, level);
            create table marts.mart_target_progress as select * from (values
                ('湖州市', null, 'hz_jxj', 'green_factory', 'stock', null, null, 2025, 40.0, 8, 19.0,
                 date '2023-03-09', 'city target: 8 designations up to 2025 coded to 湖州市; the count is a lower bound'),
                ('嘉兴市', '嘉兴港区', 'jx_jxj', 'green_park', 'new_in_period', 'provincial', 2021, 2025, 3.0, null,
                 null, null, '嘉兴港区 has no region code of its own: its designations cannot be counted'))
                t(region_name, area_name, source_id, designation_type_code, target_kind, level, from_year,
                  target_year, target_value, designations_counted, latest_reported_count, latest_reported_on,
                  coverage_note);
            create table marts.dim_source as select * from (values
                ('miit', 'national', '工业和信息化部'), ('zj_jxt', 'provincial', '浙江省经济和信息化厅'))
                t(source_id, level, issuer);
            create table marts.dim_announcement as select * from (values
                ('miit', 'a1', date '2022-01-15'), ('zj_jxt', 'a2', date '2024-05-01'))
                t(source_id, announcement_key, notice_date);
            create table marts.quarantine as select 'region_unresolved' as rule""")
    (paths.warehouse_dir / "published.json").write_text(
        json.dumps({"run_id": "transform-1", "published_at": "2026-11-30T03:00:00+00:00", "tables": {}})
    )
    (paths.runs_dir / "transform-1").mkdir(parents=True)
    (paths.runs_dir / "transform-1" / "load.json").write_text(json.dumps({"scrape_runs": ["ingest-1"]}))
    scrape = paths.runs_dir / "ingest-1" / "scrape"
    scrape.mkdir(parents=True)
    for source_id, result in {
        "miit": {"requests": 25, "articles": 5, "failed": 0},
        "zj_jxt": {"error": "SourceBroken: zj_jxt: list page matched no items"},
    }.items():
        (scrape / f"{source_id}.json").write_text(json.dumps({"source_id": source_id, **result}))
        os.utime(scrape / f"{source_id}.json", (SCRAPED.timestamp(), SCRAPED.timestamp()))
    return paths


def table_after(page: str, heading: str) -> list[list[str]]:
    """The rows (header first) of the table under a heading, as text."""
    section = page[page.index(f"<h2>{heading}</h2>") :]
    section = section[: section.index("</table>")]
    return [
        [html.unescape(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", section)
    ]


def test_source_health_is_filled_from_the_ingest_run(paths):
    header, *rows = table_after(report.render(paths), "Source health")
    assert header == [
        "source",
        "level",
        "issuer",
        "notices",
        "newest notice",
        "last scrape",
        "result",
        "failures in a row",
    ]
    health = {row[0]: row for row in rows}
    assert health["miit"][5:] == ["2026-11-30 02:15 UTC", "25 requests, 5 new, 0 failed", "0"]
    assert health["zj_jxt"][5:] == [
        "2026-11-30 02:15 UTC",
        "FAILED: SourceBroken: zj_jxt: list page matched no items",
        "1",
    ]


def test_a_source_never_scraped_says_so(paths):
    for report_file in (paths.runs_dir / "ingest-1" / "scrape").iterdir():
        report_file.unlink()
    _, *rows = table_after(report.render(paths), "Source health")
    assert {row[0]: row[5] for row in rows} == {"miit": "never", "zj_jxt": "never"}


def test_targets_show_region_source_and_the_coverage_of_the_count(paths):
    header, *rows = table_after(report.render(paths), "Progress against targets")
    assert header == [
        "region",
        "source",
        "type",
        "counts",
        "level",
        "target year",
        "target",
        "counted in warehouse",
        "reported by region",
        "coverage of the count",
    ]
    assert rows[0] == [
        "湖州市",
        "hz_jxj",
        "绿色工厂",
        "all up to the year",
        "every level",
        "2025",
        "40",
        "8",
        "19 (2023-03-09)",
        "city target: 8 designations up to 2025 coded to 湖州市; the count is a lower bound",
    ]
    assert rows[1][:6] == ["嘉兴市 · 嘉兴港区", "jx_jxj", "绿色工业园区", "new in 2021–2025", "provincial", "2025"]
    assert rows[1][7:9] == ["", ""] and rows[1][9].startswith("嘉兴港区 has no region code")


def test_the_summary_counts_the_scrapes_of_the_ingest_run(paths):
    """`greenmfg summary` of a DAG-published warehouse: its last-scrape line reads the ingest run's reports."""
    from greenmfg.cli.summary import summary_text

    with duckdb.connect(str(paths.published_db)) as con:  # the summary's other tables, empty
        con.execute("""create table marts.fct_designations (list_id varchar, designation_type_code varchar,
                           region_precision varchar, province_code varchar);
                       create table marts.dim_list (list_id varchar, batch_label varchar, notice_date date,
                           source_id varchar, level varchar);
                       create table marts.dim_region (region_code varchar, region_name varchar)""")
    text = summary_text(paths)
    assert "last scrape: 2 sources, 25 requests" in text and "FAILED: zj_jxt" in text
