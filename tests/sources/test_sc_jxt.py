"""sc_jxt: 四川省经济和信息化厅 (trs site), against saved pages in tests/files/sc_jxt/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://jxt.sc.gov.cn/scjxt/tzgg/index.html"
ARTICLE_URL = "http://jxt.sc.gov.cn/scjxt/tzgg/202406/t20240605_92319467.html"


def test_list_page():
    check_list_page(
        "sc_jxt",
        LIST_URL,
        [
            ("http://jxt.sc.gov.cn/scjxt/tzgg/202406/t20240605_92319467.html", "2024-06-05"),
            ("http://jxt.sc.gov.cn/scjxt/tzgg/202301/t20230130_16271069.html", "2023-01-30"),
        ],
        has_next=False,
    )


def test_article():
    check_article(
        "sc_jxt",
        ARTICLE_URL,
        title="四川省2023年度绿色制造梯度培育省级名单公布",
        date="2024-06-05",
        attachments=0,
        content_type="text/html; charset=utf-8",
    )
