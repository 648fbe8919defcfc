"""A scaled offline corpus for the benchmarks: N provincial sources × M notices × K rows.

Every notice is a provincial 绿色工厂 list in the shape the real sites publish (a list page
row, an article page stating the count, the list as an attachment), its format rotating over
.xlsx, .xls, .docx, .pdf and an HTML table in the page itself (.doc is left out: nothing
writes it offline). Content is unique per notice (the raw store is content-addressed, so
copies would not be extracted again) and deterministic: generating a bigger corpus into the
same folder keeps every existing file and adds the newest notices, which is how the
incremental benchmark changes 1% of the corpus.

    python -m bench.scale_corpus --out bench/out/corpus --notices 10000 --rows 10

The folder holds sites/<host>/… for the mirror (MirrorThread(root=…)) and sources/*.yaml
for the registry (GREENMFG_SOURCES_PATH).
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import os
import random
from datetime import date, timedelta
from pathlib import Path

from greenmfg.settings import CORPUS_DIR

PROVINCES = [  # (code, name, issuer, cities)
    (
        "330000",
        "浙江省",
        "浙江省经济和信息化厅",
        ["杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "台州市"],
    ),
    (
        "320000",
        "江苏省",
        "江苏省工业和信息化厅",
        ["南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "扬州市", "镇江市"],
    ),
    (
        "440000",
        "广东省",
        "广东省工业和信息化厅",
        ["广州市", "深圳市", "珠海市", "佛山市", "东莞市", "中山市", "惠州市", "江门市"],
    ),
    (
        "370000",
        "山东省",
        "山东省工业和信息化厅",
        ["济南市", "青岛市", "淄博市", "烟台市", "潍坊市", "济宁市", "临沂市", "威海市"],
    ),
    (
        "410000",
        "河南省",
        "河南省工业和信息化厅",
        ["郑州市", "开封市", "洛阳市", "新乡市", "许昌市", "南阳市", "商丘市", "信阳市"],
    ),
    (
        "430000",
        "湖南省",
        "湖南省工业和信息化厅",
        ["长沙市", "株洲市", "湘潭市", "衡阳市", "岳阳市", "常德市", "郴州市", "永州市"],
    ),
    (
        "510000",
        "四川省",
        "四川省经济和信息化厅",
        ["成都市", "自贡市", "泸州市", "德阳市", "绵阳市", "遂宁市", "乐山市", "宜宾市"],
    ),
    (
        "350000",
        "福建省",
        "福建省工业和信息化厅",
        ["福州市", "厦门市", "莆田市", "三明市", "泉州市", "漳州市", "南平市", "龙岩市"],
    ),
]
TRADES = ["机械", "电子", "化工", "纺织", "建材", "食品", "医药", "汽车部件", "新材料", "家电", "包装", "五金"]
FORMATS = ["xlsx", "html", "xls", "docx", "pdf"]
PAGE_SIZE = 50
HEADER = ["序号", "企业名称", "所在地区", "所属行业"]
FIRST_DAY = date(2016, 3, 1)


def _writers(out: Path):
    """The attachment writers of the real corpus's builder (corpus/build_miit.py). Its PDFs
    embed fonts that fpdf parses again for every file (~1 s for the 4 MB CJK font); this
    corpus uses a few hundred characters, so it writes with subsets of those fonts, made once."""
    spec = importlib.util.spec_from_file_location("build_miit", CORPUS_DIR / "build_miit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.FONT = _subset(module.FONT, out / "fonts")
    module.LATIN_FONT = _subset(module.LATIN_FONT, out / "fonts")
    return module.WRITERS


def _subset(font: Path, folder: Path) -> Path:
    """`font` cut down to the characters this generator writes."""
    from fontTools import subset

    target = folder / f"bench-{font.name}"
    if target.exists():
        return target
    text = "".join(name + "".join(cities) for _, name, _, cities in PROVINCES) + "".join(TRADES) + "".join(HEADER)
    text += "0123456789省级绿色工厂名单（第批）科技有限公司()._- "
    options = subset.Options()
    options.notdef_outline = True
    loaded = subset.load_font(str(font), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(loaded)
    folder.mkdir(parents=True, exist_ok=True)
    subset.save_font(loaded, str(target), options)
    return target


def host(source: int) -> str:
    return f"gxt{source:03d}.bench.greenmfg.test"


def notice_date(source: int, number: int) -> date:
    """Notice `number` of a source (0 = oldest); newer notices get later (or the same) dates,
    within ten years whatever the corpus size (two days apart at first, then closer: 5,000
    notices of a source span 2016–2025), so the dates stay as plausible as the real lists'."""
    return FIRST_DAY + timedelta(days=round(DATE_SPAN_DAYS * number / (number + 500)) + source % 2)


DATE_SPAN_DAYS = 3650


def rows_of(source: int, number: int, rows: int) -> list[list[str]]:
    rng = random.Random(source * 1_000_003 + number)
    _, _, _, cities = PROVINCES[source % len(PROVINCES)]
    return [
        [
            str(i),
            f"{rng.choice(cities)[:-1]}{rng.choice(TRADES)}科技{source:03d}{number:06d}{i:03d}有限公司",
            rng.choice(cities),
            rng.choice(TRADES),
        ]
        for i in range(1, rows + 1)
    ]


def source_yaml(source: int) -> str:
    code, province, issuer, _ = PROVINCES[source % len(PROVINCES)]
    return f"""id: bench_{source:03d}
name: {issuer} 通知公告 (benchmark site {source:03d})
issuer: {issuer}
level: provincial
region_code: "{code}"
adapter: generic
list_urls: [http://{host(source)}/tzgg/index.html]
list: {{item: "ul.list > li", link: "a[href]", date: "span.date", next: "a.next"}}
article: {{title: "h1.title", body: "div.content", date: "span.time"}}
requests_per_second: 0
max_list_pages: 100000
"""


