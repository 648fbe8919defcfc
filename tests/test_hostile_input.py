"""Hostile input: each gives a clear error, is quarantined, and nothing is written outside
the data directory; the rest of the run goes on."""

import io
import os
import re
import zipfile
from pathlib import Path

import duckdb
import pytest
import requests

from greenmfg.extract.readers import UnreadableAttachment, read_tables
from greenmfg.mirror.server import MirrorThread
from greenmfg.scrape import scrape
from greenmfg.settings import Paths
from tests.conftest import REFERENCE, SITES, corpus_with, load_lake, register_source, xlsx

WAP = SITES / "wap.miit.gov.cn/cms_files/filemanager/oldfile/miit/n1146295/n1652858/n1652930/n3757016"
GOOD = [["序号", "地区", "企业名称"], [1, "贵阳", "贵州某某绿色建材有限公司"]]


def rewrite_zip(body: bytes, name: str, change) -> bytes:
    """The same office file with one part's XML changed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(body)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item.filename, change(data) if item.filename == name else data)
    return out.getvalue()


def with_doctype(xml: bytes, doctype: bytes) -> bytes:
    """Insert a DOCTYPE after the XML declaration (or at the start where there is none)."""
    declaration = re.match(rb"<\?xml[^>]*\?>", xml)
    at = declaration.end() if declaration else 0
    return xml[:at] + doctype + xml[at:]


def zip_bomb_xlsx() -> bytes:
    """A valid workbook whose sheet XML inflates to 64 MB (whitespace: openpyxl reads it fine)."""
    return rewrite_zip(
        xlsx(GOOD),
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"</worksheet>", b" " * 64_000_000 + b"</worksheet>"),
    )


def docx_with_external_entity() -> bytes:
    from docx import Document

    document = Document()
    table = document.add_table(rows=2, cols=3)
    for cells, values in zip(table.rows, [["序号", "地区", "企业名称"], ["1", "贵阳", "SECRET"]]):
        for cell, value in zip(cells.cells, values):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    doctype = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
    return rewrite_zip(
        out.getvalue(), "word/document.xml", lambda xml: with_doctype(xml, doctype).replace(b"SECRET", b"&xxe;")
    )


def billion_laughs_xlsx() -> bytes:
    entities = (
        b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
        )
        + b"]>"
    )
    return rewrite_zip(
        xlsx(GOOD),
        "xl/worksheets/sheet1.xml",
        lambda xml: with_doctype(xml, entities).replace("贵州".encode(), b"&lol9;"),
    )


def truncated(path: Path) -> bytes:
    body = path.read_bytes()
    return body[: len(body) // 2]


HOSTILE = {  # file → what the error says
    "bomb.xlsx": (zip_bomb_xlsx, "zip bomb refused"),
    "xxe.docx": (docx_with_external_entity, "XML entity declaration refused"),
    "laughs.xlsx": (billion_laughs_xlsx, "XML entity declaration refused"),
    "cut.pdf": (lambda: truncated(REFERENCE / "attachments_2021/附件3_绿色工业园区名单.pdf"), "pdf reader failed"),
    "cut.xlsx": (lambda: truncated(WAP / "c6066891/part/6066921.xlsx"), "corrupt zip container"),
    "cut.docx": (lambda: truncated(WAP / "c7413818/part/7413917.docx"), "corrupt zip container"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_files_give_a_clear_error(name):
    make, message = HOSTILE[name]
    with pytest.raises(UnreadableAttachment, match=message):
        read_tables(make(), name)


def test_a_file_over_the_size_cap_is_refused_before_parsing(monkeypatch):
    body = (WAP / "c6066891/part/6066921.xlsx").read_bytes()
    monkeypatch.setenv("GREENMFG_MAX_RESPONSE_BYTES", str(len(body) - 1))
    with pytest.raises(UnreadableAttachment, match="over the cap"):
        read_tables(body, "list.xlsx")


LIST = """<html><head><meta charset="utf-8"></head><body><div class="news"><ul>
<li><a href="/zwgk/tzgg/202401/t20240105_1.html">关于公布2023年度贵州省绿色工厂名单的通知</a><em>2024-01-05</em></li>
</ul></div></body></html>"""
LINKS = "".join(f'<p><a href="/zwgk/tzgg/202401/{name}">附件：绿色工厂名单 {name}</a></p>' for name in HOSTILE)
ARTICLE = f"""<html><head><meta charset="utf-8"></head><body>
<h2 class="tit">关于公布2023年度贵州省绿色工厂名单的通知<script>alert(1)</script></h2><p class="time">2024-01-05</p>
<div class="view"><p>现将2023年度贵州省绿色工厂名单予以公布。</p>
<script>document.write("本次共认定绿色工厂999家")</script><style>p {{ color: red }}</style>
<p><a href="/zwgk/tzgg/202401/good.xlsx">附件：绿色工厂名单</a></p>{LINKS}
<p><a href="../../../../../../../../tmp/greenmfg_traversal.xlsx">附件：绿色工厂名单（补充）</a></p>
<p><a href="/zwgk/tzgg/202401/..%2F..%2F..%2Fgreenmfg_traversal2.xlsx">附件：绿色工厂名单（二）</a></p>
</div></body></html>"""


def files_outside(root: Path, home: Path) -> set[Path]:
    return {p for p in root.rglob("*") if home not in p.parents and p != home}


def test_a_hostile_notice_is_quarantined_and_the_run_goes_on(tmp_path, monkeypatch):
    register_source(tmp_path, monkeypatch)
    host = "gxt.guizhou.gov.cn"
    files = {
        f"{host}/zwgk/tzgg/index.html": LIST.encode(),
        f"{host}/zwgk/tzgg/202401/t20240105_1.html": ARTICLE.encode(),
        f"{host}/zwgk/tzgg/202401/good.xlsx": xlsx(GOOD),
        f"{host}/tmp/greenmfg_traversal.xlsx": xlsx(GOOD),
    }
    files.update({f"{host}/zwgk/tzgg/202401/{name}": make() for name, (make, _) in HOSTILE.items()})
    root = corpus_with(tmp_path, files)
    paths = Paths(tmp_path / "home")
    before = files_outside(tmp_path, paths.home)
    with MirrorThread(root=root) as mirror:
        monkeypatch.setenv("GREENMFG_MIRROR_URL", mirror.url)
        scrape(paths, "r1", ["gz_gxt"])
        escape = requests.get(f"{mirror.url}/%2e%2e/%2e%2e/%2e%2e/etc/passwd", headers={"X-Mirror-Host": host})
    load_lake(paths)

    assert escape.status_code == 404  # the mirror serves nothing outside its corpus
    assert files_outside(tmp_path, paths.home) == before  # nothing written outside GREENMFG_HOME
    assert not Path("/tmp/greenmfg_traversal.xlsx").exists() and not Path("/greenmfg_traversal2.xlsx").exists()
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        quarantined = dict(
            con.execute("""select regexp_extract(url, '[^/]+$'), reason from quarantine
                                          where rule = 'attachment_unreadable'""").fetchall()
        )
        names = con.execute("select distinct name from list_rows").fetchall()
        title, body = con.execute("select title, body_text from announcements").fetchone()
        facts = con.execute("select count(*) from text_facts where value = 999").fetchone()[0]
    for name, (_, message) in HOSTILE.items():
        assert message in quarantined[name], (name, quarantined.get(name))
    assert names == [("贵州某某绿色建材有限公司",)]  # good.xlsx and the traversal link (stored by content)
    assert "alert" not in title and "document.write" not in body and "color: red" not in body
    assert facts == 0  # a count inside a script is not a reported count
    assert os.environ.get("GREENMFG_HOME") != str(tmp_path)  # (the test's own home, not the user's)


def test_the_report_escapes_scraped_text():
    from greenmfg.report import _table

    cell = _table(["name"], [['<script>alert("x")</script><img src=x onerror=alert(1)>']])
    assert "<script>" not in cell and "<img" not in cell and "&lt;script&gt;" in cell


@pytest.mark.parametrize("body,name", [(b"", "list.xls"), (b"", "list.pdf"), (b"  \n", "list.xlsx")])
def test_an_empty_file_says_it_is_empty(body, name):
    from greenmfg.extract.readers import UnreadableAttachment, read_tables

    with pytest.raises(UnreadableAttachment, match="empty file"):
        read_tables(body, name)


def test_an_encrypted_pdf_says_it_is_encrypted():
    from fpdf import FPDF

    from greenmfg.extract.readers import UnreadableAttachment, read_tables

    document = FPDF()
    document.set_encryption(owner_password="owner", user_password="user")
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text="secret list")
    with pytest.raises(UnreadableAttachment, match="encrypted"):
        read_tables(bytes(document.output()), "list.pdf")
