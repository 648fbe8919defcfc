"""The clause grammar of counts and targets (greenmfg/extract/facts.py), class by class.

Sentences are written for the class they test, in several wordings each: none is copied from
a labelled page, so these pin the rule, not a page.
"""

import pytest

from greenmfg.extract.facts import extract_facts


def facts(text, year=2024, kind=None):
    found = extract_facts(text, default_year=year)
    return [f for f in found if kind is None or f.record_type == kind]


def counts(text, year=2024):
    return {(f.designation_type, f.value) for f in facts(text, year, "reported_count")}


def targets(text, year=2024):
    return {(f.designation_type, f.value, f.target_year) for f in facts(text, year, "policy_target")}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("全省累计创建国家级绿色工厂45家、绿色园区6个。", {("green_factory", 45), ("green_park", 6)}),
        (
            "截至目前，本市共有绿色工厂120家、绿色供应链管理企业9家、绿色设计产品33种。",
            {("green_factory", 120), ("green_supply_chain", 9), ("green_design_product", 33)},
        ),
        (
            "名单包括2000家绿色工厂、150家绿色工业园区和180家绿色供应链管理企业。",
            {("green_factory", 2000), ("green_park", 150), ("green_supply_chain", 180)},
        ),
    ],
)
def test_one_sentence_reports_several_types(text, expected):
    assert counts(text) == expected


def test_the_level_a_clause_states_scopes_its_enumeration():
    found = {(f.designation_type, f.value): f.level for f in facts("全省累计创建国家级绿色工厂45家、绿色园区6个。")}
    assert found == {("green_factory", 45): "national", ("green_park", 6): "national"}


@pytest.mark.parametrize(
    "text",
    [
        "累计培育绿色工厂8个(其中国家级2个、省级6个)。",
        "全县累计培育绿色工厂8个（其中国家级2个、省级6个）。",
    ],
)
def test_subtotals_are_rows_of_their_own_and_the_total_has_no_level(text):
    found = {(f.value, f.level) for f in facts(text)}
    assert found == {(8, None), (2, "national"), (6, "provincial")}


@pytest.mark.parametrize("text", ["省级以上绿色工厂82家。", "累计创建市级及以上绿色工厂82家。"])
def test_a_mixed_level_total_has_no_level(text):
    [fact] = facts(text)
    assert (fact.value, fact.level) == (82, None)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("全区有五星级绿色工厂8家、四星级60家、三星级312家。", {8, 60, 312}),
        ("其中五星级绿色工厂3家，四星级12家，三星级40家。", {3, 12, 40}),
    ],
)
def test_star_ratings_carry_the_term(text, expected):
    found = facts(text)
    assert {f.value for f in found} == expected and {f.designation_type for f in found} == {"green_factory"}


@pytest.mark.parametrize(
    "text,new,total",
    [
        ("今年新增绿色工厂5家，累计达到30家。", 5, 30),
        ("本批新认定省级绿色工厂12家，截至目前全省累计认定绿色工厂340家。", 12, 340),
        ("截至2023年底，全市已有绿色工厂60家，其中今年新增9家绿色工厂。", 9, 60),
    ],
)
def test_new_versus_cumulative_per_clause(text, new, total):
    found = {f.value: f.cumulative for f in facts(text, kind="reported_count")}
    assert found == {new: False, total: True}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("兵团再添5家国家级绿色工厂", {("green_factory", 5)}),
        ("我市10家企业成功入选绿色工厂。", {("green_factory", 10)}),
        ("4家企业的45种产品成功入选绿色设计产品名单。", {("green_design_product", 45)}),
        ("拟认定甲有限公司等20家企业为2022年度某某市绿色工厂。", {("green_factory", 20)}),
        ("3家公司入选“国家绿色工厂”名单。", {("green_factory", 3)}),
        ("一、入选国家级绿色工厂公示名单(40家)", {("green_factory", 40)}),
        (
            "省内38户企业、8个产品、3个工业园区被认定为全省第一批绿色工厂、绿色设计产品和绿色园区。",
            {("green_factory", 38), ("green_design_product", 8), ("green_park", 3)},
        ),
        ("市工信局公布了市级绿色工厂名单，高新区9家企业榜上有名。", {("green_factory", 9)}),
        ("全市已有21家企业、2家园区入选省级绿色制造名单。", {("green_park", 2)}),
    ],
)
def test_counts_in_headlines_and_news_wording(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text", ["共有12家单位入选绿色制造名单。", "黄冈有7家企业上榜。"])
def test_a_count_whose_type_is_not_told_is_not_guessed(text):
    assert counts(text) == set()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("到2025年，创建绿色工厂50家、绿色园区5个。", {("green_factory", 50, 2025), ("green_park", 5, 2025)}),
        ("力争到2026年培育省级绿色工厂100家以上。", {("green_factory", 100, 2026)}),
        (
            "“十四五”末，累计建成绿色园区30个以上、绿色工厂300家以上。",
            {("green_park", 30, 2025), ("green_factory", 300, 2025)},
        ),
        (
            "2025年目标新增国家级绿色工厂2家、省级绿色工厂5家、市级10家。",
            {("green_factory", 2, 2025), ("green_factory", 5, 2025), ("green_factory", 10, 2025)},
        ),
        ("今年我市将培育绿色设计产品20余个。", {("green_design_product", 20, 2024)}),
        (
            "力争到2025年打造绿色园区2个至3个、绿色供应链2条至3条。",
            {("green_park", 2, 2025), ("green_supply_chain", 2, 2025)},
        ),
        ("到2030年建成绿色工厂1.2万家。", {("green_factory", 12000, 2030)}),
        ("计划每年创建绿色工厂10家。", {("green_factory", 10, 2024)}),
        (
            "今年将选择30余个企业、10个工业集聚区开展绿色工厂和绿色园区创建。",
            {("green_factory", 30, 2024), ("green_park", 10, 2024)},
        ),
    ],
)
def test_plan_sentences_in_common_forms(text, expected):
    assert targets(text) == expected
    assert counts(text) == set()


@pytest.mark.parametrize(
    "text,target,count",
    [
        ("2024年创建绿色工厂35家，提前完成了到2025年累计创建50家绿色工厂的目标。", 50, 35),
        ("截至目前已创建绿色工厂20家，力争到2027年达到40家绿色工厂。", 40, 20),
    ],
)
def test_a_plan_and_a_report_in_one_sentence_are_told_apart(text, target, count):
    assert {f.value for f in facts(text, kind="policy_target")} == {target}
    assert {f.value for f in facts(text, kind="reported_count")} == {count}


def test_a_deadline_already_past_reports_a_stock():
    assert counts("到2022年，全市省级以上绿色工厂总计27家。", year=2024) == {("green_factory", 27)}
    assert targets("到2022年，全市省级以上绿色工厂总计27家。", year=2024) == set()


@pytest.mark.parametrize(
    "text",
    [
        "关于2024年度绿色工厂名单的公示，经专家评审，94家企业符合绿色工厂评价要求。",
        "为实现碳达峰碳中和目标，我厅开展了推荐工作，现将名单予以公布，其中绿色工厂143家。",
    ],
)
def test_a_notice_naming_a_year_or_a_goal_is_not_a_plan(text):
    assert targets(text) == set() and counts(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("到2025年，规模以上工业增加值能耗较2020年下降14.5%。", {("规模以上工业增加值能耗下降", 14.5, 2025)}),
        (
            "到2025年，单位工业增加值能耗、水耗较“十三五”末分别下降16%、20%。",
            {("单位工业增加值能耗下降", 16, 2025), ("单位工业增加值水耗下降", 20, 2025)},
        ),
        (
            "到2025年，绿色工厂产值占比提高到40%以上、单位产品能耗下降8%。",
            {("绿色工厂产值占比提高到", 40, 2025), ("单位产品能耗下降", 8, 2025)},
        ),
        ("到2025年，清 洁生产审核覆盖率达到90%。", {("清洁生产审核覆盖率达到", 90, 2025)}),
    ],
)
def test_percentage_targets_with_a_clean_indicator(text, expected):
    found = {(f.indicator, f.value, f.target_year) for f in facts(text, kind="policy_target") if f.unit == "%"}
    assert found == expected


def test_a_reported_percentage_is_no_target():
    assert facts("2023年全市规模以上工业增加值能耗下降5.2%。", kind="policy_target") == []


def test_traditional_and_pinyin_polluted_plans():
    text = "到2025年，全市創(chuàng)建綠色工廠300家、綠色園區(qū)30個。"
    assert targets(text) == {("green_factory", 300, 2025), ("green_park", 30, 2025)}


def test_every_fact_keeps_the_sentence_that_holds_its_number():
    for fact in facts("截至目前，本市共有绿色工厂120家。力争到2025年创建绿色园区5个。到2025年能耗下降13.5%。"):
        assert str(fact.value).rstrip("0").rstrip(".") in fact.evidence.replace("13.5", "13.5")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("全省国家级绿色工厂、绿色园区分别达到120家、8个。", {("green_factory", 120), ("green_park", 8)}),
        (
            "截至目前，绿色工厂、绿色供应链管理企业和绿色设计产品分别有45家、6家和30种。",
            {("green_factory", 45), ("green_supply_chain", 6), ("green_design_product", 30)},
        ),
    ],
)
def test_terms_then_values_respectively(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("绿色工厂：8家；绿色园区：2个。", {("green_factory", 8), ("green_park", 2)}),
        ("获评绿色工厂的企业有12家。", {("green_factory", 12)}),
    ],
)
def test_a_term_and_its_number_across_a_colon_or_a_relative_clause(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2024—2026年，培育绿色工厂30家。", {("green_factory", 30, 2026)}),
        ("确保全市绿色工厂总数达到200家。", {("green_factory", 200, 2024)}),
        ("今年争创国家级绿色工厂5家。", {("green_factory", 5, 2024)}),
    ],
)
def test_more_plan_cues(text, expected):
    assert targets(text) == expected


def test_a_term_shared_by_two_levels_is_a_total_without_level():
    found = {(f.value, f.level) for f in facts("累计培育省级、国家级绿色工厂8个(其中国家级2个、省级6个)。")}
    assert found == {(8, None), (2, "national"), (6, "provincial")}


@pytest.mark.parametrize(
    "text",
    [
        "将17家企业、4个园区纳入省级绿色制造培育库。",
        "120家企业纳入省级绿色工厂培育库。",
        "支持45个绿色工厂建设项目。",
        "申报省级绿色工厂的企业有45家。",
        "全市有15家绿色工厂评价机构。",
    ],
)
def test_a_term_that_names_something_else_counts_nothing(text):
    assert facts(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("12家企业被工业和信息化部认定为国家级绿色工厂。", {("green_factory", 12)}),
        ("我市18家企业获得“国家级绿色工厂”称号。", {("green_factory", 18)}),
        ("本次共认定12家市（州）级绿色工厂。", {("green_factory", 12)}),
        ("国家级、省级绿色工厂分别达到23家、86家。", {("green_factory", 23), ("green_factory", 86)}),
        ("新增国家级绿色工厂5家，全市总数达到31家。", {("green_factory", 5), ("green_factory", 31)}),
        ("绿色工厂、绿色供应链管理企业各1家。", {("green_factory", 1), ("green_supply_chain", 1)}),
        ("绿色工厂数量已经达到64家。", {("green_factory", 64)}),
        ("力争每年培育两三家国家级绿色工厂。", set()),
    ],
)
def test_news_verbs_totals_and_shared_terms(text, expected):
    assert counts(text) == expected


def test_a_mixed_total_of_several_types_has_no_type():
    assert facts("绿色工厂、绿色园区、绿色供应链管理企业共计50家。") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("“十四五”末，力争全省绿色工厂达到150家。", {("green_factory", 150, 2025)}),
        ("2024年工作目标：新增国家级绿色工厂10家。", {("green_factory", 10, 2024)}),
        ("到2025年，完成100家以上绿色工厂创建任务。", {("green_factory", 100, 2025)}),
        ("明年力争新增国家级绿色工厂5家。", {("green_factory", 5, 2025)}),
        ("力争每年培育两三家国家级绿色工厂。", {("green_factory", 2, 2024)}),
        ("到2022年全市绿色工厂40家。下一步，力争新增绿色工厂10家。", {("green_factory", 10, 2024)}),
    ],
)
def test_plan_years_carry_and_heads(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "到2025年，建成市级绿色工厂100家，其中争创省级以上30家。",
            {("green_factory", 100, 2025), ("green_factory", 30, 2025)},
        ),
        ("预计今年底全市绿色工厂将达到80家。", {("green_factory", 80, 2024)}),
        ("2025年，全省力争新增国家级绿色工厂50家。", {("green_factory", 50, 2025)}),
    ],
)
def test_plan_continuations_and_opening_years(text, expected):
    assert targets(text) == expected


def test_applicants_are_not_designations():
    assert facts("省工信厅组织专家对申报的126家绿色工厂进行了现场核查。") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("到2025年，全县绿色工厂达到40家；绿色园区达到2个。", {("green_factory", 40, 2025), ("green_park", 2, 2025)}),
        (
            "主要目标：到2026年，一是创建省级绿色工厂12家；二是培育绿色供应链管理企业2家。",
            {("green_factory", 12, 2026), ("green_supply_chain", 2, 2026)},
        ),
        (
            "到2025年，工业绿色发展水平明显提升。绿色工厂达到60家，绿色园区达到4个。",
            {("green_factory", 60, 2025), ("green_park", 4, 2025)},
        ),
    ],
)
def test_a_deadline_carries_through_its_paragraph(text, expected):
    assert targets(text) == expected and counts(text) == set()


def test_a_paragraph_moves_from_plan_to_report_at_a_past_cue():
    text = "到2025年，创建绿色工厂50家。截至目前，全市已有绿色工厂31家。"
    assert targets(text) == {("green_factory", 50, 2025)} and counts(text) == {("green_factory", 31)}


