"""Counts and targets in tables pasted as text (cells split by tabs, a row a line).

Layouts are read by their header row: indicators as rows (序号 | 指标名称 | 单位 | 2020年基数 |
2025年目标), regions as rows (地区 | 国家级绿色工厂（家） | 省级绿色工厂（家）, or 地区 | 国家级 |
省级 under a caption that names the type), years as rows (年份 | 绿色工厂（家） | 绿色园区（个）), levels
as rows, regions × years, indicators × places. Each fact keeps its row as evidence.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from greenmfg.extract.clauses import reported_period, target_kind
from greenmfg.extract.numbers import UNIT
from greenmfg.extract.terms import (
    LEVEL_WORD,
    STAR,
    TERM,
    YEAR_MENTION,
    clean_indicator,
    level_code,
    star_rating,
    term_type,
)

INDICATOR = re.compile(r"(?:主要|考核|重点|核心|[一二三]级)?(?:指标|项目)(?:名称|内容)?|名称")
UNIT_HEADER = re.compile(r"(?:计量)?单位")
# A column of regions: 地区, 区县, 县(市、区), 镇街(园区), 各乡镇 … (division words, parenthesised alternatives)
DIVISION = r"(?:[县市区州盟旗镇乡]|街道|镇街|乡镇|地区|区域|设区市|地市|园区|开发区|板块|片区)"
REGION_HEADER = re.compile(r"各?" + DIVISION + r"(?:[(（、,]?" + DIVISION + r"[)）]?)*")
# A region named in a header cell (a breakdown's columns): 涪城区, 江油市, 高新区, 全市
PLACE = re.compile(r"全[市省县区]|[\u4e00-\u9fa5]{1,8}(?:区|县|市|旗|镇|乡|街道)")
YEAR_HEADER = re.compile(
    r"(20\d{2})\s*年?(?:度)?\s*[(（]?(目标值?|基数|基期值?|现状值?|完成值?|完成情况|实际完成值?|实际值?|完成)?(?<=[^(（])[)）]?"
)  # (2030年(目标值): the qualifier in brackets too)
LEVEL_HEADER = re.compile(r"(?:" + LEVEL_WORD + r")")
LEVEL_OF_ABOVE = re.compile(r"其中:?(" + LEVEL_WORD + r")(?:[(（][^)）]{1,4}[)）])?")
TERM_IN = re.compile(TERM)
UNIT_IN_CELL = re.compile(r"[(（]\s*([^)）]+?)\s*[)）]")
# a value cell, after its baseline if it names one (比2015年下降15%左右, 较上年提高2%)
VALUE = re.compile(
    r"^(?:[比较]\s*(?:20\d{2}\s*年(?:底|末)?|上年|去年|基期|“?十[二三四五]五”?末)\s*)?"
    r"(?P<direction>下降|降低|提高到|提高|提升到|提升|达到)?[≥>＞≧约]?\s*(\d+(?:\.\d+)?)\s*(%|家|个|种|项|款|户)?"
    r"\s*(?:以上|左右)?$"
)
TOTAL_ROW = re.compile(r"^(?:合计|总计|小计|全市|全省|全区|全县)$")
# A sum of the rows: no region. (A breakdown's 全市 names the region, as the district rows do.)
SUM_ROW = re.compile(r"^(?:合计|总计|小计)$")
COUNT_UNIT = re.compile(UNIT)  # (a column counted in 家, 个…; not 万元 or 分)
STAR_HEADER = re.compile(r"(?P<star>" + STAR + r")(?:\((?P<unit>家|个)\))?")
LEVELS_HEADER = re.compile(r"级别|层级|等级|级次")  # a column of levels: 国家级 | 省级 | 合计
# a column of amounts with no year (指标 | 单位 | 数量 | 比上年增加): a stock, or what was added
AMOUNT_HEADER = re.compile(
    r"(?:数量|数值|个数|总数|累计|现有|(?:本年|当年|年内)?新增|比上年末?(?:增加|增长|新增)|增加|增量)(?:数量?|数)?"
)
NOT_DESIGNATED_ROW = re.compile(r"申报|推荐|培育|候选|储备|后备|机构|服务|评价|项目|计划")
YEARS_HEADER = re.compile(r"年份|年度|年|时间|时期")  # a column of years: 2019 | 2020年 | 合计
YEAR_ROW = re.compile(r"(20\d{2})\s*年?度?(?:\((?P<note>实绩|实际|完成|完成值|预计|目标)\))?")  # 2024年(实绩): done
PERIOD = re.compile(r"累计|合计|20\d{2}年")
PLAN_CAPTION = re.compile(r"目标|任务|计划|分解|力争|规划")
CUMULATIVE_CAPTION = re.compile(r"截至|截止|累计|现有|情况")
BASELINE = ("基数", "基期", "现状")
DONE = ("完成", "实际")


class Column(NamedTuple):
    index: int
    role: str  # indicator | unit | region | year | term | level
    year: int | None = None
    qualifier: str = ""
    designation_type: str | None = None
    level: str | None = None
    unit: str | None = None


def header_columns(cells: list[str]) -> list[Column]:
    columns = []
    for index, raw in enumerate(cells):
        cell = raw.replace(" ", "")
        if INDICATOR.fullmatch(cell):
            columns.append(Column(index, "indicator"))
        elif UNIT_HEADER.fullmatch(cell):
            columns.append(Column(index, "unit"))
        elif REGION_HEADER.fullmatch(cell):
            columns.append(Column(index, "region"))
        elif match := YEAR_HEADER.fullmatch(cell):
            columns.append(Column(index, "year", int(match.group(1)), match.group(2) or ""))
        elif cell.endswith("目标") or cell in ("目标值", "指标值"):
            columns.append(Column(index, "year", None, "目标"))
        elif (level := LEVEL_OF_ABOVE.fullmatch(cell)) and columns and columns[-1].role == "term":
            # 其中国家级（家）: a part of the type column before it, at a level
            columns.append(columns[-1]._replace(index=index, level=level_code(level.group(1))))
        elif term := TERM_IN.search(cell):
            unit = UNIT_IN_CELL.search(cell)
            level = LEVEL_HEADER.search(cell[: term.start()])
            if level and cell.startswith(("以上", "及以上"), level.end()):
                level = None  # 省级以上绿色工厂: several levels
            year = YEAR_MENTION.search(cell[: term.start()])  # 2024年新增绿色工厂（家）: that year's column
            columns.append(
                Column(
                    index,
                    "term",
                    int(year.group(1)) if year else None,
                    designation_type=term_type(term.group(0)),
                    level=level_code(level.group(0)) if level else None,
                    unit=unit.group(1) if unit else None,
                )
            )
        elif LEVEL_HEADER.fullmatch(cell):
            columns.append(Column(index, "level", level=level_code(cell)))
        elif star := STAR_HEADER.fullmatch(cell):  # 五星级(家): a star tier of the caption's type
            columns.append(Column(index, "level", qualifier=star.group("star"), unit=star.group("unit")))
        elif LEVELS_HEADER.fullmatch(cell):
            columns.append(Column(index, "levels"))
        elif YEARS_HEADER.fullmatch(cell):
            columns.append(Column(index, "years"))
        elif AMOUNT_HEADER.fullmatch(cell):
            columns.append(Column(index, "amount", qualifier=cell))
        elif PLACE.fullmatch(cell):
            columns.append(Column(index, "place", qualifier=cell))
    return columns


def table_facts(
    rows: list[tuple[str, list[str]]], caption: str, page_year: int | None, plan_year: int | None
) -> list[dict] | None:
    """Facts of one table (its rows as (line, cells)), or None when no header says what it holds."""
    rows = _wrapped_header_joined(rows)
    for position, (_, cells) in enumerate(rows):
        columns = _places_first(cells, header_columns(cells), rows[position + 1 :])
        roles = {c.role for c in columns}
        if columns and _spanning_header(cells, rows[position + 1 :]):
            return None  # a header cell spans columns (绿色工厂 over 2024年 | 2025年): read by the older row rules
        if "indicator" in roles and "year" in roles:
            return _indicator_rows(rows[position + 1 :], columns, page_year, plan_year)
        if "region" in roles and roles & {"term", "level"}:
            return _region_rows(rows[position + 1 :], columns, caption + " ".join(cells), page_year, plan_year)
        if "levels" in roles and "term" in roles:
            return _level_rows(rows[position + 1 :], columns, caption, page_year, plan_year)
        if "years" in roles and "term" in roles:
            return _year_rows(
                rows[position + 1 :], columns, caption + " ".join(cells), page_year, _caption_level(caption)
            )
        if (
            "region" in roles
            and "year" in roles
            and TERM_IN.search(context := _with_header_rows(caption, rows, position))
        ):
            return _region_years(rows[position + 1 :], columns, context, page_year)
        if (
            "indicator" in roles
            and sum(c.role == "place" for c in columns) >= 2
            and not _periods_follow(rows, position)
        ):
            return _place_columns(rows[position + 1 :], columns, caption, page_year, plan_year)
        if "indicator" in roles and "amount" in roles:
            return _amount_rows(rows[position + 1 :], columns, caption, page_year, plan_year)
    return None


def _wrapped_header_joined(rows: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """A header wrapped onto a second row of no values (县(市、区) | 省级以上 | 其中: | 绿色工业 / | 绿色工厂（家） |
    国家级（家） | 园区（个）): joined cell by cell, where that names more columns than the first row alone."""
    for position in range(len(rows) - 1):
        (line, cells), (below_line, below) = rows[position], rows[position + 1]
        if any(VALUE.match(cell.strip()) for cell in cells + below) or len(below) > len(cells):
            continue
        # (the second row's empty first cell may be lost with the line's leading tab: then it sits one to the right)
        shifts = (0, 1) if len(below) == len(cells) - 1 else (0,)
        joined = max(
            (
                [
                    cell + (below[i - shift].strip() if 0 <= i - shift < len(below) else "")
                    for i, cell in enumerate(cells)
                ]
                for shift in shifts
            ),
            key=_named_columns,
        )
        if _named_columns(joined) > _named_columns(cells):
            return [*rows[:position], (f"{line}\n{below_line}", joined), *rows[position + 2 :]]
    return rows


def _named_columns(cells: list[str]) -> int:
    return sum(c.role in ("term", "level") for c in header_columns(cells))


def _places_first(header: list[str], columns: list[Column], below) -> list[Column]:
    """A first column its header does not name (单位名称, 名称) whose cells are places (黄州区, 麻城市,
    合计): a column of regions, as its rows show."""
    if not columns or columns[0].index == 0 or {"region", "years", "indicator"} & {c.role for c in columns}:
        return columns
    if any(c.unit and not COUNT_UNIT.fullmatch(c.unit) for c in columns) or NOT_DESIGNATED_ROW.search(header[0]):
        return columns  # (奖补资金(万元), 得分(分); 推荐单位: money, scores, nominations)
    firsts = [cells[0].replace(" ", "") for _, cells in below if cells and cells[0].strip()]
    places = sum(bool(PLACE.fullmatch(cell) or TOTAL_ROW.match(cell)) for cell in firsts)
    if len(firsts) < 2 or places < len(firsts) * 0.8:
        return columns
    return [Column(0, "region"), *columns]


def place_value_rows(
    rows: list[tuple[str, list[str]]], caption: str, page_year: int | None, plan_year: int | None
) -> list[dict] | None:
    """A table of two columns, places and values, with no header, whose caption names the type
    (二、分市目标（2025年新培育省级以上绿色工厂） / 西安市 | 25家): a value per place; None if not one."""
    term = TERM_IN.search(caption)
    if (
        not term
        or len(rows) < 2
        or not all(
            len(cells) == 2 and PLACE.fullmatch(cells[0].strip()) and VALUE.match(cells[1].strip()) for _, cells in rows
        )
    ):
        return None
    planned = PLAN_CAPTION.search(caption) is not None
    year = caption_year(caption, page_year) or plan_year or page_year
    level = _caption_level(caption)
    return [
        _fact(
            "policy_target" if planned else "reported_count",
            term_type(term.group(0)),
            VALUE.match(cells[1].strip()),
            "",
            line,
            caption,
            year,
            None if SUM_ROW.match(cells[0].strip()) else cells[0].strip(),
            level,
            target_kind(caption) or "stock",
        )
        for line, cells in rows
    ]


def _spanning_header(header: list[str], below) -> bool:
    """A header over two rows (县区 | 省级以上绿色工厂 | 绿色园区 / 2024年 | 2025年 | 2025年) whose rows
    are wider than it: some header cell covers several columns, which text cannot show."""
    if len(below) < 2 or any(VALUE.match(cell.strip()) for cell in below[0][1]):
        return False
    return len(below[1][1]) > len(header)


def _with_header_rows(caption: str, rows, position: int) -> str:
    """The caption and the rows that continue a header wrapped over lines (新增 | 新增 / 绿色工厂 | 绿色工厂)."""
    more = []
    for _, cells in rows[position + 1 : position + 5]:
        if any(VALUE.match(cell.strip()) for cell in cells[1:]):
            break
        more.append(" ".join(cells))
    return " ".join([caption, *more])


def _periods_follow(rows, position: int) -> bool:
    """A row of periods under the header (累计 | 2017年 | 累计 | 2017年 …): another layout."""
    below = rows[position + 1][1] if position + 1 < len(rows) else []
    return sum(1 for cell in below if PERIOD.fullmatch(cell.replace(" ", ""))) >= 2


def _level_rows(rows, columns, caption: str, page_year, plan_year) -> list[dict]:
    """Levels as rows, types as columns (级别 | 绿色工厂 | 绿色园区 / 国家级 | 33 | 3 / 合计 | …): a value
    per level and type; the total row's have no level."""
    levels = next(c for c in columns if c.role == "levels")
    planned = PLAN_CAPTION.search(caption) is not None
    year = caption_year(caption, page_year)
    out = []
    for line, cells in rows:
        label = cells[levels.index].replace(" ", "") if levels.index < len(cells) else ""
        level = LEVEL_HEADER.fullmatch(label)
        if not (level or TOTAL_ROW.match(label)):
            continue
        for column in (c for c in columns if c.role == "term" and c.index < len(cells)):
            if value := VALUE.match(cells[column.index].strip()):
                out.append(
                    _fact(
                        "policy_target" if planned else "reported_count",
                        column.designation_type,
                        value,
                        column.unit or "",
                        line,
                        caption,
                        year or plan_year or page_year,
                        None,
                        level_code(level.group(0)) if level else None,
                        target_kind(caption) or "stock",
                    )
                )
    return out


