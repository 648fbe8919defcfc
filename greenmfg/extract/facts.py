"""Facts in running text: reported counts ("绿色工厂391家") and policy targets
("到2025年…建成绿色园区30个、绿色工厂300家", "单位工业增加值能耗下降16%").

Works on normalized text (pinyin removed, simplified, half-width), sentence by sentence: the
clauses (greenmfg/extract/clauses.py) say what is planned and what is reported; the patterns
below find the counts, each typed by its term, or, where the number stands without one, by
its clause. Every fact keeps the sentence it came from as evidence. Unknown fields stay None:
nothing is guessed.

Attribution is per clause: the level or star a clause states scopes its own counts (8个(其中国家级
2个、省级6个): the 8 has no level); the cues before a number say whether it is a total to date, new
in a period or per year, and what a target asks for (clauses.PERIOD_CUE); the region a count speaks
of is the last one the sentence names before it (湖州市, 全市), resolved in fact_regions.py.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from greenmfg.extract import fact_tables
from greenmfg.extract.clauses import (
    BASELINE,
    STRONG_TARGET,
    TARGET_KIND,
    WEAK_TARGET,
    Clause,
    paragraph_clauses,
    reported_period,
    target_cue,
    target_kind,
)
from greenmfg.extract.english import english_counts, english_sentences, english_targets
from greenmfg.extract.normalize import CHINESE_DIGITS, clean_text, display_width
from greenmfg.extract.numbers import COUNT_CUE, NUM, NUMBER, UNIT, number
from greenmfg.extract.terms import (  # noqa: F401 - TERMS, TERM_MARK and designation_level are this module's API too
    LEVEL_WORD,
    STAR,
    TERM,
    TERM_MARK,
    TERM_PATTERN,
    TERMS,
    YEAR_MENTION,
    clean_indicator,
    designation_level,
    level_code,
    star_rating,
    term_type,
)
from greenmfg.regions import is_division, resolve

LEVEL = r"(?P<level>" + LEVEL_WORD + r")?(?P<above>及以上|以上)?"
# 绿色工厂874家 | 国家级绿色工厂35家 | 绿色工厂 50 家以上 | 省级以上绿色工厂总计27家 | 绿色工厂数量已经达到64家 |
# 绿色工厂达到国家级10家
JOINER = (
    r"(?:[较比](?:20\d{2}\s*年|上年|去年))?(?:累计|已经|已|目前|共|分别|将|力争|争取|确保|计划|预计|力求|新|净|再|仅有|仅|只有)*"
    r"(?:达到|达|突破|超过|超|逾|近|增加至|增加到|增至|增长至|为|有|计|总计|合计|不少于|不低于|增加|增|培育|创建|获批|"
    r"完成|(?:发展|创建)?目标(?:为|是)?)?(?:(?<=[达到过至批成建增育])了)?"  # (共获批了1402家)
)
TERM_THEN_NUMBER = re.compile(
    LEVEL + r"(?P<term>" + TERM + r")[”\"]?(?:[(（][^()（）]{0,12}[)）])?(?:称号|荣誉)?(?:公示)?(?:名单|榜单)?(?:的)?"
    # (…绿色工厂名单中,我市入选12家: the place's count of that list)
    r"(?:(?<=单)中[,，]?(?:(?:全|我|本)[省市区县]|[\u4e00-\u9fa5]{2,6}?[省市区县])?(?:共有|共|有)?(?:入选|上榜|获评|入围))?"
    r"(?:企业|单位)?(?:数量|总数|总量|数)?(?:(?<=企业|单位)[,，](?=共|总计|合计))?[(（:：]?"
    + JOINER
    + r"\s*(?P<level2>"
    + LEVEL_WORD
    + "|"
    + STAR
    + r")?(?:及以上|以上)?\s*"
    + NUMBER
    + r"\s*(?P<unit>"
    + UNIT
    + r")"
)
# 41家绿色工厂 | 45家市级绿色工厂 | 6家企业入选国家级绿色工厂 | 12家企业被工信部认定为国家级绿色工厂 |
# 3家公司入选“国家绿色工厂”名单: what stands between the number and the term (the gap) must say they were listed
NUMBER_THEN_TERM = re.compile(
    NUMBER
    + r"\s*(?P<unit>"
    + UNIT
    + r"|(?=企业|单位))(?:以上|左右)?(?:型号)?(?:制造)?(?:企业|单位|公司|产品|工厂|园区)?(?:的)?"
    r"(?P<gap>(?:[^,，。；;、\d“”\"()（）]|20\d{2}年度?|\(第.{1,3}批\)){0,16}?)[“\"]?"
    r"(?:(?<=[“\"])(?:20\d{2}年度?)?(?:[\u4e00-\u9fa5]{2,6}?[省市县区州])?)?"  # (6家企业“2024年度荆州市绿色工厂”称号)
     + LEVEL + r"(?P<term>" + TERM + r")"
)
NUMBER_RUN = re.compile(NUM)  # where a NUMBER_THEN_TERM match can start
LISTING_VERB = re.compile(
    r"认定|评为|评选|评定|确定|命名|授予|获评|获批|获得|获(?![悉知])|荣获|荣登|登上|入选|入围|入列|进入|列入|纳入|成为|符合|上榜|"
    r"创建|建成|新晋|跻身|通过|晋升|^为|^星级$|^(?:[\u4e00-\u9fa5]{0,6}[省市县区])?$|^第.{1,3}批$"
)
# The term names something else: 绿色工厂培育库, 绿色工厂建设项目, 绿色工厂评价机构; 申报绿色工厂的企业
MODIFIED = re.compile(
    r"培育库|培育名单|创建计划|创建名单|建设项目|项目|评价机构|服务机构|机构|评价标准|标准|申报|推荐|"
    r"创建单位|后备|梯度培育|管理平台|平台|示范线|生产线|系统"
)
APPLYING = re.compile(r"(?:申报|推荐|拟推荐)(?:的)?$")
NOT_YET_LISTED = re.compile(r"拟推荐|推荐参评|拟报送")  # 拟推荐参评国家级绿色工厂30家、绿色园区3家: not yet designated
# 绿色工厂和绿色供应链管理企业42家: one total of two types
MIXED_BEFORE = re.compile(r"(?:" + TERM + r")[”\"]?\s*[和及与、]\s*(?:" + LEVEL_WORD + r")?$")
NUMBER_BEFORE = re.compile(r"(?:" + NUM + r")\s*(?:余|多)?" + UNIT + r"(?:的)?(?:" + LEVEL_WORD + r")?$")
# 近3万个, 约50家, 800余家, 30多个: a report of about so many (not a count to sum)
APPROXIMATE_BEFORE = re.compile(r"(?:近|约|将近|接近|大约)$")
APPROXIMATE_AFTER = re.compile(r"\s*(?:余|多)")
QUOTED_TERM = re.compile(r"[“\"「]((?:" + LEVEL_WORD + r")?(?:" + TERM + r"))[”\"」]")
SHARED_LEVEL = re.compile(r"(?:" + LEVEL_WORD + r")\s*[、和及与]$")  # 省级、国家级绿色工厂8个: a total of both levels
# After a term, the term carries over: 五星级绿色工厂8家,四星级60家 | 绿色工厂8个(其中国家级2个、省级6个) |
# 新增绿色工厂5家,全市总数达到31家 | …12家,力争到2025年达到20家
CONTINUATION = re.compile(
    r"[,，、(（](?:其中|含|包括|包含)?[:：]?(?:力争|争取|计划|预计|确保)?(?:到?20\d{2}\s*年(?:底|末)?(?:[、和]20\d{2}\s*年)*|年内|今年|明年|当年)?(?:每年|年均)?"
    r"(?P<cue>(?:全市|全省|全区|全县|目前|现|总数|总量|数量|累计|已经|已|共计|共|总计|合计|当年|新增|再|就有|分别为|分别|达到|"
    r"达|超过|突破|增至|增加到|获评|创建|认定|争创|培育|完成|获批|新获批|新认定|入选|新入选)+)?\s*(?P<level>"
    + STAR
    + "|"
    + LEVEL_WORD
    + r")?(?P<above>及以上|以上)?\s*"
    r"(?:(?<=级)(?:达到|达|超过|突破|增至|为|有|不少于|不低于))?(?P<value>"
    + NUM
    + r")\s*(?:余|多)?(?P<unit>家|个|户|种|项|款)"
)
# Terms enumerated, then their values: 绿色工厂、绿色园区分别达到120家、8个 | …各1家 | …共计50家 (a mixed total)
VALUE = r"(?:" + NUM + r")\s*(?:余|多)?(?:万|千)?(?:余|多)?\s*" + UNIT + r"(?:以上|左右)?"
ITEM = r"(?:" + LEVEL_WORD + "|" + STAR + r")?(?:及以上|以上)?(?:" + TERM + r")"
LEVEL_ITEM = r"(?:" + LEVEL_WORD + "|" + STAR + r")"
ENUMERATION = re.compile(
    r"(?:(?P<items>"
    + ITEM
    + r"(?:\s*[、和及与]\s*"
    + ITEM
    + r")+)|(?P<levels>"
    + LEVEL_ITEM
    + r"(?:\s*[、和及与]\s*"
    + LEVEL_ITEM
    + r")+)(?P<term>"
    + TERM
    + r"))\s*(?:数量|总数)?(?P<mode>分别|各|共计|共|合计|总计)?"
    r"(?:为|达到|达|有|是|新增|增加|超过|累计|已)*\s*(?P<values>" + VALUE + r"(?:\s*[、和及与]\s*" + VALUE + r")*)"
)
ITEM_PARTS = re.compile(r"(" + LEVEL_WORD + "|" + STAR + r")?(及以上|以上)?(" + TERM + r")")
# What every enumeration has: a term or level, a separator, then another (a cheap test first)
ENUMERATION_HINT = re.compile(
    r"(?:工厂|园区|企业|产品|供应链|型号|级)\s*[、和及与]\s*(?:[^、,，。；]{0,6}?绿色|" + LEVEL_WORD + "|" + STAR + ")"
)
VALUE_PARTS = re.compile(r"(?P<value>" + NUM + r")\s*(?:余|多)?(?P<scale>万|千)?(?:余|多)?\s*(?P<unit>" + UNIT + ")")
# A number of units named without the term (5家企业, 3个工业园区), paired or typed by its clause
BARE_COUNT = re.compile(NUMBER + r"\s*(?P<unit>" + UNIT + r")(?P<noun>[\u4e00-\u9fa5]{0,8}?)(?=[、和及与]|$)")
BARE_NOUN_TYPE = [(re.compile(r"园区|集聚区|开发区"), "green_park"), (re.compile(r"工厂"), "green_factory")]
COMPANY_NOUN = re.compile(r"[^,，。]{0,4}?(?:企业|公司|工厂)")
PLAIN_NOUN = re.compile(r"^(?:制造|工业)?(?:企业|单位|公司|工厂|园区|产品)?$")
LISTED = re.compile(
    r"被认定为|认定为|被评为|评为|被确定为|确定为|被命名为|命名为|获评|入选|入围|入列|上榜|榜上有名|荣登|进入|列入|"
    r"纳入|获批|获得|荣获|创建|新晋|跻身|通过|开展"
)
ADVERB_TAIL = re.compile(r"(?:成功|顺利|均|都|全部|同时|再次|一举|又|也|共同|一同|双双)+$")
LISTED_AS_ONE_TYPE = re.compile(r"认定|评为|确定|命名|获评|入选|入围|入列|上榜|榜上有名|获批|荣获")
PERCENT = re.compile(
    r"(?P<indicator>[\u4e00-\u9fa5、“”]{2,40}?)(?:分别)?(?:[较比](?:“十三五”末|20\d{2}\s*年|上年))?(?:分别)?"
    r"(?P<direction>下降|降低|提高到|提高至|提升到|提升至|提高|提升|达到|增长|保持在|稳定在|维持在|不超过|不高于|超过|不低于|高于|达|降)"
    r"(?:超过|目标为|目标是|目标|约)?\s*(?P<values>\d+(?:\.\d+)?\s*%(?:(?:、|和|以上、)\d+(?:\.\d+)?\s*%)*)"
)
# a share named and its value with no verb (增加值占地区生产总值比重35%左右; 餐厨废弃物资源化利用率90%)
RATIO_PERCENT = re.compile(
    r"(?P<indicator>[\u4e00-\u9fa5、“”]{2,40}?(?:率|比重|占比))(?:为)?(?P<direction>)"
    r"(?P<values>\d+(?:\.\d+)?\s*%(?:(?:、|和)\d+(?:\.\d+)?\s*%)*)"
)
# a goal named after what was done (下降3.59%,超过3%的年度约束性目标): the goal's value, the indicator before it
GOAL_PERCENT = re.compile(r"(?P<value>\d+(?:\.\d+)?)\s*%(?:左右|以上)?的[^,，;；。%\d]{0,10}?目标")
INDICATOR_LEAD = re.compile(r"^(?:以上|、|确保|力争|争取|实现|推动|其中|均|累计|年均|全市|全省|全区|和|及|与|并)+")
INDICATOR_NOISE = re.compile(r"力争|争取|确保|努力|分别|同比|环比")
REMOVED_CUE = re.compile(r"移出|撤销|取消其?荣誉")
RENAMED_CUE = re.compile(r"变更名称|更名")
COUNTED = re.compile(COUNT_CUE)
# A table cell that is a sentence or more: a clause mark with Chinese text on both sides
PROSE_CELL = re.compile(r"[\u4e00-\u9fa5][,;。][\u4e00-\u9fa5\d ]")
# A table of work to do (a plan's 工作清单, 重点任务, 进度安排): its prose cells are plans; not one of
# work done (完成情况清单, 实施进展)
PLAN_TABLE = re.compile(r"目标|任务|计划|清单|安排|规划|要点")
REPORT_TABLE = re.compile(r"完成|情况|进展|成效|总结|回顾")
# Layouts that break lines: an e-paper's column (lines of one width), an infographic's cards
COLUMN_MIN = 16
SENTENCE_ENDS = ("。", "!", "?", ";", ":", "」", "”")
LINE_MARKER = re.compile(
    r"\s*(?:[一二三四五六七八九十]+[、.是]|[(][一二三四五六七八九十\d]+[)]|\d+[.、]|[●◆■▶★☆]|[-—]{2})"
)
DEADLINE_LINE = re.compile(r"\s*(?:到|至)\s*20\d{2}\s*年(?:底|末)?[,:]?\s*")
CARD_LABEL = re.compile(r"[^\d,。;:]{2,16}")
CARD_VALUE = re.compile(r"[^,。;:]{0,8}?\d[\d.]*\s*(?:%|家|个|户|项|种|款)(?:\([^()]{0,40}\)?)?[^,。;:]{0,4}")
# Enterprises counted for something they do about a designation (开展…自评价, 申报 …), not designated
ACTIVITY = re.compile(
    r"[\d一二三四五六七八九十百千两]+\s*(?:余|多)?(?:家|个|户)(?:以上)?(?:重点)?(?:企业|单位|工厂)?"
    r"(?:开展|参与|参加|进行|申报|申请|接受|实施|对标|完成)(?![^,;。]{0,12}?创建)"
)  # (…开展绿色工厂创建: creating them)
# Design products counted by their owners, then themselves: 2家企业4个型号, 5家企业的12种产品
OWNERS_THEN_PRODUCTS = re.compile(
    r"(?:" + NUM + r")\s*(?:家|户)(?:企业|单位)?的?\s*(?P<value>" + NUM + r")\s*(?P<unit>个|种|款|项)(?=产品|型号)"
)
# Regions enumerated, then a term and its values, one each (A市、B区国家级绿色工厂数量分别达到18家、15家)
PLACE_ITEM = r"[\u4e00-\u9fa5]{1,6}?(?:市|区|县|旗|州|盟)"
REGIONS_THEN_TERM = re.compile(
    r"(?P<regions>"
    + PLACE_ITEM
    + r"(?:[、和及与]"
    + PLACE_ITEM
    + r")+)(?P<level>"
    + LEVEL_WORD
    + r")?(?P<above>及以上|以上)?(?P<term>"
    + TERM
    + r")(?:数量|总数)?分别(?:达到|为|是|有|达)?\s*(?P<values>"
    + VALUE
    + r"(?:\s*[、和及与]\s*"
    + VALUE
    + r")+)"
)
REGIONS_REACH = 60
GENERIC_PLACE = re.compile(r"(?:城|市|辖|郊|园|各|全|本|我|开发|高新|经开|新|工业|产业)(?:区|县|市|园区)?$|^各|^所在")
# Values with no term of their own after the counts they continue (…,累计分别达到31家和96家)
# What may come between the counts before and a 分别 that continues them: cue words only
RESPECTIVE_GAP = re.compile(r"[^,;]*?[家个户种项款]?[,\s]*(?:累计|总数|总量|共|合计|目前|现|已|均|数量)*\s*")
RESPECTIVE = re.compile(
    r"(?<![、和及与])分别(?:达到|达|为|是|有|增至|增加到|突破)?\s*(?P<values>"
    + VALUE
    + r"(?:\s*[、和及与]\s*"
    + VALUE
    + r")+)"
)
# A section heading: a short line, numbered or not, with no sentence in it
HEADING_MAX = 40
HEADING = re.compile(
    r"^\s*(?P<number>[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]+[)]|\d+[.、])?[^。;!?]{2,36}[:]?\s*$"
)
CN_DIGITS = frozenset("一二三四五六七八九十")
PLAN_HEADING = re.compile(
    r"工作安排|工作计划|工作要点|工作打算|重点工作|重点任务|主要任务|(?:总体|主要|发展|工作|年度|预期|具体|"
    r"阶段性?|\d年)目标|目标(?:任务)?:?\s*$|目标任务|年度安排|进度安排|年度任务|任务分解"
)
PLAN_TITLE_END = re.compile(
    r"(?:工作安排|工作计划|工作要点|重点工作|目标任务|(?P<card>(?:20\d{2}\s*年度?|总体|主要)(?:主要|工作|发展)?目标|年度安排))"
    r"[:]?\s*$"
)  # (🎯 2025年目标 / 🎯 总体目标: a card's heading)
YEAR_LINE = re.compile(r"\s*(?:到|至)?\s*(20\d{2})\s*年(?:底|末)?[,:]?\s*")  # a year on a line of its own
CARD = -1  # the rank of a plan a card's heading opened (a card of results closes it)
COUNTED_LINE = re.compile(r"\d+\s*(?:家|个|户|项|种|款)")
NAVIGATION = re.compile(r"[>›»]|首页|当前位置|您的位置")
TARGETS_MET = re.compile(r"完成[^,,。]{0,6}目标")
REPORT_HEADING = re.compile(r"回顾|总结|成效|进展|情况|成绩|完成|取得|历程")
CAPTION_MAX = 40
SENTENCE = re.compile(r"[^。；;！!？?\n]+")
# The region a sentence speaks of: 2–6 characters and a division ending, then what it has (湖州市共有…)
REGION_END = re.compile(
    r"(?:自治区|省|市|县|区)(?=共有|新增|已|累计|的|共|有|今年|将|目前|现有|获|入选|上榜|再添|又有)"
)
OWN_REGION = re.compile(r"全国|[全我本](?:省|市|县|区|州|盟)(?![级内外])")  # the country, the document's own region
NOT_A_REGION_START = (
    "今年",
    "我",
    "本",
    "该",
    "全",
    "此次",
    "其中",
    "家",
    "个",
    "种",
    "项",
    "户",
    "批",
)  # 3家园区: no region
STRONG_OR_WEAK = re.compile(STRONG_TARGET.pattern + "|" + WEAK_TARGET.pattern + r"|20\d{2}\s*年")
CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fa5]) +(?=[\u4e00-\u9fa5])")  # PDF line breaks: 清 洁生产
PLAN_END = re.compile(r"到\s*(20\d{2})\s*年|(20\d{2})\s*[—\-–~至]\s*(20\d{2})\s*年")
REGION_CELL = re.compile(r"^(全市|全省|[\u4e00-\u9fa5]{2,8}(?:区|县|市|开发区|港区))$")
PERIOD_CELL = re.compile(r"^(累计|合计|20\d{2}\s*年)$")


@dataclass
class Fact:
    record_type: str  # reported_count | policy_target
    designation_type: str | None
    value: float
    unit: str
    evidence: str
    level: str | None = None
    indicator: str | None = None
    target_year: int | None = None
    cumulative: bool | None = None
    region_name: str | None = None  # counts: the region the sentence speaks of; targets: the row's or column's
    star_rating: int | None = None  # 五星级 → 5 … 二星级 → 2, green factories only
    period_kind: str | None = None  # counts: cumulative | new_in_period | per_year
    target_kind: str | None = None  # targets: stock | new_in_period | per_year | percent_change
    value_text: str | None = None  # the number as the evidence writes it
    region_mention: str | None = None  # what the sentence names (湖州市, 全市, 我县) before the number, if anything

    def to_dict(self) -> dict:
        return asdict(self)


class Count(NamedTuple):
    """A number a sentence counts designations with, and what qualifies it."""

    position: int  # where its value starts in the sentence
    designation_type: str
    value: int | float
    unit: str
    level: str | None
    star: int | None
    text: str  # the number as written (2,464, 八, 1.2万)
    region: str | None = None  # the region an enumeration pairs it with (A市、B区…分别达到18家、15家)
    indicator: str | None = None  # what it counts, when its line says it and its clause does not


def sentences(text: str) -> tuple[str, ...]:
    return _sentences(clean_text(text))


@lru_cache(maxsize=256)  # the fact patterns and the names in prose split the same cleaned body
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in SENTENCE.findall(text) if s.strip())


def plan_year(text: str) -> int | None:
    """The year a plan's targets are for: 到2019年, or the end of 2017—2019年."""
    years = [int(m.group(1) or m.group(3)) for m in PLAN_END.finditer(clean_text(text))]
    return max(years) if years else None