def test_a_dated_event_is_not_a_deadline():
    text = "我局于2025年2月19日开展了认定工作，共有甲有限公司等6家企业入选区级绿色工厂。"
    assert counts(text, year=2025) == {("green_factory", 6)} and targets(text, year=2025) == set()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("力争2026年全市绿色工厂达到70家。", {("green_factory", 70, 2026)}),
        ("全市2026年绿色工厂发展目标为60家。", {("green_factory", 60, 2026)}),
        ("《某市工业绿色发展实施方案（2024—2026年）》提出，创建国家级绿色工厂10家。", {("green_factory", 10, 2026)}),
        ("到2025年，培育10家以上省级绿色工厂。", {("green_factory", 10, 2025)}),
        ("到2025年，全区新增绿色工厂（含国家级、省级）10家以上。", {("green_factory", 10, 2025)}),
    ],
)
def test_future_years_plan_documents_and_quantifiers(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "到2025年，单位工业增加值能耗和二氧化碳排放分别下降13.5%和18%。",
            {("单位工业增加值能耗下降", 13.5), ("单位工业增加值二氧化碳排放下降", 18)},
        ),
        ("到2025年，新能源汽车产量占比超过30%。", {("新能源汽车产量占比超过", 30)}),
        ("到2025年，可再生能源装机占比力争达到60%。", {("可再生能源装机占比达到", 60)}),
    ],
)
def test_percentage_indicators_paired_and_cleaned(text, expected):
    assert {(f.indicator, f.value) for f in facts(text, kind="policy_target")} == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("喜报！我区2家企业荣登国家级绿色工厂榜单", {("green_factory", 2)}),
        ("某县1企业入选国家级绿色工厂", {("green_factory", 1)}),
        ("我市新增6家省级绿色工厂 总数达38家", {("green_factory", 6), ("green_factory", 38)}),
        ("全市累计获批国家级绿色工厂21家，今年新获批4家。", {("green_factory", 21), ("green_factory", 4)}),
    ],
)
def test_headlines(text, expected):
    assert counts(text) == expected


def table_targets(text, year=2024):
    return {
        (f.designation_type, f.value, f.unit == "%", f.target_year, f.region_name)
        for f in facts(text, year, "policy_target")
    }


def test_an_indicator_table_with_a_unit_column_and_a_target_year_column():
    text = (
        "“十四五”主要指标\n序号\t指标名称\t单位\t2020年基数\t2025年目标\t属性\n"
        "1\t单位工业增加值能耗下降\t%\t—\t14\t约束性\n2\t省级绿色工厂\t家\t30\t90\t预期性\n3\t绿色园区\t个\t1\t4\t预期性"
    )
    assert table_targets(text) == {
        (None, 14, True, 2025, None),
        ("green_factory", 90, False, 2025, None),
        ("green_park", 4, False, 2025, None),
    }
    assert counts(text) == set()  # a baseline column is no report


def test_a_target_value_cell_with_its_direction_or_bound():
    text = "序号\t指标\t目标值\n1\t国家级绿色工厂\t≥12家\n2\t单位工业增加值能耗\t下降13%"
    found = {(f.designation_type, f.value, f.indicator) for f in facts(text, kind="policy_target")}
    assert found == {("green_factory", 12, "designations"), (None, 13, "单位工业增加值能耗下降")}


def test_a_breakdown_with_regions_as_rows():
    text = "各区县绿色工厂创建目标分解表\n序号\t地区\t国家级绿色工厂（家）\t省级绿色工厂（家）\n1\t甲区\t2\t6\n2\t乙县\t1\t3"
    assert table_targets(text) == {
        ("green_factory", 2, False, 2024, "甲区"),
        ("green_factory", 6, False, 2024, "甲区"),
        ("green_factory", 1, False, 2024, "乙县"),
        ("green_factory", 3, False, 2024, "乙县"),
    }


def test_a_count_table_by_region_under_a_caption_naming_the_type():
    text = "截至2023年底各县区绿色工厂情况\n地区\t国家级\t省级\n甲区\t3\t12\n合计\t3\t12"
    found = {(f.value, f.level, f.region_name, f.cumulative) for f in facts(text, kind="reported_count")}
    assert found == {
        (3, "national", "甲区", True),
        (12, "provincial", "甲区", True),
        (3, "national", None, True),
        (12, "provincial", None, True),
    }


def test_a_baseline_before_a_table_value_is_not_its_year():
    text = "到2019年主要目标\n序号\t指标名称\t目标\n1\t单位工业增加值能耗 (%)\t比 2015 年下降 15%左右"
    assert {(f.indicator, f.value, f.target_year) for f in facts(text, 2017, "policy_target")} == {
        ("单位工业增加值能耗下降", 15, 2019)
    }


def test_prose_cells_of_a_work_list_are_plans_for_its_year():
    text = (
        "到2019年,创建绿色工厂50家。\n2017年推进绿色制造工作清单\n序号\t工作名称\t主要内容\t进度安排\n"
        "7\t开展绿色工厂创建\t制定认定办法,2017 年认定 10 家以上市级绿色工厂。\t年底完成"
    )
    assert targets(text, 2017) == {("green_factory", 50, 2019), ("green_factory", 10, 2017)}


def test_prose_cells_of_a_table_of_work_done_are_not_read():
    # its rows may be districts' (海曙区 | 新增…5家): a cell's sentence cannot say whose numbers they are
    text = "2023年度重点工作完成情况清单\n序号\t工作内容\t完成情况\n1\t绿色制造\t全年新增国家级绿色工厂5家,省级绿色工厂12家。"
    assert facts(text, 2024) == []


def test_a_yearly_average_since_a_past_year_is_no_target():
    assert facts("2016年以来,规上工业亩均税收年均增长44.7%,单位GDP能耗年均下降6.6%。", 2020, "policy_target") == []
    assert targets("目前已创建绿色工厂20家,计划年内再创建5家。") == {("green_factory", 5, 2024)}


def test_a_percent_target_with_spaces_in_it():
    found = {(f.indicator, f.value) for f in facts("到2025年,单位工业增加值能耗下降 13.5 %。", kind="policy_target")}
    assert found == {("单位工业增加值能耗下降", 13.5)}


def test_a_breakdown_of_regions_by_year_under_a_caption_that_names_the_type():
    text = (
        "各镇街（园区）省级以上绿色工厂创建任务分解表（单位：家）\n镇街（园区）\t2024年\t2025年\t2026年\n"
        "甲乙镇\t3\t3\t4\n丙丁庄镇\t2\t—\t3"
    )
    found = {(f.region_name, f.target_year, f.value, f.level) for f in facts(text, 2024, "policy_target")}
    assert found == {
        ("甲乙镇", 2024, 3, None),
        ("甲乙镇", 2025, 3, None),
        ("甲乙镇", 2026, 4, None),
        ("丙丁庄镇", 2024, 2, None),
        ("丙丁庄镇", 2026, 3, None),
    }  # 省级以上: no one level


def test_a_breakdown_of_indicators_by_region_columns():
    text = (
        "各县（市、区）绿色制造目标任务分解表（到2024年）\n指标\t甲乙区\t丙丁县\t高新区\n"
        "省级以上绿色工厂（家）\t8\t6\t10\n绿色园区（个）\t1\t—\t1\n单位工业增加值能耗下降（%）\t10\t9.5\t10"
    )
    found = {
        (f.designation_type, f.region_name, f.value, f.unit, f.target_year) for f in facts(text, 2022, "policy_target")
    }
    assert ("green_factory", "丙丁县", 6, "家", 2024) in found and ("green_park", "高新区", 1, "个", 2024) in found
    assert (None, "丙丁县", 9.5, "%", 2024) in found and len(found) == 8  # a dash is no value


def test_a_table_of_levels_by_type_reports_each_cell():
    text = (
        "绿色制造示范单位统计表（截至2024年3月）\n级别\t绿色工厂\t绿色园区\t绿色设计产品\n国家级\t33\t3\t48\n"
        "省级\t86\t6\t29\n合计\t119\t9\t77"
    )
    found = {(f.designation_type, f.level, f.value) for f in facts(text, 2024, "reported_count")}
    assert ("green_factory", "national", 33) in found and ("green_park", "provincial", 6) in found
    assert ("green_design_product", None, 77) in found and len(found) == 9


YEARS_BY_TYPES = (
    "{caption}\n年份    绿色工厂（家）    绿色工业园区（个）    绿色设计产品（种）\n"
    "2022    11    1    17\n2023    9    0    24\n2024    14    2    31\n合计    34    3    72\n注：按公布年份统计。"
)


def test_a_table_of_years_by_type_pasted_with_spaces_reports_each_year():
    text = YEARS_BY_TYPES.format(caption="2022—2024年我市新增国家级绿色制造示范单位情况如下表：")
    found = {(f.designation_type, f.value, f.level, f.period_kind) for f in facts(text, 2025, "reported_count")}
    assert ("green_factory", 11, "national", "new_in_period") in found and (
        "green_park",
        0,
        "national",
        "new_in_period",
    ) in found
    assert ("green_design_product", 72, "national", "new_in_period") in found and len(found) == 12  # the total too
    assert facts(text, 2025, "policy_target") == []


def test_a_plan_table_of_years_by_type_gives_each_year_to_come_its_target():
    text = YEARS_BY_TYPES.format(caption="年度目标分解如下（省级以上）：")
    assert targets(text, 2024) == {
        ("green_factory", 14, 2024),
        ("green_park", 2, 2024),
        ("green_design_product", 31, 2024),
        ("green_factory", 34, 2024),
        ("green_park", 3, 2024),
        ("green_design_product", 72, 2024),
    }
    assert counts(text, 2024) == set()  # a past year's row in a plan is neither a goal now nor a report
    assert ("green_park", 0, 2025) not in targets(
        text.replace("2024    14", "2025    14").replace("    2    31", "    0    31"), 2025
    )


def test_spaced_lines_under_no_header_of_facts_stay_prose():
    text = "序号    企业名称    所在市\n1    甲乙精密机械有限公司    济宁市\n2    丙丁泵业有限公司    日照市"
    assert facts(text, 2024) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("一、复核通过,继续保留省级绿色工厂称号的企业(9家)", ("green_factory", 9, "designations")),
        ("四、撤销省级绿色工厂称号的(3家)", ("green_factory", 3, "removed")),
        ("全市获得国家级绿色工厂称号的企业达到15家。", ("green_factory", 15, "designations")),
    ],
)
def test_a_count_of_those_holding_a_title(text, expected):
    assert [(f.designation_type, f.value, f.indicator) for f in facts(text, 2024, "reported_count")] == [expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "省级绿色工厂有甲丙建材科技有限公司、乙丁食品有限公司、丙戊铝型材有限公司共3家。",
            {("green_factory", 3, "provincial")},
        ),
        ("入选的绿色供应链管理企业为甲乙有限公司、丙丁有限公司等2家。", {("green_supply_chain", 2, None)}),
        ("申报省级绿色工厂的有甲乙有限公司、丙丁有限公司共2家。", set()),  # applicants
    ],
)
def test_the_total_closing_a_list_of_names(text, expected):
    assert {(f.designation_type, f.value, f.level) for f in facts(text, 2024, "reported_count")} == expected


def test_a_plan_broken_down_line_by_line_gives_each_line_its_region():
    text = (
        "为完成全市2024年新增省级绿色工厂20家的目标,现将任务分解如下:\n——甲区:新增省级绿色工厂3家;\n"
        "——乙区:新增省级绿色工厂5家,力争国家级绿色工厂1家;\n——丙县:积极培育,争取实现突破。\n各地要按季度报送进展。\n"
        "去年,乙区新增省级绿色工厂4家。"
    )
    found = {(f.designation_type, f.value, f.target_year, f.region_name) for f in facts(text, 2024, "policy_target")}
    assert found == {
        ("green_factory", 20, 2024, None),
        ("green_factory", 3, 2024, "甲区"),
        ("green_factory", 5, 2024, "乙区"),
        ("green_factory", 1, 2024, "乙区"),
    }
    assert counts(text) == {("green_factory", 4)}  # after the items, a report again


def test_a_year_that_opens_a_line_of_a_plan_holds_for_the_whole_line():
    text = (
        "二、年度安排\n2024年:新增省级绿色工厂30家;单位工业增加值能耗下降3%。\n"
        "2025年:新增省级绿色工厂35家;单位工业增加值能耗下降2.5%。"
    )
    found = {(f.designation_type, f.value, f.target_year) for f in facts(text, 2024, "policy_target")}
    assert found == {("green_factory", 30, 2024), (None, 3, 2024), ("green_factory", 35, 2025), (None, 2.5, 2025)}


def test_the_parts_of_a_plan_that_name_no_year_take_the_plans():
    text = (
        "2024年全省工业绿色发展工作要点\n一、总体目标\n全省规模以上工业单位增加值能耗下降3%左右。\n二、重点工作\n"
        "(一)完善绿色制造体系。新培育省级绿色工厂150家以上。\n(二)推进节能降碳。到2025年,钢铁行业吨钢综合能耗下降2%。\n"
        "三、2023年工作回顾\n2023年,全省新增国家级绿色工厂28家。"
    )
    found = {(f.designation_type, f.value, f.target_year) for f in facts(text, 2024, "policy_target")}
    assert found == {(None, 3, 2024), ("green_factory", 150, 2024), (None, 2, 2025)}
    assert counts(text) == {("green_factory", 28)}


def test_subtotals_by_region_in_a_line_of_their_own_continue_the_count_before():
    text = (
        "安徽省经信厅公布2023年度省级绿色工厂名单,我市8家企业入选国家级绿色工厂。\n入选企业为:甲乙有限公司等。\n"
        "其中,甲城区2家、乙阳县1家,丙新区3家。"
    )
    found = {(f.value, f.region_name, f.level) for f in facts(text, 2024, "reported_count")}
    assert found == {
        (8, "我市", "national"),
        (2, "甲城区", "national"),
        (1, "乙阳县", "national"),
        (3, "丙新区", "national"),
    }
    assert counts("其中,甲城区2家、乙阳县1家。") == set()  # nothing counted before: no type to give


@pytest.mark.parametrize(
    "text,expected",
    [
        ("一、复核通过(7家),继续保留省级绿色工厂称号:", [("green_factory", 7, "provincial", "designations")]),
        ("二、复核未通过(2家),撤销其省级绿色工厂称号:", [("green_factory", 2, "provincial", "removed")]),
        ("三、绿色制造先进企业(4家,均于2023年获评国家级绿色工厂)", [("green_factory", 4, "national", "designations")]),
        ("二、拟推荐国家级绿色工厂(5家)", []),  # applicants
    ],
)
def test_a_short_lines_count_in_brackets_counts_the_type_it_names(text, expected):
    assert [
        (f.designation_type, f.value, f.level, f.indicator) for f in facts(text, 2024, "reported_count")
    ] == expected


def test_a_rate_held_at_a_level_is_a_target():
    assert [
        (f.value, f.target_year) for f in facts("到2026年,工业固体废物综合利用率稳定在85%以上。", 2024, "policy_target")
    ] == [(85, 2026)]


