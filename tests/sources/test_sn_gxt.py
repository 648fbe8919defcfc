"""sn_gxt: 陕西省工业和信息化厅 (trs site), against saved pages in tests/files/sn_gxt/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://gxt.shaanxi.gov.cn/zcwj/tzgg/index.html"
ARTICLE_URL = "http://gxt.shaanxi.gov.cn/zcwj/tzgg/202407/t20240709_20503675.html"


def test_list_page():
    check_list_page(
        "sn_gxt",
        LIST_URL,
        [
            ("http://gxt.shaanxi.gov.cn/zcwj/tzgg/202407/t20240709_20503675.html", "2024-07-09"),
            ("http://gxt.shaanxi.gov.cn/zcwj/tzgg/202311/t20231124_23972923.html", "2023-11-24"),
        ],
        has_next=False,
    )


def test_article():
    check_article(
        "sn_gxt",
        ARTICLE_URL,
        title="陕西省工业和信息化厅关于公布陕西省第五批绿色制造名单的通知",
        date="2024-07-09",
        attachments=1,
        content_type="text/html; charset=utf-8",
    )
