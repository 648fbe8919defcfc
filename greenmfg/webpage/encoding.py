"""Decode page bytes whose declared charset may be missing or wrong.

Order: valid UTF-8 is UTF-8 (GBK text is almost never valid UTF-8); then the source's own
hint and the declared charsets (meta, header) that decode cleanly, skipping Latin-1
declarations (a common lie: servers default to ISO-8859-1); then charset-normalizer.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.I)
# GB2312/GBK pages routinely contain GB18030 characters: decode with the superset.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
_LATIN = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"}


def header_charset(content_type: str | None) -> str | None:
    if content_type and "charset=" in content_type.lower():
        return content_type.lower().split("charset=")[-1].split(";")[0].strip().strip('"')
    return None


def meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_html(body: bytes, content_type: str | None = None, hint: str | None = None) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for declared in (hint, meta_charset(body), header_charset(content_type)):
        if not declared or declared.lower() in _LATIN:
            continue
        try:
            return body.decode(_SUPERSETS.get(declared.lower(), declared))
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(body, cp_isolation=["gb18030", "big5", "utf_8", "utf_16"]).best()
    return str(best) if best is not None else body.decode("gb18030", errors="replace")
