"""Rebuild the provincial, municipal and mirror sites of the offline corpus.

    .venv/bin/python corpus/build_sites.py

Article bodies are the real page texts in corpus/reference/pages/, pages2/ and seeds/ (as
captured, oddities included), placed under the site that issued or reported them. Page
templates, URLs that the texts do not give, list pages and attachment files are
reconstructions (corpus/README.md).
Writes sites/<host>/… (articles, attachments) and catalog/<source>.yaml (list entries that
the mirror renders as list pages, newest first, hiding entries after its --as-of date).
Articles are rewritten on each build (byte-identical for the same reference); an attachment is
written once (office files and PDFs stamp their build time): delete it to rebuild it.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import yaml

HERE = Path(__file__).resolve().parent
PAGES = HERE / "reference" / "pages"
PAGES2 = HERE / "reference" / "pages2"
SEEDS = HERE / "reference" / "seeds"
SITES = HERE / "sites"
CATALOG = HERE / "catalog"


@dataclass
class Page:
    ref: str  # page id in reference/pages ("021"), in reference/pages2 ("p2:202") or seed id ("seed:003")
    url: str
    date: str
    title: str | None = None  # default: the description line of the reference page
    # (file name, link text, names the page itself publishes for that list)
    attachments: list[tuple[str, str, list[str]]] = field(default_factory=list)


@dataclass
class Site:
    source: str
    family: str  # jcms | trs | gd | js | news
    list_url: str
    issuer: str
    encoding: str = "utf-8"
    pages: list[Page] = field(default_factory=list)
    page_size: int = 2


def jcms_url(host: str, col: int, date: str, ref: str) -> str:
    y, m, d = (int(x) for x in date.split("-"))
    return f"http://{host}/art/{y}/{m}/{d}/art_{col}_{_id(ref, 5)}.html"


def trs_url(base: str, date: str, ref: str) -> str:
    return f"{base}/{date[:4]}{date[5:7]}/t{date.replace('-', '')}_{_id(ref, 8)}.html"


def _id(ref: str, digits: int) -> str:
    return str(int(hashlib.sha256(ref.encode()).hexdigest(), 16))[:digits]


SITES_SPEC = [
    Site(
        "zj_jxt",
        "jcms",
        "http://jxt.zj.gov.cn/col/col1582899/index.html",
        "浙江省经济和信息化厅",
        pages=[
            Page("021", "http://jxt.zj.gov.cn/art/2022/2/18/art_1582899_23371.html", "2022-02-18"),
            Page(
                "034",
                jcms_url("jxt.zj.gov.cn", 1582899, "2021-01-29", "034"),
                "2021-01-29",
                "浙江省经济和信息化厅关于公布2020年浙江省绿色工厂名单的通知",
            ),
            Page(
                "038",
                jcms_url("jxt.zj.gov.cn", 1582899, "2024-05-31", "038"),
                "2024-05-31",
                "关于公布2023年浙江省级绿色低碳工业园区、工厂名单及动态管理结果的通知",
                [
                    (
                        "2023年浙江省级绿色低碳工业园区名单.xlsx",
                        "1.2023年浙江省级绿色低碳工业园区名单",
                        ["杭州钱江经济开发区"],
                    ),
                    (
                        "2023年浙江省级绿色低碳工厂名单.xlsx",
                        "2.2023年浙江省级绿色低碳工厂名单",
                        ["圣奥科技股份有限公司"],
                    ),
                ],
            ),
            Page(
                "036",
                jcms_url("jxt.zj.gov.cn", 1582899, "2024-11-20", "036"),
                "2024-11-20",
                "省经信厅 省发展改革委 省生态环境厅关于公布2024年浙江省级绿色低碳工业园区、工厂名单及动态管理结果的通知",
            ),
        ],
    ),
    Site(
        "sn_gxt",
        "trs",
        "http://gxt.shaanxi.gov.cn/zcwj/tzgg/index.html",
        "陕西省工业和信息化厅",
        pages=[
            Page(
                "040",
                trs_url("http://gxt.shaanxi.gov.cn/zcwj/tzgg", "2023-11-24", "040"),
                "2023-11-24",
                "陕西省工业和信息化厅关于公布陕西省第四批绿色制造名单的通知",
                [("陕西省第四批绿色工厂名单.pdf", "附件1：陕西省第四批绿色工厂名单", [])],
            ),
            Page(
                "015",
                trs_url("http://gxt.shaanxi.gov.cn/zcwj/tzgg", "2024-07-09", "015"),
                "2024-07-09",
                "陕西省工业和信息化厅关于公布陕西省第五批绿色制造名单的通知",
                [("/uploadfile/editors/20240723/2024072317102797379.xls", "陕西省第五批绿色制造名单", [])],
            ),
        ],
    ),
    Site(
        "js_gxt",
        "js",
        "http://gxt.jiangsu.gov.cn/col/col6197/index.html",
        "江苏省工业和信息化厅",
        pages=[
            Page(
                "066",
                "http://gxt.jiangsu.gov.cn/art/2020/12/2/art_6197_9591102.html",
                "2020-12-02",
                "2020年江苏省绿色工厂(第一批)拟入围名单公示",
                [("2020年江苏省绿色工厂(第一批)拟入围名单.docx", "2020年江蘇省綠色工廠(第一批)擬入圍名單", [])],
            ),
            Page(
                "068",
                "http://gxt.jiangsu.gov.cn/art/2021/12/22/art_6197_10222466.html",
                "2021-12-22",
                "省工业和信息化厅关于公布江苏省绿色工厂(第二批)名单的通知",
            ),
        ],
    ),
    Site(
        "gd_gdii",
        "gd",
        "http://gdii.gd.gov.cn/zwgk/tzgg/index.html",
        "广东省工业和信息化厅",
        pages=[
            Page(
                "075",
                "http://gdii.gd.gov.cn/jnhxhjj/content/post_2604765.html",
                "2019-09-17",
                None,
                [
                    (
                        "“粤港清洁生产伙伴”标志企业(第十一批)拟选名单.doc",
                        "“粤港清洁生产伙伴”标志企业(第十一批)拟选名单.doc",
                        [],
                    )
                ],
            ),
            Page(
                "076",
                "http://gdii.gd.gov.cn/zwgk/tzgg/content/post_1017233.html",
                "2018-03-02",
                "第二批绿色制造名单 广东陶瓷行业4家企业入选",
            ),
            Page(
                "012",
                "http://gdii.gd.gov.cn/zwgk/szfgz/sgyhxxhj/tzgg/content/post_3918088.html",
                "2024-09-26",
                "广东省工业和信息化厅关于公布2024年度广东省绿色制造名单的通知",
            ),
        ],
    ),
    Site(
        "cq_jjxxw",
        "trs",
        "http://jjxxw.cq.gov.cn/zwgk_213/tzgg/index.html",
        "重庆市经济和信息化委员会",
        pages=[
            Page(
                "050",
                trs_url("http://jjxxw.cq.gov.cn/zwgk_213/tzgg", "2018-04-11", "050"),
                "2018-04-11",
                "重庆市今年将创建50家绿色制造示范企业",
            ),
            Page(
                "045",
                trs_url("http://jjxxw.cq.gov.cn/zwgk_213/tzgg", "2022-03-15", "045"),
                "2022-03-15",
                "重庆今年计划培育创建50家绿色工厂",
            ),
            Page(
                "seed:002",
                trs_url("http://jjxxw.cq.gov.cn/zwgk_213/tzgg", "2022-05-20", "seed:002"),
                "2022-05-20",
                "重庆市制造业绿色发展行动实施方案解读",
            ),
            Page(
                "004",
                trs_url("http://jjxxw.cq.gov.cn/zwgk_213/tzgg", "2023-08-15", "004"),
                "2023-08-15",
                "重庆市经济和信息化委员会关于开展2023年度国家级绿色制造名单推荐工作的通知",
            ),
        ],
    ),
    Site(
        "hn_gxt",
        "trs",
        "http://gxt.hunan.gov.cn/gxt/xxgk_71033/tzgg/index.html",
        "湖南省工业和信息化厅",
        encoding="gb18030",
        pages=[
            Page(
                "063",
                trs_url("http://gxt.hunan.gov.cn/gxt/xxgk_71033/tzgg", "2021-01-08", "063"),
                "2021-01-08",
                "2020年长沙31家企业获评国家级绿色工厂",
            ),
            Page(
                "087",
                trs_url("http://gxt.hunan.gov.cn/gxt/xxgk_71033/tzgg", "2021-06-18", "087"),
                "2021-06-18",
                "湖南省工业和信息化厅关于印发2021年度湖南省绿色制造体系创建计划的通知",
            ),
        ],
    ),
    Site(
        "fj_gxt",
        "trs",
        "http://gxt.fujian.gov.cn/zwgk/tzgg/index.html",
        "福建省工业和信息化厅",
        pages=[
            Page(
                "013",
                trs_url("http://gxt.fujian.gov.cn/zwgk/tzgg", "2018-11-27", "013"),
                "2018-11-27",
                "福州三家企业入选全国第三批绿色工厂",
            ),
            Page(
                "095",
                trs_url("http://gxt.fujian.gov.cn/zwgk/tzgg", "2019-12-04", "095"),
                "2019-12-04",
                "福建省工业和信息化厅关于第二批绿色制造名单的公示",
            ),
            Page(
                "019",
                trs_url("http://gxt.fujian.gov.cn/zwgk/tzgg", "2022-11-08", "019"),
                "2022-11-08",
                "建宁县关于第五批省级绿色制造名单推荐的请示",
            ),
        ],
    ),
    Site(
        "sc_jxt",
        "trs",
        "http://jxt.sc.gov.cn/scjxt/tzgg/index.html",
        "四川省经济和信息化厅",
        pages=[
            Page(
                "097",
                trs_url("http://jxt.sc.gov.cn/scjxt/tzgg", "2023-01-30", "097"),
                "2023-01-30",
                "四川省经济和信息化厅关于公布2022年省级绿色制造名单的通知",
            ),
            Page(
                "008",
                trs_url("http://jxt.sc.gov.cn/scjxt/tzgg", "2024-06-05", "008"),
                "2024-06-05",
                "四川省2023年度绿色制造梯度培育省级名单公布",
            ),
        ],
    ),
    Site(
        "sd_gxt",
        "trs",
        "http://gxt.shandong.gov.cn/col/col15201/index.html",
        "山东省工业和信息化厅",
        encoding="gb18030",
        pages=[
            Page(
                "016",
                trs_url("http://gxt.shandong.gov.cn/col/col15201", "2023-03-31", "016"),
                "2023-03-31",
                "潍坊市2023年市级绿色工厂名单公示",
            ),
        ],
    ),
    Site(
        "ha_gxt",
        "trs",
        "http://gxt.henan.gov.cn/zwgk/tzgg/index.html",
        "河南省工业和信息化厅",
        pages=[
            Page(
                "011",
                trs_url("http://gxt.henan.gov.cn/zwgk/tzgg", "2023-06-16", "011"),
                "2023-06-16",
                "河南省工业和信息化厅关于公布2023年度省级绿色制造名单的通知",
            ),
            Page(
                "009",
                trs_url("http://gxt.henan.gov.cn/zwgk/tzgg", "2025-06-20", "009"),
                "2025-06-20",
                "新乡市2025年度市级绿色工厂名单公示",
            ),
        ],
    ),
    Site(
        "jx_jxj",
        "jcms",
        "http://jxj.jiaxing.gov.cn/col/col1229427474/index.html",
        "嘉兴市经济和信息化局",
        pages=[
            Page(
                "seed:003",
                jcms_url("jxj.jiaxing.gov.cn", 1229427474, "2017-05-19", "seed:003"),
                "2017-05-19",
                "关于印发《嘉兴市推进绿色制造发展三年行动计划（2017—2019年）》的通知",
            ),
            Page(
                "seed:004",
                jcms_url("jxj.jiaxing.gov.cn", 1229427474, "2023-01-06", "seed:004"),
                "2023-01-06",
                "嘉兴制造业向高质量迈进",
            ),
        ],
    ),
    Site(
        "hz_cx",
        "jcms",
        "http://www.zjcx.gov.cn/col/col1229211399/index.html",
        "长兴县经济和信息化局",
        pages=[
            Page(
                "seed:000",
                jcms_url("www.zjcx.gov.cn", 1229211399, "2020-05-21", "seed:000"),
                "2020-05-21",
                "长兴:坚定不移实施绿色制造全力打造绿色发展先行区",
            ),
            Page(
                "053",
                jcms_url("www.zjcx.gov.cn", 1229211399, "2020-07-24", "053"),
                "2020-07-24",
                "湖州这类工厂已有2464家",
            ),
            Page(
                "054",
                jcms_url("www.zjcx.gov.cn", 1229211399, "2023-02-10", "054"),
                "2023-02-10",
                "湖州2022年度国家绿色制造名单新增情况",
            ),
        ],
    ),
    Site(
        "nb_jxj",
        "jcms",
        "http://jxj.ningbo.gov.cn/col/col1229116730/index.html",
        "宁波市经济和信息化局",
        pages=[
            Page(
                "088",
                "http://www.ninghai.gov.cn/art/2021/9/24/art_1229559026_1696050.html",
                "2021-09-24",
                "关于公布宁波市三星级绿色工厂名单(第三批)的通知",
            ),
            Page(
                "089",
                jcms_url("jxj.ningbo.gov.cn", 1229116730, "2024-05-15", "089"),
                "2024-05-15",
                "2024年慈溪市三星级绿色工厂名单公示",
                [("拟入选2024年慈溪市三星级绿色工厂名单.docx", "擬入選2024年慈溪市三星級綠色工廠名單.docx", [])],
            ),
            Page(
                "091",
                jcms_url("jxj.ningbo.gov.cn", 1229116730, "2025-11-21", "091"),
                "2025-11-21",
                "北仑区25家企业获评2025年度宁波市级绿色工厂",
            ),
        ],
    ),
    Site(
        "sl_gxj",
        "trs",
        "http://gxj.shangluo.gov.cn/xwzx/gzdt/index.html",
        "商洛市工业和信息化局",
        pages=[
            Page(
                "042",
                trs_url("http://gxj.shangluo.gov.cn/xwzx/gzdt", "2018-06-12", "042"),
                "2018-06-12",
                "我市多家企业入围陕西省第二批绿色制造名单",
            ),
            Page(
                "seed:001",
                trs_url("http://gxj.shangluo.gov.cn/xwzx/gzdt", "2025-01-10", "seed:001"),
                "2025-01-10",
                "商洛市新增省级绿色工业园区1个、绿色工厂3家",
            ),
        ],
    ),
    Site(
        "mirror_big5",
        "news",
        "http://big5.china.com.cn/gate/big5/news.china.com.cn/node_green.htm",
        "中国网(繁体网关镜像)",
        encoding="big5",
        pages=[
            Page(
                "048",
                "http://big5.china.com.cn/gate/big5/guoqing.china.com.cn/2019-09/16/content_75210116.html",
                "2019-09-16",
                "我國第四批綠色製造名單 重慶多家企業上榜",
            ),
            Page(
                "044",
                "http://big5.china.com.cn/gate/big5/sl.china.com.cn/2024/0711/196239.shtml",
                "2024-07-11",
                "陜西新增省級綠色工廠104家 綠色工業園區5家",
            ),
        ],
    ),
    Site(
        "mirror_askci",
        "news",
        "http://my67778.com/news/chanye/index.shtml",
        "中商情报网(转载镜像)",
        pages=[
            Page(
                "020",
                "http://my67778.com/news/chanye/20200702/1454531162942.shtml",
                "2020-07-02",
                "福建省第三批綠色制造名單出爐",
            ),
        ],
    ),
]


# --- reference/pages2: one source per real host, each page at its real URL -------------------
# News portals and reposting sites are `news`-family mirrors; the two government sites (宝坻区,
# 辽阳市) are `trs`. List URLs are reconstructed (the texts do not give them). Dates come from the
# URL or the text; "(R)" marks a date or title reconstructed from the text where it gives none.
def news_site(source: str, list_url: str, issuer: str, page: Page, encoding: str = "utf-8") -> Site:
    return Site(source, "news", list_url, issuer, encoding=encoding, pages=[page])


SITES_SPEC += [
    news_site(
        "mirror_zhb",
        "http://www.zhb.org.cn/lshj/lshj_2/index.html",
        "中国环保协会",
        Page(
            "p2:202",
            "http://www.zhb.org.cn/lshj/lshj_2/2023-03-09/16737.html",
            "2023-03-09",
            "湖北襄阳新增6家国家级绿色工厂",
        ),
    ),
    news_site(
        "mirror_hg_cjyun",
        "http://m-huanggang.cjyun.org/index.html",
        "云上黄冈",
        Page(
            "p2:203",
            "http://m-huanggang.cjyun.org/p/412476.html",
            "2023-12-25",  # (R) date
            "2023年湖北省绿色制造名单 黄冈有7家企业上榜",
        ),
    ),
    news_site(
        "mirror_gx_cri",
        "https://gx.cri.cn/old/index.html",
        "国际在线广西频道",
        Page(
            "p2:204",
            "https://gx.cri.cn/old/2021-08-17/28dc51e0-5b92-a3c7-8fbf-b0d0156c504d.html",
            "2021-08-17",
            "自治区级第四批绿色制造体系示范名单出炉 南宁又有8家企业入选 入榜数量居全区首位",
        ),
    ),
    news_site(
        "mirror_bt_huyang",
        "http://m.huyangnet.cn/index.html",
        "胡杨网(兵团日报)",
        Page(
            "p2:206",
            "http://m.huyangnet.cn/content/2025-01/10/content_1948401.html",
            "2025-01-10",
            "祝贺!兵团再添5家国家级绿色工厂",
        ),
    ),
    news_site(
        "mirror_xj_hts",
        "https://hts.gov.cn/xinxigongkai/index.html",
        "和田市人民政府(转载新疆日报)",
        Page(
            "p2:207",
            "https://hts.gov.cn/xinxigongkai/show.php?itemid=10357",
            "2023-03-10",  # (R) date: 截至今年2月底
            "12家单位7种产品上榜",
        ),
    ),
    news_site(
        "mirror_001ce",
        "http://news.001ce.com/jingji/index.html",
        "news.001ce.com(经济新闻)",
        Page(
            "p2:210",
            "http://news.001ce.com/jingji/2024/1212/1000224174.html",
            "2024-12-12",
            "沧州今年创建省级以上绿色工厂35家 新增数量位居河北第二",
        ),
    ),
    news_site(
        "mirror_shzx",
        "https://m.shzx.org/index.html",
        "四海资讯(转载成都日报)",
        Page(
            "p2:211",
            "https://m.shzx.org/a/39-48827-0.html",
            "2019-07-30",
            "工信部公示第四批绿色制造名单 成都14个项目上榜",
        ),
    ),
    news_site(
        "mirror_cnstock",
        "http://news.cnstock.com/news/sns_bwkx/index.html",
        "上海证券报·中国证券网",
        Page(
            "p2:212",
            "http://news.cnstock.com/news,bwkx-201810-4280099.htm",
            "2018-10-08",
            "北京市首份绿色制造名单公布 燕京啤酒等入选",
        ),
    ),
    news_site(
        "mirror_ttnews",
        "https://ttnews.xyz/index.html",
        "ttnews.xyz(繁体转载)",
        Page(
            "p2:213",
            "https://ttnews.xyz/a/5bddce80dc9b5e0f8c5f395f",
            "2018-11-03",  # the id's timestamp (ObjectId)
            "我市多家企業入選工信部第三批綠色製造名單",
        ),
    ),
    # the e-paper is served on port 2027; the mirror serves a host on any port, and the
    # (reconstructed) list page sits on the default port
    news_site(
        "mirror_fs_epaper",
        "http://www.360elib.com/index.html",
        "佛山日报(电子报)",
        Page(
            "p2:214",
            "http://www.360elib.com:2027/detail.aspx?NewsCode=NC1033&NewsId=50810754&OrgId=001",
            "2024-08-28",
            "新增29家省绿色工厂企业",
        ),
    ),
    news_site(
        "mirror_cinn",
        "https://www.cinn.cn/index.html",
        "中国工业新闻网",
        Page("p2:215", "https://www.cinn.cn/p/276262.html", "2023-11-13", "黑龙江省38家工厂入选2023年度绿色制造名单"),
    ),
    news_site(
        "mirror_dutenews",
        "https://www.dutenews.com/n/index.html",
        "读特(深圳特区报)",
        Page(
            "p2:216",
            "https://www.dutenews.com/n/article/8661412",
            "2025-01-26",
            "中山4家企业入选“2024年度绿色制造名单”",
        ),
    ),
    news_site(
        "mirror_gz_gzastv",
        "https://app.gzastv.cn/ac/b/index.html",
        "贵州广播电视台 动静",
        Page(
            "p2:217",
            "https://app.gzastv.cn/ac/b/content_191065.shtml",
            "2026-01-15",  # (R) date and title
            "贵州17家企业入选国家级绿色工厂 3家园区入选国家级绿色工业园区",
        ),
    ),
    news_site(
        "mirror_sx_sxrb",
        "http://epaper.sxrb.com/shtml/sxscdb/index.html",
        "山西市场导报(山西日报社)",
        Page(
            "p2:220",
            "http://epaper.sxrb.com/shtml/sxscdb/20240116/942063.shtml",
            "2024-01-16",
            "国家绿色制造名单公布 我省32家单位入选",
        ),
    ),
    news_site(
        "mirror_wxredian",
        "https://wxredian.com/index.html",
        "wxredian.com(微信文章转载)",
        Page(
            "p2:221",
            "https://wxredian.com/art?id=b29226e545b7403bf3401eb6a33dd4c2",
            "2024-11-01",
            "解读西藏“九大产业” | 绿色工业,以“含绿量”提升“含金量”",
        ),
    ),
    news_site(
        "mirror_gs_gansudaily",
        "http://gansu.gansudaily.com.cn/index.html",
        "每日甘肃网",
        Page(
            "p2:222",
            "http://gansu.gansudaily.com.cn/system/2020/06/02/017447177.shtml",
            "2020-06-02",
            "平凉市3户企业入选全省首批绿色工厂",
        ),
    ),
    news_site(
        "mirror_chinaerea",
        "http://www.chinaerea.com/news/bendi/index.html",
        "chinaerea.com(转载江西日报)",
        Page(
            "p2:223",
            "http://www.chinaerea.com/news/bendi/2024-01-18/22604.html",
            "2024-01-18",
            "赣江新区新增3家国家级绿色工厂",
        ),
    ),
    news_site(
        "mirror_kskysp",
        "http://www.kskysp.com/index.html",
        "kskysp.com(繁体拼音转载)",
        Page(
            "p2:224",
            "http://www.kskysp.com/s320545.html",
            "2024-07-18",  # the text's 7月18日; (R) title
            "吉林省2024年度省级绿色制造示范项目名单公示 冀东水泥扶余入选绿色工厂",
        ),
    ),
    Site(
        "tj_bd_gxj",
        "trs",
        "https://www.tjbd.gov.cn/zwgk/zfxxgkqjjg/gyhxxhj/fdzdgknr5/gyhxxhjwj5/index.html",
        "天津市宝坻区工业和信息化局",
        pages=[
            Page(
                "p2:225",
                "https://www.tjbd.gov.cn/zwgk/zfxxgkqjjg/gyhxxhj/fdzdgknr5/gyhxxhjwj5/202503/t20250312_6880862.html",
                "2025-03-12",
                "宝坻区2025年度第一批区级绿色制造单位名单公布",
            ),  # (R) title
        ],
    ),
    news_site(
        "mirror_ghqlgyb",
        "http://www.ghqlgyb.cn/xiamen/news/index.html",
        "ghqlgyb.cn(繁体拼音转载)",
        Page(
            "p2:226",
            "http://www.ghqlgyb.cn/xiamen/news/3029806.html",
            "2025-12-20",  # (R) date and title
            "2025年度福建省绿色制造名单 8家厦企入选",
        ),
    ),
    Site(
        "ln_ly_gxj",
        "trs",
        "http://gxj.liaoyang.gov.cn/gzdt/002001/index.html",
        "辽阳市工业和信息化局",
        pages=[
            Page(
                "p2:231",
                "http://gxj.liaoyang.gov.cn/gzdt/002001/20241223/79bdb375-5376-45a5-8879-70e0e26a39d1.html",
                "2024-12-23",
                "辽宁省工业和信息化厅关于公布2024年度(第九批)省级绿色制造名单的通知",
            ),
        ],
    ),
    news_site(
        "mirror_solidwaste",
        "https://static.solidwaste.com.cn/news/index.html",
        "中国固废网",
        Page(
            "p2:232",
            "https://static.solidwaste.com.cn/news/301480.html",
            "2020-01-10",
            "贵州省工信厅公布2019年度贵州省绿色制造名单!",
        ),
    ),
    news_site(
        "mirror_hlj_people",
        "http://hlj.people.com.cn/BIG5/GB/220024/index.html",
        "人民网黑龙江频道(繁体版)",
        Page(
            "p2:233",
            "http://hlj.people.com.cn/BIG5/n2/2023/0328/c220024-40355000.html",
            "2023-03-28",
            "2022年度國家級綠色制造名單公布 黑龍江省綠色制造體系建設取得突破",
        ),
        encoding="big5",
    ),
    news_site(
        "mirror_guc884",
        "http://guc884.cn/news/index.html",
        "guc884.cn(转载水泥网)",
        Page(
            "p2:234",
            "http://guc884.cn/news/content/15361765758955001.html",
            "2021-03-10",
            "僅有一家水泥企業(yè)!天津公布2020年度綠色工廠(園區(qū))名單",
        ),
    ),
    # the real URL has a doubled slash (//shengtaihuanbao/), which the mirror reads as a host: served
    # at the single-slash path, which the real server answers too
    news_site(
        "mirror_ztjsxw",
        "http://fs.ztjsxw.com/shengtaihuanbao/index.html",
        "fs.ztjsxw.com(转载山西日报)",
        Page(
            "p2:237",
            "http://fs.ztjsxw.com/shengtaihuanbao/2019-04-22/1264.html",
            "2019-04-22",
            "我省将推进65个绿色制造工程重点项目",
        ),
    ),
    news_site(
        "mirror_c4jnm3w",
        "http://c4jnm3w.cn/jinrong/index.html",
        "c4jnm3w.cn(繁体转载观点网)",
        Page(
            "p2:238",
            "http://c4jnm3w.cn/jinrong/2023-01/31/content_111596.html",
            "2023-01-31",
            "每日熱文:重慶:“十四五”末將累計建成市級及以上綠色園區30個",
        ),
    ),
    news_site(
        "mirror_bjhxscl",
        "https://bjhxscl.com/Industry-News/index.html",
        "bjhxscl.com(转载中化新网)",
        Page(
            "p2:239",
            "https://bjhxscl.com/Industry-News/445.html",
            "2023-01-16",  # (R) date and title
            "浙江省工业领域碳达峰实施方案 建成500家绿色低碳工厂和50个绿色低碳工业园区",
        ),
    ),
    news_site(
        "mirror_cz_829897",
        "https://m.829897.com/html/cznd/index.html",
        "m.829897.com(新视界 基层动态)",
        Page(
            "p2:242",
            "https://m.829897.com/html/cznd/2024/KBJMQJEJ_0117/517834.html",
            "2024-01-17",  # (R) title
            "滨江经济开发区9家企业入选2023年(第五批)市级绿色工厂公示名单",
        ),
    ),
    news_site(
        "mirror_gdjn",
        "http://gdjn.org.cn/news/index.html",
        "广东省节能协会",
        Page(
            "p2:243",
            "http://gdjn.org.cn/news/show_5940.html",
            "2017-08-23",  # (R) date: the notice's own
            "工业和信息化部办公厅关于发布2017年第一批绿色制造示范名单的通知",
        ),
    ),
    news_site(
        "mirror_gdipa",
        "http://gdipa.org/artice/index.html",
        "广东省工业园区网",
        Page("p2:244", "http://gdipa.org/artice/10011_7467.html", "2020-10-30", "关于公布第五批绿色制造名单的通知"),
    ),
]


HOSTS = {  # how each host's server behaves (read by the mirror)
    "gxt.shandong.gov.cn": {"charset": "gb18030", "header_charset": "none", "meta_charset": "gb2312"},
    "gxt.hunan.gov.cn": {"charset": "gb18030", "header_charset": "iso-8859-1", "meta_charset": None},
    "big5.china.com.cn": {"charset": "big5", "header_charset": "big5", "meta_charset": "big5"},
    "hlj.people.com.cn": {"charset": "big5", "header_charset": "big5", "meta_charset": "big5"},  # its /BIG5/ gateway
    "gdii.gd.gov.cn": {"etag": False},
    "my67778.com": {"etag": False, "last_modified": False},
    "jxt.zj.gov.cn": {"robots": "User-agent: *\nDisallow: /module/\nDisallow: /search/\n"},
}


# --- reading the real texts -----------------------------------------------------------------
def read_ref(ref: str) -> tuple[str, str]:
    """(description, body text) of a reference page or a seed."""
    if ref.startswith("seed:"):
        path = next(SEEDS.glob(f"{ref[5:]}_*.txt"))
        return "", path.read_text(encoding="utf-8").strip()
    folder, ref = (PAGES2, ref[3:]) if ref.startswith("p2:") else (PAGES, ref)
    path = next(folder.glob(f"{ref}_*.txt"))
    lines = path.read_text(encoding="utf-8").splitlines()
    return re.sub(r"\s*\(.*?\)\s*$", "", lines[1]).strip(), "\n".join(lines[3:]).strip()


def body_html(text: str) -> str:
    """Paragraphs; pipe tables pasted in the text become real HTML tables (inline lists)."""
    out, table = [], []
    for line in text.splitlines() + [""]:
        if line.count("|") >= 3:
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if table:
            rows = "\n".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in table)
            out.append(f'<table border="1" class="inline-list">\n{rows}\n</table>')
            table = []
        if line.strip():
            out.append(f"<p>{html.escape(line.strip())}</p>")
    return "\n".join(out)


# --- page templates (reconstructed, one per site family) -------------------------------------
def article_page(site: Site, page: Page, title: str, text: str, links: list[tuple[str, str]]) -> str:
    meta_charset = HOSTS.get(urlsplit(page.url).netloc, {}).get("meta_charset", site.encoding)
    charset = f'<meta charset="{meta_charset}">' if meta_charset else ""
    t, body = html.escape(title), body_html(text)
    attach = "\n".join(f'<p><a href="{html.escape(u)}">{html.escape(n)}</a></p>' for u, n in links)
    meta = (
        f'<meta name="ArticleTitle" content="{t}">\n<meta name="PubDate" content="{page.date} 09:00">\n'
        f'<meta name="ContentSource" content="{html.escape(site.issuer)}">'
    )
    if site.family == "jcms":
        main = f"""<div class="bt-box-1170"><div class="art-title"><h1>{t}</h1></div>
