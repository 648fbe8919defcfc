"""jx_jxj: 嘉兴市经济和信息化局 (jcms site), against saved pages in tests/files/jx_jxj/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://jxj.jiaxing.gov.cn/col/col1229427474/index.html"
ARTICLE_URL = "http://jxj.jiaxing.gov.cn/art/2023/1/6/art_1229427474_72928.html"


def test_list_page():
    check_list_page(
        "jx_jxj",
        LIST_URL,
        [
            ("http://jxj.jiaxing.gov.cn/art/2023/1/6/art_1229427474_72928.html", "2023-01-06"),
            ("http://jxj.jiaxing.gov.cn/art/2017/5/19/art_1229427474_52425.html", "2017-05-19"),
        ],
        has_next=False,
    )


def test_article():
    check_article(
        "jx_jxj",
        ARTICLE_URL,
        title="嘉兴制造业向高质量迈进",
        date="2023-01-06",
        attachments=0,
        content_type="text/html; charset=utf-8",
    )
