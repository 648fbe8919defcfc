"""List pages of the mirrored sites, rendered from corpus/catalog/<source>.yaml.

Each site family lays out and paginates its lists its own way, as the real CMSs do:
jcms (Hanweb: rows in <script type="text/xml"> CDATA, ?pageNum=N), trs (index_N.html),
gd (content/post_ lists, index_N.html from 2), js (table rows, ?pageNum=N), news (mirrors).
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit


def page_url(family: str, list_url: str, page: int) -> str:
    """URL of list page `page` (1-based); page 1 is the list URL itself."""
    if page == 1:
        return list_url
    base = list_url.rsplit("/", 1)[0]
    return {
        "jcms": f"{list_url}?uid=4242&pageNum={page}",
        "trs": f"{base}/index_{page - 1}.html",
        "gd": f"{base}/index_{page}.html",
        "js": f"{list_url}?pageNum={page}",
        "news": f"{list_url}?page={page}",
    }[family]


def _a(entry: dict, cls: str = "") -> str:
    title = html.escape(entry["title"])
    return f'<a href="{html.escape(entry["url"])}" title="{title}" target="_blank"{cls}>{title}</a>'


def render(catalog: dict, entries: list[dict], page: int, pages: int) -> str:
    family = catalog["family"]
    rows = "\n".join(_ROW[family](e) for e in entries)
    if family == "jcms":
        records = "".join(f"<record><![CDATA[{_ROW['jcms'](e)}]]></record>" for e in entries)
        rows = (
            f'<div id="4242"><script type="text/xml"><datastore><nextgroup><![CDATA[]]></nextgroup>'
            f"<recordset>{records}</recordset></datastore></script></div>"
        )
    else:
        rows = _WRAP[family].format(rows=rows)
    nav = []
    if page < pages:
        href = page_url(family, catalog["list_url"], page + 1)
        nav.append(
            f'<a class="next" href="{html.escape(urlsplit(href).path.rsplit("/", 1)[-1] + ("?" + urlsplit(href).query if urlsplit(href).query else ""))}">下一页</a>'
        )
    title = html.escape(catalog["issuer"])
    return f"""<!DOCTYPE html>
<html><head><meta charset="{catalog.get("meta_charset") or "utf-8"}"><title>通知公告_{title}</title></head>
<body><div class="header">{title} 无障碍辅助浏览 长者助手</div>
<div class="main"><h2>通知公告</h2>
{rows}
<div class="page">{"".join(nav)} 共{pages}页</div></div>
<div class="footer">主办单位：{title}</div></body></html>
"""


_ROW = {
    "jcms": lambda e: f'<li class="lb-list">{_a(e)}<span>{e["date"]}</span></li>',
    "trs": lambda e: f'<li>{_a(e)}<span class="date">{e["date"]}</span></li>',
    "gd": lambda e: f'<li class="list-item">{_a(e)}<span class="time">{e["date"]}</span></li>',
    "js": lambda e: f'<tr><td class="title">{_a(e)}</td><td class="date">[{e["date"]}]</td></tr>',
    "news": lambda e: f"<dl><dt>{_a(e)}</dt><dd>{e['date'].replace('-', '/')}</dd></dl>",
}
_WRAP = {
    "trs": '<ul class="list">\n{rows}\n</ul>',
    "gd": '<ul class="list-group">\n{rows}\n</ul>',
    "js": '<table class="listTable">\n{rows}\n</table>',
    "news": '<div class="news-list">\n{rows}\n</div>',
}
