"""Facts in running text: reported counts ("绿色工厂391家") and policy targets
("到2025年…建成绿色园区30个、绿色工厂300家", "单位工业增加值能耗下降16%").

Works on normalized text (pinyin removed, simplified, half-width). Every fact keeps the
sentence it came from as evidence. Unknown fields stay None: nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import NamedTuple

from greenmfg.extract.normalize import clean_text

# designation terms → type (longest first, so 绿色工业园区 wins over 绿色园区). Each one
# contains TERM_MARK: a sentence without it names no designation and is skipped unread.
TERM_MARK = "绿色"
TERMS = [
    (r"绿色供应链(?:管理)?(?:示范)?(?:企业)?", "green_supply_chain"),
    (r"绿色设计(?:示范)?产品(?:型号)?", "green_design_product"),
    (r"绿色(?:低碳)?(?:示范)?(?:工业|化工)?园区", "green_park"),
    (r"(?:[二三四五]星级)?绿色(?:低碳)?(?:制造)?工厂", "green_factory"),
    (r"绿色(?:制造)?(?:示范)?产品", "green_design_product"),
]
TERM = "|".join(f"(?:{t})" for t, _ in TERMS)
TERM_PATTERN = re.compile(TERM)  # compiled once: the hot rules call it per sentence and per name
UNIT = r"(?:家|个|种|款|项|件|户|条|座)"
# The level a term is qualified by; 省级以上 / 市级及以上 qualify a mixed total, which has no level
LEVEL_WORD = r"国家级|国家层面|国家|省级|自治区级|兵团级|市级|县级|区级"
LEVEL = r"(?P<level>" + LEVEL_WORD + r")?(?P<above>及以上|以上)?"
NUM = r"\d+(?:\.\d+)?|[一二三四五六七八九十两]{1,3}"
# 8 | 30余 | 1.2万 | 2-3 | 2个至3 (a range keeps its lower bound)
NUMBER = (r"(?P<value>" + NUM + r")\s*(?:余|多)?(?P<scale>万|千)?"
          r"(?:\s*" + UNIT + r"?\s*[-~～—–至到]\s*(?:" + NUM + r")\s*(?:万|千)?)?\s*(?:余|多)?")
# 绿色工厂874家 | 国家级绿色工厂35家 | 绿色工厂 50 家以上 | 省级以上绿色工厂总计27家
TERM_THEN_NUMBER = re.compile(LEVEL + r"(?P<term>" + TERM + r")(?:公示)?(?:名单)?(?:企业|数量|总数|数|的企业|的单位)?[(（:：]?"
                              r"(?:达到|已达|达|共计|共有|共|有|为|总计|合计|累计达?|增至|增加到|超过|逾|近)?\s*"
                              + NUMBER + r"\s*(?P<unit>" + UNIT + r")")
# 41家绿色工厂 | 45家市级绿色工厂 | 6家企业入选国家级绿色工厂 | 3家公司入选“国家绿色工厂”名单
NUMBER_THEN_TERM = re.compile(
    NUMBER + r"\s*(?P<unit>" + UNIT + r")(?:型号)?(?:制造)?(?:企业|单位|公司|产品|工厂)?(?:的)?"
    r"(?:先后|成功|分别|均|同时)?(?:被评为|被认定为|被授予|拟认定为|认定为|评为|获评|获批|入选|入围|进入|列入|纳入|"
    r"成为|符合|上榜|为)?(?:了)?[“\"]?(?:全省|全国|全市|全区|首批|本批|新一批|第[一二三四五六七八九十\d]+批|20\d{2}年度?)*"
    r"(?:[\u4e00-\u9fa5]{2,5}?[省市县区](?=" + LEVEL_WORD + "|" + TERM_MARK + r"))?"
    + LEVEL + r"(?P<term>" + TERM + r")")
# A number of units named without the term (5家企业, 3个工业园区), paired or typed by its clause
BARE_COUNT = re.compile(NUMBER + r"\s*(?P<unit>" + UNIT + r")(?P<noun>[\u4e00-\u9fa5]{0,8}?)(?=[、和及与]|$)")
BARE_NOUN_TYPE = [(re.compile(r"园区|集聚区|开发区"), "green_park"), (re.compile(r"工厂"), "green_factory")]
LISTED = re.compile(r"被认定为|认定为|被评为|评为|获评|入选|入围|上榜|榜上有名|进入|列入|纳入|开展")
PERCENT = re.compile(
    r"(?P<indicator>[\u4e00-\u9fa5、“”]{2,30}?)(?:[较比](?:“十三五”末|20\d{2}\s*年|上年))?(?:分别)?"
    r"(?P<direction>下降|降低|提高到|提高至|提升到|提升至|提高|提升|达到|增长|保持在|不超过|不高于)"
    r"(?P<values>\d+(?:\.\d+)?%(?:(?:、|和|以上、)\d+(?:\.\d+)?%)*)")
INDICATOR_LEAD = re.compile(r"^(?:以上|确保|力争|争取|实现|推动|其中|均|累计|年均|全市|全省|全区|和|及|与|并)+")
# A clause plans ahead when it says by when (到2025年, 2025年前, “十四五”末), or with 力争 / 将 + a verb
# of creating; the plan carries on to the next clauses of its sentence.
STRONG_TARGET = re.compile(
    r"(?:到|(?<!截)至|(?<![关对属由等])于)\s*(?P<by>20\d{2})\s*年(?!度)|(?P<before>20\d{2})\s*年(?:前|以前|底前)|"
    r"(?P<goal>20\d{2})\s*年(?:的)?(?:目标|力争|计划|将|要)|[“\"]?(?P<fyp>十[三四五六])五[”\"]?(?:末|时期|期间)|"
    r"20\d{2}\s*[-—–~]\s*(?P<span>20\d{2})\s*年(?!度)|力争|争取|争创|确保|(?<![现特兹并拟])将(?=[^,，]{0,12}?(?:创建|培育|建成|新增|打造|推进|推动|实现|达到|累计|争创|建设|选择|形成))")
# 目标新增… | 计划培育… | 每年创建…: a plan for its own clause only
WEAK_TARGET = re.compile(r"目标|计划|预计|每年|年均")
ACHIEVED = re.compile(r"截至|截止|目前|已|至此|先后|现有|完成|公布|公示|发布|评审|获评|入选|上榜|榜上有名")
FYP_END = {"十三": 2020, "十四": 2025, "十五": 2030, "十六": 2035}
THIS_YEAR = re.compile(r"今年|年内|本年度?|当年")
CLAUSE = re.compile(r"[^,，:：]+[,，:：]?")
CUMULATIVE_CUE = re.compile(r"累计|截至|截止|至此|共有|已有|已在|先后|总数|已累计|总计")
REMOVED_CUE = re.compile(r"移出|撤销|取消其?荣誉")
# What every count and star continuation has: a number, then its unit (8家, 三个, 50 家)
COUNT_CUE = re.compile(r"(?:\d|[一二三四五六七八九十两])\s*(?:余|多)?(?:万|千)?\s*" + UNIT)
SENTENCE = re.compile(r"[^。；;！!？?\n]+")
REGION_IN_SENTENCE = re.compile(r"(?!今年|我|本|该|全|此次|其中)([\u4e00-\u9fa5]{2,6}?(?:省|市|县|区|自治区))(?:共有|新增|已|累计|的|共|有|今年|将)")


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
    region_name: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1024)  # a handful of distinct terms, met on every page
def term_type(term: str) -> str | None:
    for pattern, code in TERMS:
        if re.fullmatch(pattern, term):
            return code
    return None


def _level(text: str | None) -> str | None:
    return {"国家级": "national", "国家": "national", "省级": "provincial", "市级": "municipal",
            "县级": "county", "区级": "county"}.get(text or "")


LEVEL_BEFORE_TERM = re.compile(r"(国家级|国家|省级|市级|县级|区级)(?:" + TERM + r")")
MIIT, SUB_NATIONAL = re.compile(r"工信部|工业和信息化部"), re.compile(r"省级|市级|县级")


@lru_cache(maxsize=4096)  # a page asks for its title's and each sentence's level once per name
def designation_level(text: str | None) -> str | None:
    """Level of the designations a sentence or title speaks of: 省级绿色工厂 → provincial;
    a list published by MIIT (工信部…) with no other level named → national."""
    text = clean_text(text or "")
    if match := LEVEL_BEFORE_TERM.search(text):
        return _level(match.group(1))
    if MIIT.search(text) and not SUB_NATIONAL.search(text):
        return "national"
    return None


def _number(value: str, scale: str | None = None) -> float:
    if value[0].isdigit():
        number = float(value)
    else:
        from greenmfg.extract.classify import chinese_number

        number = chinese_number(value.replace("两", "二"))
    number *= SCALE.get(scale or "", 1)
    return int(number) if float(number).is_integer() else number


SCALE = {"万": 10000, "千": 1000}


def sentences(text: str) -> tuple[str, ...]:
    return _sentences(clean_text(text))


@lru_cache(maxsize=256)  # the fact patterns and the names in prose split the same cleaned body
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in SENTENCE.findall(text) if s.strip())


PLAN_END = re.compile(r"到\s*(20\d{2})\s*年|(20\d{2})\s*[—\-–~至]\s*(20\d{2})\s*年")
# After a term, the term carries over: 五星级绿色工厂8家,四星级60家 | 绿色工厂8个(其中国家级2个、省级6个) |
# 新增绿色工厂5家,累计达到30家
STAR_CONTINUATION = re.compile(r"[,，、(（](?:其中)?(?:(?P<level>[二三四五]星级|国家级|省级|自治区级|兵团级|市级|县级|区级)|"
                               r"(?:累计|总数|共计|合计|总计)(?:达到|达|为)?)(?P<value>\d+)(?P<unit>家|个|户|种|项)")
RENAMED_CUE = re.compile(r"变更名称|更名")
NOUN_PLAN = re.compile(r"行动计划|计划》|工作计划|创建计划|培育计划")
REGION_CELL = re.compile(r"^(全市|全省|[\u4e00-\u9fa5]{2,8}(?:区|县|市|开发区|港区))$")
PERIOD_CELL = re.compile(r"^(累计|合计|20\d{2}\s*年)$")


def plan_year(text: str) -> int | None:
    """The year a plan's targets are for: 到2019年, or the end of 2017—2019年."""
    years = [int(m.group(1) or m.group(3)) for m in PLAN_END.finditer(clean_text(text))]
    return max(years) if years else None