def test_a_subtotal_whose_level_comes_before_its_verb():
    assert counts("全市省级以上绿色工厂总数突破300家,其中国家级达到60家。") == {
        ("green_factory", 300),
        ("green_factory", 60),
    }
    assert {
        (f.value, f.level)
        for f in facts("全市省级以上绿色工厂总数突破300家,其中国家级达到60家。", 2024, "reported_count")
    } == {(300, None), (60, "national")}


def test_a_table_of_indicators_by_amount_reports_stocks_and_what_was_added():
    text = (
        "表3 2023年末绿色制造示范单位情况\n指标\t单位\t数量\t比上年增加\n国家级绿色工厂\t家\t15\t4\n"
        "国家级绿色工业园区\t个\t1\t0\n单位工业增加值能耗下降\t%\t5.2\t—"
    )
    found = {(f.designation_type, f.value, f.level, f.period_kind) for f in facts(text, 2024, "reported_count")}
    assert found == {
        ("green_factory", 15, "national", "cumulative"),
        ("green_factory", 4, "national", "new_in_period"),
        ("green_park", 1, "national", "cumulative"),
        ("green_park", 0, "national", "new_in_period"),
    }
    assert facts(text, 2024, "policy_target") == []  # an achieved percentage is no target


def test_a_header_spanning_columns_is_not_read_by_position():
    # 省级以上绿色工厂 spans the two year columns of the row below: the rows are wider than the header
    text = (
        "目标任务分解表\n县区\t省级以上绿色工厂（家）\t绿色工业园区（个）\n2024年\t2025年\t2025年\n"
        "甲区\t3\t6\t1\n乙县\t2\t5\t—"
    )
    assert ("green_park", 6, 2025) not in targets(text, 2024) and ("green_park", 5, 2025) not in targets(text, 2024)


def test_a_type_column_naming_its_year_gives_its_targets_that_year():
    text = "各县区目标任务分解表\n县区\t2024年新增绿色工厂（家）\t2025年新增绿色工厂（家）\n甲区\t3\t6\n乙县\t2\t5"
    found = {(f.value, f.target_year, f.region_name) for f in facts(text, 2024, "policy_target")}
    assert found == {(3, 2024, "甲区"), (6, 2025, "甲区"), (2, 2024, "乙县"), (5, 2025, "乙县")}


@pytest.mark.parametrize(
    "text",
    [
        "首页 > 政务公开 > 工作要点\n我市新增国家级绿色工厂5家,累计达到32家。",
        "市经信局召开绿色制造重点工作推进会\n会上通报,全市新增国家级绿色工厂8家,累计达到40家。",
        "绿色发展新思路 我市国家级绿色工厂达40家",
    ],
)
def test_a_breadcrumb_or_a_headline_opens_no_plan(text):
    assert targets(text, 2024) == set() and counts(text, 2024)


def test_sections_that_plan_and_sections_that_report():
    text = (
        "一、2023年工作回顾\n全年新增省级绿色工厂21家。\n二、2024年工作安排\n全年新创建省级以上绿色工厂20家以上。\n"
        "年内新认定市级绿色工厂30家。"
    )
    assert counts(text, 2024) == {("green_factory", 21)}
    assert targets(text, 2024) == {("green_factory", 20, 2024), ("green_factory", 30, 2024)}


def test_a_baseline_inside_a_plan_keeps_the_plan():
    text = "到2026年，全市省级以上绿色工厂数量在2023年底42家的基础上实现翻一番，达到85家，其中国家级绿色工厂25家。"
    assert targets(text) == {("green_factory", 85, 2026), ("green_factory", 25, 2026)}


def test_enterprises_counted_for_an_activity_are_not_designations():
    assert facts("组织100家企业开展绿色工厂对标诊断。各设区市每年组织不少于100家企业开展绿色工厂自评价。") == []
    assert targets("到2025年，引导200家以上企业开展绿色工厂创建。") == {("green_factory", 200, 2025)}


def test_design_products_counted_by_owners_then_products():
    assert counts("吉林省入选情况:绿色工厂6家、绿色设计产品2家企业4个型号。") == {
        ("green_factory", 6),
        ("green_design_product", 4),
    }


def test_values_respectively_after_the_counts_they_continue():
    found = {
        (f.designation_type, f.value, f.level, f.period_kind)
        for f in facts("新增国家级绿色工厂6家、省级绿色工厂21家,累计分别达到31家和96家。", kind="reported_count")
    }
    assert found == {
        ("green_factory", 6, "national", "new_in_period"),
        ("green_factory", 21, "provincial", "new_in_period"),
        ("green_factory", 31, "national", "cumulative"),
        ("green_factory", 96, "provincial", "cumulative"),
    }
    assert counts("国家级、省级绿色工厂分别有12家和45家。") == {("green_factory", 12), ("green_factory", 45)}


def test_regions_enumerated_before_a_term_take_one_value_each():
    found = {
        (f.region_name, f.value, f.level)
        for f in facts(
            "分县市区看,温岭市、玉环市、黄岩区国家级绿色工厂数量分别达到18家、15家和14家,位列全市前三。",
            kind="reported_count",
        )
    }
    assert found == {("温岭市", 18, "national"), ("玉环市", 15, "national"), ("黄岩区", 14, "national")}


@pytest.mark.parametrize(
    "text",
    [
        "新增国家级绿色工厂6家、省级绿色工厂21家,专精特新“小巨人”企业和单项冠军企业分别达到31家和9家。",
        "全市新增省级绿色工厂7家,其中分别有2家和5家为首次申报。",
    ],
)
def test_values_of_something_else_after_respectively_are_not_paired(text):
    assert {f.value for f in facts(text, kind="reported_count")} <= {6, 21, 7}


def test_a_plan_begins_again_after_what_is_past():
    assert targets("近年来,我市已创建省级绿色工厂30家,下一步,每年新增省级绿色工厂10家以上。") == {
        ("green_factory", 10, 2024)
    }


def test_a_long_enumeration_before_respectively_stays_linear():
    text = (
        "、".join(f"甲{i}区" for i in range(3000)) + "绿色工厂分别达到" + "、".join("1家" for _ in range(3000)) + "。"
    )
    facts(text)  # (the pattern is tried near each 分别 only: a quadratic search took seconds here)


def test_an_infographics_cards_under_its_deadline():
    text = "🎯 主要目标\n到2026年\n省级以上绿色工厂\n累计达到180家\n绿色供应链管理企业\n15家\n规上工业单位增加值能耗\n较2023年下降9%"
    found = {(f.designation_type, f.value, f.target_year) for f in facts(text, 2024, "policy_target")}
    assert found == {("green_factory", 180, 2026), ("green_supply_chain", 15, 2026), (None, 9, 2026)}


def test_an_e_paper_column_broken_at_its_width():
    paragraph = (
        "2024年,区经信局坚持把绿色低碳作为制造业高质量发展的鲜明导向,全年新增国家级绿色工厂5家、省级绿色低碳工厂14家,"
        "新增国家级绿色供应链管理企业2家,萧山经济技术开发区通过园区复核。"
    )
    text = "\n".join(paragraph[i : i + 20] for i in range(0, len(paragraph), 20))  # a column 20 characters wide
    assert {("green_factory", 5), ("green_supply_chain", 2)} <= counts(text)


def test_a_breakdown_whose_header_wraps_over_lines():
    text = (
        "各市(区)绿色工厂创建目标任务分解表\n单位:家\n地区\t2023年\t2024年\t2025年\n新增\t新增\t新增\t新增\n"
        "绿色工厂\t绿色工厂\t绿色工厂\t绿色工厂\n甲乙市\t6\t7\t8\n丙丁区\t3\t3\t4"
    )
    found = {(f.region_name, f.target_year, f.value) for f in facts(text, 2023, "policy_target")}
    assert ("甲乙市", 2025, 8) in found and ("丙丁区", 2023, 3) in found and len(found) == 6


def test_targets_per_region_under_respectively_and_a_plan_a_document_states():
    found = {
        (f.region_name, f.value, f.target_year, f.level)
        for f in facts(
            "在区域布局上,《方案》提出,到2027年,南昌市、赣州市、九江市省级以上绿色工厂分别达到260家、230家、180家。",
            2025,
            "policy_target",
        )
    }
    assert found == {("南昌市", 260, 2027, None), ("赣州市", 230, 2027, None), ("九江市", 180, 2027, None)}
    assert targets(
        "《方案》明确了六项重点任务:一是构建梯度培育体系,2025年新增省级绿色工厂150家以上;二是推进节能降碳。", 2025
    ) == {("green_factory", 150, 2025)}


def test_infographic_cards_whose_value_has_a_note():
    text = (
        "2024,象山绿色制造交出亮眼成绩单\n🔹全年新增国家级绿色工厂\n2家\n🔹新增宁波市星级绿色工厂\n"
        "23家(其中五星级3家、四星级8家、三星级12家)\n🔹新增国家级绿色设计产品\n6项"
    )
    assert {("green_factory", 2), ("green_factory", 23), ("green_design_product", 6)} <= counts(text)


def test_table_rows_a_pdf_broke_are_read_whole():
    # a row's last cell on a line of its own; a district's name broken before the rest of its row
    text = (
        "附件 各区绿色工厂创建目标任务分解表\n单位：家\n地区\t2024年\t2025年\t2025年\n新增\t新增\t累计\n"
        "甲市\t6\t7\t52\n乙区\t3\t4\n25\n丙丁高新\n区\t3\t4\t21\n注：新增数含国家级绿色工厂。"
    )
    found = {(f.value, f.target_year, f.region_name) for f in facts(text, year=2023, kind="policy_target")}
    assert {(25, 2025, "乙区"), (4, 2025, "乙区"), (21, 2025, "丙丁高新区"), (3, 2024, "丙丁高新区")} <= found
    assert "区" not in {region for _, _, region in found}  # the broken name is not a district


# A subject counted in one clause, its listing verb opening the next: one statement.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "全市共有45家企业申报市级绿色工厂,经专家评审,32家企业通过评审,被认定为2023年度市级绿色工厂。",
            {("green_factory", 32)},
        ),  # (the 45 applied)
        ("共有32家企业通过专家评审,获评市级绿色工厂。", {("green_factory", 32)}),
        ("全市有12家企业参与创建,均被认定为省级绿色工厂。", {("green_factory", 12)}),
        ("5家企业开展绿色工厂自评价,并入选市级培育库。", set()),  # not designated
    ],
)
def test_a_count_whose_listing_verb_opens_the_next_clause(text, expected):
    assert counts(text, 2023) == expected


# A plan clause's year: the one it names (力争2024年), this year (全年, a sentence opened with 今年),
# before the year of a plan that the paragraph carried; a later clause naming its own year ends it.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "到2025年,绿色园区达到10个。力争2024年新增国家级绿色工厂8家。",
            {("green_park", 10, 2025), ("green_factory", 8, 2024)},
        ),
        (
            "力争全年新增国家级绿色工厂3家。到2025年,绿色园区达到10个。",
            {("green_factory", 3, 2024), ("green_park", 10, 2025)},
        ),
        (
            "到2030年,绿色园区达到20个。今年,我们将力争新增国家级绿色工业园区3个。",
            {("green_park", 20, 2030), ("green_park", 3, 2024)},
        ),
        (
            "今年,力争新增绿色工厂5家;到2026年,绿色工厂达到50家。",
            {("green_factory", 5, 2024), ("green_factory", 50, 2026)},
        ),
    ],
)
def test_the_year_a_plan_clause_is_for(text, expected):
    assert targets(text, 2024) == expected


# A hostile reviewer's cases: each rule of this round, where it must not fire.
@pytest.mark.parametrize(
    "text,year",
    [
        (
            "一、2024年工作总结\n(一)超额完成年度目标\n全年新增国家级绿色工厂12家,累计达到50家。\n单位工业增加值能耗下降4%。",
            2025,
        ),
        ("1.围绕目标抓落实\n全年新增国家级绿色工厂12家。", 2025),
        ("全市绿色制造工作目标完成情况如下:\n甲区:新增省级绿色工厂3家;\n乙区:新增省级绿色工厂5家。", 2024),
    ],
)
def test_a_report_of_goals_met_plans_nothing(text, year):
    assert facts(text, year, "policy_target") == [] and counts(text, year)


@pytest.mark.parametrize(
    "text",
    [
        "我市新增省级绿色工厂8家。\n全市新开工项目120个。\n其中,甲区20个、乙县15个。",  # another count between
        "我市新增省级绿色工厂8家,绿色园区2个。\n其中,甲区2家、乙县1家。",  # which type's?
        "我市新增省级绿色工厂8家。\n其中,工业园区2家、城区1家。",  # no place's name
        "我市新增省级绿色工厂8家。\n本次培训共有企业代表60人参加,内容丰富。\n活动持续两天。\n其中,甲区20家、乙县15家。",  # far
    ],
)
def test_subtotals_that_break_down_no_count_just_before_are_not_read(text):
    assert {f.region_name for f in facts(text, 2024, "reported_count")} <= {"我市"}


@pytest.mark.parametrize(
    "text",
    [
        "一、省级智能工厂(7家),其中已获评绿色工厂的:",
        "二、省级绿色工厂复核名单(12家)",
        "二、复核未通过(2家),限期整改,暂缓撤销省级绿色工厂称号:",
        "拟推荐的省级绿色工厂有甲乙有限公司、丙丁有限公司共2家。",
    ],
)
def test_counts_of_other_programmes_reviews_and_applicants_are_not_read(text):
    assert facts(text, 2024, "reported_count") == []


def test_rows_of_applicants_candidates_and_evaluators_in_an_amount_table_count_no_designations():
    text = (
        "指标\t单位\t数量\t比上年增加\n申报绿色工厂企业\t家\t35\t6\n绿色工厂培育库企业\t家\t50\t10\n"
        "绿色工厂第三方评价机构\t家\t8\t2\n国家级绿色工厂\t家\t15\t4"
    )
    assert {f.value for f in facts(text, 2024, "reported_count")} == {15, 4}


def test_rows_of_a_years_table_report_what_each_year_added():
    text = "年份    绿色工厂(家)    绿色园区(个)\n2021    5    1\n2022    7    0\n合计    12    1"
    assert {f.period_kind for f in facts(text, 2024, "reported_count")} == {"new_in_period"}


# --- issue 17, round 4 ------------------------------------------------------------------------