def _amount_rows(rows, columns, caption: str, page_year, plan_year) -> list[dict]:
    """Indicators as rows, amounts as columns (指标 | 单位 | 数量 | 比上年增加): a designation count per
    row and column, a stock or what was added (by the column's name); targets under a plan's caption."""
    by_role = {c.role: c for c in columns}
    planned = PLAN_CAPTION.search(caption) is not None
    out = []
    for line, cells in rows:
        name = cells[by_role["indicator"].index].replace(" ", "") if by_role["indicator"].index < len(cells) else ""
        term = TERM_IN.search(name)
        stated = cells[by_role["unit"].index] if "unit" in by_role and by_role["unit"].index < len(cells) else ""
        if NOT_DESIGNATED_ROW.search(name):
            continue  # 申报绿色工厂企业, 绿色工厂培育库企业, 第三方评价机构: no designations
        for column in (c for c in columns if c.role == "amount" and c.index < len(cells) and term):
            value = VALUE.match(cells[column.index].strip())
            if not value or (value.group(3) or stated) == "%":
                continue
            added = "增" in column.qualifier
            fact = _fact(
                "policy_target" if planned else "reported_count",
                term_type(term.group(0)),
                value,
                stated,
                line,
                caption,
                caption_year(caption, page_year) or plan_year or page_year,
                None,
                _level_before(name, term),
                "new_in_period" if added else target_kind(caption) or "stock",
                star=star_rating(name),
            )
            out.append(fact | ({} if planned else {"period_kind": "new_in_period" if added else "cumulative"}))
    return out