def extract_facts(text: str, default_year: int | None = None) -> list[Fact]:
    """Counts and targets from sentences, plus target tables (tab-separated rows)."""
    target_year = plan_year(text) or default_year
    lines = clean_text(text).splitlines()
    table_lines = {i for i, line in enumerate(lines) if line.count("\t") >= 2}
    prose = "\n".join(line for i, line in enumerate(lines) if i not in table_lines)
    return _drop_repeated_paragraph_facts(
        _sentence_facts(prose, default_year, target_year) + _table_facts(lines, table_lines, target_year))


class Clause(NamedTuple):
    start: int
    end: int
    kind: str  # policy_target | reported_count
    target_year: int | None
    cumulative: bool  # a report of a total to date (累计, 截至 …), not of what is new (新增, 本批 …)


NEW_CUE = re.compile(r"新增|新培育|新认定|本批|此次|本次|今年|当年|新入选|再添|又有")
ANY_CLAUSE_CUE = re.compile("|".join(p.pattern for p in (STRONG_TARGET, WEAK_TARGET, CUMULATIVE_CUE, NEW_CUE)))


# A document's name (…行动计划》) plans nothing in this sentence; a baseline (较“十三五”末, 比2020年) is no deadline
TITLE = re.compile(r"《[^》]*》|[较比][“\"]?十[三四五六]五[”\"]?末|[较比]\s*20\d{2}\s*年(?:底|末)?")
CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fa5]) +(?=[\u4e00-\u9fa5])")  # PDF line breaks: 清 洁生产


