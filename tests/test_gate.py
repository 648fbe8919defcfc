"""The Great Expectations gate fails on what must not be published, and says what it found."""

import shutil

import duckdb
import pytest

from greenmfg import pipeline
from greenmfg.gate import GateFailed
from greenmfg.settings import Paths

pytestmark = pytest.mark.slow
THIRD_BATCH = "https://wap.miit.gov.cn/zwgk/zcwj/wjfb/zh/art/2020/art_c2479dccd1fa492881c0487bbb014022.html"


@pytest.fixture
def home(pipeline_home, tmp_path):
    """A copy of the published run's home, with its marts as the build to validate."""
    shutil.copytree(pipeline_home[0].home, tmp_path / "home", symlinks=True)
    paths = Paths(tmp_path / "home")
    paths.build_db("check").parent.mkdir(parents=True)
    shutil.copyfile(paths.published_db, paths.build_db("check"))
    return paths


def gate_report(paths: Paths) -> str:
    with pytest.raises(GateFailed) as failure:
        pipeline.validate(paths, "check")
    return str(failure.value)


def test_the_copy_passes_as_it_is(home):
    assert pipeline.validate(home, "check")["success"]


def test_a_list_short_of_its_stated_count_fails_naming_notice_and_counts(home):
    with duckdb.connect(str(home.lake_db)) as con:
        con.execute(
            """delete from list_rows where (attachment_url, row_number) in (
                           select (r.attachment_url, r.row_number) from list_rows r join attachments a on a.url = r.attachment_url
                           where a.announcement_url = ? and r.designation_type = 'green_factory' limit 1)""",
            [THIRD_BATCH],
        )
    report = gate_report(home)
    assert "lake.list_reconciliation FAILED" in report
    assert f"{THIRD_BATCH}: green_factory stated 391, extracted 390" in report


def test_a_partial_list_passes_only_while_it_is_declared(home):
    with duckdb.connect(str(home.lake_db)) as con:
        con.execute("delete from declared_partial_lists")
    report = gate_report(home)
    assert "http://jxt.zj.gov.cn/art/2024/5/31/art_1582899_36801.html: green_factory stated 100, extracted 1" in report


def test_a_source_whose_regions_stop_resolving_fails(home):
    with duckdb.connect(str(home.lake_db)) as con:
        con.execute("update list_rows set province_code = null where source_id = 'miit' and row_number % 4 = 0")
    report = gate_report(home)
    assert "lake.source_checks FAILED" in report and "region_resolution_rate" in report


def test_overlapping_status_periods_fail(home):
    with duckdb.connect(str(home.build_db("check"))) as con:
        con.execute("""insert into marts.fct_designations select * replace (md5(designation_id) as designation_id,
                           valid_from + 1 as valid_from) from marts.fct_designations where valid_to is null limit 1""")
    report = gate_report(home)
    assert "marts.status_history FAILED" in report and "overlaps the next from" in report


def test_a_key_missing_from_its_dimension_fails_showing_the_key(home):
    with duckdb.connect(str(home.build_db("check"))) as con:
        con.execute("""update marts.fct_designations set enterprise_key = 'no-such-enterprise'
                       where designation_id = (select min(designation_id) from marts.fct_designations)""")
    report = gate_report(home)
    assert "expect_column_values_to_be_in_set(enterprise_key) unexpected=1 e.g. ['no-such-enterprise']" in report


def test_a_reference_checked_column_takes_no_other_value_check():
    from greenmfg.gate import _select

    suite = {
        "name": "marts.fct_designations",
        "expectations": [
            {
                "type": "expect_column_values_to_be_in_set",
                "kwargs": {"column": "list_id", "value_set": {"$ref": "marts.dim_list.list_id"}},
            },
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "list_id"}},
        ],
    }
    assert 'in (select "list_id" from build."marts"."dim_list")' in _select(suite)
    suite["expectations"].append({"type": "expect_column_values_to_be_unique", "kwargs": {"column": "list_id"}})
    with pytest.raises(ValueError, match="can only also be checked for nulls"):
        _select(suite)


def test_a_large_table_is_validated_in_chunks_and_still_sees_every_row(home, monkeypatch):
    """Chunks and hash partitions: a duplicate split across chunks and orphans in different
    chunks are all found, and their counts add up."""
    monkeypatch.setenv("GREENMFG_GATE_CHUNK_ROWS", "1500")
    with duckdb.connect(str(home.build_db("check"))) as con:
        assert con.execute("select count(*) from marts.fct_designations").fetchone()[0] > 2 * 1500
        con.execute("""insert into marts.fct_designations select * from marts.fct_designations
                       where designation_id = (select min(designation_id) from marts.fct_designations)""")
        con.execute("""update marts.fct_designations set enterprise_key = 'orphan-' || designation_id
                       where designation_id in (select min(designation_id) from marts.fct_designations
                                                union select max(designation_id) from marts.fct_designations)""")
        first, last = con.execute(
            "select min(designation_id), max(designation_id) from marts.fct_designations"
        ).fetchone()
    report = gate_report(home)
    assert "marts.fct_designations FAILED" in report
    assert "expect_column_values_to_be_unique(designation_id) unexpected=2" in report
    orphans = next(line for line in report.splitlines() if "in_set(enterprise_key)" in line)
    assert "unexpected=3" in orphans and f"orphan-{first}" in orphans and f"orphan-{last}" in orphans


def test_the_data_docs_are_built_once_for_the_whole_gate(home, monkeypatch):
    from greenmfg import gate

    calls, real = [], gate._context

    def counted(paths):
        context = real(paths)
        build = context.build_data_docs
        monkeypatch.setattr(context, "build_data_docs", lambda **kwargs: calls.append(kwargs) or build(**kwargs))
        return context

    monkeypatch.setattr(gate, "_context", counted)
    result = pipeline.validate(home, "check")
    assert len(calls) == 1 and result["data_docs"]  # (an index built after each part grew with every result kept)
    suites = {getattr(identifier, "name", None) for identifier in calls[0]["resource_identifiers"]}
    assert {"marts.fct_designations", "lake.list_rows", "lake.list_reconciliation"} <= suites