def _year_rows(rows, columns, context: str, page_year, level: str | None) -> list[dict]:
    """Years as rows, types as columns (年份 | 绿色工厂（家） | 绿色园区（个） / 2019 | 11 | 1 / 合计 | …): a
    value per year and type, that year's own; a year to come in a plan is its target, a year past
    is reported (in a plan, a past year's row is neither); the total row sums the years above it
    (a plan's total is its target by the last of them)."""
    years = next(c for c in columns if c.role == "years")
    planned = PLAN_CAPTION.search(YEARS_NOTE.sub("", context)) is not None
    notes = _years_noted(context)
    out, last_year = [], None
    for line, cells in rows:
        label = cells[years.index].replace(" ", "") if years.index < len(cells) else ""
        year = YEAR_ROW.fullmatch(label)
        if year:
            row_year = last_year = int(year.group(1))
            note = year.group("note") or notes.get(row_year)
            done = note in DONE_NOTES
            record = "reported_count" if done else _year_row_kind(row_year, planned or note in PLAN_NOTES, page_year)
        elif SUM_ROW.match(label) and last_year:
            row_year = last_year if planned else None
            record = _year_row_kind(last_year, planned, page_year)
        else:
            continue
        if record is None:
            continue
        for column in (c for c in columns if c.role == "term" and c.index < len(cells)):
            value = VALUE.match(cells[column.index].strip())
            if value and not (record == "policy_target" and float(value.group(2)) == 0):  # nothing to create
                fact = _fact(
                    record,
                    column.designation_type,
                    value,
                    column.unit or "",
                    line,
                    context,
                    row_year,
                    None,
                    column.level or level,
                    target_kind(context) or "new_in_period",
                )
                out.append(
                    fact
                    if record == "policy_target"
                    # a year's row: what that year added
                    else fact | {"period_kind": reported_period(context) or "new_in_period", "cumulative": False}
                )
    return out


