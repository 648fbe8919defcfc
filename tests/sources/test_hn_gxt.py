"""hn_gxt: 湖南省工业和信息化厅 (trs site), against saved pages in tests/files/hn_gxt/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://gxt.hunan.gov.cn/gxt/xxgk_71033/tzgg/index.html"
ARTICLE_URL = "http://gxt.hunan.gov.cn/gxt/xxgk_71033/tzgg/202106/t20210618_64562228.html"


def test_list_page():
    check_list_page(
        "hn_gxt",
        LIST_URL,
        [
            ("http://gxt.hunan.gov.cn/gxt/xxgk_71033/tzgg/202106/t20210618_64562228.html", "2021-06-18"),
            ("http://gxt.hunan.gov.cn/gxt/xxgk_71033/tzgg/202101/t20210108_27282600.html", "2021-01-08"),
        ],
        has_next=False,
    )


def test_article():
    check_article(
        "hn_gxt",
        ARTICLE_URL,
        title="湖南省工业和信息化厅关于印发2021年度湖南省绿色制造体系创建计划的通知",
        date="2021-06-18",
        attachments=0,
        content_type="text/html; charset=iso-8859-1",
    )
