"""Rows of a list table → one record per designated entity.

Finds the header row by its column names (synonyms differ between issuers), maps columns
to canonical fields, and tells data rows from title rows, repeated page headers and
category/note rows such as "一、家用洗涤剂（58种）" or "适用评价标准：…".

One attachment may hold several designation types (a combined list): each row takes its own
type from its type column (名单类别/类别 …: 绿色工厂), else the section row above it
("二、绿色工业园区"), else its sheet's name ("绿色园区"); None when the table does not say.
A header row after data rows (a new section's or sheet's) switches the column mapping.

Only a table that lists entities yields rows: a table whose header has no name column (the
evaluation standards after a design-product list: 序号 | 指标名称 | 要求 | 判定依据) yields
none, and a row whose "name" is a sentence is rejected (`Extraction.rejected`), never published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from greenmfg.extract.classify import designation_type
from greenmfg.extract.normalize import nfkc
from greenmfg.extract.readers import TableStart

HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "序"),
    "region_text": (
        "地区",
        "所在地区",
        "省份",
        "所在地",
        "所在省份",
        "省市",
        "地市",
        "区域",
        "所属地区",
        "县市区",
        "设区市",
        "所在市",
        "所属市",
        "所在城市",
        "城市",
        "市州",
        "所在市州",
        "所属市州",
        "所在县",
        "所在区",
        "区县",
        "县区",
        "所属区县",
    ),
    "name": (
        "企业名称",
        "单位名称",
        "工厂名称",
        "园区名称",
        "园区",
        "申报单位",
        "企业",
        "名称",
        "生产企业",
        "申报企业",
    ),
    "industry": ("行业", "所属行业", "行业类别"),
    "evaluator": ("第三方评价机构", "第三方评价机构名称", "评价机构", "第三方机构"),
    "product_name": ("产品名称",),
    "product_model": ("产品型号", "型号", "规格型号"),
    "recommender": ("推荐单位",),
    "category": (
        "类型",
        "类别",
        "名单类别",
        "名单类型",
        "申报类别",
        "申报类型",
        "所属类别",
        "类别名称",
        "荣誉类别",
        "荣誉名称",
        "称号",
        "荣誉称号",
        "获评类别",
        "项目类别",
        "支持类别",
        "奖励类别",
    ),
    "star_level": ("星级",),
    "outcome": (
        "结论",
        "状态",
        "结果",
        "认定结果",
        "评审结果",
        "评价结论",
        "复核结果",
        "复核结论",
        "核查结论",
        "审核结果",
        "核查结果",
        "动态管理结果",
        "是否通过",
        "处理意见",
    ),
}
_LOOKUP = {syn: canon for canon, syns in HEADER_SYNONYMS.items() for syn in syns}
SPECIFIC_NAMES = frozenset(HEADER_SYNONYMS["name"]) - {"名称", "企业"}
# Column names of tables that are not lists (evaluation standards and their indicators): a row
# of them after a list is a new table's header, not data.
OTHER_HEADER_WORDS = frozenset(
    (
        "标准名称",
        "标准编号",
        "标准号",
        "指标名称",
        "指标",
        "指标要求",
        "一级指标",
        "二级指标",
        "三级指标",
        "评价指标",
        "指标类别",
        "要求",
        "评价要求",
        "基本要求",
        "判定依据",
        "评价依据",
        "评价方法",
        "基准值",
        "限值",
        "权重",
        "分值",
        "得分",
        "条款",
        "适用范围",
        "计算方法",
    )
)
CATEGORY = re.compile(r"^[一二三四五六七八九十百]+[、.．]\s*\S")
NOTE = re.compile(r"^(适用评价标准|绿色设计亮点|备注|注)[:：]")
SEQ = re.compile(r"^\d{1,5}$")
FOOTNOTE_MARKS = "*＊※△▲#"
# An outcome cell saying the row's entity is not (or no longer) designated: 培育, 撤销, 未通过 …
# …but kept: 保留, 不予撤销, 整改后通过, 已取消星级,保留称号
KEPT = re.compile(r"保留|不予|(?<![未不])通过|(?<!不)合格")
REVOKED_SECTION = re.compile(r"撤销|取消|摘牌|移出|除名")
NOT_DESIGNATED = re.compile(r"培育|后备|储备|候选|未通过|不通过|未获|不予|撤销|取消|摘牌|移出|不合格|不达标|整改|暂缓")
SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 14)  # regions, industries, evaluators, headers repeat row after row
def fold(text: str) -> str:
    """Full-width → half-width, no spaces: for matching only (originals are kept)."""
    return SPACES.sub("", nfkc(text or ""))


# --- designation type of a label: a type column's cell, a section row, a sheet's name -------
_TYPE_WORDS = re.compile(r"供应链|设计产品|绿色产品|园区|工厂")  # a label naming two types says none
_TYPE_WORD_CODE = {
    "供应链": "green_supply_chain",
    "设计产品": "green_design_product",
    "绿色产品": "green_design_product",
    "园区": "green_park",
    "工厂": "green_factory",
}
_LABEL_AFFIXES = re.compile(
    r"^(?:附件\d*[:、.]?|第?[一二三四五六七八九十百\d]+(?:[、.]|部分)|\([一二三四五六七八九十百\d]+\))"
    r"|(?:\(\d+[^()]*\)|\d+[家项个种件]|名单|类|示范)+$"
)
# Short labels without 绿色 (classify.designation_type needs it): type cells and sheet names.
_SHORT_LABELS = {
    "工厂": "green_factory",
    "园区": "green_park",
    "工业园区": "green_park",
    "产业园区": "green_park",
    "供应链": "green_supply_chain",
    "供应链管理": "green_supply_chain",
    "供应链企业": "green_supply_chain",
    "供应链管理企业": "green_supply_chain",
    "设计产品": "green_design_product",
    "绿色产品": "green_design_product",
}
SECTION_MAX = 30  # a section or title row longer than this is prose, not a label
_SENTENCE_FOLDED = re.compile(r"[,;:!?。]")
_ATTACHMENT = re.compile(r"^附件\d*[:、.]?")


@lru_cache(maxsize=2048)  # type cells repeat row after row
def label_type(text: str) -> str | None:
    """The designation type a short label names ("绿色工厂", "二、绿色工业园区", "供应链",
    "绿色设计产品（12项）"), None when it names none or several ("绿色工业园区、工厂名单")."""
    folded = fold(text)
    words = {_TYPE_WORD_CODE[w] for w in _TYPE_WORDS.findall(folded)}
    if len(words) != 1:
        return None
    return designation_type(folded) or _SHORT_LABELS.get(_LABEL_AFFIXES.sub("", folded))


def _section_type(folded: str) -> str | None:
    """The type a section or title row names; None for prose (long, or with punctuation)."""
    folded = _ATTACHMENT.sub("", folded)  # 附件1：绿色工厂名单
    if len(folded) > SECTION_MAX or _SENTENCE_FOLDED.search(folded):
        return None
    return label_type(folded)


# --- plausible names --------------------------------------------------------------------
NAME_MAX = 60  # folded characters; MIIT's lists' longest name has 28 (龙竹科技…（原福建龙泰竹家居股份有限公司）)
NAME_LONG = 30  # a name longer than this must end like one (公司, 厂, 园区 …)
NAME_ENDINGS = frozenset("司厂区园矿城地心场院所站社部店馆局会港团体行楼坊室队处校库谷岛湾村镇基)）")
# Sentence punctuation: full-width anywhere, ASCII where Chinese text goes on after it (an
# ASCII "." is left alone: 重庆美心.麦森门业有限公司 is a real name; so is "Co.,Ltd").
SENTENCE_MARK = re.compile(r"[，。；：！？]|[,;:!?](?=\s*[\u3400-\u9fff])")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


def implausible_name(name: str, folded: str | None = None) -> str | None:
    """Why `name` cannot be an enterprise's or park's name (it is a sentence), or None."""
    folded = fold(name) if folded is None else folded
    length = len(folded)
    if length > NAME_MAX:
        return f"{length} characters, longer than any name (at most {NAME_MAX}): {_quote(name)}"
    # outside brackets: "…有限公司（原名：…）" is a name
    if SENTENCE_MARK.search(name) and (mark := SENTENCE_MARK.search(_BRACKETED.sub("", name))):
        return f"sentence punctuation {mark.group(0)!r} in the name: {_quote(name)}"
    if length > NAME_LONG and folded[-1] not in NAME_ENDINGS:
        return f"{length} characters and no name ending (公司, 厂, 园区 …): {_quote(name)}"
    return None


def _quote(text: str, size: int = 24) -> str:
    text = " ".join(text.split())
    return f"«{text[:size]}…»" if len(text) > size else f"«{text}»"


@dataclass
class ListRow:
    row_number: int  # 1-based position in the attachment's table rows (marker rows not counted)
    fields: dict[str, str]
    category: str | None = None
    # green_factory | green_park | green_supply_chain | green_design_product from the row's type
    # column, else its section row, else its sheet's name; None: the table does not say
    designation_type: str | None = None


@dataclass
class Extraction:
    rows: list[ListRow] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (row, reason, text)
    header: dict[int, str] = field(default_factory=dict)
    rejected: list[tuple[int, str, str]] = field(default_factory=list)  # (row, rule, reason): never published


class NoHeaderFound(ValueError):
    pass


def outcome_column(cell: str) -> bool:
    """Whether a header cell names the column of each row's outcome (复核结论: 通过 / 撤销)."""
    return _LOOKUP.get(cell) == "outcome"