<div class="art-info">发布日期：{page.date} 信息来源：{html.escape(site.issuer)} 字体：[大] [中] [小]</div>
<div id="zoom">{body}
{attach}</div><div class="art-tools">扫一扫在手机打开当前页 打印本页 关闭窗口</div></div>"""
    elif site.family == "trs":
        main = f"""<table class="xxgk"><tr><td>索引号：{_id(page.ref, 10)}/{page.date[:4]}-00{_id(page.ref + "x", 3)}</td>
<td>发文日期：{page.date}</td><td>公开形式：主动公开</td></tr></table>
<div class="detail"><h1 class="title">{t}</h1><div class="info"><span class="time">发布时间：{page.date} 09:00</span>
<span>来源：{html.escape(site.issuer)}</span><span>字号：[大][中][小]</span></div>
<div class="TRS_Editor">{body}
{attach}</div></div>"""
    elif site.family == "gd":
        main = f"""<div class="article"><div class="article-title"><h3>{t}</h3></div>
<div class="article-info"><span class="time">时间：{page.date}</span> 来源：{html.escape(site.issuer)}
<span>浏览次数： 字体：[大] [中] [小]</span></div>
<div class="article-content">{body}
{attach}</div></div>"""
    elif site.family == "js":
        main = f"""<table class="xxgk-table"><tr><th>发布机构</th><td>{html.escape(site.issuer)}</td>
