"""Rebuild the MIIT part of the offline corpus from corpus/reference/miit_national_lists/.

    .venv/bin/python corpus/build_miit.py      (needs Debian's fonts-droid-fallback and fonts-dejavu-core)

Writes corpus/sites/www.miit.gov.cn/… and corpus/sites/wap.miit.gov.cn/…: a paginated list
page, one article page per notice (batches 1–4 and 2021年度) and its attachments. The 2021
factory and park attachments are MIIT's real PDFs; every other attachment is generated from
the reference CSV rows in one of PDF, .xlsx, .xls, .docx (rotating, so each list type is
seen in every format). Page templates are reconstructions: see corpus/README.md.
"""

from __future__ import annotations

import csv
import html
import shutil
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "reference" / "miit_national_lists"
SITES = HERE / "sites"
FONT = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
LATIN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LIST_URL = "https://www.miit.gov.cn/jgsj/jns/wjfb/index.html"
PAGE_SIZE = 3

LIST_TYPES = {  # 名称 in announcement_index.csv → (csv file, attachment number)
    "绿色工厂名单": ("green_factories.csv", 1),
    "绿色设计产品名单": ("green_design_products.csv", 2),
    "绿色工业园区名单": ("green_parks.csv", 3),
    "绿色供应链管理示范企业名单": ("green_supply_chain.csv", 4),
}
COLUMNS = {
    "green_factories.csv": ["序号", "地区", "工厂名称", "行业", "第三方评价机构"],
    "green_parks.csv": ["序号", "地区", "园区名称", "第三方评价机构"],
    "green_supply_chain.csv": ["序号", "地区", "企业名称", "第三方评价机构"],
    "green_design_products.csv": ["序号", "企业名称", "产品名称", "产品型号", "推荐单位"],
}
FORMATS = ["pdf", "xlsx", "xls", "docx"]
FORMAT_OFFSET = {
    "green_factories.csv": 0,
    "green_parks.csv": 1,
    "green_supply_chain.csv": 2,
    "green_design_products.csv": 3,
}
BATCH_LABEL = {"1": "第一批", "2": "第二批", "3": "第三批", "4": "第四批", "2021": "2021年度"}
# Notice titles are reconstructed from the batch (the index has dates and URLs only);
# 工信厅节函〔2022〕7号 is the real document number of the 2021 notice.
NOTICE = {
    "1": ("工业和信息化部办公厅关于公布第一批绿色制造体系示范名单的通知", None),
    "2": ("工业和信息化部办公厅关于公布第二批绿色制造名单的通知", None),
    "3": ("工业和信息化部办公厅关于公布第三批绿色制造名单的通知", None),
    "4": ("工业和信息化部办公厅关于公布第四批绿色制造名单的通知", None),
    "2021": ("工业和信息化部办公厅关于公布2021年度绿色制造名单的通知", "工信厅节函〔2022〕7号"),
}
REAL_2021 = {"绿色工厂名单": "附件1_绿色工厂名单.pdf", "绿色工业园区名单": "附件3_绿色工业园区名单.pdf"}


def site_path(url: str) -> Path:
    parts = urlsplit(url)
    return SITES / parts.netloc / parts.path.lstrip("/")


def read_csv(name: str) -> list[dict]:
    with open(REFERENCE / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def clean(value: str | None) -> str:
    value = (value or "").strip()
    return value[:-3] if value.endswith("nan") else value


# --- table content -------------------------------------------------------------------
def table_rows(csv_name: str, rows: list[dict]) -> list[list[str] | str]:
    """Data rows as lists; category and note rows (design products) as plain strings."""
    if csv_name != "green_design_products.csv":
        return [[clean(r[c if c in r else _csv_column(csv_name, c)]) for c in COLUMNS[csv_name]] for r in rows]
    out: list[list[str] | str] = []
    category = None
    for row in rows:
        if not clean(row["企业名称"]):  # the source PDF's own category/note lines
            out.append(clean(row["序号"]))
            continue
        if row["种类"] != category:
            category = row["种类"]
            out += [
                category,
                "适用评价标准：" + clean(row["适用评价标准"]),
                "绿色设计亮点：" + clean(row["绿色设计亮点"]),
            ]
        out.append([clean(row[c]) or "-" if c == "产品型号" else clean(row[c]) for c in COLUMNS[csv_name]])
    return out


def _csv_column(csv_name: str, column: str) -> str:
    return {"园区名称": "园区"}.get(column, column)


# --- writers, one per format ----------------------------------------------------------
def write_xlsx(path: Path, title: str, header: list[str], rows) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append([title] + [None] * (len(header) - 1))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(header)
    for row in rows:
        if isinstance(row, str):
            ws.append([row] + [None] * (len(header) - 1))
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(header))
        else:
            ws.append(row)
    wb.save(path)


