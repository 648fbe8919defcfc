"""mirror_big5: 中国网(繁体网关镜像) (news site), against saved pages in tests/files/mirror_big5/."""

from tests.sources.spider_checks import check_article, check_list_page

LIST_URL = "http://big5.china.com.cn/gate/big5/news.china.com.cn/node_green.htm"
ARTICLE_URL = "http://big5.china.com.cn/gate/big5/sl.china.com.cn/2024/0711/196239.shtml"


def test_list_page():
    check_list_page(
        "mirror_big5",
        LIST_URL,
        [
            ("http://big5.china.com.cn/gate/big5/sl.china.com.cn/2024/0711/196239.shtml", "2024-07-11"),
            ("http://big5.china.com.cn/gate/big5/guoqing.china.com.cn/2019-09/16/content_75210116.html", "2019-09-16"),
        ],
        has_next=False,
    )


def test_article():
    check_article(
        "mirror_big5",
        ARTICLE_URL,
        title="陜西新增省級綠色工廠104家 綠色工業園區5家",
        date="2024-07-11",
        attachments=0,
        content_type="text/html; charset=big5",
    )
