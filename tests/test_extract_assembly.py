"""One assembly (issue 17): `greenmfg extract` and the extract stage read a document through
the same function (records.document_rows), so the CLI prints what the pipeline stores; a
page whose body is not at its source's selector is read by the generic article finder; and
`greenmfg extract` never prints a traceback."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from greenmfg.cli import main
from greenmfg.extract.document import extract_document, load_document, records
from greenmfg.extract.records import Document, document_rows, read_document
from greenmfg.mirror.server import MirrorHandler
from greenmfg.raw_store import RawStore
from greenmfg.settings import CORPUS_DIR, PROJECT_ROOT
from scrapers import source_for_url, spider_of
from tests.conftest import FILES, SITES

PAGE_SUFFIXES = (".html", ".shtml")
HOSTS = yaml.safe_load((CORPUS_DIR / "hosts.yaml").read_text(encoding="utf-8"))


def _catalogued_pages() -> frozenset[Path]:
    """The corpus files of catalogued articles, whatever their URL ends with (.htm, none, a query)."""
    spec = importlib.util.spec_from_file_location("build_sites", CORPUS_DIR / "build_sites.py")
    build_sites = sys.modules.setdefault("build_sites", importlib.util.module_from_spec(spec))
    spec.loader.exec_module(build_sites)
    return frozenset(
        build_sites.site_file(entry["url"])
        for catalog in (CORPUS_DIR / "catalog").glob("*.yaml")
        for entry in yaml.safe_load(catalog.read_text(encoding="utf-8"))["entries"]
    )


CATALOGUED = _catalogued_pages()


def _is_page(path: Path) -> bool:
    return path.suffix in PAGE_SUFFIXES or path in CATALOGUED


def _url(path: Path) -> str:
    if SITES in path.parents:
        return "http://" + path.relative_to(SITES).as_posix()
    source = path.parent.name  # tests/files/<source id>/<page>
    from scrapers import registry

    return f"{registry()[source].base_url}/saved/{path.name}"


def _content_type(path: Path, url: str) -> str | None:
    """As the offline mirror serves it (corpus/hosts.yaml: missing and wrong charsets)."""
    if not _is_page(path):
        return None
    return MirrorHandler._html_type(HOSTS.get(source_host(url)) or {})


def source_host(url: str) -> str:
    return url.split("/")[2]


def _key(url: str) -> str:
    return url.split("://", 1)[1]


@pytest.fixture(scope="module")
def notices() -> dict[str, tuple[str, str, str | None, int | None]]:
    """Attachment (host/path) → (notice URL, link text, notice title, list year), as the crawl
    records the link and the extract stage joins the notice's announcement."""
    found = {}
    for page in sorted(p for p in SITES.rglob("*") if _is_page(p)):
        url, body = _url(page), page.read_bytes()
        source, content_type = source_for_url(url), _content_type(page, url)
        spider = spider_of(source)
        article = spider.read_article(spider.page(body, content_type), url)
        rows = document_rows(Document("article", source.id, url, "-", content_type=content_type), body)
        (notice,) = rows.tables["announcements"]
        for link in article.attachments:
            found[_key(link.url)] = (url, link.text, notice[3], notice[8])
    return found


DOCUMENTS = sorted(p for root in (SITES, FILES) for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.relative_to(PROJECT_ROOT).as_posix())
def test_the_cli_prints_what_the_pipeline_stores(path, notices, tmp_path, capsys):
    url = _url(path)
    source = source_for_url(url)
    kind = "article" if _is_page(path) else "attachment"
    parent_url, link_text, title, year = notices.get(_key(url), (None, path.stem, None, None))
    content_type = _content_type(path, url)

    # the extract stage: the stored body, the fetch log's document, read in a worker by read_document
    store = RawStore(tmp_path / "raw")
    document = Document(
        kind,
        source.id,
        url,
        store.put(path.read_bytes()),
        content_type=content_type,
        title=title,
        year=year,
        parent_url=parent_url,
        link_text=link_text,
    )
    rows = read_document(tmp_path / "raw", document)
    stored = records(rows, document, source)
    whole = [q for q in rows.tables["quarantine"] if q[4] in ("article", "attachment")]

    # greenmfg extract on the file, told what the stage knows
    argv = ["extract", str(path), "--url", url]
    if content_type:
        argv += ["--content-type", content_type]
    if kind == "attachment":
        argv += (
            ["--link-text", link_text] + (["--title", title] if title else []) + (["--year", str(year)] if year else [])
        )
    code = main(argv)
    out, err = capsys.readouterr()
    if whole:  # the stage quarantines it whole: the CLI says why in one line
        assert code == 2 and len(err.splitlines()) == 1 and whole[0][5] in err and "Traceback" not in err
        assert not rows.tables["announcements"] and not rows.tables["list_rows"]
        return
    assert code == 0, err
    printed = [json.loads(line) for line in out.splitlines()]
    assert printed == json.loads(json.dumps(stored, ensure_ascii=False))
    assert len(printed) == len(rows.tables["list_rows"]) + len(rows.tables["text_facts"])
    if kind == "article":
        (notice,) = rows.tables["announcements"]
        assert all(r["body_source"] == notice[-1] for r in printed)


