"""Text normalization for matching: injected pinyin out, traditional → simplified (OpenCC),
full-width/half-width folded. The original text is always kept beside the normalized one."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from greenmfg.libs import opencc

# Mirror sites inject the reading after a character: 發(fā)布, 工廠(chǎng), 創(chuàng )建.
PINYIN = re.compile(r"[(（]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\s?[)）]")  # 發(fā)布, 发（fā）布
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
TONE = re.compile(f"[{TONED}]")
# …or several readings in one parenthesis, 綠色(lǜ sè), or each reading bare after its character,
# 綠lǜ色sè工gōng廠chǎng: a run of letters with a tone mark right after a Chinese character.
PINYIN_TONED = re.compile(
    rf"[(（]\s*[a-zü]*[{TONED}][a-zü{TONED}]*(?:\s+[a-zü{TONED}]{{1,6}}){{1,5}}\s*[)）]|"
    rf"(?<=[\u4e00-\u9fff])[a-zü]{{0,5}}[{TONED}][a-zü{TONED}]{{0,5}}(?![A-Za-z])"
)
ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,5});", re.I)
# Variant characters OpenCC's t2s leaves alone but simplified text never uses.
VARIANTS_FROM, VARIANTS_TO = "陜峯綫衞厰", "陕峰线卫厂"
VARIANTS = str.maketrans(VARIANTS_FROM, VARIANTS_TO)
PUNCTUATION = re.compile(r"[\s\"'“”‘’《》〈〉「」『』【】()（）\[\]、，,。.：:；;！!？?·—\-_/|]+")


@lru_cache(maxsize=1)
def _convertible() -> frozenset[str]:
    """The characters a t2s conversion can change: those a dictionary entry maps to something
    else. A text with none of them is already simplified, so OpenCC (pure Python, slow per
    phrase) is skipped. A phrase that changes the text changes at least one of its
    characters, and that character is in the set. The VARIANTS are in it too."""
    chars: set[str] = set()
    for key, values in opencc.t2s_entries():
        for value in values:
            if len(value) != len(key):
                chars.update(key)
            else:
                chars.update(k for k, v in zip(key, value) if k != v)
    return frozenset(chars | set(VARIANTS_FROM))


@lru_cache(maxsize=1)
def _convertible_pattern() -> tuple[re.Pattern, frozenset[str]]:
    """`_convertible` as a character class (a scan in C, where `isdisjoint` makes a string of
    each character), plus the characters beyond the BMP, which a class
    that includes them would scan slowly; a text has those rarely."""
    chars = _convertible()
    bmp = "".join(sorted(c for c in chars if ord(c) <= 0xFFFF))
    return re.compile("[" + re.escape(bmp) + "]"), frozenset(c for c in chars if ord(c) > 0xFFFF)


BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


def strip_pinyin(text: str) -> str:
    if TONE.search(text):
        text = PINYIN_TONED.sub("", text)
    return PINYIN.sub("", text) if "(" in text or "（" in text else text


def has_convertible(text: str) -> bool:
    """Whether the text holds a character of `_convertible`."""
    pattern, beyond_bmp = _convertible_pattern()
    return pattern.search(text) is not None or (BEYOND_BMP.search(text) is not None and not beyond_bmp.isdisjoint(text))


def to_simplified(text: str) -> str:
    if not has_convertible(text):
        return text
    return opencc.t2s().convert(text).translate(VARIANTS)


# Full-width ASCII and the ideographic space: what usually keeps Chinese text from being NFKC
FULL_WIDTH = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in (*range(0xFF01, 0xFF5F), 0x3000)}
FULL_WIDTH_CHAR = re.compile("[\uff01-\uff5e\u3000]")


def nfkc(text: str) -> str:
    """NFKC, with full-width forms looked up first (cheaper than NFKC on each). The same result:
    each is replaced by its own NFKC form, a single ASCII character, which NFKC keeps; what
    else the text needs is then done by `unicodedata`."""
    text = FULL_WIDTH_CHAR.sub(_folded, text)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


# Wide characters (East Asian width W or F): Hangul Jamo, the wide symbols and emoji, CJK
# punctuation, kana, ideographs, Hangul, compatibility, vertical and small forms, full-width forms,
# the supplementary ideographs. (Rarer wide scripts, Tangut or old Hangul, count as narrow: a
# regular expression instead of a look-up of every character, run on every line of a page.)
WIDE = re.compile(
    "[\u1100-\u115f\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f"
    "\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd"
    "\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c"
    "\u2b50\u2b55\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe52\ufe54-\ufe66\ufe68-\ufe6b\uff01-\uff60\uffe0-\uffe6"
    "\U0001f300-\U0001f64f\U0001f680-\U0001f6ff\U0001f900-\U0001f9ff\U0001fa70-\U0001faff"
    "\U00020000-\U0003fffd]"
)


def display_width(text: str) -> int:
    """Columns the text takes in print or on a terminal: a wide (CJK) character takes two."""
    return len(text) if text.isascii() else len(text) + len(WIDE.findall(text))


def _folded(match: re.Match) -> str:
    return FULL_WIDTH[match.group()]


def _unescaped(match: re.Match) -> str:
    return html.unescape(match.group())


@lru_cache(maxsize=1024)  # a notice's body is cleaned by each rule that reads it
def clean_text(text: str) -> str:
    """Readable simplified text: entities a page printed as text (&nbsp;) decoded, pinyin removed,
    traditional converted, NFKC width folding."""
    text = text or ""
    if "&" in text and ENTITY.search(text):
        text = ENTITY.sub(_unescaped, text)  # (only whole entities: ?id=5&region=… stays)
    if "**" in text:
        text = BOLD_MARK.sub(_unbolded, text)  # (a post's **bold** marks, copied as text; not 浙江**科技: a mask)
    if "〇" in text or "二零" in text:
        text = NUMERAL_YEAR.sub(_year_in_digits, text)
    return nfkc(to_simplified(strip_pinyin(text)))


# a year in Chinese numerals (到二〇二五年, 二零二三—二〇二五年): in digits, as the rules read years
NUMERAL_YEAR = re.compile(
    r"(?<![〇零一二三四五六七八九十])二[〇零][〇零一二三四五六七八九]{2}"
    r"(?=\s*年|\s*[—\-–~～至到]\s*二[〇零][〇零一二三四五六七八九]{2}\s*年)"
)
CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")  # (each character a digit: 二〇二五, 三点五)


def _year_in_digits(match: re.Match) -> str:
    return match.group().translate(CHINESE_DIGITS)


BOLD_MARK = re.compile(r"\*\*(?=[^*\s])([^*\n]{1,80}?)(?<=[^*\s])\*\*")
WORD_BEFORE = re.compile(r"[\u4e00-\u9fa5A-Za-z0-9]")


def _unbolded(match: re.Match) -> str:
    """A bold span's text; two masks in a list (浙江**科技有限公司、杭州**新材料: inside words, across a 、) stay."""
    inside_words = match.start() > 0 and WORD_BEFORE.match(match.string, match.start() - 1) is not None
    return match.group(0) if inside_words and re.search(r"[、,，]", match.group(1)) else match.group(1)


def match_key(text: str) -> str:
    """A key for matching titles across sites: clean text without spaces or punctuation."""
    return PUNCTUATION.sub("", clean_text(text)).lower()
