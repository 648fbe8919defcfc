"""Facts in running text: reported counts ("绿色工厂391家") and policy targets
("到2025年…建成绿色园区30个、绿色工厂300家", "单位工业增加值能耗下降16%").

Works on normalized text (pinyin removed, simplified, half-width). Every fact keeps the
sentence it came from as evidence. Unknown fields stay None: nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache

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
UNIT = r"(?:家|个|种|款|项|件|户)"
LEVEL = r"(?P<level>国家级|国家|省级|市级|县级|区级)?"
NUMBER = r"(?P<value>\d+(?:\.\d+)?|[一二三四五六七八九十两]{1,3})"
# 绿色工厂874家 | 国家级绿色工厂35家 | 绿色工厂 50 家以上
TERM_THEN_NUMBER = re.compile(LEVEL + r"(?P<term>" + TERM + r")(?:名单)?(?:达到|达|共|为|数)?\s*" + NUMBER + r"\s*(?P<unit>" + UNIT + r")")
# 41家绿色工厂 | 45家市级绿色工厂 | 3家绿色供应链管理企业
NUMBER_THEN_TERM = re.compile(NUMBER + r"\s*(?P<unit>" + UNIT + r")" + r"(?:企业|单位|产品)?(?:先后)?(?:被评为|被认定为|拟认定为|认定为|符合|入选|获评|为)?" + LEVEL + r"(?P<term>" + TERM + r")")
PERCENT = re.compile(
    r"(?P<indicator>[\u4e00-\u9fa5、“”]{2,30}?)(?:较|比)?(?:“十三五”末|20\d{2}年|上年)?(?:分别)?"
    r"(?P<direction>下降|降低|提高|提升|达到|增长|保持在|不超过|不高于)(?P<values>\d+(?:\.\d+)?%(?:、\d+(?:\.\d+)?%)*)")
TARGET_CUE = re.compile(r"到\s*(?P<year>20\d{2})\s*年|(?P<plan>计划|目标|力争|争取|未来\s*\d+\s*年|将(?:创建|培育|建成|新增|打造)|每年)")
CUMULATIVE_CUE = re.compile(r"累计|截至|截止|至此|共有|已有|已在|先后|总数|已累计")
REMOVED_CUE = re.compile(r"移出|撤销|取消其?荣誉")
# What every count and star continuation has: a number, then its unit (8家, 三个, 50 家)
COUNT_CUE = re.compile(r"(?:\d|[一二三四五六七八九十两])\s*" + UNIT)
SENTENCE = re.compile(r"[^。；;！!？?\n]+")
REGION_IN_SENTENCE = re.compile(r"([\u4e00-\u9fa5]{2,6}?(?:省|市|县|区|自治区))(?:共有|新增|已|累计|的|共|有|今年|将)")


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


def _number(value: str) -> float:
    if not value[0].isdigit():
        from greenmfg.extract.classify import chinese_number

        return chinese_number(value.replace("两", "二"))
    number = float(value)
    return int(number) if number.is_integer() else number


def sentences(text: str) -> tuple[str, ...]:
    return _sentences(clean_text(text))


@lru_cache(maxsize=256)  # the fact patterns and the names in prose split the same cleaned body
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in SENTENCE.findall(text) if s.strip())


PLAN_END = re.compile(r"到\s*(20\d{2})\s*年|(20\d{2})\s*[—\-–~至]\s*(20\d{2})\s*年")
STAR_CONTINUATION = re.compile(r"[,，、(（](?:其中)?(?P<level>[二三四五]星级|国家级|省级|市级)(?P<value>\d+)(?P<unit>家|个)")
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
        _sentence_facts(prose, target_year) + _table_facts(lines, table_lines, target_year))


def _sentence_facts(text: str, default_year: int | None) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple] = set()
    for sentence in sentences(text):
        if TERM_MARK not in sentence and "%" not in sentence:
            continue  # neither a count of designations nor a percentage target
        counted = COUNT_CUE.search(sentence) is not None
        if not counted and "%" not in sentence:
            continue  # a designation named, but no number of them
        target = TARGET_CUE.search(NOUN_PLAN.sub("", sentence))
        if target and not target.group("year") and CUMULATIVE_CUE.search(sentence):
            target = None  # "截至去年底…累计创建": an achieved total, whatever plans the sentence names
        target_year = int(target.group("year")) if target and target.group("year") else (
            default_year if target else None)
        kind = "policy_target" if target else "reported_count"
        region = REGION_IN_SENTENCE.search(sentence) if counted else None
        for match in _count_matches(sentence) if counted else ():
            dtype = term_type(match.group("term"))
            value = _number(match.group("value"))
            indicator = _clause_indicator(sentence, match.start())
            key = (sentence, dtype, value)
            if key in seen:
                continue
            seen.add(key)
            facts.append(Fact(
                record_type=kind, designation_type=dtype, value=value, unit=match.group("unit"),
                evidence=sentence, level=_level(match.group("level")), indicator=indicator,
                target_year=target_year, cumulative=bool(CUMULATIVE_CUE.search(sentence)) if kind == "reported_count" else None,
                region_name=region.group(1) if region else None))
        facts += _star_continuations(sentence, kind, target_year, region) if counted else []
        if target:
            for match in PERCENT.finditer(sentence):
                for value in match.group("values").split("、"):
                    facts.append(Fact("policy_target", None, _number(value.rstrip("%")), "%", sentence,
                                      indicator=f"{match.group('indicator')}{match.group('direction')}",
                                      target_year=target_year))
    return facts


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


def _star_continuations(sentence: str, kind: str, target_year, region) -> list[Fact]:
    """五星级绿色工厂8家,四星级60家 | 绿色工厂8个(其中国家级2个、省级6个): the term carries over."""
    out = []
    for m in STAR_CONTINUATION.finditer(sentence):
        before = list(TERM_PATTERN.finditer(sentence[:m.start()]))
        if not before:
            continue
        out.append(Fact(kind, term_type(before[-1].group(0)), _number(m.group("value")), m.group("unit"), sentence,
                        level=_level(m.group("level")), indicator="designations", target_year=target_year,
                        cumulative=bool(CUMULATIVE_CUE.search(sentence)) if kind == "reported_count" else None,
                        region_name=region.group(1) if region else None))
    return out


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
TERM_THEN_NUMBER_START = re.compile(r"[国省市县区绿二三四五]")


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