def extract_facts(text: str, default_year: int | None = None) -> list[Fact]:
    """Counts and targets from sentences, plus target tables (tab-separated rows).
    `default_year`: the year the page speaks from (its list year or publish year)."""
    deadline = plan_year(text)
    target_year = deadline if deadline and not (default_year and deadline < default_year) else default_year
    cleaned = clean_text(text)
    if "“" in cleaned or '"' in cleaned or "「" in cleaned:
        cleaned = QUOTED_TERM.sub(r"\1", cleaned)  # 已有国家级“绿色工厂”58家
    if "。 " in cleaned:
        cleaned = FLAT_PARAGRAPH.sub("\n", cleaned)  # 6家为国家级绿色工厂。 到2030年…: paragraphs run into one line
    if "百分之" in cleaned:
        cleaned = PER_CENT.sub(_per_cent, cleaned)  # (下降百分之十五 / 百分之十三点五: 15% / 13.5%)
    if CARD_MARKS.search(cleaned):
        cleaned = CARD_PLUS.sub(r"\1", CARD_ARROW.sub(" ", cleaned))  # (绿色工厂 ➜ 累计 150+ 家: 绿色工厂 累计 150 家)
        cleaned = "\n".join(map(_card_bar, cleaned.split("\n")))  # (…98 家|其中国家级 27 家: two clauses)
    lines = cleaned.splitlines()
    if "序号" in cleaned:
        lines = _cell_lines_joined(lines)
    if INNER_GAP.search(cleaned):  # (most pages: no cells apart by spaces)
        lines = _spaced_rows_as_tabs(_aligned_tables_mended(lines))
    if SINGLE_GAP.search(cleaned):
        lines = _rows_as_tabs(lines, _short_cells)
    lines = _headers_split(_table_rows_mended(lines))
    if "|" in cleaned:
        lines = [_deadline_first(line) if line.count("|") >= 2 else line for line in lines]
        lines = _rows_as_tabs(lines, _pipe_cells)
    table_lines = {i for i, line in enumerate(lines) if line.count("\t") >= 2 or PLACE_VALUE.match(line)}
    prose = _reflowed("\n".join(line for i, line in enumerate(lines) if i not in table_lines))
    return _drop_repeated_paragraph_facts(
        _sentence_facts(prose, default_year, target_year)
        + _tables(lines, table_lines, default_year, target_year)
        + _english_facts(cleaned)
    )


PER_CENT = re.compile(
    r"百分之(?P<whole>[零一二三四五六七八九十两百]{1,6})(?:点(?P<tenths>[零一二三四五六七八九]{1,2}))?"
    r"(?![零一二三四五六七八九十两百])"
)
PER_CENT_RANGE = re.compile(
    r"[一二三四五六七八九两][一二三四五六七八九两]"
)  # (百分之五六十: about 50–60, no one value)


def _per_cent(match: re.Match) -> str:
    if PER_CENT_RANGE.search(match.group("whole")):
        return match.group()
    whole = number(match.group("whole"))
    return f"{whole}.{match.group('tenths').translate(CHINESE_DIGITS)}%" if match.group("tenths") else f"{whole}%"


# an infographic's marks: arrows between a term and its value, 150+ for "150 or more", a bar between two clauses
CARD_MARKS = re.compile(r"[➜→➡⟶]|\d\+|\|")
CARD_ARROW = re.compile(r"\s*[➜→➡⟶]\s*")
CARD_PLUS = re.compile(r"(\d)\+(?=\s*(?:家|个|项|种|款))")
CARD_COUNT = re.compile(r"\d\s*(?:家|个|项|种|款|%)")


def _card_bar(line: str) -> str:
    """A line of two counts apart by one bar (…98 家|其中国家级 27 家): two clauses of one sentence."""
    if line.count("|") != 1:
        return line
    before, after = line.split("|")
    return f"{before},{after}" if CARD_COUNT.search(before) and CARD_COUNT.search(after) else line


CELL_LINE_MAX = 30  # a cell of a table pasted one cell a line is short


def _cell_lines_joined(lines: list[str]) -> list[str]:
    """A table pasted one cell a line (序号 / 指标名称 / 单位 / 2023年 / (基期值) / … / 1 / 国家级绿色工厂 / 家 / 3 /
    6 / 2 / …): its header is the lines from 序号 to the first row number (a bracketed line qualifies the cell
    above it), each row the next row number and as many cells; as tab rows. Two rows at least."""
    out, index = [], 0
    while index < len(lines):
        if lines[index].strip() in ("序号", "编号") and (table := _cell_line_table(lines, index)):
            rows, index = table
            out += ["\t".join(row) for row in rows]
            continue
        out.append(lines[index])
        index += 1
    return out


def _cell_line_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    header, at = [lines[start].strip()], start + 1
    while at < len(lines) and (cell := lines[at].strip()) and cell != "1" and len(cell) <= CELL_LINE_MAX // 2:
        if cell.startswith("(") and len(header) > 1:
            header[-1] += cell  # (2026年 / (目标值): one cell)
        else:
            header.append(cell)
        at += 1
    rows, width = [header], len(header)
    while width >= 3 and at + width <= len(lines) and lines[at].strip() == str(len(rows)):
        cells = [line.strip() for line in lines[at : at + width]]
        if any(not cell or len(cell) > CELL_LINE_MAX for cell in cells):
            break
        rows.append(cells)
        at += width
    return (rows, at) if len(rows) >= 3 else None


def _english_facts(text: str) -> list[Fact]:
    """An English page's counts and targets (english.py)."""
    if not (english := english_sentences(text)):
        return []
    reports = [
        Fact(
            "reported_count", dtype, value, unit, sentence, level=level, indicator="designations", value_text=str(value)
        )
        for dtype, value, unit, level, sentence in english_counts(english)
    ]
    plans = [
        Fact(
            "policy_target",
            dtype,
            value,
            unit,
            sentence,
            level=level,
            indicator="designations",
            target_year=year,
            target_kind="stock",
            value_text=str(value),
        )
        for dtype, value, unit, level, year, sentence in english_targets(english)
    ]
    return reports + plans


FLAT_PARAGRAPH = re.compile(r"(?<=[。!?]) +(?=[\u4e00-\u9fa5“\"])")
COLUMN_GAP = re.compile(r" {2,}")
INNER_GAP = re.compile(r"[^\s] {2}")


def _cell_starts(line: str) -> list[tuple[int, str]]:
    """A spaced line's cells with the display column each starts at."""
    return [(display_width(line[: piece.start()]), piece.group(0)) for piece in CELL_TEXT.finditer(line)]


CELL_TEXT = re.compile(r"\S+(?: \S+)*")  # (a single space inside a cell, two or more between cells)


def _column_of(start: int, columns: list[int]) -> int:
    return min(range(len(columns)), key=lambda i: abs(columns[i] - start))


HEADER_REST = re.compile(r"[^\d]*")  # a header's wrapped second line: words and units, no values


def _aligned_tables_mended(lines: list[str]) -> list[str]:
    """A spaced table whose header wrapped onto a second line (省级以上绿色 / 工厂（家）): the header's lines
    joined column by column (by where each cell starts, or, the indent lost, the second line under every
    column but the first); a row's last cell wrapped onto a line of its own joined to it. Only when every
    row then has the header's cells."""
    out, index = list(lines), 0
    while index + 1 < len(lines):
        if "  " not in lines[index]:  # (a header's cells are apart by two spaces or more)
            index += 1
            continue
        first, second = _cell_starts(lines[index]), _cell_starts(lines[index + 1])
        if not (len(first) >= 3 and 2 <= len(second) < len(first) and "\t" not in lines[index] + lines[index + 1]):
            index += 1
            continue
        columns, indented = [start for start, _ in first], lines[index + 1].startswith(" ")
        header = [cell for _, cell in first]
        if not indented and len(second) != len(first) - 1:
            index += 1
            continue
        for position, (start, cell) in enumerate(second):
            header[_column_of(start, columns) if indented else position + 1] += cell
        if not HEADER_REST.fullmatch("".join(c for _, c in second)) or len(fact_tables.header_columns(header)) <= len(
            fact_tables.header_columns([c for _, c in first])
        ):
            index += 1
            continue  # (not a header's second line, or one that adds no column)
        rows, end = [header], index + 2
        while end < len(lines) and (cells := _cell_starts(lines[end])) and "\t" not in lines[end]:
            if len(rows) > 1 and len(cells) == 1 and len(rows[-1]) < len(header) and cells[0][1][:1].isdigit():
                rows[-1] = [*rows[-1], cells[0][1]]  # (the last cell of the row above, wrapped)
            elif len(cells) >= 2:
                rows.append([cell for _, cell in cells])
            else:
                break
            end += 1
        if len(rows) > 2 and all(len(row) == len(header) for row in rows):
            mended = ["    ".join(row) for row in rows]
            out[index:end] = mended + [""] * (end - index - len(mended))
        index = end
    return out


