"""hz_cx: 长兴县经济和信息化局 (jcms site), against saved pages in tests/files/hz_cx/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://www.zjcx.gov.cn/col/col1229211399/index.html"
ARTICLE_URL = "http://www.zjcx.gov.cn/art/2023/2/10/art_1229211399_97891.html"


def test_list_page():
    check_list_page(
        "hz_cx",
        LIST_URL,
        [
            ("http://www.zjcx.gov.cn/art/2023/2/10/art_1229211399_97891.html", "2023-02-10"),
            ("http://www.zjcx.gov.cn/art/2020/7/24/art_1229211399_70171.html", "2020-07-24"),
        ],
        has_next=True,
    )


def test_article():
    check_article(
        "hz_cx",
        ARTICLE_URL,
        title="湖州2022年度国家绿色制造名单新增情况",
        date="2023-02-10",
        attachments=0,
        content_type="text/html; charset=utf-8",
    )
