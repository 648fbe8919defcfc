"""Names in prose (greenmfg.extract.names): the clause grammar of issue 17, one class of
sentence per test, each with variants written for it (甲乙…, 丙丁… are made-up names)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greenmfg.extract.names import extract_names, names_from_prose

F, P, S, D = "green_factory", "green_park", "green_supply_chain", "green_design_product"


def names(text):
    return [(e.designation_type, e.name) for e in extract_names(text)]


# A name starts where the entity starts: cue verbs, prepositions, speakers, quantities,
# places with 的 and list numbers before it are not part of it.
@pytest.mark.parametrize(
    "text",
    [
        "拟将甲乙科技有限公司、丙丁材料股份有限公司认定为2024年度绿色工厂。",
        "经评审,甲乙科技有限公司、丙丁材料股份有限公司被认定为省级绿色工厂。",
        "同意将甲乙科技有限公司、丙丁材料股份有限公司认定为绿色工厂。",
        "确定甲乙科技有限公司、丙丁材料股份有限公司为市级绿色工厂。",
        "现将拟认定的绿色工厂名单公示如下:甲乙科技有限公司、丙丁材料股份有限公司。",
        "祝贺甲乙科技有限公司、丙丁材料股份有限公司入选国家级绿色工厂!",
        "其中,甲乙科技有限公司、丙丁材料股份有限公司入选绿色工厂。",
        "此次入选绿色工厂的企业分别是甲乙科技有限公司、丙丁材料股份有限公司。",
        "本次认定的绿色工厂包括甲乙科技有限公司、丙丁材料股份有限公司。",
        "我省共有包括甲乙科技有限公司、丙丁材料股份有限公司在内的2家企业入选绿色工厂。",
        "此次获评绿色工厂的兵团企业是甲乙科技有限公司、丙丁材料股份有限公司。",
        "我市3家企业入选绿色工厂:甲乙科技有限公司、丙丁材料股份有限公司。",
        "宝坻区共有甲乙科技有限公司、丙丁材料股份有限公司入选绿色工厂。",
        "记者了解到,甲乙科技有限公司、丙丁材料股份有限公司成功入选绿色工厂名单。",
        "将甲乙科技有限公司、丙丁材料股份有限公司列为市级绿色工厂。",
        "把甲乙科技有限公司、丙丁材料股份有限公司列入绿色工厂名单。",
        "向甲乙科技有限公司、丙丁材料股份有限公司授予“绿色工厂”称号。",
        "为甲乙科技有限公司、丙丁材料股份有限公司颁发绿色工厂牌匾,两家企业入选绿色工厂名单。",
        "中山的甲乙科技有限公司、丙丁材料股份有限公司2家公司入选“国家绿色工厂”名单。",
        "位于宁波经济技术开发区的甲乙科技有限公司、丙丁材料股份有限公司入选绿色工厂。",
        "我省甲乙科技有限公司、丙丁材料股份有限公司入选绿色工厂。",
        "本市入选绿色工厂名单的是:1.甲乙科技有限公司、2.丙丁材料股份有限公司。",
        "入选企业依次为甲乙科技有限公司、丙丁材料股份有限公司,均获评绿色工厂。",
        "这次公布的绿色工厂包括了甲乙科技有限公司、丙丁材料股份有限公司等企业。",
        "下一步,我市将以甲乙科技有限公司、丙丁材料股份有限公司入选绿色工厂为新起点,继续推进。",
    ],
)
def test_a_name_starts_where_the_entity_starts(text):
    assert names(text) == [(F, "甲乙科技有限公司"), (F, "丙丁材料股份有限公司")]


@pytest.mark.parametrize(
    "name",
    [
        "将乐县甲乙竹业有限公司",  # 将 of a county's name, not the verb
        "向阳机械有限公司",  # a preposition's character starting a name: no verb frames it
        "为民机械有限公司",
        "福建经纬新纤科技实业有限公司",
        "有研科技集团有限公司",
        "广东美的制冷设备有限公司",  # 美的 is a brand, not "X的"
        "葵花药业集团(襄阳)隆中有限公司",  # 集团 inside a name
        "湖北祥云(集团)化工股份有限公司",
        "红塔烟草(集团)有限责任公司玉溪卷烟厂",  # a company's factory, named after it
        "上海甲乙汽车有限公司金桥工厂",
        "中国甲乙股份有限公司丙丁分公司",
        "ABC电气(中国)有限公司",
    ],
)
def test_names_that_look_like_a_prefix_are_kept_whole(name):
    assert names(f"{name}入选国家级绿色工厂。") == [(F, name)]


@pytest.mark.parametrize(
    "text,name",
    [
        ("东至县安徽甲乙化工有限公司入选绿色工厂。", "安徽甲乙化工有限公司"),  # a county before a province
        ("赣江新区甲乙线缆有限公司入选绿色工厂。", "甲乙线缆有限公司"),  # a new area is a location
        ("由甲乙科技有限公司申报的项目入选绿色工厂。", "甲乙科技有限公司"),
        ("“甲乙科技有限公司”入选绿色工厂。", "甲乙科技有限公司"),  # a quoted name is a name
        ("——甲乙科技有限公司入选绿色工厂。", "甲乙科技有限公司"),
        ("甲乙科技有限公司等12家企业被认定为绿色工厂。", "甲乙科技有限公司"),
        ("甲乙科技有限公司(2款产品)入选绿色工厂。", "甲乙科技有限公司"),
    ],
)
def test_location_and_punctuation_around_a_name(text, name):
    assert names(text) == [(F, name)]


# Two entities joined by 和 / 及 / 与 / 以及 / 、 / "," are two names; a 和 inside a name is not a join.
@pytest.mark.parametrize("joint", ["和", "及", "与", "以及", "、", ","])
def test_two_entities_joined_are_split(joint):
    text = f"甲乙机械有限公司{joint}丙丁电机股份有限公司入选绿色工厂。"
    assert names(text) == [(F, "甲乙机械有限公司"), (F, "丙丁电机股份有限公司")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("甲乙集团和丙丁集团入选绿色供应链管理企业。", [(S, "甲乙集团"), (S, "丙丁集团")]),
        (
            "甲乙有限公司、丙丁有限公司和戊己集团以及庚辛有限公司入选绿色工厂。",
            [(F, "甲乙有限公司"), (F, "丙丁有限公司"), (F, "戊己集团"), (F, "庚辛有限公司")],
        ),
        ("上海石油和化工设备有限公司入选绿色工厂。", [(F, "上海石油和化工设备有限公司")]),
        # (a federation's own list is its award, no designation: here it passes on the ministry's)
        ("中国石油和化学工业联合会公布工信部绿色工厂名单,甲乙化工有限公司入选。", [(F, "甲乙化工有限公司")]),
        ("甲乙有限公司及其子公司入选绿色工厂。", [(F, "甲乙有限公司")]),
        ("甲乙经济开发区和丙丁高新区入选绿色园区。", [(P, "甲乙经济开发区"), (P, "丙丁高新区")]),
    ],
)
def test_joins_inside_and_between_names(text, expected):
    assert names(text) == expected


# A place is never a name by itself: a county-level city, a district, a province.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("宜都市、平湖市等地的12家企业入选绿色工厂。", []),
        ("宜都市、甲乙化工有限公司入选绿色工厂名单。", [(F, "甲乙化工有限公司")]),
        ("江岸区、武昌区、甲乙有限公司入选绿色工厂名单。", [(F, "甲乙有限公司")]),
        ("湖北省、浙江省、甲乙化工有限公司入选绿色工厂名单。", [(F, "甲乙化工有限公司")]),
        ("飞鹤乳业、湖北省、香其食品等3家入选绿色工厂。", [(F, "飞鹤乳业"), (F, "香其食品")]),
        ("宜都市入选绿色工厂名单的企业有甲乙有限公司。", [(F, "甲乙有限公司")]),
        ("经济技术开发区入选绿色园区。", []),  # generic words only
        ("列入创建计划的企业和园区入选绿色园区名单。", []),
        ("推荐的绿色工业园区是具备统一管理机构的省级及以上工业园区,名单另行公布。", []),
    ],
)
def test_a_place_is_never_a_name_by_itself(text, expected):
    assert names(text) == expected


# Parks in prose: every park ending, typed green_park when their clause says 园区.
@pytest.mark.parametrize(
    "park",
    [
        "甲乙经济技术开发区",
        "甲乙经济开发区",
        "甲乙高新技术产业开发区",
        "甲乙开发区",
        "甲乙高新区",
        "甲乙工业园区",
        "甲乙化工园区",
        "甲乙产业园区",
        "甲乙产业园",
        "甲乙工业园",
        "甲乙科技园",
        "甲乙创业园",
        "甲乙投资区",
        "甲乙工业集中区",
        "甲乙产业集聚区",
        "甲乙新区",
        "甲乙示范区",
        "宁夏甲乙能源化工基地",
        "甲乙园区",
    ],
)
def test_parks_in_prose(park):
    assert names(f"{park}入选国家级绿色工业园区。") == [(P, park)]
    assert names(f"近日,省绿色园区名单公布,{park}、丙丁经济开发区入选。") == [(P, park), (P, "丙丁经济开发区")]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "截至目前,全省累计创建国家级绿色园区2个(甲乙高新区、丙丁经济开发区)、绿色工厂20家。",
            [(P, "甲乙高新区"), (P, "丙丁经济开发区")],
        ),
        (
            "国家级绿色园区3家(甲乙经济技术开发区、丙丁经济开发区、戊己经济开发区)。",
            [(P, "甲乙经济技术开发区"), (P, "丙丁经济开发区"), (P, "戊己经济开发区")],
        ),
        ("甲乙经济开发区管委会获评国家级绿色园区。", [(P, "甲乙经济开发区")]),
        ("建德经济开发区(建德新材料产业园区)等10个园区入选绿色低碳工业园区名单。", [(P, "建德经济开发区")]),
        ("经过两年的创建,甲乙经济开发区成功获评全省首个国家级绿色园区。", [(P, "甲乙经济开发区")]),
        ("申报“绿色工业园区”的拉萨经济技术开发区入选。", [(P, "拉萨经济技术开发区")]),
        # a park named as the place of a company or of a count is not designated
        ("甲乙开发区有3家企业入选绿色工厂名单。", []),
        ("甲乙经济开发区的丙丁有限公司入选绿色工厂。", [(F, "丙丁有限公司")]),
        (
            "赣江新区甲乙线缆有限公司和丙丁智能制造有限公司获评国家级绿色工厂。",
            [(F, "甲乙线缆有限公司"), (F, "丙丁智能制造有限公司")],
        ),
    ],
)
def test_parks_and_places_of_parks(text, expected):
    assert names(text) == expected


# A name's type comes from its own clause, else its heading or the nearest term.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "甲乙有限公司、丙丁有限公司入选绿色工厂,戊己有限公司入选绿色供应链管理企业。",
            [(F, "甲乙有限公司"), (F, "丙丁有限公司"), (S, "戊己有限公司")],
        ),
        (
            "绿色工厂:甲乙有限公司、丙丁有限公司。绿色园区:戊己经济开发区。",
            [(F, "甲乙有限公司"), (F, "丙丁有限公司"), (P, "戊己经济开发区")],
        ),
        (
            "其中,绿色工厂有甲乙有限公司、丙丁有限公司,绿色供应链管理企业有戊己集团。",
            [(F, "甲乙有限公司"), (F, "丙丁有限公司"), (S, "戊己集团")],
        ),
        (
            "其中,绿色工厂3家:甲乙有限公司、丙丁有限公司、戊己有限公司;绿色园区1个:庚辛高新区。",
            [(F, "甲乙有限公司"), (F, "丙丁有限公司"), (F, "戊己有限公司"), (P, "庚辛高新区")],
        ),
        # a park is a park, whatever term a later clause names
        (
            "甲乙经济开发区入选绿色园区,丙丁有限公司入选绿色供应链管理企业。",
            [(P, "甲乙经济开发区"), (S, "丙丁有限公司")],
        ),
        (
            "丙丁有限公司入选绿色供应链管理企业,甲乙经济开发区入选绿色工业园区。",
            [(S, "丙丁有限公司"), (P, "甲乙经济开发区")],
        ),
        ("甲乙高新区、丙丁有限公司分别入选绿色园区和绿色供应链管理企业。", [(P, "甲乙高新区"), (S, "丙丁有限公司")]),
        # 分别: one term each, in order
        ("甲乙有限公司、丙丁有限公司分别获评绿色工厂、绿色设计产品。", [(F, "甲乙有限公司"), (D, "丙丁有限公司")]),
        (
            "我市甲乙有限公司、丙丁有限公司经过层层评选最终成功入围,分别成为首家获得省级绿色工厂和省级绿色设计产品称号的企业。",
            [(F, "甲乙有限公司"), (D, "丙丁有限公司")],
        ),
        # a term before a parenthesis types the names inside it
        (
            "其中,绿色工厂48家(其中,甲乙有限公司、丙丁有限公司从四星级提升至五星级,包含在名单内)、"
            "绿色供应链管理企业16家(其中,戊己有限公司从四星级提升至五星级,包含在名单内)。",
            [(F, "甲乙有限公司"), (F, "丙丁有限公司"), (S, "戊己有限公司")],
        ),
        # each item its own term
        ("甲乙有限公司(绿色工厂)、丙丁有限公司(绿色设计产品)入选名单。", [(F, "甲乙有限公司"), (D, "丙丁有限公司")]),
        ("甲乙有限公司入选绿色工厂、丙丁有限公司入选绿色供应链管理企业。", [(F, "甲乙有限公司"), (S, "丙丁有限公司")]),
        # a clause that only enumerates takes the term of the clause that says what they are
        (
            "工信部公布绿色制造名单,甲乙有限公司,丙丁有限公司入选绿色供应链管理企业。",
            [(S, "甲乙有限公司"), (S, "丙丁有限公司")],
        ),
        # the owner of a design product
        ("甲乙有限公司的2款产品入选绿色设计产品名单。", [(D, "甲乙有限公司")]),
        ("甲乙有限公司生产的电动机入选绿色设计产品。", [(D, "甲乙有限公司")]),
    ],
)
def test_type_from_the_clause(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "一、绿色工厂(3家)\n甲乙有限公司、丙丁有限公司\n戊己有限公司\n二、绿色园区(1家)\n庚辛经济开发区\n"
            "三、绿色供应链管理企业\n1.壬癸集团有限公司\n2.子丑股份有限公司",
            [
                (F, "甲乙有限公司"),
                (F, "丙丁有限公司"),
                (F, "戊己有限公司"),
                (P, "庚辛经济开发区"),
                (S, "壬癸集团有限公司"),
                (S, "子丑股份有限公司"),
            ],
        ),
        # a heading sentence, then a sentence that says they were listed
        (
            "绿色设计产品入选数量历年最多。甲乙电机厂7个型号电动机产品和建龙西钢、丙丁钢铁有限公司3个型号钢材产品入选。",
            [(D, "甲乙电机厂"), (D, "建龙西钢"), (D, "丙丁钢铁有限公司")],
        ),
        # a list that ends a sentence goes on after 1.…;2.…
        (
            "本市3家企业入选绿色工厂:1.甲乙科技有限公司;2.丙丁材料股份有限公司;3.戊己食品有限公司。",
            [(F, "甲乙科技有限公司"), (F, "丙丁材料股份有限公司"), (F, "戊己食品有限公司")],
        ),
        # a sentence that opens a list (…名单公布如下: / 以下企业入选…名单。), then lines of names
        (
            "经企业申报、专家评审,现将2018年度北京市绿色工厂名单公布如下:\n1 甲乙有限公司\n2 丙丁有限公司",
            [(F, "甲乙有限公司"), (F, "丙丁有限公司")],
        ),
        (
            "以下企业入选2023年绿色供应链管理企业名单。\n甲乙有限公司、丙丁有限公司。",
            [(S, "甲乙有限公司"), (S, "丙丁有限公司")],
        ),
        # 其中 continues the sentence before it
        (
            "共有61家绿色工厂、3家绿色园区脱颖而出。其中,天津市甲乙水泥股份有限公司是在列的唯一一家水泥企业。",
            [(F, "天津市甲乙水泥股份有限公司")],
        ),
    ],
)
def test_type_from_the_heading_or_the_sentence_before(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # prose after a heading is not a list of its names
        "加快建设绿色工厂\n甲乙有限公司董事长张三表示,将继续推进节能降碳工作,公司去年营收增长百分之二十,员工超过一千人。\n丙丁有限公司",
        # a company that is the subject of something else is not said to be designated
        "截至目前,已有绿色工厂10家。其中,甲乙有限公司投资1亿元建设光伏电站。",
        "现将我县绿色工厂名单推荐请示如下:目前我县甲乙有限公司委托第三方机构开展创建工作。",
        "甲乙科技有限公司入选绿色工厂。丙丁有限公司获评省级科技进步奖。",
    ],
)
def test_names_outside_a_designation_are_not_taken(text):
    assert all(name != "丙丁有限公司" and "甲乙有限公司" not in name for _, name in names(text))


# Traditional characters and injected pinyin are normalized first: names come out simplified.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "甲乙科技有限公司、丙丁材料股份有限公司入選綠色工廠名單。",
            [(F, "甲乙科技有限公司"), (F, "丙丁材料股份有限公司")],
        ),
        ("經評審,甲乙電器有限公司入選國家級綠色供應鏈管理企業。", [(S, "甲乙电器有限公司")]),
        ("甲乙經濟開發區入選綠色工業園區。", [(P, "甲乙经济开发区")]),
        ("甲乙科技有(yǒu)限公(gōng)司入(rù)選(xuǎn)綠(lǜ)色(sè)工(gōng)廠(chǎng)。", [(F, "甲乙科技有限公司")]),
        (
            "工信部發(fā)布綠色工廠名單,甲乙機(jī)械有限公司、丙丁紡(fǎng)織有限公司入選。",
            [(F, "甲乙机械有限公司"), (F, "丙丁纺织有限公司")],
        ),
        ("ＡＢＣ电气有限公司，丙丁有限公司入选绿色工厂。", [(F, "ABC电气有限公司"), (F, "丙丁有限公司")]),
    ],
)
def test_traditional_and_pinyin_text(text, expected):
    assert names(text) == expected


# Short names stay names only where the enumeration says they were designated.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "飞鹤乳业、香其食品、航天海鹰等38家工厂、3家绿色供应链管理企业入选。",
            [(F, "飞鹤乳业"), (F, "香其食品"), (F, "航天海鹰")],
        ),
        ("飞鹤乳业、香其食品等38家企业入选绿色工厂。", [(F, "飞鹤乳业"), (F, "香其食品")]),
        ("甲乙有限公司、香其食品入选绿色工厂。", [(F, "甲乙有限公司"), (F, "香其食品")]),
        ("飞鹤乳业、香其食品等企业积极推进绿色工厂建设。", []),
    ],
)
def test_short_names_only_where_designated(text, expected):
    assert names(text) == expected


def test_short_names_need_their_own_clause_to_say_so():
    text = "会议公布了绿色工厂名单,甲乙有限公司、香其食品等企业负责人参加会议。"
    assert (F, "香其食品") not in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "绿色工厂和绿色园区名单公布",  # no one named
        "甲乙有限公司入选省级专精特新企业名单。",  # no designation term
        "甲乙有限公司积极创建绿色工厂,推进节能降碳。",  # a term, but nothing says it was listed
        "根据《关于公布甲乙有限公司等绿色工厂名单的通知》要求,做好创建工作。",  # a title names no one
    ],
)
def test_no_names_without_a_designation(text):
    assert names_from_prose(text) == []


TOKENS = [
    "甲乙",
    "丙丁",
    "有限公司",
    "集团",
    "电机厂",
    "工厂",
    "经济开发区",
    "园区",
    "新区",
    "基地",
    "、",
    ",",
    "。",
    ";",
    ":",
    "和",
    "及",
    "与",
    "以及",
    "等",
    "3家",
    "入选",
    "名单",
    "绿色工厂",
    "绿色园区",
    "绿色供应链管理企业",
    "绿色设计产品",
    "其中",
    "分别",
    "的",
    "美的",
    "将",
    "向",
    "我市",
    "(",
    ")",
    "“",
    "”",
    "《",
    "》",
    "\n",
    "1.",
    "如下",
    "有",
    "宜都市",
    " ",
    "①",
    "一、",
    "(一)",
    "双双",
    "新增",
    "旗下",
    "为",
    "经开区",
    "第三〇一工厂",
    "电饭煲",
    "第三方评价机构",
    "撤销",
    "为代表的",
    "| ",
    " |",
    "---",
]


@given(st.lists(st.sampled_from(TOKENS), max_size=40))
@settings(max_examples=400, deadline=None)
def test_names_are_total_and_well_formed(tokens):
    """Any sequence of the grammar's tokens: no error, and every name is typed, holds no
    separator, and keeps its evidence."""
    for entity in extract_names("".join(tokens)):
        assert entity.designation_type in (F, P, S, D)
        assert entity.name and not any(sep in entity.name for sep in "、,。;:\n")
        assert entity.evidence


# A word between the names and the verb (双双, 一同, 都, 喜获 …) leaves every name a name.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "甲乙机械有限公司与丙丁电子股份有限公司双双获评省级绿色工厂。",
            [(F, "甲乙机械有限公司"), (F, "丙丁电子股份有限公司")],
        ),
        (
            "甲乙机械有限公司和丙丁电子股份有限公司一同跻身绿色供应链管理企业。",
            [(S, "甲乙机械有限公司"), (S, "丙丁电子股份有限公司")],
        ),
        (
            "甲乙机械有限公司、丙丁电子股份有限公司同获市级绿色工厂称号。",
            [(F, "甲乙机械有限公司"), (F, "丙丁电子股份有限公司")],
        ),
        (
            "甲乙机械有限公司及丙丁电子股份有限公司都入选了绿色工厂名单。",
            [(F, "甲乙机械有限公司"), (F, "丙丁电子股份有限公司")],
        ),
        ("甲乙机械有限公司喜获国家级绿色工厂称号。", [(F, "甲乙机械有限公司")]),
        ("甲乙机械有限公司斩获省级绿色工厂称号。", [(F, "甲乙机械有限公司")]),
        ("甲乙机械有限公司获得省级绿色工厂认证。", [(F, "甲乙机械有限公司")]),
        (
            "甲乙经济开发区与丙丁高新技术产业开发区双双获评绿色工业园区。",
            [(P, "甲乙经济开发区"), (P, "丙丁高新技术产业开发区")],
        ),
        ("甲乙机械有限公司都江堰分公司入选绿色工厂。", [(F, "甲乙机械有限公司都江堰分公司")]),  # 都 of a place
    ],
)
def test_a_word_between_the_names_and_the_verb(text, expected):
    assert names(text) == expected


# 有 before the names is the verb (…的有A公司; ,有A公司入选), not the name's first character.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "本批获评省级绿色工厂的有甲乙纺织有限公司、丙丁食品有限公司。",
            [(F, "甲乙纺织有限公司"), (F, "丙丁食品有限公司")],
        ),
        ("获评绿色供应链管理企业的有甲乙纺织有限公司等。", [(S, "甲乙纺织有限公司")]),
        (
            "本市有庚辛经济开发区获评绿色园区,有湖南甲乙纺织有限公司获评绿色工厂。",
            [(P, "庚辛经济开发区"), (F, "湖南甲乙纺织有限公司")],
        ),
        ("有研甲乙材料有限公司获评绿色工厂。", [(F, "有研甲乙材料有限公司")]),  # a name that starts with 有
    ],
)
def test_you_before_the_names_is_a_verb(text, expected):
    assert names(text) == expected


# Lists laid out on lines: names on one line apart by spaces, numbered or not; list numbers
# (一、 (一) 1、 ①) and a place noted in parentheses after each name are not part of it.
@pytest.mark.parametrize(
    "text",
    [
        "省级绿色工厂名单:甲乙纺织有限公司 丙丁食品股份有限公司",
        "省级绿色工厂名单:1.甲乙纺织有限公司 2.丙丁食品股份有限公司",
        "省级绿色工厂名单:1、甲乙纺织有限公司 2、丙丁食品股份有限公司",
        "本批入选绿色工厂的企业分别为:1、甲乙纺织有限公司;2、丙丁食品股份有限公司",
        "新认定绿色工厂:①甲乙纺织有限公司 ②丙丁食品股份有限公司",
        "省级绿色工厂名单:“甲乙纺织有限公司”“丙丁食品股份有限公司”",
        "拟认定的省级绿色工厂名单如下:\n一、甲乙纺织有限公司\n二、丙丁食品股份有限公司",
        "2025年度省级绿色工厂名单(共2家)\n(一)甲乙纺织有限公司\n(二)丙丁食品股份有限公司",
        "省级绿色工厂名单:\n1. 甲乙纺织有限公司(柯桥区)\n2. 丙丁食品股份有限公司(上虞区)",
        "拟认定省级绿色工厂名单\n甲乙纺织有限公司(柯桥区)\n丙丁食品股份有限公司(上虞区)",
        "省级绿色工厂名单:甲乙纺织有限公司(柯桥区) 丙丁食品股份有限公司(上虞区)",
    ],
)
def test_list_layouts(text):
    assert names(text) == [(F, "甲乙纺织有限公司"), (F, "丙丁食品股份有限公司")]


def test_parks_on_one_line_apart_by_spaces():
    assert names("省级绿色园区:甲乙经济技术开发区 丙丁高新技术产业开发区") == [
        (P, "甲乙经济技术开发区"),
        (P, "丙丁高新技术产业开发区"),
    ]


def test_a_space_after_a_name_in_prose_does_not_make_a_list():
    assert names("绿色工厂名单公布 甲乙纺织有限公司 董事长赵某表示将再接再厉") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # a branch named in a parenthesis is part of the name, a place is not
        ("甲乙汽车有限公司(襄阳分公司)获评绿色工厂。", [(F, "甲乙汽车有限公司(襄阳分公司)")]),
        (
            "绿色工厂:甲乙汽车有限公司(襄阳分公司)、丙丁电器有限公司(余杭区)",
            [(F, "甲乙汽车有限公司(襄阳分公司)"), (F, "丙丁电器有限公司")],
        ),
        ("甲乙钢铁股份有限公司东山基地获评绿色工厂。", [(F, "甲乙钢铁股份有限公司东山基地")]),  # a company's base
    ],
)
def test_branches_and_bases_named_after_a_company(text, expected):
    assert names(text) == expected


# Pipe tables: a section row types the rows under it; a separator row is never a name.
def test_section_rows_inside_a_pipe_table_type_their_rows():
    text = (
        "2025年甲市绿色制造名单\n| 序号 | 名称 | 所在地 |\n| --- | --- | --- |\n| 一、绿色工厂 | | |\n"
        "| 1 | 甲乙重工有限公司 | 甲市 |\n| 二、绿色园区 | | |\n| 1 | 丙丁经济技术开发区 | 甲市 |\n"
        "| 三、绿色供应链管理企业 | | |\n| 1 | 戊己电器股份有限公司 | 甲市 |"
    )
    assert names(text) == [(F, "甲乙重工有限公司"), (P, "丙丁经济技术开发区"), (S, "戊己电器股份有限公司")]


def test_a_table_separator_row_is_not_a_name():
    text = "本县入选省级绿色工厂的企业:\n| 企业名称 |\n| :---: |\n| 甲乙纺织有限公司 |\n| 丙丁食品有限公司 |"
    assert names(text) == [(F, "甲乙纺织有限公司"), (F, "丙丁食品有限公司")]


# An area or a parent before a company is not part of its name.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("高新区企业甲乙光电有限公司获评省级绿色工厂。", [(F, "甲乙光电有限公司")]),
        (
            "经开区企业甲乙光电有限公司、丙丁工业园区企业戊己精密有限公司获评绿色工厂。",
            [(F, "甲乙光电有限公司"), (F, "戊己精密有限公司")],
        ),
        ("甲乙控股集团有限公司旗下丙丁光电有限公司获评绿色工厂。", [(F, "丙丁光电有限公司")]),
        (
            "甲乙控股集团有限公司下属丙丁光电有限公司、戊己精密有限公司获评绿色工厂。",
            [(F, "丙丁光电有限公司"), (F, "戊己精密有限公司")],
        ),
        ("甲乙控股集团有限公司下属4家企业获评绿色工厂。", []),
        ("东阳市浙江甲乙工贸有限公司获评绿色工厂。", [(F, "浙江甲乙工贸有限公司")]),  # a city before a province
        ("甲市企业管理咨询有限公司获评绿色工厂。", [(F, "甲市企业管理咨询有限公司")]),  # 企业 inside a name
    ],
)
def test_area_and_parent_prefixes(text, expected):
    assert names(text) == expected


# Companies named in another role than a designated one.
@pytest.mark.parametrize(
    "text",
    [
        "甲乙认证有限公司、丙丁咨询有限公司被确定为绿色工厂第三方评价机构。",  # evaluators
        "甲乙咨询有限公司为入选绿色工厂的企业提供碳核算服务。",  # a service provider
        "甲乙供电公司向获评绿色工厂的企业提供用能诊断。",
        "该企业获评绿色工厂,其主要客户有甲乙重工有限公司、丙丁汽车有限公司。",  # customers
        "甲乙电子有限公司入选省级专精特新中小企业名单,该公司此前已建设绿色工厂示范产线。",  # another list's cue
        "获评绿色园区的园区将获得资金支持,甲乙高新区管委会相关负责人介绍。",  # a speaker
        "经复核,甲乙钢铁有限公司不再符合条件,撤销其绿色工厂称号。",  # a revoked designation
        "经审核,将甲乙钢铁有限公司等3家企业移出省级绿色工厂名单。",
    ],
)
def test_companies_in_another_role_are_not_designated(text):
    assert names(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("甲乙认证有限公司是绿色工厂第三方评价机构,丙丁纺织有限公司获评绿色工厂。", [(F, "丙丁纺织有限公司")]),
        ("甲乙纺织有限公司入选2025年度国家级名单,成为绿色工厂。", [(F, "甲乙纺织有限公司")]),  # no other list
        ("绿色工厂名单公布,甲乙纺织有限公司成为本市唯一一家入选企业。", [(F, "甲乙纺织有限公司")]),
        ("省级绿色工厂名单公布,甲乙纺织有限公司入选。撤销丙丁钢铁有限公司称号。", [(F, "甲乙纺织有限公司")]),
    ],
)
def test_the_designated_beside_other_roles(text, expected):
    assert names(text) == expected


# 新增 says they were designated.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("本县新增甲乙纺织有限公司等3家省级绿色工厂。", [(F, "甲乙纺织有限公司")]),
        (
            "全区已有省级绿色工厂9家,其中今年新增甲乙纺织有限公司、丙丁食品有限公司。",
            [(F, "甲乙纺织有限公司"), (F, "丙丁食品有限公司")],
        ),
    ],
)
def test_xinzeng_is_a_designation_cue(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "park", ["甲乙经开区", "甲乙中外生态园", "甲乙港保税区", "甲乙化学工业区", "甲乙经济综合实验区"]
)
def test_more_park_endings(park):
    assert names(f"{park}获评省级绿色园区。") == [(P, park)]
    assert names(f"{park}的丙丁有限公司获评绿色工厂。") == [(F, "丙丁有限公司")]  # a place


# A sentence whose clauses open with a term and say what it is (绿色园区为X) lists names with no cue word.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "本市共有4家单位上榜。绿色园区为甲乙经济开发区,绿色供应链管理企业为丙丁电机有限公司、戊己电器有限公司。",
            [(P, "甲乙经济开发区"), (S, "丙丁电机有限公司"), (S, "戊己电器有限公司")],
        ),
        (
            "上榜的绿色工厂有甲乙化工有限公司;绿色设计产品有丙丁化工有限公司的烧碱产品。",
            [(F, "甲乙化工有限公司"), (D, "丙丁化工有限公司")],
        ),
        ("创建绿色工厂是甲乙化工有限公司的重要举措。", []),
        ("绿色工厂是甲乙化工有限公司推进转型的抓手。", []),
    ],
)
def test_a_term_that_opens_its_clause(text, expected):
    assert names(text) == expected


# A design product's noun may follow its owner's name.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "获评绿色设计产品的有:甲乙电器有限公司洗碗机、丙丁家电制造有限公司空气净化器。",
            [(D, "甲乙电器有限公司"), (D, "丙丁家电制造有限公司")],
        ),
        ("甲乙电器有限公司参与制定的绿色设计产品评价标准入选行业标准。", []),  # 参与 is no 与
    ],
)
def test_a_product_after_its_owner(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("中国甲乙工业第三〇一工厂获评绿色工厂。", [(F, "中国甲乙工业第三〇一工厂")]),  # 工厂 after a number
        ("甲乙有限公司第二工厂获评绿色工厂。", [(F, "甲乙有限公司第二工厂")]),
        ("和丰甲乙科技有限公司获评绿色供应链管理企业。", [(S, "和丰甲乙科技有限公司")]),  # a name that starts with 和
    ],
)
def test_registered_factories_and_names_starting_with_he(text, expected):
    assert names(text) == expected


# Short names counted as companies after 等 or 为代表, never trades or places.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("甲乙电器、丙丁家居等家电龙头企业获评绿色供应链管理企业。", [(S, "甲乙电器"), (S, "丙丁家居")]),
        ("以甲乙石化、丙丁铜业为代表的9家企业获评绿色工厂。", [(F, "甲乙石化"), (F, "丙丁铜业")]),
        ("钢铁、化工、建材等9家企业获评绿色工厂。", []),
        ("涉及钢铁、化工等行业的9家企业获评绿色工厂。", []),
        ("甲市、乙县等地企业获评绿色工厂。", []),
        ("甲乙电器、丙丁家居等企业积极创建绿色工厂。", []),
    ],
)
def test_short_names_counted_as_companies(text, expected):
    assert names(text) == expected


def test_section_rows_inside_a_one_column_table_type_their_rows():
    text = "| 企业名称 |\n| --- |\n| 一、绿色工厂 |\n| 甲乙纺织有限公司 |\n| 二、绿色供应链管理企业 |\n| 丙丁食品有限公司 |"
    assert names(text) == [(F, "甲乙纺织有限公司"), (S, "丙丁食品有限公司")]


@pytest.mark.parametrize(
    "text",
    [
        "| 企业名称 |\n| 甲乙纺织有限公司 |",  # no designation named anywhere: no type, no designation
        "| 序号 | 企业名称 |\n| 1 | 甲乙纺织有限公司 |",
        "本市绿色工厂:\n| 企业名称 |\n| 以下排名不分先后,名单如下。 |",  # a sentence in a name's cell
    ],
)
def test_table_rows_without_a_type_or_a_name_are_not_taken(text):
    assert names(text) == []


# A count, then 为 / 是 / 包括 and the names: the verb opens the list (国家级绿色园区1家,为X开发区),
# and a subtotal after a 其中 sentence goes on with its term (…;城西区1家,为Y公司).
@pytest.mark.parametrize(
    "text,expected",
    [
        ("本年度新增省级绿色园区1个,为甲乙经济开发区。", [(P, "甲乙经济开发区")]),
        (
            "省级绿色供应链管理企业2家,是甲乙电器有限公司和丙丁泵业有限公司。",
            [(S, "甲乙电器有限公司"), (S, "丙丁泵业有限公司")],
        ),
        (
            "全区绿色工厂3家。其中,东城片区2家,分别为甲乙纸业有限公司、丙丁化纤有限公司;西城片区1家,为戊己建材有限公司。",
            [(F, "甲乙纸业有限公司"), (F, "丙丁化纤有限公司"), (F, "戊己建材有限公司")],
        ),
        ("省级绿色工厂合计26家,是历年最多的一次。", []),  # no names after the count
        ("培育国家级绿色工厂1家,为全区园区绿色发展树立了标杆,甲乙污水处理厂等设施相继建成。", []),
        (
            "绿色供应链管理企业包括甲乙电器有限公司、丙丁泵业有限公司等。",
            [(S, "甲乙电器有限公司"), (S, "丙丁泵业有限公司")],
        ),
    ],
)
def test_a_count_then_its_list(text, expected):
    assert names(text) == expected


# Words before a name that are never part of it: 来自, 涉及, 的是, a member (会员单位).
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "本市9款产品入选绿色设计产品,分别来自甲乙电器有限公司和丙丁泵业有限公司。",
            [(D, "甲乙电器有限公司"), (D, "丙丁泵业有限公司")],
        ),
        ("入选绿色设计产品的12款产品涉及甲乙电器有限公司等5家企业。", [(D, "甲乙电器有限公司")]),
        (
            "今年新认定省级绿色工厂的是甲乙纸业有限公司和丙丁化纤有限公司。",
            [(F, "甲乙纸业有限公司"), (F, "丙丁化纤有限公司")],
        ),
        ("本会会员单位甲乙纸业有限公司入选绿色工厂。", [(F, "甲乙纸业有限公司")]),
        (
            "本县申报的甲乙纸业有限公司、丙丁化纤有限公司悉数入选绿色工厂。",
            [(F, "甲乙纸业有限公司"), (F, "丙丁化纤有限公司")],
        ),
        ("甲乙纸业有限公司、丙丁化纤有限公司新获评省级绿色工厂。", [(F, "甲乙纸业有限公司"), (F, "丙丁化纤有限公司")]),
    ],
)
def test_more_words_before_and_after_a_name(text, expected):
    assert names(text) == expected


# A sentence that names 绿色 but no designation type (…绿色制造名单…) types no one and leaves the
# heading before it in force; names no term types take the type of a summary right after them.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "本县2家企业获评省级绿色工厂\n日前,省厅公布新一批绿色制造名单,甲乙纸业有限公司、丙丁化纤有限公司上榜。",
            [(F, "甲乙纸业有限公司"), (F, "丙丁化纤有限公司")],
        ),
        (
            "省厅公布新一批名单,甲乙纸业有限公司、丙丁化纤有限公司在列。至此,本县省级绿色工厂达到15家。",
            [(F, "甲乙纸业有限公司"), (F, "丙丁化纤有限公司")],
        ),
        ("甲乙纸业有限公司成功入选。这是本县企业首次获评绿色供应链管理企业。", [(S, "甲乙纸业有限公司")]),
        (
            "1.甲乙纸业有限公司 2.丙丁化纤有限公司\n以上企业被认定为省级绿色工厂。",
            [(F, "甲乙纸业有限公司"), (F, "丙丁化纤有限公司")],
        ),
        # a summary of two types, another list, or names nothing says were designated: no one
        ("甲乙纸业有限公司、丙丁化纤有限公司入选。截至目前,本县绿色工厂12家、绿色供应链管理企业2家。", []),
        ("甲乙纸业有限公司入选专精特新企业名单。至此,本县省级绿色工厂达到15家。", []),
        ("甲乙纸业有限公司举行签约仪式。以上企业入选绿色工厂。", []),
        ("省厅公布新一批绿色制造名单。甲乙纸业有限公司、丙丁化纤有限公司在列。", []),
    ],
)
def test_types_from_a_headline_or_a_summary(text, expected):
    assert names(text) == expected


def test_a_heading_then_names_joined_by_he():
    text = "2家企业入选省级绿色供应链管理企业名单\n分别为甲乙电器有限公司和丙丁泵业有限公司。"
    assert names(text) == [(S, "甲乙电器有限公司"), (S, "丙丁泵业有限公司")]


@pytest.mark.parametrize("park", ["甲乙循环经济产业区", "甲乙工业集中发展区"])
def test_park_endings_of_industry_areas(park):
    assert names(f"{park}入选省级绿色园区。") == [(P, park)]
    assert names(f"{park}有3家企业入选绿色工厂。") == []


# A short name, then the full name in a parenthesis: the full name is the name.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("甲乙电气(甲乙电气股份有限公司)入选绿色供应链管理企业。", [(S, "甲乙电气股份有限公司")]),
        (
            "甲乙集团(甲乙实业集团股份有限公司)、丙丁(丙丁泵业有限公司)获评绿色工厂。",
            [(F, "甲乙实业集团股份有限公司"), (F, "丙丁泵业有限公司")],
        ),
        ("甲乙泵业有限公司(丙丁集团全资子公司)获评绿色工厂。", [(F, "甲乙泵业有限公司")]),  # a note, not a name
    ],
)
def test_a_full_name_in_parentheses_after_a_short_one(text, expected):
    assert names(text) == expected


# In a clause of design products, the nouns after an owner's product are products, and a short
# owner is the name before its 的.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("甲乙电器有限公司的电饭煲、电水壶等3款产品入选绿色设计产品名单。", [(D, "甲乙电器有限公司")]),
        (
            "绿色设计产品:甲乙电器有限公司(电饭煲、电水壶)、丙丁泵业有限公司(水泵)。",
            [(D, "甲乙电器有限公司"), (D, "丙丁泵业有限公司")],
        ),
        ("绿色设计产品方面,甲乙电器有限公司的电饭煲、丙丁的电水壶入选。", [(D, "甲乙电器有限公司"), (D, "丙丁")]),
    ],
)
def test_products_beside_their_owners(text, expected):
    assert names(text) == expected


# A clause that opens with a name, then a clause that opens with its designation: the name is
# the subject. A speaker, a provider of a service or a circumstance is not.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("甲乙泵业有限公司联合上下游30余家企业推行绿色采购,获评省级绿色供应链管理企业。", [(S, "甲乙泵业有限公司")]),
        ("甲乙经济开发区推进循环化改造,成功获评省级绿色园区。", [(P, "甲乙经济开发区")]),
        ("甲乙泵业有限公司总经理李某表示,获评绿色工厂是对企业的激励。", []),
        ("甲乙咨询有限公司为丙丁泵业有限公司提供能源审计服务,助其获评绿色工厂。", []),
        ("在甲乙泵业有限公司的带动下,丙丁铸造有限公司等配套企业获评绿色工厂。", [(F, "丙丁铸造有限公司")]),
        ("甲乙泵业有限公司开展节能改造,推进绿色工厂建设。", []),  # no designation
    ],
)
def test_a_clause_that_opens_with_its_subject(text, expected):
    assert names(text) == expected


# Pasted tables: a caption above each table types its rows; a 简称 column holds names.
def test_a_caption_above_each_table_types_its_rows():
    text = (
        "一、绿色园区\n| 序号 | 名称 |\n| --- | --- |\n| 1 | 甲乙高新区 |\n"
        "二、绿色供应链管理企业\n| 序号 | 名称 |\n| --- | --- |\n| 1 | 丙丁泵业有限公司 |"
    )
    assert names(text) == [(P, "甲乙高新区"), (S, "丙丁泵业有限公司")]


def test_a_column_of_short_names():
    text = "本市入选省级绿色工厂的企业\n| 序号 | 企业简称 | 所在县 |\n| --- | --- | --- |\n| 1 | 甲乙泵业 | 东县 |"
    assert names(text) == [(F, "甲乙泵业")]


def test_pinyin_in_full_width_parentheses():
    text = "省工（gōng）信厅公布名单，甲乙泵业有限公司入（rù）选绿色工厂。"
    assert names(text) == [(F, "甲乙泵业有限公司")]


# Tables pasted as text with tabs: a header or none, a merged type cell left empty, a caption
# above typing the table, a note after a name in a cell.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "绿色工厂名单\n序号\t企业名称\t所在地区\n1\t甲乙科技有限公司\t某市\n2\t丙丁材料股份有限公司\t某县",
            [(F, "甲乙科技有限公司"), (F, "丙丁材料股份有限公司")],
        ),
        (
            "绿色工厂\t1\t甲乙科技有限公司\n\t2\t丙丁材料股份有限公司\n绿色供应链管理企业\t1\t戊己电器有限公司",
            [(F, "甲乙科技有限公司"), (F, "丙丁材料股份有限公司"), (S, "戊己电器有限公司")],
        ),
        (
            "类别\t名称\n绿色工厂\t甲乙化工有限公司\n绿色园区\t某某经济开发区\n绿色设计产品\t戊己化工有限公司（磷酸一铵）",
            [(F, "甲乙化工有限公司"), (P, "某某经济开发区"), (D, "戊己化工有限公司")],
        ),
    ],
)
def test_tab_tables_pasted_as_text(text, expected):
    assert sorted(names(text)) == sorted(expected)


# Lists laid out as lines or runs: bullets, ① without separators, a slash, dashes, a form's
# field label, a long note after the name, a product after its owner under a products heading.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "■ 绿色工厂\n● 甲乙科技有限公司\n● 丙丁材料股份有限公司",
            [(F, "甲乙科技有限公司"), (F, "丙丁材料股份有限公司")],
        ),
        (
            "上榜省级绿色工厂的企业:①甲乙科技有限公司②丙丁材料股份有限公司",
            [(F, "甲乙科技有限公司"), (F, "丙丁材料股份有限公司")],
        ),
        (
            "省级绿色工厂名单:甲乙科技有限公司/丙丁材料股份有限公司",
            [(F, "甲乙科技有限公司"), (F, "丙丁材料股份有限公司")],
        ),
        (
            "某市绿色工厂名单出炉——甲乙科技有限公司、丙丁材料股份有限公司",
            [(F, "甲乙科技有限公司"), (F, "丙丁材料股份有限公司")],
        ),
        (
            "两家企业——甲乙科技有限公司、丙丁材料股份有限公司——入选国家级绿色工厂。",
            [(F, "甲乙科技有限公司"), (F, "丙丁材料股份有限公司")],
        ),
        ("绿色设计产品\n企业名称:甲乙科技有限公司\n产品名称:毛织品", [(D, "甲乙科技有限公司")]),
        (
            "省级绿色工厂拟认定名单:\n1. 甲乙科技有限公司（第三方评价机构:某某质量检验研究院）",
            [(F, "甲乙科技有限公司")],
        ),
        (
            "绿色设计产品:\n甲乙电器股份有限公司 电压力锅\n丙丁生活电器有限公司 电饭锅",
            [(D, "甲乙电器股份有限公司"), (D, "丙丁生活电器有限公司")],
        ),
    ],
)
def test_lists_laid_out_in_lines_and_runs(text, expected):
    assert sorted(names(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "甲乙控股股份公司同时入选绿色工厂和绿色供应链管理企业两项名单。",
            [(F, "甲乙控股股份公司"), (S, "甲乙控股股份公司")],
        ),
        (
            "甲乙集团股份有限公司同仁制药厂和北京协和药厂有限公司入选绿色工厂。",
            [(F, "甲乙集团股份有限公司同仁制药厂"), (F, "北京协和药厂有限公司")],
        ),
        ("甲乙冶炼股份有限公司由省级绿色工厂晋升为国家级绿色工厂。", [(F, "甲乙冶炼股份有限公司")]),
        ("国家级绿色供应链管理企业花落我市:甲乙发展股份有限公司喜提这一“国字号”招牌。", [(S, "甲乙发展股份有限公司")]),
        ("安徽（淮北）新型煤化工合成材料基地入选国家级绿色工业园区。", [(P, "安徽(淮北)新型煤化工合成材料基地")]),
        ("甲乙实业股份有限公司入选绿色工厰名单。", [(F, "甲乙实业股份有限公司")]),
    ],
)
def test_joined_designations_names_holding_a_conjunction_and_rarer_cues(text, expected):
    assert sorted(names(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "省级绿色工厂培育库入库企业名单\n甲乙科技有限公司\n丙丁材料股份有限公司",
        "确定甲乙科技有限公司等15家企业为2025年度绿色工厂重点培育对象。",
        "申报绿色工厂的企业名单\n甲乙科技有限公司",
    ],
)
def test_candidates_for_a_designation_are_not_designated(text):
    assert names(text) == []


# A clause that opens with short names its verb designates; trades and places are not names.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("甲乙恒升、丙丁化工获评国家级绿色工厂。", [(F, "甲乙恒升"), (F, "丙丁化工")]),
        ("甲乙、丙丁两大乳企均上榜绿色工厂名单。", [(F, "甲乙"), (F, "丙丁")]),
        ("甲乙、OPPO双双入选国家级绿色供应链管理企业。", [(S, "甲乙"), (S, "OPPO")]),
        ("钢铁、化工行业入选绿色工厂", []),
        ("宁波、温州入选绿色工厂示范城市", []),
        ("南湖区、秀洲区获评绿色工厂", []),
    ],
)
def test_short_names_as_the_subject_of_a_designation(text, expected):
    assert sorted(names(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "绿色工厂名单\n1.甲乙高新材料有限\n公司\n2.丙丁新材料有限公司",
            [(F, "甲乙高新材料有限公司"), (F, "丙丁新材料有限公司")],
        ),
        (
            "2024年度省级绿色工厂名单\n1 甲乙永磁科技股份有限公司 某市工业和信息化局\n2 丙丁钨业股份有限公司 某市工业和信息化局",
            [(F, "甲乙永磁科技股份有限公司"), (F, "丙丁钨业股份有限公司")],
        ),
    ],
)
def test_names_broken_over_lines_and_list_lines_with_their_recommender(text, expected):
    assert sorted(names(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("获评国家级绿色工厂的甲乙风电有限公司,产品主要供应丙丁科技股份有限公司、戊己能源有限公司等整机厂。", []),
        (
            "我县1家企业入选省级绿色工厂（甲乙化工有限责任公司），2家企业入选培育库（丙丁化工有限公司、戊己科技有限公司）。",
            [(F, "甲乙化工有限责任公司")],
        ),
    ],
)
def test_customers_and_cultivation_lists_are_not_designated(text, expected):
    assert [x for x in names(text) if x[1] != "甲乙风电有限公司"] == expected


# A clause before the name that ends in 了 or an adverb (最终) is not part of it; a name that
# the text says was not designated, or that supplies another, is not designated.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("名单中赫然出现了甲乙动力重工有限公司的名字——该公司获评国家级绿色工厂。", [(F, "甲乙动力重工有限公司")]),
        (
            "全市共有11家企业申报,最终甲乙电缆有限公司、丙丁装备股份有限公司入选省级绿色工厂。",
            [(F, "甲乙电缆有限公司"), (F, "丙丁装备股份有限公司")],
        ),
        (
            "甲乙集团股份有限公司入选国家级绿色工厂,同为陶瓷企业的丙丁集团股份有限公司本次落选。",
            [(F, "甲乙集团股份有限公司")],
        ),
        (
            "甲乙能源股份有限公司的组件入选绿色设计产品,组件玻璃由丙丁光能控股有限公司提供。",
            [(D, "甲乙能源股份有限公司")],
        ),
        (
            "绿色工厂认定结果出炉 甲乙化工(集团)有限责任公司成功摘得“国字号”金字招牌",
            [(F, "甲乙化工(集团)有限责任公司")],
        ),
    ],
)
def test_a_clause_before_or_after_the_name_is_not_part_of_it(text, expected):
    assert names(text) == expected


def test_names_apart_by_runs_of_spaces():
    assert names("国家级绿色工厂:&nbsp;甲乙橡胶集团股份有限公司&nbsp;&nbsp;丙丁机工有限公司") == [
        (F, "甲乙橡胶集团股份有限公司"),
        (F, "丙丁机工有限公司"),
    ]


def test_an_advert_for_applying_names_no_designation():
    assert names("绿色工厂认证 绿色工厂申报 代办公司 咨询热线400-888-0000 甲乙节能科技有限公司") == []


def test_a_table_row_whose_outcome_is_not_designated_is_no_name():
    text = "绿色工厂\n企业名称\t状态\n甲乙钢铁股份有限公司\t认定\n丙丁特钢有限公司\t培育"
    assert names(text) == [(F, "甲乙钢铁股份有限公司")]


def test_a_list_line_with_its_products_after_a_colon_under_an_opener():
    text = (
        "日前,我市5家企业的12种产品入选国家级绿色设计产品名单。分别是:\n①甲乙卫生用品有限公司:婴儿纸尿裤(3个型号)\n"
        "②丙丁陶瓷有限公司:陶瓷砖(4个型号)"
    )
    assert names(text) == [(D, "甲乙卫生用品有限公司"), (D, "丙丁陶瓷有限公司")]


def test_a_negated_cue_designates_no_one():
    assert names("我市共有6家企业申报国家级绿色工厂,其中甲乙水泥有限公司等3家企业因能耗指标未达到要求未能入选。") == []


def test_a_list_wrapped_inside_a_name_is_joined():
    text = (
        "同时,园区内甲乙果业有限公司、丙丁精密零部件(中国)有限公司、戊己汽车\n零部件有限公司、庚辛新材料科技股份有限公司"
        "4家企业入选国家级绿色工厂。"
    )
    assert names(text) == [
        (F, "甲乙果业有限公司"),
        (F, "丙丁精密零部件(中国)有限公司"),
        (F, "戊己汽车零部件有限公司"),
        (F, "庚辛新材料科技股份有限公司"),
    ]


def test_a_sentence_describing_a_name_after_the_list_types_nothing():
    text = (
        "甲乙新材料有限公司入选国家级绿色工厂,其聚酯切片产品入选国家级绿色设计产品。"
        "其中,甲乙新材料有限公司是某集团的全资子公司,其关联企业丙丁汽车部件有限公司此前未参与申报。"
    )
    assert names(text) == [(F, "甲乙新材料有限公司")]


def test_a_section_of_revoked_designations_after_the_list_is_no_list():
    text = (
        "绿色工厂名单\n| 序号 | 企业名称 | 所在地 |\n| 1 | 甲乙印染有限公司 | 海安市 |\n二、撤销省级绿色工厂称号企业名单\n"
        "| 序号 | 企业名称 | 所在地 |\n| 1 | 丙丁化工有限公司 | 启东市 |\n版权所有 某报 | 网络文化经营许可证 苏网文〔2020〕10472号"
    )
    assert names(text) == [(F, "甲乙印染有限公司")]


def test_an_owner_with_a_parenthesis_in_its_name_after_its_product():
    assert names("绿色设计产品有:铅酸蓄电池(甲乙电源股份有限公司)、锂离子电池(丙丁电池集团(安徽)有限公司)。") == [
        (D, "甲乙电源股份有限公司"),
        (D, "丙丁电池集团(安徽)有限公司"),
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "省级绿色工厂:\n【长沙县】甲乙汽车制造有限公司\n【望城区】丙丁暖通设备有限公司",
            [(F, "甲乙汽车制造有限公司"), (F, "丙丁暖通设备有限公司")],
        ),  # a district in brackets before the name
        (
            "绿色工厂\n1福建甲乙锦江股份有限公司\n2福建丙丁聚纤科技有限公司",
            [(F, "福建甲乙锦江股份有限公司"), (F, "福建丙丁聚纤科技有限公司")],
        ),
        (
            "省级绿色供应链管理企业\nA. 甲乙电池集团股份有限公司\nB. 丙丁电源集团有限公司",
            [(S, "甲乙电池集团股份有限公司"), (S, "丙丁电源集团有限公司")],
        ),
        (
            "绿色工厂:Ⅰ. 甲乙重工集团股份有限公司 Ⅱ. 丙丁轴承集团有限责任公司",
            [(F, "甲乙重工集团股份有限公司"), (F, "丙丁轴承集团有限责任公司")],
        ),  # Roman numbers (NFKC: I., II.)
        (
            "1. 甲乙化学工业集团有限公司(绿色工厂)\n2. 丙丁经济技术开发区(绿色园区)\n3. 戊己铜箔集团股份有限公司(绿色供应链管理企业)",
            [(F, "甲乙化学工业集团有限公司"), (P, "丙丁经济技术开发区"), (S, "戊己铜箔集团股份有限公司")],
        ),
    ],
)
def test_list_lines_numbered_noted_or_typed_in_many_ways(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("福建甲乙核电有限公司成功创建国家级绿色工厂。", [(F, "福建甲乙核电有限公司")]),
        (
            "武汉甲乙显示技术有限公司成功晋级国家级绿色工厂,此前该公司为省级绿色工厂。",
            [(F, "武汉甲乙显示技术有限公司")],
        ),
        (
            "入选省级绿色工厂的为甲乙钢铁集团有限公司,入选省级绿色园区的为济南甲乙新材料产业园区。",
            [(F, "甲乙钢铁集团有限公司"), (P, "济南甲乙新材料产业园区")],
        ),
        ("中新甲乙生态城入选国家级绿色园区。", [(P, "中新甲乙生态城")]),
        ("近日,灵宝甲乙晨光有色\n矿冶有限公司入选国家级绿色工厂。", [(F, "灵宝甲乙晨光有色矿冶有限公司")]),
    ],
)
def test_cues_subjects_and_wrapped_names(text, expected):
    assert names(text) == expected


def test_counts_with_their_names_in_parentheses_keep_their_own_type():
    assert names(
        "我区新增国家级绿色工厂2家(甲乙集团股份有限公司、丙丁电子股份有限公司)、绿色供应链管理企业1家(戊己集团股份有限公司)。"
    ) == [(F, "甲乙集团股份有限公司"), (F, "丙丁电子股份有限公司"), (S, "戊己集团股份有限公司")]


def test_columns_pasted_with_spaces_and_other_columns_of_a_table_are_no_names():
    spaced = (
        "山东省绿色工厂\n序号   企业名称                 所在地\n1      济宁甲乙毛纺有限公司       济宁市\n"
        "2      山东丙丁股份有限公司     德州市"
    )
    assert names(spaced) == [(F, "济宁甲乙毛纺有限公司"), (F, "山东丙丁股份有限公司")]
    tabbed = (
        "绿色工厂拟认定名单\n序号\t企业名称\t第三方评价机构\n1\t池州甲乙新材料科技有限公司\t某电子技术标准化研究院\n"
        "2\t安徽丙丁再生资源科技有限公司\t北京戊己认证有限责任公司"
    )
    assert names(tabbed) == [(F, "池州甲乙新材料科技有限公司"), (F, "安徽丙丁再生资源科技有限公司")]


def test_a_list_lead_that_names_places_still_opens_the_list():
    text = (
        "经企业申报、县(市)区和开发区推荐、专家评审,拟认定以下2家企业为2024年度合肥市绿色工厂:\n"
        "1、合肥甲乙建材股份有限公司\n2、安徽丙丁包装集团有限公司(高新区)"
    )
    assert names(text) == [(F, "合肥甲乙建材股份有限公司"), (F, "安徽丙丁包装集团有限公司")]


def test_a_sentence_naming_the_designated_of_the_sentence_before():
    text = (
        "江苏省公布2024年度江苏省绿色工厂名单,我市甲乙纺机等3家企业榜上有名。"
        "据了解,此次入选的3家企业分别是江苏甲乙纺织机械有限公司、海安丙丁精工科技有限公司和南通戊己新材料股份有限公司。"
    )
    assert [n for n in names(text) if n[1].endswith("公司")] == [
        (F, "江苏甲乙纺织机械有限公司"),
        (F, "海安丙丁精工科技有限公司"),
        (F, "南通戊己新材料股份有限公司"),
    ]


def test_a_list_laid_out_two_entries_a_row():
    text = (
        "一、省级绿色低碳工厂名单\n序号  企业名称                    序号  企业名称\n"
        "1     浙江甲乙管业集团股份有限公司    2     舟山丙丁包装有限公司\n3     宁波戊己包装有限公司*          4     诸暨庚辛炭黑有限公司"
    )
    assert names(text) == [
        (F, "浙江甲乙管业集团股份有限公司"),
        (F, "舟山丙丁包装有限公司"),
        (F, "宁波戊己包装有限公司"),
        (F, "诸暨庚辛炭黑有限公司"),
    ]


def test_names_with_notes_after_the_verb_that_opens_the_list():
    text = (
        "我区3家企业获评市级绿色工厂。获评企业分别为合肥甲乙光伏材料有限公司(光伏组件)、合肥丙丁微电子有限公司(集成电路封装)"
        "和安徽戊己智能装备有限公司(智能装备)。"
    )
    assert names(text) == [
        (F, "合肥甲乙光伏材料有限公司"),
        (F, "合肥丙丁微电子有限公司"),
        (F, "安徽戊己智能装备有限公司"),
    ]


def test_another_list_named_after_the_designated_is_not_theirs():
    text = "我市新增省级绿色工厂3家。此外,为企业提供诊断服务的南通甲乙节能技术服务有限公司今年入选了省级绿色制造服务机构名录。"
    assert names(text) == []


def test_a_chemical_works_and_a_marked_cell_after_a_page_break():
    text = "绿色工厂名单\n序号\t企业名称\n1\t甲乙纺织有限公司\n共2页 首页 下一页\n2\t金华丙丁化工厂\n3\t宁波戊己精工集团公司*"
    assert names(text) == [(F, "甲乙纺织有限公司"), (F, "金华丙丁化工厂"), (F, "宁波戊己精工集团公司")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("园区龙头企业荆州市甲乙机械股份有限公司入选国家级绿色供应链管理企业。", [(S, "荆州市甲乙机械股份有限公司")]),
        ("同属甲乙控股集团的醴陵丙丁电瓷电器有限公司于2022年获评国家级绿色工厂。", [(F, "醴陵丙丁电瓷电器有限公司")]),
        ("绿色工厂名单\n| 序号 | 企业名称 |\n| 1 | 甲乙纺织有限公司 |\n| 合计 | 28家 |", [(F, "甲乙纺织有限公司")]),
    ],
)
def test_a_role_before_an_owner_before_and_a_total_row_are_no_names(text, expected):
    assert names(text) == expected


def test_two_designations_of_one_name_each_with_its_level():
    assert names("其中,合肥甲乙新能源有限公司在今年同时入选国家级绿色工厂和国家级绿色供应链管理企业。") == [
        (F, "合肥甲乙新能源有限公司"),
        (S, "合肥甲乙新能源有限公司"),
    ]


def test_names_designated_before_are_designated():
    assert names("其中,荆州甲乙汽车技术(检测)有限公司、湖北丙丁石英玻璃股份有限公司此前已入选国家级绿色工厂。") == [
        (F, "荆州甲乙汽车技术(检测)有限公司"),
        (F, "湖北丙丁石英玻璃股份有限公司"),
    ]


# Found by review: spaces, 了 and digits inside real names; roles and subsidiaries around them;
# notes that say "not yet"; adverts; 不久 before a cue.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("我市宁波了望科技有限公司入选国家级绿色工厂。", [(F, "宁波了望科技有限公司")]),
        ("361度(中国)有限公司入选国家级绿色工厂。", [(F, "361度(中国)有限公司")]),
        ("A.O.史密斯(中国)热水器有限公司入选国家级绿色工厂。", [(F, "A.O.史密斯(中国)热水器有限公司")]),
        (
            "其中2家为宁波甲乙光电有限公司、宁波丙丁电子股份有限公司,入选国家级绿色工厂。",
            [(F, "宁波甲乙光电有限公司"), (F, "宁波丙丁电子股份有限公司")],
        ),
        ("宁波甲乙集团的供应商宁波丙丁光电有限公司入选国家级绿色工厂。", [(F, "宁波丙丁光电有限公司")]),
        ("1. 宁波甲乙有限公司(绿色工厂培育库)", []),
        ("中国电子技术标准化研究院\n宁波甲乙电子股份有限公司入选国家级绿色工厂。", [(F, "宁波甲乙电子股份有限公司")]),
        ("绿色工厂名单公布,宁波甲乙厨具有限公司入选,该公司投资4000万元建设光伏。", [(F, "宁波甲乙厨具有限公司")]),
        ("前不久入选国家级绿色工厂的宁波甲乙厨具有限公司。", [(F, "宁波甲乙厨具有限公司")]),
        ("宁波甲乙厨具有限公司成功创建省级企业技术中心,正在积极申报国家级绿色工厂。", []),
        ("宁波甲乙厨具有限公司提供的吸油烟机入选国家级绿色设计产品名单。", [(D, "宁波甲乙厨具有限公司")]),
    ],
)
def test_review_cases(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "2024年度河南省绿色工厂拟认定名单公示 豫西南地区入选企业一览\n本网整理了南阳、平顶山五市的拟认定企业,共2家(按公示名单顺序排列):\n"
            "南阳甲乙纺织科技有限公司(南阳);平顶山丙丁电机制造有限公司(平顶山)",
            [(F, "南阳甲乙纺织科技有限公司"), (F, "平顶山丙丁电机制造有限公司")],
        ),
        (
            "淄博市6家企业入选2023年度山东省绿色工厂。入选企业涉及化工、建材等多个行业。部分入选企业名单如下:甲乙石化股份有限公司临淄分公司;"
            "山东丙丁化工(集团)股份有限公司",
            [(F, "甲乙石化股份有限公司临淄分公司"), (F, "山东丙丁化工(集团)股份有限公司")],
        ),
    ],
)
def test_a_list_opened_with_no_term_takes_the_type_named_before(text, expected):
    assert [n for n in names(text) if n[1].endswith("公司")] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "2023年度绿色设计产品名单公布。本网摘录拟入选企业及产品如下:\n1.厦门甲乙卫浴科技有限公司:智能坐便器\n2.泉州市丙丁鞋业有限公司——运动鞋\n"
            "3.水性木器涂料(福建戊己涂料有限公司)",
            [(D, "厦门甲乙卫浴科技有限公司"), (D, "泉州市丙丁鞋业有限公司"), (D, "福建戊己涂料有限公司")],
        ),
        (
            "省级绿色工厂名单公布。入选企业名单如下:\n▶ 高沟镇:涟水县甲乙酿造有限公司\n▶ 城区:江苏丙丁食品股份有限公司",
            [(F, "涟水县甲乙酿造有限公司"), (F, "江苏丙丁食品股份有限公司")],
        ),
        (
            "省级绿色工厂名单公布。部分入选企业名单如下:淄博甲乙建材集团有限公司周村厂区;河南丙丁建材科技股份有限公司(原驻马店市丙丁建材厂)(驻马店);"
            "河南戊己肉类加工有限公司(漯河)。",
            [
                (F, "淄博甲乙建材集团有限公司周村厂区"),
                (F, "河南丙丁建材科技股份有限公司"),
                (F, "河南戊己肉类加工有限公司"),
            ],
        ),
        (
            "国家级绿色工厂:大连甲乙海洋食品有限公司、\n大连丙丁轴承股份有限公司",
            [(F, "大连甲乙海洋食品有限公司"), (F, "大连丙丁轴承股份有限公司")],
        ),
    ],
)
def test_list_lines_with_products_places_sites_notes_and_wraps(text, expected):
    assert names(text) == expected


def test_an_opener_of_another_honour_lists_no_designation():
    text = "新区绿色工厂名单公布。另据了解,入选优秀场景的企业为:南京甲乙汽车配件有限公司(绿色能源管理场景)、南京丙丁钢构制造有限公司。"
    assert [n for n in names(text) if "南京" in n[1]] == []


def test_applicants_put_forward_for_a_year_and_province_are_not_designated():
    assert (
        names(
            "绿色制造方面,新区今年已推荐南京甲乙汽车配件有限公司、南京丙丁钢构制造有限公司申报2024年度江苏省绿色工厂,"
            "相关评审结果将于年底前公布。"
        )
        == []
    )


# A company's subsidiary designated, unnamed: neither it nor its owner is a designated name.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("浙江甲乙化工有限公司的全资子公司入选国家级绿色工厂。", []),
        ("浙江甲乙化工有限公司的控股子公司获评绿色工厂。", []),
        ("浙江甲乙化工有限公司的全资子公司丙丁新材料有限公司入选国家级绿色工厂。", [(F, "丙丁新材料有限公司")]),
    ],
)
def test_an_unnamed_subsidiary_designated_names_no_one(text, expected):
    assert names(text) == expected


# Names under the place they are in: 孟河镇的A公司, 西塞山区:B公司、C公司 (a list grouped by place).
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "公布2024年度省级绿色工厂名单。入选企业依次为:孟河镇的甲乙汽车灯具有限公司、丙丁车辆配件有限公司,罗溪镇的戊己新型建材有限公司。",
            ["甲乙汽车灯具有限公司", "丙丁车辆配件有限公司", "戊己新型建材有限公司"],
        ),
        (
            "新增省级绿色工厂:甲港区:甲乙包装有限公司;乙山区:丙丁特种钢丝有限公司、戊己电力设备有限公司;丙陆区:庚辛模具有限公司。",
            ["甲乙包装有限公司", "丙丁特种钢丝有限公司", "戊己电力设备有限公司", "庚辛模具有限公司"],
        ),
    ],
)
def test_names_under_the_place_they_are_in(text, expected):
    from greenmfg.extract.names import extract_names

    assert [(n.designation_type, n.name) for n in extract_names(text)] == [(F, name) for name in expected]


def test_a_table_pasted_with_single_spaces_under_a_header_of_column_names():
    from greenmfg.extract.names import extract_names

    text = (
        "2024年省级绿色工厂名单\n序号 企业名称 所在市\n1 甲乙药用辅料有限公司 石家庄市\n2 丙丁精密铸造有限公司 唐山市\n"
        "附件下载 名单.pdf"
    )
    assert [(n.designation_type, n.name) for n in extract_names(text)] == [
        (F, "甲乙药用辅料有限公司"),
        (F, "丙丁精密铸造有限公司"),
    ]


def test_a_space_inside_a_listed_name_is_dropped_but_not_one_between_columns():
    from greenmfg.extract.names import extract_names

    listed = "确定以下企业为2023年度市级绿色工厂。\n1、甲乙衡岳 重型机械有限公司\n2、丙丁香业 有限公司"
    assert [n.name for n in extract_names(listed)] == ["甲乙衡岳重型机械有限公司", "丙丁香业有限公司"]
    spaced = "确定以下企业为2023年度市级绿色工厂:甲乙有限公司 丙丁有限公司 戊己集团"
    assert [n.name for n in extract_names(spaced)] == ["甲乙有限公司", "丙丁有限公司", "戊己集团"]


def test_a_table_of_honours_names_only_the_rows_of_green_designations():
    from greenmfg.extract.names import extract_names

    text = (
        "现将2024年我区企业获评各级制造业荣誉情况汇总如下:\n序号\t企业名称\t荣誉类别\t级别\n"
        "1\t甲乙精密模具有限公司\t绿色工厂\t国家级\n2\t丙丁电子科技有限公司\t智能工厂\t省级\n"
        "3\t戊己食品有限公司\t专精特新中小企业\t省级\n4\t庚辛船舶配件有限公司\t绿色供应链管理企业\t国家级"
    )
    assert [(n.designation_type, n.name) for n in extract_names(text)] == [
        (F, "甲乙精密模具有限公司"),
        (S, "庚辛船舶配件有限公司"),
    ]


# A named firm said to be one (A公司是国家级绿色工厂, 还是 / 也是): not a firm of a designated one (的供应商).
@pytest.mark.parametrize(
    "text,expected",
    [
        ("另外,甲乙电机有限公司还是省级绿色供应链管理企业。", [("green_supply_chain", "甲乙电机有限公司")]),
        ("甲乙电机有限公司是国家级绿色工厂。", [(F, "甲乙电机有限公司")]),
        ("甲乙电机有限公司是国家级绿色工厂的供应商。", []),
        ("甲乙电机有限公司不是绿色工厂。", []),
    ],
)
def test_a_firm_said_to_be_a_designated_one(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "note",
    [
        "其他事项:甲乙化纤有限公司已更名为江苏戊己新纤科技有限公司,其称号随之变更。",
        "另:甲乙化纤有限公司于2024年3月更名为江苏戊己新纤科技有限公司。",
    ],
)
def test_a_designated_firm_renamed_holds_its_title_by_its_new_name(note):
    text = "2024年度市级绿色工厂名单:甲乙化纤有限公司、丙丁食品有限公司。\n" + note
    assert names(text) == [(F, "江苏戊己新纤科技有限公司"), (F, "丙丁食品有限公司")]


# After a sentence that named the type, one that names no type but opens a list of the designated
# without a colon: 综保区入选的有A和B / 入选企业包括C.
def test_a_list_opened_by_who_was_listed_takes_the_type_named_before():
    text = (
        "公布2024年度省级绿色工厂名单,新北区共有3家企业入选。\n综保区入选的有甲乙电子有限公司和丙丁光伏组件有限公司。\n"
        "高新区本级入选企业包括戊己高分子材料有限公司。"
    )
    assert names(text) == [(F, "甲乙电子有限公司"), (F, "丙丁光伏组件有限公司"), (F, "戊己高分子材料有限公司")]


WRAPPED_TABLE = (
    "2023年度绿色设计产品名单\n序号    地区      企业名称                    产品名称\n"
    "1       甲市      甲乙家电科技有限公司        变频冷柜\n"
    "2       乙市      丙丁玻璃器皿有限            日用玻璃器皿\n{wrap}\n"
    "3       丙市      戊己电动工具股份有          电动工具\n{wrap2}\n"
    "4       丁市      庚辛水产加工有限公司        冷冻水产品\n{note}\n"
    "5       戊市      壬癸轴承有限公司            滚动轴承"
)


@pytest.mark.parametrize(
    "wrap,wrap2,note",
    [
        ("公司", "限公司", "(出口型)"),  # indentation lost (a paragraph per line)
        (
            "                          公司",
            "                          限公司",
            "                                            (出口型)",
        ),
    ],
)
def test_a_cell_wrapped_onto_a_line_of_its_own_joins_its_row(wrap, wrap2, note):
    from greenmfg.extract.names import extract_names

    text = WRAPPED_TABLE.format(wrap=wrap, wrap2=wrap2, note=note)
    assert [n.name for n in extract_names(text)] == [
        "甲乙家电科技有限公司",
        "丙丁玻璃器皿有限公司",
        "戊己电动工具股份有限公司",
        "庚辛水产加工有限公司",
        "壬癸轴承有限公司",
    ]
    assert {n.designation_type for n in extract_names(text)} == {"green_design_product"}


# A new area before a name: a location (赣江新区A公司 is A公司) unless a city's name opens it, as
# firms are registered (沧州渤海新区A有限公司).
@pytest.mark.parametrize(
    "text,expected",
    [
        ("赣江新区甲乙线缆有限公司入选国家级绿色工厂。", [(F, "甲乙线缆有限公司")]),
        ("沧州渤海新区甲乙化工助剂有限公司入选国家级绿色工厂。", [(F, "沧州渤海新区甲乙化工助剂有限公司")]),
    ],
)
def test_a_new_area_before_a_name(text, expected):
    assert names(text) == expected


def test_names_put_on_a_list_as_a_supplement():
    assert names("同意将甲乙建材有限公司、丙丁化工有限公司补充认定为省级绿色工厂。") == [
        (F, "甲乙建材有限公司"),
        (F, "丙丁化工有限公司"),
    ]


def test_a_numbered_item_wrapped_inside_a_name_is_read_whole():
    text = "2024年省级绿色工厂名单\n8、肥东甲乙饲料有限公司\n9、合肥丙丁电\n缆有限公司\n10、戊己酒业有限公司"
    assert names(text) == [(F, "肥东甲乙饲料有限公司"), (F, "合肥丙丁电缆有限公司"), (F, "戊己酒业有限公司")]


def test_a_tab_table_whose_name_cells_wrap_onto_lines_of_their_own():
    # as an HTML page of paragraphs prints it: the wrapped line loses its empty leading cells
    text = (
        "确定以下企业为2023年度省级绿色工厂。\n序号\t设区市\t企业名称\n1\t甲市\t甲乙建材科技有限公司\n"
        "2\t乙市\t丙丁航联精密\n机械有限公司\n3\t丙市\t戊己特钢制品有限公司\n注:排名不分先后。"
    )
    assert names(text) == [(F, "甲乙建材科技有限公司"), (F, "丙丁航联精密机械有限公司"), (F, "戊己特钢制品有限公司")]


def test_a_park_that_took_part_in_a_selection_is_not_designated():
    assert names("集团运营的甲乙化工产业园此次参加了省级绿色园区评选,目前尚在公示阶段。") == []


def test_a_groups_own_words_before_its_units_names_are_no_part_of_them():
    assert names("集团所属甲乙化工、甲乙钢管等5家企业入选国家级绿色工厂。") == [(F, "甲乙化工"), (F, "甲乙钢管")]


@pytest.mark.parametrize(
    "text",
    [
        "甲乙有限公司是否为绿色工厂,需经第三方评价。",
        "丙丁电器厂是绿色工厂吗?",
        "甲乙有限公司是绿色工厂评价标准起草单位。",
        "甲乙有限公司是绿色工厂建设试点企业。",
        "甲乙有限公司是省级绿色工厂创建对象。",
        "省级绿色工厂名单公布。未入选的有戊己机械有限公司、庚辛科技有限公司。",
    ],
)
def test_a_firm_not_said_to_be_designated(text):
    assert names(text) == []


@pytest.mark.parametrize("verb", ["拟更名为", "未更名为", "计划更名为"])
def test_a_rename_not_yet_done_keeps_the_old_name(verb):
    assert names(f"甲乙化工有限公司入选国家级绿色工厂。甲乙化工有限公司{verb}丙丁新材料有限公司。") == [
        (F, "甲乙化工有限公司")
    ]


def test_a_name_on_a_line_of_its_own_inside_a_tab_table_joins_only_the_name_column():
    text = "2024年省级绿色工厂名单\n序号\t企业名称\t行业\n1\t合肥甲乙有限公司\t机械制造\n丙丁电子有限公司\n2\t戊己科技有限公司\t电子"
    assert "机械制造丙丁电子有限公司" not in {name for _, name in names(text)}


def test_names_bulleted_with_emoji_under_typed_headings():
    text = (
        "陕西省工业和信息化厅公布了2024年度省级绿色制造名单\n汉中共有3家单位榜上有名👇\n▶ 绿色工厂(2家)\n"
        "✅甲乙特钢集团有限公司\n✅西乡县丙丁\n茶业有限公司\n▶ 绿色园区(1个)\n✅汉中戊己智造产业园"
    )
    assert names(text) == [
        (F, "甲乙特钢集团有限公司"),
        (F, "西乡县丙丁茶业有限公司"),
        ("green_park", "汉中戊己智造产业园"),
    ]


def test_a_works_named_厂_keeps_its_district_note_out_of_its_name():
    assert names("绿色工厂(2家):甲乙齿轮传动有限公司(高陵区)、国营第七八五厂(长安区)、西安市第二丙丁厂(鄠邑区)。") == [
        (F, "甲乙齿轮传动有限公司"),
        (F, "国营第七八五厂"),
        (F, "西安市第二丙丁厂"),
    ]


def test_a_single_spaced_table_whose_header_has_columns_of_its_own_takes_each_rows_category():
    text = (
        "现将拟支持项目予以公示。\n序号 企业名称 项目类别 拟支持金额(万元)\n1 芜湖甲乙汽车配件有限公司 国家级绿色工厂 100\n"
        "2 芜湖丙丁铸管有限公司 智能工厂 80\n3 芜湖戊己经济开发区 省级绿色工业园区 50\n公示期:2024年11月28日至12月4日。"
    )
    assert names(text) == [(F, "芜湖甲乙汽车配件有限公司"), ("green_park", "芜湖戊己经济开发区")]


def test_owners_then_their_products_separated_by_semicolons():
    text = "绿色设计产品:戊己食品有限公司:冷冻分割羊肉;庚辛酒业集团股份有限公司:白酒(浓香型);壬癸有限公司:面粉。"
    assert names(text) == [
        ("green_design_product", "戊己食品有限公司"),
        ("green_design_product", "庚辛酒业集团股份有限公司"),
        ("green_design_product", "壬癸有限公司"),
    ]


def test_a_ministry_split_at_its_和_is_no_short_name():
    assert names("甲乙锻造有限公司、丙丁粮油食品有限公司入选工业和信息化部2023年度绿色制造名单(绿色工厂)。") == [
        (F, "甲乙锻造有限公司"),
        (F, "丙丁粮油食品有限公司"),
    ]


# --- issue 17, round 4: forms of the fresh sets' failures, written anew -------------------------


@pytest.mark.parametrize("heading", ["东城区", "西湖区（2家）", "1.南湖区", "（三）北仑区:", "甲乙开发区"])
def test_names_grouped_under_place_headings_keep_the_lists_type(heading):
    text = f"认定以下3家企业为2024年度市级绿色工厂,现予公布。\n{heading}\n甲乙科技有限公司\n丙丁材料有限公司\n北仑区\n戊己机械有限公司"
    assert names(text) == [(F, "甲乙科技有限公司"), (F, "丙丁材料有限公司"), (F, "戊己机械有限公司")]


def test_a_refused_heading_ends_the_list_before_it():
    text = (
        "一、拟认定为市级绿色工厂的企业(2家)\n1.甲乙科技有限公司;2.丙丁材料有限公司。\n"
        "二、不予认定的企业(1家)\n1.戊己机械有限公司(能耗未达标)。"
    )
    assert names(text) == [(F, "甲乙科技有限公司"), (F, "丙丁材料有限公司")]


@pytest.mark.parametrize("joiner", ["以及", "和"])
def test_a_count_then_包括_continues_the_sentence_that_named_the_type(joiner):
    text = f"入选国家级绿色工厂的企业中,甲乙科技有限公司位于高新区。东湖县和西山县各有1家企业入选,包括丙丁材料有限公司{joiner}戊己机械有限公司。"
    assert (F, "丙丁材料有限公司") in names(text) and (F, "戊己机械有限公司") in names(text)


def test_a_list_continued_on_the_next_line_ending_with_等():
    text = "入选的绿色工厂分别是:甲乙科技有限公司、丙丁材料有限公司;\n戊己机械有限公司、庚辛食品有限公司等。"
    assert names(text) == [
        (F, n) for n in ("甲乙科技有限公司", "丙丁材料有限公司", "戊己机械有限公司", "庚辛食品有限公司")
    ]


def test_a_place_column_before_a_name_that_has_its_own_place_is_a_cell():
    text = (
        "自治区级绿色工厂名单如下:\n序号 县区 企业名称\n1 青秀区 南宁青秀山饮料有限公司\n2 宾阳县 宾阳县昆仑关建材有限公司\n"
        "3 西乡塘区 南宁心圩江电子科技\n有限公司"
    )
    assert names(text) == [
        (F, "南宁青秀山饮料有限公司"),
        (F, "宾阳县昆仑关建材有限公司"),
        (F, "南宁心圩江电子科技有限公司"),
    ]


def test_a_city_before_a_name_without_a_place_of_its_own_is_part_of_it():
    assert names("市级绿色工厂名单:\n1、常宁市 水口山合金材料有限公司") == [(F, "常宁市水口山合金材料有限公司")]


def test_a_notices_title_is_no_name():
    assert names("甲乙新材料股份有限公司关于公司获得国家级绿色工厂称号的公告") == []


@pytest.mark.parametrize(
    "text",
    [
        "达拉特经济开发区列入自治区级绿色园区创建名单。",
        "鄂尔多斯两家园区入选国家级绿色工业园区",
        "甲乙港务区成为钦州港片区首个获评绿色园区的港口型园区。",
    ],
)
def test_a_creation_list_a_count_of_parks_and_a_kind_of_park_are_no_park_names(text):
    assert (P, "港口型园区") not in names(text) and not [
        n for t, n in names(text) if n.startswith(("达拉特", "鄂尔多斯两家"))
    ]


def test_a_park_ending_港务区():
    assert names("甲乙金鼓江港务区成功入选2024年度自治区级绿色园区名单。") == [(P, "甲乙金鼓江港务区")]


def test_a_space_table_with_merged_cells_takes_each_rows_type_from_above():
    text = (
        "批次        类型                  单位名称\n第五批      绿色工厂              甲乙重型机械有限公司\n"
        "丙丁纺织有限公司\n第六批      绿色供应链管理企业    戊己进出口有限公司\n绿色工业园区          庚辛经济技术开发区"
    )
    assert sorted(names(text)) == sorted(
        [(F, "甲乙重型机械有限公司"), (F, "丙丁纺织有限公司"), (S, "戊己进出口有限公司"), (P, "庚辛经济技术开发区")]
    )


def test_a_name_wrapped_past_a_code_column_joins_the_name_not_the_code():
    text = (
        "2024年度湖北省绿色工厂名单\n1\t甲乙机电有限公司\t91420105MA4K0QWE1N\t通用设备制造\n"
        "2\t丙丁茶业(集团)股份有\t91422800MA4910RR5U\t茶制造\n限公司"
    )
    assert names(text) == [(F, "甲乙机电有限公司"), (F, "丙丁茶业(集团)股份有限公司")]


def test_a_bracketed_column_name_is_read_and_other_honours_in_its_type_column_are_no_designations():
    text = (
        "序号\t县(市、区)\t企业(单位)名称\t支持类别\t奖励金额(万元)\n1\t章贡区\t甲乙电机有限公司\t国家级绿色工厂\t100\n"
        "2\t\t丙丁智能科技有限公司\t智能制造示范工厂\t80\n3\t\t戊己板材有限公司\t省级绿色工厂\t30"
    )
    assert names(text) == [(F, "甲乙电机有限公司"), (F, "戊己板材有限公司")]


def test_a_short_name_then_its_full_name_in_brackets_are_both_designated_but_a_former_name_is_not():
    text = "至此,集团已有国家级绿色工厂5家,宣城公司(甲乙水泥宣城有限公司)、巢湖公司先后获评。"
    assert (F, "甲乙水泥宣城有限公司") in names(text)
    assert (F, "丙丁驿城厂") not in names(
        "2024年度绿色工厂名单:甲乙建材科技股份有限公司(原丙丁驿城厂)、戊己食品有限公司"
    )


def test_an_owners_products_in_brackets_or_after_研发的_are_no_names():
    assert names("国家级绿色设计产品:甲乙建材科技有限公司(P·O 42.5普通硅酸盐水泥、机制砂)") == [
        (D, "甲乙建材科技有限公司")
    ]
    assert names("甲乙建材科技有限公司研发的普通硅酸盐水泥、机制砂2个产品入选国家级绿色设计产品。") == [
        (D, "甲乙建材科技有限公司")
    ]


def test_an_institution_on_a_list_line_of_its_own():
    text = "认定以下2家企业为市级绿色工厂:\n1.甲乙管道装备有限公司\n2.肃宁县裘皮加工中心"
    assert names(text) == [(F, "甲乙管道装备有限公司"), (F, "肃宁县裘皮加工中心")]


def test_subtotals_by_place_after_a_sentence_counting_several_types_break_down_the_first():
    text = (
        "近日,省工信厅公布2024年度省级绿色制造名单,全省共有5家企业获评省级绿色工厂,2家企业获评省级绿色供应链管理企业。\n"
        "从地区分布看,甲市2家:甲乙科技有限公司、丙丁材料有限公司;乙市、丙市各1家,分别为戊己机械有限公司、庚辛食品有限公司。"
    )
    assert names(text) == [
        (F, n) for n in ("甲乙科技有限公司", "丙丁材料有限公司", "戊己机械有限公司", "庚辛食品有限公司")
    ]


def test_a_section_of_firms_only_put_forward_names_no_designation():
    text = (
        "一、拟认定省级绿色工厂(2家)\n甲乙铸造有限公司;丙丁陶瓷有限公司。\n"
        "二、拟推荐国家级绿色工厂(1家)\n戊己焦化有限公司。"
    )
    assert names(text) == [(F, "甲乙铸造有限公司"), (F, "丙丁陶瓷有限公司")]


def test_a_park_cell_wrapped_before_its_ending_and_its_other_name_in_brackets():
    text = (
        "一、绿色工业园区\n序号   园区名称                          所在市(州)\n1      甲乙高新技术产业              甲市\n开发区\n"
        "2      丙丁红桥新区                乙市\n(钟山经济开发区)"
    )
    assert names(text) == [(P, "甲乙高新技术产业开发区"), (P, "丙丁红桥新区(钟山经济开发区)")]


def test_firms_supported_to_carry_out_the_creation_are_not_designated():
    assert names("下一步,将支持园区内甲乙卷烟材料有限公司、丙丁农产品加工有限公司等企业开展绿色工厂创建。") == []


def test_a_company_release_naming_itself_by_its_short_name():
    assert names("日前,工业和信息化部公布2023年度绿色制造名单,甲乙陶瓷成功入选国家级绿色工厂。") == [(F, "甲乙陶瓷")]


@pytest.mark.parametrize(
    "text",
    [
        "区财政对新获评国家级绿色工厂的企业给予一次性奖励。",
        "这是继2022年公司“甲乙”牌岩板入选国家级绿色设计产品后的又一成果。",
        "我市成功入选国家级绿色工厂的企业达到12家。",
    ],
)
def test_no_short_subject_out_of_a_preposition_a_date_or_a_place(text):
    assert names(text) == []


def test_members_of_a_counted_set_named_with_既有_and_也有():
    text = "在13家省级绿色工厂中,既有甲乙精铸科技有限公司、丙丁电机有限公司这样的装备制造企业,也有戊己米业有限公司这样的农产品加工企业。"
    assert names(text) == [(F, "甲乙精铸科技有限公司"), (F, "丙丁电机有限公司"), (F, "戊己米业有限公司")]


def test_a_count_具体为_after_a_sentence_that_named_companies_and_a_park():
    text = (
        "近日,工信部公布2024年度绿色制造名单,我市甲乙、丙丁等2家企业入选国家级绿色工厂,甲乙工业园区入选国家级绿色工业园区。\n"
        "2家企业具体为:甲乙磷化工有限公司、丙丁蔬菜加工集团有限公司。"
    )
    assert (F, "甲乙磷化工有限公司") in names(text) and (F, "丙丁蔬菜加工集团有限公司") in names(text)


def test_names_said_to_be_the_n_of_a_count_take_that_counts_type():
    text = (
        "近日,省工信厅公布省级绿色制造名单,我市3家企业入选省级绿色工厂,1家企业入选省级绿色供应链管理企业。\n"
        "甲乙精密铸造有限公司、丙丁米业有限责任公司、戊己玉器加工厂等3家企业榜上有名。"
    )
    assert names(text) == [(F, "甲乙精密铸造有限公司"), (F, "丙丁米业有限责任公司"), (F, "戊己玉器加工厂")]


@pytest.mark.parametrize("opener", ["入选的3家企业是:", "3家企业分别为:", "3家入选企业包括:"])
def test_names_said_before_them_to_be_the_n_of_a_count_take_that_counts_type(opener):
    text = (
        "近日,省工信厅公布省级绿色制造名单,我市3家企业入选省级绿色工厂,1家企业入选省级绿色供应链管理企业。\n"
        f"{opener}甲乙精密铸造有限公司、丙丁米业有限责任公司、戊己玉器加工厂。"
    )
    assert names(text) == [(F, "甲乙精密铸造有限公司"), (F, "丙丁米业有限责任公司"), (F, "戊己玉器加工厂")]


def test_firms_past_a_first_review_only_are_not_designated():
    text = "至此全市累计培育国家级绿色工厂9家。据悉,甲乙石材有限公司等6家企业已通过省级初审,正在冲刺明年的国家级名单。"
    assert names(text) == []


def test_years_before_names_and_a_bracketed_集团_inside_one():
    text = "这是继2022年甲乙机械装备有限公司、2023年丙丁酒业有限公司获评国家级绿色工厂之后的又一突破。"
    assert names(text) == [(F, "甲乙机械装备有限公司"), (F, "丙丁酒业有限公司")]
    assert names("泸州甲乙包装(集团)股份有限公司则凭借绿色采购体系,入选绿色供应链管理企业名单。") == [
        (S, "泸州甲乙包装(集团)股份有限公司")
    ]


def test_a_county_before_its_own_city_or_province_is_dropped_but_a_city_before_a_county_is_kept():
    text = "我市大丰区盐城甲乙风电装备有限公司、东台市江苏丙丁光伏材料有限公司获评国家级绿色工厂。"
    assert names(text) == [(F, "盐城甲乙风电装备有限公司"), (F, "江苏丙丁光伏材料有限公司")]
    assert names("广州市番禺区甲乙电器有限公司获评国家级绿色工厂。") == [(F, "广州市番禺区甲乙电器有限公司")]


def test_a_bracketed_place_before_a_numbered_name_and_names_numbered_on_lines_of_their_own():
    assert names("省级绿色工厂名单:\n1.(西宁市)青海甲乙乳业有限公司\n2.(海东市)青海丙丁硅业有限责任公司") == [
        (F, "青海甲乙乳业有限公司"),
        (F, "青海丙丁硅业有限责任公司"),
    ]
    text = "喜报!甲乙铝箔获评国家级绿色工厂!\n此次入选的2家企业分别是:\n01\n四川甲乙铝箔新材料有限公司\n02\n眉山丙丁锂电科技有限公司"
    assert {(F, "四川甲乙铝箔新材料有限公司"), (F, "眉山丙丁锂电科技有限公司")} <= set(names(text))


def test_a_name_wrapped_on_a_line_with_the_next_item():
    text = "▌省级绿色工厂(3家)\n1.甲乙液压件有限公司 2.山西丙丁核桃露饮\n品有限公司 3.戊己矿业有限公司"
    assert names(text) == [(F, "甲乙液压件有限公司"), (F, "山西丙丁核桃露饮品有限公司"), (F, "戊己矿业有限公司")]


def test_a_firm_that_is_one_of_the_counted_and_a_park_that_passed_its_review():
    assert names("甲乙中药饮片有限公司便是我市入选国家级绿色工厂的3家企业之一。") == [(F, "甲乙中药饮片有限公司")]
    assert names("云南甲乙工业园区通过省级绿色工业园区复核。") == [(P, "云南甲乙工业园区")]


def test_a_posts_list_separated_by_slashes_with_a_name_wrapped_over_lines():
    text = "【省级绿色工厂】(3家)\n甲乙石化设备有限公司 / 丙丁纸业有限公司 / 戊己君山\n茶业有限公司"
    assert names(text) == [(F, "甲乙石化设备有限公司"), (F, "丙丁纸业有限公司"), (F, "戊己君山茶业有限公司")]


def test_owners_then_their_products_after_a_colon_or_的_each_a_line_or_a_clause():
    text = "【省级绿色设计产品】(2家企业3个产品)\n湖南甲乙电机有限公司:YX3系列电动机\n岳阳丙丁防水材料有限公司:高分子防水卷材"
    assert names(text) == [(D, "湖南甲乙电机有限公司"), (D, "岳阳丙丁防水材料有限公司")]
    text = "我市2家企业的5款产品入选国家级绿色设计产品。\n具体为:苏州甲乙电梯有限公司的乘客电梯(3个型号);\n常熟丙丁服装有限公司的羊毛针织衫(2个型号)。"
    assert names(text) == [(D, "苏州甲乙电梯有限公司"), (D, "常熟丙丁服装有限公司")]


def test_a_summary_after_a_list_types_it_when_the_opener_named_several_types():
    text = (
        "近日,自治区工信厅公布自治区级绿色制造名单,我市共有绿色工厂2家、绿色设计产品1个入选,具体如下:\n"
        "1.内蒙古甲乙硅材料有限公司(鄂托克旗)\n2.鄂尔多斯市丙丁建材有限责\n任公司(东胜区)\n以上为绿色工厂;绿色设计产品:戊己羊绒制品有限公司(羊绒针织衫)。"
    )
    assert names(text) == [
        (F, "内蒙古甲乙硅材料有限公司"),
        (F, "鄂尔多斯市丙丁建材有限责任公司"),
        (D, "戊己羊绒制品有限公司"),
    ]


def test_star_tiers_as_line_labels_before_lists():
    text = "近日,市经信局公布2024年度星级绿色工厂名单。\n五星级:甲乙新材料股份有限公司;\n四星级:丙丁纺织印染有限公司、戊己精细化工有限公司;"
    assert names(text) == [(F, "甲乙新材料股份有限公司"), (F, "丙丁纺织印染有限公司"), (F, "戊己精细化工有限公司")]


def test_a_place_column_after_the_name_and_a_place_label_inside_a_name_cell():
    text = "一、绿色工厂(2家)\n1 江西甲乙稀土冶炼有限公司  赣州市\n2 景德镇丙丁陶瓷原料有限公司  景德镇市"
    assert names(text) == [(F, "江西甲乙稀土冶炼有限公司"), (F, "景德镇丙丁陶瓷原料有限公司")]
    text = "确定以下2家企业为市级绿色工厂。\n序号\t所在地区及企业名称\t行业\n1\t东台市:江苏甲乙机械有限公司\t通用设备制造业\n2\t建湖县:江苏丙丁石化装备有限公司\t专用设备制造业"
    assert names(text) == [(F, "江苏甲乙机械有限公司"), (F, "江苏丙丁石化装备有限公司")]


def test_a_single_spaced_table_of_years_types_and_names_and_a_product_table_with_merged_and_wrapped_rows():
    text = (
        "历年名单如下:\n年度 类型 企业(园区)名称\n2019年(第四批) 绿色工厂 福建甲乙电器有限公司\n"
        "2020年(第五批) 绿色园区 福建丙丁投资区\n2021年 绿色供应链管理企业 福建甲乙电器有限公司"
    )
    assert names(text) == [(F, "福建甲乙电器有限公司"), (P, "福建丙丁投资区"), (S, "福建甲乙电器有限公司")]
    text = (
        "确定以下产品为2024年度省级绿色设计产品。\n序号 地区 产品名称 产品型号 生产企业 推荐单位\n"
        "1 济南市 家用电冰箱 BCD-518WPB 济南甲乙制冷电器有限公司 济南市工业和信息化局\n"
        "2 家用电冰箱 BCD-610WFK 济南甲乙制冷电器有限公司\n"
        "3 淄博市 日用陶瓷 釉中彩餐具 淄博丙丁陶瓷\n股份有限公司 淄博市工业和信息化局"
    )
    assert names(text) == [(D, "济南甲乙制冷电器有限公司"), (D, "淄博丙丁陶瓷股份有限公司")]


def test_a_table_under_a_revoked_section_names_no_designation():
    text = (
        "二、绿色供应链管理企业(1家)\n序号 企业名称 所在地\n1 湖北甲乙汽车零部件股份有限公司 十堰市\n"
        "三、撤销省级绿色工厂称号名单(1家)\n序号 企业名称 所在地\n1 湖北丙丁盐化有限公司 孝感市"
    )
    assert names(text) == [(S, "湖北甲乙汽车零部件股份有限公司")]


def test_an_opener_naming_companies_then_a_park_lists_the_companies_under_a_header_row():
    text = (
        "我市2家企业入选省级绿色工厂,1个园区入选省级绿色工业园区,名单如下:\n序号 县(市、区)企业名称\n"
        "1 麒麟区云南甲乙化工有限公司\n2 沾益区云南丙丁煤焦化有限公司\n绿色工业园区:云南戊己经济技术开发区"
    )
    assert names(text) == [(F, "云南甲乙化工有限公司"), (F, "云南丙丁煤焦化有限公司"), (P, "云南戊己经济技术开发区")]


@pytest.mark.parametrize(
    "text",
    [
        "获评的国家级绿色工厂主要分布在太原、大同、长治、晋城等9个地市。",
        "入选的省级绿色工厂分布在宁波市、温州市、湖州市等地,其中宁波、温州各有3家。",
    ],
)
def test_places_a_designation_is_spread_over_are_no_names(text):
    assert names(text) == []


def test_a_site_footer_naming_its_owner_names_no_designation():
    text = (
        "甲市2家企业入选国家级绿色工厂:甲乙科技有限公司、丙丁材料有限公司。至此,全市累计拥有绿色工厂29家、绿色产品8个。\n"
        "Copyright © 戊己实业(上海)有限公司 版权所有 沪ICP备12345678号"
    )
    assert names(text) == [(F, "甲乙科技有限公司"), (F, "丙丁材料有限公司")]


@pytest.mark.parametrize("verb", ["升级为", "被评选为"])
def test_verbs_of_moving_up_or_being_chosen_designate(verb):
    text = f"甲集团下属甲乙电器股份有限公司配电厂和丙丁电缆有限公司{verb}国家级“绿色工厂”。"
    assert names(text) == [(F, "甲乙电器股份有限公司配电厂"), (F, "丙丁电缆有限公司")]


@pytest.mark.parametrize(
    "title",
    ["2024年甲省绿色制造体系创建计划增补名单", "附件:甲省拟推荐参评国家级绿色工厂名单", "甲省绿色工厂培育库入库名单"],
)
def test_sections_under_the_title_of_a_list_still_to_create_or_put_forward_name_no_one(title):
    text = (
        f"{title}\n一、绿色园区\n1.甲乙经济技术开发区\n二、绿色工厂\n2.甲乙特种防护用品有限公司\n3.丙丁医疗用品有限公司"
    )
    assert names(text) == []


def test_a_designated_list_title_after_a_planned_one_lists_again():
    text = (
        "附件1:甲省绿色工厂培育库入库名单\n1.甲乙特种防护用品有限公司\n"
        "附件2:甲省2024年度省级绿色工厂名单\n一、绿色工厂\n1.丙丁医疗用品有限公司"
    )
    assert names(text) == [(F, "丙丁医疗用品有限公司")]


def test_counted_lists_of_companies_and_of_parks_before_one_verb_take_their_own_nouns():
    text = (
        "2025年度,甲省新增国家级绿色工厂120家、绿色工业园区6家。此次甲省共有甲钢铁集团、乙炼化、丙盐业有限公司等"
        "120家工厂,以及甲乙经济技术开发区、丙丁经济开发区等6家园区入选。"
    )
    assert names(text) == [
        (F, "甲钢铁集团"),
        (F, "乙炼化"),
        (F, "丙盐业有限公司"),
        (P, "甲乙经济技术开发区"),
        (P, "丙丁经济开发区"),
    ]


def test_lines_of_names_alone_before_a_sentence_that_counts_them_as_designated():
    text = (
        "日前,工信部公示了2024年度绿色制造名单。\n甲乙不锈钢制品有限公司\n丙丁纺织有限公司\n戊己科技有限公司\n"
        "3家企业入选绿色工厂公示名单!"
    )
    assert names(text) == [(F, "甲乙不锈钢制品有限公司"), (F, "丙丁纺织有限公司"), (F, "戊己科技有限公司")]


def test_lines_of_names_before_a_count_that_does_not_match_them_stay_unread():
    text = "日前,工信部公示了2024年度绿色制造名单。\n甲乙不锈钢制品有限公司\n丙丁纺织有限公司\n5家企业入选绿色工厂公示名单!"
    assert names(text) == []


def test_共_before_the_count_of_a_list_of_short_names_is_not_part_of_the_last_name():
    text = "在工信部近日公示的名单中,我市甲乙石化、丙丁电机、戊己光纤光缆共3家企业入围绿色工厂公示名单。"
    assert names(text) == [(F, "甲乙石化"), (F, "丙丁电机"), (F, "戊己光纤光缆")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("甲乙光电有限公司被工信部评为“国家级绿色供应链管理示范企业”。", [(S, "甲乙光电有限公司")]),
        ("丙丁材料有限公司被省工信厅认定为省级绿色工厂。", [(F, "丙丁材料有限公司")]),
    ],
)
def test_a_passive_verb_with_its_agent_between_designates(text, expected):
    assert names(text) == expected


def test_a_funded_project_whose_title_holds_a_term_designates_no_one():
    text = (
        "甲乙糖业有限公司“甜菜制糖绿色设计平台建设与示范项目”和丙丁绒毛制品有限公司“羊绒纺织品绿色供应链系统构建项目”"
        "入选工信部绿色制造系统集成项目。"
    )
    assert names(text) == []


def test_a_place_ending_a_long_line_starts_the_name_on_the_next():
    text = (
        "近日,甲省工业和信息化厅公示了甲省第五批绿色制造名单。\n经申报单位自评价、第三方机构评审及广泛公示等多个环节,陕西\n"
        "甲乙药业集团股份有限公司凭借其在绿色生产方面的表现,被认定为“绿色工厂”。"
    )
    assert names(text) == [(F, "陕西甲乙药业集团股份有限公司")]


def test_an_honour_titled_like_a_park_is_no_park():
    text = "目前,我区已建成国家级绿色工厂2家,获评国家生态工业示范园区、国家绿色工业园区。"
    assert names(text) == []


def test_a_numbered_heading_of_a_notice_does_not_join_the_company_its_text_opens_with():
    text = "二、对公司的影响\n公司获评2024年度甲省绿色工厂,是对公司开展绿色低碳改造的肯定。"
    assert names(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("作为我市印染行业的国家级绿色工厂,甲乙科技不仅利用大数据实现设备管理。", [(F, "甲乙科技")]),
        ("作为国家级绿色工厂,丙丁材料有限公司始终坚持绿色发展。", [(F, "丙丁材料有限公司")]),
        ("2022年晋升为国家级绿色工厂的戊己电梯,生产车间利用先进的涂装工艺。", [(F, "戊己电梯")]),
    ],
)
def test_a_firm_described_as_designated_outside_any_list(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "作为国家级绿色工厂,该公司始终坚持绿色发展。",
        "作为全市力争创建的绿色工厂,甲乙科技有限公司正在加快改造。",
        "作为绿色工厂,企业一直注重节能。",
        "作为国家级绿色园区,园区持续推进循环化改造。",
    ],
)
def test_a_description_of_no_one_or_of_a_plan_names_no_one(text):
    assert names(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "甲乙工业园、丙丁产业园、戊己经济开发区3个园区被评定为省级和国家级绿色园区,庚辛有限公司、壬癸药业有限公司等10家企业"
            "被评定为国家级绿色工厂。",
            [(P, "甲乙工业园"), (P, "丙丁产业园"), (P, "戊己经济开发区"), (F, "庚辛有限公司"), (F, "壬癸药业有限公司")],
        ),
        (
            "滕州市的甲乙中联、丙丁中联、戊己新材料3家企业榜上有名,入选国家级绿色工厂。",
            [(F, "甲乙中联"), (F, "丙丁中联"), (F, "戊己新材料")],
        ),
    ],
)
def test_lists_before_their_count_designated_by_评定为_or_榜上有名(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("甲乙医药荣获“甲省绿色工厂”称号", [(F, "甲乙医药")]),
        ("近期,甲乙医药被认定为“甲省绿色工厂”,是全市率先获得该荣誉的医药企业。", [(F, "甲乙医药")]),
        ("新疆甲乙投资有限公司获得“绿色设计产品”殊荣。", [(D, "新疆甲乙投资有限公司")]),
    ],
)
def test_a_short_subject_or_a_firm_given_a_quoted_title(text, expected):
    assert names(text) == expected


def test_a_count_after_等_spaced_from_its_digits():
    assert names("最终确定合肥甲乙机械有限公司等 181 家企业被认定为省级绿色工厂。") == [(F, "合肥甲乙机械有限公司")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("名单显示,甲市1家企业入列国家级绿色供应链,为甲乙(中国)有限公司。", [(S, "甲乙(中国)有限公司")]),
        (
            "甲市2家企业入选省级绿色工厂,他们是杭州甲乙实业有限公司、丙丁有限公司。",
            [(F, "杭州甲乙实业有限公司"), (F, "丙丁有限公司")],
        ),
    ],
)
def test_为_or_a_pronoun_that_opens_the_list_after_a_count_is_not_part_of_the_first_name(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "位于某市的甲乙钢铁集团有限公司和丙丁锂业有限公司拟认定为省级绿色工厂。",
            [(F, "甲乙钢铁集团有限公司"), (F, "丙丁锂业有限公司")],
        ),
        (
            "省工信厅公布省级绿色制造名单,我市的甲乙电缆、丙丁食品等29家企业成功获评绿色工厂。",
            [(F, "甲乙电缆"), (F, "丙丁食品")],
        ),
        (
            "集团公司所属甲乙冶炼有限公司、丙丁合金有限公司荣获省级“绿色工厂”。",
            [(F, "甲乙冶炼有限公司"), (F, "丙丁合金有限公司")],
        ),
        ("确定了省绿色工厂638家。其中,某某镇企业甲乙建材有限公司入选。", [(F, "甲乙建材有限公司")]),
        (
            "2018年,我市申报甲乙硅业有限公司、丙丁生物科技有限公司为“绿色工厂”,全部获批。",
            [(F, "甲乙硅业有限公司"), (F, "丙丁生物科技有限公司")],
        ),
    ],
)
def test_leads_a_name_never_starts_with_and_拟_after_it(text, expected):
    assert names(text) == expected


def test_a_firm_described_as_also_being_a_designated_one():
    text = "会上授牌了一批绿色工厂。比如,作为全市首批绿色工厂之一,也是第四批国家级“绿色工厂”的甲乙集团,其生产全流程都具有绿色元素。"
    assert (F, "甲乙集团") in names(text)


def test_a_step_not_yet_done_earlier_in_the_sentence_leaves_the_firms_own_clause_designated():
    text = (
        "全省启动2025年省级绿色工厂评选工作,拟认定181家企业为省级绿色工厂。\n"
        "专家对初审通过的企业进行综合评审,最终确定甲乙机械有限公司等181家企业进入拟认定名单。"
    )
    assert names(text) == [(F, "甲乙机械有限公司")]
    assert names(text.replace("最终确定", "正在初审")) == []  # (in its own clause: not yet)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "近年来,某市依托甲乙高新技术产业园区、丙丁——戊己生态经济产业园两个省级绿色工业园区,引导企业集聚发展。",
            [(P, "甲乙高新技术产业园区"), (P, "丙丁戊己生态经济产业园")],
        ),
        ("全市拥有甲乙有限公司、丙丁有限公司等2家国家级绿色工厂。", [(F, "甲乙有限公司"), (F, "丙丁有限公司")]),
    ],
)
def test_names_in_apposition_to_as_many_of_a_term(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "拟创建甲乙有限公司、丙丁有限公司两家国家级绿色工厂。",  # not yet
        "甲乙有限公司、丙丁有限公司、戊己有限公司两家国家级绿色工厂的供应商。",  # not as many
    ],
)
def test_names_beside_a_count_they_are_not_are_no_apposition(text):
    assert names(text) == []


def test_入列_lists_as_入选_does():
    text = "名单显示,我市2家企业入列国家级绿色工厂,分别为甲乙材料股份有限公司、丙丁厨卫股份有限公司。"
    assert names(text) == [(F, "甲乙材料股份有限公司"), (F, "丙丁厨卫股份有限公司")]


def test_a_firm_described_as_one_of_a_terms_demonstration_firms():
    text = "作为国家首批绿色工厂示范企业之一,甲乙油品股份有限公司每年投入2000多万元用于资源重复利用。"
    assert names(text) == [(F, "甲乙油品股份有限公司")]


def test_a_headline_broken_after_its_subject_is_one_sentence():
    text = "甲乙实业集团有限公司\n入选国家级“绿色工厂”\n国家级绿色工厂是工业企业绿色转型的权威认定。"
    assert names(text) == [(F, "甲乙实业集团有限公司")]


def test_a_listed_firms_stock_code_is_no_part_of_its_name():
    assert names("甲乙章鼓(002598.SZ)获评山东省第一批绿色工厂") == [(F, "甲乙章鼓")]


def test_full_names_then_the_verb_continue_the_sentence_that_named_the_list():
    text = (
        "省工信厅印发通知,确定301家企业为2022年(第三批)江苏省绿色工厂,其中包括三家船厂。\n"
        "甲乙重工(江苏)有限公司、丙丁船舶(扬州)有限公司、戊己海运重工有限公司成功获批。"
    )
    assert names(text) == [
        (F, "甲乙重工(江苏)有限公司"),
        (F, "丙丁船舶(扬州)有限公司"),
        (F, "戊己海运重工有限公司"),
    ]
    assert names(text.replace("成功获批", "成功获批专精特新企业")) == []  # (another honour)


def test_firms_put_forward_then_selected_are_designated():
    text = "省工信厅公示2025年度省级绿色工厂名单,我区组织推荐的甲乙动力有限责任公司、丙丁纺织有限公司2户企业成功入选。"
    assert names(text) == [(F, "甲乙动力有限责任公司"), (F, "丙丁纺织有限公司")]
    assert names("我区推荐甲乙动力有限责任公司、丙丁纺织有限公司申报省级绿色工厂。") == []  # (put forward only)


def test_subsidiaries_after_their_owners_alias_are_the_ones_designated():
    text = "甲乙制药股份有限公司(以下简称:公司、本公司)全资子公司丙丁制药有限公司、控股子公司戊己中药有限公司被评为绿色工厂。"
    assert names(text) == [(F, "丙丁制药有限公司"), (F, "戊己中药有限公司")]
    assert names("甲乙制药股份有限公司(以下简称公司)被评为绿色工厂。") == [(F, "甲乙制药股份有限公司")]


def test_a_role_at_the_end_of_a_line_leads_the_name_on_the_next():
    text = "甲乙制药股份有限公司全资子公司丙丁制药有限公司、控股子公司\n戊己中药有限公司被评为绿色工厂。"
    assert names(text) == [(F, "丙丁制药有限公司"), (F, "戊己中药有限公司")]


def test_a_count_of_firms_is_no_name():
    assert names("本次公司两家子公司被评为绿色工厂。") == []
    assert names("集团3家企业被评为绿色工厂。") == []


def test_english_companies_selected_by_their_legal_ending():
    text = (
        "The green factory list came out. Specific view, city Alpha paper group Co., Ltd., Beta in Gamma cement "
        "Co., Ltd. and Delta foods Company Limited were selected as green plants."
    )
    assert names(text) == [
        (F, "Alpha paper group Co., Ltd."),
        (F, "Beta in Gamma cement Co., Ltd."),
        (F, "Delta foods Company Limited"),
    ]
    assert names("Alpha paper group Co., Ltd. will apply to be a green factory next year.") == []  # (to come)
    assert names("Alpha paper group Co., Ltd. built a green factory.") == []  # (no one selected)


def test_english_names_in_brackets_after_a_count_take_its_terms_type():
    text = "There are 13 green factories, 2 green parks (Alpha Economic Development Zone, Beta Industrial Park)."
    assert names(text) == [("green_park", "Alpha Economic Development Zone"), ("green_park", "Beta Industrial Park")]


def test_yiji_joins_the_last_item_of_an_enumeration_of_short_names():
    """以及 is in no firm's name: it ends an item as 、 does, with or without a name ending before it."""
    text = "甲乙科技、丙丁冰箱、戊己工程(青岛)以及庚辛电器等4家企业获评省绿色供应链管理企业。"
    assert names(text) == [
        ("green_supply_chain", "甲乙科技"),
        ("green_supply_chain", "丙丁冰箱"),
        ("green_supply_chain", "戊己工程(青岛)"),
        ("green_supply_chain", "庚辛电器"),
    ]
    assert names("甲乙有限公司以及丙丁有限公司入选国家级绿色工厂。") == [(F, "甲乙有限公司"), (F, "丙丁有限公司")]
    assert names("中国石油和化学工业联合会推荐的甲乙有限公司入选绿色工厂。") == [(F, "甲乙有限公司")]


