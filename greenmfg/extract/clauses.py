"""A paragraph's clauses, each a plan or a report, with the year a plan is for and whether a
report gives a total to date or what is new.

By when (到2025年, 2025年前, “十四五”末, 2024—2026年, or any year after the page's) or 力争 /
确保 / 将 + a verb of creating opens a plan that carries on to the next clauses and sentences
of its paragraph (到2025年，一是…；二是…); what is past (截至, 已, 目前, 公布, a year before the
page's …) closes it. 目标 / 计划 / 每年 plan their own clause, or what follows when they head it
(2024年工作目标：…). 每年 / 年均 plan for the page's year. A deadline already past (到2022年 on a
page of 2024) reports a stock.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Every branch of these patterns starts with a literal or a character set, its lookbehind placed after
# the first character: sre can then skip ahead to where a cue may start instead of trying every branch
# at every position (bench/: the extraction microbenchmark).
QUOTE_OPEN, QUOTE_CLOSE = '[“"「]', '[”"」]?'
NOT_A_DATE = r"(?![度\d]|\s*\d{1,2}\s*月)"
STRONG_TARGET = re.compile(
    r"到\s*20(?P<by>\d{2})\s*年"
    + NOT_A_DATE
    + r"|至(?<!截至)\s*20(?P<by2>\d{2})\s*年"
    + NOT_A_DATE
    + r"|于(?<![关对属由等]于)\s*20(?P<by3>\d{2})\s*年"
    + NOT_A_DATE
    + r"|20(?P<before>\d{2})\s*年(?:底前|前|以前)|"
    r"20(?P<goal>\d{2})\s*年(?:的)?(?:工作目标|目标任务|主要目标|重点工作|工作要点|目标|力争|计划|将|要)|"
    r"十(?P<fyp>[三四五六])五" + QUOTE_CLOSE + r"(?:末|期末|时期|期间|(?=[^,，;；。]{0,24}?目标)|"
    r"(?=[^,，;；。]{0,10}?(?:计划|力争|争取|累计建成|建成|创建|培育)))|"
    r"20(?P<since>\d{2})\s*年?\s*[-—–~至]\s*20(?P<span>\d{2})\s*年(?!度)|明年|力争|争取|争创|确保|"
    r"择优(?=[^,，;；。]{0,4}?(?:评出|评选|选出|认定|遴选|确定))|"  # (本次择优评出省级绿色工厂20—30家: a quota to fill)
    r"将(?<![现特兹并拟]将)(?=[^,，]{0,12}?(?:创建|培育|建成|新增|打造|推进|推动|实现|达到|累计|争创|建设|选择|形成)|"
    r"(?:强化|加快|加大|加强|深入|持续|全面|大力|积极|进一步|继续|着力|聚焦|坚持|围绕|重点))"
)
WEAK_TARGET = re.compile(r"目标|计划|预计|每年|年均|要点")
FLOOR = re.compile(r"\d\s*(?:家|个|种|项|户)以上")  # a number to reach at least: a goal
EACH_YEAR = re.compile(r"每年|年均")
PLAN_WORD = re.compile(r"目标|计划|预计|要点")
# a clause that reports entities put on a list now (本次共有8家企业上榜): done, even in a plan's paragraph …
LISTED_NOW = re.compile(
    r"(?:本次|此次|本批|共有|已有|先后)[^,，;；。]{0,16}?(?:上榜|入选|获评|入围|榜上有名|被(?:评为|认定为))|"
    # (a notice for comment: 拟认定2个园区为…绿色工业园区、3家企业为…)
    r"^拟(?:认定|命名|授予|确定|公布)(?=[^,，;；。]{0,12}?\d+\s*[家个项种款][^,，;；。]{0,12}?为20\d{2}\s*年度)"
)
# … unless it plans it (推动20家企业入选, 力争…入选, 入选的企业达到20家以上)
PLAN_VERB = re.compile(r"推动|力争|争取|确保|计划|目标|以上|达到|支持|鼓励|引导|培育|创建|打造|新增")
FORWARD = re.compile(r"下一步|今后|未来|接下来")  # …已创建30家,下一步,每年新增10家: the plan begins again
PAST = re.compile(
    r"截至|截止|目前|已|至此|先后|现有(?!基础)|公布|公示|发布|了(?<![为除]了)|以来|"
    r"完成(?=[^,，;；。]{0,12}?目标)"
)  # 超额完成节能目标: a goal met
YEAR = re.compile(r"2(?<![较比\d]2)0(\d{2})\s*年" + NOT_A_DATE)  # the group: the year's last two digits
FYP_END = {"三": 2020, "四": 2025, "五": 2030, "六": 2035}  # 十X五: the X-th five-year plan
THIS_YEAR = re.compile(
    r"今年|年(?<![一二两三四五六七八九十\d]年)内|本年度?|当年|全年"
)  # (三年内: a span, not this year)
CUMULATIVE_CUE = re.compile(r"累计|截至|截止|至此|共有|已有|已在|先后|总数|已累计|总计")
NEW_CUE = re.compile(r"新增|新培育|新认定|本批|此次|本次|今年|当年|新入选|再添|又有")
# What a clause says of a count's period. A report takes the last cue before its number (今年新增5家，
# 累计达到30家); a target the strongest of its clause: 每年 over 新增 over 总数 over 期间 over 累计 / 建成 / 到2025年.
PERIOD_CUE = re.compile(
    r"(?P<each>每年|年均)(?:新增|新培育|新创建|新认定|创建|培育|认定)?|(?P<period>期间|时期)(?:[^,，;；\d]{0,6}?(?:累计|共))?|"
    r"(?P<new>新增|新培育|新创建|新认定|新获批|新获评|新入选|新晋|本批|此次|本次|今年|当年|年内|再添|又有)|"
    r"(?P<total>累计|截[至止](?:20\d{2}\s*年|今年|目前|当前|去年|上年)?(?:底|末|\d{1,2}\s*月(?:底|末)?)?|至此|已有|"
    r"先后|现有|目前)|(?P<sum>总数|总量)|(?P<stock>建成|达到|到\s*20\d{2}\s*年)"
)
REPORTED_PERIOD = {
    "each": "per_year",
    "period": "new_in_period",
    "new": "new_in_period",
    "total": "cumulative",
    "sum": "cumulative",
}
TARGET_KIND = {
    "each": "per_year",
    "period": "new_in_period",
    "new": "new_in_period",
    "total": "stock",
    "sum": "stock",
    "stock": "stock",
}
# the later, the stronger: “十四五”期间累计培育 is new in the period, “十四五”期间…总数达到 a stock
TARGET_STRENGTH = ("stock", "total", "period", "sum", "new", "each")


def reported_period(text: str) -> str | None:
    """cumulative | new_in_period | per_year, by the last cue in a report's text; None when none says."""
    kinds = [REPORTED_PERIOD[m.lastgroup] for m in PERIOD_CUE.finditer(text) if m.lastgroup in REPORTED_PERIOD]
    return kinds[-1] if kinds else None


