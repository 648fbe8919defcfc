"""Article bodies without page chrome, spam and repeated paragraphs (the original is kept)."""

from __future__ import annotations

import re
from functools import lru_cache

from greenmfg.extract.normalize import match_key

CHROME = re.compile(
    r"^(?:信息来源[:：]|来源[:：].{0,20}$|浏览次数|发布时间[:：].{0,30}$|时间[:：].{0,30}$|字体[:：]|字号[:：]|"
    r"扫一扫|语音播报|无障碍|长者助手|繁体版|简体版|打印本页|关闭窗口|分享(?:到|好友)?$|网站地图|返回顶部|"
    r"当前位置|您的位置|\[?【?责任编辑|编辑[:：]|责编|标签[:：]|相关新闻|上一篇|下一篇|[-•·]\s*[日周月]新闻排行榜)"
)
CHROME_INLINE = re.compile(
    r"(?:字体|字号)[:：]?\s*\[?大\]?\s*\[?中\]?\s*\[?小\]?|浏览次数[:：]?\s*\d*|我要纠错|打印\s*收藏"
)
SPAM = re.compile(
    r"火箭vs|全场录像|博彩|赌场|皇冠(?:电脑版|网址|体育)|k8凯发|凯发|百家乐|彩票|色情|成人|av女优|视频在线观看"
)
EMPTY_BRACKETS = re.compile(r"^(?:\[\]\s*)+(?:\[返回顶部\])?\s*(?:\[\]\s*)*$")


@lru_cache(maxsize=8192)  # salutations, signatures and table headers recur from notice to notice
def _line_key(line: str) -> str:
    return match_key(line)


def clean_body(text: str) -> str:
    """Drop chrome and spam lines and any paragraph already seen (mirrors print bodies twice)."""
    text = text or ""
    # Patterns no line can match are not tried line by line: a line is part of the text, so a
    # line's match is the text's too. Removing inline chrome can join new words, so after it
    # the spam and bracket checks run on every line.
    inline = CHROME_INLINE.search(text) is not None
    spam = inline or SPAM.search(text) is not None
    brackets = inline or "[]" in text
    out, seen = [], set()
    for raw in text.splitlines():
        line = (CHROME_INLINE.sub("", raw) if inline else raw).rstrip()
        stripped = line.strip()
        if not stripped:
            continue
        if CHROME.match(stripped) or (spam and SPAM.search(stripped)) or (brackets and EMPTY_BRACKETS.match(stripped)):
            continue
        key = _line_key(stripped)
        if len(key) >= 12 and key in seen:
            continue
        seen.add(key)
        out.append(line)
    return "\n".join(out)
