"""Combined lists (one attachment, several designation types), tables that are not lists,
and names that are sentences: files built here in every format, read by the readers.

A combined list says each row's type in one of three ways: a type column (名单类别), section
rows between blocks of rows (二、绿色工业园区), or one sheet per type; each row must take its
own. A table after the list that lists no entities (the evaluation standards: 序号 | 指标名称 |
要求 | 判定依据) must yield nothing, and a "name" that is a sentence is rejected.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from greenmfg.extract.list_rows import extract_rows, implausible_name, label_type
from greenmfg.extract.readers import TableStart, UnreadableAttachment, read_tables
from tests.conftest import REFERENCE

FONT = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
LATIN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

F, P, S, D = "green_factory", "green_park", "green_supply_chain", "green_design_product"
FACTORIES = ["北京某某汽车零部件有限公司", "天津某某钢管制造有限公司"]
PARKS = ["河北某某经济开发区", "山西某某工业园区"]
CHAINS = ["上海某某电气（中国）有限公司", "江苏某某家电股份有限公司"]
DESIGNERS = ["广州某某日化有限公司", "深圳某某电子科技有限公司"]
PRODUCTS = ["浓缩洗衣液", "微型计算机"]
EXPECTED = (
    [(n, F) for n in FACTORIES] + [(n, P) for n in PARKS] + [(n, S) for n in CHAINS] + [(n, D) for n in DESIGNERS]
)

# A "table" is a list of rows; a row is a list of cells, or a str: one cell merged across the row.
TYPE_COLUMN = [
    "2023年第一批绿色制造名单",
    ["序号", "名单类别", "地区", "企业名称"],
    ["1", "绿色工厂", "北京", FACTORIES[0]],
    ["2", "工厂", "天津", FACTORIES[1]],
    ["3", "绿色园区", "河北", PARKS[0]],
    ["4", "绿色工业园区", "山西", PARKS[1]],
    ["5", "绿色供应链管理企业", "上海", CHAINS[0]],
    ["6", "供应链", "江苏", CHAINS[1]],
    ["7", "绿色设计产品", "广东", DESIGNERS[0]],
    ["8", "设计产品", "广东", DESIGNERS[1]],
]
SECTIONS = [  # each section its own header: the park section's columns are in another order
    "2023年第一批绿色制造名单",
    "一、绿色工厂",
    ["序号", "地区", "企业名称", "备注"],
    ["1", "北京", FACTORIES[0], ""],
    ["2", "天津", FACTORIES[1], ""],
    "二、绿色工业园区",
    ["序号", "园区名称", "地区", "备注"],
    ["1", PARKS[0], "河北", ""],
    ["2", PARKS[1], "山西", ""],
    "（三）绿色供应链管理企业",  # no header of its own: the park section's columns go on
    ["1", CHAINS[0], "上海", ""],
    ["2", CHAINS[1], "江苏", ""],
    "绿色设计产品（2项）",
    ["序号", "地区", "企业名称", "产品名称"],
    ["1", "广东", DESIGNERS[0], PRODUCTS[0]],
    ["2", "广东", DESIGNERS[1], PRODUCTS[1]],
]
SHEETS = [  # one sheet per type, named by it; each with its own untyped title row and header
    (
        "绿色工厂",
        ["2023年第一批名单", ["序号", "地区", "企业名称"], ["1", "北京", FACTORIES[0]], ["2", "天津", FACTORIES[1]]],
    ),
    ("绿色园区", ["2023年第一批名单", ["序号", "地区", "园区名称"], ["1", "河北", PARKS[0]], ["2", "山西", PARKS[1]]]),
    ("供应链", ["2023年第一批名单", ["序号", "地区", "企业名称"], ["1", "上海", CHAINS[0]], ["2", "江苏", CHAINS[1]]]),
    (
        "绿色设计产品",
        [
            "2023年第一批名单",
            ["序号", "地区", "企业名称", "产品名称"],
            ["1", "广东", DESIGNERS[0], PRODUCTS[0]],
            ["2", "广东", DESIGNERS[1], PRODUCTS[1]],
        ],
    ),
]
TITLED_TABLES = [  # Word and PDF: one table per type, each with a title row naming its type
    ["附件1：绿色工厂名单", ["序号", "地区", "企业名称"], ["1", "北京", FACTORIES[0]], ["2", "天津", FACTORIES[1]]],
    ["附件2：绿色工业园区名单", ["序号", "地区", "园区名称"], ["1", "河北", PARKS[0]], ["2", "山西", PARKS[1]]],
    ["附件3：绿色供应链管理企业名单", ["序号", "地区", "企业名称"], ["1", "上海", CHAINS[0]], ["2", "江苏", CHAINS[1]]],
    [
        "附件4：绿色设计产品名单",
        ["序号", "地区", "企业名称", "产品名称"],
        ["1", "广东", DESIGNERS[0], PRODUCTS[0]],
        ["2", "广东", DESIGNERS[1], PRODUCTS[1]],
    ],
]

# A design-product list, continued on the next page without its header, then the evaluation
# standards (as many columns as the list), also continued without a header.
LIST_HEADER = ["序号", "企业名称", "产品名称", "产品型号", "推荐单位"]
LISTED = [
    ["1", "广州某某日化有限公司", "浓缩洗衣液", "-", "广东省工业和信息化厅"],
    ["2", "杭州某某家电有限公司", "电冰箱", "BCD-520", "浙江省经济和信息化厅"],
    ["3", "青岛某某电器股份有限公司", "房间空气调节器", "KFR-35GW", "山东省工业和信息化厅"],
    ["4", "合肥某某电子有限公司", "液晶电视", "55A1", "安徽省经济和信息化厅"],
]
STANDARDS_HEADER = ["序号", "指标名称", "要求", "判定依据", "备注"]
STANDARDS = [
    ["1", "单位产品综合能耗", "达到限额标准先进值", "提供检测报告", ""],  # short, punctuation-free:
    ["2", "有害物质限量", "符合附录A", "提供检测报告", ""],  # only the table's header
    ["3", "产品可回收利用率", "不低于百分之七十", "提供计算报告", ""],  # tells they are no list
    ["4", "包装材料", "使用可降解材料", "提供说明", ""],
]


# --- the files ----------------------------------------------------------------------------------
def _width(rows) -> int:
    return max(len(r) for r in rows if not isinstance(r, str))


def xlsx(sheets: list[tuple[str, list]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet, width = workbook.create_sheet(title), _width(rows)
        for row in rows:
            if isinstance(row, str):
                sheet.append([row] + [None] * (width - 1))
                sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
            else:
                sheet.append([int(c) if c.isdigit() and i == 0 else c for i, c in enumerate(row)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xls(sheets: list[tuple[str, list]]) -> bytes:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    for title, rows in sheets:
        sheet, width = workbook.add_sheet(title), _width(rows)
        for r, row in enumerate(rows):
            if isinstance(row, str):
                sheet.write_merge(r, r, 0, width - 1, row)
            else:
                for c, value in enumerate(row):
                    sheet.write(r, c, int(value) if c == 0 and value.isdigit() else value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def docx(tables: list[list]) -> bytes:
    from docx import Document

    document = Document()
    for rows in tables:
        document.add_paragraph("附件")
        width = _width(rows)
        table = document.add_table(rows=0, cols=width)
        for row in rows:
            cells = table.add_row().cells
            if isinstance(row, str):
                cells[0].merge(cells[-1]).text = row
            else:
                for cell, value in zip(cells, row + [""] * (width - len(row))):
                    cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf(pages: list[list]) -> bytes:
    """One ruled table per page (pdfplumber gives one table each), as MIIT's PDFs: a list that
    goes on over a page break is a new table there, with or without its header repeated."""
    from fpdf import FPDF

    if not FONT.exists():
        pytest.skip(f"no CJK font at {FONT} (apt-get install fonts-droid-fallback)")
    document = FPDF(orientation="L", format="A4")
    document.add_font("dejavu", fname=str(LATIN_FONT))
    document.add_font("droid", fname=str(FONT))
    document.set_font("dejavu", size=9)
    document.set_fallback_fonts(["droid"])
    for rows in pages:
        document.add_page()
        width = _width(rows)
        with document.table(first_row_as_headings=False, text_align="LEFT") as table:
            for row in rows:
                line = table.row()
                if isinstance(row, str):
                    line.cell(row, colspan=width)
                else:
                    for value in row:
                        line.cell(value)
    return bytes(document.output())


def typed_rows(body: bytes, name: str):
    extraction = extract_rows(read_tables(body, name)[1])
    assert extraction.rejected == []
    return [(row.fields["name"], row.designation_type) for row in extraction.rows]


# --- combined lists: every row takes its own type ------------------------------------------------
@pytest.mark.parametrize(
    "make,name",
    [
        (lambda: xlsx([("名单", TYPE_COLUMN)]), "type_column.xlsx"),
        (lambda: xls([("Sheet1", TYPE_COLUMN)]), "type_column.xls"),
        (lambda: docx([TYPE_COLUMN]), "type_column.docx"),
        (lambda: pdf([TYPE_COLUMN]), "type_column.pdf"),
        (lambda: xlsx([("Sheet1", SECTIONS)]), "sections.xlsx"),
        (lambda: xls([("Sheet1", SECTIONS)]), "sections.xls"),
        (lambda: docx([SECTIONS]), "sections.docx"),
        (lambda: pdf([SECTIONS]), "sections.pdf"),
        (lambda: xlsx(SHEETS), "sheets.xlsx"),
        (lambda: xls(SHEETS), "sheets.xls"),
        (lambda: docx(TITLED_TABLES), "tables.docx"),
        (lambda: pdf(TITLED_TABLES), "tables.pdf"),
    ],
)
def test_each_row_of_a_combined_list_takes_its_own_type(make, name):
    assert typed_rows(make(), name) == EXPECTED


def test_type_column_cells_stay_in_the_rows():
    rows = extract_rows(read_tables(xlsx([("名单", TYPE_COLUMN)]), "a.xlsx")[1]).rows
    assert [(row.fields["category"], row.category) for row in rows[:2]] == [("绿色工厂", "绿色工厂"), ("工厂", "工厂")]


def test_section_rows_switch_the_columns_and_keep_design_categories():
    extraction = extract_rows(read_tables(xlsx([("Sheet1", SECTIONS)]), "a.xlsx")[1])
    rows = {row.fields["name"]: row for row in extraction.rows}
    assert rows[PARKS[0]].fields["region_text"] == "河北"  # 园区名称 | 地区: the park header's order
    assert rows[DESIGNERS[0]].fields["product_name"] == PRODUCTS[0]
    # the category as before (a section row after the header is one): callers that type rows by it keep working
    assert [row.category for row in extraction.rows] == [None, None] + ["二、绿色工业园区"] * 2 + [
        "（三）绿色供应链管理企业"
    ] * 2 + ["绿色设计产品（2项）"] * 2
    reasons = [(reason, text) for _, reason, text in extraction.skipped]
    assert ("section row", "二、绿色工业园区") in reasons and ("header row", "序号 园区名称 地区 备注") in reasons
    assert not any(row.fields["name"] in ("企业名称", "园区名称") for row in extraction.rows)


def test_product_categories_inside_a_typed_sheet_stay_categories():
    rows = [
        ["序号", "企业名称", "产品名称"],
        "一、家用洗涤剂（2种）",
        ["1", DESIGNERS[0], PRODUCTS[0]],
        "二、微型计算机（1种）",
        ["1", DESIGNERS[1], PRODUCTS[1]],
    ]
    extraction = extract_rows(read_tables(xlsx([("绿色设计产品", rows)]), "a.xlsx")[1])
    assert [(r.category, r.designation_type) for r in extraction.rows] == [
        ("一、家用洗涤剂（2种）", D),
        ("二、微型计算机（1种）", D),
    ]


def test_a_table_that_does_not_say_leaves_the_type_to_the_caller():
    rows = ["2023年第一批绿色制造名单", ["序号", "地区", "企业名称"], ["1", "北京", FACTORIES[0]]]
    assert typed_rows(xlsx([("Sheet1", rows)]), "a.xlsx") == [(FACTORIES[0], None)]
    both = ["2023年浙江省级绿色低碳工业园区、工厂名单", ["序号", "地区", "企业名称"], ["1", "北京", FACTORIES[0]]]
    assert typed_rows(xlsx([("Sheet1", both)]), "a.xlsx") == [(FACTORIES[0], None)]  # names two types: says none


@pytest.mark.parametrize(
    "label,code",
    [
        ("绿色工厂", F),
        ("工厂", F),
        ("2023年浙江省级绿色低碳工厂名单", F),
        ("一、绿色工厂", F),
        ("绿色园区", P),
        ("工业园区", P),
        ("二、绿色工业园区", P),
        ("园区", P),
        ("供应链", S),
        ("（三）绿色供应链管理企业", S),
        ("绿色供应链管理示范企业", S),
        ("绿色设计产品", D),
        ("绿色设计产品（12项）", D),
        ("设计产品", D),
        ("一、家用洗涤剂（58种）", None),
        ("五、工厂化养殖设备", None),
        ("Sheet1", None),
        ("名单", None),
        ("绿色工业园区、工厂名单", None),
        ("绿色工厂和绿色供应链管理企业", None),
    ],
)
def test_label_type(label, code):
    assert label_type(label) == code


# --- a table that lists no entities yields no designations --------------------------------------
def test_pdf_list_then_standards_table_gives_only_the_list():
    pages = [
        [LIST_HEADER, *LISTED[:2]],
        LISTED[2:],  # the list, continued without its header
        [STANDARDS_HEADER, *STANDARDS[:2]],
        STANDARDS[2:],
    ]  # the standards, as many columns, continued too
    body = pdf(pages)
    _, table = read_tables(body, "list.pdf")
    assert sum(type(row) is TableStart for row in table) == 4
    extraction = extract_rows(table)
    assert [row.fields["name"] for row in extraction.rows] == [row[1] for row in LISTED]
    not_list = [text for _, reason, text in extraction.skipped if reason == "not a list table"]
    assert len(not_list) == 1 + len(STANDARDS) and not_list[0].startswith("序号 指标名称")


def test_pdf_standards_table_of_another_width_and_header_words():
    header = ["序号", "标准名称", "要求", "判定依据"]
    sentences = [
        ["1", "《生态设计产品评价技术规范 家用洗涤剂》", "产品应符合标准的全部要求", "检测报告"],
        ["2", "资源属性指标要求", "单位产品取水量不高于限定值", "计算报告"],
    ]
    extraction = extract_rows(read_tables(pdf([[LIST_HEADER, *LISTED], [header, *sentences]]), "a.pdf")[1])
    assert [row.fields["name"] for row in extraction.rows] == [row[1] for row in LISTED]
    assert extraction.rejected == []  # never read as rows at all


def test_pdf_list_continued_without_header_on_the_next_page_is_kept():
    extraction = extract_rows(
        read_tables(pdf([[LIST_HEADER, LISTED[0]], LISTED[1:2], [LIST_HEADER, *LISTED[2:]]]), "a.pdf")[1]
    )
    assert [row.fields["name"] for row in extraction.rows] == [row[1] for row in LISTED]
    assert [row.row_number for row in extraction.rows] == [2, 3, 5, 6]  # markers are not counted


@pytest.mark.parametrize("layout", ["same sheet", "own sheet"])
def test_xlsx_list_then_standards_table_gives_only_the_list(layout):
    listing = ["附件：绿色设计产品名单", LIST_HEADER, *LISTED]
    standards = ["附表：评价要求", STANDARDS_HEADER, *STANDARDS]
    sheets = (
        [("名单", listing + [[""] * 5] + standards)]
        if layout == "same sheet"
        else [("名单", listing), ("评价要求", standards)]
    )
    for body, name in ((xlsx(sheets), "a.xlsx"), (xls(sheets), "a.xls")):
        extraction = extract_rows(read_tables(body, name)[1])
        assert [row.fields["name"] for row in extraction.rows] == [row[1] for row in LISTED], name
        assert {row.designation_type for row in extraction.rows} == {D}
        assert sum(reason == "not a list table" for _, reason, _ in extraction.skipped) >= 1 + len(STANDARDS)


@pytest.mark.parametrize("where", ["after", "before"])
def test_a_standards_table_with_a_generic_name_column_is_no_list(where):
    """序号 | 名称 | 要求 | 判定依据 has a name column (名称) but is the standards' table."""
    standards = [["序号", "名称", "要求", "判定依据", ""], ["1", "综合能耗", "达到先进值", "检测报告", ""]]
    listing = [LIST_HEADER, *LISTED]
    table = listing + standards if where == "after" else standards + listing
    extraction = extract_rows(table)
    assert [row.fields["name"] for row in extraction.rows] == [row[1] for row in LISTED]


