"""fj_gxt: 福建省工业和信息化厅 (trs site), against saved pages in tests/files/fj_gxt/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://gxt.fujian.gov.cn/zwgk/tzgg/index.html"
ARTICLE_URL = "http://gxt.fujian.gov.cn/zwgk/tzgg/202211/t20221108_64557485.html"


def test_list_page():
    check_list_page(
        "fj_gxt",
        LIST_URL,
        [
            ("http://gxt.fujian.gov.cn/zwgk/tzgg/202211/t20221108_64557485.html", "2022-11-08"),
            ("http://gxt.fujian.gov.cn/zwgk/tzgg/201912/t20191204_78527916.html", "2019-12-04"),
        ],
        has_next=True,
    )


def test_article():
    check_article(
        "fj_gxt",
        ARTICLE_URL,
        title="建宁县关于第五批省级绿色制造名单推荐的请示",
        date="2022-11-08",
        attachments=0,
        content_type="text/html; charset=utf-8",
    )