def target_cue(text: str, carried: str | None = None) -> str | None:
    """The strongest cue of a target's text; `carried`: the cue of the clauses before, which a
    period keeps over a mere stock cue (“十四五”期间，全市累计培育100家: new in the period)."""
    cues = {m.lastgroup for m in PERIOD_CUE.finditer(text)}
    strongest = max(cues, key=TARGET_STRENGTH.index, default=None)
    if strongest is None or (carried == "period" and strongest in ("total", "stock")):
        return carried
    return strongest


def target_kind(text: str) -> str | None:
    """stock | new_in_period | per_year, by the strongest cue in a target's text; None when none says."""
    return TARGET_KIND.get(target_cue(text) or "")


ANY_CUE = re.compile("|".join(p.pattern for p in (STRONG_TARGET, WEAK_TARGET, CUMULATIVE_CUE, NEW_CUE, YEAR)))
YEAR_HEAD = re.compile(r"^\s*(20\d{2})\s*年\s*[,，:：]?$")
CLAUSE = re.compile(r"[^,，:：]+[,，:：]?")
# A document's name (…行动计划》) plans nothing itself; a baseline (较“十三五”末, 比2020年) is no deadline
MASKED = re.compile(
    r"《[^》]*》|与\s*20\d{2}\s*年(?:底|末)?相比|较之\s*20\d{2}\s*年(?:底|末)?|[较比]"
    + QUOTE_OPEN
    + r"?十[三四五六]五"
    + QUOTE_CLOSE
    + r"末|[较比]\s*20\d{2}\s*年(?:底|末)?|"
    r"在\s*20\d{2}\s*年(?:底|末)?(?=[^,，;；]{0,12}?基础上)"
)  # 在2023年底42家的基础上
# A baseline inside a plan (在2023年底42家的基础上, 较2023年): its number is a report of then
BASELINE = re.compile(r"在[^,，;；在]{0,20}?基础上")
# …but what a plan document 提出 is its plan: 《…实施方案（2023—2025年）》提出，…
PLAN_TITLE = re.compile(
    r"《[^》]*(?:规划|方案|计划|意见|要点|实施指南|纲要)[^》]*》[,，]?[^,，。]{0,8}?(?:提出|明确|要求|指出|确定)(?!的)了?|"
    r"(?<!旨在)(?<!为了)(?<!为)(?<!为贯彻)(?:按照|根据|依据|落实|对照)《[^》]*(?:规划|方案|计划|意见|要点|实施指南|纲要)[^》]*》"
)  # (按照《…(2024—2026年)》,每年…; not 旨在落实《…》: a list's purpose, no plan of its own)
# 日前印发《…(2023-2025年)》。其中提出,…: a plan issued, what it says in the sentence after
ISSUED_PLAN = re.compile(
    r"(?:印发|发布|出台|制定|出炉)了?(《[^》]*(?:规划|方案|计划|意见|要点|实施指南|纲要)[^》]*》)(?:的通知)?$"
)
SAYS_FIRST = re.compile(r"(?:其中|文件|该(?:规划|方案|计划|意见)|《[^》]*》)?[,，]?(?:提出|明确|要求|指出)")
SPAN_END = re.compile(r"20\d{2}\s*年?\s*[-—–~至]\s*(20\d{2})")