def test_the_corpus_pages_each_have_their_source_or_the_generic_one():
    got = {source_for_url(_url(p)).id for p in SITES.rglob("*") if p.suffix in PAGE_SUFFIXES}
    assert "miit" in got
    from scrapers import registry

    declared = "www.ninghai.gov.cn" in getattr(registry()["nb_jxj"], "attachment_hosts", ())  # 宁海's notices
    assert source_for_url("http://www.ninghai.gov.cn/art/x.html").id == ("nb_jxj" if declared else "generic")
    assert source_for_url("https://wap.miit.gov.cn/zwgk/x.html").id == "miit"  # MIIT's mobile site
    assert source_for_url("http://miit.gov.cn/x.html").id == "miit"
    assert source_for_url("http://www.example-county.gov.cn/art/x.html").id == "generic"  # not registered
    assert source_for_url(None).id == "generic"


# --- the fallback: a page of another column of a registered site -----------------------

OTHER_COLUMN = """<html><head><meta charset="utf-8"><title>关于公布2023年度潍坊市绿色工厂名单的通知_政策解读_山东省工业和信息化厅</title></head>
<body><div class="header"><h1 class="logo"><a href="/">山东省工业和信息化厅</a></h1>
<ul class="menu"><li><a href="/a">首页</a></li><li><a href="/b">政务公开</a></li><li><a href="/c">政策解读</a></li>
<li><a href="/d">互动交流</a></li><li><a href="/e">专题专栏</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/c">政策解读</a></div>
<div class="jiedu-main"><h2 class="jiedu-title">关于公布2023年度潍坊市绿色工厂名单的通知</h2>
<div class="jiedu-info">发布时间：2023-12-05　来源：节能处</div>
<div class="jiedu-text"><p>各市工业和信息化局：</p>
<p>经企业申报、市级推荐、专家评审和网上公示，确定山东某某化工有限公司等29家企业为2023年度潍坊市绿色工厂。</p>
<p>请各市加强对绿色工厂的动态管理，持续提升绿色制造水平，发挥示范引领作用。</p>
<p>附件：<a href="/files/2023/lvse.xlsx">2023年度潍坊市绿色工厂名单</a></p>
<p>山东省工业和信息化厅</p><p>2023年12月5日</p></div></div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="/x1">关于开展2024年度绿色制造名单推荐工作的通知</a></li>
<li><a href="/x2">山东省绿色低碳高质量发展先行区建设</a></li></ul></div>
<div class="footer">主办单位：山东省工业和信息化厅　地址：济南市历下区省府前街1号　网站标识码：3700000044</div>
</body></html>"""
OTHER_URL = "http://gxt.shandong.gov.cn/col/col15204/202312/t20231205_60000001.html"


def test_a_page_of_another_column_is_read_by_the_generic_finder(tmp_path, capsys):
    page = tmp_path / "jiedu.html"
    page.write_text(OTHER_COLUMN, encoding="utf-8")
    assert main(["extract", str(page), "--url", OTHER_URL]) == 0  # was: ValueError: article body not found
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert printed and all(r["body_source"] == "fallback" for r in printed)
    count = next(r for r in printed if r["record_type"] == "reported_count")
    # no level word in its clause: none (the issuing site's level is not the designations')
    assert (count["value"], count["designation_type"], count["level"]) == (29, "green_factory", None)

    store = RawStore(tmp_path / "raw")
    rows = read_document(tmp_path / "raw", Document("article", "sd_gxt", OTHER_URL, store.put(page.read_bytes())))
    assert rows.tables["quarantine"] == []  # was: article_unparseable
    (notice,) = rows.tables["announcements"]
    title, date, body, attachments, body_source = notice[3], notice[4], notice[9], notice[10], notice[-1]
    assert title == "关于公布2023年度潍坊市绿色工厂名单的通知" and date == "2023-12-05"
    assert body_source == "fallback" and attachments == 1
    assert body.startswith("各市工业和信息化局：") and "2023年12月5日" in body
    assert not any(chrome in body for chrome in ("首页", "政务公开", "相关阅读", "主办单位", "当前位置"))


