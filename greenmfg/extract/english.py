"""Counts and names in English pages (official English sites, translated reposts).

Counts: a number, a level, a term (Thirty-one green factories and one green industrial park; 13
state-level green factories; 2 national and autonomous region-level green parks), a number of
firms into a term's list (22 enterprises into the green factory list), or a number of firms
selected in a sentence that names one type. What is new and what is a total are not told apart.
Targets: a count with a word of the future before it in a sentence that names the year (By 2020,
… will … 100 green factories).

Names: companies by their legal ending (A Co., Ltd., B Co., Ltd. and other 7 companies listed in
green plants) in a sentence that names one type and says they were selected, and the names in
brackets after a count (2 green parks (A Economic Development Zone, …))."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_NUMBER = (
    r"(?:" + "|".join(TENS) + r")(?:[- ](?:" + "|".join(k for k in UNITS if k != "zero") + r"))?|"
    r"(?:" + "|".join(UNITS) + r")"
)
TERMS = {
    "green_supply_chain": r"green[- ]supply[- ]chain(?:[- ]management)?[- ](?:enterprises?|companies|company|firms?)",
    "green_design_product": r"green[- ]design[- ]products?",
    "green_park": r"green[- ](?:industrial[- ])?parks?",
    "green_factory": r"green[- ](?:factories|factory|plants?)",
}
UNIT = {"green_factory": "家", "green_park": "个", "green_supply_chain": "家", "green_design_product": "种"}
LEVELS = {"national": "national", "state": "national", "provincial": "provincial", "autonomous region": "provincial",
          "municipal": "municipal", "city": "municipal"}  # fmt: skip
NUMBER = r"(?P<value>\d{1,3}(?:,\d{3})*|" + WORD_NUMBER + r")"
LEVEL = r"(?:national|state|provincial|municipal|city|autonomous[- ]region)(?:[- ]level)?"
TERM = r"(?P<term>" + "|".join(f"(?P<{t}>{p})" for t, p in TERMS.items()) + r")"
COUNT = re.compile(
    r"\b" + NUMBER + r"\s+(?:(?P<level>" + LEVEL + r")(?P<also>\s+(?:and|or)\s+" + LEVEL + r")?\s+)?" + TERM + r"\b",
    re.I,
)
FIRMS = r"(?:enterprises|companies|firms|factories)"
LIST_TERMS = {
    **TERMS,
    "green_supply_chain": r"green[- ]supply[- ]chain(?:[- ]management)?(?:[- ](?:enterprises?|companies|firms?))?",
}
# 22 enterprises into the green factory list: a number of firms on a term's list
INTO_LIST = re.compile(
    r"\b" + NUMBER + r"\s+" + FIRMS + r"\s+(?:(?:were|have been|has been)\s+)?(?:(?:selected|listed|included)\s+)?"
    r"(?:into|in|on|onto)\s+the\s+(?:(?P<level>"
    + LEVEL
    + r")\s+)?(?:"
    + "|".join(f"(?P<list_{t}>{p})" for t, p in LIST_TERMS.items())
    + r")\s+list",
    re.I,
)
# nanning has 7 enterprises selected: a number of firms said to be selected, of the sentence's one type
SELECTED = re.compile(
    r"\b" + NUMBER + r"\s+" + FIRMS + r"\s+(?:(?:were|have been|has been)\s+)?(?:selected|listed|shortlisted)\b", re.I
)
# (a plan's name is no future: the 13th Five-Year Plan)
FUTURE = re.compile(
    r"\b(?:will|shall|aim(?:s|ing)?|(?<!Five-Year )(?<!Five Year )plan(?:s|ning)?|target|goal|by 20\d{2}|strive|"
    r"to be|calls? for|propos\w*|envisag\w*)\b",
    re.I,
)
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
# what keeps a sentence from naming firms selected: a future (the Action Plan for …, proposals: no future)
NAMES_FUTURE = re.compile(r"\b(?:will|shall|aims?\s+(?:to|at)|plans?\s+to|strives?\s+to|by 20\d{2})\b", re.I)
# a sentence that lists the firms the sentence before selected: …as follows: / These 7 enterprises are …
LIST_OPENER = re.compile(
    r"\bas follows\b\s*:?|^\s*(?:These|Those|They|The\s+(?:\w+\s+){0,3}(?:enterprises|companies|firms))\b[^.:;]{0,40}?"
    r"\b(?:are|include|namely)\b\s*:?",
    re.I,
)


def english_sentences(text: str) -> list[str]:
    """The sentences of a text that may be English and about the designations; [] for the others."""
    return SENTENCE.findall(text) if "green" in text.lower() else []


def english_counts(sentences: list[str]) -> list[tuple[str, int, str, str | None, str]]:
    """(designation type, value, unit, level, sentence) of each count an English sentence reports."""
    out = []
    for sentence in sentences:
        taken: list[tuple[int, int]] = []
        for match in COUNT.finditer(sentence):
            if FUTURE.search(sentence, 0, match.start()):
                continue
            dtype = _term_type(match)
            level = None if match.group("also") else _level(match.group("level"))
            out.append((dtype, _number(match.group("value")), UNIT[dtype], level, sentence.strip()))
            taken.append(match.span("value"))
        for match in INTO_LIST.finditer(sentence):
            if not FUTURE.search(sentence, 0, match.start()):
                dtype = _term_type(match, "list_")
                out.append(
                    (dtype, _number(match.group("value")), UNIT[dtype], _level(match.group("level")), sentence.strip())
                )
                taken.append(match.span("value"))
        only = _one_type(sentence) if SELECTED.search(sentence) else None
        for match in SELECTED.finditer(sentence) if only else ():
            if match.span("value") not in taken and not FUTURE.search(sentence, 0, match.start()):
                out.append((only, _number(match.group("value")), UNIT[only], None, sentence.strip()))
    return out


BY_YEAR = re.compile(r"\b(?:by|until|before)\s+(?:the\s+end\s+of\s+)?(20\d{2})\b", re.I)
WILL = re.compile(
    r"\b(?:will|shall|is to|are to|strives? to|aims? to)\b", re.I
)  # (aims to reach carbon peak: no count)
DONE = re.compile(r"\b(?<!will )(?:had|has|have)\b|\bup from\b", re.I)


def english_targets(sentences: list[str]) -> list[tuple[str, int, str, str | None, int, str]]:
    """(designation type, value, unit, level, target year, sentence) of each count an English sentence
    plans for a year it names (By 2020, Hunan will … with 100 green factories, 10 green industrial parks)."""
    out = []
    for sentence in sentences:
        if not (year := BY_YEAR.search(sentence)) or not (will := WILL.search(sentence)):
            continue
        for match in COUNT.finditer(sentence):
            if (
                will.start() < match.start()
                and not DONE.search(sentence, 0, match.start())
                and (
                    not WILL.search(sentence, match.end(), match.end() + 12)  # (…has 50 green factories, aims to…)
                )
            ):
                dtype = _term_type(match)
                level = None if match.group("also") else _level(match.group("level"))
                value = _number(match.group("value"))
                out.append((dtype, value, UNIT[dtype], level, int(year.group(1)), sentence.strip()))
    return out


TERM_IN_TEXT = re.compile(TERM, re.I)


def _term_type(match: re.Match, prefix: str = "") -> str:
    """The designation type of the term a match holds (its groups named by TERMS, after `prefix`)."""
    return next(t for t in TERMS if match.group(prefix + t))


def _one_type(sentence: str) -> str | None:
    """The one designation type a sentence's terms name, if they name one."""
    types = {_term_type(m) for m in TERM_IN_TEXT.finditer(sentence)}
    return types.pop() if len(types) == 1 else None