def clauses(sentence: str, default_year: int | None, doc_year: int | None = None) -> list[Clause]:
    """The sentence's clauses, each a plan (policy_target, with the year it is for) or a report.
    By when (到2025年, “十四五”末) or 力争 / 将 + creating opens a plan that carries on to the next
    clauses; what is achieved (截至, 已, 完成 …) closes it; 目标 / 计划 / 每年 plan their own clause.
    到2022年 on a page of 2024 is a past stock, a report."""
    if not ANY_CLAUSE_CUE.search(sentence):  # most sentences: one report of what is new
        return [Clause(0, len(sentence), "reported_count", None, False)]
    masked = TITLE.sub(lambda m: "＂" * len(m.group(0)), sentence)
    out, carried, total = [], None, False  # carried: the open plan's year (0 when it has none)
    for match in CLAUSE.finditer(masked):
        clause = match.group(0)
        total = False if NEW_CUE.search(clause) else True if CUMULATIVE_CUE.search(clause) else total
        strong = STRONG_TARGET.search(clause)
        year = _cue_year(clause, default_year) if strong or carried is not None or WEAK_TARGET.search(clause) else None
        if strong and not (year and default_year and year < default_year):
            carried = year or carried or 0
            kind = "policy_target"
        elif strong or ACHIEVED.search(clause):
            carried, kind = None, "reported_count"
        elif WEAK_TARGET.search(clause) or carried is not None:
            kind, year = "policy_target", year or carried
        else:
            kind = "reported_count"
        out.append(Clause(match.start(), match.end(), kind, (year or doc_year or default_year)
                          if kind == "policy_target" else None, total))
    return out


