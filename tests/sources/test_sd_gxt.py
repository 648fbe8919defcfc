"""sd_gxt: 山东省工业和信息化厅 (trs site), against saved pages in tests/files/sd_gxt/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://gxt.shandong.gov.cn/col/col15201/index.html"
ARTICLE_URL = "http://gxt.shandong.gov.cn/col/col15201/202303/t20230331_59835615.html"


def test_list_page():
    check_list_page(
        "sd_gxt",
        LIST_URL,
        [
            ("http://gxt.shandong.gov.cn/col/col15201/202303/t20230331_59835615.html", "2023-03-31"),
        ],
        has_next=False,
    )


def test_article():
    check_article(
        "sd_gxt",
        ARTICLE_URL,
        title="潍坊市2023年市级绿色工厂名单公示",
        date="2023-03-31",
        attachments=0,
        content_type="text/html",
    )