def _level(text: str | None) -> str | None:
    return LEVELS.get(re.sub(r"[- ]level$", "", (text or "").lower()).replace("-", " "))


def _number(text: str) -> int:
    text = text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    tens, _, units = text.replace(" ", "-").partition("-")
    return TENS[tens] + UNITS[units] if tens in TENS else UNITS[text]


# A company by its legal ending: no comma, colon or semicolon inside (its ending's own comma aside)
COMPANY = re.compile(
    r"(?<![A-Za-z])[A-Z][^,;:()]{0,80}?(?:\([A-Za-z ]{2,30}\)[^,;:()]{0,80}?)?"  # (SunWin (Hubei) …: a place in brackets)
    r"\b(?:Co\.,?\s*[Ll]td\b\.?|Co\.,?\s*Limited\b|Company Limited\b|Corporation\b)"
)
PARK = re.compile(r"(?<![A-Za-z])[A-Z][^,;:()]*?\b(?:Zone|Park)\b")
SELECTED_CUE = re.compile(
    r"\b(?:selected|listed|named|awarded|recognized|recognised|included|approved|rated|shortlisted)\b", re.I
)
# a count, then its names in brackets: 2 green parks (A Economic Development Zone, B Zone)
BRACKETED = re.compile(TERM + r"\s*\((?P<items>[^()]{4,400})(?:\)|$)", re.I)
NAME_SENTENCE_END = re.compile(r"(?<!\bCo)(?<!\bLtd)(?<!\bInc)(?<!\bCorp)[.!?](?=\s*(?:[A-Z]|$))")


def english_names(text: str) -> list[tuple[str, str, str]]:
    """(designation type, name, sentence) of each company an English sentence names as selected."""
    if "green" not in text.lower():
        return []
    out = []
    listed = None  # the one type of a sentence that said firms were selected: a list may follow it
    for sentence in _name_sentences(text):
        if NAMES_FUTURE.search(sentence):
            listed = None
            continue
        if listed and (opener := LIST_OPENER.search(sentence)) and not SELECTED_CUE.search(sentence):
            # These 7 enterprises are as follows: A Co., Ltd, B Co., Ltd …
            out += [(listed, name.group(0).strip(), sentence) for name in COMPANY.finditer(sentence, opener.end())]
            continue
        listed = _one_type(sentence) if SELECTED_CUE.search(sentence) else None
        listed = None if listed == "green_park" else listed
        bracketed = list(BRACKETED.finditer(sentence))
        for match in bracketed:  # (the term right before the bracket types its names)
            dtype = _term_type(match)
            names = PARK if dtype == "green_park" else COMPANY
            out += [(dtype, name.group(0).strip(), sentence) for name in names.finditer(match.group("items"))]
        only = None if bracketed or not SELECTED_CUE.search(sentence) else _one_type(sentence)
        if only and only != "green_park":
            out += [(only, name.group(0).strip(), sentence) for name in COMPANY.finditer(sentence)]
    return out


def _name_sentences(text: str) -> list[str]:
    """Sentences not ended by the period of Co. or Ltd. (A Co., Ltd. and B Co., Ltd. were selected)."""
    out = []
    for line in text.splitlines():
        start = 0
        for end in NAME_SENTENCE_END.finditer(line):
            out.append(line[start : end.end()].strip())
            start = end.end()
        out.append(line[start:].strip())
    return [sentence for sentence in out if sentence]
