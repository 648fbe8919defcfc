"""Reposts, regions below the province, and the batch of every list (issue 18, items 1, 5, 6):
the name and batch rules on their own, then the marts of the offline corpus's pipeline run."""

from __future__ import annotations

import duckdb
import pytest

from greenmfg.extract import classify
from greenmfg.extract.inline_lists import lead_level
from greenmfg.regions import precision, resolve, resolve_code, resolve_row, within_context
from tests.conftest import reference_counts


@pytest.mark.parametrize(
    "region_text,name,year,code,method",
    [
        ("重庆", "广州双桥(重庆)有限公司", 2019, "500000", "region_column"),  # 广州 lies outside the row's province
        (None, "广州双桥(重庆)有限公司", 2019, "500000", "name"),  # a repost without 地区: the bracketed seat wins
        ("重庆", "重庆长安汽车股份有限公司", 2019, "500000", "region_column"),  # 长安 is in 河北 and 陕西, not 重庆
        ("浙江", "浙江长兴某某有限公司", 2019, "330522", "name_refined"),  # a county by its short name
        (None, "湖州某某有限公司", 2019, "330500", "name"),
        ("陕西", "米脂冀东水泥有限公司", 2019, "610827", "name_refined"),
        ("湖北", "华新水泥（赤壁）有限公司", 2019, "421281", "name_refined"),
        ("湖南", "望城经济技术开发区", 2019, "430112", "name_refined"),  # a park's name gives its county
        ("重庆", "重庆ABB江津涡轮增压系统有限公司", 2019, "500116", "name_refined"),
        ("江苏", "宁波某某园区", 2017, "320000", "region_column"),  # never against the row's province
    ],
)
def test_city_or_county_from_the_name_inside_the_rows_province(region_text, name, year, code, method):
    region, how = resolve_row(region_text, None, name, year)
    assert (region.code, how) == (code, method)


@pytest.mark.parametrize(
    "context,name,code,method",
    [
        ("成都", "金堂工业集中发展区", "510121", "name"),  # a short county name inside the page's city
        ("成都", "全友家私有限公司", "510100", "page_region"),  # no place in the name: the page's
        ("湖州", "浙江长兴某某有限公司", "330522", "name"),
        ("湖州", "宁波某某有限公司", "330200", "name"),  # the name's own city is never overridden
    ],
)
def test_a_row_without_a_region_takes_the_one_its_page_speaks_of(context, name, code, method):
    region, how = within_context(
        *resolve_row(None, None, name, 2023), name, resolve(context, 2023), "page_region", 2023
    )
    assert (region.code, how) == (code, method)


def test_a_local_issuers_region_refines_only_rows_inside_it():
    ningbo = resolve_code("330200", 2021)
    assert (
        within_context(
            *resolve_row("浙江", None, "某某科技有限公司", 2021), "某某科技有限公司", ningbo, "issuer_region", 2021
        )[0].code
        == "330200"
    )
    kept, how = within_context(
        *resolve_row("陕西", None, "某某科技有限公司", 2021), "某某科技有限公司", ningbo, "issuer_region", 2021
    )
    assert (kept.code, how) == ("610000", "region_column")


def test_precision_treats_the_four_municipalities_as_cities():
    assert precision(resolve_row("重庆", None, "重庆天原化工有限公司", 2019)[0]) == "city"
    assert precision(resolve_row("浙江", None, "栋梁铝业有限公司", 2019)[0]) == "province"
    assert precision(resolve_row("浙江", None, "浙江长兴某某有限公司", 2019)[0]) == "county"
    assert precision(None) is None


@pytest.mark.parametrize(
    "title,body,expected",
    [
        (
            "商洛市新增省级绿色工业园区1个、绿色工厂3家",
            "近日,省工信厅发布第六批省级绿色制造名单,商洛市新增",
            ("第六批", 6, 2025),
        ),
        ("陕西新增省级绿色工厂104家", "记者从省工信厅获悉:陕西省第五批绿色制造名单日前发布", ("第五批", 5, 2025)),
        ("宁波新增绿色工厂", "市经信局公布2024年度市级绿色工厂名单,北仑区", ("2024年度", None, 2024)),
        ("湖州这类工厂已有2464家", "截至目前全市二星级以上绿色工厂达到2464家", (None, None, 2025)),  # no list named
        ("关于公布2023年浙江省绿色低碳工厂名单的通知", "第六批名单", ("2023年度", None, 2023)),  # the title wins
    ],
)
def test_a_list_takes_its_batch_from_the_body_when_the_title_names_none(title, body, expected):
    assert classify.batch(title, "2025-01-10", body) == expected


def test_a_mirrors_lead_gives_the_level_of_the_list_it_reports():
    lead = (
        "记者昨日从工信部获悉,经省级工业和信息化主管部门评估确认,确定了第四批绿色制造名单。"
        "据了解,在工信部公布的第四批绿色制造名单中,重庆多家企业被评为绿色工厂"
    )
    assert lead_level(lead) == "national"
    assert lead_level("近日,省工信厅发布第六批省级绿色制造名单") == "provincial"  # who published it


# --- the marts of the offline corpus -----------------------------------------------------