def _cue_year(clause: str, default_year: int | None) -> int | None:
    """The year a plan clause names: 到2025年, 2025年前, 2024年目标, “十四五”末, 今年 (the page's)."""
    cues = list(STRONG_TARGET.finditer(clause))
    for match in sorted(cues, key=lambda m: m.group("by") is None):  # 到2025年 before any other cue
        if year := match.group("by") or match.group("before") or match.group("goal") or match.group("span"):
            return int(year)
        if match.group("fyp"):
            return FYP_END.get(match.group("fyp"))
    return default_year if THIS_YEAR.search(clause) else None


def _clause_at(parts: list[Clause], position: int) -> Clause:
    return next((c for c in parts if c.start <= position < c.end), parts[-1])


def _sentence_facts(text: str, default_year: int | None, doc_year: int | None = None) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple] = set()
    for sentence in sentences(text):
        if TERM_MARK not in sentence and "%" not in sentence:
            continue  # neither a count of designations nor a percentage target
        counted = COUNT_CUE.search(sentence) is not None
        if not counted and "%" not in sentence:
            continue  # a designation named, but no number of them
        sentence = CJK_GAP.sub("", sentence)
        parts = clauses(sentence, default_year, doc_year)
        region = REGION_IN_SENTENCE.search(sentence) if counted else None
        region_name = region.group(1) if region else None
        for position, dtype, value, unit, level in _counts(sentence, parts) if counted else ():
            clause = _clause_at(parts, position)
            key = (sentence, dtype, value, clause.kind)
            if key in seen:
                continue
            seen.add(key)
            reported = clause.kind == "reported_count"
            facts.append(Fact(
                record_type=clause.kind, designation_type=dtype, value=value, unit=unit, evidence=sentence,
                level=level, indicator=_clause_indicator(sentence, position), target_year=clause.target_year,
                cumulative=clause.cumulative if reported else None, region_name=region_name if reported else None))
        facts += _percent_targets(sentence, parts)
    return facts


def _counts(sentence: str, parts: list[Clause]):
    """(position, type, value, unit, level) of every count in a sentence: term and number side by
    side, star and level subtotals after a term, and numbers whose type their clause tells."""
    spans, previous = [], (None, -1)  # the level of the count before, and where it ended
    for match in _count_matches(sentence):
        spans.append(match.span())
        level = None if match.group("above") else _level(match.group("level"))
        if level is None and not match.group("above") and sentence[previous[1]:match.start()] in ("、", "和", "及", "以及"):
            level = previous[0]  # 国家级绿色工厂3家、绿色园区1个: the level scopes the enumeration
        previous = (level, match.end())
        yield (match.start(), term_type(match.group("term")), _number(match.group("value"), match.group("scale")),
               match.group("unit"), level)
    for match in STAR_CONTINUATION.finditer(sentence):
        before = list(TERM_PATTERN.finditer(sentence[:match.start()]))
        if before and not _overlaps(match.span(), spans):
            spans.append(match.span())
            yield (match.start("value"), term_type(before[-1].group(0)), _number(match.group("value")),
                   match.group("unit"), _level(match.group("level")))
    respectively, listed = "分别" in sentence, LISTED.search(sentence) is not None
    for clause in parts if respectively or listed else ():
        yield from _respectively(sentence, clause, spans) if respectively else ()
        yield from _typed_by_clause(sentence, clause, spans) if listed else ()