def test_a_list_under_a_new_header_after_a_standards_table_is_read_again():
    table = [
        LIST_HEADER,
        LISTED[0],
        STANDARDS_HEADER,
        STANDARDS[0],
        ["二、绿色工厂", "", "", "", ""],
        ["序号", "地区", "企业名称", "", ""],
        ["1", "北京", FACTORIES[0], "", ""],
    ]
    rows = extract_rows(table).rows
    assert [(r.fields["name"], r.designation_type) for r in rows] == [(LISTED[0][1], None), (FACTORIES[0], F)]


# --- implausible names are rejected ------------------------------------------------------------
SENTENCES = [
    (
        "企业应建立健全能源管理体系并通过第三方认证且持续改进能源绩效以满足国家和地方有关节能法律法规标准及政策的各项要求"
        "并在评价周期内保持有效",
        "longer than any name",
    ),
    ("产品应符合GB/T 32161的要求，且有害物质限量满足附录A", "sentence punctuation '，'"),
    ("废水排放应满足标准要求;并定期监测", "sentence punctuation ';'"),
    ("单位产品综合能耗应达到国家单位产品能源消耗限额标准中先进值的要求", "no name ending"),
]
GOOD_NAMES = [
    "龙竹科技集团股份有限公司（原福建龙泰竹家居股份有限公司）",
    "重庆美心.麦森门业有限公司",
    "某某新材料有限公司（原名：某某化工厂）",
    "ABB (China) Co., Ltd.",
    "内蒙古鄂尔多斯电力冶金集团股份有限公司氯碱化工分公司",
]


