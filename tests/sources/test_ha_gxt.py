"""ha_gxt: 河南省工业和信息化厅 (trs site), against saved pages in tests/files/ha_gxt/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://gxt.henan.gov.cn/zwgk/tzgg/index.html"
ARTICLE_URL = "http://gxt.henan.gov.cn/zwgk/tzgg/202506/t20250620_37743177.html"


def test_list_page():
    check_list_page(
        "ha_gxt",
        LIST_URL,
        [
            ("http://gxt.henan.gov.cn/zwgk/tzgg/202506/t20250620_37743177.html", "2025-06-20"),
            ("http://gxt.henan.gov.cn/zwgk/tzgg/202306/t20230616_62433397.html", "2023-06-16"),
        ],
        has_next=False,
    )


def test_article():
    check_article(
        "ha_gxt",
        ARTICLE_URL,
        title="新乡市2025年度市级绿色工厂名单公示",
        date="2025-06-20",
        attachments=0,
        content_type="text/html; charset=utf-8",
    )