def test_the_last_of_short_names_joined_by_he_is_an_item_of_its_own():
    """A、B和C获评…: with no name ended before, 和 splits the last item when each side is a name's
    length; a 和 two characters in (上海和辉光电) is part of the name."""
    assert names("江苏甲乙、丙丁纺织和戊己科技成功入选国家级绿色工厂。") == [
        (F, "江苏甲乙"),
        (F, "丙丁纺织"),
        (F, "戊己科技"),
    ]
    assert names("甲乙纺织、丙丁科技与戊己材料等3家企业入选国家级绿色工厂。") == [
        (F, "甲乙纺织"),
        (F, "丙丁科技"),
        (F, "戊己材料"),
    ]
    assert names("甲乙纺织、上海和辉光电入选国家级绿色工厂。") == [(F, "甲乙纺织"), (F, "上海和辉光电")]
    assert names("钢铁、化工和建材等行业的12家企业入选国家级绿色工厂。") == []  # (trades)


def test_a_firms_kind_before_its_name_is_not_part_of_it():
    assert names("我市台企江苏甲乙、丙丁纺织、戊己科技成功入选国家级绿色工厂。") == [
        (F, "江苏甲乙"),
        (F, "丙丁纺织"),
        (F, "戊己科技"),
    ]


def test_short_names_a_later_clause_gives_as_members_of_a_designated_set():
    """N家工厂获评绿色工厂, 包括 / 涵盖 / 其中有 / 也不乏 A、B等…企业: the designated set's members."""
    text = (
        "本市9家工厂获评省绿色工厂,涉及纺织、化工等行业,既涵盖甲乙、丙丁等大型龙头企业,"
        "也不乏戊己科技、庚辛模具等专精特新企业。"
    )
    assert names(text) == [(F, "甲乙"), (F, "丙丁"), (F, "戊己科技"), (F, "庚辛模具")]
    assert names("本市9家工厂获评省绿色工厂,其中有戊己科技、庚辛模具等专精特新企业。") == [
        (F, "戊己科技"),
        (F, "庚辛模具"),
    ]
    assert names("本市计划培育绿色工厂,包括甲乙、丙丁等龙头企业。") == []  # (nothing designated)
    assert names("本市9家工厂获评省绿色工厂,包括纺织、化工等行业企业。") == []  # (trades)