RESPECTIVELY = re.compile(r"分别(?:为|达到|达|有|是|新增|增加|超过)?")
VALUE_LIST = re.compile(r"\s*" + NUMBER + r"\s*(?P<unit>" + UNIT + r")(?:以上)?\s*[、和及与]?")


def _respectively(sentence: str, clause: Clause, spans: list) -> list[tuple]:
    """国家级绿色工厂、绿色园区分别达到12家、3个: terms before 分别, values after, paired in order."""
    text = sentence[clause.start:clause.end]
    cue = RESPECTIVELY.search(text)
    if not cue:
        return []
    terms = list(TERM_PATTERN.finditer(text[:cue.start()]))
    values, position = [], cue.end()
    while len(values) < len(terms) and (match := VALUE_LIST.match(text, position)):
        values.append(match)
        position = match.end()
    if len(terms) < 2 or len(values) != len(terms):
        return []
    levels = [_level(m.group(0)) for m in re.finditer(LEVEL_WORD, text[:terms[0].start()])][-1:] or [None]
    out = []
    for term, value in zip(terms, values):
        span = (clause.start + value.start("value"), clause.start + value.end())
        if not _overlaps(span, spans):
            spans.append(span)
            out.append((span[0], term_type(term.group(0)), _number(value.group("value"), value.group("scale")),
                        value.group("unit"), levels[0]))
    return out


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _typed_by_clause(sentence: str, clause: Clause, spans: list) -> list[tuple]:
    """Numbers without a term beside them: 38户企业、8个产品、3个园区被认定为绿色工厂、绿色产品和绿色园区
    (paired in order); 3个工业园区 (the noun says park); 9家企业榜上有名 in a sentence about one type."""
    text = sentence[clause.start:clause.end].rstrip(",，:：")
    listed = LISTED.search(text)
    if not listed:
        return []
    counts = [m for m in BARE_COUNT.finditer(text[:listed.start()])
              if not _overlaps((clause.start + m.start(), clause.start + m.end()), spans)]
    if not counts:
        return []
    terms = [term_type(m.group(0)) for m in TERM_PATTERN.finditer(text[listed.end():])]
    if len(counts) > 1 and len(terms) == len(counts):
        types = terms
    else:
        sentence_types = {term_type(m.group(0)) for m in TERM_PATTERN.finditer(sentence)}
        only = sentence_types.pop() if len(sentence_types) == 1 else None
        types = [_noun_type(m.group("noun")) or (only if len(counts) == 1 and not terms else None) for m in counts]
    out = []
    for match, dtype in zip(counts, types):
        if dtype:
            span = (clause.start + match.start(), clause.start + match.end())
            spans.append(span)
            out.append((span[0], dtype, _number(match.group("value"), match.group("scale")), match.group("unit"), None))
    return out


def _noun_type(noun: str) -> str | None:
    return next((code for pattern, code in BARE_NOUN_TYPE if pattern.search(noun)), None)


def _percent_targets(sentence: str, parts: list[Clause]) -> list[Fact]:
    """单位工业增加值能耗下降16% in a plan clause; 能耗、水耗分别下降13.5%、16% pairs in order."""
    out = []
    for match in PERCENT.finditer(sentence) if "%" in sentence else ():
        clause = _clause_at(parts, match.start())
        if clause.kind != "policy_target":
            continue
        values = re.findall(r"\d+(?:\.\d+)?", match.group("values"))
        names = [INDICATOR_LEAD.sub("", n) for n in match.group("indicator").split("、")]
        names = names if len(names) == len(values) else [names[-1]] * len(values)
        for name, value in zip(names, values):
            out.append(Fact("policy_target", None, _number(value), "%", sentence,
                            indicator=f"{name.strip('“”')}{match.group('direction')}", target_year=clause.target_year))
    return out