DONE_NOTES = ("实绩", "实际", "完成", "完成值")
PLAN_NOTES = ("目标", "预期", "计划", "规划")
# what the years of a table are, in a note above it (2022—2024年为实绩,2025—2027年为目标)
YEARS_NOTE = re.compile(
    r"(20\d{2})\s*年?\s*(?:[—\-–~至到]\s*(20\d{2})\s*年?)?\s*(?:为|是)\s*(?:当年|各年|年度)?(?:新增)?("
    + "|".join(DONE_NOTES + PLAN_NOTES)
    + r")(?:值|数)?(?=[,;。)）]|$)"
)  # (2025年是规划的收官之年: no note)


def years_note(text: str) -> str:
    """The notes of what a table's years are, in the text above it ("" if none): for its caption."""
    return "".join(f"({m.group(0)})" for m in YEARS_NOTE.finditer(text))


def _years_noted(context: str) -> dict[int, str]:
    """Each year a note names, with what it is ({2022: 实绩, …, 2025: 目标, …})."""
    out = {}
    for match in YEARS_NOTE.finditer(context):
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        out |= {year: match.group(3) for year in range(first, last + 1)} if last - first < 20 else {}
    return out


def _year_row_kind(year: int, planned: bool, page_year: int | None) -> str | None:
    to_come = page_year is None or year >= page_year
    if planned:
        return "policy_target" if to_come else None
    return "reported_count" if not page_year or year <= page_year else "policy_target"