def test_sentence_rows_are_rejected_with_the_start_of_their_text():
    table = [["序号", "地区", "企业名称"]] + [
        [str(i), "北京", n] for i, n in enumerate(GOOD_NAMES + [s for s, _ in SENTENCES])
    ]
    extraction = extract_rows(table)
    assert [row.fields["name"] for row in extraction.rows] == GOOD_NAMES
    assert [(number, rule) for number, rule, _ in extraction.rejected] == [
        (len(GOOD_NAMES) + 2 + i, "implausible_name") for i in range(len(SENTENCES))
    ]
    for (_, _, reason), (sentence, why) in zip(extraction.rejected, SENTENCES):
        assert why in reason and f"«{sentence[:10]}" in reason, reason


def test_design_products_check_the_enterprise_not_the_product():
    table = [
        LIST_HEADER,
        ["1", DESIGNERS[0], "洗衣液，浓缩型，低泡", "-", "广东省工业和信息化厅"],
        ["2", SENTENCES[1][0], "洗衣液", "-", "广东省工业和信息化厅"],
    ]
    extraction = extract_rows(table)
    assert [row.fields["name"] for row in extraction.rows] == [DESIGNERS[0]]
    assert [number for number, _, _ in extraction.rejected] == [3]


def reference_names() -> list[str]:
    names = []
    for path in sorted(REFERENCE.glob("*.csv")):
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                names += [row[column] for column in ("工厂名称", "园区", "企业名称") if row.get(column)]
    return names


