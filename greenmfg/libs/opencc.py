"""opencc-python-reimplemented: its t2s converter, and the text dictionaries it ships, read to
know which characters a conversion can change."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TESTED_WITH = "0.1.7"
T2S_DICTIONARIES = ("TSPhrases.txt", "TSCharacters.txt")


@lru_cache(maxsize=1)
def t2s():
    """The traditional → simplified converter (`.convert(text)`)."""
    import opencc

    return opencc.OpenCC("t2s")


def t2s_entries():
    """(traditional, [simplified candidates]) of every t2s dictionary entry, phrases and characters."""
    import opencc

    for name in T2S_DICTIONARIES:
        for line in (Path(opencc.__file__).parent / "dictionary" / name).read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            yield key, values.split()