def _caption_level(caption: str) -> str | None:
    """The one level a caption gives its whole table (新增国家级绿色制造示范单位); none for 省级以上."""
    level = LEVEL_HEADER.search(caption)
    if not level or caption.startswith(("以上", "及以上"), level.end()):
        return None
    return level_code(level.group(0))


def _region_years(rows, columns, caption: str, page_year) -> list[dict]:
    """Regions as rows, years as columns, the type in the caption (各镇街省级以上绿色工厂创建任务分解表:
    镇街 | 2024年 | 2025年): a value per region and year."""
    region_column = next(c for c in columns if c.role == "region")
    term = TERM_IN.search(caption)
    level = LEVEL_HEADER.search(caption[: term.start()])
    if level and caption.startswith(("以上", "及以上"), level.end()):
        level = None  # 省级以上: several levels
    planned = PLAN_CAPTION.search(caption) is not None
    kind = target_kind(caption) or "new_in_period"  # a value per year: that year's
    out = []
    for line, cells in rows:
        region = cells[region_column.index].strip() if region_column.index < len(cells) else ""
        for column in (c for c in columns if c.role == "year" and c.year and c.index < len(cells)):
            value = VALUE.match(cells[column.index].strip())
            record = _column_kind(column, page_year) if planned else "reported_count"
            if not value or not region or record is None:
                continue
            out.append(
                _fact(
                    record,
                    term_type(term.group(0)),
                    value,
                    "",
                    line,
                    caption,
                    column.year,
                    None if SUM_ROW.match(region) else region,
                    level_code(level.group(0)) if level else None,
                    kind,
                )
            )
    return out