def _clause_indicator(sentence: str, position: int) -> str:
    """What a count counts: designations, or designations removed / renamed (per clause)."""
    start = max(sentence.rfind(",", 0, position), sentence.rfind("，", 0, position)) + 1
    ends = [i for i in (sentence.find(",", position), sentence.find("，", position)) if i >= 0]
    clause = sentence[start:min(ends) if ends else len(sentence)]
    if RENAMED_CUE.search(clause):
        return "renamed"
    if REMOVED_CUE.search(clause):
        return "removed"
    return "designations"


def _table_facts(lines: list[str], table_lines: set[int], target_year: int | None) -> list[Fact]:
    """Target tables pasted as text: `序号 指标名称 目标` rows, and breakdowns by district
    (a header row of regions, a row of periods 累计/2017年, then one row per indicator).
    Columns are matched by order, not position: trimming may have eaten empty edge cells."""
    facts: list[Fact] = []
    regions: list[str] = []
    periods: list[str] = []
    in_target_table = False
    for i in sorted(table_lines):
        cells = [c.strip() for c in lines[i].split("\t")]
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
        if regions and periods:
            facts += _breakdown_row(cells, regions, periods, target_year, lines[i])
        elif in_target_table:
            facts += _target_row(cells, target_year, lines[i])
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
    for index, cell in enumerate(cells[1:len(periods) + 1]):
        if not re.fullmatch(r"\d+(?:\.\d+)?", cell) or index // span >= len(regions):
            continue
        period = periods[index]
        year = int(period[:4]) if period[:4].isdigit() else target_year
        facts.append(Fact("policy_target", dtype, _number(cell), unit or "", evidence, indicator=name,
                          target_year=year, region_name=regions[index // span],
                          cumulative=None if period[:4].isdigit() else True))
    return facts


def _target_row(cells, target_year, evidence) -> list[Fact]:
    in_row = re.search(r"(?<![比较])(?<![比较] )(20\d{2})\s*年", " ".join(cells))  # not a 比2015年 baseline
    target_year = int(in_row.group(1)) if in_row else target_year  # a work list's row names its own year
    for index, cell in enumerate(cells):
        percent = re.search(r"(下降|降低|提高|提升|达到)\s*(\d+(?:\.\d+)?)\s*%", cell)
        if percent and index > 0:
            name = re.sub(r"\s*[(（].*$", "", cells[index - 1]).strip()
            return [Fact("policy_target", None, _number(percent.group(2)), "%", evidence,
                         indicator=f"{name}{percent.group(1)}", target_year=target_year)]
        dtype, name, _ = _indicator(cell)
        if not dtype:
            continue
        for value_cell in cells[index + 1:]:
            value = re.match(r"(\d+(?:\.\d+)?)\s*(" + UNIT + r")", value_cell)
            if value:
                return [Fact("policy_target", dtype, _number(value.group(1)), value.group(2), evidence,
                             indicator=name, target_year=target_year)]
    return []


def _count_matches(sentence: str):
    spans = []
    for matches in (_term_then_number(sentence), NUMBER_THEN_TERM.finditer(sentence)):
        for match in matches:
            if not any(a < match.end() and match.start() < b for a, b in spans):
                spans.append((match.start(), match.end()))
                yield match


# Where a TERM_THEN_NUMBER match can start: a level (国家级, 省级 …) or a term (绿色…, 五星级…)
TERM_THEN_NUMBER_START = re.compile(r"[国省自兵市县区绿二三四五]")


def _term_then_number(sentence: str):
    """`TERM_THEN_NUMBER.finditer`, the pattern tried only where a match can start: sre has no
    prefix to skip ahead with, and tries every position (half the time on a long sentence)."""
    end = 0
    for start in TERM_THEN_NUMBER_START.finditer(sentence):
        if start.start() >= end and (match := TERM_THEN_NUMBER.match(sentence, start.start())):
            end = match.end()
            yield match


def _drop_repeated_paragraph_facts(facts: list[Fact]) -> list[Fact]:
    """Pages that print a paragraph twice would count every fact twice."""
    out, seen = [], set()
    for fact in facts:
        key = (fact.record_type, fact.designation_type, fact.value, fact.indicator, fact.evidence,
               fact.region_name, fact.target_year)
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out