def test_members_of_a_designated_set_listed_with_no_count_after_them():
    """…被认定为绿色工厂,包括A、B、C等。: the members, though no count or 企业 follows the 等."""
    text = "此前,已有多家企业被认定为国家级绿色工厂,包括甲乙建材、丙丁、戊己防水等。"
    assert names(text) == [(F, "甲乙建材"), (F, "丙丁"), (F, "戊己防水")]
    assert names("公司获评国家级绿色工厂,包括节能、降碳、减污等方面。") == []  # (aspects, not firms)
    assert names("本市计划培育绿色工厂,包括甲乙建材、丙丁等。") == []  # (nothing designated)


def test_names_that_go_on_with_the_verb_after_a_short_lead_clause():
    """The sentence before named the type; this one opens with a topic (建材行业中,) then the names."""
    text = (
        "工信部对2022年度绿色制造名单进行了公示,名单分为绿色工厂名单、绿色设计产品名单,"
        "其中有880家企业入选2022年度绿色工厂。防水行业中,甲乙建材(天津)有限公司、丙丁涂料有限公司上榜!"
    )
    assert names(text) == [(F, "甲乙建材(天津)有限公司"), (F, "丙丁涂料有限公司")]


def test_the_group_before_a_member_is_not_the_member():
    """A集团旗下B / A(1177.HK)成员企业B / 旗下企业B、C先后获评: B (and C) are designated, not the group."""
    assert names("甲乙生物旗下丙丁药业获评2025年度国家绿色工厂。") == [(F, "丙丁药业")]
    assert names("甲乙生物(1177.HK)成员企业丙丁药业荣获“国家级绿色工厂”称号。") == [(F, "丙丁药业")]
    assert names("旗下企业戊己药业、庚辛维药先后获评“国家级绿色工厂”。") == [(F, "戊己药业"), (F, "庚辛维药")]