pipeline = pytest.mark.slow


def _published(pipeline_home):
    return duckdb.connect(str(pipeline_home[0].published_db), read_only=True)


@pipeline
def test_national_counts_per_batch_and_type_equal_miits_whatever_reposts(pipeline_home):
    with _published(pipeline_home) as con:
        current = dict(
            ((b, t), n)
            for b, t, n in con.execute("""
            select l.batch_label, f.designation_type_code, count(*)
            from marts.fct_designations f join marts.dim_list l using (list_id)
            where l.level = 'national' and f.is_current and f.status = 'published' group by all""").fetchall()
        )
        reposts = con.execute("""select count(*) from marts.dim_list
                                 where original_list_id is not null and level = 'national'""").fetchone()[0]
    expected = reference_counts()
    assert {key: current.get(key) for key in expected} == dict(expected)
    assert reposts >= 2  # the corpus holds reposts of MIIT's lists (a mirror's, a province's news)
    assert current.get(("2020年度", "green_park")) == 4  # a list only a province's news holds stands for MIIT's


@pipeline
def test_a_repost_adds_no_designation_and_leaves_its_originals_rows_alone(pipeline_home):
    with _published(pipeline_home) as con:
        from_reposts = con.execute("""select count(*) from marts.fct_designations f join marts.dim_list l
                                      using (list_id) where l.original_list_id is not null""").fetchone()[0]
        originals = con.execute("""
            select count(*), count(*) filter (not f.is_current)
            from marts.fct_designations f join marts.dim_list l using (list_id)
            where l.list_id in (select original_list_id from marts.dim_list)""").fetchone()
        levels = con.execute("""select distinct r.level = o.level from marts.dim_list r
                                join marts.dim_list o on o.list_id = r.original_list_id""").fetchall()
        shuangqiao = con.execute("""select distinct region_code from marts.fct_designations
                                    where listed_name like '广州双桥%'""").fetchall()
    assert from_reposts == 0
    assert originals[0] > 0 and originals[1] == 0  # no repost ends an original's row
    assert levels == [(True,)]  # a repost takes its original's level (a mirror's: MIIT's national)
    assert shuangqiao == [("500000",)]


@pipeline
def test_provincial_and_municipal_lists_keep_their_batch(pipeline_home):
    with _published(pipeline_home) as con:
        shangluo = con.execute("""select batch_label, batch_no, list_year, level from marts.dim_list
                                  where source_id = 'sl_gxj' and notice_date = '2025-01-10'""").fetchall()
        shaanxi = con.execute("""select distinct batch_label, level from marts.dim_list
                                 where source_id = 'mirror_big5' and notice_date = '2024-07-11'""").fetchall()
        inline = con.execute("""select count(*), count(level) from marts.dim_list
                                where attachment_format = 'inline'""").fetchone()
    assert shangluo and set(shangluo) == {("第六批", 6, 2025, "provincial")}
    assert shaanxi == [("第五批", "provincial")]  # a mirror's news of 陕西省第五批绿色制造名单
    assert inline[0] > 0 and inline[1] == inline[0]  # an inline list is a list: it has a level like an attachment


@pipeline
def test_designations_below_the_province_and_the_summary_prints_the_shares(pipeline_home, monkeypatch, capsys):
    from greenmfg.cli import main

    with _published(pipeline_home) as con:
        shares = dict(
            con.execute("""select region_precision, count(*) / sum(count(*)) over ()
                                     from marts.fct_designations group by 1""").fetchall()
        )
        wrong = con.execute("""select count(*) from marts.fct_designations
                               where region_code is not null and left(region_code, 2) <> left(province_code, 2)""").fetchone()[
            0
        ]
    # was 0.59 at province precision, 0.02 at county: MIIT's lists give the province only
    assert shares["province"] < 0.45 and shares["city"] + shares["county"] > 0.55 and shares["county"] > 0.08
    assert wrong == 0
    monkeypatch.setenv("GREENMFG_HOME", str(pipeline_home[0].home))
    assert main(["summary"]) == 0
    out = capsys.readouterr().out
    assert "designations by region precision: province" in out and "designations per province:" in out
    assert any(line.split()[:1] == ["浙江省"] for line in out.splitlines())


@pytest.mark.parametrize(
    "lead,level",
    [
        ("近日,甘肃省工信厅发布“甘肃省第一批绿色制造体系名单”。", "provincial"),
        ("自治区工业和信息化厅日前公布了自治区级第四批绿色制造体系示范名单。", "provincial"),
        ("3月9日,天津市工信局公示了2020年度天津市绿色工厂(园区)名单。", "provincial"),  # a municipality's department
        ("某某市工业和信息化局公布了2024年度市级绿色工厂名单。", "municipal"),
        ("宝坻区工业和信息化局公布2025年度第一批区级绿色制造单位名单。", "county"),
        ("工信部公布了2024年度绿色制造名单。", "national"),
        ("记者从市工业和信息化局了解到,绿色制造名单近日公布。", None),  # a source of news, not the publisher
    ],
)
def test_a_mirror_list_takes_the_level_of_who_published_it(lead, level):
    from greenmfg.extract.inline_lists import lead_level

    assert lead_level(lead) == level