def _spaced_rows_as_tabs(lines: list[str]) -> list[str]:
    """A table pasted with runs of spaces between its cells (年份    绿色工厂（家）    绿色园区（个）):
    a header row that names what the columns hold (fact_tables.header_columns) and the rows under
    it that split into as many cells (three or more), as tab-separated rows."""
    cells = [COLUMN_GAP.split(line.strip()) if "\t" not in line else [] for line in lines]
    out = list(lines)
    start = 0
    while start < len(lines):
        end = start
        while end + 1 < len(lines) and len(cells[end + 1]) == len(cells[start]):
            end += 1
        if len(cells[start]) >= 3 and end > start and _names_columns(cells[start]):
            out[start : end + 1] = ["\t".join(row) for row in cells[start : end + 1]]
        start = end + 1
    return out


DEADLINE_CELL = re.compile(
    r"(?:到|至)?\s*20\d{2}\s*年(?:底|末)?(?:前|以前)?|[“\"]?十[三四五六]五[”\"]?(?:期末|末|期间|时期)"
)


def _deadline_first(row: str) -> str:
    """A task table's row whose last cell is its deadline (…|创建绿色工厂6家|市工信局|2025年底前), with
    the deadline put first: the row reads as a plan by then (2025年底前,…|创建绿色工厂6家|市工信局)."""
    cells = row.strip().strip("|").split("|")
    if len(cells) < 3 or not DEADLINE_CELL.fullmatch(deadline := cells[-1].strip()):
        return row
    return deadline + "," + "|".join(cells[:-1])


BRACKETED_WORDS = re.compile(r"\([^()]{0,12}\)")  # (县(市、区): a header cell's alternatives, no clause)


def _header_cell(cell: str) -> bool:
    """A cell that may head a column: short, and no clause (its bracketed alternatives aside)."""
    return len(cell) <= SHORT_CELL and not CLAUSE_MARK.search(BRACKETED_WORDS.sub("", cell))


def _rows_as_tabs(lines: list[str], split) -> list[str]:
    """A table pasted with one space or a pipe between its cells (序号 指标名称 单位 2024年目标值 /
    |序号|考核指标|目标值|): a header row, two or more of whose cells name what their columns hold,
    and the rows under it that `split` into as many cells, as tab-separated rows."""
    out = list(lines)
    index = 0
    while index < len(lines):
        header = split(lines[index])
        if (
            header is None
            or not all(map(_header_cell, header))
            or sum(c.role not in ("place", "unit") for c in fact_tables.header_columns(header)) < 2
        ):
            index += 1
            continue
        end = index
        while end + 1 < len(lines) and (row := split(lines[end + 1])) is not None and len(row) == len(header):
            end += 1
        if end > index:
            out[index : end + 1] = ["\t".join(split(lines[i])) for i in range(index, end + 1)]
        index = end + 1
    return out


def _pipe_cells(line: str) -> list[str] | None:
    """A line's cells between pipes (|序号|指标|目标值| / 1|A|3家), when it has three or more."""
    if line.count("|") < 2:
        return None
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return cells if len(cells) >= 3 else None


def _short_cells(line: str) -> list[str] | None:
    """A line's cells split at single spaces, when it has three or more and none is a sentence."""
    if "\t" in line or " " not in (line := line.strip()):
        return None
    cells = line.split()
    return cells if len(cells) >= 3 and all(len(c) <= SHORT_CELL and not CLAUSE_MARK.search(c) for c in cells) else None


SINGLE_GAP = re.compile(r"[^\s] [^\s]+ [^\s]")  # (three cells at least)
SHORT_CELL = 20
CLAUSE_MARK = re.compile(r"[,。;:!?、]")


def _names_columns(cells: list[str]) -> bool:
    """A header row: a cell names what its column holds (a type, a year, regions, indicators, levels)."""
    return any(column.role != "place" for column in fact_tables.header_columns(cells))


SPILLED_CELL = re.compile(r"\d+(?:\.\d+)?%?")
BROKEN_NAME = re.compile(r"[\u4e00-\u9fa5]{1,8}")


def _headers_split(lines: list[str]) -> list[str]:
    """A header whose cells single spaces keep apart (年份  国家级绿色工厂(家) 省级绿色工厂(家) …), above
    rows split into as many cells: split the same way. Its cells after the first are columns (a term, a
    unit in brackets or a year each); a caption (表 1 各县绿色工厂创建目标) is none."""
    out = list(lines)
    for index, line in enumerate(lines[:-1]):
        if "\t" in line or (tabs := lines[index + 1].count("\t")) < 2:
            continue  # (the cheap test first: most lines are over no tab row)
        cells = line.split()
        if (
            len(cells) == tabs + 1
            and not CAPTION_FIRST.match(cells[0])
            and all(map(_header_cell, cells))
            and all(COLUMN_CELL.search(cell) for cell in cells[1:])
        ):
            out[index] = "\t".join(cells)
    return out


CAPTION_FIRST = re.compile(r"表|附件|附表|[一二三四五六七八九十]+、|\(?[一二三四五六七八九十\d]+[)、.]|\d+$")
COLUMN_CELL = re.compile(TERM + r"|\((?:家|个|项|种|款|%)\)|20\d{2}|合计|小计|数量|级")


def _table_rows_mended(lines: list[str]) -> list[str]:
    """Table rows that a PDF's text layer broke, put back together, inside a table (under a row of
    two or more tabs): a row's last cell on a line of its own (海陵区 3 3 4 / 25), and a first
    cell broken before the rest of its row (医药高新 / 区 3 3 4 25)."""
    out: list[str] = []
    width = 0  # the most cells of a row in the table so far
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        in_table = bool(out) and out[-1].count("\t") >= 2
        if in_table and "\t" not in line and SPILLED_CELL.fullmatch(line.strip()) and out[-1].count("\t") < width:
            out[-1] += "\t" + line.strip()
        elif (
            in_table
            and "\t" not in line
            and BROKEN_NAME.fullmatch(line.strip())
            and following.count("\t") >= 2
            and BROKEN_NAME.fullmatch(following.split("\t")[0].strip())
            and len(following.split("\t")[0].strip()) <= 2
        ):
            out.append(line.strip() + following.lstrip())
            index += 1
        else:
            out.append(line)
        width = max(width, out[-1].count("\t")) if out[-1].count("\t") >= 2 else 0
        index += 1
    return out


def _reflowed(text: str) -> str:
    """Lines a layout broke apart, put back: an e-paper's column (three or more lines of one width
    with no sentence end, joined with the line that ends them), and an infographic's cards (a label
    line, then its value line: 省级以上绿色工厂 / 累计达到180家, joined, the cards a sentence after the
    到2026年 above them)."""
    lines = text.split("\n")
    if len(lines) < 3:
        return text
    return "\n".join(_cards_joined(_columns_joined(_fragments_joined(lines))))


def _columns_joined(lines: list[str]) -> list[str]:
    out, run = [], []
    for line in [*lines, ""]:
        width = len(line)
        if width >= COLUMN_MIN and not line.endswith(SENTENCE_ENDS) and (not run or abs(width - len(run[0])) <= 2):
            run.append(line)
            continue
        if len(run) >= 3 and line and not LINE_MARKER.match(line):
            out.append("".join(run) + line)  # (the line that ends the column's paragraph)
        elif len(run) >= 3:
            out += ["".join(run), line]
        else:
            out += [*run, line]
        run = []
    return out[:-1]


# an infographic's count broken into lines of their own (国家级绿色工厂 / 新增 / 9 / 家 / 累计 / 62 / 家)
FRAGMENT_CUE = re.compile(r"新增|累计|共计|合计|新培育|达到")
FRAGMENT_NUMBER = re.compile(r"\d+(?:\.\d+)?")
FRAGMENT_UNIT = re.compile(r"(?:家|个|种|项|户|款|%)(?:以上|左右)?")
CUE_COUNT_LINE = re.compile(r"(?:新增|累计|共计|合计|新培育)\s*\d[^\u4e00-\u9fa5]{0,3}(?:家|个|种|项|户|款)(?!.*绿色)")
ENDS_IN_TERM = re.compile(r"(?:" + TERM + r")\s*$")
ENDS_IN_CUE = re.compile(r"(?:新增|累计|共计|合计|新培育|达到|下降|降低|提高|提升)\s*$")
ENDS_IN_COUNT = re.compile(r"\d\s*(?:家|个|种|项|户|款)(?:以上)?\s*$")


TAIL = 40  # (what a joined line ends with: its last characters)


def _fragments_joined(lines: list[str]) -> list[str]:
    """Lines that are only a cue after a term or a count, a number after a cue, or a unit after a number:
    joined back to the line they continue (…绿色工厂新增9家,累计62家)."""
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if (
            out
            and (
                FRAGMENT_UNIT.fullmatch(text)
                and out[-1].rstrip()[-1:].isdigit()
                or FRAGMENT_NUMBER.fullmatch(text)
                and ENDS_IN_CUE.search(out[-1][-TAIL:])
                or FRAGMENT_CUE.fullmatch(text)
                and (ENDS_IN_TERM.search(out[-1][-TAIL:]) or ENDS_IN_COUNT.search(out[-1][-TAIL:]))
                or CUE_COUNT_LINE.match(text)  # (…供应链管理企业 / 新增 2 家｜累计 17 家)
                and ENDS_IN_TERM.search(out[-1][-TAIL:])
            )
        ):
            joint = "," if FRAGMENT_CUE.fullmatch(text) and ENDS_IN_COUNT.search(out[-1][-TAIL:]) else ""
            out[-1] = out[-1].rstrip() + joint + re.sub(r"\s*\|\s*", ",", text)  # (新增 2 家|累计 17 家: two clauses)
        else:
            out.append(line)
    return out


def _cards_joined(lines: list[str]) -> list[str]:
    out, index = [], 0
    while index < len(lines):
        cards, at = [], index + (1 if DEADLINE_LINE.fullmatch(lines[index]) else 0)
        while at + 1 < len(lines) and CARD_LABEL.fullmatch(lines[at]) and CARD_VALUE.fullmatch(lines[at + 1]):
            cards.append(lines[at] + lines[at + 1])
            at += 2
        if len(cards) >= 2:
            out.append((lines[index] + "," if at - 2 * len(cards) > index else "") + ",".join(cards) + "。")
            index = at
        else:
            out.append(lines[index])
            index += 1
    return out


def _tables(lines: list[str], table_lines: set[int], page_year: int | None, plan_year: int | None) -> list[Fact]:
    """Each run of table lines read by its header (fact_tables); what no header explains, by the
    older row rules (target rows, district breakdowns under a row of periods)."""
    facts, unexplained = [], []
    for block in _blocks(sorted(table_lines)):
        caption = _caption(lines, block[0]) + fact_tables.years_note(" ".join(lines[max(0, block[0] - 3) : block[0]]))
        caption += _notes_below(lines, block[-1])
        rows = [(lines[i], [c.strip() for c in lines[i].split("\t")]) for i in block]
        found = fact_tables.table_facts(rows, caption, page_year, plan_year)
        if found is None:
            found = fact_tables.place_value_rows(rows, caption, page_year, plan_year)
        if found is None:
            unexplained += block
        else:
            facts += [Fact(**fact) for fact in found]
    return facts + _table_facts(lines, unexplained, page_year, plan_year)


PLACE_VALUE = re.compile(
    r"[\u4e00-\u9fa5]{2,12}\t\s*\d+(?:\.\d+)?\s*(?:家|个|项|种|款)?\s*$"
)  # 西安市	25家: a row of two


TABLE_NOTE = re.compile(r"(?:注|备注|说明)\s*\d?\s*[::]")


# a note that says the table's figures are goals of a year (注:表中目标数为2025年新增数)
GOALS_NOTE = re.compile(r"表中[^,。;]{0,6}?目标[^,。;]{0,4}?(?:为|是)\s*20\d{2}\s*年[^,。;]{0,8}")


def _notes_below(lines: list[str], last: int) -> str:
    """What the notes right under a table (up to two) say its figures are: which years are results and
    which goals (2022—2024年为当年新增实绩,2025—2027年为目标), or that they are goals of a year
    (表中目标数为2025年新增数); nothing else of a note (注:2025年目标为…, 注:带*的区为…规划重点区域)."""
    notes = ""
    for line in lines[last + 1 : last + 3]:
        if not TABLE_NOTE.match(line.strip()):
            break
        notes += fact_tables.years_note(line) + "".join(f" ({m.group()})" for m in GOALS_NOTE.finditer(line))
    return notes


def _caption(lines: list[str], first: int) -> str:
    """The short lines right above a table (its title, 单位:家), up to three; prose ends them."""
    above = []
    for line in reversed(lines[max(0, first - 3) : first]):
        if len(line) > CAPTION_MAX or "。" in line:
            break
        if line.strip():
            above.insert(0, line)
    return " ".join(above)


def _blocks(indexes: list[int]) -> list[list[int]]:
    blocks: list[list[int]] = []
    for i in indexes:
        if blocks and blocks[-1][-1] == i - 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return blocks


def _sentence_facts(text: str, page_year: int | None, plan_year: int | None = None) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple] = set()
    for section, region, paragraph in _paragraphs(clean_text(text)):
        if paragraph and SUBTOTAL_LINE.match(paragraph[0]) and TERM_MARK not in paragraph[0]:
            # 其中，甲区2家、乙县1家 (no term: the subtotals of the count on the line just before)
            lead = 1  # (…长春市5家:A、B;吉林市3家:C: the sentences of subtotals that go on)
            while (
                lead < len(paragraph)
                and TERM_MARK not in paragraph[lead]
                and (going_on := REGION_SUBTOTAL.match(paragraph[lead]))
                and _named_place(going_on.group("region"))
            ):
                lead += 1
            subtotals = ";".join(paragraph[:lead])
            if region == ADJOINING and section is None and facts and facts[-1].record_type == "reported_count":
                # (a bare name that is no division is no item: 较去年增加12家, 其余县区各1家)
                items = [m for m in REGION_SUBTOTAL.finditer(subtotals) if _named_place(m.group("region"))]
                before = [f for f in facts if f.evidence == facts[-1].evidence and f.record_type == "reported_count"]
                unit = items[0].group("unit") if items and PARTIAL.search(subtotals) else None
                if total := _whole_of(before, sum(number(m.group("value")) for m in items), unit):
                    facts += _subtotals_by_region(subtotals, items, total)
            if len(paragraph := paragraph[lead:]) == 0:
                continue
        facts += _paragraph_facts(
            paragraph,
            page_year,
            section or plan_year,
            seen,
            opened=section is not None,
            region=None if region == ADJOINING else region,
        )  # (a tag, no region's name)
    return facts