def test_every_miit_reference_name_is_plausible():
    names = reference_names()
    assert len(names) > 3000
    assert [(n, implausible_name(n)) for n in names if implausible_name(n)] == []
    extraction = extract_rows([["序号", "企业名称"]] + [[str(i), n] for i, n in enumerate(names, start=1)])
    assert len(extraction.rows) == len(names) and extraction.rejected == []


# --- the readers' markers ------------------------------------------------------------------------
def test_workbook_sheets_are_marked_and_rows_keep_their_numbers():
    fmt, table = read_tables(xlsx(SHEETS[:2]), "a.xlsx")
    assert [row.sheet for row in table if type(row) is TableStart] == ["绿色工厂", "绿色园区"]
    assert table[0] == [] and table[1][0] == "2023年第一批名单"  # a marker is an empty row to other readers
    rows = extract_rows(table).rows
    assert [row.row_number for row in rows] == [3, 4, 7, 8]  # as without markers


def test_a_workbook_of_empty_sheets_has_no_table():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.create_sheet("Sheet2")
    out = io.BytesIO()
    workbook.save(out)
    with pytest.raises(UnreadableAttachment, match="has no table"):
        read_tables(out.getvalue(), "empty.xlsx")


# --- through the one assembly: what the extract stage stores -----------------------------------
SENTENCE_ROW = [
    "5",
    "申报企业应建立完善的能源管理体系，并按照标准要求开展产品全生命周期评价，确保指标持续达标。",
    "-",
    "-",
    "广东省工业和信息化厅",
]


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_the_stage_stores_only_the_list_and_quarantines_the_sentence_rows(fmt):
    import hashlib

    from greenmfg.extract.records import Document, document_rows

    rows = [LIST_HEADER, *LISTED, SENTENCE_ROW]
    body = (
        pdf([rows, [STANDARDS_HEADER, *STANDARDS]])
        if fmt == "pdf"
        else xlsx(
            [("名单", ["附件：绿色设计产品名单", *rows, [""] * 5, "附表：评价要求", STANDARDS_HEADER, *STANDARDS])]
        )
    )
    url = f"http://www.miit.gov.cn/files/list.{fmt}"
    document = Document(
        "attachment",
        "miit",
        url,
        hashlib.sha256(body).hexdigest(),
        title="关于公布绿色设计产品名单的通知",
        year=2023,
        parent_url="http://www.miit.gov.cn/a.html",
        link_text="附件：绿色设计产品名单",
    )
    lake = document_rows(document, body)
    assert [row[9] for row in lake.tables["list_rows"]] == [row[1] for row in LISTED]  # the name column
    assert [q[5] for q in lake.tables["quarantine"]] == ["implausible_name"]
    assert "申报企业应建立" in lake.tables["quarantine"][0][6]  # the reason quotes the row


