"""gd_gdii: 广东省工业和信息化厅 (gd site), against saved pages in tests/files/gd_gdii/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://gdii.gd.gov.cn/zwgk/tzgg/index.html"
ARTICLE_URL = "http://gdii.gd.gov.cn/zwgk/szfgz/sgyhxxhj/tzgg/content/post_3918088.html"


def test_list_page():
    check_list_page(
        "gd_gdii",
        LIST_URL,
        [
            ("http://gdii.gd.gov.cn/zwgk/szfgz/sgyhxxhj/tzgg/content/post_3918088.html", "2024-09-26"),
            ("http://gdii.gd.gov.cn/jnhxhjj/content/post_2604765.html", "2019-09-17"),
        ],
        has_next=True,
    )


def test_article():
    check_article(
        "gd_gdii",
        ARTICLE_URL,
        title="广东省工业和信息化厅关于公布2024年度广东省绿色制造名单的通知",
        date="2024-09-26",
        attachments=0,
        content_type="text/html; charset=utf-8",
    )
