"""Every attachment format of the corpus parses to the right number of designations."""

import pytest

from greenmfg.extract.list_rows import NoHeaderFound, extract_rows
from greenmfg.extract.readers import UnreadableAttachment, read_tables
from tests.conftest import REFERENCE, SITES

WAP = SITES / "wap.miit.gov.cn/cms_files/filemanager/oldfile/miit/n1146295/n1652858/n1652930/n3757016"
CASES = [  # (file, format, rows, first name)
    (REFERENCE / "attachments_2021/附件1_绿色工厂名单.pdf", "pdf", 662, "北京市政路桥建材集团有限公司路驰分公司"),
    (REFERENCE / "attachments_2021/附件3_绿色工业园区名单.pdf", "pdf", 52, "天津子牙经济技术开发区"),
    (WAP / "c5778010/part/5778089.pdf", "pdf", 201, "北京京东方显示技术有限公司"),
    (WAP / "c6066891/part/6066921.xlsx", "xlsx", 208, "北京汽车集团有限公司越野车分公司"),
    (WAP / "c6471863/part/6472201.xls", "xls", 391, "北京北汽模塑科技有限公司"),
    (WAP / "c7413818/part/7413917.docx", "docx", 602, "安泰科技股份有限公司"),
    (WAP / "c6471863/part/6472202.xlsx", "xlsx", 480, "北京绿伞化学股份有限公司"),
    (WAP / "c6066891/part/6066922.pdf", "pdf", 53, "天津国韵生物材料有限公司"),
]


@pytest.mark.parametrize("path,fmt,count,first", CASES, ids=lambda v: getattr(v, "name", str(v)))
def test_format_parses(path, fmt, count, first):
    got_fmt, table = read_tables(path.read_bytes(), path.name)
    rows = extract_rows(table).rows
    assert got_fmt == fmt
    assert len(rows) == count
    assert rows[0].fields["name"] == first


def test_design_products_carry_their_category():
    _, table = read_tables((WAP / "c5778010/part/5778090.docx").read_bytes(), "5778090.docx")
    extraction = extract_rows(table)
    assert extraction.rows[0].category == "一、家用洗涤剂（58种）"
    assert not any(r.fields["name"].startswith(("适用评价标准", "绿色设计亮点")) for r in extraction.rows)
    assert {reason for _, reason, _ in extraction.skipped} >= {"category row", "note row"}


def test_format_is_sniffed_not_trusted_from_the_name():
    body = (WAP / "c6066891/part/6066921.xlsx").read_bytes()
    assert read_tables(body, "list.pdf")[0] == "xlsx"


@pytest.mark.parametrize(
    "body,name",
    [
        (b"%PDF-1.4\n garbage", "a.pdf"),
        (b"PK\x03\x04 not really a zip", "a.xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "a.xls"),
        (b"\x00\x01\x02", "a.bin"),
    ],
)
def test_corrupt_files_raise_a_clear_error(body, name):
    with pytest.raises(UnreadableAttachment):
        read_tables(body, name)


def test_a_table_without_known_columns_is_rejected():
    with pytest.raises(NoHeaderFound):
        extract_rows([["a", "b"], ["1", "2"]])


@pytest.mark.needs("antiword")
def test_word_97_doc_through_antiword():
    doc = SITES / "gdii.gd.gov.cn/jnhxhjj/content/P098188438.doc"
    fmt, table = read_tables(doc.read_bytes(), doc.name)
    assert fmt == "doc"
    assert table[0] == ["序号", "地区", "企业名称", "备注"]