def test_a_subject_whose_means_come_between_it_and_its_verb():
    """A凭借…的表现,荣获“绿色工厂”称号: A is the subject of the verb after the clause of its means."""
    assert names("甲乙药业凭借在绿色发展方面的卓越表现,荣获“国家级绿色工厂”称号。") == [(F, "甲乙药业")]
    assert names("公司凭借在绿色发展方面的卓越表现,荣获“国家级绿色工厂”称号。") == []  # (no name)


def test_short_names_counted_after_the_sentence_that_named_the_list():
    """…公布了第三批绿色工厂名单。A、B、C等四家企业上榜。: short names, typed by the sentence before."""
    text = "近日,省工信厅公布了第三批绿色工厂名单。甲乙海螺、丙丁天山、戊己中联等三家水泥企业上榜。"
    assert names(text) == [(F, "甲乙海螺"), (F, "丙丁天山"), (F, "戊己中联")]
    assert names("近日,省工信厅公布了第三批绿色工厂名单。钢铁、化工、建材等三个行业的企业上榜。") == []  # (trades)


def test_an_enumeration_that_goes_on_past_a_comma_with_yiji():
    """A、B,以及C等三家企业上榜: one enumeration; not after a clause with its own verb or count."""
    text = "近日,省工信厅公布了第三批绿色工厂名单。甲乙海螺、丙丁天山,以及戊己山河水泥等三家水泥企业上榜。"
    assert names(text) == [(F, "甲乙海螺"), (F, "丙丁天山"), (F, "戊己山河水泥")]
    text = "甲乙有限公司、丙丁有限公司获评绿色工厂,以及戊己有限公司获评绿色供应链管理企业。"
    assert names(text) == [(F, "甲乙有限公司"), (F, "丙丁有限公司"), (S, "戊己有限公司")]


