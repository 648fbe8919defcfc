"""Counts in English pages (official English sites, translated reposts): a number, a level, a term
(Thirty-one green factories and one green industrial park; 13 state-level green factories; Hefei
now has 86 national green factories, 9 green supply chain management enterprises and 3 green
industrial parks). What is new and what is a total are not told apart, nor targets: a count with
a word of the future before it in its sentence (will, by 2025, aims) is left out."""

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
COUNT = re.compile(
    r"\b(?P<value>\d{1,3}(?:,\d{3})*|" + WORD_NUMBER + r")\s+"
    r"(?:(?P<level>national|state|provincial|municipal|city|autonomous[- ]region)(?:[- ]level)?\s+)?"
    r"(?P<term>" + "|".join(f"(?P<{t}>{p})" for t, p in TERMS.items()) + r")\b",
    re.I,
)
FUTURE = re.compile(r"\b(?:will|shall|aims?|plans?|target|goal|by 20\d{2}|strive)\b", re.I)
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def english_counts(text: str) -> list[tuple[str, int, str, str | None, str]]:
    """(designation type, value, unit, level, sentence) of each count an English sentence reports."""
    if "green" not in text.lower():
        return []
    out = []
    for sentence in SENTENCE.findall(text):
        for match in COUNT.finditer(sentence):
            if FUTURE.search(sentence, 0, match.start()):
                continue
            dtype = next(t for t in TERMS if match.group(t))
            level = (match.group("level") or "").lower().replace("-", " ")
            out.append((dtype, _number(match.group("value")), UNIT[dtype], LEVELS.get(level), sentence.strip()))
    return out


def _number(text: str) -> int:
    text = text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    tens, _, units = text.replace(" ", "-").partition("-")
    return TENS[tens] + UNITS[units] if tens in TENS else UNITS[text]