def test_a_single_spaced_indicator_table_with_a_done_column_and_target_columns():
    text = (
        "序号 指标名称 单位 2023年完成值 2024年目标值 2025年目标值 指标属性\n"
        "1 新增国家级绿色工厂 家 3 ≥4 ≥5 约束性\n2 单位工业增加值能耗下降率 % 4.2 ≥3.5 ≥3.5 约束性"
    )
    assert {c for c in counts(text) if c[0]} == {("green_factory", 3)}  # (4.2%: the indicator's own value)
    assert targets(text) == {
        ("green_factory", 4, 2024),
        ("green_factory", 5, 2025),
        (None, 3.5, 2024),
        (None, 3.5, 2025),
    }


def test_a_plan_tables_past_year_beside_a_year_to_come_is_the_base_as_it_stood():
    text = "附表:主要指标\n序号 指标 2020年 2025年 属性\n1 省级以上绿色工厂(家) 36 80 预期性"
    assert counts(text, 2021) == {("green_factory", 36)} and targets(text, 2021) == {("green_factory", 80, 2025)}


def test_a_years_row_marked_done_reports_and_the_type_columns_keep_their_own_levels():
    text = (
        "分年度目标如下:\n年度        新增国家级绿色工厂   新增绿色供应链管理企业\n2024年(实绩)      6       1\n"
        "2025年            8       2"
    )
    found = {(f.record_type, f.designation_type, f.value, f.level) for f in facts(text, 2025)}
    assert ("reported_count", "green_factory", 6, "national") in found
    assert ("reported_count", "green_supply_chain", 1, None) in found
    assert ("policy_target", "green_supply_chain", 2, None) in found


@pytest.mark.parametrize(
    "plan",
    [
        "《甲市绿色工厂培育三年计划(2025—2027年)》,明确三年内新增绿色工厂百家以上。",
        "《甲市绿色工厂培育三年计划(2025—2027年)》提出,三年内新增绿色工厂百家以上。",
    ],
)
def test_三年内_in_a_plan_is_its_span_not_this_year(plan):
    assert targets("日前,市工信局印发" + plan, 2025) == {("green_factory", 100, 2027)}


@pytest.mark.parametrize("deadline,year", [("2025年底前", 2025), ("“十四五”期末", 2025), ("2024年前", 2024)])
def test_a_task_tables_deadline_column_dates_its_rows_plans(deadline, year):
    text = f"重点任务责任分解表\n序号|重点任务|牵头单位|完成时限\n1|创建国家级绿色工厂不少于6家|市工信局|{deadline}"
    assert targets(text, 2023) == {("green_factory", 6, year)}


def test_a_pipe_table_of_indicators_and_a_goal_column():
    text = "2025年度目标责任考核表\n|序号|考核指标|目标值|责任单位|\n|1|新增国家级绿色工厂|3家以上|市工信局|\n|2|创建绿色工业园区|1个|各区|"
    assert targets(text, 2025) == {("green_factory", 3, 2025), ("green_park", 1, 2025)}


@pytest.mark.parametrize("adverb", ["争取", "确保", "计划"])
def test_an_adverb_between_a_term_and_its_number(adverb):
    assert targets(f"到2026年,全市累计培育省级绿色工厂260家,国家级绿色工厂{adverb}达到60家。", 2024) == {
        ("green_factory", 260, 2026),
        ("green_factory", 60, 2026),
    }


def test_years_named_before_每年_each_get_the_target():
    text = "到2026年,力争新增国家级绿色工厂10家。\n其中,2024年新增绿色工厂12家,2025年、2026年每年新增14家左右。"
    assert {("green_factory", 10, 2026), ("green_factory", 14, 2025), ("green_factory", 14, 2026)} <= targets(
        text, 2024
    )
    assert ("green_factory", 14, 2024) not in targets(text, 2024)


def test_a_region_table_of_板块_by_years_under_a_caption_naming_the_type():
    text = (
        "各板块2024—2026年新增省级以上绿色工厂目标(单位:家)\n板块        2024年   2025年\n"
        "东山街道     3        3\n江宁开发区   4        5"
    )
    found = {(f.value, f.target_year, f.region_name) for f in facts(text, 2024, "policy_target")}
    assert found == {(3, 2024, "东山街道"), (3, 2025, "东山街道"), (4, 2024, "江宁开发区"), (5, 2025, "江宁开发区")}


def test_places_and_values_with_no_header_under_a_caption_that_names_the_type():
    text = "二、分市目标(2025年新培育省级以上绿色工厂)\n西安市\t25家\n宝鸡市\t12家"
    found = {(f.designation_type, f.value, f.target_year, f.region_name) for f in facts(text, 2025, "policy_target")}
    assert found == {("green_factory", 25, 2025, "西安市"), ("green_factory", 12, 2025, "宝鸡市")}


def test_a_其中_line_after_a_count_puts_no_internal_tag_in_a_region():
    text = "全区累计创建绿色工厂21家。\n其中,2024年新增省级以上绿色工厂12家,2025年力争新增14家。"
    assert all(not (f.region_name or "").startswith("\0") for f in facts(text, 2024))


def test_每年_under_a_plan_named_with_its_span_takes_the_plans_end_year():
    text = "会议要求,按照《甲市制造业绿色低碳发展行动方案(2024—2026年)》,每年新增省级以上绿色工厂20家以上。"
    assert targets(text, 2024) == {("green_factory", 20, 2026)}


def test_a_years_table_column_of_the_level_part_of_the_type_before_it():
    text = (
        "年度目标分解如下:\n年度\t新增省级以上绿色工厂(家)\t其中国家级(家)\t新增绿色园区(个)\n"
        "2024年\t12\t2\t1\n2025年\t14\t3\t0"
    )
    found = {(f.designation_type, f.value, f.target_year, f.level) for f in facts(text, 2024, "policy_target")}
    assert found == {
        ("green_factory", 12, 2024, None),
        ("green_factory", 2, 2024, "national"),
        ("green_park", 1, 2024, None),
        ("green_factory", 14, 2025, None),
        ("green_factory", 3, 2025, "national"),
    }


def test_a_performance_table_of_goal_values_and_last_years_actuals():
    text = (
        "一级指标\t二级指标\t三级指标\t指标值\t2023年实际完成值\n"
        "产出指标\t数量指标\t新增市级及以上绿色工厂数量\t≥8家\t11家\n"
        "效益指标\t生态效益指标\t规上工业单位增加值能耗降低率\t≥3%\t4.2%"
    )
    assert targets(text, 2024) == {("green_factory", 8, 2024), (None, 3, 2024)}
    assert counts(text, 2024) == {("green_factory", 11), (None, 4.2)}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "2026年,乙省将强化绿色低碳发展,加快传统产业提质升级,新培育绿色工厂150个、绿色工业园区8个。",
            {("green_factory", 150, 2026), ("green_park", 8, 2026)},
        ),
        ("今年,全市将继续深化绿色制造体系建设,新增省级绿色工厂12家。", {("green_factory", 12, 2026)}),
        ("2026年,丙市将加大工作力度,打造绿色供应链管理企业3家。", {("green_supply_chain", 3, 2026)}),
    ],
)
def test_将_before_a_verb_of_effort_opens_a_plan_that_carries_through_the_sentence(text, expected):
    assert targets(text, 2026) == expected
    assert counts(text, 2026) == set()


def test_将_as_the_object_marker_of_a_list_is_no_plan():
    assert targets("现将全市新增的绿色工厂12家予以公布。", 2026) == set()


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "2022、2023年,全省规上工业单位增加值能耗分别下降5.1%、6.3%,两年完成“十四五”下降15%目标的71.3%。",
            {(None, 15, 2025)},
        ),
        ("全市能耗强度已完成“十四五”下降13.5%目标任务的八成。", {(None, 13.5, 2025)}),
    ],
)
def test_a_five_year_plans_goal_named_in_a_progress_sentence_is_dated_by_the_plans_end(text, expected):
    assert targets(text, 2024) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("前三季度,全省单位地区生产总值能耗同比下降4.12%,超过3.5%的年度约束性目标要求。", {(None, 3.5, 2024)}),
        ("上半年,规上工业单位增加值能耗下降6%,好于4%的年度目标。", {(None, 4, 2024)}),
    ],
)
def test_a_goal_named_after_what_was_done_is_the_target_and_the_done_value_is_not(text, expected):
    assert targets(text, 2024) == expected


def test_a_headline_of_a_goal_met_reports_what_was_done():
    assert targets("丁省前三季超额完成节能目标 单位生产总值能耗下降4.12%", 2024) == set()


def test_a_share_that_reaches_a_percentage_with_达_is_a_percent_target():
    found = {
        (f.indicator, f.value, f.target_year) for f in facts("到2027年,全县制造业占工业增加值比重达62%以上。", 2024)
    }
    assert found == {("制造业占工业增加值比重达", 62, 2027)}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "2021年,省工信厅印发的《戊省工业和信息化2021年工作要点》中提出:“力争节能环保产业产值增长12%以上”。",
            {(None, 12, 2021)},
        ),
        ("《己市“十四五”制造业绿色发展规划》提出,推动建设绿色工厂80家。", {("green_factory", 80, 2025)}),
    ],
)
def test_what_a_dated_plan_document_says_takes_the_year_of_its_title(text, expected):
    assert targets(text, 2022) == expected


def test_a_basis_document_named_before_a_list_does_not_make_the_list_a_plan():
    text = "根据《庚省绿色制造体系建设实施方案》要求,拟确定10家企业为省级绿色工厂,现予以公示。"
    assert targets(text, 2023) == set()
    assert counts(text, 2023) == {("green_factory", 10)}


def test_terms_in_quotation_marks_still_take_their_numbers():
    text = "截至目前,我市已有国家级“绿色工厂”31家、“绿色设计产品”27个,省级“绿色工厂”88家。"
    assert counts(text) == {("green_factory", 31), ("green_design_product", 27), ("green_factory", 88)}


def test_a_headline_run_on_without_separators_gives_each_number_to_the_term_after_it():
    assert counts("甲省新增210家国家级绿色工厂12家绿色工业园区") == {("green_factory", 210), ("green_park", 12)}


@pytest.mark.parametrize(
    "text", ["全省新增国家级绿色工厂和绿色供应链管理企业37家。", "今年新增省级绿色工厂、绿色园区共计15家。"]
)
def test_one_number_after_two_terms_is_a_mixed_total_and_no_count(text):
    assert counts(text) == set()


def test_counts_only_put_forward_are_no_designations():
    text = "经专家评审,拟推荐参评国家级绿色工厂25家、绿色工业园区2家、绿色设计产品14个。"
    assert counts(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "全省累计推广绿色设计产品近2万个。",
        "累计创建绿色工厂约120家。",
        "全国绿色工厂将近1000家。",
    ],
)
def test_a_report_of_about_so_many_is_no_count(text):
    """近 / 约: about so many, maybe fewer: no count to sum."""
    assert counts(text) == set()


@pytest.mark.parametrize(
    "text,expected,written",
    [
        ("此次共有600余家企业入选绿色工厂。", ("green_factory", 600), "600余"),
        ("全市已累计创建国家级和省级绿色工厂300多家。", ("green_factory", 300), "300多"),
        ("省市层面绿色工厂1.6万余家。", ("green_factory", 16000), "1.6万余"),
    ],
)
def test_a_report_of_more_than_so_many_counts_at_least_that_many(text, expected, written):
    """余 / 多: more than so many (the labelled field pages count 800余家 as 800); value_text keeps the 余."""
    [fact] = facts(text, kind="reported_count")
    assert (fact.designation_type, fact.value) == expected and fact.value_text == written


def test_about_so_many_in_a_plan_is_still_its_target():
    assert targets("到2025年,培育绿色设计产品20余个。") == {("green_design_product", 20, 2025)}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("截至目前,已有6家企业先后获工信部“绿色工厂”称号。", {("green_factory", 6)}),
        ("甲乙、丙丁等四户企业被评选为“国家级绿色工厂”。", {("green_factory", 4)}),
        ("经评审,最终评定2024年度甲市绿色园区仅3家。", {("green_park", 3)}),
    ],
)
def test_counts_received_as_a_title_chosen_or_only_so_many(text, expected):
    assert counts(text) == expected


def test_companies_counted_in_a_sentence_about_a_park_are_not_parks():
    text = "作为国家级绿色园区,甲乙高新区成效明显,6家获评企业占据一半,甲乙空调设备有限公司就是其中一家。"
    assert counts(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "《意见》明确,到2020年,甲省绿色制造水平明显提升。与2015年相比,单位工业增加值能耗下降18%。打造和培育300家绿色示范工厂、30家绿色示范园区。",
        "《意见》提出,到2020年,甲省较之2015年规上企业单位工业增加值能耗降18%;打造和培育300家绿色示范工厂、30家绿色示范园区。",
    ],
)
def test_a_baseline_year_inside_a_plan_does_not_end_it(text):
    assert targets(text, 2017) == {(None, 18, 2020), ("green_factory", 300, 2020), ("green_park", 30, 2020)}
    assert counts(text, 2017) == set()


def test_paragraphs_run_into_one_line_end_a_plan_at_their_break():
    text = (
        "按照零碳园区建设目标,到2030年,园区节能量将达到9万吨标准煤。 在甲高新区,这样的企业有十几家,"
        "其中6家为国家级绿色工厂。"
    )
    assert counts(text, 2026) == {("green_factory", 6)}
    assert targets(text, 2026) == set()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("根据公示,在“绿色工厂”名单中,甲市共计26家工业企业上榜。", {("green_factory", 26)}),
        (
            "截至目前,全区共有6家企业获得国家级绿色工厂称号,其中今年就有5家企业获此殊荣。",
            {("green_factory", 6), ("green_factory", 5)},
        ),
    ],
)
def test_industrial_firms_counted_on_a_typed_list_and_a_subtotal_said_to_have_so_many(text, expected):
    assert counts(text) == expected


def test_a_five_year_plan_named_as_a_period_before_its_plan_verb():
    text = "《方案》提出,“十四五”全市工业领域计划累计建成25个绿色园区和200家绿色工厂。"
    assert targets(text, 2022) == {("green_park", 25, 2025), ("green_factory", 200, 2025)}


def test_a_goal_that_is_its_indicators_own_value_is_read_once():
    text = "今年1—10月,全省能耗累计下降7.2%,预计可提前完成“十四五”单位工业增加值能耗下降13.5%的目标任务。"
    assert targets(text, 2023) == {(None, 13.5, 2025)}


