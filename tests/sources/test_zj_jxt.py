"""zj_jxt: 浙江省经济和信息化厅 (jcms site), against saved pages in tests/files/zj_jxt/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://jxt.zj.gov.cn/col/col1582899/index.html"
ARTICLE_URL = "http://jxt.zj.gov.cn/art/2024/5/31/art_1582899_36801.html"


def test_list_page():
    check_list_page(
        "zj_jxt",
        LIST_URL,
        [
            ("http://jxt.zj.gov.cn/art/2024/11/20/art_1582899_40220.html", "2024-11-20"),
            ("http://jxt.zj.gov.cn/art/2024/5/31/art_1582899_36801.html", "2024-05-31"),
        ],
        has_next=True,
    )


def test_article():
    check_article(
        "zj_jxt",
        ARTICLE_URL,
        title="关于公布2023年浙江省级绿色低碳工业园区、工厂名单及动态管理结果的通知",
        date="2024-05-31",
        attachments=2,
        content_type="text/html; charset=utf-8",
    )
