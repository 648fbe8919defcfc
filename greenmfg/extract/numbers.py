"""Numbers as Chinese texts write them: 8, 2,464, 三家, 一百二十, 30余, 近3.5万, 2-3 and 2个至3个 (a range
keeps its lower bound), 两三家."""

from __future__ import annotations

UNIT = r"(?:家|个|种|款|项|件|户|条|座)"
CN_NUM = (
    r"[零一二三四五六七八九十两百千]{1,6}|(?<=[发广育建造设、,:])万(?=\s*" + UNIT + ")"
)  # (开发万种绿色产品; not 万家乐)
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + CN_NUM  # 2,464: thousands grouped by commas
# value and scale as named groups, for the patterns that embed it
NUMBER = (
    r"(?P<value>" + NUM + r")\s*(?:余|多)?(?P<scale>万|千)?"
    r"(?:\s*" + UNIT + r"?\s*[-~～—–至到]\s*(?:" + NUM + r")\s*(?:万|千)?)?\s*(?:余|多)?"
)
# What every count has: a number, then its unit (8家, 三个, 50 家, 30余个)
COUNT_CUE = r"[\d一二三四五六七八九十两百千万]\s*(?:余|多)?(?:万|千)?(?:余|多)?\s*(?:" + UNIT + r"|企业)"

DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
POWERS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
SCALE = {"万": 10000, "千": 1000}


def chinese_numeral(text: str) -> int:
    """十二 → 12, 二十三 → 23, 一百二十 → 120, 百 → 100; 两三 (a range) → 2."""
    total, current, previous_digit = 0, 0, False
    for char in text:
        if char in POWERS:
            total += (current or 1) * POWERS[char]
            current, previous_digit = 0, False
        elif previous_digit and char != "零":
            break  # 两三家, 三四个: a range; its lower bound
        else:
            current, previous_digit = DIGITS[char], char != "零"
    return total + current


def number(value: str, scale: str | None = None) -> int | float:
    amount = float(value.replace(",", "")) if value[0].isdigit() else chinese_numeral(value)
    amount *= SCALE.get(scale or "", 1)
    return int(amount) if float(amount).is_integer() else amount