@pytest.mark.parametrize(
    "text",
    [
        "据统计,2019年至2023年,甲乙公司等41户企业入选国家级绿色工厂名单。",
        "2019—2023年,全市先后有41家企业获评国家级绿色工厂。",
        "2020年至2023年间,全省41家企业被评为国家级绿色工厂。",
    ],
)
def test_a_period_over_by_the_pages_year_reports_what_it_brought(text):
    assert targets(text, year=2023) == set() and counts(text, year=2023) == {("green_factory", 41)}


@pytest.mark.parametrize(
    "text,year",
    [
        ("2023年至2025年,全市创建国家级绿色工厂41家。", 2023),  # a plan for the years from the page's
        ("2022—2025年,全市新增国家级绿色工厂41家。", 2023),  # still running
        ("2019年至2023年,全市力争创建国家级绿色工厂41家。", 2023),  # a plan's word
    ],
)
def test_a_period_still_to_come_plans(text, year):
    assert ("green_factory", 41, 2025 if "2025" in text else 2023) in targets(text, year=year)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("今年全国共有60家高新区获评国家级绿色园区,全省仅3家。", {("green_park", 60), ("green_park", 3)}),
        ("全国新增国家级绿色工厂900家,其中我省47家。", {("green_factory", 900), ("green_factory", 47)}),
        ("全省累计创建省级绿色工厂300家,某某市占41家。", {("green_factory", 300), ("green_factory", 41)}),
    ],
)
def test_a_clause_that_counts_with_no_term_is_a_part_of_the_count_before(text, expected):
    assert counts(text) == expected


def test_a_count_with_no_term_after_a_target_or_another_unit_is_nothing():
    assert counts("到2025年创建绿色工厂60家,全省仅3家。") == set()
    assert counts("全省绿色设计产品60种,全省仅3家。") == {("green_design_product", 60)}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "我市24家工厂、3家工业园区、9家供应链管理企业分别被评为国家级绿色工厂、绿色工业园区和绿色供应链管理企业。",
            {("green_factory", 24), ("green_park", 3), ("green_supply_chain", 9)},
        ),
        (
            "全区5家企业和2个园区分别入选省级绿色工厂和绿色工业园区。",
            {("green_factory", 5), ("green_park", 2)},
        ),
    ],
)
def test_values_with_their_nouns_then_the_terms_they_are_pair_in_order(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "据介绍,全省在“十三五”时期共创建省级以上绿色工厂41家。",
        "“十三五”期间,全市累计培育国家级绿色工厂41家。",
    ],
)
def test_a_five_year_plans_period_over_by_the_pages_year_reports(text):
    assert targets(text, year=2020) == set() and counts(text, year=2020) == {("green_factory", 41)}
    assert targets(text, year=2018) == {("green_factory", 41, 2020)}  # (while it runs: a plan)


def test_入列_lists_as_入选_does():
    assert counts("名单显示,我市8家企业入列国家级绿色工厂。") == {("green_factory", 8)}


def percent_targets(text, year=2025):
    return {(f.value, f.target_year) for f in facts(text, year, "policy_target") if f.unit == "%"}


def test_a_paragraph_wrapped_inside_a_sentence_is_one_paragraph():
    text = (
        "到2027年,全周期全流程绿色制造体系初步构建成型,制造业绿色低碳发展水平迈入全国前列,能耗和\n"
        "碳排放强度进一步降低,绿色电力消费占比达85%以上。到2030年,绿色制造体系基本构建成型。"
    )
    assert percent_targets(text) == {(85, 2027)}


# a plan copied from a PDF: every line cut at the page's width, whatever the sentence
PRINTED = """某某市工业领域碳达峰实施方案
坚持稳中求进,统筹发展与减排,推进产业结构优化。到 2025年,规模以上工业
单位增加值能耗较2020 年下降 13.5%,工业固体废物综合利用率达到 80%,
绿色工厂、绿色园区建设取得明显进展,重点行业能效水平明显提升,可再
生能源消费比重达到 12%以上,为如期实现碳达峰目标打下坚实的基础。
“十五五”期间,产业结构和用能结构优化取得重大进展,重点行业能源利
用效率达到国内先进水平,绿色低碳技术取得重大突破,产业链和供应链
绿色化水平明显提升。
"""


def percent_indicators(text, year=2022):
    return {(f.value, f.target_year, f.indicator) for f in facts(text, year, "policy_target") if f.unit == "%"}


def test_a_text_printed_at_one_width_is_read_by_its_sentences():
    assert percent_indicators(PRINTED) == {
        (13.5, 2025, "规模以上工业单位增加值能耗下降"),
        (80, 2025, "工业固体废物综合利用率达到"),
        (12, 2025, "可再生能源消费比重达到"),
    }


@pytest.mark.parametrize(
    "text",
    [
        PRINTED.replace("明显提升,可再\n", "明显提升\n可再"),  # (a line short of the print: a paragraph's end)
        PRINTED.replace(",", "  "),  # (cells of a table's rows)
    ],
)
def test_lines_short_of_the_print_and_table_rows_are_not_joined(text):
    assert (12, 2025, "可再生能源消费比重达到") not in percent_indicators(text)


def test_a_share_and_its_value_with_no_verb_in_a_plan():
    text = "到2027年,全县制造业增加值占地区生产总值比重30%左右,工业用水重复利用率92%、秸秆综合利用率为88.5%。"
    assert percent_indicators(text) == {
        (30, 2027, "制造业增加值占地区生产总值比重"),
        (92, 2027, "工业用水重复利用率"),
        (88.5, 2027, "秸秆综合利用率"),
    }
    assert percent_indicators("2023年,全县工业用水重复利用率92%,比上年提高1个百分点。", year=2024) == set()


def test_a_short_line_or_a_paragraph_opener_after_a_long_line_starts_a_paragraph():
    text = (
        "全市已累计创建省级以上绿色工厂47家,其中国家级绿色工厂12家,企业绿色发展水平不断提高和\n"
        "其中,谯城区2家、涡阳县1家。"
    )
    assert ("green_factory", 47) in counts(text)
    wrapped = "到2027年,全市规模以上工业单位增加值能耗下降\n到2030年,单位工业增加值能耗下降10%。"
    assert percent_targets(wrapped) == {(10, 2030)}  # (a line under the length of a wrapped one)


def test_at_least_so_many_in_the_pages_year_is_a_goal():
    text = "2025年全市培育市级绿色工厂80家以上,建成国家级绿色工厂50家。"
    assert ("green_factory", 80, 2025) in targets(text, year=2025)
    assert targets("2024年全市新增市级绿色工厂80家以上。", year=2025) == set()  # (a year past)
    assert targets("2025年以来,全市已培育市级绿色工厂80家以上。", year=2025) == set()  # (what is past)


def test_places_then_their_values_count_the_type_named_before():
    text = "获评的国家级绿色工厂主要分布在12个地市,其中甲市、乙市数量最多,分别为17和14家。"
    text = text.replace("甲市", "石家庄").replace("乙市", "唐山")
    found = {(f.designation_type, f.value, f.region_name) for f in facts(text, kind="reported_count")}
    assert found == {("green_factory", 17, "石家庄"), ("green_factory", 14, "唐山")}
    assert counts("国家级绿色工厂主要涉及钢铁、建材等行业,其中钢铁、建材分别为17和14家。") == set()  # (no places)


def test_a_batch_in_brackets_between_a_count_and_its_term():
    text = "省工信厅印发通知,确定301家企业为2022年(第三批)江苏省绿色工厂,其中包括三家船厂。"
    assert ("green_factory", 301) in counts(text)


def test_an_adverb_between_a_count_and_its_verb():
    assert counts("省工信厅公布了江苏省绿色工厂名单,我市19家企业成功入选。") == {("green_factory", 19)}
    assert counts("工信部公布2023年度绿色工厂名单,全区7家企业全部顺利入选。") == {("green_factory", 7)}


def test_a_count_with_no_term_takes_the_one_type_named_up_to_its_clause():
    text = "2019年甲省仅在绿色工厂方面有3家企业入围,2020年亦仅有5家企业入选,其绿色供应链建设仍然滞后。"
    assert counts(text) == {("green_factory", 3), ("green_factory", 5)}  # (the supply chain is after both)
    assert counts("绿色供应链和绿色工厂名单公布,我市9家企业入选。") == set()  # (two types before)
    assert counts("9家企业榜上有名,均为绿色工厂。") == {("green_factory", 9)}  # (the type after: the sentence's one)


def test_a_line_counting_firms_designated_takes_the_type_of_the_headline_above_it():
    text = "省工信厅近日公布了\n甲省绿色工厂名单(第二批)\n全县7家企业顺利入选\n数量居全市首位"
    assert counts(text) == {("green_factory", 7)}
    assert counts("甲省绿色工厂和绿色园区名单\n全县7家企业顺利入选") == set()  # (two types)
    assert counts("全省新增绿色工厂12家。\n全县7家企业顺利入选") == {("green_factory", 12)}  # (a sentence, counted)


def test_a_count_typed_by_a_list_of_firms_not_yet_designated_is_none():
    assert counts("市级绿色工厂培育库名单公布,我市19家企业入选。") == set()
    assert counts("拟推荐绿色工厂名单公示\n我市19家企业入选") == set()
    assert counts("绿色工厂申报名单\n我市19家企业入选") == set()


def test_a_plan_issued_in_one_sentence_carries_its_end_year_to_the_next():
    """…日前印发《…行动计划(2023-2025年)》。其中提出,…创建…: targets for the plan's end year."""
    text = (
        "市政府日前印发《某市制造业高质量发展三年行动计划(2023-2025年)》。其中提出,健全绿色制造体系。"
        "创建20家绿色工厂,打造3个绿色工业园区。"
    )
    assert targets(text, 2023) == {("green_factory", 20, 2025), ("green_park", 3, 2025)}
    assert counts(text, 2023) == set()


def test_words_that_describe_what_is_counted_keep_the_count_with_its_term():
    """形成10条具有代表性的绿色供应链: the 10 counts supply chains (not 10家企业的…, a count of firms)."""
    assert targets("到2025年,形成10条具有代表性的绿色供应链。") == {("green_supply_chain", 10, 2025)}


def test_an_implementation_guide_sets_targets_and_wan_alone_is_ten_thousand():
    """《绿色制造工程实施指南(2016—2020年)》,提出开发万种绿色产品、建设千家绿色工厂: the guide's goals for 2020."""
    text = "随后印发的《绿色制造工程实施指南(2016—2020年)》,提出开发万种绿色产品、建设千家绿色工厂、打造百家绿色园区等任务。"
    assert targets(text, 2022) == {
        ("green_design_product", 10000, 2020),
        ("green_factory", 1000, 2020),
        ("green_park", 100, 2020),
    }


def test_an_evaluation_guide_is_no_plan():
    """按照《…评价指南》…共评选出绿色工厂55家: a list chosen by a guide's criteria, a report."""
    text = (
        "按照《2022年某省绿色制造体系建设评价指南》由省工业和信息化厅组织开展评选,共评选出绿色工厂55家、绿色园区8家。"
    )
    assert counts(text, 2022) == {("green_factory", 55), ("green_park", 8)}
    assert targets(text, 2022) == set()


@pytest.mark.parametrize(
    "text",
    [
        "一是强化政策引领。出台《2023年工业绿色发展工作要点》,全年新增省级绿色工厂15家、绿色园区2个。",
        "2021年,我市出台《工业绿色发展三年行动计划(2021-2023年)》。三年来,全市新增国家级绿色工厂35家。",
        "《工业绿色发展规划》提出的目标已经超额完成,全国累计创建绿色工厂2121家。",
    ],
)
def test_a_plan_named_beside_what_was_done_sets_no_target(text):
    """Issued or named, a plan whose sentence reports results: reports, not targets."""
    assert targets(text, 2024) == set() and counts(text, 2024)


@pytest.mark.parametrize(
    "text",
    [
        "全市6个县区的绿色工厂已达86家。",  # (6 is places)
        "推动30个重点行业的绿色工厂创建工作。",  # (30 is trades)
        "广东万家乐燃气具有限公司成功入选2023年度国家级绿色工厂名单。",  # (万家乐 is a name)
    ],
)
def test_places_trades_and_names_are_no_count_of_the_term(text):
    assert not {c for c in counts(text) if c[1] in (6, 30, 10000)}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "目前,甲乙开发区4个园区均已建成国家级绿色园区,累计培育44家绿色工厂。",
            {("green_park", 4), ("green_factory", 44)},
        ),
        ("据悉,这次本市入选“绿色工厂”榜单的企业,共有10家。", {("green_factory", 10)}),
        ("入选绿色工厂的企业,共计12家。", {("green_factory", 12)}),
        ("全市建有绿色园区,累计培育44家绿色工厂。", {("green_factory", 44)}),  # (no count of the parks)
    ],
)
def test_a_count_before_the_verb_that_built_them_or_after_the_firms_listed(text, expected):
    assert counts(text) == expected


def test_a_plan_cited_as_a_lists_purpose_opens_no_plan_for_the_next_sentence():
    """…旨在落实《“十四五”…规划》,助力…目标。…全国共有47家园区上榜: the list published, not a goal."""
    text = (
        "此次名单旨在落实《“十四五”工业绿色发展规划》,助力工业领域实现碳达峰、碳中和目标。"
        "经专家评审,全国共有47家工业园区上榜“绿色工业园区”。"
    )
    assert counts(text) == {("green_park", 47)} and targets(text) == set()
    text = "按照《甲乙市绿色制造体系建设实施方案(2024—2026年)》,每年新增绿色工厂10家。"
    assert targets(text) == {("green_factory", 10, 2026)}  # (a plan's own clause still plans, for its end year)


def test_a_part_that_refers_back_to_the_honour_counted_before_it():
    text = "迄今全国有802家企业跻身“绿色工厂”行列,绍兴有8家企业获此殊荣。"
    assert counts(text) == {("green_factory", 802), ("green_factory", 8)}
    text = "全国有802家企业跻身“绿色工厂”行列,公司有8家获此殊荣。"
    assert counts(text) == {("green_factory", 802)}  # (no place)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "从地市分布看,34家绿色工厂中,西安14家、宝鸡6家、咸阳5家。",
            {("green_factory", 34), ("green_factory", 14), ("green_factory", 6), ("green_factory", 5)},
        ),
        (
            "全省共有15家企业获评省级绿色工厂,从地区分布看,长春市5家:甲乙有限公司、丙丁有限公司。",
            {("green_factory", 15), ("green_factory", 5)},
        ),
        ("全国共建有绿色工厂409家、绿色物流园区46家。", {("green_factory", 409)}),  # (not a place: another thing)
    ],
)
def test_places_counted_one_after_another_are_parts_of_the_count_before(text, expected):
    assert counts(text) == expected


