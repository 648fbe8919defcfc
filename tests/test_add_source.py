"""Adding a department takes one YAML file and its pages; a changed template fails loudly."""

import shutil

import duckdb
import pytest

from greenmfg.mirror.server import MirrorThread
from greenmfg.scrape import SourcesFailed, scrape
from greenmfg.settings import CORPUS_DIR, Paths
from tests.conftest import GUIZHOU_SOURCE, corpus_with, load_lake, register_source, xlsx

LIST = """<html><head><meta charset="utf-8"></head><body><div class="news"><ul>
<li><a href="/zwgk/tzgg/202401/t20240105_1.html">贵州省工业和信息化厅关于公布2023年度贵州省绿色制造名单的通知</a><em>2024-01-05</em></li>
</ul></div></body></html>"""
ARTICLE = """<html><head><meta charset="utf-8"></head><body><h2 class="tit">贵州省工业和信息化厅关于公布2023年度贵州省绿色制造名单的通知</h2>
<p class="time">2024-01-05</p><div class="view"><p>黔工信节能〔2024〕1号</p><p>各市（州）工业和信息化局：现将2023年度贵州省绿色制造名单予以公布。</p>
<p><a href="/zwgk/tzgg/202401/P1.xlsx">附件：2023年度贵州省绿色工厂名单</a></p></div></body></html>"""


def test_a_new_source_needs_only_a_yaml_file(tmp_path, monkeypatch):
    register_source(tmp_path, monkeypatch)
    host = "gxt.guizhou.gov.cn"
    root = corpus_with(
        tmp_path,
        {
            f"{host}/zwgk/tzgg/index.html": LIST.encode(),
            f"{host}/zwgk/tzgg/202401/t20240105_1.html": ARTICLE.encode(),
            f"{host}/zwgk/tzgg/202401/P1.xlsx": xlsx(
                [["序号", "地区", "企业名称"], [1, "贵阳", "贵州某某绿色建材有限公司"]]
            ),
        },
    )
    paths = Paths(tmp_path / "home")
    with MirrorThread(root=root) as mirror:
        monkeypatch.setenv("GREENMFG_MIRROR_URL", mirror.url)
        scrape(paths, "r1", ["gz_gxt"])
    load_lake(paths)
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        notice = con.execute(
            "select doc_number, publish_date::varchar, list_year from announcements where source_id = 'gz_gxt'"
        ).fetchone()
        row = con.execute(
            "select name, designation_type, province_code from list_rows where source_id = 'gz_gxt'"
        ).fetchone()
    assert notice == ("黔工信节能〔2024〕1号", "2024-01-05", 2023)
    assert row == ("贵州某某绿色建材有限公司", "green_factory", "520000")


def test_a_changed_template_fails_that_source_loudly_and_the_others_go_on(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS_DIR / "catalog", root / "catalog")
    (root / "sites").symlink_to(CORPUS_DIR / "sites")
    shutil.copyfile(CORPUS_DIR / "hosts.yaml", root / "hosts.yaml")
    catalog = root / "catalog" / "zj_jxt.yaml"  # the site moved its list out of the CDATA block
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("family: jcms", "family: news"), encoding="utf-8")
    paths = Paths(tmp_path / "home")
    with MirrorThread(root=root) as mirror:
        monkeypatch.setenv("GREENMFG_MIRROR_URL", mirror.url)
        with pytest.raises(SourcesFailed) as failed:
            scrape(paths, "r1", ["zj_jxt", "sn_gxt"])
    assert list(failed.value.failures) == ["zj_jxt"]
    message = failed.value.failures["zj_jxt"]
    assert "zj_jxt" in message and "matched no items" in message and "template" in message
    ok = [r for r in failed.value.results if r["source_id"] == "sn_gxt"][0]
    assert ok["articles"] == 2


def test_a_source_may_declare_itself_empty(tmp_path, monkeypatch):
    register_source(tmp_path, monkeypatch, GUIZHOU_SOURCE.replace("id: gz_gxt", "id: gz_quiet") + "empty_ok: true\n")
    root = corpus_with(tmp_path, {"gxt.guizhou.gov.cn/zwgk/tzgg/index.html": b"<html><body>none yet</body></html>"})
    with MirrorThread(root=root) as mirror:
        monkeypatch.setenv("GREENMFG_MIRROR_URL", mirror.url)
        [result] = scrape(Paths(tmp_path / "home"), "r1", ["gz_quiet"])
    assert (result["items_seen"], result["articles"], result["failed"]) == (0, 0, 0)