# 其中，谯城区2家、涡阳县1家 | 从县(市、区)分布看,南湖区3家…: a report's total broken down by region, in a
# sentence of its own
PLACE_ENDING = r"(?:区|县|市|旗|州|盟|镇|乡|街道|园区|开发区)"
SUFFIXED_PLACE = r"[\u4e00-\u9fa5]{1,10}?" + PLACE_ENDING
BARE_PLACE = r"[\u4e00-\u9fa5]{2,4}(?=\s*\d)"  # (成都21家: a division's name without its ending, checked)
SUBTOTAL_LINE = re.compile(
    r"(?:其中[,:]?\s*" + SUFFIXED_PLACE + r"|"
    r"(?:从|按|分)[^,;。]{0,12}?(?:分布|地区|区域|县区|地域)(?:来?看)?[,:]?\s*(?:"
    + SUFFIXED_PLACE
    + "|"
    + BARE_PLACE
    + r"))\s*\d"
)
REGION_SUBTOTAL = re.compile(
    r"(?P<region>" + SUFFIXED_PLACE + "|" + BARE_PLACE + r")\s*(?P<value>\d+)\s*(?P<unit>家|个|项|种)"
)
SUFFIX = re.compile(PLACE_ENDING + "$")


PARTIAL = re.compile(r"其余|其他|另有|此外")  # (…遂宁4家,其余分布在乐山、眉山等市: parts of the count, not all)


def _named_place(name: str) -> bool:
    """A place: a name with its ending, or a division's name without it (成都)."""
    return SUFFIX.search(name) is not None or is_division(name)


def _whole_of(before: list[Fact], parts: float, unit: str | None = None) -> Fact | None:
    """Of the counts of the sentence before, the one a run of parts breaks down: the one they add up to
    (…15家企业获评绿色工厂、2家…、1个园区… / 长春市5家…;吉林市3家…), else its only type's last; for parts
    said to be some of it (其余…), in `unit`, the one type's they fit in; None when it counted several types
    and none adds up (新增绿色工厂8家,绿色园区2个 / 其中,甲区2家: whose?)."""
    if unit:  # (58家…工厂,30家…供应链 / 成都21家、德阳9家,其余…: some of a count, the one type's larger than them)
        fits = [f for f in before if f.unit == unit and f.value > parts]
        return fits[0] if len({f.designation_type for f in fits}) == 1 else None
    whole = next((f for f in before if f.value == parts), None)
    if whole is None and len({f.designation_type for f in before}) == 1:
        whole = before[-1]
    return whole


def _subtotals_by_region(sentence: str, items: list[re.Match], total: Fact) -> list[Fact]:
    """The region subtotals (REGION_SUBTOTAL `items` of a sentence that names no type of its own) of the
    count reported just before that they break down (_whole_of): in its unit, every item a place."""
    if any(m.group("unit") != total.unit or GENERIC_PLACE.match(m.group("region")) for m in items):
        return []
    return [
        Fact(
            "reported_count",
            total.designation_type,
            number(m.group("value")),
            m.group("unit"),
            sentence,
            level=total.level,
            indicator=total.indicator,
            cumulative=total.cumulative,
            region_name=m.group("region"),
            period_kind=total.period_kind,
            value_text=m.group("value"),
            region_mention=m.group("region"),
        )
        for m in items
    ]


@lru_cache(maxsize=64)
def _paragraphs(text: str) -> tuple[tuple[int | None, str | None, tuple[str, ...]], ...]:
    """Each line's sentences, for the lines that could hold a fact, with the plan of the section
    they are in and the region the line is labelled with (——萧山区：…). A numbered heading that plans
    (二、2024年工作安排) opens one for the lines under it (its year, or 0) until the next heading of
    its rank or above; a heading that reports (一、2023年工作回顾, (三)完成情况) closes it. A document
    titled as a plan (2024年…工作要点) is one from its title on. A line that breaks a plan down
    (现将任务分解如下：) opens one for the items under it (——萧山区：…, 1. …)."""
    out, section, rank, breakdown = [], None, 0, None
    last_held = -2  # the index of the last line that held a fact
    lines = _wrapped_lines_joined(text.splitlines())
    bullets = None  # the year of a deadline line (🎯到2027年) that the bulleted lines under it are goals of
    for index, line in enumerate(lines):
        if section is not None and (deadline := YEAR_LINE.fullmatch(line)):
            section = int(deadline.group(1))  # (a card of goals: 到2030年 / 国家级绿色工厂达到150家 …)
        if RELATED_LINK.match(line):
            continue  # (👉相关阅读:乙市:到2027年…: another page's headline)
        if bullets is not None and not (BULLET.match(line) and not BULLET_REPORT.search(line)):
            bullets = None
        if deadline := BULLETS_DEADLINE.fullmatch(line):
            bullets = int(deadline.group(1))  # (🎯到2027年 / ✅全市国家级绿色工厂达到50家 / ✅…)
            continue
        elif len(line) <= HEADING_MAX and (heading := HEADING.match(line)):
            section, rank = _section_after(heading, line, section, rank)
        holds = TERM_MARK in line or "%" in line or line.startswith("其中") or SUBTOTAL_LINE.match(line) is not None
        # (a line without either holds no fact)
        label = REGION_LABEL.match(line) if holds or breakdown is not None else None
        if breakdown is not None and not (label or LINE_MARKER.match(line)):
            breakdown = None
        if not holds and index and (joined := _headline_then_count(lines[index - 1], line)):
            out.append((section if breakdown is None else breakdown, None, (joined,)))
        if (
            holds
            and out
            and last_held == index - 1
            and (
                GOES_ON.match(line)
                and not SUBTOTAL_LINE.match(line)
                or DASH_ITEM.match(line)
                and DASH_ITEM.match(lines[index - 1])
                and not label
                and not DASH_REPORT.search(line)
                and not DASH_DONE.search(lines[index - 1])
            )
            and (out[-1][1] is None or GOES_ON.match(line))
            and not REPORTS_PAST.search(line)
        ):  # (——绿色工厂。到2030年,… / ——绿色园区。…8个: the items of one list)
            # 同时,…下降13%: a line that goes on from the one before is of its paragraph (a plan open there goes on)
            before = out[-1]
            out[-1] = (before[0], before[1], before[2] + _line_sentences(line))
            last_held = index
            continue
        if holds and (opener := _breakdown_opener(line)) and opener.end() < len(line):
            # (…具体任务分解如下:A县、B县各新增…;C县…: the items after the opener, a plan of its year)
            out.append((section if breakdown is None else breakdown, None, _line_sentences(line[: opener.end()])))
            breakdown = _plan_year(opener.group("lead")) or _plan_year(line)  # (and the labelled lines after)
            out.append((breakdown, None, _line_sentences(line[opener.end() :])))
            last_held = index
            continue
        if holds:
            last_held = index
            # (but a 其中 line of subtotals continues the count just before it: ADJOINING)
            tag = (
                ADJOINING
                if (line.startswith("其中") or SUBTOTAL_LINE.match(line)) and _adjoins_a_count(lines, index)
                else label.group("region")
                if label
                else None
            )
            out.append(
                (
                    bullets if bullets is not None else section if breakdown is None else breakdown,
                    tag,
                    _line_sentences(line),
                )
            )
        if line.endswith(("如下:", "如下")) and BREAKDOWN.search(line) and not DONE_SO_FAR.search(line):
            breakdown = _plan_year(line)
    return tuple(out)


# a deadline alone on its line, decorated (🎯到2027年, ▶ 到2027年底:), over bulleted lines (✅…, · …, - …)
BULLETS_DEADLINE = re.compile(r"[^\u4e00-\u9fa5A-Za-z0-9\s]+\s*(?:到|至)\s*(20\d{2})\s*年(?:底|末)?[,:]?\s*")
BULLET_REPORT = re.compile(r"今年|去年|上年|截至|截止|目前|已经?|完成|实现|成绩|20\d{2}\s*年(?!底|末)")
RELATED_LINK = re.compile(r"[^\u4e00-\u9fa5A-Za-z0-9]*(?:相关阅读|推荐阅读|延伸阅读|相关链接|往期回顾|往期推荐)")
BULLET = re.compile(r"\s*[^\u4e00-\u9fa5A-Za-z0-9\s(\[“\"《]")
BREAKDOWN_OPENER = re.compile(r"(?P<lead>[^。;]*)如下[:]?")


def _breakdown_opener(line: str) -> re.Match | None:
    """The sentence that opens a plan's breakdown (现将任务分解如下: / 具体任务分解如下:…), if the line has one:
    a sentence of goals, tasks or a breakdown, not of what was done."""
    if "如下" not in line or not (opener := BREAKDOWN_OPENER.search(line)):
        return None
    lead = opener.group("lead")
    return opener if BREAKDOWN.search(lead) and not DONE_SO_FAR.search(lead) and not LEAD_DONE.search(lead) else None


LEAD_DONE = re.compile(r"(?<!确保)(?<!力争)(?<!保证)(?<!要)(?<!全面)完成|统计")  # (…完成了…目标任务,具体如下: a report)


GOES_ON = re.compile(r"(?:同时|此外|另外|与此同时|并且|其中)[,，]")
DASH_ITEM = re.compile(r"\s*(?:——|—)")
DASH_REPORT = re.compile(r"今年|去年|截至|目前|已|完成|实现")  # (——绿色园区。今年新增…: a report, not the box's goal)
DASH_DONE = re.compile(r"完成|实现|已")  # (——绿色工厂。到2025年…的目标提前完成: a report of the goal)
REPORTS_PAST = re.compile(
    r"去年|上年|已经?|累计|完成|超额|截至|截止|先后|成绩|20\d{2}\s*年(?:度)?(?:全[省市区县]|我[省市区县]|,)"
)


def _line_sentences(line: str) -> tuple[str, ...]:
    return tuple(CJK_GAP.sub("", s.strip()) for s in SENTENCE.findall(line) if s.strip())


def _headline_then_count(before: str, line: str) -> str | None:
    """A line that counts firms designated and names no term (我市19家企业成功入选), after a headline
    that names one and counts nothing (江苏省绿色工厂名单(第三批)): the two lines as one sentence, the
    count of the headline's type."""
    if TERM_MARK not in before or len(before) > HEADING_MAX or before.endswith(SENTENCE_ENDS):
        return None  # (the cheap tests first: most lines follow no headline)
    if not (COUNTED.search(line) and LISTED_AS_ONE_TYPE.search(line)) or COUNTED.search(before):
        return None
    return before + line


WRAPPED_MIN = 40  # a line at least this long that stops mid-sentence was wrapped
CJK_FIRST = re.compile(r"[\u4e00-\u9fa5]")
PARAGRAPH_OPENERS = ("其中", "此外", "另外", "同时", "截至", "截止", "目前", "据悉", "据了解")


CARD_LINE_MAX = 32  # a card's line is short; a wrapped sentence's longer
COUNT_AT_END = re.compile(r"\d\s*(?:家|个|项|种|款)$")
TERM_FIRST = re.compile(r"(?:" + LEVEL_WORD + r")?(?:及以上|以上)?(?:" + TERM + r")")


def _wrapped_lines_joined(lines: list[str]) -> list[str]:
    """A paragraph wrapped inside a sentence (…能耗和 / 碳排放强度进一步降低…) joined: the line is long
    and ends in a character with no punctuation, and the next is no heading; or it is as wide as
    the page's printed lines (`_wrap_width`) and ends before its sentence does, and the next is no
    numbered heading. The next starts with a character, and opens no paragraph."""
    out: list[str] = []
    wrap = _wrap_width(lines)
    for line in lines:
        before = out[-1] if out else ""
        if before and _continues(before, line, wrap):
            out[-1] = before + line
        else:
            out.append(line)
    return out


def _continues(before: str, line: str, wrap: int | None) -> bool:
    """Whether `line` goes on with the sentence `before` stops in (the cheap tests first: the
    heading is matched only for a line that could continue)."""
    if not (CJK_FIRST.match(line) or wrap and line[:1].isdigit()) or line.startswith(PARAGRAPH_OPENERS):
        return False  # (a number broken at the print's width goes on: …绿色工厂2 / 3家)
    long_line = len(before) >= WRAPPED_MIN and CJK_FIRST.fullmatch(before[-1]) is not None
    if (
        len(before) <= CARD_LINE_MAX
        and COUNT_AT_END.search(before)
        and TERM_FIRST.match(line)
        and COUNTED_LINE.search(line)
    ):
        return False  # (a card's lines: …98 家 / 国家级绿色工业园区 2 个)
    printed = bool(wrap) and display_width(before) >= wrap and _prose(before, line)
    if not (long_line or printed):
        return False
    heading = HEADING.match(line)
    numbered = heading is not None and heading.group("number") is not None
    return (
        ((long_line and not heading) or (printed and not numbered))
        and not REGION_LABEL.match(line)
        and not ITEM_LABEL.match(line)
    )


ITEM_LABEL = re.compile(r"[\u4e00-\u9fa5()]{2,10}:")  # (其余县(区):…, 顺庆区:…: an item of a list, not a line going on)


def _prose(before: str, line: str) -> bool:
    """Lines of running text inside a sentence, not a table's rows or a page's byline: the first
    has a clause mark and does not end its sentence, neither has a tab, pipe or gap of spaces
    between cells."""
    return (
        bool(PROSE_MARK.search(before))
        and not before.endswith(SENTENCE_ENDS)
        and not any(CELL_GAP.search(text) for text in (before, line))
    )


PROSE_MARK = re.compile(r"[,，、。;；]")
CELL_GAP = re.compile(r"[\t|]| {2}|\u3000")


WRAP_SLACK = 8  # columns a printed line may fall short of the widest (a wider character, a space)
WRAP_WIDTH_MIN = 24  # narrower: headings and short lines, not a page's lines
WRAP_WIDTH_MAX = 120  # wider than a printed page's line: paragraphs, one a line
WRAP_LINES_MIN = 5  # lines as wide as the widest that make a text printed at one width