def test_an_associations_own_award_designates_no_one():
    """某协会…组织开展了绿色工厂评定工作…。A、B荣获“某行业绿色工厂”认证: the association's award, not a list."""
    text = (
        "中国某材协会依据《某材行业绿色工厂评选认定管理办法》,组织开展了绿色工厂评定工作,共有2家企业脱颖而出。"
        "甲乙建材有限公司、丙丁石业有限公司两家企业凭借突出表现,荣获“全国某材行业绿色工厂”认证。"
    )
    assert names(text) == []
    text = "本次获评企业中,甲乙化纤有限公司为中国某纤维工业协会评价企业,获评国家级绿色工厂。"
    assert names(text) == [(F, "甲乙化纤有限公司")]  # (an association as the list's evaluator)
    text = "中国某材协会发布消息:工信部公布绿色工厂名单,甲乙建材有限公司入选。"
    assert names(text) == [(F, "甲乙建材有限公司")]  # (a government's list, reported by an association)


def test_a_list_applied_for_is_no_designation():
    """推动A、B等5家企业申报…绿色制造名单,目前A、C等5家已获批…绿色工厂: only the approval designates."""
    text = "推动甲乙时代、甲乙国轩等5家企业申报2024年绿色制造名单,目前甲乙时代、丙丁等5家已成功获批省级绿色工厂。"
    assert names(text) == [(F, "甲乙时代"), (F, "丙丁")]