<th>制发日期</th><td>{page.date}</td></tr></table>
<div class="xxgk-title">{t}</div>
<div id="zoom">{body}
{attach}</div>"""
    else:  # news mirror: the captured text as it is, with the mirror's own chrome
        main = f"""<div class="topnav">首页 新闻 财经 繁體</div><h1>{t}</h1>
<div class="source">發佈時間：{page.date}</div>
<div class="content">{body}
{attach}</div><div class="footer-links">友情链接 广告服务 联系我们</div>"""
    return f"""<!DOCTYPE html>
<html><head>{charset}
<title>{t}</title>
{meta}
</head><body>
<div class="header">{html.escape(site.issuer)} 无障碍辅助浏览 长者助手 繁体版 简体版</div>
{main}
<div class="footer">主办单位：{html.escape(site.issuer)} 网站标识码 ICP备案</div>
</body></html>
"""


# --- attachments ---------------------------------------------------------------------------
def write_attachment(path: Path, link_text: str, names: list[str]) -> None:  # noqa: C901
    title = re.sub(r"^\d+\.", "", link_text).rsplit(".", 1)[0]
    header = ["序号", "地区", "企业名称", "备注"]
    if "园区" in title and "工厂" not in title:
        header = ["序号", "地区", "园区名称", "备注"]
    rows = [[str(i), "", name, ""] for i, name in enumerate(names, 1)]
    if not rows:  # the page names no one: only the header survives in the offline corpus
        rows = [["名单内容未收录于离线语料（重建）", "", "", ""]]
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.append([title, None, None, None])
        ws.merge_cells("A1:D1")
        ws.append(["序号", "地区", "名称", None])  # two header rows: 名称 spans 名称/备注
        ws.merge_cells("C2:D2")
        ws.append(header)
        for row in rows:
            ws.append(row)
        wb.save(path)
    elif suffix == ".xls":
        import xlwt

        wb = xlwt.Workbook(encoding="gbk")  # BIFF8 with a GBK code page, as old government files
        ws = wb.add_sheet("Sheet1")
        ws.write_merge(0, 0, 0, 3, title)
        for r, row in enumerate([header, *rows], start=1):
            for c, value in enumerate(row):
                ws.write(r, c, value)
        wb.save(str(path))
    elif suffix == ".docx":
        from docx import Document

        doc = Document()
        doc.add_paragraph(title)
        table = doc.add_table(rows=0, cols=4)
        for row in [header, *rows]:
            for cell, value in zip(table.add_row().cells, row):
                cell.text = value
        doc.save(path)
    elif suffix == ".pdf":
        from build_miit import write_pdf

        write_pdf(path, title, header, rows)
    elif suffix == ".doc":  # Word 97: written as .docx, converted by LibreOffice (apt)
        import subprocess
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            draft = Path(tmp) / "draft.docx"
            write_attachment(draft, link_text, names)
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "doc", "--outdir", tmp, str(draft)],
                check=True,
                capture_output=True,
                timeout=120,
            )
            path.write_bytes((Path(tmp) / "draft.doc").read_bytes())
    else:
        raise ValueError(f"no writer for {path.suffix}")


def attachment_url(page: Page, file_name: str) -> str:
    if file_name.startswith("/"):
        return f"{urlsplit(page.url).scheme}://{urlsplit(page.url).netloc}{file_name}"
    base = page.url.rsplit("/", 1)[0]
    return f"{base}/P0{_id(page.ref + file_name, 8)}{Path(file_name).suffix}"


def site_host(url: str) -> str:
    """The folder of a URL's host: the mirror serves a host whatever its port (www.360elib.com:2027)."""
    return urlsplit(url).netloc.split(":")[0]