def test_the_crawl_follows_the_attachments_of_a_fallback_page():
    spider = spider_of(source_for_url(OTHER_URL))
    article = spider.read_article(spider.page(OTHER_COLUMN.encode()), OTHER_URL)
    assert [(a.url, a.text) for a in article.attachments] == [
        ("http://gxt.shandong.gov.cn/files/2023/lvse.xlsx", "2023年度潍坊市绿色工厂名单")
    ]
    with pytest.raises(ValueError, match="TRS_Editor"):  # the selectors alone (`sources check`) still say so
        spider.article_from_bytes(OTHER_COLUMN.encode(), OTHER_URL)


# --- the generic finder on pages of sites the registry does not know ---------------------

PLAIN = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<nav><a href="/">首页</a> | <a href="/news">新闻中心</a> | <a href="/gov">政务公开</a> | <a href="/service">办事服务</a></nav>
{heading}
<p>为深入贯彻绿色发展理念，市工业和信息化局组织开展了2024年度市级绿色工厂评价工作。</p>
<p>经企业自评价、第三方评价和专家评审，现将拟认定的2家市级绿色工厂名单公示如下：</p>
<table><tr><th>序号</th><th>地区</th><th>企业名称</th></tr>
<tr><td>1</td><td>嘉兴市</td><td>嘉兴某某新材料有限公司</td></tr>
<tr><td>2</td><td>湖州市</td><td>湖州某某纺织有限公司</td></tr></table>
<p>公示期为5个工作日，如有异议，请于公示期内向市工业和信息化局反映。</p>
<aside><h3>热点新闻</h3><a href="/n1">全市工业经济运行情况</a><a href="/n2">关于举办数字化转型培训的通知</a></aside>
<footer>版权所有：某某市人民政府　备案号：浙ICP备12345678号</footer>
</body></html>"""


@pytest.mark.parametrize(
    "heading,title",
    [
        ("<h1>2024年度市级绿色工厂拟认定名单公示</h1>", "2024年度市级绿色工厂拟认定名单公示_某某市工业和信息化局"),
        ("", "2024年度市级绿色工厂拟认定名单公示 - 某某市工业和信息化局"),  # the <title>, without the site's name
    ],
)
def test_a_plain_article_of_an_unregistered_site_is_read_whole(tmp_path, capsys, heading, title):
    page = tmp_path / "gongshi.html"
    page.write_text(PLAIN.format(heading=heading, title=title), encoding="utf-8")
    document, body, source = load_document(page)
    assert source.id == "generic" and source.level is None and source.region_code is None
    rows = read_document_from(tmp_path, document, body)
    (notice,) = rows.tables["announcements"]
    assert notice[3] == "2024年度市级绿色工厂拟认定名单公示" and notice[-1] == "fallback"
    assert notice[12] == "proposed"  # its status, from the title
    text = notice[9]
    assert text.startswith("为深入贯彻绿色发展理念") and "嘉兴某某新材料有限公司" in text and "反映。" in text
    assert not any(chrome in text for chrome in ("首页", "新闻中心", "热点新闻", "版权所有"))

    assert main(["extract", str(page)]) == 0
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    listed = [
        (r["entity_name"], r["adcode"], r["level"], r["designation_type"])
        for r in printed
        if r["record_type"] == "designation" and r["region_name"]
    ]
    # the level its title gives (市级): the generic source has none of its own
    assert listed == [
        ("嘉兴某某新材料有限公司", "330400", "municipal", "green_factory"),
        ("湖州某某纺织有限公司", "330500", "municipal", "green_factory"),
    ]


def read_document_from(tmp_path, document: Document, body: bytes):
    store = RawStore(tmp_path / "raw")
    assert store.put(body) == document.sha256
    return read_document(tmp_path / "raw", document)


def test_a_site_name_in_the_page_header_is_not_the_title():
    from greenmfg.webpage.html import find_article, parse_html

    page = parse_html(
        (
            "<html><head><title>某某市经济和信息化局</title></head><body>"
            "<div id=top><h1>某某市经济和信息化局</h1></div>"
            "<div class=main><h2>关于公布第三批绿色工厂名单的通知</h2>"
            "<div class=article><p>各区县经信局：现将第三批绿色工厂名单予以公布，请认真组织实施。</p>"
            "<p>某某市经济和信息化局办公室</p></div></div></body></html>"
        ).encode()
    )
    found = find_article(page)
    assert found.title == "关于公布第三批绿色工厂名单的通知"
    assert found.text == "各区县经信局：现将第三批绿色工厂名单予以公布，请认真组织实施。\n某某市经济和信息化局办公室"


TABLE_LAYOUT = """<html><head><title>市经信局关于绿色工厂的通知 - 某市经信局</title></head><body>
<table width=980><tr><td class=left width=200><a href=/1>机构概况</a><br><a href=/2>政务公开</a><br>
<a href=/3>通知公告</a><br><a href=/4>政策法规</a></td><td valign=top><table>
<tr><td align=center><b><font size=4>市经信局关于绿色工厂的通知</font></b></td></tr>
<tr><td>发布日期：2021-03-04  浏览次数：120</td></tr>
<tr><td class=zw>各县区经信局：<br>根据省厅要求，现开展2021年度绿色工厂申报工作，请各地认真组织。<br>申报材料于3月底前报送。</td></tr>
</table></td></tr></table><div align=center>版权所有 某市经济和信息化局 电话：0000-1234567 地址：某市某路1号</div></body></html>"""
UNMARKED_TITLE = """<html><head><title>通知公告</title></head><body><div id=header><a href=/>首页</a><a href=/x>新闻</a></div>
<div class=box><div class=hd>关于公布第二批绿色园区的通知</div><div class=info>发布时间：2022-05-06</div>
<div class=bd>各有关单位：<br/>经研究，确定某某园区等3家为第二批市级绿色园区。<br/>特此通知。</div></div>
<div class=links><h3>相关链接</h3><ul><li><a href=/a>关于第一批绿色园区的公示内容比较长的一个标题</a></li></ul></div>
</body></html>"""


@pytest.mark.parametrize(
    "page,title,text",
    [
        (
            TABLE_LAYOUT,
            "市经信局关于绿色工厂的通知",
            "各县区经信局：\n根据省厅要求，现开展2021年度绿色工厂申报工作，请各地认真组织。\n申报材料于3月底前报送。",
        ),
        (
            UNMARKED_TITLE,
            "关于公布第二批绿色园区的通知",  # the <title> is only the column's name
            "各有关单位：\n经研究，确定某某园区等3家为第二批市级绿色园区。\n特此通知。",
        ),
    ],
)
def test_old_layouts_give_their_title_and_text(page, title, text):
    from greenmfg.webpage.html import find_article, parse_html

    found = find_article(parse_html(page.encode()))
    assert (found.title, found.text) == (title, text)


def test_a_page_without_running_text_is_still_an_error(tmp_path, capsys):
    page = tmp_path / "menu.html"
    page.write_text(
        "<html><body><ul><li><a href='/a'>首页</a></li><li><a href='/b'>政务公开</a></li></ul></body></html>",
        encoding="utf-8",
    )
    assert main(["extract", str(page), "--url", OTHER_URL]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "article_unparseable" in err and "no block of running text" in err


# --- the lake: the column, and lakes written before it --------------------------------------


def test_the_stage_writes_where_the_body_came_from(tmp_path):
    from greenmfg.extract.stage import extract
    from greenmfg.load import load
    from greenmfg.raw_store import FetchRecord
    from greenmfg.settings import Paths

    paths = Paths(tmp_path)
    store = RawStore(paths.raw_dir)
    writer = store.open_manifest("sd_gxt", "r1")
    selector_page = (FILES / "sd_gxt" / "article.html").read_bytes()
    for url, body in ((OTHER_URL, OTHER_COLUMN.encode()), (OTHER_URL.replace("60000001", "60000002"), selector_page)):
        writer.write(
            FetchRecord(
                url=url,
                source_id="sd_gxt",
                run_id="r1",
                kind="article",
                http_status=200,
                sha256=store.put(body),
                bytes=len(body),
            )
        )
    writer.commit()
    load(paths), extract(paths)
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        got = con.execute("select body_source, count(*) from announcements group by 1 order by 1").fetchall()
        quarantined = con.execute("select count(*) from quarantine").fetchone()[0]
    assert got == [("fallback", 1), ("selector", 1)] and quarantined == 0


def test_a_lake_written_before_the_column_loads_and_says_selector(tmp_path):
    from greenmfg.lake import init_lake

    database = tmp_path / "raw.duckdb"
    with duckdb.connect(str(database)) as con:  # announcements as lake_schema.sql had them before body_source
        con.execute("""create table announcements (source_id varchar not null, url varchar not null,
            sha256 varchar not null, title varchar not null, publish_date date, doc_number varchar,
            batch_label varchar, batch_no integer, list_year integer, body_text varchar, attachment_count integer,
            loaded_at timestamptz not null, title_key varchar, list_status varchar)""")
        con.execute(
            "insert into announcements values ('miit', 'u1', 's1', 't', null, null, null, null, 2024, 'b', 0,"
            " now(), 't', null)"
        )
        init_lake(con)
        init_lake(con)  # and again: nothing changes
        assert con.execute("select url, body_source from announcements").fetchall() == [("u1", "selector")]


# --- no traceback, ever ---------------------------------------------------------------------


def _hostile(tmp_path: Path) -> list[Path]:
    from tests.test_hostile_input import HOSTILE

    files = {name: make() for name, (make, _) in HOSTILE.items()}  # zip bomb, billion laughs, XXE, cut files
    files.update(
        {
            "empty.html": b"",
            "empty.xlsx": b"",
            "blank.html": b"   \n\t ",
            "deep.html": b"<html><body><h1 class=title>t</h1><div class=content>"
            + b"<div>" * 3000
            + b"x</div></body></html>",
            "fonts.html": b"<div id=b>" + b"<font>" * 600 + "绿色工厂".encode() + b"</div>",
            "binary.html": bytes(range(256)) * 64,
            "pdf.html": b"%PDF-1.4 not really",
            "nul.txt": b"\x00" * 100,
            "gbk.txt": "绿色工厂".encode("gbk") * 50,
            "noext": b"<html><body><p>only</p></body></html>",
            "comment.html": b"<!-- nothing -->",
            "entities.html": b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b"<html><body><p>&b;&b;&b;&b;</p></body></html>",
        }
    )
    paths = []
    for name, body in files.items():
        (tmp_path / name).write_bytes(body)
        paths.append(tmp_path / name)
    huge = tmp_path / "huge.html"  # 100 MB: over the cap, refused before it is read
    with open(huge, "wb") as fh:
        fh.write(b"<html><body>")
        fh.truncate(100 * 1024 * 1024)
    return [*paths, huge, tmp_path / "missing.html", tmp_path]


OTHER_FILES = sorted(p for p in CORPUS_DIR.rglob("*") if p.is_file() and SITES not in p.parents)


@pytest.mark.parametrize("path", OTHER_FILES, ids=lambda p: p.relative_to(CORPUS_DIR).as_posix())
def test_extract_never_prints_a_traceback_on_the_corpus(path, capsys):
    """corpus/sites and tests/files: test_the_cli_prints_what_the_pipeline_stores."""
    _assert_clean(main(["extract", str(path)]), capsys)


def test_extract_never_prints_a_traceback_on_hostile_files(tmp_path, capsys):
    for path in _hostile(tmp_path):
        for argv in (["extract", str(path)], ["extract", str(path), "--url", OTHER_URL]):
            _assert_clean(main(argv), capsys, path.name)


def _assert_clean(code: int, capsys, name: str = "") -> None:
    err = capsys.readouterr().err
    assert "Traceback" not in err, (name, err)
    assert code == 0 or (code == 2 and len(err.splitlines()) == 1), (name, code, err)


def test_extract_document_raises_for_a_document_quarantined_whole(tmp_path):
    from greenmfg.extract.document import ExtractError

    page = tmp_path / "x.html"
    page.write_bytes(b"")
    with pytest.raises(ExtractError, match="article_unparseable: ValueError: empty page"):
        extract_document(page)


def test_a_fault_of_the_rules_on_one_page_quarantines_it_and_the_others_go_on(monkeypatch):
    """A rule that raises on one document (a bug the field finds first) loses that document's rows, records it
    in quarantine with its reason, and leaves the other documents of the batch as they were."""
    import greenmfg.extract.records as records_module

    real = records_module.extract_facts

    def faulty(text, default_year=None):
        if "故障" in text:
            raise AttributeError("'NoneType' object has no attribute 'start'")
        return real(text, default_year=default_year)

    monkeypatch.setattr(records_module, "extract_facts", faulty)
    page = "<html><head><title>{0}</title></head><body><div>{1}</div></body></html>"
    out = None
    for n, text in enumerate(["故障:全市累计创建绿色工厂12家。", "全市累计创建绿色工厂12家。"]):
        body = page.format(f"通知{n}", text).encode()
        url = f"https://www.example.gov.cn/notice{n}.html"
        document = Document("article", "generic", url, f"{n:064d}", content_type="text/html")
        out = document_rows(document, body, out)
    [quarantined] = out.tables["quarantine"]
    assert quarantined[1] == "https://www.example.gov.cn/notice0.html"
    assert quarantined[4:6] == ("article", "extraction_failed") and "AttributeError" in quarantined[6]
    assert [row.url for row in out.tables["announcements"]] == ["https://www.example.gov.cn/notice1.html"]
    assert [(row.designation_type, row.value) for row in out.tables["text_facts"]] == [("green_factory", 12)]