def _place_columns(rows, columns, caption: str, page_year, plan_year) -> list[dict]:
    """Indicators as rows, regions as columns (指标 | 涪城区 | 游仙区 …): a value per indicator and region,
    for the caption's year (到2024年) or the plan's."""
    by_role = next(c for c in columns if c.role == "indicator")
    planned = PLAN_CAPTION.search(caption) is not None
    year = caption_year(caption, page_year)
    out = []
    for line, cells in rows:
        name = cells[by_role.index].replace(" ", "") if by_role.index < len(cells) else ""
        term = TERM_IN.search(name)
        stated = UNIT_IN_CELL.search(name)
        for column in (c for c in columns if c.role == "place" and c.index < len(cells)):
            value = VALUE.match(cells[column.index].strip())
            unit = (value.group(3) if value else None) or (stated.group(1) if stated else "")
            if not value or not (term or unit == "%"):
                continue
            region = None if SUM_ROW.match(column.qualifier) else column.qualifier
            record = "policy_target" if planned else "reported_count"
            if unit == "%":
                if planned:
                    out.append(
                        _fact(
                            record,
                            None,
                            value,
                            "%",
                            line,
                            caption,
                            year or plan_year or page_year,
                            region,
                            None,
                            "percent_change",
                            clean_indicator(UNIT_IN_CELL.sub("", name)),
                        )
                    )
                continue
            out.append(
                _fact(
                    record,
                    term_type(term.group(0)),
                    value,
                    unit,
                    line,
                    caption,
                    year or plan_year or page_year,
                    region,
                    _level_before(name, term),
                    target_kind(name + caption) or "stock",
                    star=star_rating(name),
                )
            )
    return out


def _fact(
    record, dtype, value, unit, line, caption, year, region, level, kind, indicator="designations", star=None
) -> dict:
    planned = record == "policy_target"
    return {
        "record_type": record,
        "designation_type": dtype,
        "value": _number(value.group(2)),
        "unit": unit or value.group(3) or "家",
        "evidence": line,
        "indicator": indicator,
        "level": level,
        "target_year": year if planned else None,
        "cumulative": None if planned else True,
        "region_name": region,
        "target_kind": kind if planned else None,
        "period_kind": None if planned else reported_period(caption) or "cumulative",
        "star_rating": star if dtype == "green_factory" else None,
        "value_text": value.group(2),
    }