def _wrap_width(lines: list[str]) -> int | None:
    """The width a text copied from print (a PDF, a scan) was wrapped at, in display columns less
    a little slack: the widest that most lines of text reach without going over by more than the
    slack (wider lines, a header or a URL, are no part of the print; at least five lines, at
    least half the lines that are no heading or short end of a paragraph); None for text with a
    paragraph a line."""
    # (a line's width is between its length and twice it: only lines of 12 to 120 characters are measured)
    if sum(WRAP_WIDTH_MIN <= 2 * len(line) <= 2 * WRAP_WIDTH_MAX for line in lines) < WRAP_LINES_MIN:
        return None  # too few lines could be printed ones
    widths = [
        display_width(line) if WRAP_WIDTH_MIN <= 2 * len(line) and len(line) <= WRAP_WIDTH_MAX else 2 * len(line)
        for line in lines
    ]
    printed = sorted((w for w in widths if WRAP_WIDTH_MIN <= w <= WRAP_WIDTH_MAX), reverse=True)
    text_lines = sum(w >= WRAP_WIDTH_MIN for w in widths)
    for widest in printed:
        full = sum(widest - WRAP_SLACK <= w <= widest for w in printed)
        if full >= WRAP_LINES_MIN and 2 * full >= text_lines:
            return widest - WRAP_SLACK
    return None


ADJOINING = "\0adjoining"  # (the region tag of a 其中 line right after a line that counts a type)


def _adjoins_a_count(lines: list[str], index: int) -> bool:
    """The line before counts a type, or the one before it does and the line between counts nothing
    (我市8家企业入选国家级绿色工厂。/ 入选企业为:A、B / 其中,甲区2家、乙县1家)."""
    before = [line for line in lines[max(0, index - 2) : index]]
    if before and TERM_MARK in before[-1] and COUNTED_LINE.search(before[-1]):
        return True
    return (
        len(before) == 2
        and TERM_MARK in before[0]
        and COUNTED_LINE.search(before[0]) is not None
        and not COUNTED_LINE.search(before[1])
    )


# a line labelled with the region it speaks of: ——萧山区：… | 上城区: …
REGION_LABEL = re.compile(
    r"\s*(?:——|--|—|-|•|·|▶)?\s*(?P<region>[\u4e00-\u9fa5]{1,8}?(?:区|县|市|旗|镇|乡|街道|园区|开发区)):"
)
BREAKDOWN = re.compile(r"目标|任务|分解|计划|指标")
DONE_SO_FAR = re.compile(r"情况|进展|成效|总结|回顾|成绩")  # (目标完成情况如下: what was done, a report)


def _section_after(heading: re.Match, line: str, section: int | None, rank: int) -> tuple[int | None, int]:
    """(the plan, its heading's rank) after a heading line: 1 一、, 2 (一), 3 1., 0 a title."""
    if section is None and not PLAN_HEADING.search(line):
        return None, rank  # no plan to close, none opened (the rank counts only under a plan)
    number = heading.group("number") or ""
    level = 1 if number[:1] in CN_DIGITS else 2 if number.startswith("(") else 3 if number else 0
    if COUNTED_LINE.search(line) or NAVIGATION.search(line):
        return section, rank  # a headline with a count, a breadcrumb: no heading
    plans, reports = PLAN_HEADING.search(line), REPORT_HEADING.search(line)
    # (…目标完成情况, 超额完成年度目标: a report of the plan; 2023年工作总结和2024年工作计划: the plan)
    planning = plans is not None and not (
        reports and (reports.start() > plans.start() or reports.end() == plans.start() or TARGETS_MET.search(line))
    )
    if not level:  # a title: only one that names a plan, as its last words, opens one
        if planning and (title := PLAN_TITLE_END.search(line)):
            return _plan_year(line), CARD if title.group("card") else 0
        if rank == CARD and reports:
            return None, 0  # 🎯 2025年目标 … / 2024年成绩单: a card of results closes the card of goals
        return section, rank
    if planning:  # (a plan's part names no year: the plan's year holds, 2024年…工作要点 / 一、总体目标)
        return _plan_year(line) or section or 0, level
    if reports or (section is not None and level <= rank):
        return None, 0  # a report's heading, or the next heading at the plan's rank
    return section, rank


def _plan_year(line: str) -> int:
    year = YEAR_MENTION.search(line)
    return int(year.group(1)) if year else 0


def _could_hold_a_fact(sentence: str) -> bool:
    """A count needs a term and a number with its unit; a percentage target, a %."""
    return "%" in sentence or (TERM_MARK in sentence and COUNTED.search(sentence) is not None)


def _paragraph_facts(
    paragraph: tuple[str, ...], page_year, plan_year, seen: set, opened: bool = False, region: str | None = None
) -> list[Fact]:
    """`opened`: the paragraph is a plan from its start (a cell of a table of work to do); `region`:
    the region its line is labelled with."""
    facts: list[Fact] = []
    candidates = [_could_hold_a_fact(s) for s in paragraph]
    if not any(candidates):
        return facts
    first = candidates.index(True)  # sentences before it only matter when they open a plan for it
    start = 0 if first and any(STRONG_OR_WEAK.search(s) for s in paragraph[:first]) else first
    clauses = paragraph_clauses(paragraph[start:], page_year, plan_year, 0 if opened else None)
    for index, ((sentence, parts), candidate) in enumerate(zip(clauses, candidates[start:]), start):
        if not candidate:
            facts += _elliptical_goals(sentence, paragraph, index, facts) or _parts_after(
                sentence, paragraph, index, facts
            )
            continue
        counts = list(_counts(sentence, parts)) if COUNTED.search(sentence) else []
        periods = _periods(sentence, parts, sorted(c.position for c in counts))
        mentions = region_mentions(sentence) if counts else []
        for count in counts:
            clause = _clause_at(parts, count.position)
            if ACTIVITY.match(sentence, count.position):  # 组织100家企业开展绿色工厂自评价: not designations
                continue
            if count.designation_type == "green_design_product" and (
                products := OWNERS_THEN_PRODUCTS.match(sentence, count.position)
            ):
                count = count._replace(
                    value=number(products.group("value")), unit=products.group("unit"), text=products.group("value")
                )  # 2家企业4个型号: 4 products
            if clause.kind == "policy_target" and _in_baseline(sentence, count.position):
                clause = Clause(clause.start, clause.end, "reported_count", None, True)
            elif clause.kind == "reported_count" and GOAL_IN_BRACKETS.search(sentence, 0, count.position):
                # 完成年度目标任务(40家)的112.5%: the goal it reports against, of the year the sentence speaks of
                year = YEAR_MENTION.search(sentence, 0, count.position)
                clause = Clause(
                    clause.start, clause.end, "policy_target", int(year.group(1)) if year else page_year, False
                )
            key = (sentence, count.designation_type, count.value, clause.kind, count.region)
            if key in seen:
                continue
            seen.add(key)
            reported = clause.kind == "reported_count"
            if reported and _approximate(sentence, count):
                continue
            mention = count.region or next((name for end, name in reversed(mentions) if end <= count.position), region)
            period, kind = periods[count.position]
            for year in ([] if reported else _years_each(sentence[clause.start : count.position]))[:-1]:
                # 2025年、2026年每年新增14家: a target for each year named (the last one's below)
                facts.append(
                    Fact(
                        record_type=clause.kind,
                        designation_type=count.designation_type,
                        value=count.value,
                        unit=count.unit,
                        evidence=sentence,
                        level=count.level,
                        indicator=count.indicator or "designations",
                        target_year=year,
                        cumulative=None,
                        region_name=count.region or region,
                        star_rating=None,
                        period_kind=None,
                        target_kind="per_year",
                        value_text=count.text,
                        region_mention=mention,
                    )
                )
            if years := [] if reported else _years_each(sentence[clause.start : count.position]):
                clause = clause._replace(target_year=years[-1])
            places = [] if reported else _places_each_goal(sentence[clause.start : count.position])
            facts += _each_place(
                Fact(
                    record_type=clause.kind,
                    designation_type=count.designation_type,
                    value=count.value,
                    unit=count.unit,
                    evidence=sentence,
                    level=count.level,
                    indicator=count.indicator or _clause_indicator(sentence, count.position),
                    target_year=clause.target_year,
                    cumulative=clause.cumulative if reported else None,
                    # (a target paired with its region, or the place its sentence opens with: 长安镇新增…5家)
                    region_name=mention
                    if reported
                    else count.region or region or _lead_place_of(sentence[clause.start :]),
                    star_rating=count.star if count.designation_type == "green_factory" else None,
                    period_kind=period if reported else None,
                    target_kind=None if reported else kind or "stock",
                    value_text=count.text + _more_than(sentence, count),
                    region_mention=mention,
                ),
                places,
            )
        facts += _elliptical_counts(sentence, parts, counts, facts) + _places_each(sentence, parts, counts, facts)
        facts += _percent_targets(sentence, parts)
    return facts


# a place, the longest run ending in a place's ending (南湖高新区, not 南湖高 + 新区: one reading only, so that a
# run of them that fails fails at once)
GOAL_PLACE = (
    r"(?>(?![全我本各])(?:(?!个|家|两|力争|争取|新增|培育|创建|以上|其中|推动|支持|引导|鼓励|加快|积极|其余|其他|辖区|园区)"
    r"[\u4e00-\u9fa5]){2,10}(?:(?<=镇)|(?<=乡)|(?<=街道)|(?<=县)|(?<=区)|(?<=市)))"
)
# the places a goal's sentence opens with (松山湖高新区新增… / 虎门镇、厚街镇各新增4家)
LEAD_PLACES = re.compile(
    r"\s*(?:其中,?)?(?P<places>" + GOAL_PLACE + r"(?:、" + GOAL_PLACE + r")*)(?:要|应|需)?(?P<each>各)?"
    r"(?=(?:力争|争取)?(?:新增|新培育|创建|培育|建成|认定))"
)
# …or places right before a value (屯留区5家 / 长子县、沁县各2家), in a run of goals with no term
PLACES_THEN_VALUE = re.compile(
    r"\s*(?:其中,?)?(?P<places>" + GOAL_PLACE + r"(?:、" + GOAL_PLACE + r")*)(?:要|应|需)?(?P<each>各)?"
    r"(?=(?:力争|争取)?(?P<cue>新增|新培育|创建|培育|建成|认定)?\s*\d)"
)
ELLIPTICAL_GOAL = re.compile(
    r"(?:力争|争取)?(?:新增|新培育|创建|培育|建成|认定)?(?P<level>" + LEVEL_WORD + r")?(?:及以上|以上)?\s*"
    r"(?P<value>\d+)\s*(?P<unit>家|个)(?:以上)?(?=$|[,、;])"
)
# (各县区任务:A区、B区各新增3家;C区5家; not 已完成年度任务:…, a report)
GOALS_LABEL = re.compile(r"(?:(?!完成|已|实绩|情况|进展)[^,;:。]){0,10}(?:任务|目标|分解|安排)[:]")


# places that each have a goal, at the head of its clause (支持唐山、邯郸各创建… | 到2025年,临湘市、汨罗市各新增…)
EACH_PLACE = r"(?![全我本各])[\u4e00-\u9fa5]{2,8}?"
PLACES_EACH_GOAL = re.compile(
    r"(?:(?:到|至)?20\d{2}年(?:底|前|底前)?,?)?(?:力争|争取|支持|推动|鼓励|引导)?"
    r"(?P<places>" + EACH_PLACE + r"(?:、" + EACH_PLACE + r")*)(?:要|应|需)?各"
    r"(?=(?:要|应|需)?(?:力争|争取|确保)?(?:新增|新培育|创建|培育|建成|认定|打造|争创)[^,;]*$)"
)  # (A和B各…: one item, split by _and_split; 各级/各类/各有关…: no places each)


def _places_each_goal(clause: str) -> list[str]:
    """The places a goal's clause gives the goal to, each (A市、B市各新增5家): every one a town, a zone
    or a division the regions know; [] otherwise."""
    head = clause[clause.rfind(",") + 1 :].lstrip()
    match = PLACES_EACH_GOAL.match(head) if "各" in head else None
    places = [q for p in match.group("places").split("、") for q in _and_split(p)] if match else []
    return places if len(places) > 1 and all(_goal_place(p) for p in places) else []


def _goal_place(place: str) -> bool:
    return _named_zone_or_town(place) or is_division(place)


def _and_split(places: str) -> list[str]:
    """A和B, the two places, unless it is one (南和区)."""
    if "和" not in places or _goal_place(places):
        return [places]
    return places.split("和")


def _each_place(fact: Fact, places: list[str]) -> list[Fact]:
    """The fact, or one for each place it is given to."""
    return [replace(fact, region_name=p, region_mention=p) for p in places] if places else [fact]


def _lead_place_of(sentence: str) -> str | None:
    """The one place a goal's sentence opens with, or None."""
    match = LEAD_PLACES.match(sentence)
    places = _goal_places(match) if match else []
    return places[0] if len(places) == 1 else None


ZONE_OR_TOWN = ("镇", "乡", "街道", "高新区", "开发区", "经开区", "新区")


def _goal_places(match: re.Match) -> list[str]:
    """The places of a LEAD_PLACES match: towns and zones by their ending, districts and counties the
    regions know; [] if any is neither (推动辖区, 支持园区: no place)."""
    places = match.group("places").split("、")
    return places if all(_goal_place(p) for p in places) else []


def _named_zone_or_town(place: str) -> bool:
    """长安镇, 松山湖高新区: a town or a zone with a name of two characters at least (经开区 alone: none)."""
    return any(place.endswith(end) and len(place) - len(end) >= 2 for end in ZONE_OR_TOWN)


def _goal_before(
    paragraph: tuple[str, ...], index: int, facts: list[Fact], unit: str, new: bool, gap: bool = False
) -> Fact | None:
    """The goal of a designation in `unit` that a goal with no term goes on from: one of the paragraph's
    sentences before, the last of them a goal's; a goal of new ones for a 新增 (今年新增15家;到明年底总数
    突破100家。A市、B市要各新增3家: this year's), else the last."""
    before = [
        f
        for f in facts
        if f.record_type == "policy_target"
        and f.designation_type
        and f.unit == unit
        and f.evidence in paragraph[:index]
    ]
    if not before:
        return None
    last_at = max(i for i in range(index) if paragraph[i] == before[-1].evidence)
    if last_at != index - 1 and (
        not gap or any(COUNTED_LINE.search(s) or "%" in s for s in paragraph[last_at + 1 : index])
    ):
        return None  # (right after it; with `gap`, after sentences of no number: …不少于25家)。聚焦…。各县区任务:…)
    added = (
        [f for f in before if f.target_kind != "stock" and f.designation_type == before[-1].designation_type]
        if new
        else []
    )
    # (of that sentence's goals of new ones, its first: the whole, not a part of it: 15家,其中国家级不少于3家)
    return next(f for f in added if f.evidence == added[-1].evidence) if added else before[-1]