def write_xls(path: Path, title: str, header: list[str], rows) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    ws.write_merge(0, 0, 0, len(header) - 1, title)
    for col, name in enumerate(header):
        ws.write(1, col, name)
    for r, row in enumerate(rows, start=2):
        if isinstance(row, str):
            ws.write_merge(r, r, 0, len(header) - 1, row)
        else:
            for col, value in enumerate(row):
                ws.write(r, col, int(value) if col == 0 and value.isdigit() else value)
    wb.save(str(path))


def write_docx(path: Path, title: str, header: list[str], rows) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph(title)
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, header):
        cell.text = name
    for row in rows:
        cells = table.add_row().cells
        if isinstance(row, str):
            merged = cells[0].merge(cells[-1])
            merged.text = row
        else:
            for cell, value in zip(cells, row):
                cell.text = value
    doc.save(path)


def write_pdf(path: Path, title: str, header: list[str], rows) -> None:
    from fpdf import FPDF

    wide = len(header) >= 5
    pdf = FPDF(orientation="L" if wide else "P", format="A4")
    pdf.set_creation_date(datetime(2020, 1, 1, tzinfo=UTC))
    for style in ("", "B"):  # DejaVu for Latin and digits, Droid Sans Fallback for CJK
        pdf.add_font("dejavu", style=style, fname=str(LATIN_FONT))
        pdf.add_font("droid", style=style, fname=str(FONT))
    pdf.set_font("dejavu", size=9)
    pdf.set_fallback_fonts(["droid"])
    pdf.add_page()
    pdf.cell(text=title, new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.ln(2)
    widths = {4: (12, 30, 90, 58), 5: (12, 70, 70, 45, 70)}.get(len(header))
    if len(header) == 5 and header[1] == "地区":
        widths = (12, 25, 100, 35, 100)
    with pdf.table(col_widths=widths, text_align="LEFT", first_row_as_headings=True) as table:
        table.row(header)
        for row in rows:
            line = table.row()
            if isinstance(row, str):
                line.cell(row, colspan=len(header))
            else:
                for value in row:
                    line.cell(value)
    pdf.output(str(path))


WRITERS = {"pdf": write_pdf, "xlsx": write_xlsx, "xls": write_xls, "docx": write_docx}


# --- pages ------------------------------------------------------------------------------
CHROME_TOP = """<div class="header"><div class="w1200"><a href="https://www.miit.gov.cn/" class="logo">中华人民共和国工业和信息化部</a>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/gzjg/">机构</a></li><li><a href="/xwdt/">新闻</a></li>
<li><a href="/zwgk/">政务公开</a></li><li><a href="/gzcy/">互动</a></li></ul>
<div class="tools">无障碍辅助浏览 长者助手 繁体版 简体版</div></div></div>"""
CHROME_BOTTOM = """<div class="footer"><p>主办单位：中华人民共和国工业和信息化部 地址：北京市西长安街13号</p>
<p>版权所有：中华人民共和国工业和信息化部 京ICP备04000001号 京公网安备 11040102700068号</p></div>"""


def page(title: str, head_extra: str, main: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{html.escape(title)}_中华人民共和国工业和信息化部</title>
{head_extra}</head>
<body>
{CHROME_TOP}
<div class="w1200 main">
<div class="location">当前位置：<a href="https://www.miit.gov.cn/">首页</a> &gt; <a href="https://www.miit.gov.cn/jgsj/jns/">节能与综合利用司</a> &gt; <a href="https://www.miit.gov.cn/jgsj/jns/wjfb/index.html">文件发布</a></div>
{main}
</div>
{CHROME_BOTTOM}
</body></html>
"""


def article_html(batch: str, date: str, title: str, number: str | None, attachments: list[tuple[str, str, int]]) -> str:
    iso = date
    counts = "、".join(f"{name[:-2]}{n}{'种' if '产品' in name else '家'}" for _, name, n in attachments)
    links = "\n".join(
        f'<p><a href="{html.escape(url)}">附件{i}：{html.escape(name)}</a></p>'
        for i, (url, name, _) in enumerate(attachments, 1)
    )
    number_p = f'<p style="text-align:center">{number}</p>\n' if number else ""
    main = f"""<div class="ctitle"><h1 id="con_title">{html.escape(title)}</h1>
<div class="cinfo"><span id="con_time">发布时间：{iso}</span><span>来源：节能与综合利用司</span>
<span class="tools">字号：[大] [中] [小] 打印 关闭</span></div></div>
<div id="con_con" class="ccontent center">
{number_p}<p>各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门，有关中央企业，有关单位：</p>
<p>为贯彻落实《工业绿色发展规划（2016-2020年）》《绿色制造工程实施指南（2016-2020年）》，加快推动绿色制造体系建设，经地方工业和信息化主管部门、有关中央企业推荐，第三方评价机构评价、专家论证和网上公示，确定了{BATCH_LABEL[batch]}绿色制造名单，共{counts}，现予公布。</p>
<p>请各地工业和信息化主管部门加强对名单内企业、园区的指导和动态管理，名单内单位应持续提升绿色制造水平。</p>
{links}
<p style="text-align:right">工业和信息化部办公厅</p>
<p style="text-align:right">{int(iso[:4])}年{int(iso[5:7])}月{int(iso[8:10])}日</p>
</div>
<div class="share">扫一扫在手机打开当前页</div>"""
    head = (
        f'<meta name="ArticleTitle" content="{html.escape(title)}">\n'
        f'<meta name="PubDate" content="{iso} 00:00">\n<meta name="ContentSource" content="节能与综合利用司">'
    )
    return page(title, head, main)


def list_html(entries: list[tuple[str, str, str]], page_no: int, pages: int) -> str:
    rows = "\n".join(
        f'<li><a href="{html.escape(url)}" target="_blank" title="{html.escape(title)}">{html.escape(title)}</a><span>{date}</span></li>'
        for url, title, date in entries
    )
    nav = []
    if page_no > 0:
        nav.append(f'<a class="prev" href="{"index.html" if page_no == 1 else f"index_{page_no - 1}.html"}">上一页</a>')
    if page_no < pages - 1:
        nav.append(f'<a class="next" href="index_{page_no + 1}.html">下一页</a>')
    main = f"""<div class="lmy_main_r"><h2>文件发布</h2>
<ul class="clist_con">
{rows}
</ul>
<div class="page">{" ".join(nav)} 共{pages}页</div></div>"""
    return page("文件发布", "", main)


def attachment_url(original: str, fmt: str) -> str:
    stem = original.rsplit(".", 1)[0]
    return f"{stem}.{fmt}"


def build() -> None:
    index = read_csv("announcement_index.csv")
    data = {name: defaultdict(list) for name, _ in LIST_TYPES.values()}
    for csv_name in data:
        for row in read_csv(csv_name):
            data[csv_name][row["批次"]].append(row)
    for host in ("www.miit.gov.cn", "wap.miit.gov.cn"):
        shutil.rmtree(SITES / host, ignore_errors=True)

    notices: dict[str, dict] = {}
    for row in index:
        batch = row["批次"]
        if batch not in NOTICE:
            continue  # batch 5: no reference rows
        csv_name, number = LIST_TYPES[row["名称"]]
        rows = data[csv_name].get(batch)
        if not rows:
            continue  # 2021 has no supply-chain or design-product rows in the reference
        year, month, day = (int(x) for x in row["时间"].replace("年", "-").replace("月", "-").rstrip("日").split("-"))
        notice = notices.setdefault(
            batch, {"url": row["网页"], "date": f"{year:04d}-{month:02d}-{day:02d}", "attachments": []}
        )
        header = COLUMNS[csv_name]
        title = f"附件{number}  {BATCH_LABEL[batch]}{row['名称']}"
        if batch == "2021" and row["名称"] in REAL_2021:
            url = row["名单"]
            target = site_path(url)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(REFERENCE / "attachments_2021" / REAL_2021[row["名称"]], target)
        else:
            fmt = FORMATS[(int(batch) - 1 + FORMAT_OFFSET[csv_name]) % len(FORMATS)]
            url = attachment_url(row["名单"], fmt)
            target = site_path(url)
            target.parent.mkdir(parents=True, exist_ok=True)
            WRITERS[fmt](target, title, header, table_rows(csv_name, rows))
        listed = sum(1 for r in rows if csv_name != "green_design_products.csv" or clean(r["企业名称"]))
        notice["attachments"].append((url, row["名称"], listed))

    for batch, notice in notices.items():
        title, number = NOTICE[batch]
        notice["title"] = title
        notice["attachments"].sort(key=lambda a: [*LIST_TYPES].index(a[1]))
        target = site_path(notice["url"])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article_html(batch, notice["date"], title, number, notice["attachments"]), encoding="utf-8")

    ordered = sorted(notices.values(), key=lambda n: n["date"], reverse=True)
    pages = [ordered[i : i + PAGE_SIZE] for i in range(0, len(ordered), PAGE_SIZE)]
    for no, entries in enumerate(pages):
        name = "index.html" if no == 0 else f"index_{no}.html"
        target = site_path(LIST_URL).parent / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            list_html([(n["url"], n["title"], n["date"]) for n in entries], no, len(pages)), encoding="utf-8"
        )
    print(
        f"built {len(notices)} notices, {sum(len(n['attachments']) for n in notices.values())} attachments, {len(pages)} list pages"
    )


if __name__ == "__main__":
    build()