def names_column(cell: str) -> bool:
    """The header cell is one of the names column's (企业名称, 名称, 园区名称 …), as written."""
    return _LOOKUP.get(cell) == "name"


def header_map(folded: list[str]) -> dict[int, str]:
    """Column index → canonical field, for a row's folded cells."""
    mapping = {}
    for index, cell in enumerate(folded):
        canon = _LOOKUP.get(cell) or (_bracketed_name(cell) if "(" in cell else None)
        if canon and canon not in mapping.values():
            mapping[index] = canon
    return mapping


BRACKETED = re.compile(r"\(([^()]*)\)")


def _bracketed_name(cell: str) -> str | None:
    """A column name with alternatives in brackets (企业(单位)名称, 县(市、区)): its field, read
    without them (企业名称) or with them run in (县市区); None if neither is known."""
    return _LOOKUP.get(BRACKETED.sub("", cell)) or _LOOKUP.get(
        BRACKETED.sub(lambda m: m.group(1), cell).replace("、", "")
    )


def _is_header(mapping: dict[int, str], folded: list[str]) -> bool:
    """A list's header: a name column and one more. Beside a standards table's column names
    (要求, 判定依据 …) only a specific name column (企业名称, not 名称) makes it one."""
    if len(mapping) < 2 or not ("name" in mapping.values() or "product_name" in mapping.values()):
        return False
    return OTHER_HEADER_WORDS.isdisjoint(folded) or any(
        canon == "name" and folded[index] in SPECIFIC_NAMES for index, canon in mapping.items()
    )