def test_a_zones_own_news_names_the_zone_it_designated():
    """甲乙经开区始终坚持…。2024年,获批国家级绿色工业园区 / title 甲乙经开区…, body 我区…获评国家绿色工业园区."""
    text = (
        "近年来,甲乙经开区始终坚持绿色发展理念,加大对绿色工厂的培育力度。"
        "2024年,获批国家级绿色工业园区,累计建成国家级绿色工厂4家。"
    )
    assert (P, "甲乙经开区") in names(text)
    text = "甲乙经开区又传喜讯\n目前,我区已建成国家级绿色工厂2家,获评国家生态工业示范园区、国家绿色工业园区。"
    assert (P, "甲乙经开区") in names(text)
    assert names("近年来,甲乙经开区始终坚持绿色发展。争创国家级绿色工业园区。") == []  # (not yet)
    assert names("甲乙经开区传喜讯\n我区计划培育并获评国家绿色工业园区。") == []  # (not yet)
    assert names("近年来,甲乙经开区始终坚持绿色发展。丙丁有限公司获评国家级绿色工厂。") == [(F, "丙丁有限公司")]


@pytest.mark.parametrize(
    "text",
    [
        "公司成功入选国家级绿色工厂,包括光伏发电、余热回收、中水回用等。",  # (its measures: no set of firms)
        "多家企业获评绿色工厂,覆盖苏州、无锡、常州等。",  # (places)
        "近日,省工信厅公布了第三批绿色工厂名单。徐州、盐城、淮安等三市共12家企业上榜。",  # (cities)
        "近日,省工信厅公布了第三批绿色工厂名单。甲乙、丙丁等4家企业入选水效领跑者。",  # (another honour)
        "工信部公示名单,5家企业入选绿色工厂。另在水效领跑者名单中,甲乙有限公司、丙丁有限公司上榜。",
        "甲乙高新区召开大会\n全区累计获评国家级绿色工厂12家、省级绿色园区2个。",  # (counts, not the zone)
        "近年来,甲乙经开区坚持绿色发展。力争2025年获评国家级绿色工业园区。",  # (not yet)
        "近年来,甲乙经开区坚持绿色发展。2024年,入选省级绿色工业园区培育名单。",  # (fostered, not designated)
    ],
)
def test_what_the_new_clause_rules_must_not_take(text):
    """Cases a hostile review found the rules of stop 37 taking: none names a designated firm."""
    assert names(text) == []