def _elliptical_goals(sentence: str, paragraph: tuple[str, ...], index: int, facts: list[Fact]) -> list[Fact]:
    """Goals of places with no term, after a goal of the sentence before (…长安镇新增绿色工厂5家;虎门镇、
    厚街镇各新增4家;大朗镇新增3家): that goal's type and year, one for each place."""
    if respective := RESPECTIVE_GOALS.match(sentence):
        return _respective_goals(respective, sentence, paragraph, index, facts)
    label = GOALS_LABEL.match(sentence)
    items, at = [], label.end() if label else 0
    while (lead := PLACES_THEN_VALUE.match(sentence, at)) and (goal := ELLIPTICAL_GOAL.match(sentence, lead.end())):
        items.append((lead, goal))
        at = goal.end() + (goal.end() < len(sentence))
    if not items:
        return []
    # (right after a goal of a designation in the same unit; under a label of goals, after sentences of no number)
    last = _goal_before(paragraph, index, facts, items[0][1].group("unit"), "新增" in items[0][1].group(0), bool(label))
    if last is None:
        return []
    going_on = last.region_name is not None and last.evidence == paragraph[index - 1]  # (a run of them before)
    if not (items[0][0].group("cue") or items[0][0].group("each") or label or going_on):
        return []  # (a place and a number alone: a goal only under a label or in a run of goals by place)
    out = []
    for lead, goal in items:
        places = _goal_places(lead)
        if not places or len(places) > 1 and not lead.group("each"):
            return []  # (A镇、B镇新增5家: a total of both)
        out += [
            replace(last, value=number(goal.group("value")), evidence=sentence, region_name=place, region_mention=place,
                    value_text=goal.group("value"), level=designation_level(goal.group("level") or "") or last.level)
            for place in places
        ]  # fmt: skip
    return out


# places, then their goals in order with no term (宁晋县、沙河市分别新增5家、4家)
RESPECTIVE_GOALS = re.compile(
    r"\s*(?P<places>" + EACH_PLACE + r"(?:、" + EACH_PLACE + r")+)分别(?:力争|争取)?(?:新增|新培育|创建|培育|建成|认定)"
    r"(?P<level>" + LEVEL_WORD + r")?(?:及以上|以上)?\s*(?P<values>\d+\s*(?P<unit>家|个)(?:[、和]\d+\s*(?P=unit))+)"
    r"(?:以上)?(?=$|,)"
)


def _respective_goals(match: re.Match, sentence: str, paragraph, index: int, facts: list[Fact]) -> list[Fact]:
    """RESPECTIVE_GOALS right after a goal of a designation in the same unit (_goal_before): its type and year,
    a goal per place."""
    last = _goal_before(paragraph, index, facts, match.group("unit"), "新增" in match.group(0))
    places = match.group("places").split("、")
    values = re.findall(r"\d+", match.group("values"))
    if last is None or len(places) != len(values) or not all(_goal_place(p) for p in places):
        return []
    level = designation_level(match.group("level") or "") or last.level
    return [
        replace(last, value=number(value), evidence=sentence, region_name=place, region_mention=place,
                value_text=value, level=level)
        for place, value in zip(places, values)
    ]  # fmt: skip


# A sentence of parts with no term, after a sentence that counted (…绿色工厂共1488家,其中包括多家乳业工厂。具体来看,
# 伊利集团有10家,蒙牛乳业有3家…): its lead, then items of a name or place and a value
PARTS_LEAD = re.compile(
    r"(?:具体来看|具体而言|具体看|分地区看|分企业看|从[^,;。]{0,12}?(?:分布|地区|区域|企业|集团)来?看)[,:]"
)
PART_ITEM = re.compile(r"(?P<who>[\u4e00-\u9fa5]{2,8}?)(?:有|占|共|新增|累计)?(?P<value>\d+)\s*(?P<unit>家|个)")
PART_JOINT = re.compile(r"[,、;]?")
NOT_A_PART = re.compile(r"申报|推荐|未|不|通过|评审|评价|撤销|取消|培育|创建|的|了|拟")


def _parts_after(sentence: str, paragraph: tuple[str, ...], index: int, facts: list[Fact]) -> list[Fact]:
    """PARTS_LEAD's items, every one of them, as parts of the count of the sentence before: the one
    they add up to, or its only type's; a place's part has its region."""
    lead = (PARTS_LEAD.match(sentence) or PLACES_LEAD.match(sentence)) if index else None
    items, at = [], lead.end() if lead else len(sentence)
    while lead and at < len(sentence) and (item := PART_ITEM.match(sentence, at)):
        items.append(item)
        at = PART_JOINT.match(sentence, item.end()).end()
    if any(NOT_A_PART.search(m.group("who")) for m in items):
        return []  # (钢铁行业申报了12家, 未通过评审的有30家: not parts of what was designated)
    before = [f for f in facts if f.evidence == paragraph[index - 1] and f.record_type == "reported_count"]
    if lead and lead.re is PLACES_LEAD:  # (其中,宝安区6家,新增企业数排名全市第一 / 此外,坪山区5家,光明区4家)
        if (
            not items
            or not all(_named_place(m.group("who")) and not GENERIC_PLACE.match(m.group("who")) for m in items)
            or COUNTED_LINE.search(sentence, at)
        ):
            return []
    elif len(items) < 2 or at < len(sentence):
        return []
    if not before:
        return []
    total = _whole_of(before, sum(number(m.group("value")) for m in items))
    if total is None or any(m.group("unit") != total.unit for m in items):
        return []
    out = []
    for m in items:
        place = m.group("who") if is_division(m.group("who")) else None  # (伊利集团: an owner, no region)
        out += filter(
            None, [_part(total.designation_type, total.level, total.unit, m.group("value"), place, sentence, facts)]
        )
    return out


PLACES_LEAD = re.compile(r"(?:其中|此外|另外)[,:]")  # …only before places, each a part


# A clause that counts with no term of its own, after a count in its sentence (…共有52家园区获评国家级绿色园区,
# 全省仅2家 | …,其中我市3家): a part of that count, of its type
ELLIPTICAL = re.compile(
    r"(?<=[,;、])\s*(?:其中)?[,]?\s*(?P<who>(?:全|我|本)[省市区县旗]|[\u4e00-\u9fa5]{1,6}?[省市区县旗]|"
    r"[\u4e00-\u9fa5]{2,4}?(?=(?:仅|只|共|就|也|已|累计)?(?:有|占)?\d|有))"  # (…,绍兴有8家 / 西安14家、宝鸡6家)
    r"(?:仅|只|共|就|也|已|累计)?(?:有|占)?(?P<value>\d+)\s*(?P<unit>家|个|户)"
    r"(?:(?:企业|单位|园区)?(?:获此殊荣|获此荣誉|获此称号|榜上有名))?(?=$|[,;。、:])"  # (绍兴有8家企业获此殊荣)
)


# Places, then their values with no term (…分布在12个地市,其中石家庄、唐山数量最多,分别为17和14家)
PLACES_EACH = re.compile(
    r"(?P<places>[\u4e00-\u9fa5]{2,8}(?:、[\u4e00-\u9fa5]{2,8})+)[^,;。\d]{0,8}?,?分别(?:为|有)"
    r"(?P<values>\d+\s*(?:家|个)?(?:[、和及]\d+\s*(?:家|个)?)+)(?P<tail>[^,;。\d]*)(?=$|[,;。])"
)  # (…分别有14家、11家、9家企业入选省级绿色工厂: the type after them)


LISTED_TAIL = re.compile(r"入选|获评|被评为|被认定为|认定为|上榜|入围|获批|荣获")
REFUSED_TAIL = re.compile(r"未|不|撤销|取消|申报|推荐|创建|培育|拟")


def _places_each(sentence: str, parts: list[Clause], counts: list[Count], facts: list[Fact]) -> list[Fact]:
    """PLACES_EACH after a count or a term of the sentence: a count of its type per place, in order."""
    out = []
    for match in PLACES_EACH.finditer(sentence) if "分别" in sentence else ():
        places = [_lead_place(p) for p in match.group("places").split("、")]
        values = re.findall(r"\d+", match.group("values"))
        whole = max((c for c in counts if c.position < match.start()), key=lambda c: c.position, default=None)
        terms = list(TERM_PATTERN.finditer(sentence, 0, match.start()))
        dtype = whole.designation_type if whole else term_type(terms[-1].group(0)) if terms else None
        if tail := match.group("tail"):
            after = TERM_PATTERN.search(tail) if LISTED_TAIL.search(tail) and not REFUSED_TAIL.search(tail) else None
            dtype, whole = (term_type(after.group(0)), None) if after else (None, None)
            if _clause_at(parts, match.start()).kind != "reported_count":
                continue  # (到2025年,A、B分别有…创建…: goals)
        if dtype is None or len(places) != len(values) or not all(places):
            continue  # (no count or term before: values of something else)
        level = whole.level if whole else designation_level(tail or sentence[: match.start()])
        unit = whole.unit if whole else "家"
        out += [
            f for place, value in zip(places, values) if (f := _part(dtype, level, unit, value, place, sentence, facts))
        ]
    return out


def _lead_place(text: str) -> str | None:
    """其中石家庄 → 石家庄, 唐山数量最多 → 唐山: the place an item starts with, if it starts with one."""
    text = text.removeprefix("其中")
    for end in range(2, len(text) + 1):
        if resolve(text[:end], None) is not None:
            return text[: end + 1] if text[end : end + 1] in DIVISION_ENDS else text[:end]
    return None


DIVISION_ENDS = ("市", "县", "区", "旗", "州", "盟")


def _elliptical_counts(sentence: str, parts: list[Clause], counts: list[Count], facts: list[Fact]) -> list[Fact]:
    """The parts of the count before them that clauses with no term give (全省仅2家), as reports."""
    out, periods = [], {}
    for match in ELLIPTICAL.finditer(sentence) if counts else ():
        whole = max((c for c in counts if c.position < match.start()), key=lambda c: c.position, default=None)
        clause = _clause_at(parts, match.start())
        if whole is None or whole.unit != match.group("unit") or clause.kind != "reported_count":
            continue
        who = match.group("who")
        if (
            GENERIC_PLACE.fullmatch(who)
            or (who[-1] not in "省市区县旗" or sentence[match.start() - 1] == "、")
            and not is_division(who)
        ):
            continue  # (a place named without its ending, or an item of an enumeration: one the regions know)
        if clause.start not in periods:
            periods[clause.start] = reported_period(sentence[clause.start : clause.end])  # (once a clause)
        period = periods[clause.start]
        part = _part(whole.designation_type, whole.level, whole.unit, match.group("value"), match.group("who"),
                     sentence, facts, clause.cumulative, period)  # fmt: skip
        out += [part] if part else []
    return out


def _part(dtype, level, unit, value: str, place: str, sentence: str, facts: list[Fact], cumulative=None, period=None):
    """A count of a place or a part (其中我省47家, 石家庄17家) as a report, unless the grammar read it already."""
    if any(f.evidence == sentence and f.value_text == value for f in facts):
        return None
    return Fact(
        "reported_count",
        dtype,
        number(value),
        unit,
        sentence,
        level=level,
        indicator="designations",
        cumulative=cumulative,
        region_name=place,
        period_kind=period,
        value_text=value,
        region_mention=place,
    )


YEARS_EACH = re.compile(r"((?:20\d{2}\s*年\s*[、和]\s*)+20\d{2}\s*年)\s*(?:每年|各年|均|分别)")
YEAR_OF = re.compile(r"20\d{2}")


def _approximate(sentence: str, count: Count) -> bool:
    """近3万个, 约50家: about so many, maybe fewer (800余家 is at least 800: kept, its value_text says 余)."""
    return bool(APPROXIMATE_BEFORE.search(sentence, max(0, count.position - 2), count.position))


def _more_than(sentence: str, count: Count) -> str:
    """余 or 多 after a number (800余家: at least 800), as written; else ""."""
    more = APPROXIMATE_AFTER.match(sentence, count.position + len(count.text))
    return more.group().strip() if more else ""


def _years_each(text: str) -> list[int]:
    """The years a plan clause enumerates before 每年 (2025年、2026年每年新增…), in order; [] if none."""
    match = YEARS_EACH.search(text) if "年" in text else None
    return [int(y) for y in YEAR_OF.findall(match.group(1))] if match else []


GOAL_IN_BRACKETS = re.compile(r"目标(?:任务)?[(]\s*$")


def _in_baseline(sentence: str, position: int) -> bool:
    return any(m.start() <= position < m.end() for m in BASELINE.finditer(sentence)) if "基础上" in sentence else False


def _periods(sentence: str, parts: list[Clause], positions: list[int]) -> dict[int, tuple[str | None, str | None]]:
    """(period_kind, target_kind) of the counts at `positions` (sorted): what the text since the
    count before says (or since its clause's start, for the first count of a clause), else what
    the counts before carry: 新增5家、累计达到30家 | 截至目前，全市共有60家，其中今年新增9家."""
    out, period, cue, previous = {}, None, None, 0
    for position in positions:
        start = max(_clause_at(parts, position).start, previous)
        if not out:
            period, cue = reported_period(sentence[:start]), target_cue(sentence[:start])
        text = sentence[start:position]
        period, cue = reported_period(text) or period, target_cue(text, cue)
        out[position], previous = (period, TARGET_KIND.get(cue or "")), position
    return out


def region_mentions(sentence: str) -> list[tuple[int, str]]:
    """(end, text) of each region a sentence names, in order: 全市 / 我县 / 本省 (the document's
    own, resolved by the caller), or 2–6 Han characters and a division ending followed by what it
    has (湖州市共有…, 长兴县的…)."""
    found = [(m.end(), m.group(0)) for m in OWN_REGION.finditer(sentence)]
    for end in REGION_END.finditer(sentence):
        start = end.start()
        first = start
        while first > 0 and start - first < 6 and "\u4e00" <= sentence[first - 1] <= "\u9fa5":
            first -= 1
        begin = next((b for b in range(first, start - 1) if not sentence.startswith(NOT_A_REGION_START, b)), None)
        if begin is not None and all(e != end.end() for e, _ in found):  # 占全省: 全省 is found already
            if TERM_MARK in (mention := sentence[begin : end.end()]):
                continue  # (国家级绿色工业园区累计6个: a term, no region)
            found.append((end.end(), mention))
    return sorted(found)


def _clause_at(parts: list[Clause], position: int) -> Clause:
    return next((c for c in parts if c.start <= position < c.end), parts[-1])


def _number_text(text: str, match: re.Match) -> str:
    """The number of a match as written: its value and its scale (1.2万)."""
    return text[match.start("value") : match.end("scale") if match.group("scale") else match.end("value")]


def _counts(sentence: str, parts: list[Clause]):
    """Every Count in a sentence: enumerations of terms with their values, a term and its number
    side by side, what continues a term (subtotals, stars, totals), and numbers whose type their
    clause tells."""
    found = list(_counts_in_order(sentence, parts))
    for match in _regions_then_term(sentence) if "分别" in sentence else ():
        if paired := _by_region(match, found):
            found = [c for c in found if not match.start("values") <= c.position < match.end()] + paired
    for match in RESPECTIVE.finditer(sentence) if "分别" in sentence else ():
        if paired := _respectively_after(sentence, match, found):
            found = [c for c in found if not match.start("values") <= c.position < match.end()] + paired
    for match in VALUES_THEN_TERMS.finditer(sentence) if "分别" in sentence else ():
        if paired := _values_then_terms(match, found):
            found = [c for c in found if not match.start() <= c.position < match.end()] + paired
    yield from found


