"""nb_jxj: 宁波市经济和信息化局 (jcms site), against saved pages in tests/files/nb_jxj/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://jxj.ningbo.gov.cn/col/col1229116730/index.html"
ARTICLE_URL = "http://jxj.ningbo.gov.cn/art/2024/5/15/art_1229116730_54422.html"


def test_list_page():
    check_list_page(
        "nb_jxj",
        LIST_URL,
        [
            ("http://jxj.ningbo.gov.cn/art/2025/11/21/art_1229116730_10655.html", "2025-11-21"),
            ("http://jxj.ningbo.gov.cn/art/2024/5/15/art_1229116730_54422.html", "2024-05-15"),
        ],
        has_next=True,
    )


def test_article():
    check_article(
        "nb_jxj",
        ARTICLE_URL,
        title="2024年慈溪市三星级绿色工厂名单公示",
        date="2024-05-15",
        attachments=1,
        content_type="text/html; charset=utf-8",
    )