def _header_like(folded: list[str], mapping: dict[int, str]) -> bool:
    """A row of column names, of a list or not: 序号, or two known column names (a standards
    table's: 标准名称, 指标名称, 要求 …). One such word alone may be a data cell."""
    return "seq" in mapping.values() or len(mapping) + len(OTHER_HEADER_WORDS.intersection(folded)) >= 2


def _single_text(row: list[str]) -> str | None:
    """The text of a row that is one merged cell: every cell repeats it (python-docx), or only
    the first cell holds it (openpyxl, xlrd, pdfplumber), else None."""
    filled = [c for c in row if c]
    if not filled or len(set(filled)) != 1:
        return None
    return filled[0] if len(filled) == len(row) or (row[0] and len(filled) == 1) else None


def _side_by_side(table: list) -> list:
    """A list laid out two (or three) entries a row, its header repeated across (序号 | 企业名称 | 序号 |
    企业名称): each entry a row of its own. Only the first header decides; other tables are returned as they are."""
    for at, row in enumerate(table):
        if type(row) is TableStart or not any(row):
            continue
        folded = [fold(c) for c in row]
        if not _is_header(header_map(folded), folded):
            continue
        width = next((len(row) // n for n in (2, 3) if len(row) % n == 0 and folded == folded[: len(row) // n] * n), 0)
        if not width:
            return table
        out = table[:at] + [row[:width]]
        for index, rest in enumerate(table[at + 1 :], at + 1):
            if type(rest) is TableStart:  # the next table or sheet is laid out its own way
                return out + table[index:]
            if len(rest) <= width:
                out.append(rest)
            else:
                out += [part for part in (rest[i : i + width] for i in range(0, len(rest), width)) if any(part)]
        return out
    return table


def extract_rows(table: list[list[str]]) -> Extraction:
    """`table`: a reader's rows, with its TableStart markers where tables and sheets begin."""
    table = _side_by_side(table)
    out = Extraction()
    header_fold: list[str] | None = None
    width = 0  # the current table's column count (its header's)
    listing = True  # False inside a table that is not a list: its rows are skipped
    fresh = False  # a table began (marker): its first row with cells decides what it is
    mergeable = False  # a header row just read, no data yet: a second header row adds to it
    category = section = sheet_type = revoked = None  # revoked: the section row of designations taken back
    number, name_at = 0, -1
    for row in table:
        if type(row) is TableStart:
            fresh, mergeable = True, False
            if row.sheet is not None:  # a new sheet: its name's type, no section or category yet
                sheet_type, section, category, revoked = label_type(row.sheet), None, None, None
            continue
        number += 1
        text = " ".join(c for c in row if c)
        if not text:
            continue
        folded = [fold(c) for c in row]  # once per row: the repeated-header test, the header map, the name check
        if header_fold is None:
            mapping = header_map(folded)
            if _is_header(mapping, folded):
                out.header, header_fold, width, fresh, mergeable = mapping, folded, len(row), False, True
                name_at = _name_at(out.header)
                continue
            single = _single_text(row)
            if single and (dtype := _section_type(fold(single))):  # 一、绿色工厂 or a typed title above the header
                section = dtype
            out.skipped.append((number, "before header", text))
            continue
        if folded == header_fold:
            out.skipped.append((number, "repeated header", text))
            listing, fresh, mergeable = True, False, False
            continue
        mapping = header_map(folded)
        if _is_header(mapping, folded):  # a second header row (a merged two-level header), or a new table's,
            # section's or sheet's: its columns from here on
            out.header = {**out.header, **mapping} if mergeable and listing else mapping
            header_fold, width, listing, fresh, mergeable = folded, len(row), True, False, True
            name_at = _name_at(out.header)
            out.skipped.append((number, "header row", text))
            continue
        single = _single_text(row)
        if single and not SEQ.match(single):
            if (
                out.rows and REVOKED_SECTION.search(single) and not NOTE.match(single) and not KEPT.search(single)
            ):  # 二、撤销绿色工厂称号企业名单: after the list
                revoked = single
                out.skipped.append((number, "revoked section", single))
            elif dtype := _section_type(fold(single)):  # 二、绿色工业园区 / 绿色设计产品（12项）
                revoked = None
                section, category = dtype, single  # the category as before: callers type rows by it
                out.skipped.append((number, "section row", single))
            elif CATEGORY.match(single) and revoked:  # 三、保留称号企业名单: a section of its own
                revoked = None
                out.skipped.append((number, "section row", single))
            elif not listing:
                out.skipped.append((number, "not a list table", single))
            elif CATEGORY.match(single):
                category = single
                out.skipped.append((number, "category row", single))
            else:
                out.skipped.append((number, "note row" if NOTE.match(single) else "title row", single))
            continue
        if (mapping or not OTHER_HEADER_WORDS.isdisjoint(folded)) and _header_like(folded, mapping):
            # a table that is not a list (序号 | 指标名称 | 要求 | 判定依据)
            listing, width, fresh, mergeable = False, len(row), False, False
            out.skipped.append((number, "not a list table", text))
            continue
        if fresh:  # a table without a header: it continues the previous one if it has as many columns
            if len(row) != width:
                listing, width = False, len(row)
            fresh = False
        mergeable = False
        if not listing:
            out.skipped.append((number, "not a list table", text))
            continue
        fields = {canon: row[i] for i, canon in out.header.items() if i < len(row)}
        if (name := fields.get("name")) and name[-1] in FOOTNOTE_MARKS:
            name = fields["name"] = name.rstrip(FOOTNOTE_MARKS)  # 余姚A股份有限公司*: a note's mark
        if not (name or fields.get("product_name")):
            out.skipped.append((number, "no name", text))
            continue
        if name:
            name_fold = folded[name_at] if name_at < len(row) and row[name_at] is name else fold(name)
            if (len(name_fold) > NAME_LONG or SENTENCE_MARK.search(name)) and (
                reason := implausible_name(name, name_fold)
            ):
                out.rejected.append((number, "implausible_name", reason))
                continue
        if revoked:
            out.rejected.append((number, "not_designated", f"under {_quote(revoked)}: {_quote(name or '')}"))
            continue
        if (outcome := fields.get("outcome")) and NOT_DESIGNATED.search(outcome) and not KEPT.search(outcome):
            out.rejected.append((number, "not_designated", f"outcome {_quote(outcome)}: {_quote(name or '')}"))
            continue
        label = fields.get("category")
        if not label and "category" in fields and out.rows and (above := out.rows[-1].fields.get("category")):
            label = fields["category"] = above  # a merged cell: the type of the rows above it
        out.rows.append(
            ListRow(number, fields, category or label, (label_type(label) if label else None) or section or sheet_type)
        )
    if header_fold is None:
        raise NoHeaderFound("no header row with known column names (企业名称/工厂名称/园区名称 …)")
    return out


def _name_at(header: dict[int, str]) -> int:
    """The name column's index, the last of the header's as in a row's fields; -1 if none."""
    indexes = [index for index, canon in header.items() if canon == "name"]
    return indexes[-1] if indexes else -1