def site_file(url: str) -> Path:
    """Where the mirror finds a URL: its path, and its query quoted into the file name."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/") + (quote("?" + parts.query, safe="") if parts.query else "")
    return SITES / site_host(url) / name


def build_site(site: Site, written: set[Path]) -> dict:
    entries = []
    for page in site.pages:
        description, text = read_ref(page.ref)
        title = page.title or description
        links = []
        for file_name, link_text, names in page.attachments:
            url = attachment_url(page, file_name)
            if not site_file(url).exists():  # office files and PDFs stamp their build time: kept once built
                write_attachment(site_file(url), link_text, names)
            written.add(site_file(url))
            links.append((url, link_text))
        encoding = HOSTS.get(urlsplit(page.url).netloc, {}).get("charset", site.encoding)
        target = site_file(page.url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(article_page(site, page, title, text, links).encode(encoding, errors="xmlcharrefreplace"))
        written.add(target)
        entries.append(
            {"url": page.url, "title": title, "date": page.date, "ref": page.ref, "attachments": [u for u, _ in links]}
        )
    entries.sort(key=lambda e: e["date"], reverse=True)
    return {
        "source": site.source,
        "family": site.family,
        "list_url": site.list_url,
        "issuer": site.issuer,
        "encoding": site.encoding,
        "page_size": site.page_size,
        "entries": entries,
    }


def build() -> None:
    CATALOG.mkdir(exist_ok=True)
    written: set[Path] = set()
    for site in SITES_SPEC:
        catalog = build_site(site, written)
        (CATALOG / f"{site.source}.yaml").write_text(
            yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    hosts = {site_host(p.url) for s in SITES_SPEC for p in s.pages} | {site_host(s.list_url) for s in SITES_SPEC}
    for host in hosts:  # what the sites no longer hold
        for path in (SITES / host).rglob("*") if (SITES / host).exists() else []:
            if path.is_file() and path not in written:
                path.unlink()
    (HERE / "hosts.yaml").write_text(
        "# How each mirrored host's server behaves (charset headers, validators, robots.txt).\n"
        + yaml.safe_dump(HOSTS, allow_unicode=True, sort_keys=True),
        encoding="utf-8",
    )
    print(f"built {len(SITES_SPEC)} sites, {sum(len(s.pages) for s in SITES_SPEC)} articles")


if __name__ == "__main__":
    build()
