"""mirror_askci: 中商情报网(转载镜像) (news site), against saved pages in tests/files/mirror_askci/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://my67778.com/news/chanye/index.shtml"
ARTICLE_URL = "http://my67778.com/news/chanye/20200702/1454531162942.shtml"


def test_list_page():
    check_list_page(
        "mirror_askci",
        LIST_URL,
        [
            ("http://my67778.com/news/chanye/20200702/1454531162942.shtml", "2020-07-02"),
        ],
        has_next=False,
    )


def test_article():
    check_article(
        "mirror_askci",
        ARTICLE_URL,
        title="福建省第三批綠色制造名單出爐",
        date="2020-07-02",
        attachments=0,
        content_type="text/html; charset=utf-8",
    )