def page(title: str, main: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'</head><body><div class="header">首页 | 政务公开 | 通知公告</div>{main}'
        f'<div class="footer">版权所有 主办单位 网站标识码 ICP备案</div></body></html>'
    )


def article(source: int, number: int, rows: list[list[str]], fmt: str) -> tuple[str, str, str]:
    """(title, page html, attachment file name or '') of one notice."""
    _, province, issuer, _ = PROVINCES[source % len(PROVINCES)]
    day = notice_date(source, number)
    title = f"关于公布{province}第{number + 1}批省级绿色工厂名单的通知"
    body = (
        f"<p>各设区市工业和信息化主管部门：</p><p>根据《绿色工厂评价通则》，经企业自评价、第三方评价、"
        f"市级推荐和专家评审，确定{html.escape(rows[0][1])}等{len(rows)}家企业为省级绿色工厂，现予公布。</p>"
    )
    attachment = ""
    if fmt == "html":
        cells = "".join(f"<th>{h}</th>" for h in HEADER)
        body += (
            f"<table><tr>{cells}</tr>"
            + "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>" for row in rows)
            + "</table>"
        )
    else:
        attachment = f"{number:06d}.{fmt}"
        body += f'<p><a href="../files/{attachment}">附件：省级绿色工厂名单（第{number + 1}批）.{fmt}</a></p>'
    body += (
        f'<p style="text-align:right">{issuer}</p><p style="text-align:right">{day.year}年{day.month}月{day.day}日</p>'
    )
    main = (
        f'<h1 class="title">{html.escape(title)}</h1><span class="time">{day.isoformat()}</span>'
        f'<div class="content">{body}</div>'
    )
    return title, page(title, main), attachment


def list_pages(source: int, notices: int) -> dict[str, str]:
    """Newest first, PAGE_SIZE per page: index.html, index_1.html, …"""
    numbers = list(range(notices - 1, -1, -1))
    chunks = [numbers[i : i + PAGE_SIZE] for i in range(0, len(numbers), PAGE_SIZE)]
    _, province, _, _ = PROVINCES[source % len(PROVINCES)]
    pages = {}
    for index, chunk in enumerate(chunks):
        items = "".join(
            f'<li><a href="../art/{n:06d}.html">关于公布{province}第{n + 1}批省级绿色工厂名单的通知</a>'
            f'<span class="date">{notice_date(source, n).isoformat()}</span></li>'
            for n in chunk
        )
        nav = f'<a class="next" href="index_{index + 1}.html">下一页</a>' if index < len(chunks) - 1 else ""
        pages["index.html" if index == 0 else f"index_{index}.html"] = page(
            "通知公告", f'<ul class="list">{items}</ul><div class="page">{nav}</div>'
        )
    return pages


_worker_writers = None  # each generator process loads the writers once


def _start_worker(out: Path) -> None:
    global _worker_writers
    _worker_writers = _writers(out)


def _write_notice(job: tuple[Path, int, int, str, int]) -> int:
    """One notice's attachment, then its page (a page on disk means the notice is complete)."""
    site, source, number, fmt, rows = job
    listed = rows_of(source, number, rows)
    title, text, attachment = article(source, number, listed, fmt)
    written = bool(attachment) and not (site / "files" / attachment).exists()
    if written:  # an attachment never changes; a page may (its dates)
        (site / "files").mkdir(parents=True, exist_ok=True)
        partial = site / "files" / f".partial-{attachment}"  # renamed into place once whole
        _worker_writers[fmt](partial, f"省级绿色工厂名单（第{number + 1}批）", HEADER, listed)
        os.replace(partial, site / "files" / attachment)
    target = site / "art" / f"{number:06d}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return 2 if written else 1


def generate(out: Path, sources: int, notices: int, rows: int, processes: int | None = None) -> dict:
    """Write (or extend) the corpus: `notices` in all, spread over `sources`, the new notices
    written by one process per core (a PDF takes ~0.3 s)."""
    from concurrent.futures import ProcessPoolExecutor

    _writers(out)  # the font subsets, made once before the workers start
    (out / "sources").mkdir(parents=True, exist_ok=True)
    written = {"notices": 0, "new_files": 0, "rows": 0, "formats": {}}
    per_source = [notices // sources + (1 if s < notices % sources else 0) for s in range(sources)]
    jobs = []
    for source, count in enumerate(per_source):
        site = out / "sites" / host(source)
        (out / "sources" / f"bench_{source:03d}.yaml").write_text(source_yaml(source), encoding="utf-8")
        for number in range(count):
            fmt = FORMATS[(source + number) % len(FORMATS)]
            written["notices"] += 1
            written["rows"] += rows
            written["formats"][fmt] = written["formats"].get(fmt, 0) + 1
            if not (site / "art" / f"{number:06d}.html").exists():
                jobs.append((site, source, number, fmt, rows))
        for name, text in list_pages(source, count).items():
            (site / "tzgg").mkdir(parents=True, exist_ok=True)
            (site / "tzgg" / name).write_text(text, encoding="utf-8")
    with ProcessPoolExecutor(processes or os.cpu_count(), initializer=_start_worker, initargs=(out,)) as pool:
        written["new_files"] = sum(pool.map(_write_notice, jobs, chunksize=32))
    written.update(sources=sources, rows_per_notice=rows)
    (out / "corpus.json").write_text(json.dumps(written, indent=2), encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=10, help="designation rows per notice")
    parser.add_argument("--sources", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(generate(args.out, args.sources, args.notices, args.rows), ensure_ascii=False))


if __name__ == "__main__":
    main()