def regional_targets(text, year=2024):
    return {(f.designation_type, f.value, f.target_year, f.region_name) for f in facts(text, year, "policy_target")}


def test_goals_of_the_places_a_breakdown_names_one_after_another():
    """A task breakdown: each clause opens with its place; clauses with no term take the goal's type before them,
    one goal for each place of 各."""
    text = (
        "二、任务分解\n各镇街要按照以下目标抓好落实:甲乙高新区新增省级以上绿色工厂6家、绿色供应链管理企业2家;"
        "丙庄镇新增省级以上绿色工厂5家;丁庄镇、戊庄镇各新增4家;己庄镇新增3家。"
    )
    assert regional_targets(text) == {
        ("green_factory", 6, 2024, "甲乙高新区"),
        ("green_supply_chain", 2, 2024, "甲乙高新区"),
        ("green_factory", 5, 2024, "丙庄镇"),
        ("green_factory", 4, 2024, "丁庄镇"),
        ("green_factory", 4, 2024, "戊庄镇"),
        ("green_factory", 3, 2024, "己庄镇"),
    }
    text = "2024年目标:全市新增绿色工厂60家;争取两个园区新增绿色园区2个。"
    assert regional_targets(text) == {("green_factory", 60, 2024, None), ("green_park", 2, 2024, None)}
    assert regional_targets("丁庄镇、戊庄镇新增4家。") == set()  # (no goal before it)


def test_a_line_that_goes_on_from_a_plan_is_of_the_plan():
    text = (
        "规划提出,到2030年,全省国家级绿色工厂达到600家。\n"
        "同时,规模以上工业单位增加值能耗较2025年下降13%,工业固体废物综合利用率达到70%。\n"
    )
    found = {(f.record_type, f.designation_type, f.value, f.target_year) for f in facts(text, 2026)}
    assert found == {
        ("policy_target", "green_factory", 600, 2030),
        ("policy_target", None, 13, 2030),
        ("policy_target", None, 70, 2030),
    }
    text = "截至目前,全省累计创建国家级绿色工厂348家。\n同时,全省绿色工业园区达到27个。\n"
    assert counts(text, 2026) == {("green_factory", 348), ("green_park", 27)}  # (reports go on as reports)


@pytest.mark.parametrize(
    "text,expected_counts,expected_targets",
    [
        (
            "二、主要目标\n到2026年,全市绿色制造体系基本建立。推动20家企业入选国家级绿色工厂名单,3个园区入选国家级绿色工业园区。",
            set(),
            {("green_factory", 20, 2026), ("green_park", 3, 2026)},
        ),
        ("全国共有802家企业跻身绿色工厂行列,杭州钢铁有3家。", {("green_factory", 802)}, set()),  # (a firm, no place)
        ("全国共有802家企业跻身绿色工厂行列,浙江共有80家。", {("green_factory", 802), ("green_factory", 80)}, set()),
        ("34家绿色工厂中,城区14家、郊县20家。", {("green_factory", 34)}, set()),
        ("目前,全市4个园区均已建成绿色园区管理平台。", set(), set()),
        ("未入选绿色工厂的企业,共有8家。", set(), set()),
        ("Under the plan, 100 green factories are to be built in the province.", set(), set()),
        ("The action plan calls for 100 green factories and 20 green industrial parks.", set(), set()),
    ],
)
def test_what_the_count_rules_of_stop_38_must_not_take(text, expected_counts, expected_targets):
    assert counts(text) == expected_counts and targets(text) == expected_targets


@pytest.mark.parametrize(
    "text",
    [
        "到2026年,推动辖区新增绿色工厂5家。",
        "到2026年,支持园区创建省级绿色园区2个。",
        "2025年目标:全市新增绿色工厂10家;积极引导园区新增4家。",
        "2025年目标:全市新增绿色工厂10家;其余乡镇各新增2家。",
    ],
)
def test_a_verb_or_a_generic_word_before_a_goal_is_no_region(text):
    assert {f.region_name for f in facts(text, kind="policy_target")} == {None}


def test_a_term_inside_the_bracket_of_a_count_before_it():
    """省级以上绿色低碳工厂(含国家级绿色工厂)189家: the bracket's term is part of the count (it once raised)."""
    text = "至此,全市累计拥有省级以上绿色低碳工厂(含国家级绿色工厂)189家,其中国家级绿色工厂47家。"
    assert counts(text) == {("green_factory", 189), ("green_factory", 47)}


def test_an_infographics_counts_broken_into_lines_and_its_goal_card():
    text = (
        "📊 数读|2024年甲乙市绿色制造成绩单\n🌱 国家级绿色工厂\n新增\n9\n家\n累计\n62\n家\n"
        "🏞 国家级绿色工业园区\n累计\n6\n个\n📦 绿色设计产品\n累计 148 种\n"
        "🎯 2025年目标\n国家级绿色工厂新增 10 家以上\n省级绿色工厂新增 30 家以上\n点亮“在看”\n"
    )
    found = {(f.record_type, f.designation_type, f.value, f.target_year, f.region_name) for f in facts(text, 2025)}
    assert found == {
        ("reported_count", "green_factory", 9, None, None),
        ("reported_count", "green_factory", 62, None, None),
        ("reported_count", "green_park", 6, None, None),
        ("reported_count", "green_design_product", 148, None, None),
        ("policy_target", "green_factory", 10, 2025, None),
        ("policy_target", "green_factory", 30, 2025, None),
    }
    table = "序号\n1\n甲乙有限公司\n2\n丙丁有限公司\n"
    assert facts(table) == []  # (a table's cells on lines of their own: no count)


@pytest.mark.parametrize(
    "text,expected_counts,expected_targets",
    [
        ("依据《甲乙省绿色制造体系建设实施方案》,本次共有8家企业上榜省级绿色工厂。", {("green_factory", 8)}, set()),
        (
            "到2025年,全市力争新增省级绿色工厂20家。\n此外,去年全市新增国家级绿色工厂8家。",
            {("green_factory", 8)},
            {("green_factory", 20, 2025)},
        ),
        (
            "2025年目标\n新增国家级绿色工厂10家\n2024年成绩单\n国家级绿色工厂新增9家\n绿色设计产品新增15个",
            {("green_factory", 9), ("green_design_product", 15)},
            {("green_factory", 10, 2025)},
        ),
    ],
)
def test_what_a_second_review_of_stop_38_found_in_counts_and_targets(text, expected_counts, expected_targets):
    assert counts(text) == expected_counts and targets(text) == expected_targets


def test_a_zone_names_itself_as_a_region_and_a_bare_zone_is_none():
    assert {f.region_name for f in facts("苏州工业园区累计培育国家级绿色工厂18家。")} == {"苏州工业园区"}
    assert regional_targets("2025年目标:全市新增绿色工厂10家;其中经开区新增8家。") == {
        ("green_factory", 10, 2025, None)
    }


def test_places_that_each_have_a_goal_at_the_head_of_its_clause():
    """A、B各…: one goal for each place, with its region; places the regions know or zones and towns by their ending."""
    text = "到2030年,支持唐山、邯郸各创建国家级绿色工业园区两个以上,石家庄、保定各培育国家级绿色工厂八十家。"
    assert regional_targets(text, 2026) == {
        ("green_park", 2, 2030, "唐山"),
        ("green_park", 2, 2030, "邯郸"),
        ("green_factory", 80, 2030, "石家庄"),
        ("green_factory", 80, 2030, "保定"),
    }
    text = "到2025年,临湘市、汨罗市各新增省级绿色工厂5家以上。"
    assert regional_targets(text) == {("green_factory", 5, 2025, "临湘市"), ("green_factory", 5, 2025, "汨罗市")}
    # not places, or no 各: one goal and no region
    for text in ("到2025年,重点企业、骨干企业各新增省级绿色工厂5家。", "到2025年,临湘市、汨罗市新增省级绿色工厂5家。"):
        assert regional_targets(text) == {("green_factory", 5, 2025, None)}


def test_a_note_above_a_table_says_which_of_its_years_are_goals():
    text = (
        "各年新增数量见表1(2022—2024年为实绩,2025—2027年为目标)。\n"
        "表1 甲市绿色制造单位新增数量(单位:家)\n"
        "年份\t绿色工厂\t绿色工业园区\n2023年\t8\t1\n2024年\t11\t1\n2025年\t12\t2\n2026年\t14\t3\n"
    )
    found = {(f.record_type, f.designation_type, f.value, f.target_year) for f in facts(text, 2025)}
    assert found == {
        ("reported_count", "green_factory", 8, None),
        ("reported_count", "green_park", 1, None),
        ("reported_count", "green_factory", 11, None),
        ("policy_target", "green_factory", 12, 2025),
        ("policy_target", "green_park", 2, 2025),
        ("policy_target", "green_factory", 14, 2026),
        ("policy_target", "green_park", 3, 2026),
    }


def test_a_line_of_subtotals_by_place_after_a_count():
    """从…分布看 / 其中 lines of places and values: parts of the count before them, the one they add up to."""
    text = "甲省公布省级绿色低碳工厂名单,甲市12家企业入选。\n从县(市、区)分布看,南湖区3家、秀洲区4家、嘉善县5家。"
    assert counts(text) == {("green_factory", 12), ("green_factory", 3), ("green_factory", 4), ("green_factory", 5)}
    text = (
        "全省共有8家企业获评省级绿色工厂、2家企业获评省级绿色供应链管理企业,1个园区获评省级绿色园区。\n"
        "从地区分布看,长春市5家:甲有限公司、乙有限公司;延边州3家:丙有限公司。"
    )
    assert counts(text) >= {("green_factory", 5), ("green_factory", 3)}
    assert ("green_supply_chain", 5) not in counts(text)
    # values that add up to no count of a sentence of several types: whose they are is unknown
    text = "全省共有8家企业获评省级绿色工厂、2家企业获评绿色供应链管理企业。\n从地区分布看,长春市4家、吉林市3家。"
    assert counts(text) == {("green_factory", 8), ("green_supply_chain", 2)}


def test_places_then_their_values_then_the_type():
    text = "今年我省新认定省级绿色工厂68家、绿色供应链管理企业5家,其中昆明市、曲靖市、玉溪市分别有14家、11家、9家企业入选省级绿色工厂。"
    found = {(f.designation_type, f.value, f.region_name) for f in facts(text, kind="reported_count")}
    assert {("green_factory", 14, "昆明市"), ("green_factory", 11, "曲靖市")} <= found
    assert not any(t == "green_supply_chain" and v in (14, 11) for t, v, _ in found)


def test_a_low_carbon_supply_chain_term_and_a_card_of_two_clauses():
    assert counts("我市2家企业入选省级绿色低碳供应链管理企业,1个园区入选省级绿色低碳工业园区。") == {
        ("green_supply_chain", 2),
        ("green_park", 1),
    }
    text = "📊 数读\n🔗 国家级绿色供应链管理企业\n新增 2 家|累计 17 家\n♻️ 省级绿色工厂\n新增\n31\n家\n"
    assert counts(text) == {("green_supply_chain", 2), ("green_supply_chain", 17), ("green_factory", 31)}


def test_a_narrow_print_column_with_a_number_broken_across_lines():
    text = (
        "本报讯(记者 甲乙)日前,工\n业和信息化部公布2024年度\n绿色制造名单,我市新增国家级\n"
        "绿色工厂7家、国家级绿色供应\n链管理企业1家,全市国家级绿\n色工厂总数增至34家,居全省\n第二位。\n"
        "与此同时,在省工信厅公布的2\n024年度省级绿色制造名单中,\n我市新增省级绿色工厂2\n3家、省级绿色园区2个。\n"
    )
    assert counts(text) == {
        ("green_factory", 7),
        ("green_supply_chain", 1),
        ("green_factory", 34),
        ("green_factory", 23),
        ("green_park", 2),
    }


def test_a_sentence_of_parts_after_the_count_it_breaks_down():
    """具体来看,A有10家,B有3家: every item a part of the count before (its only type's, or the one they add up to)."""
    text = "本次发布的绿色工厂共1488家,其中包括多家乳业工厂。具体来看,甲乙集团有10家,丙丁乳业有3家、戊己乳业有2家。"
    assert counts(text) == {("green_factory", 1488), ("green_factory", 10), ("green_factory", 3), ("green_factory", 2)}
    text = "今年全省新增省级绿色工厂6家、绿色园区2个。分地区看,昆明市4家,曲靖市2家。"
    found = {(f.designation_type, f.value, f.region_name) for f in facts(text, kind="reported_count")}
    assert found >= {("green_factory", 4, "昆明市"), ("green_factory", 2, "曲靖市")}
    # not every item a part, or a sentence of several types that the parts add up to none of: nothing
    assert counts("本次发布的绿色工厂共1488家。具体来看,甲乙集团有10家,其余企业分布在各地。") == {
        ("green_factory", 1488)
    }
    text = "今年全省新增省级绿色工厂6家、绿色供应链管理企业2家。分地区看,昆明市3家,曲靖市2家。"
    assert counts(text) == {("green_factory", 6), ("green_supply_chain", 2)}


def test_a_breakdown_opened_inside_its_line():
    """…具体任务分解如下:A县、B区各新增…;C县、D市分别新增5家、4家;E区新增…: goals of the plan's year, per place."""
    text = (
        "2024年,全市新增省级绿色工厂21家。2025年,全市计划新增省级绿色工厂25家、创建省级绿色工业园区1个,具体任务分解如下:"
        "清河县、南和区各新增省级绿色工厂3家;宁晋县、沙河市分别新增5家、4家;任泽区新增省级绿色工厂2家、创建省级绿色工业园区1个。"
    )
    assert counts(text, 2025) == {("green_factory", 21)}
    assert regional_targets(text, 2025) == {
        ("green_factory", 25, 2025, None),
        ("green_park", 1, 2025, None),
        ("green_factory", 3, 2025, "清河县"),
        ("green_factory", 3, 2025, "南和区"),
        ("green_factory", 5, 2025, "宁晋县"),
        ("green_factory", 4, 2025, "沙河市"),
        ("green_factory", 2, 2025, "任泽区"),
        ("green_park", 1, 2025, "任泽区"),
    }
    # (lines labelled with their place after the opener: goals of the year the opener names)
    text = (
        "2025年,全市新增省级以上绿色工厂22家,超额完成省下达任务。为确保完成2026年度绿色制造目标任务,现将任务下达如下:"
        "全市新增省级以上绿色工厂25家。\n顺庆区:省级以上绿色工厂3家、绿色设计产品2项\n高坪区:省级以上绿色工厂4家\n"
        "其余县(区):省级以上绿色工厂共5家\n"
    )
    assert counts(text, 2026) - {("green_factory", 5)} == {("green_factory", 22)}
    assert regional_targets(text, 2026) >= {
        ("green_factory", 25, 2026, None),
        ("green_factory", 3, 2026, "顺庆区"),
        ("green_design_product", 2, 2026, "顺庆区"),
        ("green_factory", 4, 2026, "高坪区"),
    }
    assert ("green_factory", 5, 2026, "高坪区") not in regional_targets(text, 2026)  # (an item's line is not joined)


