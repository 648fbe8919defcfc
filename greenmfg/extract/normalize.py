"""Text normalization for matching: injected pinyin out, traditional → simplified (OpenCC),
full-width/half-width folded. The original text is always kept beside the normalized one."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Mirror sites inject the reading after a character: 發(fā)布, 工廠(chǎng), 創(chuàng )建.
PINYIN = re.compile(r"\(\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\s?\)")
# Variant characters OpenCC's t2s leaves alone but simplified text never uses.
VARIANTS = str.maketrans({"陜": "陕", "峯": "峰", "綫": "线", "衞": "卫"})
PUNCTUATION = re.compile(r"[\s\"'“”‘’《》〈〉「」『』【】()（）\[\]、，,。.：:；;！!？?·—\-_/|]+")


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # opencc-python-reimplemented

    return opencc.OpenCC("t2s")


def strip_pinyin(text: str) -> str:
    return PINYIN.sub("", text)


def to_simplified(text: str) -> str:
    return _t2s().convert(text).translate(VARIANTS)


def clean_text(text: str) -> str:
    """Readable simplified text: pinyin removed, traditional converted, NFKC width folding."""
    return unicodedata.normalize("NFKC", to_simplified(strip_pinyin(text or "")))


def match_key(text: str) -> str:
    """A key for matching titles across sites: clean text without spaces or punctuation."""
    return PUNCTUATION.sub("", clean_text(text)).lower()
