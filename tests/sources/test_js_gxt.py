"""js_gxt: 江苏省工业和信息化厅 (js site), against saved pages in tests/files/js_gxt/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://gxt.jiangsu.gov.cn/col/col6197/index.html"
ARTICLE_URL = "http://gxt.jiangsu.gov.cn/art/2020/12/2/art_6197_9591102.html"


def test_list_page():
    check_list_page(
        "js_gxt",
        LIST_URL,
        [
            ("http://gxt.jiangsu.gov.cn/art/2021/12/22/art_6197_10222466.html", "2021-12-22"),
            ("http://gxt.jiangsu.gov.cn/art/2020/12/2/art_6197_9591102.html", "2020-12-02"),
        ],
        has_next=False,
    )


def test_article():
    check_article(
        "js_gxt",
        ARTICLE_URL,
        title="2020年江苏省绿色工厂(第一批)拟入围名单公示",
        date="2020-12-02",
        attachments=1,
        content_type="text/html; charset=utf-8",
    )
