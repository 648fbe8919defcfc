"""The MIIT spider against saved pages (tests/files/miit/)."""

import pytest

from scrapers import get_spider
from scrapers.base import EmptyScrapeError
from tests.conftest import FILES

MIIT = FILES / "miit"


@pytest.fixture
def spider():
    return get_spider("miit")


def test_list_page_items_and_next_page(spider):
    url = "https://www.miit.gov.cn/jgsj/jns/wjfb/index.html"
    items, next_url = spider.parse_list(spider.soup((MIIT / "list_page_0.html").read_bytes()), url)
    assert len(items) == 3
    assert items[0].title == "工业和信息化部办公厅关于公布2021年度绿色制造名单的通知"
    assert items[0].date == "2022-01-15"
    assert items[0].url == "https://www.miit.gov.cn/jgsj/jns/wjfb/art/2022/art_5fd2d8c1056546618448ae9c4c1b0a66.html"
    assert next_url == "https://www.miit.gov.cn/jgsj/jns/wjfb/index_1.html"


def test_last_list_page_has_no_next(spider):
    items, next_url = spider.parse_list(
        spider.soup((MIIT / "list_page_1.html").read_bytes()), "https://www.miit.gov.cn/jgsj/jns/wjfb/index_1.html"
    )
    assert len(items) == 2 and next_url is None
    assert {i.date for i in items} == {"2018-02-11", "2017-08-23"}


def test_article_2021(spider):
    url = "https://www.miit.gov.cn/jgsj/jns/wjfb/art/2022/art_5fd2d8c1056546618448ae9c4c1b0a66.html"
    article = spider.article_from_bytes((MIIT / "article_2021.html").read_bytes(), url)
    assert article.publish_date == "2022-01-15"
    assert article.doc_number == "工信厅节函〔2022〕7号"
    assert [a.text for a in article.attachments] == ["附件1：绿色工厂名单", "附件2：绿色工业园区名单"]
    assert article.attachments[0].url.startswith(
        "https://www.miit.gov.cn/cms_files/filemanager/1226211233/attach/202112/"
    )
    assert "扫一扫" not in article.body_text  # page chrome is outside the body


def test_article_batch1_has_four_attachments_on_wap_host(spider):
    url = "https://wap.miit.gov.cn/zwgk/zcwj/wjfb/zh/art/2020/art_86ea186823724500aecd3f870d3f7abb.html"
    article = spider.article_from_bytes((MIIT / "article_batch1.html").read_bytes(), url)
    assert article.title == "工业和信息化部办公厅关于公布第一批绿色制造体系示范名单的通知"
    assert len(article.attachments) == 4
    assert all(a.url.startswith("https://wap.miit.gov.cn/cms_files/") for a in article.attachments)


def test_a_page_that_is_not_an_article_is_an_error(spider):
    with pytest.raises(ValueError, match="con_title"):
        spider.article_from_bytes(b"<html><body><p>maintenance</p></body></html>", "https://www.miit.gov.cn/x.html")


def test_a_crawl_that_finds_nothing_fails(tmp_path, spider):
    from greenmfg.http_client import PoliteSession
    from greenmfg.mirror.server import MirrorThread
    from greenmfg.raw_store import RawStore

    (tmp_path / "sites").mkdir()
    store = RawStore(tmp_path / "raw")
    with MirrorThread(root=tmp_path) as mirror:
        session = PoliteSession(mirror_url=mirror.url, per_second=0)
        manifest = store.open_manifest("miit", "r1")
        with pytest.raises(EmptyScrapeError):
            spider.crawl(session, store, manifest, "r1")
        manifest.commit()
    rows = (store.manifest_dir("miit", "r1") / "manifest.jsonl").read_text()
    assert "HTTP 404" in rows  # the failed fetch is recorded