# Values, each with its noun, then the terms they are, in order (54家工厂、4家工业园区、10家供应链管理企业
# 分别被评为国家级绿色工厂、绿色工业园区和绿色供应链管理企业)
COUNTED_NOUN = "(?:" + NUM + r")\s*(?:家|个|户|种|项)[\u4e00-\u9fa5]{0,8}?"
VALUES_THEN_TERMS = re.compile(
    r"(?P<values>" + COUNTED_NOUN + r"(?:[、和及]" + COUNTED_NOUN + r"){1,5})分别(?:被)?"
    r"(?:评为|认定为|确定为|命名为|入选|获评|荣获|列入|成为)(?P<terms>[^,;。]{4,80})"
)


def _values_then_terms(match: re.Match, found: list[Count]) -> list[Count]:
    """The counts of VALUES_THEN_TERMS, typed in order by its terms, when there are as many of each."""
    values = list(VALUE_PARTS.finditer(match.group("values")))
    terms = list(TERM_PATTERN.finditer(match.group("terms")))
    if len(values) != len(terms) or len(values) != len(
        [c for c in found if match.start("values") <= c.position < match.end("values")]
    ):
        return []
    offset = match.start("values")
    level = designation_level(match.group("terms"))  # (国家级 before the first term scopes them all)
    return [
        Count(
            offset + value.start(),
            term_type(term.group(0)),
            number(value.group("value"), value.group("scale")),
            value.group("unit"),
            level,
            None,
            _number_text(match.group("values"), value),
        )
        for value, term in zip(values, terms)
    ]


def _regions_then_term(sentence: str):
    """REGIONS_THEN_TERM near each 分别 (the pattern starts with a group: tried at every position of
    a window, not of the sentence)."""
    for at in (m.start() for m in re.finditer("分别", sentence)):
        if match := REGIONS_THEN_TERM.search(sentence, max(0, at - REGIONS_REACH), at + REGIONS_REACH):
            yield match


def _by_region(match: re.Match, found: list[Count]) -> list[Count]:
    """温岭市、玉环市、黄岩区国家级绿色工厂数量分别达到18家、15家和14家: a count per region, in order."""
    regions = re.split(r"[、和及与]", match.group("regions"))
    values = list(VALUE_PARTS.finditer(match.group("values")))
    if len(regions) != len(values) or any(GENERIC_PLACE.match(region) for region in regions):
        return []  # (城区、开发区…: no region's name)
    level = level_code(match.group("level")) if match.group("level") and not match.group("above") else None
    offset = match.start("values")
    return [
        Count(
            offset + value.start(),
            term_type(match.group("term")),
            number(value.group("value"), value.group("scale")),
            value.group("unit"),
            level,
            None,
            _number_text(match.group("values"), value),
            region,
        )
        for region, value in zip(regions, values)
    ]


def _respectively_after(sentence: str, match: re.Match, found: list[Count]) -> list[Count]:
    """…新增国家级绿色工厂6家、省级绿色工厂21家,累计分别达到31家和96家: values with no term of their
    own, paired in order with the counts right before them (which they replace)."""
    values = list(VALUE_PARTS.finditer(match.group("values")))
    before = [c for c in found if c.position < match.start()][-len(values) :]
    if len(before) != len(values) or not RESPECTIVE_GAP.fullmatch(sentence, before[-1].position, match.start()):
        return []  # (专精特新企业和单项冠军企业分别达到…, 其中分别有…: values of something else)
    offset = match.start("values")
    return [
        count._replace(
            position=offset + value.start(),
            value=number(value.group("value"), value.group("scale")),
            unit=value.group("unit"),
            text=_number_text(match.group("values"), value),
        )
        for count, value in zip(before, values)
    ]


def _counts_in_order(sentence: str, parts: list[Clause]):
    spans: list[tuple[int, int]] = []
    listed = LISTED.search(sentence) is not None
    yield from _enumerations(sentence, spans)
    subjects = _with_predicates(sentence, parts) if listed else []
    for clause in subjects:
        yield from _typed_by_clause(sentence, clause, spans, paired=True)
    yield from _places_going_on(sentence, spans) if "、" in sentence else ()
    previous = (None, -1)  # the level of the count before, and where it ended
    for match in _count_matches(sentence, spans):
        level = (
            None
            if match.group("above") or SHARED_LEVEL.search(sentence[max(0, match.start() - 8) : match.start()])
            else (level_code(match.group("level")))
        )
        if "level2" in match.re.groupindex and match.group("level2"):
            level = level_code(match.group("level2"))
        elif level is None and not match.group("above") and sentence[previous[1] : match.start()] in ("、", "和", "及"):
            level = previous[0]  # 国家级绿色工厂3家、绿色园区1个: the level scopes the enumeration
        previous = (level, match.end())
        star = (
            None
            if match.group("above")
            else star_rating(match.groupdict().get("level2")) or star_rating(match.group("term"))
        )
        yield Count(
            match.start("value"),
            term_type(match.group("term")),
            number(match.group("value"), match.group("scale")),
            match.group("unit") or "家",
            level,
            star,
            _number_text(sentence, match),
        )
    yield from _continuations(sentence, spans)
    yield from _listed_totals(sentence, spans)
    yield from _bracketed_counts(sentence, spans) if len(sentence) <= BRACKETED_LINE and "(" in sentence else ()
    for clause in subjects:
        yield from _typed_by_clause(sentence, clause, spans, paired=False)


PREDICATE_OPENS = re.compile(r"[并均后又还]?(?:" + LISTED_AS_ONE_TYPE.pattern + r"|被)")


def _with_predicates(sentence: str, parts: list[Clause]) -> list[Clause]:
    """Clauses, each joined with the next when that one opens with a listing verb and no subject
    of its own: 32家企业通过评审, / 被认定为2023年度市级绿色工厂 is one statement."""
    out: list[Clause] = []
    for clause in parts:
        if (
            out
            and out[-1].end == clause.start
            and PREDICATE_OPENS.match(sentence, clause.start)
            and COUNTED.search(sentence, out[-1].start, out[-1].end)
        ):
            out[-1] = out[-1]._replace(end=clause.end)
        else:
            out.append(clause)
    return out


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _count_matches(sentence: str, spans: list):
    for matches in (_term_then_number(sentence), _number_then_term(sentence)):
        for match in matches:  # a term may be shared (新增6家省级绿色工厂总数达38家), a number may not
            if _overlaps(match.span("value"), spans) or not _designates(sentence, match):
                continue
            spans.append(match.span("value"))
            yield match


def _designates(sentence: str, match: re.Match) -> bool:
    """The term counts designations: not 绿色工厂培育库 or 申报绿色工厂的企业, and a number before
    the term is joined to it by a listing verb (12家企业被认定为…), not by any words."""
    if _not_listed_yet(sentence, match.start(), match.end("term")):
        return False
    if "gap" not in match.re.groupindex:  # a term, then its number
        before = sentence[max(0, match.start() - 24) : match.start()]
        if MIXED_BEFORE.search(before):
            return False
        if NUMBER_BEFORE.search(before) and NUMBER_THEN_TERM.match(sentence, match.start("value")):
            return False  # 334家绿色工厂19家绿色园区: 19 is the parks'
    gap = match.groupdict().get("gap")
    return not gap or LISTING_VERB.search(gap) is not None or MODIFIER.fullmatch(gap) is not None


# 10条具有代表性的绿色供应链: words that describe what is counted, not the firms it is in
MODIFIER = re.compile(r"(?:(?!企业|单位|公司|工厂|园区|中|内|行业|领域|产业|集群)[^县区市州镇乡地\W\d]){2,8}的")
# (not 6个县区的绿色工厂, 30个重点行业的绿色工厂: a count of places or trades)


def _continuations(sentence: str, spans: list):
    first_term = TERM_PATTERN.search(sentence)
    for match in CONTINUATION.finditer(sentence, first_term.end()) if first_term else ():
        if not (match.group("cue") or match.group("level")) or _overlaps(match.span("value"), spans):
            continue
        before = list(TERM_PATTERN.finditer(sentence, 0, match.start()))
        if before:
            spans.append(match.span())
            qualifier = None if match.group("above") else match.group("level")
            yield Count(
                match.start("value"),
                term_type(before[-1].group(0)),
                number(match.group("value")),
                match.group("unit"),
                level_code(qualifier),
                star_rating(qualifier),
                match.group("value"),
            )


PLACE_WORD = r"[\u4e00-\u9fa5]{1,8}?(?:区|县|市|旗|州)"
PLACE_CUE = r"(?:新增|创建|培育|有|达到|获评|入选|认定|建成)?"
# 甲区新增省级绿色工厂6家、乙县新增4家、丙市3家: the places after the first, each with its value, of its term
PLACES_GOING_ON = re.compile(
    r"(?P<first>" + PLACE_WORD + r")" + PLACE_CUE + r"(?P<level>" + LEVEL_WORD + r")?(?P<term>" + TERM + r")\s*"
    r"(?P<value>" + NUM + r")\s*(?:余|多)?(?P<unit>家|个|项|种)(?:以上)?"
    r"(?P<rest>(?:、" + PLACE_WORD + PLACE_CUE + r"\s*(?:" + NUM + r")\s*(?:余|多)?(?:家|个|项|种)(?:以上)?)+)"
)
PLACE_GOING_ON = re.compile(
    r"、(?P<region>" + PLACE_WORD + r")" + PLACE_CUE + r"\s*(?P<value>" + NUM + r")\s*(?:余|多)?(?P<unit>家|个|项|种)"
)


def _places_going_on(sentence: str, spans: list):
    """PLACES_GOING_ON: a count per place, the first place's and each after it, of the first one's term and level."""
    for match in PLACES_GOING_ON.finditer(sentence):
        items = list(PLACE_GOING_ON.finditer(sentence, match.start("rest"), match.end("rest")))
        places = [match.group("first"), *(m.group("region") for m in items)]
        if any(GENERIC_PLACE.match(place) or TERM_PATTERN.search(place) or "园区" in place for place in places):
            continue  # (城区、开发区…: no place's name; 绿色工厂8家、绿色园区1个: terms)
        for item in (match, *items):
            if _overlaps(item.span("value"), spans):
                continue
            spans.append(item.span("value"))
            yield Count(
                item.start("value"),
                term_type(match.group("term")),
                number(item.group("value")),
                item.group("unit"),
                level_code(match.group("level")) if match.group("level") else None,
                None,
                item.group("value"),
                item.group("region" if item is not match else "first"),
            )


# 省级绿色工厂有A公司、B公司、C公司共3家: the total closing a list of names the term opens
LISTED_TOTAL = re.compile(
    r"(?:有|为|是|包括)[:]?[^。;,]{2,300}?、[^。;,]{2,80}?(?:共|等|合计|总计)\s*"
    + NUMBER
    + r"\s*(?P<unit>"
    + UNIT
    + ")"
)


# a short line's count in brackets, of the one type the line names: 一、复核通过(7家),继续保留省级绿色工厂称号:
BRACKETED = re.compile(r"\((?P<value>\d+)\s*(?P<unit>家|个|项|种)[),，]")
BRACKETED_LINE = 48
PUT_FORWARD = re.compile(
    r"推荐|申报|候选|拟|培育|储备|创建|复核名单|评审名单|暂缓"
)  # (applicants, a review: none listed yet)
OTHER_PROGRAMME = re.compile(r"智能|专精特新|小巨人|单项冠军|数字化|节水|技术中心|标杆|质量|品牌|示范项目")


def _bracketed_counts(sentence: str, spans: list):
    terms = list(TERM_PATTERN.finditer(sentence))
    if len(terms) != 1 or MODIFIED.match(sentence, terms[0].end()) or PUT_FORWARD.search(sentence):
        return
    for match in BRACKETED.finditer(sentence):
        if OTHER_PROGRAMME.search(sentence, 0, match.start()):
            continue  # 一、省级智能工厂(7家),其中已获评绿色工厂的: the 7 are of another programme
        if not _overlaps(match.span("value"), spans):
            spans.append(match.span("value"))
            level = LEVEL_BEFORE.search(sentence, max(0, terms[0].start() - 7), terms[0].start()).group(0)
            yield Count(
                match.start("value"),
                term_type(terms[0].group(0)),
                number(match.group("value")),
                match.group("unit"),
                None if "以上" in level else level_code(level or None),
                None,
                match.group("value"),
                indicator=_clause_indicator(sentence, terms[0].start()),
            )


def _listed_totals(sentence: str, spans: list):
    for term in TERM_PATTERN.finditer(sentence) if "、" in sentence else ():
        match = LISTED_TOTAL.match(sentence, term.end())
        lead = LEVEL_BEFORE.search(sentence, max(0, term.start() - 7), term.start()).start()
        if (
            match
            and not _overlaps(match.span("value"), spans)
            and not MODIFIED.match(sentence, term.end())
            and not PUT_FORWARD.search(sentence, max(0, lead - 6), lead)
        ):
            spans.append(match.span("value"))
            level = LEVEL_BEFORE.search(sentence, max(0, term.start() - 7), term.start()).group(0)
            yield Count(
                match.start("value"),
                term_type(term.group(0)),
                number(match.group("value"), match.group("scale")),
                match.group("unit"),
                None if "以上" in level else level_code(level or None),
                None,
                _number_text(sentence, match),
            )


def _enumerations(sentence: str, spans: list):
    """国家级绿色工厂、绿色园区分别达到120家、8个 (paired in order; the first level scopes them) |
    国家级、省级绿色工厂分别有12家和45家 | …各1家 (each) | 绿色工厂、绿色园区共计50家 (a mixed total: none)."""
    for match in ENUMERATION.finditer(sentence) if ENUMERATION_HINT.search(sentence) else ():
        values = list(VALUE_PARTS.finditer(match.group("values")))
        if match.group("items"):
            items = [
                (
                    None if m.group(2) else m.group(0),
                    term_type(m.group(3)),
                    None if m.group(2) else level_code(m.group(1)),
                )
                for m in ITEM_PARTS.finditer(match.group("items"))
            ]
            items = [(text, dtype, level or items[0][2]) for text, dtype, level in items]
        else:
            dtype = term_type(match.group("term"))
            items = [
                (m.group(0), dtype, level_code(m.group(0)))
                for m in re.finditer(LEVEL_WORD + "|" + STAR, match.group("levels"))
            ]
        mode = match.group("mode") or ""
        if mode == "各" and len(values) == 1:
            values = values * len(items)
        elif mode in ("共计", "共", "合计", "总计"):
            spans.append(match.span())  # a total of several types: no type to give it
            continue
        if len(values) != len(items):
            continue
        spans.append(match.span())
        offset = match.start("values")
        for (qualifier, dtype, level), value in zip(items, values):
            yield Count(
                offset + value.start(),
                dtype,
                number(value.group("value"), value.group("scale")),
                value.group("unit"),
                level,
                star_rating(qualifier),
                _number_text(match.group("values"), value),
            )


