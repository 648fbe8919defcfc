"""cq_jjxxw: 重庆市经济和信息化委员会 (trs site), against saved pages in tests/files/cq_jjxxw/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://jjxxw.cq.gov.cn/zwgk_213/tzgg/index.html"
ARTICLE_URL = "http://jjxxw.cq.gov.cn/zwgk_213/tzgg/202308/t20230815_70603767.html"


def test_list_page():
    check_list_page(
        "cq_jjxxw",
        LIST_URL,
        [
            ("http://jjxxw.cq.gov.cn/zwgk_213/tzgg/202308/t20230815_70603767.html", "2023-08-15"),
            ("http://jjxxw.cq.gov.cn/zwgk_213/tzgg/202205/t20220520_82229975.html", "2022-05-20"),
        ],
        has_next=True,
    )


def test_article():
    check_article(
        "cq_jjxxw",
        ARTICLE_URL,
        title="重庆市经济和信息化委员会关于开展2023年度国家级绿色制造名单推荐工作的通知",
        date="2023-08-15",
        attachments=0,
        content_type="text/html; charset=utf-8",
    )
