"""The words of designations in running text: the four types' terms and the levels that qualify them."""

from __future__ import annotations

import re
from functools import lru_cache

from greenmfg.extract.normalize import clean_text

YEAR_MENTION = re.compile(r"(20\d{2})\s*年")  # a year a heading or caption names

# designation terms → type (longest first, so 绿色工业园区 wins over 绿色园区). Each one
# contains TERM_MARK: a sentence without it names no designation and is skipped unread.
TERM_MARK = "绿色"
TERMS = [
    (r"绿色(?:低碳)?供应链(?:管理)?(?:示范)?(?:企业)?", "green_supply_chain"),
    (r"绿色设计(?:示范)?产品(?:型号)?", "green_design_product"),
    (r"绿色(?:低碳)?(?:示范)?(?:工业|化工)?园区", "green_park"),
    (r"[二三四五]星级绿色(?:低碳)?(?:制造)?工厂", "green_factory"),
    (r"绿色(?:低碳)?(?:制造)?(?:示范)?工厂", "green_factory"),
    (r"绿色(?:制造)?(?:示范)?产品", "green_design_product"),
]
# Each pattern starts with a literal and has no top-level |: joined bare, sre can skip to the
# characters a term starts with
TERM = "|".join(t for t, _ in TERMS)
TERM_PATTERN = re.compile(TERM)  # compiled once: the hot rules call it per sentence and per name

# The level a term is qualified by; 省级以上 / 市级及以上 qualify a mixed total, which has no level
LEVELS = {
    "国家级": "national",
    "国家层面": "national",
    "国家": "national",
    "省级": "provincial",
    "自治区级": "provincial",
    "兵团级": "provincial",
    "市(州)级": "municipal",
    "市（州）级": "municipal",
    "州级": "municipal",
    "盟级": "municipal",
    "地市级": "municipal",
    "市级": "municipal",
    "县级": "county",
    "区级": "county",
}
LEVEL_WORD = "|".join(re.escape(word) for word in sorted(LEVELS, key=len, reverse=True))
STAR = r"[二三四五2-5]星级"
STAR_OF = re.compile(r"([二三四五2-5])星级(?!及?以上)")
STARS = {"二": 2, "三": 3, "四": 4, "五": 5, "2": 2, "3": 3, "4": 4, "5": 5}


@lru_cache(maxsize=1024)  # a handful of distinct terms, met on every page
def term_type(term: str) -> str | None:
    for pattern, code in TERMS:
        if re.fullmatch(pattern, term):
            return code
    return None


def level_code(text: str | None) -> str | None:
    return LEVELS.get(text or "")


def star_rating(text: str | None) -> int | None:
    """五星级 → 5 … 二星级 → 2 in a qualifier or term; 二星级以上 (a mixed total) → None."""
    match = STAR_OF.search(text or "")
    return STARS[match.group(1)] if match else None


# What an indicator phrase does not start with (以上、工业增加值用水量 → 工业增加值用水量), and PDF line
# breaks between Han characters (清 洁生产 → 清洁生产)
INDICATOR_LEAD = re.compile(
    r"^(?:以上|、|,|，|确保|力争|争取|实现|推动|其中|均|累计|年均|今年|明年|当年|年内|全市|全省|全区|全县|"
    r"我市|我省|我县|我区|本市|本省|和|及|与|并)+"
)
CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fa5])\s+(?=[\u4e00-\u9fa5])")


def clean_indicator(text: str) -> str:
    """An indicator as a clean phrase: no line-break spaces, no leading joiner or cue, no quotes."""
    return INDICATOR_LEAD.sub("", CJK_GAP.sub("", text.strip())).strip('“”"、,，:：; ')


LEVEL_BEFORE_TERM = re.compile(r"(" + LEVEL_WORD + r")(?:" + TERM + r")")
MIIT, SUB_NATIONAL = re.compile(r"工信部|工业和信息化部"), re.compile(r"省级|市级|县级")


@lru_cache(maxsize=4096)  # a page asks for its title's and each sentence's level once per name
def designation_level(text: str | None) -> str | None:
    """Level of the designations a sentence or title speaks of: 省级绿色工厂 → provincial;
    a list published by MIIT (工信部…) with no other level named → national."""
    text = clean_text(text or "")
    if match := LEVEL_BEFORE_TERM.search(text):
        return level_code(match.group(1))
    if MIIT.search(text) and not SUB_NATIONAL.search(text):
        return "national"
    return None


# Who published a list, by the department that 公布/公示 it (the level of its designations)
_DEPARTMENT = r"(?:工业和信息化|工信|经济和信息化|经信|经济和信息化委员会|经信委)"
ISSUERS = (
    (re.compile(r"(?:工信部|工业和信息化部)(?:办公厅)?[^,，。;；]{0,8}?(?:公布|发布|公示|印发|认定|确定)"), "national"),
    (
        re.compile(
            r"(?:省|自治区|兵团|(?:北京|天津|上海|重庆)市)" + _DEPARTMENT + r"[厅局委][^,，。;；]{0,8}?"
            r"(?:公布|发布|公示|印发|认定|确定)"
        ),
        "provincial",
    ),
    (re.compile(r"(?:市|州|盟)" + _DEPARTMENT + r"局[^,，。;；]{0,8}?(?:公布|发布|公示|印发|认定|确定)"), "municipal"),
    (re.compile(r"(?:县|区|旗)" + _DEPARTMENT + r"局[^,，。;；]{0,8}?(?:公布|发布|公示|印发|认定|确定)"), "county"),
)
# 自治区级第四批绿色制造体系示范名单 | 全省首批绿色工厂: a level or a whole province before a batch's list
LIST_LEVEL = re.compile(r"(" + LEVEL_WORD + r"|全省|全区)(?:第[一二三四五六七八九十\d]+批|首批|\d{4}年度?)")


def issuer_level(text: str | None) -> str | None:
    """The level of a list by who published it (甘肃省工信厅发布…名单 → provincial), or by a level
    word before its batch (自治区级第四批…名单); None when the text says neither."""
    text = clean_text(text or "")
    for pattern, level in ISSUERS:
        if pattern.search(text):
            return level
    if match := LIST_LEVEL.search(text):
        return "provincial" if match.group(1) in ("全省", "全区") else level_code(match.group(1))
    return None