def test_an_association_reporting_the_ministrys_list_keeps_it():
    text = "中国钢铁工业协会发布消息,2023年度国家级绿色工厂名单出炉,甲乙钢铁有限公司、丙丁钢铁有限公司入选。"
    assert names(text) == [(F, "甲乙钢铁有限公司"), (F, "丙丁钢铁有限公司")]
    text = "甲乙高新区传喜讯\n我区丙丁产业园成功获评国家级绿色工业园区。"
    assert (P, "甲乙高新区") not in names(text)  # (a park inside the zone was designated)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017年,甲乙就入选工信部第一批“绿色工厂”示范名单。", [(F, "甲乙")]),
        ("甲乙也成功入选国家级绿色工厂。", [(F, "甲乙")]),
        ("经评估,顺利入选“绿色工厂”名单。", []),  # (an adverb, no subject)
        ("甲乙新材入列国家级“绿色工厂”。", [(F, "甲乙新材")]),
        ("凭借优异成绩,甲乙浆纸、丙丁湖北工厂荣膺“国家级绿色工厂”荣誉称号。", [(F, "甲乙浆纸"), (F, "丙丁湖北工厂")]),
        ("2023年,丙丁新材名列其中,被评为四川省“绿色工厂”。", [(F, "丙丁新材")]),
    ],
)
def test_a_short_subject_before_its_adverbs_and_verb(text, expected):
    """Adverbs (就, 也, 均, 已 …) between a short subject and its verb are not part of the name; a
    clause that only says the subject is on the list (名列其中, 赫然在列) leaves it to the next clause."""
    assert names(text) == expected


def test_a_role_or_an_owner_before_a_name_is_not_part_of_it():
    text = "其中,轮胎制造商甲乙集团(重庆)轮胎有限公司首次入选绿色工厂名单。"
    assert names(text) == [(F, "甲乙集团(重庆)轮胎有限公司")]
    text = "甲乙研究院旗下的子公司甲乙研究院药业有限责任公司赫然在列,荣获国家级绿色工厂的荣誉称号。"
    assert names(text) == [(F, "甲乙研究院药业有限责任公司")]
    text = "甲乙中国旗下丙丁湖北工厂 此次甲乙浆纸、丙丁湖北工厂荣膺“国家级绿色工厂”,不仅是对甲乙的肯定。"
    assert names(text) == [(F, "甲乙浆纸"), (F, "丙丁湖北工厂")]  # (a line run into the next)


def test_the_owner_of_the_firms_designated_is_not_designated():
    assert names("丙丁集团8家企业入选绿色工厂名单。") == []
    assert names("此次丙丁集团共有甲乙铝业、庚辛华盛等7家企业上榜绿色工厂名单。") == [(F, "甲乙铝业"), (F, "庚辛华盛")]
    assert names("甲乙有限公司1家企业入选绿色工厂名单。") == [(F, "甲乙有限公司")]
    text = "甲乙有限公司和丙丁有限公司2家企业上榜“绿色供应链管理企业”名单。"
    assert names(text) == [(S, "甲乙有限公司"), (S, "丙丁有限公司")]  # (the firms counted, not an owner)


def test_a_city_before_a_short_name_is_where_the_firm_is():
    text = "石嘴山市甲乙饮品、丙丁君泰、戊己奔牛等5家企业荣列绿色工厂。"
    assert names(text) == [(F, "甲乙饮品"), (F, "丙丁君泰"), (F, "戊己奔牛")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "4家光伏企业入选绿色供应链管理企业名单,分别为甲乙威、丙丁新能源、庚辛太阳能、壬癸绿能。",
            [(S, "甲乙威"), (S, "丙丁新能源"), (S, "庚辛太阳能"), (S, "壬癸绿能")],
        ),
        ("3家企业入选绿色工厂名单,分别为甲乙、丙丁。", []),  # (two items for three: not the set)
        ("目前,辖区拥有甲乙、丙丁两家绿色工厂。", [(F, "甲乙"), (F, "丙丁")]),
        ("我市拟创建甲乙、丙丁两家绿色工厂。", []),  # (not yet)
        ("目前,全市有钢铁、化工两家绿色工厂。", []),  # (trades)
        ("位于吴江的甲乙精工和丙丁电子2家企业入选绿色工厂名单。", [(F, "甲乙精工"), (F, "丙丁电子")]),
        (
            "我市甲乙石化、丙丁电机、戊己新材料共3家企业入围绿色工厂公示名单。",
            [(F, "甲乙石化"), (F, "丙丁电机"), (F, "戊己新材料")],
        ),
        (
            "包括甲乙生物、平阴丙丁乳业、戊己水泥等济南企业在内,山东共有70家企业获评绿色工厂。",
            [(F, "甲乙生物"), (F, "平阴丙丁乳业"), (F, "戊己水泥")],
        ),
    ],
)
def test_short_names_of_a_counted_set(text, expected):
    """Short names that a count in the same sentence says are the set designated: listed after it
    (N家…入选…,分别为A、B…), in apposition to it (A、B两家绿色工厂; A和B2家企业入选…), or included in it
    (包括A、B等企业在内,…共有N家企业获评…). The number of items must be the count."""
    assert names(text) == expected


def test_a_short_subject_of_a_list_the_sentence_named():
    assert names("枣庄市2家企业成功入选国家级绿色工厂公示名单,我市甲乙硅胶上榜!") == [(F, "甲乙硅胶")]
    assert names("工信部公布绿色工厂名单,我市甲乙入选专精特新。") == []  # (another list)
    assert names("省工信厅公布绿色工厂名单,钢铁行业上榜。") == []  # (a trade)


def test_a_speakers_words_are_not_a_parks_name():
    text = "“我们用好国家循环化改造示范试点园区、绿色工业园区这两张名片,让绿色成为产业发展主旋律。”甲乙经开区书记介绍。"
    assert names(text) == []


def test_english_companies_listed_after_the_sentence_that_selected_them():
    """A sentence says firms were selected as one type; the next lists them (as follows / are / include)."""
    text = (
        "Recently, seven enterprises of Jiayi were approved as national green factories. "
        "These 7 enterprises are as follows: Jiayi Ceramic Co.,Ltd, Bingding (Hubei) Glass Co.,Ltd, and Wuji Tools Co.,Ltd."
    )
    assert names(text) == [
        (F, "Jiayi Ceramic Co.,Ltd"),
        (F, "Bingding (Hubei) Glass Co.,Ltd"),
        (F, "Wuji Tools Co.,Ltd."),
    ]
    text = "The city will apply for national green factories. They are as follows: Jiayi Ceramic Co.,Ltd."
    assert names(text) == []  # (not yet)


def test_lines_of_names_typed_by_a_later_sentence_about_the_firms_selected():
    """Lines of names after an opener of no one type, among trade labels (造纸行业:), typed by a later
    sentence about the firms selected as one type (入选国家级“绿色工厂”的企业须…)."""
    text = (
        "工业和信息化部公布了拟确定的2023年度绿色制造名单,共包含绿色工厂1491家、绿色工业园区104家、绿色供应链管理企业205家。\n"
        "据不完全统计,纸品包装产业链上共有20多家企业入选,涵盖造纸、纸箱等行业。\n"
        "造纸行业:\n甲乙纸业包装有限公司\n丙丁纸业有限公司\n纸箱行业:\n戊己包装有限公司\n"
        "据了解,入选国家级“绿色工厂”的入选企业必须满足多个指标。\n"
    )
    assert names(text) == [(F, "甲乙纸业包装有限公司"), (F, "丙丁纸业有限公司"), (F, "戊己包装有限公司")]
    text = (
        "近日,工信部公布绿色供应链管理企业名单,我市2家企业入选:\n甲乙纸业包装有限公司\n丙丁纸业有限公司\n"
        "据了解,入选“绿色工厂”的企业必须满足多个指标。\n"
    )
    assert names(text) == [(S, "甲乙纸业包装有限公司"), (S, "丙丁纸业有限公司")]  # (typed by their opener)


def test_a_firm_taken_as_an_example_of_the_set_designated_before():
    text = "本次上榜的15家绿色工厂中,涵盖材料加工等多个领域。以甲乙水泥(襄阳)有限公司为例,该公司强化技术革新。"
    assert names(text) == [(F, "甲乙水泥(襄阳)有限公司")]
    assert names("今年我市3家企业入选绿色工厂。以丙丁为例,该公司强化技术革新。") == []  # (a short name: or a topic)
    assert names("今年我市3家企业入选绿色工厂。以节能改造为例,企业降耗明显。") == []
    assert names("我市大力推进绿色工厂建设,企业积极开展节能改造。以甲乙水泥有限公司为例,该公司强化技术革新。") == []


def test_the_first_short_name_after_the_word_that_opens_the_list():
    text = "本次入选绿色工厂的沈阳企业包括甲乙新材料、丙丁电力、戊己科技等11户企业。"
    assert names(text) == [(F, "甲乙新材料"), (F, "丙丁电力"), (F, "戊己科技")]


def test_names_on_a_list_of_no_type_take_the_type_of_the_headline_just_before():
    """…公示了绿色制造名单,我市A、B和C成功入选: the list names no type; the headline right before
    (我市3家台企获评…绿色工厂) gives one."""
    text = (
        "我市3家台企获评工信部2022年度绿色工厂 |\n发布日期:2023-03-17 来源:经济联络处 |\n"
        "近日,工信部公示了2022年度绿色制造名单,我市台企甲乙钢锐、丙丁纺织和戊己科技成功入选。"
    )
    assert names(text) == [(F, "甲乙钢锐"), (F, "丙丁纺织"), (F, "戊己科技")]
    text = "我市企业获评绿色工厂和绿色供应链管理企业\n近日,工信部公示了绿色制造名单,我市甲乙钢锐、丙丁纺织和戊己科技成功入选。"
    assert names(text) == []  # (two types: no one of them)
    text = "我市3家企业获评绿色工厂\n市工信局将指导甲乙有限公司等20家培育库企业对标创建,力争进入绿色制造名单。"
    assert names(text) == []  # (not yet)


def test_a_list_under_trade_labels_after_an_opener_of_the_sentence_that_counted_several_types():
    """…共有3家企业入选国家级绿色工厂,另有1家入选绿色供应链管理企业。现将名单按领域整理如下(排名不分先后):
    then trade labels with their counts (酱油(2家)) among the names: the list is of the first type counted,
    until a heading of another (绿色供应链管理企业)."""
    text = (
        "经梳理,我会会员中共有3家企业入选国家级绿色工厂,另有1家会员企业入选绿色供应链管理企业。"
        "现将名单按细分领域整理如下(排名不分先后):\n"
        "酱油及食醋(2家)\n甲乙酿造食品有限公司\n丙丁醋业有限公司\n复合调味料(1家)\n戊己调味品有限公司\n"
        "绿色供应链管理企业\n庚辛调味品集团有限公司\n"
    )
    assert names(text) == [
        (F, "甲乙酿造食品有限公司"),
        (F, "丙丁醋业有限公司"),
        (F, "戊己调味品有限公司"),
        (S, "庚辛调味品集团有限公司"),
    ]


def test_a_firms_own_release_calls_it_gongsi_where_it_or_its_product_was_designated_again():
    text = (
        "近日,工信部公布了2023年度绿色制造名单,浙江甲乙阀门股份有限公司(以下简称“甲乙阀门”)成功入选国家级绿色工厂名单。"
        "这是继2022年公司DC-Q41F系列球阀入选浙江省绿色设计产品之后,我司取得的又一项荣誉。"
        "公司全资子公司丙丁铸造有限公司已被纳入绿色工厂培育库;公司将争取早日获评绿色供应链管理企业。"
    )
    assert names(text) == [(F, "浙江甲乙阀门股份有限公司"), (D, "浙江甲乙阀门股份有限公司")]
    text = "甲乙有限公司、丙丁有限公司入选国家级绿色工厂。公司产品入选绿色设计产品名单。"
    assert names(text) == [(F, "甲乙有限公司"), (F, "丙丁有限公司")]  # (two firms: which one is 公司?)
    text = "甲乙有限公司入选国家级绿色工厂。公司不锈钢产品未入选绿色设计产品名单。"
    assert names(text) == [(F, "甲乙有限公司")]


def test_a_subsidiary_designated_in_the_same_round():
    text = "甲乙汽车零部件股份有限公司成功入选国家级绿色供应链管理企业名单,公司下属丙丁铸造有限公司同期获评国家级绿色工厂。"
    assert names(text) == [(S, "甲乙汽车零部件股份有限公司"), (F, "丙丁铸造有限公司")]


def test_firms_that_own_the_factories_counted_after_them_are_not_designated():
    text = "在电池方面,甲乙集团、丙丁锂能、戊己高科等多家动力电池企业的7家绿色工厂、38种绿色设计产品入选。"
    assert names(text) == []
    text = "甲乙电器、丙丁家电等企业的12个产品入选绿色设计产品名单。"
    assert names(text) == [(D, "甲乙电器"), (D, "丙丁家电")]  # (a design product is labelled by its owner)


def test_the_short_named_owner_of_a_design_product_designated():
    text = "其中,甲乙瑞闽、丙丁铝业入选绿色工厂名单,戊己铜业生产的高纯阴极铜产品被评为国家级绿色设计产品。"
    assert names(text) == [(F, "甲乙瑞闽"), (F, "丙丁铝业"), (D, "戊己铜业")]
    assert names("戊己铜业生产的高纯阴极铜产品被评为国家级绿色工厂。") == []  # (a product is no factory)


@pytest.mark.parametrize(
    "text",
    [
        "包括民营、国有等各类企业在内,全省共有70家企业获评绿色工厂。",  # (kinds of firms)
        "国有和民营2家企业入选绿色工厂名单。",
        "上游和下游2家企业入选绿色供应链管理企业名单。",
        "全市拥有电池、电机两家绿色工厂。",
        "今年新建、改建两家绿色工厂。",
        "3家企业入选绿色工厂名单,分别是光伏、锂电、储能。",
        "工信部公布2024年度绿色工厂名单,甲乙未入选。",  # (negated, hoped for, asked)
        "工信部公布2024年度绿色工厂名单,我市甲乙有望上榜。",
        "工信部公布2024年度绿色工厂名单,看看谁上榜!",
        "工信部公布2024年度绿色工厂名单,我市纺织服装入选。",
        "工信部公布2024年度绿色工厂名单,食品加工上榜。",
        "今年我市3家企业入选绿色工厂。以节能改造为例,企业降耗明显。",
        "近日,工信部公布2024年度智能制造示范工厂名单,我市2家企业入选:\n甲乙有限公司\n丙丁有限公司\n"
        "据悉,入选“绿色工厂”的企业必须满足多个指标。",  # (another honour's list)
        "市经信局召开座谈会,参会企业:\n甲乙有限公司\n丙丁有限公司\n会议强调,对入选国家级“绿色工厂”的企业给予奖励。",
        "Recently, three enterprises of Jiayi were selected as national green factories. "
        "The main customers of Jiayi Group are Bingding Auto Co., Ltd and Wuji Motor Co., Ltd.",
    ],
)
def test_what_the_rules_of_stop_38_must_not_take(text):
    """Cases a hostile review of rules .86-.96 found them taking: kinds of firms, trades, negated or hoped-for
    subjects, topics taken as examples, lists of other honours or meetings, a list typed by a sentence that is
    no headline, customers after a sentence of selection."""
    assert names(text) == []


def test_a_list_of_no_type_takes_no_type_from_a_sentence_that_named_a_firm():
    text = "去年,甲乙有限公司获评国家级绿色工厂。今年,工信部公布了2024年度绿色制造名单,丙丁科技、戊己电子成功入选。"
    assert names(text) == [(F, "甲乙有限公司")]


def test_a_firm_whose_name_holds_a_word_of_trade():
    text = "义乌市丙丁智能制造商贸有限公司入选省级绿色工厂名单。"
    assert names(text) == [(F, "义乌市丙丁智能制造商贸有限公司")]


def test_a_list_of_names_each_followed_by_its_description():
    """…我市3家企业获评国家级绿色工厂,1家…供应链…。一起来看看都有谁—— then lines "A有限公司。a description.":
    the descriptions (one naming a park, one another honour, one the term itself) do not end the list."""
    text = (
        "我市3家企业获评国家级绿色工厂,1家企业获评国家级绿色供应链管理企业。一起来看看都有谁——\n"
        "甲乙有限公司。位于南康家具产业园,主营实木家具。\n"
        "丙丁有限公司。稀土永磁材料重点企业,此前已获评国家级专精特新“小巨人”企业、省级智能制造标杆企业。\n"
        "戊己股份有限公司。全市首家获评国家级绿色工厂的农产品加工企业,果渣综合利用率达到95%。\n"
        "获评国家级绿色供应链管理企业的是庚辛集团有限公司。\n"
    )
    assert names(text) == [
        (F, "甲乙有限公司"),
        (F, "丙丁有限公司"),
        (F, "戊己股份有限公司"),
        (S, "庚辛集团有限公司"),
    ]


def test_an_example_word_or_a_contrast_before_a_name():
    assert names(
        "今年新增省级绿色工厂12家。像福建甲乙电子有限公司、丙丁包装有限公司,都是今年新上榜的省级绿色工厂。"
    ) == [
        (F, "福建甲乙电子有限公司"),
        (F, "丙丁包装有限公司"),
    ]
    assert names("国家级绿色工厂名单:\n像素光电科技(苏州)有限公司\n") == [(F, "像素光电科技(苏州)有限公司")]
    text = (
        "工信部公布第五批工业产品绿色设计示范企业名单,甲乙电机有限公司入选。"
        "该示范名单与绿色工厂、绿色设计产品等绿色制造名单不同。此次入选的甲乙电机有限公司将发挥示范作用。"
    )
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "近日,工信部公布2024年度绿色制造名单,由我司提供第三方评价服务的宁波甲乙机械有限公司成功入选国家级绿色工厂。"
            "此外,2024年我司辅导的3个产品入选浙江省绿色设计产品,我司还获得绿色供应链管理企业评价服务资质。",
            [(F, "宁波甲乙机械有限公司")],  # (a consultant's release: 我司 is not the firm)
        ),
        (
            "我市3家企业获评国家级绿色工厂。一起来看看都有谁——\n甲乙有限公司。位于工业园,主营家具。\n"
            "丙丁有限公司。主营电子,年产值10亿元。\n同时,以下2家企业获评省级绿色供应链管理企业,数量居全省第二。\n"
            "戊己有限公司。\n庚辛有限公司。",
            [(F, "甲乙有限公司"), (F, "丙丁有限公司"), (S, "戊己有限公司"), (S, "庚辛有限公司")],
        ),
        (
            "我市3家企业获评国家级绿色工厂。一起来看看都有谁——\n甲乙有限公司。位于工业园,主营家具。\n"
            "另有2家企业已推荐至工信部,正在等待评审结果。\n丙丁有限公司。主营电子。",
            [(F, "甲乙有限公司")],  # (put forward, not yet designated)
        ),
        (
            "我市累计培育国家级绿色工厂35家。\n今年哪些企业参加了绿色工厂评价培训?一起来看看都有谁:\n甲乙有限公司\n丙丁有限公司",
            [],
        ),
        ("首钢股份成功入选国家级绿色工厂。", [(F, "首钢股份")]),
        ("国内首台自主研发的永磁同步电机入选国家级绿色设计产品。", []),
        (
            "我市共有5家企业入选国家级绿色工厂,涵盖化工、纺织等不同行业。其中,甲乙有限公司、丙丁有限公司为首次入选。",
            [(F, "甲乙有限公司"), (F, "丙丁有限公司")],  # (不同 of trades: no contrast of lists)
        ),
        (
            "近日,工业和信息化部办公厅正式公布了2024年度国家级绿色工厂名单,我市共有3家企业榜上有名。\n"
            "在此次公布的绿色制造名单中,我市甲乙机械、丙丁阀门和戊己塑机成功入选。",
            [(F, "甲乙机械"), (F, "丙丁阀门"), (F, "戊己塑机")],  # (a lead that names no one types them)
        ),
        (
            "Under the Action Plan for Green Manufacturing, Hubei Jiayi Machinery Co., Ltd. and "
            "Wuhan Bingding Glass Co., Ltd. were selected as national green factories.",
            [(F, "Hubei Jiayi Machinery Co., Ltd."), (F, "Wuhan Bingding Glass Co., Ltd.")],
        ),
    ],
)
def test_what_a_second_review_of_stop_38_found(text, expected):
    assert names(text) == expected


def test_a_name_wrapped_inside_its_row_of_a_tab_table():
    """…精密电子(集 / 团)有限公司<TAB>斗门区: the row before stops short in a name its next line ends."""
    text = (
        "我市共7项入选,具体名单如下:\n序号\t类别\t企业名称\t所在地\n"
        "1\t绿色工厂\t珠海甲乙航空零部件有限公司\t金湾区\n"
        "2\t\t珠海丙丁精密电子(集\n团)有限公司\t斗门区\n"
        "3\t\t珠海戊己食品有限公司\t斗门区\n"
    )
    assert names(text) == [
        (F, "珠海甲乙航空零部件有限公司"),
        (F, "珠海丙丁精密电子(集团)有限公司"),
        (F, "珠海戊己食品有限公司"),
    ]


