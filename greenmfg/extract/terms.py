"""The words of designations in running text: the four types' terms and the levels that qualify them."""

from __future__ import annotations

import re
from functools import lru_cache

from greenmfg.extract.normalize import clean_text

# designation terms → type (longest first, so 绿色工业园区 wins over 绿色园区). Each one
# contains TERM_MARK: a sentence without it names no designation and is skipped unread.
TERM_MARK = "绿色"
TERMS = [
    (r"绿色供应链(?:管理)?(?:示范)?(?:企业)?", "green_supply_chain"),
    (r"绿色设计(?:示范)?产品(?:型号)?", "green_design_product"),
    (r"绿色(?:低碳)?(?:示范)?(?:工业|化工)?园区", "green_park"),
    (r"[二三四五]星级绿色(?:低碳)?(?:制造)?工厂", "green_factory"),
    (r"绿色(?:低碳)?(?:制造)?工厂", "green_factory"),
    (r"绿色(?:制造)?(?:示范)?产品", "green_design_product"),
]
# Each pattern starts with a literal and has no top-level |: joined bare, sre can skip to the
# characters a term starts with
TERM = "|".join(t for t, _ in TERMS)
TERM_PATTERN = re.compile(TERM)  # compiled once: the hot rules call it per sentence and per name

# The level a term is qualified by; 省级以上 / 市级及以上 qualify a mixed total, which has no level
LEVELS = {"国家级": "national", "国家层面": "national", "国家": "national", "省级": "provincial",
          "自治区级": "provincial", "兵团级": "provincial", "市(州)级": "municipal", "市（州）级": "municipal",
          "州级": "municipal", "盟级": "municipal", "地市级": "municipal", "市级": "municipal", "县级": "county",
          "区级": "county"}
LEVEL_WORD = "|".join(re.escape(word) for word in sorted(LEVELS, key=len, reverse=True))
STAR = r"[二三四五2-5]星级"


@lru_cache(maxsize=1024)  # a handful of distinct terms, met on every page
def term_type(term: str) -> str | None:
    for pattern, code in TERMS:
        if re.fullmatch(pattern, term):
            return code
    return None


def level_code(text: str | None) -> str | None:
    return LEVELS.get(text or "")


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