def title_year(title: str) -> int | None:
    """The year a plan's title is for: its span's end (2024—2026年), its one year (2018年工作要点), or
    its five-year plan's end (“十四五”…规划)."""
    if span := SPAN_END.search(title):
        return int(span.group(1))
    years = {int(y) for y in re.findall(r"(20\d{2})\s*年", title)}
    if len(years) == 1:
        return years.pop()
    fyp = re.search(r"十([三四五六])五", title)
    return FYP_END[fyp.group(1)] if fyp and not years else None


class Clause(NamedTuple):
    start: int
    end: int
    kind: str  # policy_target | reported_count
    target_year: int | None
    cumulative: bool  # a report of a total to date (累计, 截至 …), not of what is new (新增, 本批 …)


def paragraph_clauses(
    sentences: list[str], page_year: int | None, plan_year: int | None = None, carried: int | None = None
):
    """The clauses of each sentence of one paragraph, the plan carried from sentence to sentence
    (`carried`: a plan open at the start, as in sentence_clauses), and the year the paragraph
    opened with (2024年：新增…；单位工业增加值能耗下降3%: both for 2024)."""
    named = issued = None
    for sentence in sentences:
        if issued is not None and SAYS_FIRST.match(sentence):
            carried = issued  # (…印发《…(2023-2025年)》。其中提出,…: what the plan says)
        parts, carried, named = sentence_clauses(sentence, page_year, plan_year, carried, named)
        issued = (title_year(plan.group(1)) or 0) if (plan := ISSUED_PLAN.search(sentence)) else None
        yield sentence, parts


def sentence_clauses(
    sentence: str, page_year: int | None, plan_year: int | None, carried: int | None, named: int | None = None
) -> tuple[list[Clause], int | None, int | None]:
    """`page_year`: the year the page speaks from; `plan_year`: the page's own deadline, for a plan
    clause that names none; `carried`: the year of the plan open before it (0: none named; None: no
    plan); `named`: a year the paragraph opened with. Returns the clauses, the plan and the year carried on."""
    title = PLAN_TITLE.search(sentence) if "《" in sentence else None
    says = title is not None and title.group(0).startswith(
        "《"
    )  # (《…规划》提出: what the plan says; 根据《…》: a basis)
    if carried is None and not says and not ANY_CUE.search(sentence):  # most sentences: one report of what is new
        return [Clause(0, len(sentence), "reported_count", None, False)], None, named
    planned = (title_year(title.group(0)) or carried or 0) if title else None
    carried = carried if planned is None else planned
    masked = MASKED.sub(lambda m: "＂" * len(m.group(0)), sentence)
    if title:  # (…》明确了: what the plan says, not what is past)
        masked = masked[: title.start()] + "＂" * (title.end() - title.start()) + masked[title.end() :]
    out, total = [], False  # named: a year the sentence or its paragraph opened with (2025年，全省力争…)
    past = False  # a clause before said what is past (2016年以来, …): a 年均 after it averages the past
    for match in CLAUSE.finditer(masked):
        clause = match.group(0)
        total = False if NEW_CUE.search(clause) else True if CUMULATIVE_CUE.search(clause) else total
        kind, year, carried = _kind(clause, page_year, carried)
        if title and match.start() < title.end() <= match.end():
            carried = carried or planned  # 2018年,…《2018年工作要点》提出: the plan opens at its title
        if (
            kind == "policy_target"
            and past
            and EACH_YEAR.search(clause)
            and not STRONG_TARGET.search(clause)
            and not PLAN_WORD.search(clause)
            and not (year and page_year and year > page_year)
        ):
            kind, carried = "reported_count", None
        past = kind == "reported_count" and (past or PAST.search(clause) is not None) and not FORWARD.search(clause)
        if year:
            named = None  # a year the sentence opened with holds until a clause names its own
        target_year = (year or named or carried or plan_year or page_year) if kind == "policy_target" else None
        if (opening := YEAR_HEAD.match(clause)) and not (page_year and int(opening.group(1)) < page_year):
            named = int(opening.group(1))
        elif THIS_YEAR.match(clause) and page_year:  # 今年，我们将力争新增…: the page's year
            named = page_year
        out.append(Clause(match.start(), match.end(), kind, target_year, total))
    return out, carried, named