def test_a_name_with_characters_lost_to_question_marks_is_none():
    text = "入选绿色工厂的企业为:浙江甲乙新材料有限公司、浙江丙丁??木业有限公司、浙江戊己食品有限公司。"
    assert names(text) == [(F, "浙江甲乙新材料有限公司"), (F, "浙江戊己食品有限公司")]


def test_one_more_of_the_firms_the_sentence_before_designated():
    text = (
        "河南省公布2024年绿色制造名单,甲乙起重机械股份有限公司被评为省级绿色工厂。同批上榜的还有丙丁厨具制造有限公司。"
    )
    assert names(text) == [(F, "甲乙起重机械股份有限公司"), (F, "丙丁厨具制造有限公司")]
    text = "银川市有4家企业入选国家级绿色工厂。同样入选的戊己枸杞深加工有限公司,以枸杞原浆为主要产品。"
    assert names(text) == [(F, "戊己枸杞深加工有限公司")]


def test_a_subject_with_then_before_its_designation():
    text = "甲乙桥梁钢构集团有限公司则被列入省级绿色供应链管理企业名单。"
    assert names(text) == [(S, "甲乙桥梁钢构集团有限公司")]
    assert names("甲乙桥梁钢构集团有限公司则是本地的龙头企业,绿色工厂名单公布。") == []


def test_a_firm_that_missed_the_list_is_none():
    text = "另外,经县级推荐,甲乙新材料科技有限公司也参加了今年的国家级绿色工厂评选,但未能进入最终名单。"
    assert names(text) == []


def test_a_table_of_review_outcomes_keeps_the_rows_that_passed():
    text = (
        "我厅对省级绿色工厂开展了复核,6家企业复核通过,继续保留称号;2家企业撤销称号。具体结果如下:\n"
        "序号  单位名称                    所在市    类型      复核结论\n"
        "1     甲乙精密仪表有限公司        沈阳市    绿色工厂  通过\n"
        "2     丙丁船用配件有限公司        大连市    绿色工厂  限期整改\n"
        "3     戊己镁质材料有限公司        营口市    绿色工厂  撤销\n"
        "4     庚辛沿海精细化工园区        营口市    绿色园区  通过\n"
    )
    assert names(text) == [(F, "甲乙精密仪表有限公司"), (P, "庚辛沿海精细化工园区")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("🌿同批名单中,**永春甲乙工业集中区**获评省级绿色工业园区!", [(P, "永春甲乙工业集中区")]),
        (
            "顺德区2家企业入选省级绿色供应链管理企业,即广东甲乙家电供应链有限公司和佛山丙丁机械股份有限公司。",
            [(S, "广东甲乙家电供应链有限公司"), (S, "佛山丙丁机械股份有限公司")],
        ),
        (
            "甲乙县3家企业通过省级绿色工厂认定;云南甲乙工业园区龙海片区获批省级绿色工业园区。",
            [(P, "云南甲乙工业园区龙海片区")],
        ),
        ("我市将统筹推进,引导获评企业进一步对标绿色工厂评价要求。", []),
        ("至此,全县累计获评省级以上绿色工厂9家。", []),
        ("在已获评的省级绿色工厂中,涵盖了全市主要产业。", []),
    ],
)
def test_what_fresh9s_development_half_taught(text, expected):
    assert names(text) == expected


def test_a_firms_release_names_its_earlier_title_with_a_date_between():
    text = (
        "近日,工业和信息化部公布2024年度绿色制造名单,安徽甲乙密封件股份有限公司成功入选国家级绿色供应链管理企业名单。\n"
        "此前,公司已于2021年被认定为国家级绿色工厂。"
    )
    assert names(text) == [(S, "安徽甲乙密封件股份有限公司"), (F, "安徽甲乙密封件股份有限公司")]


def test_the_members_a_count_of_a_type_names_after_qizhong():
    text = "国家级绿色供应链管理企业2家,其中江苏甲乙电子科技集团有限公司是首次申报即获通过,另一家为淮安丙丁特种电缆有限公司。"
    assert names(text) == [(S, "江苏甲乙电子科技集团有限公司"), (S, "淮安丙丁特种电缆有限公司")]
    assert names("全市有绿色工厂培育库企业20家,其中甲乙有限公司规模最大。") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("近日,浙江**科技有限公司、杭州**新材料有限公司入选省级绿色工厂名单。", []),  # (masked names, not bold)
        (
            "今年全市有3家企业入选省级专精特新企业,浙江甲乙新能源有限公司同时获评国家级绿色工厂。"
            "同批上榜的还有浙江丙丁材料有限公司、浙江戊己电器有限公司。",
            [(F, "浙江甲乙新能源有限公司")],
        ),
    ],
)
def test_what_a_review_of_stop_39_found(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "继2021年山东甲乙电动工具有限公司、2023年莒南县丙丁渔具有限公司之后,我县国家级绿色工厂队伍进一步壮大。",
            [(F, "山东甲乙电动工具有限公司"), (F, "莒南县丙丁渔具有限公司")],
        ),
        (
            "继2021年山东甲乙电动工具有限公司、2023年山东丙丁渔具有限公司之后,我县又有两家企业入选国家级绿色工厂。",
            [(F, "山东甲乙电动工具有限公司"), (F, "山东丙丁渔具有限公司")],
        ),
        ("继甲乙有限公司之后,丙丁有限公司也开始创建绿色工厂。", []),
    ],
)
def test_the_firms_a_sentence_says_came_before(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "地区工信局审查推荐了甲乙生物技术有限公司、丙丁番茄有限公司等2家符合条件的企业申报绿色工厂。"
            "经自治区评审,以上2家获得第三批自治区绿色制造体系建设示范单位。",
            [(F, "甲乙生物技术有限公司"), (F, "丙丁番茄有限公司")],
        ),
        ("地区工信局推荐了甲乙生物技术有限公司、丙丁番茄有限公司等2家企业申报绿色工厂。以上2家未获通过。", []),
        ("推荐了甲乙有限公司、丙丁有限公司、戊己有限公司申报绿色工厂。以上2家获得称号。", []),  # (which two?)
    ],
)
def test_the_firms_put_forward_that_a_later_sentence_says_were_designated(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "贵州甲乙走生态酿造之路。贵州甲乙对绿色发展的执着追求,也让其赢得了一顶顶“生态桂冠”。"
            "2022年,,入选贵州省绿色制造名单,获评省级“绿色工厂”称号。"
            "2024年,入选“贵州省绿色供应链企业”。",
            [(F, "贵州甲乙"), (S, "贵州甲乙")],
        ),
        ("贵州甲乙对绿色发展的执着追求令人称道。2022年,入选省级绿色工厂培育库。", []),
        ("文章对绿色发展作了报道。2022年,入选省级绿色工厂。", []),
    ],
)
def test_the_firm_a_story_is_about_designated_by_the_subjectless_sentences_after(text, expected):
    assert names(text) == expected


_PUT_FORWARD = "地区工信局推荐了甲乙生物技术有限公司、丙丁番茄有限公司等2家企业申报绿色工厂。"
_TOPIC = "贵州甲乙走生态酿造之路。贵州甲乙对绿色发展的执着追求令人称道。"


@pytest.mark.parametrize(
    "text,expected",
    [
        (_PUT_FORWARD + "以上2家获得市级财政奖补资金各20万元。", []),
        (_PUT_FORWARD + "以上2家成功进入国家级绿色工厂培育库。", []),
        (_PUT_FORWARD + "经专家初审,以上2家通过评审,将报送工业和信息化部。", []),
        (_PUT_FORWARD + "以上2家获得国家级专精特新“小巨人”企业称号。", []),
        (_PUT_FORWARD + "以上2家获得绿色工厂称号后,将享受奖补政策。", []),
        ("甲乙有限公司、丙丁有限公司是我县绿色工厂的2家主要供应商。以上2家获得供应商年度质量奖。", []),
        ("董事长张建国对绿色发展有着深刻理解。2022年,获评省级“绿色工厂”称号。", []),  # (named once: no story's firm)
        ("甲乙有限公司的主要客户丙丁集团始终坚持绿色发展。2022年,获评国家级绿色工厂。", []),
        (_TOPIC + "2022年,入选全省绿色工厂现场评审名单。", []),
        (_TOPIC + "2022年,获评“绿色工厂建设先进个人”称号。", []),
        (
            _TOPIC + "2022年,入选省级绿色工厂,2024年其供应商丙丁有限公司入选国家级绿色供应链管理企业。",
            [(S, "丙丁有限公司"), (F, "贵州甲乙")],
        ),
        ("继甲乙有限公司之后,丙丁有限公司、戊己有限公司等企业也纷纷启动绿色工厂对标工作。", []),
        ("继甲乙有限公司之后,丙丁有限公司也已提交国家级绿色工厂申请材料。", []),
        ("甲乙有限公司、丙丁有限公司相继完成节能改造之后,全县绿色工厂建设迈上新台阶。", []),
    ],
)
def test_what_a_second_review_of_stop_39_found(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, title, expected",
    [
        (  # the short name its own clause designates, later in the text
            "甲省公布名单,甲乙智能厨电有限公司(以下简称“甲乙厨电”)的2款产品入选绿色设计产品名单。"
            "甲乙厨电此前已先后获评国家级绿色工厂(2020年)和国家级绿色供应链管理企业(2021年)。",
            "",
            [(D, "甲乙智能厨电有限公司"), (F, "甲乙厨电"), (S, "甲乙厨电")],
        ),
        (  # …or in the headline, the headline's own clause only
            "工信部公布名单,甲乙化工集团有限公司(以下简称“甲乙集团”)入选国家级绿色供应链管理企业。",
            "甲乙集团入选国家级绿色供应链管理企业 所属3家企业获评国家级绿色工厂",
            [(S, "甲乙化工集团有限公司"), (S, "甲乙集团")],
        ),
        (  # what it will do, a clause it does not open, or a generic short name: none
            "甲乙阀门股份有限公司(以下简称“甲乙阀门”)入选国家级绿色工厂名单。"
            "甲乙阀门将以此次获评为契机,争取早日创建国家级绿色供应链管理企业。"
            "这是甲乙阀门继获评省级绿色设计产品之后的又一荣誉。"
            "丙丁铸造有限公司(以下简称“公司”)入选省级绿色工厂,公司还获评绿色供应链管理企业。",
            "",
            [(F, "甲乙阀门股份有限公司"), (F, "丙丁铸造有限公司")],
        ),
    ],
)
def test_a_declared_short_name_its_own_clause_designates(text, title, expected):
    assert sorted((e.designation_type, e.name) for e in extract_names(text, title)) == sorted(expected)


@pytest.mark.parametrize(
    "text, title",
    [
        # a holding company, a consultancy, a supplier, a park: others won it
        (
            "浙江甲乙控股集团有限公司(以下简称“甲乙控股”)是民营企业集团。近日,甲乙控股旗下甲乙钢铁、甲乙新材2家企业获评国家级绿色工厂。",
            "",
        ),
        ("甲乙控股集团有限公司(以下简称“甲乙控股”)高度重视绿色发展。", "甲乙控股旗下3家企业获评国家级绿色工厂"),
        (
            "甲乙环境科技有限公司(以下简称“甲乙环境”)是第三方评价机构。甲乙环境服务的丙丁钢铁等8家企业成功入选国家级绿色工厂名单。",
            "",
        ),
        ("甲乙高新技术产业开发区(以下简称“甲乙高新”)持续推进绿色制造。甲乙高新3家企业入选国家级绿色工厂名单。", ""),
        (
            "甲乙阀门股份有限公司(以下简称“甲乙阀门”)位于戊己经济开发区。甲乙阀门所在的戊己经济开发区获评国家级绿色工业园区。",
            "",
        ),
        # the future, a condition, another honour and a pool, a revocation
        ("甲乙阀门股份有限公司(以下简称“甲乙阀门”)成立于2005年。甲乙阀门预计年内获评国家级绿色工厂。", ""),
        (
            "甲乙阀门股份有限公司(以下简称“甲乙阀门”)成立于2005年。会议指出:甲乙阀门若能入选国家级绿色工厂,将获得奖励。",
            "",
        ),
        (
            "甲乙阀门股份有限公司(以下简称“甲乙阀门”)成立于2005年。甲乙阀门入选国家级专精特新“小巨人”企业和省级绿色工厂培育库。",
            "",
        ),
        (
            "甲乙化工股份有限公司(以下简称“甲乙化工”)成立于2005年。甲乙化工2019年曾获评国家级绿色工厂,今年因复核不合格被撤销称号。",
            "",
        ),
        # a generic word, and the start of a longer name
        ("甲乙集团丙丁生产基地(以下简称“基地”)建成投产。基地入选国家级绿色工厂名单。", ""),
        ("浙江甲乙控股集团有限公司(以下简称“甲乙”)是电器制造商。日前,甲乙新能源入选2024年度国家级绿色工厂名单。", ""),
    ],
)
def test_what_a_review_of_stop_40_found_in_short_names(text, title):
    assert not [
        e
        for e in extract_names(text, title)
        if e.name in ("甲乙控股", "甲乙环境", "甲乙高新", "甲乙阀门", "甲乙化工", "基地", "甲乙")
    ]


def test_a_short_name_repeated_in_a_long_line_is_one_entity_per_clause():
    """A flattened table of a short name's honours, one line: each clause read alone (a clause that ran to the
    end of the line gave every later term to every occurrence, quadratic in the line)."""
    text = "甲乙阀门股份有限公司(以下简称“甲乙阀门”)荣誉一览:" + "|2023年|甲乙阀门获评省级绿色工厂" * 600 + "|"
    found = [e for e in extract_names(text) if e.name == "甲乙阀门"]
    assert len(found) <= 1 and all(len(e.evidence) < 80 for e in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # names in brackets after an untyped count, the type after them
            "甲县4家企业(甲乙食品有限公司、丙丁纸业有限公司)入选省级绿色工厂。",
            [(F, "甲乙食品有限公司"), (F, "丙丁纸业有限公司")],
        ),
        (  # short names in brackets after a typed count; a park's after its own
            "全市新增省级绿色工厂9家(鼎城纺机、汉寿米业、桃源铝箔),省级绿色工业园区1个(甲乙工业集中区)。",
            [(F, "鼎城纺机"), (F, "汉寿米业"), (F, "桃源铝箔"), (P, "甲乙工业集中区")],
        ),
        (  # a bracket of numbers is no list of names
            "全市新增绿色工厂8家(其中国家级2家、省级6家)。",
            [],
        ),
        (  # towns heading the names under them (📍狮山镇 / 佛山A有限公司), not part of a name
            "南海区共有5家企业入选省级绿色工厂。一起来看看都有谁👇\n📍狮山镇\n佛山狮山汽车零部件有限公司\n"
            "广东小塘新材料股份有限公司\n📍桂城街道\n佛山平洲精密五金有限公司",
            [(F, "佛山狮山汽车零部件有限公司"), (F, "广东小塘新材料股份有限公司"), (F, "佛山平洲精密五金有限公司")],
        ),
        (  # a label of firms taken back: none designated
            "评定五星级绿色工厂2家。\n五星级绿色工厂:甲乙机械有限公司、丙丁化工有限公司。\n摘牌企业:戊己化纤有限公司、庚辛铸件厂。",
            [(F, "甲乙机械有限公司"), (F, "丙丁化工有限公司")],
        ),
        (  # 它就是 / a long parent's 所属 before the name
            "在近日公布的国家级绿色工厂名单中,有一家锂电企业榜上有名——它就是四川射洪涪江锂业有限公司。",
            [(F, "四川射洪涪江锂业有限公司")],
        ),
        (
            "山东鲁岱建材集团有限公司所属鲁岱水泥(泰安)有限公司、肥城鲁岱矿渣微粉有限公司2家企业入选省级绿色工厂。",
            [(F, "鲁岱水泥(泰安)有限公司"), (F, "肥城鲁岱矿渣微粉有限公司")],
        ),
    ],
)
def test_what_fresh11s_development_half_showed(text, expected):
    assert sorted(names(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # 增补…为 a designation, whatever the heading says of how (经第三方机构补充评价…)
            "三、经企业申请、第三方机构补充评价和专家评审,增补以下企业为市级绿色工厂(2家)\n1.甲乙精细化工有限公司\n2.丙丁智联电子有限公司",
            [(F, "甲乙精细化工有限公司"), (F, "丙丁智联电子有限公司")],
        ),
        (  # a short name, 于 a year between it and its verb (早在2019年…: 早在 and 据悉 were read as names; not read)
            "此前,宁阳鲁岱水泥已于2022年获评国家级绿色工厂。",
            [(F, "宁阳鲁岱水泥")],
        ),
        (  # a note of two types: one entity of each; another programme's note: none
            "一、绿色发展先进企业\n甲乙印染有限公司(国家级绿色工厂)\n丙丁紧固件有限公司(省级绿色工厂、省级绿色设计产品)\n"
            "戊己光缆材料有限公司(省级节水型企业)",
            [(F, "甲乙印染有限公司"), (F, "丙丁紧固件有限公司"), (D, "丙丁紧固件有限公司")],
        ),
    ],
)
def test_more_of_what_fresh11s_development_half_showed(text, expected):
    assert sorted(names(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # 既有A、B等…企业,也有C等…企业: members of the set the sentence designated
            "近日,青岛市15家企业入选国家级绿色工厂,既有千里行、金能化学等传统行业头部企业,也有特锐德、华芯晶电等新兴产业优质企业。",
            [(F, "千里行"), (F, "金能化学"), (F, "特锐德"), (F, "华芯晶电")],
        ),
        (  # …or the sentence before, when it named one type
            "青岛市15家企业入选国家级绿色工厂,数量位居全省首位。从入选行业看,既有千里行、金能化学等传统行业头部企业,"
            "也有特锐德、华芯晶电等新兴产业优质企业。",
            [(F, "千里行"), (F, "金能化学"), (F, "特锐德"), (F, "华芯晶电")],
        ),
        (  # of two types, whose are they? none
            "青岛市15家绿色工厂、6家绿色供应链管理企业成功入选。从入选行业看,既有千里行、金能化学等传统行业头部企业。",
            [],
        ),
        (  # 有限 is no 有
            "既有限公司的制度,也有规划。",
            [],
        ),
    ],
)
def test_members_a_designated_set_has(text, expected):
    assert sorted(names(text)) == sorted(expected)


def test_short_names_each_of_its_term_in_order():
    text = "甲乙化工、丙丁机械分别入选国家级绿色工厂和绿色供应链管理企业名单。"
    assert names(text) == [(F, "甲乙化工"), (S, "丙丁机械")]


@pytest.mark.parametrize(
    "text",
    [
        # names in brackets after a count that are not yet designated, or no names at all
        "2025年,力争4家企业(鼎城纺机、汉寿米业、桃源铝箔)入选国家级绿色工厂。",
        "今年拟推荐申报国家级绿色工厂3家(鼎城纺机、汉寿米业、桃源铝箔)。",
        "下一步,将推动3家企业(鼎城纺机、汉寿米业、桃源铝箔)获评省级绿色工厂。",
        "全市累计创建绿色工厂120家(国家级、省级、市级)。",
        "全市共有12家企业(含央企、国企、民企)入选省级绿色工厂。",
        "全市新增省级绿色工厂9家(第五批、第六批)。",
        "全市新增省级绿色工厂9家(主要集中在机械、纺织行业)。",
        "全市新增绿色设计产品12个(电机、变压器、电线电缆)。",
        # a year before a verb: adverbs and openers are no names
        "甲乙新材料有限公司近日入选国家级绿色工厂。该公司高度重视绿色发展,早在2019年就已获评省级绿色工厂。",
        "甲乙新材料有限公司近日入选国家级绿色工厂。据悉早在2019年就已获评省级绿色工厂。",
        # 增补 a member of a group
        "增补甲乙新材料有限公司为市绿色工厂建设领导小组成员单位。",
    ],
)
def test_what_a_review_of_stop_40s_names_rules_found(text):
    assert [e.name for e in extract_names(text) if e.name != "甲乙新材料有限公司"] == []


def test_notes_and_numbered_towns_a_review_of_stop_40_kept():
    text = "一、绿色发展先进企业\n甲乙印染有限公司(国家级和省级绿色工厂)\n丙丁印染有限公司(绿色工厂、节水型企业)"
    assert names(text) == [(F, "甲乙印染有限公司"), (F, "丙丁印染有限公司")]
    text = "2024年省级绿色工厂名单\n1.宜兴市丁蜀镇\n紫砂陶瓷有限公司\n2.江阴市华士镇\n华西化纤有限公司"
    assert names(text) == [(F, "宜兴市丁蜀镇紫砂陶瓷有限公司"), (F, "江阴市华士镇华西化纤有限公司")]
    text = "甲乙电机有限公司入选国家级绿色设计产品3个(高效电机、变频器)。"
    assert names(text) == [(D, "甲乙电机有限公司")]
