"""Designated names named in a page: inline tables (HTML or pasted pipe tables) and
enumerations in prose ("绿色工厂中,A、B、C上榜")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from greenmfg.extract.facts import TERM, TERM_MARK, TERM_PATTERN, sentences, term_type
from greenmfg.extract.list_rows import _LOOKUP, extract_rows, fold
from greenmfg.extract.normalize import clean_text

COMPANY = re.compile(r"^([\u4e00-\u9fa5A-Za-z0-9()·\-]{2,40}?(?:有限责任公司|股份有限公司|有限公司|股份公司))")
GROUP = re.compile(r"^([\u4e00-\u9fa5A-Za-z0-9()·]{2,20}?集团)$")
PARK = re.compile(r"^([\u4e00-\u9fa5]{2,30}?(?:经济技术开发区|高新技术产业开发区|经济开发区|开发区|工业园区|产业园区|"
                  r"高新区|产业园|创业园|工业园|科技园))$")
# What every full name ends with (COMPANY, GROUP, PARK): a clause without one has no full name
NAME_END = re.compile(r"公司|集团|开发区|园区|高新区|产业园|创业园|工业园|科技园")
LEADING_CUES = re.compile(r"^(?:分别是|分别为|其中包括|其中|包括|现认定|认定|确定|如|有|以及|和|及|我市|我县|我区|本市|全市|"
                          r"[\u4e00-\u9fa5]{1,4}市将以|将以)+")
TRAILING = re.compile(r"(?:等.*|上榜.*|入选.*|榜上有名.*|获评.*|入围.*|被评为.*|成为.*|经过.*)$")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
PROVINCES = ("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
             "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
             "陕西", "甘肃", "青海", "宁夏", "新疆")
LOCATION_PREFIX = re.compile(r"^[\u4e00-\u9fa5]{1,4}[县区](?=(?:" + "|".join(PROVINCES) + r"))")
# A sentence names designated entities only when it says they were listed.
DESIGNATION_CUE = re.compile(r"入选|上榜|榜上有名|获评|被评为|入围|认定|确定|名单|获批|成为|分别是|分别为")
SHORT_NAME = re.compile(r"^[\u4e00-\u9fa5A-Za-z()·]{2,12}$")
NOT_A_SHORT_NAME = re.compile(TERM + r"|\d|名单|企业|公司")
CLAUSE_END = re.compile(r"(?<=[,，])")


@dataclass
class NamedEntity:
    name: str
    designation_type: str | None
    evidence: str


def _full_name(item: str) -> str | None:
    """A full company, group or park name; a news-style location prefix (东至县安徽…) is dropped."""
    match = COMPANY.match(item) or GROUP.match(item) or PARK.match(item)
    if not match or TERM_PATTERN.search(match.group(1)) or "的" in match.group(1):
        return None
    return LOCATION_PREFIX.sub("", match.group(1))


def names_from_prose(text: str) -> list[NamedEntity]:
    """Enumerations in sentences that name a designation type. In an enumeration (、) with
    at least one full company or park name, the short names beside it are names too."""
    out = []
    for sentence in sentences(text):
        if TERM_MARK not in sentence:
            continue
        terms = [(m.start(), term_type(m.group(0))) for m in TERM_PATTERN.finditer(sentence)]
        if not terms or not DESIGNATION_CUE.search(sentence):
            continue
        masked = QUOTED.sub(lambda m: "＂" * len(m.group(0)), sentence)
        if not NAME_END.search(masked):
            continue
        offset = 0
        for clause in CLAUSE_END.split(masked):
            start, offset = offset, offset + len(clause)
            if not NAME_END.search(clause):
                continue
            items = [TRAILING.sub("", LEADING_CUES.sub("", item.strip().rstrip(",，"))) for item in clause.split("、")]
            full = [_full_name(item) for item in items]
            if not any(full):
                continue
            dtype = _type_for_clause(terms, start, offset)
            for item, name in zip(items, full):
                if name:
                    out.append(NamedEntity(name, dtype, sentence))
                elif len(items) > 1 and SHORT_NAME.match(item) and not NOT_A_SHORT_NAME.search(item):
                    out.append(NamedEntity(item, dtype, sentence))
    return out


def _type_for_clause(terms: list[tuple[int, str | None]], start: int, end: int) -> str | None:
    """The term inside the clause (…等5家企业被评为绿色供应链管理企业), else the nearest one
    before it (绿色工厂中,A、B、C), else the sentence's first."""
    inside = [t for pos, t in terms if start <= pos < end]
    before = [t for pos, t in terms if pos < start]
    return inside[-1] if inside else before[-1] if before else terms[0][1]


def names_from_text_tables(text: str, dtype_hint: str | None = None) -> list[NamedEntity]:
    """Pipe tables pasted as text; a one-column table needs only its name header."""
    text = clean_text(text)
    if "|" not in text:
        return []
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines() if "|" in line]
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    for index, row in enumerate(rows):
        if len(row) == 1 and _LOOKUP.get(fold(row[0])) == "name":
            return [NamedEntity(r[0], dtype_hint, "|".join(r)) for r in rows[index + 1:] if r[0]]
    try:
        extraction = extract_rows(rows)
    except ValueError:
        return []
    return [NamedEntity(r.fields["name"], term_type(m.group(0)) if (m := re.search(TERM, " ".join(r.fields.values()))) else dtype_hint,
                        " | ".join(r.fields.values())) for r in extraction.rows if r.fields.get("name")]


def extract_names(text: str) -> list[NamedEntity]:
    hint = None
    if match := TERM_PATTERN.search(clean_text(text)):
        hint = term_type(match.group(0))
    seen, out = set(), []
    for entity in names_from_text_tables(text, hint) + names_from_prose(text):
        key = (entity.name, entity.designation_type)
        if key not in seen:
            seen.add(key)
            out.append(entity)
    return out