def test_an_infographics_card_of_goals_with_its_deadline_and_years_on_lines_of_their_own():
    text = (
        "一图读懂\n甲市制造业绿色化发展行动方案\n📌 发展基础\n截至2025年底\n国家级绿色工厂\n96\n家\n省级绿色工厂\n402\n家\n"
        "🎯 总体目标\n到2030年\n国家级绿色工厂\n达到\n150\n家\n绿色工业园区\n10\n个\n绿色供应链管理企业\n40\n家\n"
        "📉 节能降碳\n规上工业单位增加值能耗\n较2025年下降\n12\n%\n"
        "🗓 年度安排\n2026年\n新增国家级绿色工厂 10 家\n2027年\n新增国家级绿色工厂 12 家\n"
    )
    found = {(f.record_type, f.designation_type, f.value, f.target_year) for f in facts(text, 2026)}
    assert found == {
        ("reported_count", "green_factory", 96, None),
        ("reported_count", "green_factory", 402, None),
        ("policy_target", "green_factory", 150, 2030),
        ("policy_target", "green_park", 10, 2030),
        ("policy_target", "green_supply_chain", 40, 2030),
        ("policy_target", None, 12, 2030),
        ("policy_target", "green_factory", 10, 2026),
        ("policy_target", "green_factory", 12, 2027),
    }


def test_a_notice_for_comment_counts_its_list_under_a_cited_plan():
    text = (
        "根据《甲省绿色制造体系建设实施方案(2023—2025年)》,经专家评审,拟认定2个园区为2024年度甲省绿色工业园区、"
        "3家企业为绿色供应链管理企业,现将名单公示如下:"
    )
    assert counts(text) == {("green_park", 2), ("green_supply_chain", 3)} and targets(text) == set()
    assert targets("到2025年,拟认定省级绿色工厂20家以上。") == {("green_factory", 20, 2025)}  # (no count before 为)


@pytest.mark.parametrize("indent", ["         ", ""])
def test_a_spaced_table_whose_header_wrapped_onto_a_second_line(indent):
    """区 | 省级以上绿色 / 工厂（家） …: the header's lines joined by column; a row's last cell wrapped below it."""
    text = (
        "二、行动目标\n到2027年,全市新增省级以上绿色工厂30家。\n各区2025—2027年新增绿色制造单位目标任务分解表\n"
        "区       省级以上绿色   其中国家级   绿色供应链       省级以上绿色\n"
        f"{indent}工厂（家）     （家）       管理企业（家）   工业园区（个）\n"
        "禅城区   12             3            1                —\n"
        "三水区   13             3            1\n"
        f"{indent}                                             1\n"
    )
    found = {
        (f.designation_type, f.level, f.value, f.target_year, f.region_name) for f in facts(text, 2025, "policy_target")
    }
    assert found == {
        ("green_factory", None, 30, 2027, None),
        ("green_factory", None, 12, 2027, "禅城区"),
        ("green_factory", "national", 3, 2027, "禅城区"),
        ("green_supply_chain", None, 1, 2027, "禅城区"),
        ("green_factory", None, 13, 2027, "三水区"),
        ("green_factory", "national", 3, 2027, "三水区"),
        ("green_supply_chain", None, 1, 2027, "三水区"),
        ("green_park", None, 1, 2027, "三水区"),
    }


def test_goals_of_places_with_no_term_take_this_years_goal_of_new_ones():
    text = (
        "二、明确目标任务\n今年,全市要确保新增省级以上绿色工厂15家,其中国家级不少于3家;到明年底,全市省级以上绿色工厂"
        "总数突破100家。汉川市、应城市要各新增3家以上,其他县市区至少新增1家。"
    )
    found = {
        (f.designation_type, f.level, f.value, f.target_year, f.region_name) for f in facts(text, 2024, "policy_target")
    }
    assert found == {
        ("green_factory", None, 15, 2024, None),
        ("green_factory", "national", 3, 2024, None),
        ("green_factory", None, 100, 2025, None),
        ("green_factory", None, 3, 2024, "汉川市"),
        ("green_factory", None, 3, 2024, "应城市"),
    }


def test_the_dash_items_of_a_plans_box_are_one_list():
    text = (
        "专栏6 制造业绿色化改造工程\n——绿色工厂。到2030年,累计创建国家级绿色工厂120家、省级绿色工厂不少于500家。\n"
        "——绿色园区。省级以上开发区全部建成省级以上绿色工业园区,其中国家级绿色工业园区8个。\n"
        "——绿色供应链。培育绿色供应链管理企业30家。\n"
    )
    assert counts(text, 2026) == set()
    assert targets(text, 2026) == {
        ("green_factory", 120, 2030),
        ("green_factory", 500, 2030),
        ("green_park", 8, 2030),
        ("green_supply_chain", 30, 2030),
    }


def test_a_table_of_indicators_with_its_years_qualified_in_brackets():
    text = (
        "附表 主要指标(节选)\n指标 2025年(基期值) 2030年(目标值) 属性\n工业固体废物综合利用率(%) 96.8 98 约束性\n"
        "单位地区生产总值能耗降低(%) 〔完成省下达任务〕 〔完成省下达任务〕 约束性\n"
    )
    assert {(f.record_type, f.value, f.unit, f.target_year) for f in facts(text, 2026)} == {
        ("policy_target", 98, "%", 2030)
    }


def test_a_goal_in_brackets_and_a_plans_line_that_goes_on_with_qizhong():
    text = "2024年,全市新增省级绿色低碳工厂45家,完成年度目标任务(40家)的112.5%。"
    assert counts(text, 2025) == {("green_factory", 45)} and targets(text, 2025) == {("green_factory", 40, 2024)}
    text = "方案提出,到2026年,全市国家级绿色工厂达到20家。\n其中,2024年新增自治区级绿色工厂12家,2025年新增13家。\n"
    assert targets(text, 2024) == {
        ("green_factory", 20, 2026),
        ("green_factory", 12, 2024),
        ("green_factory", 13, 2025),
    }
    text = "今年全省新增省级绿色工厂6家。分地区看,昆明市新增4家,曲靖市新增2家。"
    assert counts(text) == {("green_factory", 6), ("green_factory", 4), ("green_factory", 2)}


def test_a_places_count_of_a_list_named_before_it_and_a_quoted_title_with_its_year_and_city():
    assert counts("省工信厅公布的2024年度甲省绿色工厂名单中,我市入选12家,数量创历年新高。") == {("green_factory", 12)}
    assert counts("在绿色工厂培育库名单中,我市入选12家。") == set()
    assert counts("一、授予以下6家企业“2024年度荆州市绿色工厂”称号:") == {("green_factory", 6)}


@pytest.mark.parametrize(
    "text,year,expected_counts,expected_targets",
    [
        (
            "工作总结\n经过一年努力,全市完成了省下达的目标任务,具体如下:新增国家级绿色工厂5家,省级绿色工厂12家。",
            2024,
            {("green_factory", 5), ("green_factory", 12)},
            set(),
        ),
        ("标题\n长沙、株洲、湘潭分别有14家、11家、9家企业申报省级绿色工厂。", 2024, set(), set()),
        ("标题\n长沙、株洲、湘潭分别有3家、2家、1家企业被撤销绿色工厂称号。", 2024, set(), set()),
        (
            "全市新增国家级绿色工厂5家。具体来看,钢铁行业申报了12家,化工行业申报了8家。",
            2024,
            {("green_factory", 5)},
            set(),
        ),
        (
            "全省新增省级绿色工厂120家。具体来看,未通过评审的有30家,通过的有120家。",
            2024,
            {("green_factory", 120)},
            set(),
        ),
        (
            "绿色制造\n🎯 总体目标\n到2027年,全市国家级绿色工厂达到30家。\n📈 发展历程\n2022年\n新增国家级绿色工厂5家\n"
            "2023年\n新增国家级绿色工厂8家",
            2024,
            {("green_factory", 5), ("green_factory", 8)},
            {("green_factory", 30, 2027)},
        ),
        (
            "全省绿色制造工作综述\n——绿色工厂。到2025年,国家级绿色工厂达到50家的目标提前完成。\n"
            "——绿色园区。新增国家级绿色园区3个,总数达到8个。",
            2024,
            {("green_park", 3), ("green_park", 8)},
            None,
        ),
        (
            "2024年工作计划\n拟认定30家企业为省级绿色工厂、5个园区为省级绿色工业园区。",
            2024,
            set(),
            {("green_factory", 30, 2024), ("green_park", 5, 2024)},
        ),
    ],
)
def test_what_a_review_of_stop_39_found_in_counts_and_targets(text, year, expected_counts, expected_targets):
    assert counts(text, year) == expected_counts
    assert expected_targets is None or targets(text, year) == expected_targets


def test_places_each_with_a_noun_after_each_are_no_places_each():
    for text in (
        "到2025年,唐山、邯郸各级工信部门要推动全市新增绿色工厂100家。",
        "到2025年,唐山、邯郸各有关县区要新增省级绿色工厂100家。",
    ):
        assert {r for *_, r in regional_targets(text)} == {None}
    # a goal with no term goes on from the goal just before it, of its type, not an earlier one of another type
    text = "到2025年,全市新增绿色供应链管理企业10家。到2027年,全市绿色工厂总数突破100家。南湖区、秀洲区各新增3家。"
    assert ("green_factory", 3, 2027, "南湖区") in regional_targets(text)


def test_places_each_goal_is_linear_in_pairs_joined_by_he():
    """Forty pairs joined by 和 and 、 before 各 (exponential before: 和 was both in a place and between places)."""
    pairs = "、".join(
        a + "和" + b
        for a, b in zip("钢建纺轻机电化医食汽船冶石造印包材料器具", "铁材织工械子工药品车舶金化纸刷装件具件器")
    )
    assert regional_targets("到2025年,在" + pairs * 2 + "各新增省级绿色工厂50家。") == {
        ("green_factory", 50, 2025, None)
    }


def test_a_year_in_chinese_numerals_is_the_goals_year():
    text = "到二〇二六年,全市培育省级以上绿色工厂二十家,创建绿色工业园区两个。"
    assert targets(text, 2024) == {("green_factory", 20, 2026), ("green_park", 2, 2026)}
    text = "《甲市绿色制造行动方案(二零二四—二〇二六年)》提出,新增绿色工厂12家。"
    assert targets(text, 2024) == {("green_factory", 12, 2026)}


def test_a_note_under_a_table_says_what_its_figures_are():
    """注: lines right under a table (its years, results or goals) read as its caption is."""
    text = (
        "市工信局制定了各年目标,具体如下:\n"
        "年份\t国家级绿色工厂(家)\t绿色园区(个)\n2023年\t2\t1\n2024年\t3\t—\n2025年\t4\t1\n2026年\t5\t2\n"
        "注:2023—2024年为当年新增实绩,2025—2026年为当年新增目标。\n"
    )
    found = {(f.record_type, f.designation_type, f.value, f.target_year) for f in facts(text, 2025)}
    assert found == {
        ("reported_count", "green_factory", 2, None),
        ("reported_count", "green_park", 1, None),
        ("reported_count", "green_factory", 3, None),
        ("policy_target", "green_factory", 4, 2025),
        ("policy_target", "green_park", 1, 2025),
        ("policy_target", "green_factory", 5, 2026),
        ("policy_target", "green_park", 2, 2026),
    }


def test_a_header_with_cells_apart_by_single_spaces_over_a_spaced_table():
    text = (
        "2022年以来各年新增情况如下:\n"
        "年份  国家级绿色工厂(家) 省级绿色工厂(家) 绿色设计产品(项)\n"
        "2022年  1  4  3\n2023年  2  5  2\n"
    )
    assert counts(text, 2024) == {
        ("green_factory", 1),
        ("green_factory", 4),
        ("green_design_product", 3),
        ("green_factory", 2),
        ("green_factory", 5),
        ("green_design_product", 2),
    }
    # a sentence above a table is no header, whatever its words
    text = "今年 我市 新增 绿色工厂 3家\n甲区\t2\t1\n乙区\t1\t0\n"
    assert ("green_factory", 2) not in counts(text, 2024)


def test_a_column_of_places_its_header_does_not_name():
    """单位名称 over 甲区 / 乙县 / 合计: the rows are places, each with its goals."""
    text = (
        "现将2025年目标任务分解如下,请抓好落实。\n"
        "单位名称\t省级以上绿色工厂(家)\t其中国家级(家)\t绿色工业园区(个)\n"
        "甲区\t3\t1\t—\n乙县\t2\t—\t1\n合计\t5\t1\t1\n"
        "注:表中目标数为2025年新增数。\n"
    )
    found = {(f.designation_type, f.value, f.target_year, f.region_name) for f in facts(text, 2025, "policy_target")}
    assert found == {
        ("green_factory", 3, 2025, "甲区"),
        ("green_factory", 1, 2025, "甲区"),
        ("green_factory", 2, 2025, "乙县"),
        ("green_park", 1, 2025, "乙县"),
        ("green_factory", 5, 2025, None),
        ("green_factory", 1, 2025, None),
        ("green_park", 1, 2025, None),
    }
    # a first column of firms is no column of places
    text = "企业\t绿色工厂(家)\t绿色设计产品(项)\n甲乙机械有限公司\t1\t2\n丙丁化工有限公司\t1\t3\n"
    assert not facts(text, 2025)


def test_bulleted_lines_under_a_deadline_line_are_its_goals():
    """🎯到2027年 over ✅ lines: goals of 2027,累计 or not, until a line that reports (📌2024年成绩单:…)."""
    text = (
        "近日,《甲市制造业绿色低碳发展行动方案》印发👇\n"
        "🎯到2027年\n✅全市国家级绿色工厂达到50家\n✅省级绿色工厂累计300家\n✅绿色工业园区6个(其中国家级2个)\n"
        "📌2024年成绩单:新增国家级绿色工厂7家、省级绿色工厂45家。\n"
    )
    assert targets(text, 2025) == {
        ("green_factory", 50, 2027),
        ("green_factory", 300, 2027),
        ("green_park", 6, 2027),
        ("green_park", 2, 2027),
    }
    assert counts(text, 2025) == {("green_factory", 7), ("green_factory", 45)}