def _indicator_rows(rows, columns, page_year, plan_year) -> list[dict]:
    by_role = {c.role: c for c in columns}
    later = any(c.role == "year" and c.year and page_year and c.year >= page_year for c in columns)
    out = []
    for line, cells in rows:
        name = cells[by_role["indicator"].index] if by_role["indicator"].index < len(cells) else ""
        term = TERM_IN.search(name.replace(" ", ""))
        stated_unit = cells[by_role["unit"].index] if "unit" in by_role and by_role["unit"].index < len(cells) else ""
        for column in (c for c in columns if c.role == "year" and c.index < len(cells)):
            value = VALUE.match(cells[column.index].strip())
            if not value:
                continue
            unit = value.group(3) or stated_unit or (m.group(1) if (m := UNIT_IN_CELL.search(name)) else "")
            kind = _column_kind(column, page_year, later)
            if kind is None or (unit != "%" and not term):
                continue
            planned = kind == "policy_target"
            out.append(
                {
                    "record_type": kind,
                    "designation_type": None if unit == "%" else term_type(term.group(0)),
                    "value": _number(value.group(2)),
                    "unit": unit,
                    "evidence": line,
                    "indicator": clean_indicator(UNIT_IN_CELL.sub("", name)) + (value.group("direction") or "")
                    if unit == "%"
                    else "designations",
                    "level": None if unit == "%" else _level_before(name, term),
                    "target_year": (column.year or plan_year or page_year) if planned else None,
                    "cumulative": None if planned else True,
                    "target_kind": ("percent_change" if unit == "%" else target_kind(name) or "stock")
                    if planned
                    else None,
                    "period_kind": None if planned else "cumulative",
                    "star_rating": star_rating(name)
                    if unit != "%" and term_type(term.group(0)) == "green_factory"
                    else None,
                    "value_text": value.group(2),
                }
            )
    return out


def _column_kind(column: Column, page_year: int | None, later: bool = False) -> str | None:
    """A target column (目标, or a year not past), a completion column (完成: a report), or a baseline (none)."""
    if any(word in column.qualifier for word in BASELINE):
        return None
    if any(word in column.qualifier for word in DONE):
        return "reported_count"
    if column.year and page_year and column.year < page_year:
        # a past year beside a year to come (2020年 | 2025年 in a plan of 2021): the base, as it stood then;
        # alone, a past year's goal: neither a goal now nor what was achieved
        return "reported_count" if later else None
    return "policy_target"


def _region_rows(rows, columns, context: str, page_year, plan_year) -> list[dict]:
    region_column = next(c for c in columns if c.role == "region")
    caption_term = TERM_IN.search(context)
    planned = PLAN_CAPTION.search(context) is not None
    year = caption_year(context, page_year)
    out = []
    for line, cells in rows:
        if region_column.index >= len(cells):
            continue
        region = cells[region_column.index].strip()
        for column in (c for c in columns if c.role in ("term", "level") and c.index < len(cells)):
            value = VALUE.match(cells[column.index].strip())
            dtype = column.designation_type or (term_type(caption_term.group(0)) if caption_term else None)
            if not value or not dtype or not region:
                continue
            cumulative = bool(CUMULATIVE_CAPTION.search(context))
            out.append(
                {
                    "record_type": "policy_target" if planned else "reported_count",
                    "designation_type": dtype,
                    "value": _number(value.group(2)),
                    "unit": value.group(3) or column.unit or "家",
                    "evidence": line,
                    "indicator": "designations",
                    "level": column.level,
                    "target_year": (column.year or year or plan_year or page_year) if planned else None,
                    "cumulative": None if planned else cumulative,
                    "region_name": None if SUM_ROW.match(region) else region,
                    "target_kind": target_kind(context) or "stock" if planned else None,
                    "period_kind": None if planned else "cumulative" if cumulative else reported_period(context),
                    "value_text": value.group(2),
                    "star_rating": star_rating(column.qualifier) if column.qualifier else None,
                }
            )
    return out


def caption_year(caption: str, page_year: int | None) -> int | None:
    """The first year a caption names that is not past (到2024年, 2025年目标)."""
    return next((int(y) for y in YEAR_MENTION.findall(caption) if not page_year or int(y) >= page_year), None)


def _level_before(name: str, term: re.Match) -> str | None:
    level = LEVEL_HEADER.search(name.replace(" ", "")[: term.start()])
    return level_code(level.group(0)) if level else None


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value