def _typed_by_clause(sentence: str, clause: Clause, spans: list, paired: bool) -> list[tuple]:
    """Numbers without a term beside them. `paired`: 38户企业、8个产品、3个园区被认定为绿色工厂、
    绿色产品和绿色园区 (in order, before any other reading); else 3个工业园区 (the noun says park),
    12家企业被工信部认定为国家级绿色工厂, 9家企业榜上有名 in a sentence about one type."""
    text = sentence[clause.start : clause.end].rstrip(",，:：")
    listed = LISTED.search(text)
    if not listed:
        return []
    before = ADVERB_TAIL.sub("", text[: listed.start()])  # 19家企业成功入选: the count, then how
    counts = [
        m
        for m in BARE_COUNT.finditer(before)
        if not _overlaps((clause.start + m.start(), clause.start + m.end()), spans)
    ]
    if not counts or MODIFIED.search(text, listed.end()):  # 4个园区纳入省级绿色制造培育库: not listed yet
        return []
    terms = [term_type(m.group(0)) for m in TERM_PATTERN.finditer(text[listed.end() :])]
    if paired and len(counts) < 2:
        return []
    if terms and len(terms) == len(counts):
        types = terms
    elif paired:
        return []
    else:
        only = None
        if len(counts) == 1 and not terms and LISTED_AS_ONE_TYPE.match(listed.group(0)):
            only = _one_type_so_far(sentence, clause.start + listed.end())
            if only == "green_park" and COMPANY_NOUN.match(text, listed.end()):
                only = None  # 作为国家级绿色园区,…8家获评企业: companies, not parks
        types = [_noun_type(m.group("noun")) or (only if PLAIN_NOUN.match(m.group("noun")) else None) for m in counts]
    out = []
    for match, dtype in zip(counts, types):
        if dtype:
            span = (clause.start + match.start(), clause.start + match.end())
            spans.append(span)
            out.append(
                Count(
                    span[0],
                    dtype,
                    number(match.group("value"), match.group("scale")),
                    match.group("unit"),
                    None,
                    None,
                    _number_text(text, match),
                )
            )
    return out


def _one_type_so_far(sentence: str, verb_end: int) -> str | None:
    """The one type a sentence names up to the end of the clause of a listing verb (…仅在绿色工厂领域有2家企业
    入围, / 其制造业在绿色供应链的发展…: a term after it speaks of something else), else the one it names
    in all (9家企业榜上有名,均为绿色工厂)."""
    comma = sentence.find(",", verb_end)
    for end in (comma, len(sentence)) if comma >= 0 else (len(sentence),):
        terms = list(TERM_PATTERN.finditer(sentence, 0, end))
        if any(_not_listed_yet(sentence, term.start(), term.end()) for term in terms):
            return None  # 绿色工厂培育库名单公布,我市19家企业入选: a list of firms not designated
        if types := {term_type(term.group(0)) for term in terms}:
            return types.pop() if len(types) == 1 else None
    return None


def _not_listed_yet(sentence: str, start: int, term_end: int) -> bool:
    """A term (from `start`, its level words included) of a list of applicants or of firms to
    foster: 绿色工厂培育库, 申报绿色工厂, 拟推荐… in its clause."""
    if MODIFIED.match(sentence, term_end) or APPLYING.search(sentence[max(0, start - 4) : start]):
        return True
    clause_start = max(sentence.rfind(mark, 0, start) for mark in ",，;；。") + 1
    return NOT_YET_LISTED.search(sentence, clause_start, start) is not None


def _noun_type(noun: str) -> str | None:
    return next((code for pattern, code in BARE_NOUN_TYPE if pattern.search(noun)), None)


def _percent_targets(sentence: str, parts: list[Clause]) -> list[Fact]:
    """单位工业增加值能耗下降16% in a plan clause; 能耗、水耗分别下降13.5%、16% pairs in order."""
    out, previous = [], ""
    found = _percent_matches(sentence) if "%" in sentence else []
    for match in found:
        clause = _clause_at(parts, match.start())
        if clause.kind != "policy_target":
            continue
        values = re.findall(r"\d+(?:\.\d+)?", match.group("values"))
        names = _indicators(INDICATOR_NOISE.sub("", match.group("indicator")), len(values))
        for name, value in zip(names, values):
            name = clean_indicator(name) or previous  # …下降16%以上,力争下降18%: the same indicator
            previous = name
            out.append(
                Fact(
                    "policy_target",
                    None,
                    number(value),
                    "%",
                    sentence,
                    indicator=name + match.group("direction"),
                    target_year=clause.target_year,
                    target_kind="percent_change",
                    value_text=value,
                )
            )
    return out + (_goals_named_after(sentence, parts, found) if found and "的" in sentence else [])


def _percent_matches(sentence: str) -> list[re.Match]:
    """The indicators with a verb and their values, then the shares with none (`RATIO_PERCENT`)
    where no verb's match took their value."""
    found = list(PERCENT.finditer(sentence))
    taken = [range(m.start("values"), m.end("values")) for m in found]
    ratios = [m for m in RATIO_PERCENT.finditer(sentence) if not any(m.start("values") in t for t in taken)]
    return sorted(found + ratios, key=lambda m: m.start())


def _goals_named_after(sentence: str, parts: list[Clause], found: list[re.Match]) -> list[Fact]:
    """超过3%的年度约束性目标 after 能耗下降3.59%: the goal, a target of the indicator done before it
    (`found`: the sentence's PERCENT matches)."""
    out = []
    for goal in GOAL_PERCENT.finditer(sentence):
        clause = _clause_at(parts, goal.start())
        done = [m for m in found if m.end() <= goal.start()]
        if (
            clause.kind != "policy_target"
            or not done
            or any(m.start("values") <= goal.start("value") < m.end("values") for m in found)
        ):
            continue  # (下降14%的目标: the goal is the indicator's own value)
        name = clean_indicator(INDICATOR_NOISE.sub("", done[-1].group("indicator")))
        if name:
            out.append(
                Fact(
                    "policy_target",
                    None,
                    number(goal.group("value")),
                    "%",
                    sentence,
                    indicator=name + done[-1].group("direction"),
                    target_year=clause.target_year,
                    target_kind="percent_change",
                    value_text=goal.group("value"),
                )
            )
    return out


def _indicators(text: str, count: int) -> list[str]:
    """One indicator per value: 能耗、水耗 (or 能耗和二氧化碳排放) paired in order, the shared head
    (单位工业增加值) kept on each; one value keeps the whole phrase."""
    text = INDICATOR_LEAD.sub("", text)
    if count == 1:
        return [text]
    parts = [INDICATOR_LEAD.sub("", p) for p in re.split(r"、|和|及", text)]
    if len(parts) != count:
        return [parts[-1]] * count
    head = re.match(r"^(.*?(?:增加值|生产总值|产值))", parts[0])
    return [parts[0]] + [(head.group(1) if head and not p.startswith(head.group(1)) else "") + p for p in parts[1:]]


def _clause_indicator(sentence: str, position: int) -> str:
    """What a count counts: designations, or designations removed / renamed (per clause)."""
    start = max(sentence.rfind(",", 0, position), sentence.rfind("，", 0, position)) + 1
    ends = [i for i in (sentence.find(",", position), sentence.find("，", position)) if i >= 0]
    clause = sentence[start : min(ends) if ends else len(sentence)]
    if RENAMED_CUE.search(clause):
        return "renamed"
    if REMOVED_CUE.search(clause):
        return "removed"
    return "designations"


def _table_facts(
    lines: list[str], table_lines: list[int], page_year: int | None, target_year: int | None
) -> list[Fact]:
    """Target tables pasted as text: `序号 指标名称 目标` rows, and breakdowns by district
    (a header row of regions, a row of periods 累计/2017年, then one row per indicator).
    Columns are matched by order, not position: trimming may have eaten empty edge cells.
    A row these rules read nothing from is read as sentences where its cells are prose (a
    work list's 主要内容): as plans in a table of work to do (its caption or header says so)."""
    facts: list[Fact] = []
    regions: list[str] = []
    periods: list[str] = []
    in_target_table = planned = False
    table_year = target_year
    for i in sorted(table_lines):
        cells = [c.strip() for c in lines[i].split("\t")]
        if i - 1 not in table_lines:  # a table starts: its caption (the lines above) and header say what it holds
            caption = " ".join(lines[max(0, i - 2) : i])
            planned = PLAN_TABLE.search(caption + "".join(cells)) is not None and not REPORT_TABLE.search(
                caption + "".join(cells)
            )
            year = fact_tables.caption_year(caption, page_year)
            table_year = year or target_year  # a work list for 2017: its cells' plans are for 2017
        if any("目标" in c or "指标" in c for c in cells[:3]):
            in_target_table = True
        region_cells = [c for c in cells[1:] if REGION_CELL.match(c)]
        if len(region_cells) >= 3:
            regions, periods = region_cells, []
            continue
        period_cells = [c for c in cells if PERIOD_CELL.match(c)]
        if len(period_cells) >= 3:
            periods = period_cells
            continue
        found = []
        if regions and periods:
            found = _breakdown_row(cells, regions, periods, target_year, lines[i])
        elif in_target_table:
            found = _target_row(cells, target_year, lines[i])
        if not found and planned and (prose := [c for c in cells if PROSE_CELL.search(c)]):
            found = _cell_facts(prose, page_year, table_year)
        facts += found
    return facts


def _cell_facts(cells: list[str], page_year: int | None, plan_year: int | None) -> list[Fact]:
    """The facts of a row's prose cells in a table of work to do, each cell a paragraph of plans."""
    facts: list[Fact] = []
    for cell in cells:
        paragraph = tuple(CJK_GAP.sub("", s.strip()) for s in SENTENCE.findall(cell) if s.strip())
        facts += _paragraph_facts(paragraph, page_year, plan_year, set(), opened=True)
    return facts


def _indicator(cell: str) -> tuple[str | None, str, str | None]:
    """(designation type, indicator name, unit) of a table's first column, e.g. 绿色制造工厂 (家)."""
    unit = re.search(r"[(（]\s*([^)）]+)\s*[)）]", cell)
    name = re.sub(r"\s*[(（].*$", "", cell).strip()
    match = re.search(TERM, name.replace(" ", ""))
    return (term_type(match.group(0)) if match else None), name, unit.group(1) if unit else None


def _breakdown_row(cells, regions, periods, target_year, evidence) -> list[Fact]:
    dtype, name, unit = _indicator(cells[0])
    span = max(1, len(periods) // len(regions))
    facts = []
    for index, cell in enumerate(cells[1 : len(periods) + 1]):
        if not re.fullmatch(r"\d+(?:\.\d+)?", cell) or index // span >= len(regions):
            continue
        period = periods[index]
        year = int(period[:4]) if period[:4].isdigit() else target_year
        kind = "percent_change" if unit == "%" else "new_in_period" if period[:4].isdigit() else "stock"
        facts.append(
            Fact(
                "policy_target",
                dtype,
                number(cell),
                unit or "",
                evidence,
                indicator="designations" if dtype else clean_indicator(name),
                target_year=year,
                region_name=regions[index // span],
                cumulative=None if period[:4].isdigit() else True,
                target_kind=kind,
                value_text=cell,
            )
        )
    return facts


def _target_row(cells, target_year, evidence) -> list[Fact]:
    in_row = re.search(r"(?<![比较])(?<![比较] )(20\d{2})\s*年", " ".join(cells))  # not a 比2015年 baseline
    target_year = int(in_row.group(1)) if in_row else target_year  # a work list's row names its own year
    for index, cell in enumerate(cells):
        percent = re.search(r"(下降|降低|提高|提升|达到)\s*(\d+(?:\.\d+)?)\s*%", cell)
        if percent and index > 0:
            name = re.sub(r"\s*[(（].*$", "", cells[index - 1]).strip()
            return [
                Fact(
                    "policy_target",
                    None,
                    number(percent.group(2)),
                    "%",
                    evidence,
                    indicator=clean_indicator(name) + percent.group(1),
                    target_year=target_year,
                    target_kind="percent_change",
                    value_text=percent.group(2),
                )
            ]
        dtype, name, _ = _indicator(cell)
        if not dtype:
            continue
        for value_cell in cells[index + 1 :]:
            value = re.match(r"(\d+(?:\.\d+)?)\s*(" + UNIT + r")", value_cell)
            if value:
                return [
                    Fact(
                        "policy_target",
                        dtype,
                        number(value.group(1)),
                        value.group(2),
                        evidence,
                        indicator="designations",
                        target_year=target_year,
                        target_kind=target_kind(name) or "stock",
                        value_text=value.group(1),
                    )
                ]
    return []


NOT_LISTED = re.compile(r"未|没有|落选|不")
# A TERM_THEN_NUMBER match starts at a term or at the level words right before it (国家级, 省级以上 …)
LEVEL_BEFORE = re.compile(r"(?:" + LEVEL_WORD + r")?(?:及以上|以上)?$")


def _term_then_number(sentence: str):
    """`TERM_THEN_NUMBER.finditer`, the pattern tried only where a match can start: at a term, or
    at the level words right before it (sre has no prefix to skip ahead with, and would try every
    position)."""
    end = 0
    for term in TERM_PATTERN.finditer(sentence):
        if term.start() < end:
            continue  # (a term inside the match before: part of it)
        qualifier = LEVEL_BEFORE.search(sentence, max(end, term.start() - 7), term.start())
        for start in (qualifier.start(), term.start()) if qualifier.start() < term.start() else (term.start(),):
            if start >= end and (match := TERM_THEN_NUMBER.match(sentence, start)):
                end = match.end()
                if "," in match.group(0) and NOT_LISTED.search(sentence, max(0, start - 4), start):
                    break  # 未入选绿色工厂的企业,共有8家: not those on the list
                yield match
                break


def _number_then_term(sentence: str):
    """NUMBER_THEN_TERM tried where a run of digits or numerals starts, not at every position."""
    end = 0
    for run in NUMBER_RUN.finditer(sentence):
        if (
            run.start() >= end
            and TERM_MARK in sentence[run.end() : run.end() + 40]
            and (match := NUMBER_THEN_TERM.match(sentence, run.start()))
        ):
            end = match.end()
            yield match


def _drop_repeated_paragraph_facts(facts: list[Fact]) -> list[Fact]:
    """Pages that print a paragraph twice would count every fact twice."""
    out, seen = [], set()
    for fact in facts:
        key = (
            fact.record_type,
            fact.designation_type,
            fact.value,
            fact.indicator,
            fact.evidence,
            fact.region_name,
            fact.target_year,
        )
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out