def test_a_related_reading_line_is_another_pages_headline():
    text = "甲市今年新增省级绿色工厂12家。\n👉相关阅读:乙市:到2027年国家级绿色工厂突破200家\n推荐阅读 丙县3家企业入选省级绿色工厂"
    assert counts(text, 2025) == {("green_factory", 12)}
    assert targets(text, 2025) == set()


def test_places_after_the_first_each_with_a_value_of_its_term():
    """甲区新增省级绿色工厂6家、乙县新增4家、丙市4家: one per place, of the first one's term and level,
    two places with the same value both kept; not 城区/开发区 (no place's name)."""
    text = "2025年工作目标:甲区新增省级绿色工厂6家、乙县新增4家、丙市新增4家、丁县5家。"
    found = {(f.designation_type, f.value, f.region_name, f.level) for f in facts(text, 2025, "policy_target")}
    assert found == {
        ("green_factory", 6, "甲区", "provincial"),
        ("green_factory", 4, "乙县", "provincial"),
        ("green_factory", 4, "丙市", "provincial"),
        ("green_factory", 5, "丁县", "provincial"),
    }
    text = "2024年,甲区新增省级绿色工厂6家、城区3家、开发区2家。"
    assert counts(text) == {("green_factory", 6)}
    text = "甲州新增绿色工厂8家、绿色园区1个、绿色设计产品2款。"  # (terms after the first, not places)
    assert counts(text) == {("green_factory", 8), ("green_park", 1), ("green_design_product", 2)}


@pytest.mark.parametrize(
    "text, year, expected",
    [
        (  # a note of next year's goal: the table's years stay results
            "“十四五”以来全市绿色工厂创建情况\n年份\t国家级绿色工厂(家)\t省级绿色工厂(家)\n2023年\t2\t5\n2024年\t3\t6\n"
            "注:2025年目标为新增省级绿色工厂8家。",
            2025,
            {
                ("reported_count", 2, None),
                ("reported_count", 5, None),
                ("reported_count", 3, None),
                ("reported_count", 6, None),
                ("policy_target", 8, 2025),
            },
        ),
        (  # a note of another kind under a table of results: still results
            "2024年各区新增绿色工厂情况\n地区\t国家级绿色工厂(家)\t省级绿色工厂(家)\n甲区\t3\t8\n乙区\t2\t5\n"
            "注:带*的区为“十四五”绿色制造规划重点区域。",
            2024,
            {
                ("reported_count", 3, None),
                ("reported_count", 8, None),
                ("reported_count", 2, None),
                ("reported_count", 5, None),
            },
        ),
        (  # a reporting deadline in a note is no goal's year
            "各区绿色工厂创建任务分解表\n地区\t国家级绿色工厂(家)\t省级绿色工厂(家)\n甲区\t1\t3\n乙区\t2\t4\n"
            "注:请各区于2025年1月10日前报送完成情况。",
            2024,
            {
                ("policy_target", 1, 2024),
                ("policy_target", 3, 2024),
                ("policy_target", 2, 2024),
                ("policy_target", 4, 2024),
            },
        ),
        (  # a caption (表 1 …目标) is no header of three cells
            "表 1 各县(市、区)绿色工厂创建目标\n县(市、区)\t国家级绿色工厂(家)\t省级绿色工厂(家)\n甲县\t1\t3\n乙县\t2\t4",
            2025,
            {
                ("policy_target", 1, 2025),
                ("policy_target", 3, 2025),
                ("policy_target", 2, 2025),
                ("policy_target", 4, 2025),
            },
        ),
        (  # money, scores and nominations by place are no counts
            "2025年绿色制造专项资金分配表\n单位名称\t绿色工厂奖补资金(万元)\t绿色园区奖补资金(万元)\n甲区\t120\t50\n"
            "乙县\t80\t30\n合计\t200\t80",
            2025,
            set(),
        ),
        (
            "2025年度省级绿色制造名单推荐汇总表\n推荐单位\t绿色工厂(家)\t绿色设计产品(项)\n甲市\t12\t5\n乙市\t8\t3\n"
            "丙市\t6\t2\n合计\t26\t10",
            2025,
            set(),
        ),
    ],
)
def test_what_a_review_of_stop_40_found_in_tables(text, year, expected):
    assert {(f.record_type, f.value, f.target_year) for f in facts(text, year)} == expected


def test_a_tab_header_wrapped_onto_a_second_row():
    """县(市、区) | 省级以上 | 其中: … over | 绿色工厂（家） | 国家级（家） …, the second row's empty first cell lost or not."""
    header = "县(市、区)\t省级以上\t其中:\t绿色工业\n{lead}绿色工厂(家)\t国家级(家)\t园区(个)\n"
    for lead in ("\t", ""):
        text = (
            "2025年度各县(市、区)绿色制造目标任务分解表\n"
            + header.format(lead=lead)
            + "合计\t5\t1\t1\n甲县\t3\t1\t—\n乙县\t2\t—\t1\n"
        )
        found = {(f.designation_type, f.value, f.level, f.region_name) for f in facts(text, 2025, "policy_target")}
        assert found == {
            ("green_factory", 5, None, None),
            ("green_factory", 1, "national", None),
            ("green_park", 1, None, None),
            ("green_factory", 3, None, "甲县"),
            ("green_factory", 1, "national", "甲县"),
            ("green_factory", 2, None, "乙县"),
            ("green_park", 1, None, "乙县"),
        }, lead


def test_an_infographics_arrows_pluses_and_bars():
    text = (
        "📊 现状\n截至2024年底\n省级以上绿色工厂 98 家｜其中国家级 27 家\n国家级绿色工业园区 2 个\n"
        "🎯 到2027年 主要目标\n◆ 省级以上绿色工厂 ➜ 累计 150+ 家\n◆ 绿色工业园区 ➜ 6 个\n"
    )
    assert counts(text, 2025) == {("green_factory", 98), ("green_factory", 27), ("green_park", 2)}
    assert targets(text, 2025) == {("green_factory", 150, 2027), ("green_park", 6, 2027)}


def test_per_cent_in_chinese_numerals():
    text = "到2027年,规模以上工业单位增加值能耗较2024年下降百分之八,固废综合利用率达到百分之九十二点五。"
    found = {(f.value, f.unit, f.target_year) for f in facts(text, 2025, "policy_target")}
    assert found == {(8, "%", 2027), (92.5, "%", 2027)}


def test_subtotals_by_cities_named_without_their_ending():
    """从地区看,成都21家、德阳9家…,其余…: parts of the count of their unit they fit in (not the parks', not the 8)."""
    text = (
        "我省共有58家企业入选国家级绿色工厂,3个园区入选国家级绿色工业园区,8家企业入选国家级绿色供应链管理企业。\n"
        "从地区看,成都21家、德阳9家、绵阳7家,其余分布在乐山、眉山等市。"
    )
    assert counts(text) == {
        ("green_factory", 58),
        ("green_park", 3),
        ("green_supply_chain", 8),
        ("green_factory", 21),
        ("green_factory", 9),
        ("green_factory", 7),
    }
    text = "全市新增绿色工厂12家。\n从地区看,企业入选12家。"  # (no place)
    assert counts(text) == {("green_factory", 12)}


def test_goals_by_place_with_no_term_after_a_goal():
    """各县区任务:A区、B区各新增3家;C区5家、D县4家;E县、沁县各2家, after a goal (sentences of no number between)."""
    text = (
        "(一)绿色工厂提升行动(到2027年,新增省级以上绿色工厂不少于25家)。聚焦焦化等行业,建立绿色工厂培育库。"
        "各县区任务:潞州区、上党区各新增3家;屯留区5家、襄垣县4家;长子县、沁县各2家。"
    )
    found = {(f.value, f.region_name) for f in facts(text, 2025, "policy_target")}
    assert found == {(25, None), (3, "潞州区"), (3, "上党区"), (5, "屯留区"), (4, "襄垣县"), (2, "长子县"), (2, "沁县")}
    # a place and a number alone, after a sentence with numbers of its own: no goal
    text = "到2027年,新增省级以上绿色工厂25家。全市规上企业达到500家。屯留区5家。"
    assert {(f.value, f.region_name) for f in facts(text, 2025, "policy_target")} == {(25, None)}


def test_a_table_pasted_one_cell_a_line():
    text = (
        "表1 园区主要指标\n序号\n指标名称\n单位\n2023年\n(基期值)\n2026年\n(目标值)\n"
        "1\n国家级绿色工厂\n家\n3\n6\n2\n绿色设计产品\n项\n8\n15\n3\n工业固体废物综合利用率\n%\n88\n95\n三、重点任务"
    )
    found = {(f.record_type, f.designation_type, f.value, f.target_year) for f in facts(text, 2024)}
    assert {
        ("policy_target", "green_factory", 6, 2026),
        ("policy_target", "green_design_product", 15, 2026),
        ("policy_target", None, 95, 2026),
    } <= found
    assert not any(f.record_type == "policy_target" and f.value in (3, 8, 88) for f in facts(text, 2024))
    # a list numbered one item a line is no table (a row's cells would be the next items)
    text = "序号\n企业名称\n1\n甲乙有限公司\n2\n丙丁有限公司\n"
    assert facts(text, 2024) == []


def test_a_table_of_star_tiers_by_place():
    """县(市、区)|五星级(家)|四星级(家) under a caption that names the type: a count per cell, with its stars."""
    text = "二、各地星级绿色工厂分布\n县(市、区)|五星级(家)|四星级(家)|摘牌(家)\n甲区|—|2|—\n乙区|1|3|1\n合计|1|5|1"
    found = {(f.value, f.star_rating, f.region_name) for f in facts(text, 2025, "reported_count")}
    assert found == {(2, 4, "甲区"), (1, 5, "乙区"), (3, 4, "乙区"), (1, 5, None), (5, 4, None)}


def test_places_after_a_count_in_the_sentences_after_it():
    """其中,宝安区6家,… / 此外,坪山区5家,光明区4家: parts of the count before, each a place; not 其中 of other things."""
    text = (
        "根据公示,在绿色工厂名单中,深圳共计26家工业企业上榜。其中,宝安区6家,新增企业数排名全市第一,包括甲、乙等企业。"
        "此外,坪山区5家,光明区4家,龙岗区4家。"
    )
    found = sorted((f.value, f.region_name) for f in facts(text, 2024, "reported_count"))
    assert found == [(4, "光明区"), (4, "龙岗区"), (5, "坪山区"), (6, "宝安区"), (26, None)]
    text = "全市新增省级绿色工厂12家。其中,钢铁企业5家,建材企业4家。"  # (no places)
    assert counts(text) == {("green_factory", 12)}


def test_a_verb_with_le_before_its_number():
    assert counts("四批绿色工厂共获批了1402家。") == {("green_factory", 1402)}


def test_a_quota_to_select_is_a_goal():
    text = "《通知》要求,择优评出省级绿色工厂20—30家、绿色设计产品100项、绿色供应链管理企业若干。"
    assert targets(text, 2019) == {("green_factory", 20, 2019), ("green_design_product", 100, 2019)}
    assert counts(text, 2019) == set()


@pytest.mark.parametrize(
    "text, year, expected",
    [
        (  # a breakdown's other count is no item of it (较去年增加12家): the places' subtotals stay
            "全市现有省级以上绿色工厂86家。\n其中,南湖区25家、秀洲区21家、嘉善县18家、平湖市22家,较去年增加12家。",
            2024,
            {
                ("reported_count", 86, None),
                ("reported_count", 25, None),
                ("reported_count", 21, None),
                ("reported_count", 18, None),
                ("reported_count", 22, None),
            },
        ),
        (  # progress by place after a goal, a sentence between: no goals
            "到2025年,全市新增省级绿色工厂20家。今年以来,各地积极推进,成效明显。南湖区新增5家,秀洲区新增3家。",
            2024,
            {("policy_target", 20, 2025)},
        ),
        (  # …nor a stock by place under a sentence of no number
            "到2027年,全市新增省级以上绿色工厂25家。目前全市绿色工厂分布情况如下。南湖区12家、秀洲区8家、嘉善县6家。",
            2024,
            {("policy_target", 25, 2027)},
        ),
        (  # a goal's sentence wrapped after its count goes on
            "力争到2026年,新增国家级绿色工厂5家、省级绿色工厂20家、绿色供应链管理企业8家\n绿色设计产品30个,新增省级绿色工业园区1个。",
            2024,
            {
                ("policy_target", 5, 2026),
                ("policy_target", 20, 2026),
                ("policy_target", 8, 2026),
                ("policy_target", 30, 2026),
                ("policy_target", 1, 2026),
            },
        ),
        ("到2027年,绿色工厂产值增长百分之一百二十五。", 2024, {("policy_target", 125, 2027)}),
        ("到2027年,绿色工厂覆盖率提高百分之五六十。", 2024, set()),  # (a range of per cents: no one value)
    ],
)
def test_what_a_review_of_stop_40s_tables_and_runs_found(text, year, expected):
    found = {(f.record_type, f.value, f.target_year) for f in facts(text, year) if f.designation_type or f.unit == "%"}
    assert found == expected


def test_a_partial_breakdown_is_of_the_count_larger_than_it():
    """成都21家、德阳9家,其余…: some of a count; not the supply chain's 30 they add up to."""
    text = "2024年全省新增国家级绿色工厂58家、绿色供应链管理企业30家。\n从地区看,成都21家、德阳9家,其余分布在其他市州。"
    assert counts(text) == {
        ("green_factory", 58),
        ("green_supply_chain", 30),
        ("green_factory", 21),
        ("green_factory", 9),
    }


def test_runs_of_places_are_linear_in_their_places():
    """Twenty zones, each readable two or three ways (南湖高新区), and no value after them: read at once."""
    zones = "、".join(
        f"{a}{b}{'高新区' if i % 2 else '经开区'}"
        for i, (a, b) in enumerate(
            zip("嘉南秀海平桐乐临东西北中上下左右前后内外", "兴湖洲宁湖乡清安城山岗原海港江河山水田川")
        )
    )
    for label in ("各开发区任务:", ""):
        text = "到2027年,全市新增省级绿色工厂25家。" + label + zones + "要积极引导企业开展绿色工厂创建2次。"
        assert targets(text, 2025) == {("green_factory", 25, 2027)}
