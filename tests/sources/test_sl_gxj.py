"""sl_gxj: 商洛市工业和信息化局 (trs site), against saved pages in tests/files/sl_gxj/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://gxj.shangluo.gov.cn/xwzx/gzdt/index.html"
ARTICLE_URL = "http://gxj.shangluo.gov.cn/xwzx/gzdt/202501/t20250110_22232690.html"


def test_list_page():
    check_list_page(
        "sl_gxj",
        LIST_URL,
        [
            ("http://gxj.shangluo.gov.cn/xwzx/gzdt/202501/t20250110_22232690.html", "2025-01-10"),
            ("http://gxj.shangluo.gov.cn/xwzx/gzdt/201806/t20180612_11345893.html", "2018-06-12"),
        ],
        has_next=False,
    )


def test_article():
    check_article(
        "sl_gxj",
        ARTICLE_URL,
        title="商洛市新增省级绿色工业园区1个、绿色工厂3家",
        date="2025-01-10",
        attachments=0,
        content_type="text/html; charset=utf-8",
    )
