"""Reported counts and targets attributed clause by clause (issue 18): the star, level and period a
clause states, what a target asks for, the indicator as a clean phrase, the number as written, and
the region the sentence speaks of (resolved against the document, not the site that carries it).

Every sentence is written for its rule, in several wordings; none is copied from a labelled page.
"""

import hashlib
import html

import pytest

from greenmfg.extract.clauses import reported_period, target_kind
from greenmfg.extract.fact_regions import document_region, fact_region, region_label
from greenmfg.extract.facts import extract_facts, region_mentions
from greenmfg.extract.records import Document, LakeRows, document_rows
from greenmfg.regions import resolve
from scrapers import source_for_url


def facts(text, year=2024, kind=None):
    return [f for f in extract_facts(text, default_year=year) if kind is None or f.record_type == kind]


def rows(title, lines, year=2024, url="http://www.zjcx.gov.cn/art/2020/7/24/art_1.html"):
    """The text_facts rows the extract stage writes for an article (by default on Changxing's site)."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    page = (
        f'<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta name="PubDate" content="{year}-06-30"></head><body><h1>{html.escape(title)}</h1>'
        f'<div class="article">{paragraphs}</div></body></html>'
    ).encode()
    doc = Document(
        "article",
        source_for_url(url).id,
        url,
        hashlib.sha256(page).hexdigest(),
        content_type="text/html; charset=utf-8",
    )
    columns = LakeRows.COLUMNS["text_facts"]
    return [dict(zip(columns, row)) for row in document_rows(doc, page).tables["text_facts"]]


# --- star ratings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "全县累计创建五星级绿色工厂8家,四星级60家,三星级312家,二星级222家。",
        "全县累计创建五星级绿色工厂8家、四星级绿色工厂60家、三星级绿色工厂312家、二星级绿色工厂222家。",
        "五星级、四星级、三星级、二星级绿色工厂分别为8家、60家、312家、222家。",
        "全縣累計創建五星級綠色工廠8家,四星級60家,三星級312家,二星級222家。",  # traditional characters
    ],
)
def test_star_rated_counts_carry_their_star(text):
    found = {(f.value, f.star_rating) for f in facts(text, 2020)}
    assert found == {(8, 5), (60, 4), (312, 3), (222, 2)}
    assert {f.designation_type for f in facts(text, 2020)} == {"green_factory"}


def test_star_counts_enumerated_then_their_values():
    found = {(f.value, f.star_rating) for f in facts("五星级、四星级绿色工厂分别为8家、60家。")}
    assert found == {(8, 5), (60, 4)}


@pytest.mark.parametrize("text", ["截至目前全市二星级以上绿色工厂达到2464家。", "全市二星级及以上绿色工厂2464家。"])
def test_stars_and_above_are_a_mixed_total_without_a_star(text):
    [fact] = facts(text)
    assert (fact.value, fact.star_rating) == (2464, None)


def test_a_star_is_given_to_green_factories_only():
    found = {(f.designation_type, f.value): f.star_rating for f in facts("全区有五星级绿色工厂3家、绿色园区2个。")}
    assert found == {("green_factory", 3): 5, ("green_park", 2): None}


# --- levels per clause ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "累计培育绿色工厂8个(其中国家级2个、省级6个),绿色园区1个。",
        "全市累计培育绿色工厂8个（其中国家级2个、省级6个），绿色园区1个。",
    ],
)
def test_a_level_scopes_only_the_counts_of_its_clause(text):
    found = {(f.designation_type, f.value): f.level for f in facts(text)}
    assert found == {
        ("green_factory", 8): None,
        ("green_factory", 2): "national",
        ("green_factory", 6): "provincial",
        ("green_park", 1): None,
    }


# --- periods of reported counts ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("今年新增绿色工厂5家，累计达到30家。", {5: "new_in_period", 30: "cumulative"}),
        ("我县新增省级绿色工厂4家,全县绿色工厂总数达到21家。", {4: "new_in_period", 21: "cumulative"}),
        ("截至2023年底，全市已有绿色工厂60家，其中今年新增9家绿色工厂。", {60: "cumulative", 9: "new_in_period"}),
        ("截至今年6月,全市绿色工厂达到45家。", {45: "cumulative"}),  # 截至今年: a date, not what is new
        ("全市新增绿色工厂7家、累计达到40家。", {7: "new_in_period", 40: "cumulative"}),  # one clause, two cues
        ("“十三五”期间全市累计创建绿色工厂20家。", {20: "new_in_period"}),
        ("全市绿色工厂达到120家。", {120: None}),  # nothing says
    ],
)
def test_period_kind_of_reported_counts(text, expected):
    assert {f.value: f.period_kind for f in facts(text, kind="reported_count")} == expected


# --- what a target asks for ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("到2025年,累计创建绿色工厂300家、绿色园区30个。", {300: "stock", 30: "stock"}),
        ("到2025年,全市建成绿色工厂50家。", {50: "stock"}),
        ("“十四五”期间,新创建绿色设计产品100种。", {100: "new_in_period"}),
        ("到2025年,新培育绿色工厂100家,绿色园区5个。", {100: "new_in_period", 5: "new_in_period"}),
        ("力争每年新增绿色工厂10家。", {10: "per_year"}),
        ("到2025年,年均创建绿色工厂12家。", {12: "per_year"}),
        ("“十四五”期间新培育绿色工厂100家,到2025年全市绿色工厂总数达到300家。", {100: "new_in_period", 300: "stock"}),
        ("“十四五”期间,全市绿色工厂总数达到300家。", {300: "stock"}),
        ("“十四五”期间,全市累计培育绿色工厂100家。", {100: "new_in_period"}),
    ],
)
def test_target_kind(text, expected):
    assert {f.value: f.target_kind for f in facts(text, kind="policy_target")} == expected


def test_a_percent_target_is_a_percent_change_with_a_clean_indicator():
    text = "到2025年,单位工业增加值能耗下降16%以上、工业增加值用水量下降20%,清 洁生产审核完成率提高到90%。"
    found = {(f.indicator, f.value, f.target_kind) for f in facts(text, kind="policy_target")}
    assert found == {
        ("单位工业增加值能耗下降", 16, "percent_change"),
        ("工业增加值用水量下降", 20, "percent_change"),
        ("清洁生产审核完成率提高到", 90, "percent_change"),
    }


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "要点提出节能目标:今年全市规模以上工业增加值能耗下降3.5%以上、工业增加值用水量下降4.5%。",
            {("规模以上工业增加值能耗下降", 3.5), ("工业增加值用水量下降", 4.5)},
        ),
        (
            "到2025年,规上单位工业增加值能耗较2020年下降16%以上,力争下降18%。",
            {("规上单位工业增加值能耗下降", 16), ("规上单位工业增加值能耗下降", 18)},
        ),
    ],
)
def test_a_percent_indicator_is_a_phrase_not_a_cue(text, expected):
    assert {(f.indicator, f.value) for f in facts(text, 2024, kind="policy_target")} == expected


def test_a_target_table_row_indicator_is_clean():
    text = "“十四五”主要指标\n序号\t指标名称\t单位\t2025年目标\n1\t清 洁生产审核 完成率提高\t%\t90"
    [fact] = facts(text, kind="policy_target")
    assert (fact.indicator, fact.target_kind, fact.value_text) == ("清洁生产审核完成率提高", "percent_change", "90")


@pytest.mark.parametrize(
    "text,period,kind",
    [
        ("截至今年6月,全市有", "cumulative", "stock"),
        ("每年新增", "per_year", "per_year"),
        ("今年，全市累计创建", "cumulative", "new_in_period"),
        ("到2025年新增绿色工厂达到", "new_in_period", "new_in_period"),
        ("全市绿色工厂", None, None),
    ],
)
def test_period_cues(text, period, kind):
    assert (reported_period(text), target_kind(text)) == (period, kind)


# --- the number as written --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,value,written",
    [
        ("湖州已有绿色工厂2,464家。", 2464, "2,464"),
        ("全市共有绿色工厂1.2万家。", 12000, "1.2万"),
        ("全市绿色工厂总数达到八家。", 8, "八"),
        ("全市累计创建绿色工厂 50 家。", 50, "50"),
    ],
)
def test_value_text_is_the_number_as_the_evidence_writes_it(text, value, written):
    [fact] = facts(text)
    assert (fact.value, fact.value_text) == (value, written) and written in fact.evidence


def test_every_fact_holds_its_value_text_in_its_evidence():
    text = (
        "截至目前，全市累计创建国家级绿色工厂37家、绿色园区2个，五星级绿色工厂8家,四星级60家。"
        "到2025年,新培育绿色工厂100家,单位工业增加值能耗下降16%。\n"
        "表1\n序号\t指标名称\t单位\t2025年目标\n1\t绿色工厂\t家\t120"
    )
    found = facts(text)
    assert len(found) == 7 and all(f.value_text and f.value_text in f.evidence for f in found)


# --- regions ------------------------------------------------------------------------------------


def test_region_mentions_in_order():
    sentence = "湖州市共有国家级绿色工厂37家,全县有12家,占全省的10%"
    assert [name for _, name in region_mentions(sentence)] == ["湖州市", "全县", "全省"]
    assert region_mentions("全市有3家园区入选国家级绿色园区") == [(2, "全市")]  # 家园区 is no region


def test_a_city_text_on_a_county_site_speaks_of_the_city():
    found = rows(
        "湖州星级绿色工厂已有2464家",
        [
            "截至目前全市二星级以上绿色工厂达到2464家,规上企业覆盖率达到84.24%。",
            "目前已累计创建国家级绿色工厂37家,占全省创建总数的34.6%。",
        ],
        2020,
    )
    assert {(r["value"], r["region_name"], r["region_code"]) for r in found} == {
        (2464, "湖州市", "330500"),
        (37, "湖州市", "330500"),
    }


def test_a_county_text_speaks_of_the_county_and_its_city():
    found = rows(
        "长兴县绿色制造工作情况",
        ["全县累计创建五星级绿色工厂8家,四星级60家。", "全市累计创建国家级绿色工厂37家。"],
        2020,
    )
    assert {(r["value"], r["region_code"], r["star_rating"]) for r in found} == {
        (8, "330522", 5),
        (60, "330522", 4),
        (37, "330500", None),
    }
    assert {r["region_name"] for r in found} == {"长兴县", "湖州市"}


def test_a_title_without_region_takes_the_first_region_its_text_names():
    found = rows("绿色制造工作取得新成效", ["嘉兴市今年新增国家级绿色工厂6家。", "全市绿色工厂累计达到30家。"])
    assert {(r["value"], r["region_code"], r["period_kind"]) for r in found} == {
        (6, "330400", "new_in_period"),
        (30, "330400", "cumulative"),
    }


def test_a_district_table_keeps_areas_without_a_code_under_the_city():
    found = rows(
        "嘉兴市绿色制造三年行动计划",
        [
            "到2019年,全市建成绿色工厂50家。",
            "表1 各县(市、区)绿色制造目标分解",
            "指标\t全市\t南湖区\t秀洲区\t嘉兴港区\t经济技术开发区",
            "\t累计\t2017年\t累计\t2017年\t累计\t2017年\t累计\t2017年\t累计\t2017年",
            "绿色工厂(家)\t50\t10\t8\t2\t6\t1\t3\t1\t4\t1",
            "表2 目标任务",
            "地区\t绿色工厂(家)\t绿色园区(个)",
            "全市\t50\t10",
            "嘉兴市\t50\t10",
        ],
        2017,
    )
    stocks = {
        (r["region_code"], r["area_name"], r["value"])
        for r in found
        if r["designation_type"] == "green_factory" and r["target_kind"] == "stock"
    }
    assert stocks == {
        ("330400", None, 50),
        ("330402", None, 8),
        ("330411", None, 6),
        ("330400", "嘉兴港区", 3),
        ("330400", "经济技术开发区", 4),
    }
    # prose, the 全市 column, the 全市 row and the 嘉兴市 row: one target the marts can key on
    assert (
        sum(
            1
            for r in found
            if (r["region_code"], r["area_name"], r["value"], r["target_kind"]) == ("330400", None, 50, "stock")
        )
        == 4
    )
    per_period = {
        (r["region_code"], r["area_name"], r["value"], r["target_year"])
        for r in found
        if r["target_kind"] == "new_in_period"
    }
    assert ("330400", "嘉兴港区", 1, 2017) in per_period


def test_prose_targets_keep_the_document_region_as_a_code_only():
    [fact] = rows("重庆市绿色制造体系建设方案", ["到2025年,全市建成绿色工厂300家。"], 2023)
    assert (fact["region_name"], fact["region_code"], fact["target_kind"]) == (None, "500000", "stock")


@pytest.mark.parametrize(
    "named,home,expected",
    [
        ("全市", "长兴县", ("330500", None)),
        ("全县", "长兴县", ("330522", None)),
        ("全省", "湖州市", ("330000", None)),
        ("全市", "义乌市", ("330782", None)),  # a county-level city is its own 全市
        (None, "湖州市", ("330500", None)),
        ("南湖区", "嘉兴市", ("330402", None)),
        ("嘉兴港区", "嘉兴市", ("330400", "嘉兴港区")),
        ("经济技术开发区", "嘉兴市", ("330400", "经济技术开发区")),
        ("浦东新区", "上海市", ("310115", None)),  # a 新区 with a code of its own
        ("全国", "湖州市", ("100000", None)),  # the country, as dim_region codes it
    ],
)
def test_fact_region(named, home, expected):
    region, area = fact_region(named, resolve(home, 2020), 2020)
    assert (region.code if region else None, area) == expected


def test_document_region_prefers_the_title():
    assert document_region("湖州这类工厂已有2464家", "长兴县累计创建绿色工厂8家。", 2020).code == "330500"
    assert document_region("绿色工厂名单公示", "长兴县累计创建绿色工厂8家。", 2020).code == "330522"
    assert document_region("绿色工厂名单公示", "各有关单位:现将名单公示如下。", 2020) is None
    assert document_region("新增29家省绿色工厂企业", "据佛山日报消息,我市新增29家。", 2020).code == "440600"
    assert (
        document_region(
            "工业和信息化部办公厅关于公布第五批绿色制造名单的通知",
            "各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门:",
            2020,
        ).code
        == "100000"
    )
    assert (
        document_region(
            "关于公布绿色制造名单的通知",
            "各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门:现将名单公布。",
            2020,
        )
        is None
    )
    assert region_label(resolve("湖州", 2020)) == "湖州市"


def test_a_notice_naming_no_region_speaks_of_its_issuer():
    found = rows("绿色制造工作取得新成效", ["全县累计创建绿色工厂21家。"], 2020)  # on Changxing's own site
    assert {(r["value"], r["region_name"], r["region_code"]) for r in found} == {(21, "长兴县", "330522")}


def test_a_national_notice_speaks_of_the_country():
    found = rows(
        "关于公布绿色制造名单的通知",
        ["全国累计创建绿色工厂2783家。", "本批绿色工厂共有600家。"],
        2021,
        url="https://www.miit.gov.cn/jgsj/jns/art/2021/art_1.html",
    )
    assert {(r["value"], r["region_name"], r["region_code"]) for r in found} == {
        (2783, "全国", "100000"),
        (600, "全国", "100000"),
    }


def test_a_county_text_naming_its_province_first_speaks_of_the_county():
    found = rows("绿色制造工作取得新成效", ["浙江省绿色制造工作会议召开。", "全县累计创建五星级绿色工厂8家。"], 2020)
    assert {(r["value"], r["region_code"], r["star_rating"]) for r in found} == {(8, "330522", 5)}


def test_a_text_naming_another_region_on_a_county_site_speaks_of_that_region():
    found = rows("星级绿色工厂建设成效", ["杭州市推进绿色制造。", "全市累计创建国家级绿色工厂37家。"], 2020)
    assert {(r["value"], r["region_code"]) for r in found} == {(37, "330100")}


@pytest.mark.parametrize("text", ["计划年内培育创建市级绿色工厂50家。", "今年计划培育创建50家绿色工厂。"])
def test_a_target_for_this_year_is_new_in_the_period(text):
    (fact,) = [f for f in extract_facts(text, 2022) if f.record_type == "policy_target"]
    assert (fact.value, fact.target_kind, fact.target_year) == (50, "new_in_period", 2022)