def _kind(clause: str, page_year: int | None, carried: int | None) -> tuple[str, int | None, int | None]:
    """(kind, the year the clause names, the plan carried on) of one clause."""
    strong = STRONG_TARGET.search(clause)
    weak = WEAK_TARGET.search(clause)
    if strong and (strong.group("span") or strong.group("fyp")) and _past_period(clause, page_year):
        strong = None  # 2016年至2020年,…入选 / “十三五”时期共创建… on a page of 2020: what the period brought
    years = [2000 + int(y) for y in YEAR.findall(clause)]
    if any(page_year and y < page_year for y in years) and not strong:
        return "reported_count", None, None  # 2023年新增… on a page of 2024
    future = next((y for y in years if page_year and y > page_year), None)
    year = cue_year(clause, page_year) if strong or weak or carried is not None or future else None
    each = EACH_YEAR.search(clause) and carried is None and not (strong and year and year != page_year)
    if each:
        year = page_year  # 每年创建…10家: a target for each year, this year's first
    if strong or future:
        year = year or future
        if year and page_year and year < page_year:
            return "reported_count", None, None  # 到2022年 on a page of 2024: a past stock
        return "policy_target", year, (None if each else year) or carried or 0
    if PAST.search(clause):
        return "reported_count", None, None
    if years and page_year and min(years) >= page_year and FLOOR.search(clause):
        return "policy_target", years[0], carried  # 2025年全市培育市级绿色工厂80家以上 on a page of 2025
    if weak:
        heads = clause.endswith((":", "："))  # 2024年工作目标：… plans what follows
        return "policy_target", year, (year or carried or 0) if heads else carried
    if carried is not None and LISTED_NOW.search(clause) and not PLAN_VERB.search(clause):
        return "reported_count", None, None  # (根据《…方案》,本次共有8家企业上榜…: the list published, no goal)
    if carried is not None:  # in a plan, a clause's own year is its target's (2017年认定10家以上…)
        return "policy_target", year or (years[0] if years else None), carried
    return "reported_count", None, None


def _past_period(clause: str, page_year: int | None) -> bool:
    """A period begun before the page's year and over by it (2016年至2020年, 2016—2020年, “十三五”时期
    on a page of 2020), and no other cue of a plan in the clause: what the period brought, a report."""
    return (
        page_year is not None
        and all(_over_by(m, page_year) for m in STRONG_TARGET.finditer(clause))
        and not WEAK_TARGET.search(clause)
    )


def _over_by(cue: re.Match, page_year: int) -> bool:
    if cue.group("span"):
        return int(cue.group("since")) < page_year - 2000 >= int(cue.group("span"))
    return bool(cue.group("fyp")) and FYP_END[cue.group("fyp")] <= page_year and PERIOD_WORD.search(cue.group(0))


PERIOD_WORD = re.compile(r"时期|期间")


def cue_year(clause: str, page_year: int | None) -> int | None:
    """The year a plan clause names: 到2025年, 2025年前, 2024年目标, “十四五”末, 明年, 今年 (the page's)."""
    cues = sorted(STRONG_TARGET.finditer(clause), key=lambda m: _by(m) is None)  # 到2025年 first
    for match in cues:
        if year := _by(match) or match.group("before") or match.group("goal") or match.group("span"):
            return 2000 + int(year)
        if match.group("fyp"):
            return FYP_END.get(match.group("fyp"))
        if match.group(0) == "明年" and page_year:
            return page_year + 1
    if THIS_YEAR.search(clause):
        return page_year
    own = [2000 + int(y) for y in YEAR.findall(clause)]  # 力争2024年新增…: the year it names, if not past
    return next((y for y in own if not page_year or y >= page_year), None)


def _by(match: re.Match) -> str | None:
    return match.group("by") or match.group("by2") or match.group("by3")