def test_rows_whose_outcome_says_not_designated_are_rejected_with_the_reason():
    rows = [
        ["序号", "企业名称", "结论"],
        ["1", "甲乙钢铁有限公司", "保留"],
        ["2", "丙丁钒钛有限公司", "撤销"],
        ["3", "戊己化工有限公司", "培育"],
    ]
    out = extract_rows(rows)
    assert [r.fields["name"] for r in out.rows] == ["甲乙钢铁有限公司"]
    assert [(n, rule) for n, rule, _ in out.rejected] == [(3, "not_designated"), (4, "not_designated")]
    assert "撤销" in out.rejected[0][2]


def test_a_list_two_entries_a_row_gives_each_entry_a_row():
    rows = [
        ["序号", "企业名称", "序号", "企业名称"],
        ["1", "甲乙管业有限公司", "2", "丙丁包装有限公司*"],
        ["3", "戊己电气有限公司", "", ""],
    ]
    assert [r.fields["name"] for r in extract_rows(rows).rows] == [
        "甲乙管业有限公司",
        "丙丁包装有限公司",
        "戊己电气有限公司",
    ]


def test_outcomes_that_keep_the_designation_and_notes_that_name_revocations():
    rows = [
        ["序号", "企业名称", "结论"],
        ["1", "甲有限公司", "保留称号,限期整改"],
        ["2", "乙有限公司", "不予撤销"],
        ["3", "丙有限公司", "撤销"],
        ["注:2023年已撤销称号的企业不在本名单内", "", ""],
        ["4", "丁有限公司", "保留"],
    ]
    out = extract_rows(rows)
    assert [r.fields["name"] for r in out.rows] == ["甲有限公司", "乙有限公司", "丁有限公司"]


def test_a_side_by_side_header_with_a_spacer_column_is_left_as_it_is():
    rows = [["", "序号", "企业名称", "序号", "企业名称"], ["", "1", "甲有限公司", "2", "乙有限公司"]]
    assert [r.fields["name"] for r in extract_rows(rows).rows] == ["甲有限公司"]  # no name "1" or "2"
