"""Designated names named in a page: inline tables (pasted pipe tables) and enumerations in
prose ("绿色工厂中,A、B、C上榜").

Names in prose are read with a small clause grammar, not with any page's wording:

    sentence := clause ("," clause)*
    clause   := item (("、" | 和 | 及 | 与 | 以及) item)*
    item     := [prefix] name [trail]

A name ends in a name ending (公司, 集团, 厂 — a company; 园区, 开发区, 高新区, 新区, 基地 … — a
park) followed by the end of the item or by a trail (等, 入选, 3家, 成功, 的 …). It starts where
the entity starts: after the last cue of its prefix that is never part of a name (分别是, 包括,
确定, 授予, 公示, "企业是", "X市有", a colon …), then after leads a name never starts with
(将, 我市, 此次, 3家企业, a list number, "中山的" …).

A sentence names designated entities only when it says they were listed (入选, 上榜, 认定,
名单, 绿色工厂:, 绿色园区3家(…) …). A name's type is its clause's designation term (its own,
else the nearest one: the one before a parenthesis it is in, one each after 分别), a park is
always a green park, and a company never is; a park named where its clause names no park term
is a place (XX开发区有3家企业入选绿色工厂). Short names (飞鹤乳业) count only in an enumeration
beside full names or counted after 等 (…等38家工厂), in a clause that says they were designated.
A sentence without a term continues the one before it (其中,A公司…, and the subtotals after it:
湖州市1家,为C公司), a heading (一、绿色工厂 / A公司、B公司) or a list that ended the sentence before
(…:1.A公司;2.B公司); names said to be designated where no term types them (…绿色制造名单,A公司
上榜) take the type of a summary right after them (至此,全市绿色工厂达30家 / 以上企业入选绿色工厂).
A list may be laid out on a line (1.A公司 2.B公司, “A公司”“B公司”) or a line each (一、A公司 /
(一)A公司 / A公司(诸暨市)). A full name in a parenthesis after a short one is the name
(长虹(四川长虹电器股份有限公司)入选); a clause that opens with a name is its subject when the next
clause opens with the designation (A公司联合上下游企业开展绿色采购,获评X). A caption above or between
pasted tables types the rows under it.

Words between the names and the verb (双双, 一同, 都, 喜获) are trails; an area or a parent before
a name (高新区企业A公司, A集团下属B公司) is a prefix. A company in another role is not designated:
an evaluator (…绿色工厂第三方评价机构), a service provider (A公司为入选…的企业提供…), a customer
(其主要客户包括A公司), one listed in another list (A公司入选专精特新企业名单), a speaker (A开发区管委会
相关负责人介绍, A公司董事长表示,获评…), a circumstance (在A公司的带动下,B公司…), and no one in a
sentence that takes a designation back (撤销其…称号, 移出…名单).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from greenmfg.extract.english import english_names
from greenmfg.extract.facts import TERM, TERM_MARK, TERM_PATTERN, sentences, term_type
from greenmfg.extract.list_rows import (
    FOOTNOTE_MARKS,
    extract_rows,
    fold,
    header_map,
    label_type,
    names_column,
    outcome_column,
)
from greenmfg.extract.normalize import clean_text
from greenmfg.extract.numbers import number
from greenmfg.extract.terms import LEVEL_WORD
from greenmfg.regions import is_division, resolve

PARK = "green_park"
DESIGN = "green_design_product"
PROVINCES = (
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
)
PROVINCE = "|".join(PROVINCES)

# Name endings. Every legal form ends in 公司; 厂 is an enterprise's (佳木斯电机厂), not 工厂, a term's.
# A 工厂 after a number is a registered name (中国人民解放军第五七二〇工厂), never a term.
COMPANY_END = r"公司|集团|厂(?<!工厂)|厂(?<=[〇零一二三四五六七八九十百千0-9]工厂)|厂(?<=化工厂)|厂(?<=加工厂)"
COMPANY_ENDS = ("公司", "集团", "厂")
PARK_END = (
    r"园区|片区(?<=区[\u4e00-\u9fa5]{2}片区)|开发区|经开区|高新区|新区|示范区|集中区|集聚区|投资区|合作区|保税区|工业区|业区(?<=产业区)|实验区|集中发展区|港务区|"
    r"业园(?!区)|技园(?!区)|创园(?!区)|态园(?!区)|基地|生态城"
)
# One flat alternation of literals: sre skips ahead by their first characters (a group or a
# class in front of a branch makes it try every branch at every position).
NAME_END = re.compile(COMPANY_END + "|" + PARK_END)
LEVEL_ONLY = re.compile(r"(?:国家|省|市|县|区)级|新增|新认定|复核通过")
ENDS_A_NAME = re.compile("(?:" + COMPANY_END + "|" + PARK_END + ")$")
# What may follow a name in its clause. A park followed by 的 or 有 is a place (XX开发区的企业,
# XX开发区有3家), a company so followed is an owner (A公司的产品) or in a list (A公司有限…: 有 is not).
TRAIL = (
    r"等|\d|[一二三四五六七八九十两]+(?:家|个|户|种|款|项|型号)|"  # 等3家, 7个型号…
    r"入选|入围|入列|入榜|上榜|榜上有名|赫然|在列|荣列|获|荣获|荣膺|被|成功|顺利|均|同时|再次|也|又|分别|成为|经过|经|列入|进入|名列|"
    r"双双|则(?=被|获|入选|入围|荣获|上榜)|一同|一起|共同|同获|同步|同期|都(?!江|市|匀|昌|兰)|皆|斩获|喜获|摘得|捧得|揽获|夺得|勇夺|首获|再获|"
    r"跻身|通过|是|为|作为|申报|拟|喜提|由|晋升|晋级|升级为|参评|位列|首次|正式|此次|本次|今年|凭借|还|共|已(?!有)|认定|确定|评定|评为|"
    r"全部|全都|悉数|新获|新入|新晋|此前|早前|之前|之后|曾经?|早已|先后|相继|去年|近年|"
    r"列为|命名|获得|推荐|荣登|登上|授予|颁发|授牌|给予|予以|补充|增补|追加|重新|这样|这类|一类|便是|就是|正是|即是|"
    r"和|及|与|以及|、|,|:|＂|”|】|—|/|\.(?!\d)|\)(?![\u4e00-\u9fa5A-Za-z0-9])|$"
)
PARK_TRAIL = re.compile(TRAIL + r"|\(|管委会|管理委员会")  # 建德经济开发区(建德…产业园区): the alias is not the name
# (after 公司 a parenthesis is a note, A有限公司(2款产品); after 集团 part of the name, X集团(控股)有限公司)
COMPANY_TRAIL = re.compile(TRAIL + r"|的|在|于|将|有(?!限)|已|从|以|生产|设计|研发|制造|(?<=[司厂])\(")
# A company's factory or branch named after it (A有限公司金桥工厂, A股份有限公司B分厂): no 绿色 in it
BRANCH = re.compile(r"(?:(?!绿色)[\u4e00-\u9fa5]){1,8}?(?:工厂|分厂|车间)")
# A company's base named after it (A股份有限公司宝山基地), where no park is named
BASE = re.compile(r"[\u4e00-\u9fa5]{1,6}?基地")
# A design product's noun after its owner's name (A有限公司电饭煲、B有限公司微波炉): no name ending in it
PRODUCT = re.compile(r"(?:(?!公司|集团|厂|绿色)[\u4e00-\u9fa5A-Za-z0-9\-]){2,10}?(?=$|等|入选|获评|上榜|\()")
# A name in another role after it: a service provider's (为入选…的企业提供…), a supplier's (由A公司提供),
# a speaker's (…管委会相关负责人介绍), or one not designated (A公司本次落选)
OTHER_ROLE = re.compile(
    r"[为向][^,]{0,30}?(?:企业|单位|园区|工厂|公司|集团)们?(?:提供|开展|进行|出具|量身|定制)|"
    r"(?:提供|供货|供应(?!链)|配套)(?=$|[,;。]|的?(?:服务|技术|设备|原料|材料|零部件|配件))|"
    r"(?:本次|此次|今年|则|却|遗憾|最终|未能|也)?(?:落选|未入选|未能入选|未获|没有入选|未通过|无缘)|"
    r"的[\u4e00-\u9fa5]{1,4}下|"  # 在A公司的带动下: a circumstance
    r"(?:管委会|管理委员会|党工委)?(?:相关|有关|主要)?(?:负责人|领导|发言人|工作人员)|"
    r"(?:管委会|管理委员会|党工委)(?:介绍|表示|指出|透露|称)"
)
# A prefix's last cue: the name starts after it. None of these is ever inside a name.
CUT = re.compile(
    r"—|/|了(?!望)(?=[\u4e00-\u9fa5])|为(?<=[家个户]为)|出炉\s+|揭晓\s+|供应商|制造商(?!贸|城|行|务)|生产商(?!贸|城|行|务)|客户|合作伙伴|全资子公司|控股子公司|分别是|分别为|分别有(?!限)|依次是|依次为|具体是|具体为|主要有|主要包括|包括了?|包含了?|其中|如下|"
    r"名单|认定|确定|授予|申报|祝贺|恭喜|推荐|同意|公示|评审|评选出?|命名|表彰|获悉|了解到|据悉|现将|拟将|将以|"
    r"将(?<=[省市县区州旗盟]将)(?!军)|有(?<=[共还已另现拥则也仍既省市县区州旗盟的]有)(?!限)|家\(|个\(|户\(|:|"
    # 新增 (我市新增A公司等5家), a parent (A集团下属B公司), an area (高新区企业A公司)
    r"新增|(?:下属|旗下)的?(?:全资|控股)?(?:子公司|分公司|企业|公司|单位)?|来自|涉及|依托|拥有|建有|是(?<=的是)|为(?<=的为)|龙头企业|骨干企业|重点企业|领军企业|链主企业|标杆企业|员(?<=[会成]员)(?:单位|企业)|企业(?<=[区园县市镇乡]企业)(?!管理|服务|发展|孵化|集团|有限|股份|联合|协会|家)|"
    + "|".join(noun + verb for noun in ("企业", "单位", "工厂", "园区", "产品") for verb in ("是", "为", "有(?!限)"))
)
# What a name never starts with, stripped from the front again and again: a list number,
# conjunctions and adverbs, the speaker (我市, 本区), a firm's kind (台企), a quantity (3家企业), and 将 / 把 / 对 / 被
# unless they are a place's first character (将乐县).
LEAD = re.compile(
    r"(?:【[^】]{1,12}】|\[[^\]]{1,12}\]|[-—•·“【●○■□◆◇▲△★☆▪▶►√\s\u2600-\u27bf\ufe0f\U0001f300-\U0001faff]+|[一二三四五六七八九十]是|\d+[.、)\s]|"
    r"\d{1,3}(?=(?:"
    + PROVINCE
    + r"))|[A-Za-z][、)]|[A-Za-z]\.\s+|[IVX]{1,4}[.、)]\s*|\((?:\d+|[一二三四五六七八九十]+)\)|\([\u4e00-\u9fa5]{1,8}[省市县区州旗盟]\)|\((?=[^)]*$)|[①-⑳]|[一二三四五六七八九十]+[、.\s]|"
    r"以及|及|与|[像即](?="
    + PROVINCE
    + r")|例如|譬如|诸如|此次|本次|今年|去年|近日|日前|最终|最后|终于|(?:企业|单位|园区|公司|申报单位)名称:|20\d{2}年度?|"
    r"目前|同时|此外|另外|其中|分别[为是]?|(?:我|本|全|该)[省市县区州旗盟]的?|[省市区县]内|辖区内?|当地|"
    r"[台外民国央港侨]企(?=[\u4e00-\u9fa5]{2})|"  # (我市台企A、B: a firm's kind)
    r"(?:园区|开发区|高新区|经开区)内|(?:[\u4e00-\u9fa5A-Za-z]{2,30}?(?:\([0-9A-Za-z.]{4,9}\))?)?(?:所属|旗下|下属|成员)的?"
    r"(?:企业|公司|子公司|单位)?(?:——|—|-|:)?|"  # (A集团旗下B / A下属公司——B: B is designated)
    r"(?:\d+|[一二三四五六七八九十两]+)(?:家|个|户|项)(?:企业|单位|公司|园区)?|"
    r"这是|也是|(?:他们|它们|她们)(?:分别)?是|(?:它|这|那)?(?:就|便|正)是(?=[\u4e00-\u9fa5]{4})|继|[将把对被](?![\u4e00-\u9fa5][县市区旗])|[\u4e00-\u9fa5]{1,4}[县区](?="
    + PROVINCE
    + ")|"
    # a city before a province-led name (永康市浙江A公司), not the province's own (天津市天津港…)
    r"(?!(?:" + PROVINCE + r")市)[\u4e00-\u9fa5]{2,3}市(?=" + PROVINCE + "))+"
)
# Prepositions that also start names (向阳…, 为民…, 由…): stripped only when the name after them
# starts with a province or is the object of another verb (向A公司授予…, 由A公司申报的…); 有 (有研…)
# only before a province (…,有湖北A公司入选)
PREPOSITION = "向为给由从据在经"
FRAME_VERB = re.compile(r"(?:公司|集团|厂)(?:授予|颁发|授牌|给予|予以|发放|申报|牵头|承担|颁授|生产)")
PROVINCE_FIRST = re.compile(PROVINCE)
COMPANY = re.compile(
    r"[\u4e00-\u9fa5〇A-Za-z0-9()·&.\-]{2,50}(?:"
    + COMPANY_END
    + r")(?:[\u4e00-\u9fa5]{1,8}?(?:工厂|分厂|车间|基地)|\((?:(?!绿色)[^()]){1,10}(?:分公司|分厂|工厂|车间)\))?"
)
PARK_NAME = re.compile(r"[\u4e00-\u9fa5](?:[\u4e00-\u9fa5]|\([\u4e00-\u9fa5]{2,6}\)){1,29}(?:" + PARK_END + ")")
# A body that names no one: 上述公司, 3家公司, 该集团 …; a park that is only generic words (经济技术开发区)
GENERIC_BODY = re.compile(
    r"^(?:[该本其子分母总各两这此某多数]|上述|相关|有关|这些|其他|其它|下属|旗下|入选|获评|"
    r"\d+|[一二三四五六七八九十两几]+)家?(?:企业|单位|工业)?(?:公司|集团|厂)$"
)
GENERIC_PARK = re.compile(
    r"国家级|省级|市级|经济技术|经济|高新技术|高新|技术|产业|工业|化学|化工|科技|创业|现代|生态|"
    r"循环|低碳|示范|综合|保税|出口加工|企业|和|与|及|以上|以下|各|相关|有关|重点|所在|所有|该|本|全|" + PARK_END
)
# A company's location before its name: a new area (赣江新区春光线缆有限公司) is not part of it, unless
# a city's name opens it (沧州渤海新区…, 镇江新区…: names registered so)
NEW_AREA = re.compile(r"^[\u4e00-\u9fa5]{2,4}新区(?=[\u4e00-\u9fa5]{2})")
# 飞鹤乳业、香其食品等38家工厂入选: short names counted after 等 are designated; the head (工厂) may type them
# 海尔、格力等家电龙头企业入选 / 以A、B为代表的11家企业入选: counted or said to be companies
COUNTED = re.compile(
    r"(?:等|为代表的)(?:[^,、]{0,8}?(?:\d+|[一二三四五六七八九十两]+)\s*(?:家|个|户)|"
    r"(?=[^,、等]{0,8}?(?:企业|车企|乳企|药企)))(?P<head>[\u4e00-\u9fa5]{0,12})"
)
# …what was counted is trades or places, not companies (钢铁、化工等行业的12家企业, 宁波、温州等地)
TRADE = re.compile(r"行业|领域|产业|地区|等地|区域|城市|县市|园区")
INDUSTRY = re.compile(
    r"(?:钢铁|化工|石化|石油化工|建材|有色|有色金属|纺织|印染|轻工|机械|装备|电子|电子信息|汽车|医药|"
    r"生物医药|食品|家电|造纸|制药|电力|能源|新能源|光伏|冶金|煤炭|水泥|玻璃|陶瓷|家具|服装|化纤|"
    r"锂电|新材料|材料|船舶|铸造|电镀|皮革|塑料|橡胶|包装|印刷|家居|五金|通信|半导体|集成电路)"
    r"(?:行业|产业|领域|企业)?"
)
# 美的 is a brand (广东美的制冷设备有限公司), any other X的Y a description of Y (中山的A公司)
OWNER = re.compile(r"(?<!美)的")
# Names that end no company's way, taken only as a line of a list of names alone
INSTITUTION = re.compile(r"[\u4e00-\u9fa5()]{3,30}(?:中心|研究所|研究院|设计院|合作社|联合社|学院|医院)")
OWNER_REACH = 5
LABEL_LENGTH = 6
REFUSED_LIST = "refused"  # (the caption of a table of designations taken back or refused)  # 四星级: / 第一批: a short label before a list  # A公司研发的…: the 的 of an owner's product this near after its name
CONJUNCTION = re.compile(r"以及|和|及(?!其|时)|(?<!参)与")
ITEM_SEPARATOR = re.compile(r"、|以及")
# N家工厂获评绿色工厂,包括A、B等龙头企业, 也不乏C、D等…企业: the members of a set designated before
MEMBERS = re.compile(r"(?:既|也|还)?(?:包括|包含|涵盖|覆盖|不乏|其中(?:有|包括)?)|(?:既|也)有(?!限)")
PLURAL_SET = re.compile(r"多家|数家|几家|一批|(?:\d+|[一二三四五六七八九十两]+)家")  # (公司获评…,包括…: its measures)
NOT_A_MEMBER = re.compile(r"(?:化|发电|回收|回用|利用|项目|系统|工程|改造|技术|[A-Za-z]+\d*)$")
MEMBERS_TAIL = re.compile(
    r"等(?:[\u4e00-\u9fa5]{0,6}?(?:企业|公司|单位|集团|工厂|厂家|厂商))?[。!;?]?\s*$"
)  # (…等方面: not firms)
LAST_SHORT_JOINED = re.compile(
    r"(?<=、)(?P<left>[\u4e00-\u9fa5]{3,10}?)(?:和|及(?!其|时)|与)(?P<right>[\u4e00-\u9fa5]{2})"
)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|《[^》]*》")
QUOTE_MARKS = re.compile(r"[“\"《]")
# A sentence names designated entities only when it says they were listed.
# what follows 是 when a firm is said to be one: a level, the term, and the clause ends (之一 / 称号 may close it)
FIRM_IS_ONE = r"(?:[^,。;?的]{0,8}?)(?:" + TERM + r")(?:的[^,。;]{0,8}?(?=之一))?(?:之一|称号)?(?:[,。;!、]|$)"
DESIGNATION_CUE = re.compile(
    r"入选|入列|上榜|喜提|花落|晋升|晋级|升级为|评选为|评定为|被[^,。;]{1,8}?(?:评为|评定为|认定为|确定为|命名为|列为|授予)|成功创建(?=[^,。]{0,6}?绿色)|获批创建(?=[^,。]{0,6}?绿色)|榜上有名|获评|被评为|入围|入榜|认定|确定|名单|获批|成为|分别是|分别为|称号|殊荣|授予|"
    r"命名|列入|列为|脱颖而出|荣获|荣膺|荣列|跻身|公布|公示|新增|增补(?=以下|下列|如下)|斩获|喜获|同获|摘得|荣登|列其中|列(?<=在列)|"
    r"工厂认证|园区认证|企业认证|复核合格|复核通过|继续保留|通过(?=[^,。]{0,12}?复核)|"
    # (继2021年A、2023年B之后,我县国家级绿色工厂队伍进一步壮大: A and B were; not …之后,C也开始创建…)
    r"(?<!相)继(?=[^,。;]{4,80}?之后,[^。;,]{0,12}?(?:" + TERM + r")[^。;,]{0,4}?(?:队伍|数量|总数)[^。;,]{0,6}?"
    r"(?:壮大|增至|增加|增长))|"
    # 在13家省级绿色工厂中,既有A、B…: the members of a designated set
    r"在(?=[^,。]{0,4}?(?:\d+|[一二三四五六七八九十两]+)[家个][^,。]{0,12}?(?:工厂|园区|企业|产品)中)|"
    # A公司(还)是国家级绿色工厂: a named firm is one (not 是绿色工厂的供应商)
    r"是(?<=[司团厂]是)(?!否)(?=" + FIRM_IS_ONE + ")|是(?<=[司团厂][便就正即]是)(?=" + FIRM_IS_ONE + ")|"
    r"[还也均都]是(?<=[司团厂].是)(?=" + FIRM_IS_ONE + ")"
)
NEGATED = re.compile(r"未|没|不(?![久断])|无缘")  # (前不久入选, 不断入选: not negated)
ADVERT = re.compile(r"代办|代理申报|热线|(?<!\d)400-?\d{3}-?\d{4}")
# …绿色园区3家(A、B、C) | 绿色工厂:A、B | 绿色工厂有A、B: a count or a term that opens a list of
# names. Apart from the cues: a branch led by a common character (家, 个, 企) would make sre try
# it all along every sentence.
LISTED = re.compile(r"[家个户种项款][(:]|(?:工厂|园区|企业|产品)(?:\([^)]*\))?(?::|有(?!限))")
# …绿色园区1家,为X开发区: a count, then the verb that opens a list of names (not 2家,为全市…树立了典范)
COUNT_THEN_LIST = re.compile(
    r"[家个户种项款],(?:为|是(?!指)|包括|其中)[^,]{0,60}?(?:"
    + COMPANY_END
    + "|"
    + PARK_END
    + r")(?:$|[、,和及与(等的是])"
)
# A clause that opens with its designation and has no subject: the clause before names it (…,获评X)
SUBJECT_VERB = re.compile(
    r"(?:并|先后|相继|成功|顺利|再次|再度|又|也|还|就|亦|均|都|皆|已|曾|便|最终|一举|今年|首次|正式|同时|同期|双双|有幸|"
    r"于20\d{2}年度?){0,3}"  # (A已于2022年获评…)
    r"(?:获评|入选|荣获|荣膺|荣列|获得|被评为|被评选为|被评定为|被认定为|被确定为|被授予|荣登|跻身|入围|入列|上榜|榜上有名|获批|喜获|斩获|摘得|当选)"
)
SHORT_NAME = re.compile(r"^(?:[\u4e00-\u9fa5A-Za-z·]|\([\u4e00-\u9fa5A-Za-z·]{1,8}\)){2,12}$")  # (no stray parenthesis)
SHORT_TRAIL = re.compile(
    r"(?:等|为代表|上榜|入选|入列|榜上有名|获评|入围|被评为|成为|经过|成功|均|分别|双双|一同|同时|先后|相继|\d|两大|"
    + SUBJECT_VERB.pattern
    + r"|"
    r"共计?(?=\d|[一二三四五六七八九十两]+[家个户])|"
    r"[一二三四五六七八九十两]+(?:家|个|户|种|款|项)).*$"
)
# Not a short name: a term, a number, a word of the notice, a place (宜都市, 平湖市, 浙江)
NOT_A_SHORT_NAME = re.compile(
    TERM
    + r"|\d|名单|企业|公司|单位|[省市县区州旗盟镇乡部局厅委]$|继$|^[另还又也均共在]|^(?:"
    # (引导获评企业…, 全县累计获评…, 在已获评的…: a verb, an adverb or a preposition before the designation)
    + r"引导|推动|支持|鼓励|带动|促进|帮助|指导|组织|累计|先后|相继|陆续|已经?)$|^(?:"
    + PROVINCE
    + r")$|^[一二三四五六七八九十]+$"
)  # (a list number: 十一、A公司)
NOT_A_FIRST = frozenset("这那该此其是另")
PRONOUNS = ("我们", "他们", "她们", "它们", "你们", "咱们")  # 这是继A公司…: a clause the prefix rules did not strip
# Lists laid out on a line: 1.A公司 2.B公司 / ①A公司 ②B公司 / 1、A公司 2、B公司 / 一、A公司 / (一)A公司
LIST_SEPARATOR = re.compile(r"[、,;\s/|]+")  # (A公司 / B公司: a post's list)
INNER_SPACE = re.compile(r"([\u4e00-\u9fa5]{2,})\s(?=[\u4e00-\u9fa5]{2})")  # a space between words, in a line of names
LIST_NUMBER = re.compile(r"\d{1,3}|[一二三四五六七八九十]{1,3}|[A-Za-z][.、)]?|[IVX]{1,4}[.、)]?")
CIRCLED = re.compile(r"[ \t]*([①-⑳])")  # after ①: a list numbered so
LIST_DIGITS = frozenset("0123456789一二三四五六七八九十")
NUMBER_BEFORE = frozenset(" \t:,;、")
PLACE_ENDINGS = frozenset("省市区县州旗盟")
YEAR_LED = re.compile(r"\d{2,4}年")
KIND_OF_PARK = re.compile(r"型(?:工业|产业)?(?:园区|开发区)$")
COUNTED_PARKS = re.compile(r"(?:\d+|[一二三四五六七八九十两]+)[家个座](?:[\u4e00-\u9fa5]{0,4})$")
ZONE_HEADING = re.compile(r"[\u4e00-\u9fa5]{2,8}(?:开发区|经开区|高新区|新区|园区)")
SPACES = frozenset(" \t")  # (clean_text has made \u3000 a space)
SPACE_OR_CLAUSE = re.compile(r"[\s,]")
NOTE = re.compile(r"\([^()]{1,40}\)$")
BRANCH_NOTE = re.compile(
    r"\((?:(?!绿色)[^()]){1,10}(?:分公司|分厂|工厂|车间)\)"
)  # A有限公司(武汉分公司): part of the name
SHORT_NAME_HEADERS = {"企业简称": "企业名称", "单位简称": "单位名称", "园区简称": "园区名称", "简称": "企业名称"}
RULE_CELL = re.compile(r":?-{3,}:?|")  # a markdown table's separator row: | --- | :---: |
CELL_PUNCTUATION = re.compile(r"[、,。;:!?]")
# A designation taken back: the names are no longer designated
REVOKED = re.compile(r"撤销|取消(?!了?[^,]{0,4}(?:限制|收费))|摘牌|除名|移出|不再(?:符合|具备|保留)")
REFUSED = re.compile(r"不予|未(?:通过|入选|获评|达标)|不通过|落选|" + REVOKED.pattern)
# A term that names another role: its evaluators, consultants (绿色工厂第三方评价机构)
ROLE_AFTER_TERM = re.compile(
    r"(?:第三方)?(?:评价|评估|服务|咨询|认证|检测|培训|创建服务)(?:机构|服务商|专家)|第三方|"
    r"(?:重点)?培育(?:对象|库|名单|企业)|后备|梯度培育|申报|候选|创建|"  # (开展绿色工厂创建: not yet)
    r"[^,。;、”]{0,8}?项目"
)  # (…绿色供应链系统构建项目: a project funded, no designation)
EXCEPTION = re.compile(
    r"撤销|取消|摘牌|除名|移出|不再|第三方|机构|服务商|专家|培育|后备|申报|候选|参加|参与|创建|推荐|项目"
)  # REVOKED or ROLE_AFTER_TERM may match
# A term that opens its clause and says what the list is: 绿色园区为X开发区, 绿色供应链管理企业是A公司
OPENING_VERB = re.compile(r"为|是(?!指)|有(?!限)|包括")  # (绿色工厂是指…: a definition)
# (whether a long sentence with no cue may hold one: a cheap search before reading its terms)
TERM_THEN_VERB = re.compile(
    r"绿色[^,;:]{0,12}?(?:工厂|园区|企业|产品|供应链|管理|示范|型号)(?:为|是(?!指)|有(?!限)|包括)"
)
CLAUSE_LEAD = re.compile(r"(?:其中|此外|另外)?(?:\d{4}年度?)?(?:" + LEVEL_WORD + r")?")
# Companies named in a role that is not a designation, before their names (其主要客户包括A公司)
ROLE_NOUN = re.compile(
    r"供应(?!链)|供货|配套|培育库|培育对象|培育名单|客户|供应商|合作伙伴|合作单位|合作方|股东|投资方|采购商|经销商|服务商|竞争对手"
)
# A clause's designation in another list: its object, less the words any list's object may hold
OTHER_LIST = re.compile(
    r"(?:入选|获评|认定为|评为|列入|上榜|荣获|获得|入围)(?P<object>[^,]{2,30}?)"
    r"(?:名单|名录|目录|称号|榜单|企业|单位|工厂|车间|冠军|巨人|机构)"
)
LIST_FILLER = re.compile(
    r"\d{4}年度?|第[一二三四五六七八九十\d]+批|"
    + LEVEL_WORD
    + "|"
    + PROVINCE
    + r"|工信部|工业和信息化部|(?:工信|经信)[厅局委]|全国|全省|全市|首批|新一批|本批|此次|本次|最新|"
    r"拟|公示|推荐|认定|公布|发布|评选|遴选|入选|示范|唯一|首家|首个|一家|之一|"
    r"[的我本该其新省市县区]|[“”＂《》\"\d]"
)
# A subtotal that goes on after a 其中 sentence: 湖州市1家,为C公司 / 化工企业3家(A、B、C)
SUBTOTAL = re.compile(
    r"(?:[\u4e00-\u9fa5]{2,8}看,)?[\u4e00-\u9fa5、]{1,28}?(?:\d+|[一二三四五六七八九十两]+)[家个户种项款](?:[,(:]|分别)"
)  # (从地区分布看,西安市5家:)
COUNTER = re.compile(r"[家个户种项款]")  # (a cheap search before SUBTOTAL: its count is near the start)
SUBTOTAL_REACH = 30
# A summary after names that no term typed: 至此 / 截至目前 / 这是…首次入选 / 以上企业…
SUMMARY = ("至此", "截至目前", "截止目前", "这是", "这也是", "以上", "上述", "加上")
SUMMARY_FIRST = frozenset(word[0] for word in SUMMARY)
UNTYPED_KEPT = 40  # sentences without a term kept for a summary after them
SPEECH = re.compile(r"表示|介绍|指出|透露|认为|说|称")  # A公司董事长表示,获评…: a speaker, not a subject
COUNT_VERBS = ("为", "是")
COUNTERS = frozenset("家个户种项款)")
AUTHORITY = re.compile(r"(?:局|厅|委|委员会|办公室|政府|管委会)$")  # 推荐单位: 某市工业和信息化局
# A name broken over two lines before its ending (…有限\n公司)
BROKEN_NAME = re.compile(r"\n(?<=[\u4e00-\u9fa5]\n)(?=(?:股份|有限|责任)*(?:公司|集团)(?!名称|简称))")
INSTITUTION_ENDS = frozenset("院局所会站荐位构")  # …研究院 / …局推荐: a line of its own
WRAPPED_LENGTH = 8  # a line this long that ends inside a name may have been wrapped
ITEM_MARK = re.compile(r"[、,;。:/]")
ITEM_OR_SPACE = re.compile(r"[、,;。:\s]")
HEADER_WORDS = ("名称", "名单", "如下", "企业", "单位", "序号", "地区", "所在地")
WRAPPED_REST = re.compile(
    r"[\u4e00-\u9fa5()]{1,18}?(?:公司|集团|厂|园区|开发区)(?:\([^()]{1,10}\))?"
)  # (…有限责 / 任公司(准格尔旗))
COUNTED_OPENING = re.compile(
    r"(?:\d+|[一二三四五六七八九十两]+)[家个户](?:企业|单位|园区)?(?:具体|分别|依次)(?:为|是|包括)|"
    r"其中,?(?:\d+|[一二三四五六七八九十两]+)[家个户种项款]|其中,?[^,]{0,20}?(?:为|是)(?:国家级|省级|市级|绿色)"
)
COUNT_CELL = re.compile(r"(?:共|合计)?\s*\d+\s*(?:家|个|户|项|种|款)?")
FOOTER = re.compile(r"许可证|版权|备案|ICP|主办|承办|技术支持|〔\d{4}〕\d+号")
ROLE_LEADS = ("供应商", "客户", "合作伙伴", "全资子公司", "控股子公司")
ROLE_LEAD = re.compile(r"^(?:" + "|".join(ROLE_LEADS) + ")")
SUBSIDIARY = re.compile(r"(?:全资|控股|多家|旗下|下属|一家|该)?(?:子公司|分公司)")
ALIAS_NOTE = re.compile(r"\((?:以下)?(?:简称|称)[^()]{0,30}\)")  # A公司(以下简称:公司、本公司)
COUNTED_FIRMS = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)家(?:子公司|分公司|公司|企业)$")  # 公司两家子公司
NOT_YET = re.compile(r"培育|候选|推荐|申报|储备|后备|创建|撤销|取消|初审|冲刺|争创")
OWNER_NOTE = re.compile(r"^(?:(?!公司|集团)[^()])+\(([^()]+(?:公司|集团))\)$")
PLACE_OF = re.compile(r"[\u4e00-\u9fa5]{1,8}?(?:镇|乡|街道|区|县|市|旗|园区|开发区)(?:本级)?(?:的|:)")
COMPANY_SITE = re.compile(r"(?:公司|集团)[\u4e00-\u9fa5]{1,10}(?:厂区|生产基地|基地|车间)$")
TYPE_NOTE = re.compile(r"(?P<name>[^()]{2,50}?(?:\([^()]{1,10}\)[^()]{1,30}?)?)\((?P<label>[^()]{2,24})\)")
ITEM_NUMBER = re.compile(r"(?:\d{1,3}|[A-Za-z]|[IVX]{1,4})[.、)]\s*")
# Cells pasted with runs of spaces: a run of three or more, or two runs of two (序号  企业名称  所在地)
SPACED_COLUMNS = re.compile(r" {2,}")
COLUMN_NAMES = frozenset(
    (
        "序号",
        "企业名称",
        "单位名称",
        "园区名称",
        "名称",
        "所在地",
        "所在地区",
        "地区",
        "所属地区",
        "产品名称",
        "所在市",
        "所属市",
        "设区市",
        "市州",
        "所在县",
        "所在区",
        "类别",
        "项目类别",
        "荣誉类别",
    )
)
COLUMN_GAPS = re.compile(r"\S {3,}\S|\S {2}\S.*\S {2}\S")
# A sentence naming the designated of the sentence before: 此次入选的6家企业分别是A、B
SAME_BATCH = re.compile(
    r"^(?:同批|同样|一同|一并|另一家|另外一家|第[二三四五六七八九十]家)(?:入选|上榜|获评)(?:的|企业|单位)"
)
REFERS_BACK = re.compile(
    r"(?:此次|本次|上述|以上|今年)(?:入选|上榜|获评|认定)|(?:入选|上榜|获评|认定)的[^,]{0,12}?(?:分别|是|为|包括|还有)|"
    # (同批上榜的还有A / 同样入选的A / 第四家入选企业是A: one more of the firms the sentence before designated)
    + SAME_BATCH.pattern
    + r"|"
    r"(?:\d+|[一二三四五六七八九十两]+)[家个户](?:企业|单位|园区)?(?:入选|上榜|获评),(?:分别|是|为|包括)|"
    r"(?:\d+|[一二三四五六七八九十两]+)[家个户](?:企业|单位|园区)?(?:具体|分别|依次)(?:为|是|包括)"
)
LIST_OPENER = re.compile(r"分别是|分别为|分别有(?!限)|依次是|依次为|具体是|具体为|主要有|包括|名单为|名单是")
LEVEL_AFTER = re.compile(r"(?:" + LEVEL_WORD + r")$")
# A list opened with no term of its own: a cue of designation, then who, then a colon
UNTYPED_OPENER = re.compile(
    r"(?:拟认定|认定|入选|上榜|获评|公示|公布)[^,;:]{0,24}?(?:企业|单位|园区|名单|产品)[^:;]{0,16}?:|"
    r"具体为:|具体是:|名单[^,;:]{0,12}?如下(?:\([^()]{0,12}\))?:|(?:来)?看看(?:都)?有(?:谁|哪些)|都有谁|有哪些企业|"
    r"(?:入选|上榜|获评|认定)的?(?:企业|单位)?(?:有(?!限)|包括|为|是)"
)  # 综保区入选的有A和B
# An opener of another list: 入选优秀场景的企业为:, 获评智能工厂的企业:
OTHER_HONOUR = re.compile(r"场景|案例|项目|冠军|专精特新|小巨人|智能|数字化|节水|技术中心|标杆|品牌|质量|领跑者")
APPLYING_REACH = 16
# 申报绿色工厂的企业, 推荐A申报2024年度江苏省绿色工厂: applicants, not designated
APPLYING = re.compile(
    r"(?:申报|候选|参评|参加了?|参与了?|推荐)(?:\d{4}年度?)?(?:[\u4e00-\u9fa5]{1,4}[省市县区])?(?:国家级|省级|市级)?的?$"
)
LABEL_LENGTH = 12  # 摘牌企业: / 撤销称号的企业: a label before the names it lists
OPENER_LENGTH = 8  # 分别是: / 名单如下: alone after the sentence that named the type
HEADING_LENGTH = 30  # a line this short naming a term and no one is a heading (一、绿色工厂; 绿色园区名单如下:)


@dataclass
class NamedEntity:
    name: str
    designation_type: str | None
    evidence: str


def _designated(text: str) -> bool:
    """Whether a sentence or clause says that the entities it names were listed (an advert for
    help with applying says nothing of the kind, nor a cue negated: 未能入选)."""
    if ADVERT.search(text) or _association_honour(text):
        return False
    return (
        any(
            not NEGATED.search(text, max(0, cue.start() - 2), cue.start()) and not _applied_for(text, cue)
            for cue in DESIGNATION_CUE.finditer(text)
        )
        or (("(" in text or ":" in text or "有" in text) and LISTED.search(text) is not None)
        or (
            (",为" in text or ",是" in text or ",包括" in text or ",其中" in text)
            and COUNT_THEN_LIST.search(text) is not None
        )
    )


ASSOCIATION = re.compile(
    r"(?:协会|联合会|商会|学会|促进会|产业联盟)[^。]{0,80}?(?:组织|评选|评定|授予|颁发|认定|授牌)"
)  # (…协会发布消息:…名单出炉: it reports a list; 协会开展调研: no award)
GOVERNMENT = re.compile(
    r"工信|工业和信息化|经信|经济和信息化|发改|发展改革|国务院|政府|工业信息化|国家级|省级|第.{1,3}批"
)


def _association_honour(text: str) -> bool:
    """An association's own award (中国石材协会…组织开展了绿色工厂评定工作): no government's
    designation, unless the text names a government too (an association as a list's evaluator,
    A为某协会评价企业, awards nothing)."""
    return ASSOCIATION.search(text) is not None and GOVERNMENT.search(text) is None


APPLIED_FOR = re.compile(r"申报|报送|推荐")


def _applied_for(text: str, cue: re.Match) -> bool:
    """A list its clause applies for (推动A、B等5家企业申报…绿色制造名单) or missed: no designation."""
    if cue.group() != "名单":
        return False
    clause_start = max(text.rfind(mark, 0, cue.start()) for mark in ",;:") + 1
    return (
        APPLIED_FOR.search(text, clause_start, cue.start()) is not None
        or LIST_MISSED.search(text, clause_start, cue.start()) is not None
    )  # (…,但未能进入最终名单: missed it)


LIST_MISSED = re.compile(r"未能?|没有|无缘")


def _term_opens(sentence: str, terms: list[re.Match]) -> bool:
    """Whether a term opens its clause and says what the names after it are (绿色园区为X开发区)."""
    for term in terms:
        if OPENING_VERB.match(sentence, term.end()):
            start = max(sentence.rfind(mark, 0, term.start()) for mark in ",:;") + 1
            if CLAUSE_LEAD.fullmatch(sentence, start, term.start()):
                return True
    return False


def _name_in(
    item: str, ends: list[tuple[int, bool]], in_park_clause: bool, clause: str, product_clause: bool = False
) -> tuple[str, bool] | None:
    """The name an item of an enumeration holds, and whether it is a park; None if it holds none.
    `ends`: where the item's name endings end, and whether each is a park's. The name ends at the
    first one that a trail follows (a company named as the subject of anything else, A公司委托…,
    is not said to be designated). In a clause of design products a product may follow the
    owner's name (A有限公司电饭煲); in a clause of no park, a company's base (A有限公司B基地)."""
    for end, park in ends:
        if not park and item.startswith(")", end) and (alias := _aliased(item, end)):
            return alias  # 长虹(四川长虹电器股份有限公司): the full name in the parenthesis
        if park:
            trailed = PARK_TRAIL.match(item, end)
        elif not (trailed := COMPANY_TRAIL.match(item, end)):
            branch = BRANCH.match(item, end) or (BASE.match(item, end) if not in_park_clause else None)
            if branch and COMPANY_TRAIL.match(item, branch.end()):
                trailed, end = branch, branch.end()  # A有限公司金桥工厂: a company's factory, named after it
            elif product_clause:
                trailed = PRODUCT.match(item, end)
        elif (
            trailed.group() == "(" and (note := BRANCH_NOTE.match(item, end)) and COMPANY_TRAIL.match(item, note.end())
        ):
            end = note.end()  # A有限公司(武汉分公司): a branch named in a parenthesis
        if (
            trailed
            and trailed.group() == "的"
            and any(later > end and _owned(item[end + 1 : later]) for later, _ in ends)
        ):
            continue  # A集团的B有限公司: B, the subject
        if trailed and trailed.group() == "的" and SUBSIDIARY.match(item, end + 1):
            return None  # A公司的全资子公司入选: a company not named, not its owner
        if (
            not park
            and (alias := ALIAS_NOTE.match(item, end))
            and SUBSIDIARY.match(item, alias.end())
            and any(later > alias.end() for later, _ in ends)
        ):
            continue  # A公司(以下简称:公司)全资子公司B公司: B, the subject
        if trailed:
            if OTHER_ROLE.match(item, end):  # A公司为入选…的企业提供服务, A开发区管委会负责人介绍
                return None
            if (
                not park
                and (owns := OWNS.match(item, end))
                and (owns.group("verb") or not NAME_END.search(clause, 0, max(0, clause.find(item))))
            ):
                return None  # A集团8家企业入选 / A集团共有B、C入选: the owner of the firms designated
            if name := _name_before(item, end, park, clause):
                return (name, park) if in_park_clause or not park else None
    return None


# before a short name in a list: its owner and a verb of having (A集团共有B), or a line run into the next (…工厂 此次B)
SHORT_CUT = re.compile(
    r"(?:共有|拥有|旗下|下属|所属)的?(?:企业|子公司|公司|单位)?|\s+|"
    r"(?:企业|单位)(?:分别是|分别为|依次是|依次为|具体是|具体为|主要有|包括)"  # (…的沈阳企业包括A、B等11户企业)
)
# An owner before what it owns: its firms counted (A集团8家企业), or named after a verb of having (A集团共有B、C)
OWNS = re.compile(
    r"(?P<verb>共有|拥有|旗下|下属|所属)(?=[\u4e00-\u9fa5]{2})|"
    r"(?:共有?|有)?(?:[2-9]|\d{2,}|[两二三四五六七八九十百][一二三四五六七八九十百]*)家[\u4e00-\u9fa5]{0,4}?(?:企业|子公司|公司|单位|工厂)"
)


def _aliased(item: str, end: int) -> tuple[str, bool] | None:
    """The full name in a parenthesis after a short one (伊利集团(内蒙古伊利实业集团股份有限公司)入选),
    when a trail follows the parenthesis."""
    opened = _opening(item, end)
    if (
        opened <= 0 or BRANCH_NOTE.fullmatch(item, opened, end + 1) or not COMPANY_TRAIL.match(item, end + 1)
    ):  # (A有限公司(武汉分公司): a branch, part of the name)
        return None
    return (name, False) if (name := _valid(item[opened + 1 : end], False)) else None


def _owned(name: str) -> bool:
    """A name after its owner's 的 that is a company's own (醴陵B电瓷有限公司), not a role (全资子公司, 供应商B公司)."""
    name = ROLE_LEAD.sub("", name)
    return _valid(name, False) is not None and not SUBSIDIARY.match(name) and len(name) >= 6


def _opening(item: str, end: int) -> int:
    """Where the parenthesis that `end` is inside opens (天能电池集团(安徽)有限公司 nested in it), or -1."""
    depth = 0
    for index in range(end - 1, -1, -1):
        if item[index] == ")":
            depth += 1
        elif item[index] == "(":
            if depth == 0:
                return index
            depth -= 1
    return -1


def _name_before(item: str, end: int, park: bool, clause: str) -> str | None:
    """The name that ends at `end`: after the prefix's last cue, without leads."""
    cuts = list(CUT.finditer(item, 0, end - 3))
    name = _lead(item[cuts[-1].end() if cuts else 0 : end])
    if "的" in name and (owner := list(OWNER.finditer(name))):
        tail = _lead(name[owner[-1].end() :])
        if _valid(tail, park) is not None:
            name = tail
    if not park and "新区" in name and (area := NEW_AREA.match(name)) and resolve(area.group(0)[:-2], None) is None:
        name = name[area.end() :]  # (沧州渤海新区化工助剂有限公司: a city's new area, its registered name)
    if (
        name
        and name[0] in PREPOSITION
        and (PROVINCE_FIRST.match(name, 1) or FRAME_VERB.search(clause))
        or name[:1] == "有"
        and PROVINCE_FIRST.match(name, 1)
    ):
        name = name[1:]
    return _valid(name, park)


def _lead(text: str) -> str:
    return text[lead.end() :] if (lead := LEAD.match(text)) else text


PLACE_TAIL = 4
COMPANY_FIRST = re.compile(r"[\u4e00-\u9fa5()]{2,30}?(?:股份|有限|责任|控股)*(?:公司|集团)")
# 获评国家生态工业示范园区: an honour's title, not a park's name
HONOUR_PARK = re.compile(r"^(?:获评|入选|荣获|被评为|成为)|^国家(?:级|生态|低碳|循环|绿色|新型工业化)")


def _without_place_of(short: str) -> str:
    """滕州市的甲乙中联 / 石嘴山市甲乙饮品 → 甲乙中联 / 甲乙饮品: a place, with or without 的, before a short
    name is where the firm is, not part of its name."""
    if (place := PLACE_OF.match(short)) and place.group(0).endswith("的"):
        return short[place.end() :]
    if (place := PLACE_LEAD.match(short)) and len(short) - place.end() >= 2 and is_division(place.group(0)):
        return short[place.end() :]
    return short


PLACE_LEAD = re.compile(r"[\u4e00-\u9fa5]{1,6}?[市县区旗]")


def _broken_name_joined(match: re.Match) -> str:
    """…有限 / 公司: one name, unless the line before is a numbered heading of a phrase (二、对公司的影响 /
    公司获评…: a listed company's notice, then its text)."""
    line = match.string[match.string.rfind("\n", 0, match.start()) + 1 : match.start()]
    return "\n" if CN_HEADING.match(line) and "的" in line else ""


CN_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))")


def _valid(name: str, park: bool) -> str | None:
    if not park and (SUBSIDIARY.fullmatch(name) or COUNTED_FIRMS.search(name)):
        return None  # (A公司的全资子公司: no one's name)
    if park:
        if (
            not PARK_NAME.fullmatch(name)
            or len(GENERIC_PARK.sub("", name)) < 2
            or COUNTED_PARKS.search(name)
            or KIND_OF_PARK.search(name)
            or HONOUR_PARK.search(name)
        ):
            return None  # (鄂尔多斯两家园区: a count of parks; 港口型园区: a kind of park)
    elif (
        not COMPANY.fullmatch(name) or len(name) <= 8 and GENERIC_BODY.match(name) or name[-1] == "厂" and len(name) < 4
    ):
        return None
    if "的" in name and OWNER.search(name) or name[0] in NOT_A_FIRST or TERM_MARK in name and TERM_PATTERN.search(name):
        return None
    if name.startswith(PRONOUNS):
        return None  # “我们用好…园区: a speaker's words, not a name
    if "关于" in name or YEAR_LED.match(name):
        return None  # A公司关于公司…的公告: a notice's title; 2022年公司: a date, then a word
    if "为" in name and RENAMING.search(name):
        return None  # A公司已更名为B公司: two names (_renamed)
    return name


LOST_CHARACTERS = re.compile(r"(?<=[\u4e00-\u9fa5])\?{2,}(?=[\u4e00-\u9fa5])")


def names_from_prose(text: str) -> list[NamedEntity]:
    """Enumerations in sentences that name a designation, or that continue one: names under a
    heading (绿色工厂: / A公司、B公司; 绿色设计产品入选数量最多。/ A厂的产品入选), a 其中
    sentence after one that named the term, and a subtotal after it (…;湖州市1家,为C公司).
    Names said to be designated in sentences that name no type (…绿色制造名单,A公司上榜) take
    the type of the summary that follows them (至此,全市绿色工厂达30家 / 以上企业入选绿色工厂)."""
    out: list[NamedEntity] = []
    heading = None  # the type of the nearest heading, while the lines after it continue it
    listing = None  # the type of the names that ended the sentence before (…:1.A公司;2.B公司)
    previous = None  # the sentence before, when it named a term: a 其中 sentence continues it
    typed_since = False  # whether a sentence since the last one that named a term had names typed
    last_term = -1  # the index of the last sentence that named a term
    last_type = None  # the type of the last term named (a list opened with no term of its own takes it)
    last_company = None  # …and of the last company term
    designated_company, designated_at = None, -1  # the one company type of the last sentence that designated a term
    run_start = None  # where in `out` the names of the list opened last begin (以上为绿色工厂 may type them)
    listing_parks = False  # the list opened last may hold parks beside its companies
    if "①" in text:  # ①A公司 ②B公司: normalized, ① would be a bare 1 glued to the name
        text = CIRCLED.sub(lambda m: f" {ord(m.group(1)) - 0x245F}.", text)
    if "\n" in text:
        text = _wrapped_names_joined(BROKEN_NAME.sub(_broken_name_joined, text))
    if "(" in text:
        text = NOTE_AFTER_NAME.sub(_note_joined, text)
        text = TERM_COUNT_LISTED.sub(_listed_before_count, COUNT_LISTED.sub(_listed_before_count, text))
    if "看," in text:
        text = MEMBERS_VIEW.sub(_view_joined, text)
    if "??" in text:  # 浙江龙游??木业有限公司: characters lost in a mirror's encoding, no question: no name
        text = LOST_CHARACTERS.sub(lambda m: "\ufffd" * len(m.group(0)), text)
    split = sentences(text)
    planned_list = False  # under the title of a list of firms still to create or put forward (…创建计划名单)
    for index, sentence in enumerate(split):
        if len(sentence) <= LIST_TITLE_LENGTH and LIST_TITLE.search(sentence):
            if planned_list := NOT_YET.search(sentence) is not None:
                heading = previous = listing = None
                continue
        if planned_list:
            continue
        if 0 < (colon := sentence.find(":")) <= LABEL_LENGTH and REFUSED.search(sentence, 0, colon):
            heading = previous = listing = None  # 摘牌企业:A公司、B厂 / 撤销名单:…: taken back, none designated
            continue
        if TERM_MARK not in sentence:
            if "名单" in sentence and OTHER_HONOUR.search(sentence):
                heading = previous = listing = None  # 另在水效领跑者名单中,A公司、B公司上榜: another list
                continue
            if (
                last_type
                and (opener := UNTYPED_OPENER.search(sentence))
                and not OTHER_HONOUR.search(opener.group())
                and (not TEASER.search(opener.group()) or _teased(split, index))
                and not NEGATED.search(sentence, max(0, opener.start() - 2), opener.start())
            ):
                # …的拟认定企业,共32家: / 部分入选企业名单如下:A公司;B公司 (the type named before; 5家企业具体为:
                # after …绿色工厂,…园区入选…园区: the companies' type)
                heading, listing = (
                    None,
                    _type_counted(sentence[: opener.end()], split[last_term])
                    or _first_of_several(split[last_term])  # (14家…绿色工厂,另有2家…供应链…。名单如下: the main one)
                    or (
                        last_company
                        if last_type == PARK and "企业" in sentence[: opener.end()] and last_company
                        else last_type
                    ),
                )
                run_start = len(out)
                if (rest := sentence[opener.end() :].strip()) and (found := _under_heading(rest, listing, True)):
                    out += found
                    typed_since = True
                continue
            if heading is None and previous is None and listing is None:
                continue
            if len(sentence) <= HEADING_LENGTH and REFUSED.search(sentence) and not _name_ends(sentence):
                heading = previous = listing = None  # 二、不予认定的企业(3家): the names after it were refused
                continue
            terms = None
        else:
            if (
                sentence[0] in SUMMARY_FIRST
                and sentence.startswith(SUMMARY)
                and index - last_term > 1
                and not typed_since
            ):
                out += _summarized(split[max(last_term + 1, index - UNTYPED_KEPT) : index], sentence)
            elif (
                sentence[0] in COUNT_FIRST
                and (counted := COUNT_SUMMARY.match(sentence))
                and index - last_term > 1
                and not typed_since
            ):
                out += _counted_lines(split[max(last_term + 1, index - UNTYPED_KEPT) : index], sentence, counted)
            elif BACK_REFERENCE.search(sentence) and index - last_term > 1 and not typed_since:
                # A公司 / B公司 … 据了解,入选国家级“绿色工厂”的企业须…: the firms selected as one type, named before
                out += _back_referenced(split[max(last_term + 1, index - UNTYPED_KEPT) : index], sentence)
            elif typed_since and run_start is not None and LIST_SUMMARY.match(sentence):
                out[run_start:] = _retyped(out[run_start:], sentence)  # 以上为绿色工厂: the list above is of it
                run_start = None
            if sentence[-1] == ")" and (typed := _typed_by_note(sentence)):
                out += typed  # 1. A有限公司(绿色工厂): a list line typed by its note
                continue
            designated = _designated(sentence)
            if designated and index and _association_honour(split[index - 1]) and not GOVERNMENT.search(sentence):
                heading = previous = listing = None  # (…协会开展了绿色工厂评定工作。A、B荣获“…绿色工厂”认证)
                continue
            if not designated and len(sentence) > HEADING_LENGTH and not TERM_THEN_VERB.search(sentence):
                last_term, typed_since, previous, listing, heading = index, False, sentence, None, None
                continue
            terms = list(TERM_PATTERN.finditer(sentence))
            if terms and not REVOKED.search(sentence):
                last_type = term_type(terms[-1].group(0))
                last_company = next((t for m in reversed(terms) if (t := term_type(m.group(0))) != PARK), last_company)
                if designated:  # (a headline's, or a lead's: naming no one in full)
                    names_none = not _name_ends(sentence)
                    designated_company, designated_at = (_one_company(sentence) if names_none else None), index
        if not terms:  # (绿色制造名单 names no type)
            if (
                terms is not None
                and designated_company
                and index - designated_at <= UNTYPED_LIST_REACH
                and designated
                and UNTYPED_LIST.search(sentence)
                and not NOT_YET.search(sentence)  # (指导A公司等20家培育库企业对标创建,力争…: not yet)
                and (found := _clause_names(sentence, [(-1, designated_company)], _name_ends(sentence)))
            ):
                out += found  # 我市3家台企获评…绿色工厂 / …公示了绿色制造名单,我市台企A、B和C成功入选
                typed_since = True
                continue
            if heading is None and previous is None and listing is None:
                continue
            if len(sentence) <= OPENER_LENGTH and sentence.endswith((":", "如下")):
                continue  # …入选绿色设计产品名单。分别是: the list still to come
            found = []
            if previous is not None and (example := EXAMPLE.match(sentence)):
                if entity := _example(example.group("name"), previous):
                    out.append(entity)  # 本次上榜的15家绿色工厂中,…。以A有限公司为例,…: one of them
                    typed_since = True
                continue
            if previous is not None and (
                sentence.startswith("其中")
                or COUNTER.search(sentence, 1, SUBTOTAL_REACH)
                and SUBTOTAL.match(sentence)
                or (
                    REFERS_BACK.search(sentence)
                    or "等" in sentence
                    and (counted := COUNTED.search(sentence))
                    and _designated(sentence)
                    and not NOT_YET.search(sentence, sentence.rfind(",", 0, counted.start()) + 1)
                    # (…对初审通过的企业进行评审,最终确定A公司等181家企业: the firms' own clause says)
                    or "、" in sentence
                    and LISTED_NAMES_THEN_VERB.match(sentence)
                    and not NOT_YET.search(sentence)
                    and not OTHER_HONOUR.search(sentence)
                )  # (…确定301家企业为绿色工厂,其中包括三家船厂。A公司、B公司、C公司成功获批)
                and not _another_role(sentence, len(sentence))
            ):
                # (…榜上有名。此次入选的6家企业分别是A、B: the sentence before types them)
                found = _continuing(sentence, previous)
            elif heading is not None or listing is not None:
                if (
                    _place_heading(sentence, heading or listing)
                    or LABEL_LINE.fullmatch(sentence)
                    and not NAME_END.search(sentence)
                    or LIST_NUMBER.fullmatch(sentence.strip(" .、"))
                    or sentence.startswith(("序号", "编号"))
                ):
                    continue  # 婺城区 / 金东区(2家) / 01 / 序号 企业名称: places, numbers or column names among the names
                if not (
                    found := _under_heading(
                        sentence, heading or listing, heading is None, listing if listing_parks else None
                    )
                ):
                    if listing and _describes_the_line_before(split, index):
                        continue  # A有限公司。位于…,主营…。B有限公司。…: a description between the names listed
                    listing = None
                    if len(sentence) > HEADING_LENGTH:
                        heading = None
            if found:
                out += found
                typed_since = True
            else:
                previous = None
            continue
        if listing and "、" not in sentence and _describes_the_line_before(split, index):
            continue  # (…首家获评国家级绿色工厂的农产品加工企业: a description of the name before, not a new list)
        last_term, typed_since = index, False
        previous = sentence
        listing = None
        if not designated and not (designated := _term_opens(sentence, terms)) and len(sentence) > HEADING_LENGTH:
            heading = None
            continue
        matches = terms
        if EXCEPTION.search(sentence):  # (one search for the rare words of both rules)
            if REVOKED.search(sentence):  # 撤销其绿色工厂称号: a designation taken back names no one
                heading = previous = listing = None
                continue
            # a term naming another role is no designation (…被确定为绿色工厂第三方评价机构): it
            # types its clause's names as nothing
            if not (
                matches := [
                    m
                    for m in terms
                    if not ROLE_AFTER_TERM.match(sentence, m.end())
                    and not APPLYING.search(sentence, max(0, m.start() - APPLYING_REACH), m.start())
                ]
            ):
                heading = None
                continue
        ends = _name_ends(sentence, terms)
        found = []
        if designated and (
            ends or "等" in sentence or "为代表" in sentence or "、" in sentence or SUBJECT_VERB.search(sentence)
        ):  # (甲乙陶瓷成功入选…: a short subject alone)
            typed = [(m.start(), term_type(m.group(0)) if m in matches else None) for m in terms]
            if found := _clause_names(sentence, typed, ends):
                out += found
                listing = found[-1].designation_type if _ends_the_list(sentence, found[-1].name) else None
        if designated and not found:  # …绿色工厂名单公布。/ A公司、B公司: the list may follow
            listing = term_type(matches[-1].group(0))
            run_start = len(out)
            named = [t for m in matches if (t := term_type(m.group(0)))]
            if listing == PARK and (companies := [t for t in named if t != PARK]):
                listing, listing_parks = companies[-1], True  # 7家企业入选绿色工厂,1个园区入选…园区,名单如下:
                # (the heading stays the park's: the companies listed under it take the companies' type)
            else:
                listing_parks = False
        # a line that names a term and no one, short or opening a list (…名单如下:), is a heading:
        # the lines after it may list names (a place it names, 县区和开发区推荐…, is no one)
        heading = (
            term_type(matches[-1].group(0))
            if not found
            and (len(sentence) <= HEADING_LENGTH and not ends or designated and sentence.endswith((":", "如下")))
            else None
        )
    if "区" in text and PARK_WORD_SEEN.search(text):  # (a cheap search before the zone's own news)
        out += _not_in(out, _zones_designated_themselves(text))
    if "以上" in text or "上述" in text:
        out += _not_in(out, _confirmed_applicants(split))
    return out + _not_in(out, _topic_designated(split))


def _not_in(out: list[NamedEntity], more: list[NamedEntity]) -> list[NamedEntity]:
    """The entities of `more` that `out` does not name with their type."""
    named = {(e.name, e.designation_type) for e in out}
    return [e for e in more if (e.name, e.designation_type) not in named]


# A sentence with no subject that says what was designated when (2022年,入选…获评省级“绿色工厂”称号)
STORY_TIME = r"(?:20\d{2}年度?|此前|同年|次年|随后)"
STORY_ADVERB = r"(?:先后|相继|又|还|再次|成功|首次)?"
STORY_VERB = r"(?:入选|获评|荣获|被评为|被认定为)"
SUBJECTLESS = re.compile(STORY_TIME + ",*" + STORY_ADVERB + STORY_VERB)
# …and each designation it says, a term right after its verb, ending its clause
TITLE_AFTER_VERB = re.compile(
    STORY_VERB + r"(?P<title>[^,。;]{0,16}?[“\"]?(?P<term>" + TERM + r")[”\"]?(?:称号|名单)?)(?=$|[,。;])"
)
# …the firm the sentence before is about: its first words, before what it says of it
TOPIC = re.compile(r"([\u4e00-\u9fa5()]{2,30}?)(?:对|始终|一直|坚持|不断|持续)")
CLAUSE_HEAD = re.compile(STORY_TIME + "?" + STORY_ADVERB)
ROLE_WORDS = re.compile(r"机构|个人|评审|拟|经验|材料|服务|咨询|资格|资金|推荐")


def _refused_title(title: str) -> bool:
    """What a firm obtained that is no designation: a stage, a refusal, another honour, a role, a prize."""
    return bool(
        NOT_YET.search(title) or NEGATED.search(title) or OTHER_HONOUR.search(title) or ROLE_WORDS.search(title)
    )


def _story_of(name: str, split: tuple[str, ...]) -> bool:
    """A company's name, or a short name of four to six characters the story names again (not 董事长张三)."""
    if COMPANY.fullmatch(name):
        return True
    return _short_name(name) and 4 <= len(name) <= 6 and sum(name in sentence for sentence in split) >= 2


def _topic_designated(split: tuple[str, ...]) -> list[NamedEntity]:
    """The firm a story is about, designated by the subjectless sentences after the one that names it
    first (贵州A对绿色发展的执着追求…。2022年,入选…获评省级“绿色工厂”称号。2023年,获评…): the
    type of each sentence's term, when the firm's name is a company's or a firm's short name."""
    if not any(SUBJECTLESS.match(sentence) for sentence in split):
        return []
    out, topic = [], None
    for sentence in split:
        if topic and SUBJECTLESS.match(sentence):
            for designated in TITLE_AFTER_VERB.finditer(sentence):  # (not a stage, a role or another honour)
                head = sentence[sentence.rfind(",", 0, designated.start()) + 1 : designated.start()]
                if not CLAUSE_HEAD.fullmatch(head):
                    continue  # (…,2024年其供应商B入选…: another subject's)
                if not _refused_title(designated.group("title")) and (dtype := term_type(designated.group("term"))):
                    out.append(NamedEntity(topic, dtype, sentence))
            continue
        lead = TOPIC.match(sentence)
        name = lead.group(1) if lead else None
        topic = name if name and "的" not in name and _story_of(name, split) else None
    return list({(e.name, e.designation_type): e for e in out}.values())


# 以上4家获得…称号 / 上述3家企业均被认定为…: the firms the sentence before put forward, now designated
CONFIRMED = re.compile(
    r"(?:以上|上述)(?P<n>\d+|[一二三四五六七八九十两]+)[家个](?:企业|单位|园区)?(?:均|全部|都)?(?:已)?"
    r"(?:获得|获评|入选|被认定为|被评为|被命名为)(?P<title>[^,。;]{0,30}?(?:"
    + TERM
    + r"|示范单位|示范企业)[”\"]?(?:称号|名单)?)"
    r"(?=$|[,。;])"
)
PUT_FORWARD = re.compile(r"推荐|申报")


def _confirmed_applicants(split: tuple[str, ...]) -> list[NamedEntity]:
    """The names listed in the sentence before a CONFIRMED one, when they are as many as it says: of the
    type it names, else the one the sentence before names (…推荐了A、B等2家企业申报绿色工厂。…以上2家获得…)."""
    out = []
    for index in range(1, len(split)):
        if not (confirmed := CONFIRMED.search(split[index])) or NEGATED.search(split[index], 0, confirmed.end()):
            continue
        if _refused_title(title := confirmed.group("title")):
            continue  # (…培育库, 专精特新…, 评价机构: no designation)
        previous = split[index - 1]
        if not PUT_FORWARD.search(previous):
            continue  # (the sentence before put the firms forward: 推荐了A、B…申报)
        terms = list(TERM_PATTERN.finditer(title)) or list(TERM_PATTERN.finditer(previous))
        if not terms or (dtype := term_type(terms[-1].group(0))) is None:
            continue
        found = _clause_names(previous, [(-1, dtype)], _name_ends(previous))
        if len(found) == number(confirmed.group("n")):
            out += found
    return out


PARK_WORD = r"(?:绿色工业园区|绿色园区)"
ZONE = r"(?:(?!绿色|获|入选|国家|省级|家|个|和|及|与|的)[\u4e00-\u9fa5]){2,10}?(?:经济技术开发区|经济开发区|高新技术产业开发区|经开区|高新区|开发区|工业园区|产业园区)"
ZONE_NAME = re.compile(ZONE)
ZONE_NOT_ITS_OWN = re.compile(
    r"力争|确保|争取|计划|目标|将|试点|撤销|取消|学习|借鉴|累计|" + PARK_WORD + r"\d|"
    r"(?:我区|本区|该区)[\u4e00-\u9fa5]{2,8}(?:产业园|园区|开发区|高新区|经开区)"
)
# a zone a paragraph or a sentence opens with (近年来,扬州经开区始终坚持…): the subject of what follows
ZONE_SUBJECT = re.compile(r"^(?:(?:近年来|近年|目前|今年|去年|此外|同时|\d{4}年)[,]?)?(?P<zone>" + ZONE + ")")
PARK_TERM = r"(?:国家级|省级|国家|省)?" + PARK_WORD + r"(?=[,。;!、]|$|称号)"  # (not …园区培育名单, …园区的企业)
PARK_VERB = r"(?:先后|相继|成功|还|也|又|已)?(?:获批|获评|入选|被评为|被认定为|成功创建|荣获)"
PARK_WORD_SEEN = re.compile(PARK_WORD)
# 2024年,获批国家级绿色工业园区 (no subject) / 我区…获评…国家绿色工业园区: the zone designated itself
SUBJECTLESS_PARK = re.compile(r"(?:^|,)(?:\d{4}年,?)?" + PARK_VERB + r"[^,。;]{0,20}?" + PARK_TERM)
OUR_ZONE_PARK = re.compile(r"(?:我区|本区|该区)[^。;]{0,40}?" + PARK_VERB + r"[^,。;]{0,20}?" + PARK_TERM)


def _its_own(sentence: str, found: re.Match | None) -> bool:
    """The clauses of a zone's park designation say it is done and the zone's own (not 力争…获评,
    …培育名单, 撤销, 我区丙丁产业园获评)."""
    if found is None:
        return False
    clause = sentence[sentence.rfind(",", 0, found.start()) + 1 : found.end()]
    return not NOT_YET.search(clause) and not ZONE_NOT_ITS_OWN.search(clause)


def _zones_designated_themselves(text: str) -> list[NamedEntity]:
    """A zone's own news: a park designation with no subject, after a sentence of its paragraph
    that opens with the zone (扬州经开区始终坚持…。2024年,获批国家级绿色工业园区), or said of 我区
    in a text whose first line (its title) names the zone (盐城经开区又传喜讯 … 我区…获评国家绿色工业园区)."""
    out = []
    title = text.lstrip().split("\n", 1)[0]
    first = title_zone.group() if (title_zone := ZONE_NAME.search(title)) else None
    for paragraph in text.splitlines():
        zone = None
        for sentence in sentences(paragraph):
            if zone and _its_own(sentence, SUBJECTLESS_PARK.search(sentence)):
                out.append(NamedEntity(zone, PARK, sentence))
            elif first and _its_own(sentence, OUR_ZONE_PARK.search(sentence)):
                out.append(NamedEntity(first, PARK, sentence))
            if opened := ZONE_SUBJECT.match(sentence):
                zone = opened.group("zone")
    return out


# the names a count lists in brackets (新增省级绿色工厂9家(甲纺机、乙米业) / 4家企业(A公司、B公司)入选…): read as
# 甲纺机、乙米业等9家企业入选省级绿色工厂, the form the rules know; a bracket of numbers (其中国家级2家、省级5家) is
# none, and full names after a typed count are read as they are
BRACKETED_NAMES = r"\((?P<names>[\u4e00-\u9fa5()]{2,40}(?:、[\u4e00-\u9fa5()]{2,40}){1,30})\)"
BRACKET_COUNT = r"(?P<count>(?:\d+|[一二三四五六七八九十两]+)\s*(?P<unit>家|个))"
TERM_COUNT_LISTED = re.compile(
    r"(?:新增|新认定|入选|获评|有|共|累计)?(?P<term>(?:"
    + LEVEL_WORD
    + r")?(?:及以上|以上)?(?:"
    + TERM
    + r"))"
    + BRACKET_COUNT
    + BRACKETED_NAMES
)
COUNT_LISTED = re.compile(BRACKET_COUNT + r"(?P<what>企业|单位|园区)" + BRACKETED_NAMES)


def _listed_before_count(match: re.Match) -> str:
    names, count = match.group("names"), match.group("count")
    sentence_start = max(match.string.rfind(mark, 0, match.start()) for mark in "。;\n") + 1
    if PLANNED_BEFORE.search(match.string, sentence_start, match.start()) or not all(
        _bracketed_name(item) for item in names.split("、")
    ):
        return match.group()  # (力争4家企业(A、B)入选…: not yet; 120家(国家级、省级、市级): no names)
    if "term" in match.re.groupindex:
        dtype = term_type(TERM_PATTERN.search(match.group("term")).group())  # (without its level)
        if dtype == DESIGN or re.search(r"(?:公司|集团|厂)(?:、|$)", names):
            return match.group()  # (full names after a typed count: read as they are; products: products)
        what = "园区" if dtype == PARK else "企业"
        return f",{names}等{count}{what}入选{match.group('term')}"
    return f",{names}等{count}{match.group('what')}"  # (甲县,A、B等4家企业…: the place before stays apart)


PLANNED_BEFORE = re.compile(NOT_YET.pattern + r"|力争|争取|计划|拟|将|推动|有望|目标|预计")
NOT_A_BRACKETED_NAME = re.compile(r"^(?:含|其中|主要|较|包括|如|上半年|下半年)|级$|批$|年$|行业|企业$|各")


def _bracketed_name(item: str) -> bool:
    """An item of a bracket after a count that is a name: a company's, or a short name of three characters or more
    (not 国家级, 第五批, 含央企, 主要集中在机械)."""
    return not NOT_A_BRACKETED_NAME.search(item) and (
        NAME_END.search(item) is not None or len(item) >= 3 and _short_name(item, subject=False)
    )


NOTE_AFTER_NAME = re.compile(r"(?<=[司厂团])\([^()\n]{1,40}?[、,\s][^()\n]{0,40}?\)")
NOTE_SEPARATOR = re.compile(r"[、,\s]")


# 从入选行业看,既有A、B等…企业,也有C等…企业: the members of the set the sentence before designated
MEMBERS_VIEW = re.compile(r"。(?=从(?:入选|获评|上榜|认定)[^,。]{0,8}看,)")


def _view_joined(match: re.Match) -> str:
    """MEMBERS_VIEW: the sentence joined to the one before, when that names one type (of two, whose are they?)."""
    before = match.string[
        max(match.string.rfind("。", 0, match.start()), match.string.rfind("\n", 0, match.start())) + 1 : match.start()
    ]
    return "," if len({term_type(m.group()) for m in TERM_PATTERN.finditer(before)}) == 1 else match.group()


def _note_joined(match: re.Match) -> str:
    """A note after a name whose items are its products (A有限公司(P·O 42.5水泥、机制砂)), as one
    note: its separators split no list."""
    return NOTE_SEPARATOR.sub("·", match.group(0))


LIST_SUMMARY = re.compile(r"(?:以上|上述)(?:企业|单位|名单)?(?:均|全部)?(?:为|是|属于)")


def _retyped(entities: list[NamedEntity], summary: str) -> list[NamedEntity]:
    """The companies of a list typed by the summary after it (以上为绿色工厂), when it names one type."""
    types = {term_type(m.group(0)) for m in TERM_PATTERN.finditer(summary[:SUMMARY_REACH])} - {PARK}
    if len(types) != 1:
        return entities
    dtype = types.pop()
    return [e if e.designation_type == PARK else replace(e, designation_type=dtype) for e in entities]


SUMMARY_REACH = 16  # 以上为绿色工厂;绿色工业园区:…: the type right after the summary's verb
PRODUCT_AFTER = re.compile(r":[^,:;。]{1,24}")  # 戊己食品有限公司:冷冻分割羊肉 (a design product's owner, then it)


def _ends_the_list(sentence: str, name: str) -> bool:
    """The sentence ends with its last name, or with that name's product: more names may follow."""
    rest = sentence[sentence.rfind(name) + len(name) :]
    return not rest or PRODUCT_AFTER.fullmatch(rest) is not None


def _wrapped_names_joined(text: str) -> str:
    """Lines of a list wrapped inside a name (…、烟台鲁东汽车 / 零部件有限公司、…, 9、合肥振伟电 /
    缆有限公司, ✅西乡县茶韵 / 茶业有限公司) joined: the line before is a list, a sentence or a numbered
    or bulleted item, ends with no name in its last item, and the line after starts with the rest of one."""
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        before = out[-1]
        tail = ITEM_MARK.split(before)[-1]
        if " " in tail and _item(last := tail.rsplit(" ", 1)[-1]):
            tail = last  # 1.A公司 2.B核桃露饮 / 品有限公司: the last of two numbered items on a line
        head = ITEM_OR_SPACE.split(line, 1)[0]  # (…露饮 / 品有限公司 8.B公司: two items on the line)
        if before.endswith("、") and WRAPPED_REST.match(line):  # …A有限公司、 / B有限公司、…: the list goes on
            out[-1] = before + line
        elif before.endswith(ROLE_LEADS) and "\u4e00" <= line[:1] <= "\u9fa5":
            out[-1] = before + line  # …、控股子公司 / B有限公司被评为…: a role, then the name it leads
        elif (
            (len(before) >= WRAPPED_LENGTH or _item(before) and not _item(line))
            and "\u4e00" <= before[-1] <= "\u9fa5"
            and (len(tail) < len(before) or _item(before))
            and not NAME_END.search(tail)
            and before[-1] not in INSTITUTION_ENDS
            and not TERM_PATTERN.search(tail)
            and not tail.endswith(HEADER_WORDS)
            and len(head) <= 20
            and WRAPPED_REST.fullmatch(head)
            and not PROVINCE_FIRST.match(head)
            and not _place_heading(before, None)
            and not ((":" in before or TOWN_LINE.fullmatch(before)) and _starts_with_place(head))
        ):
            # (a province starts a name; 1.南湖区 heads the names after it; after A公司:电动机, a name with its place)
            out[-1] = before + line
        elif (
            len(before) >= WRAPPED_LENGTH
            and len(tail) <= PLACE_TAIL
            and is_division(tail)
            and COMPANY_FIRST.match(line)
        ):
            out[-1] = before + line  # …等多个环节,陕西 / 盘龙药业集团股份有限公司凭借…: a name's place, then the rest
        elif VERB_FIRST.match(line) and TERM_PATTERN.search(line) and _valid(before.strip(), False):
            out[-1] = before.strip() + line  # a headline broken after its subject: A有限公司 / 入选国家级“绿色工厂”
        else:
            out.append(line)
    return "\n".join(out)


BULLET = re.compile(r"[-—•·●○■□◆◇▲△★☆▪▶►√\u2600-\u27bf\U0001f300-\U0001faff]")
TOWN_PLACE = re.compile(r"[\u4e00-\u9fa5]{1,8}(?:镇|乡|街道)")
NUMBERED = re.compile(r"\s*(?:\d{1,3}[.、)]|[一二三四五六七八九十]{1,3}、|\(\w{1,3}\))")
TOWN_LINE = re.compile(r"[^\u4e00-\u9fa5]*" + TOWN_PLACE.pattern + r"[^\u4e00-\u9fa5]*")  # (📍狮山镇: a heading)
VERB_FIRST = re.compile(r"(?:成功|再次|荣|喜)?(?:入选|获评|获得|获|被评为|被认定为|荣登|跻身|上榜)")


def _item(line: str) -> bool:
    """A line that is an item of a list: numbered (9、) or bulleted (✅, ●)."""
    return ITEM_NUMBER.match(line) is not None or BULLET.match(line) is not None


def _summarized(untyped: tuple[str, ...], summary: str) -> list[NamedEntity]:
    """Names in the sentences before a summary that types them: after 以上 / 上述 (以上3家企业被认定为
    绿色工厂), the lines of names right before it, or the sentence that says they were designated;
    after a total (至此 / 截至目前 / 这是…首次入选), the one sentence right before it, if it says so.
    The summary must name one company type (a park is typed by its own ending)."""
    types = {term_type(m.group(0)) for m in TERM_PATTERN.finditer(summary)}
    companies = types - {PARK}
    if EXCEPTION.search(summary) or len(companies) > 1:
        return []
    company = next(iter(companies), None)
    terms = [(-1, t) for t in types]
    if not summary.startswith(("以上", "上述")):
        sentence = untyped[-1]
        ends = _name_ends(sentence)
        return _clause_names(sentence, terms, ends) if ends and _designated(sentence) else []
    if not _designated(summary):
        return []
    out, read = _name_lines(untyped, company)  # lines of names alone, back to the sentence that opened them
    opener = untyped[len(untyped) - read - 1] if read < len(untyped) else ""
    if opener and (ends := _name_ends(opener)) and _designated(opener):
        out[:0] = _clause_names(opener, terms, ends)
    return out


def _name_lines(untyped: tuple[str, ...], company: str | None, labelled: bool = False) -> tuple[list[NamedEntity], int]:
    """The names of the lines of names alone at the end of `untyped` (parks by their ending, the rest
    as `company`), and how many lines they are. `labelled`: short label lines among them (造纸行业:)
    are passed over."""
    out: list[NamedEntity] = []
    read = 0
    for sentence in reversed(untyped):
        if labelled and len(sentence) <= HEADING_LENGTH and sentence.endswith(":") and not _name_ends(sentence):
            read += 1
            continue
        if not _name_ends(sentence) or not (listed := _name_list(sentence)):
            break
        out[:0] = [NamedEntity(name, PARK if park else company, sentence) for name, park in listed if park or company]
        read += 1
    return out, read


UNTYPED_LIST_REACH = 3  # (a headline, its date line, the sentence)
UNTYPED_LIST = re.compile(r"绿色制造(?:示范)?名单|绿色制造(?:体系建设)?示范(?:单位|企业)")
# a sentence that speaks of the firms selected as one type (入选国家级“绿色工厂”的企业): names before it are of it
BACK_REFERENCE = re.compile(r"入选[^,。;]{0,8}?[“\"]?(?:" + TERM + r")[”\"]?(?:称号)?的(?:入选)?(?:企业|单位)")


DESCRIPTION_LENGTH = 120
# what a description of the firm before never says: a new list opened (以下2家企业获评…), firms counted, not yet
NOT_A_DESCRIPTION = re.compile(
    r"以下|如下|另有|还有|此外|同时|以上|\d+\s*家|[两二三四五六七八九十]家|" + NOT_YET.pattern + "|" + REFUSED.pattern
)


TEASER = re.compile(r"看看|都有谁|有哪些")


def _teased(split: tuple[str, ...], index: int) -> bool:
    """一起来看看都有谁—— opens a list only right after a sentence that designated firms (not one that asks who
    took a training, applied or was put forward)."""
    before = split[index - 1] if index else ""
    return (
        _designated(before)
        and not NOT_YET.search(before)
        and not OTHER_HONOUR.search(before)
        and not NOT_LISTED_OPENER.search(before)
        and "?" not in before
    )


def _describes_the_line_before(split: tuple[str, ...], index: int) -> bool:
    """A sentence between two lines of a list that are a name alone each (A有限公司。位于…,主营…。B有限公司。):
    it names no one, opens nothing, and a name alone comes before and after it."""
    sentence = split[index]
    return (
        0 < index < len(split) - 1
        and len(sentence) <= DESCRIPTION_LENGTH
        and "," in sentence  # (a description's clauses, not a heading: 二、节能降碳先进企业(2家) / 绿色供应链管理企业)
        and not CN_HEADING.match(sentence)
        and not sentence.endswith((":", "如下"))
        and not _name_list(sentence)
        and not NOT_A_DESCRIPTION.search(sentence)
        and bool(_name_ends(split[index + 1]) and _name_list(split[index + 1]))
        and any(bool(_name_ends(split[before]) and _name_list(split[before])) for before in (index - 1, index - 2))
    )


def _back_referenced(untyped: tuple[str, ...], sentence: str) -> list[NamedEntity]:
    """The lines of names before a sentence about the firms selected as one type, when the line that
    opened them says firms were designated and names no other honour, no meeting, no application."""
    found, read = _name_lines(untyped, _one_company(sentence), True)
    opener = untyped[len(untyped) - read - 1] if read < len(untyped) else ""
    if (
        not opener
        or not _designated(opener)
        or OTHER_HONOUR.search(opener)
        or NOT_YET.search(opener)
        or NOT_LISTED_OPENER.search(opener)
    ):
        return []
    return found


NOT_LISTED_OPENER = re.compile(r"参会|出席|参加|与会|签约|申请")


def _one_company(sentence: str) -> str | None:
    """The one company type a sentence names, or None."""
    companies = {term_type(m.group(0)) for m in TERM_PATTERN.finditer(sentence)} - {PARK}
    return next(iter(companies)) if len(companies) == 1 else None


# 4家企业入选绿色工厂名单 after four lines of names alone: the count they make up
COUNT_SUMMARY = re.compile(r"(?P<value>\d{1,2}|[一二三四五六七八九十两]{1,3})\s*[家个](?:企业|单位|公司|园区)?")
COUNT_FIRST = frozenset("0123456789一二三四五六七八九十两")


def _counted_lines(untyped: tuple[str, ...], summary: str, counted: re.Match) -> list[NamedEntity]:
    """The lines of names alone right before a sentence that counts them and says they were designated
    (A有限公司 / B有限公司 / 2家企业入选绿色工厂), when there are as many names as it counts."""
    companies = {term_type(m.group(0)) for m in TERM_PATTERN.finditer(summary)} - {PARK}
    if not _designated(summary) or EXCEPTION.search(summary) or len(companies) > 1:
        return []
    out, _ = _name_lines(untyped, next(iter(companies), None))
    return out if len(out) == number(counted.group("value")) else []


def _name_ends(sentence: str, terms: list[re.Match] = ()) -> list[tuple[int, int, bool]]:
    """The sentence's name endings (start, end, is a park's) outside its designation terms (绿色园区
    has one, at the term's end): a sentence without one has no full name and is not split."""
    term_ends = {term.end() for term in terms}
    return [
        (match.start(), match.end(), match.group() not in COMPANY_ENDS)
        for match in NAME_END.finditer(sentence)
        if match.end() not in term_ends and not _bracketed_inside(sentence, match)
    ]


def _bracketed_inside(sentence: str, end: re.Match) -> bool:
    """An ending in brackets inside a name (泸州酒城包装(集团)股份有限公司): no name ends there."""
    return (
        sentence[end.end() : end.end() + 1] == ")"
        and sentence[end.start() - 1 : end.start()] == "("
        and bool(NAME_END.match(sentence, end.end() + 1) or COMPANY_REST.match(sentence, end.end() + 1))
    )


COMPANY_REST = re.compile(r"(?:股份|有限|责任|控股)+(?:公司|集团)")


EXAMPLE = re.compile(r"(?:其中,)?以(?P<name>[^,。;]{2,40}?)为例")


def _example(name: str, previous: str) -> NamedEntity | None:
    """The firm or park a sentence takes as an example of the set the sentence before designated."""
    if not _designated(previous):
        return None
    name = _lead(name)
    if PARK_NAME.fullmatch(name):
        types = {term_type(m.group(0)) for m in TERM_PATTERN.finditer(previous)}
        return NamedEntity(name, PARK, previous) if types == {PARK} and _valid(name, True) else None
    if not (dtype := _one_company(previous)) or PARK in {
        term_type(m.group(0)) for m in TERM_PATTERN.finditer(previous)
    }:
        return None
    return NamedEntity(name, dtype, previous) if COMPANY.fullmatch(name) and _valid(name, False) else None


CONTRAST = re.compile(
    r"与[^。]{0,60}?(?:名单|称号)[^,。]{0,6}(?:不同|有别|区别)|(?:不属于|并非|不是)[^,。]{0,12}(?:绿色制造|名单)"
)  # (…示范企业与绿色工厂等绿色制造名单不同: another honour)


def _continuing(sentence: str, previous: str) -> list[NamedEntity]:
    """其中,A公司… after a sentence that named the designation: its terms type the names, if the
    sentence says they are designated or counts them (其中,A公司是德国某集团的子公司: it describes A)."""
    ends = _name_ends(sentence)
    if (
        _association_honour(previous)
        or CONTRAST.search(previous)
        or SAME_BATCH.match(sentence)
        and OTHER_HONOUR.search(previous)
    ):
        return []  # (某协会…开展了绿色工厂评定工作,共有7家企业脱颖而出。A、B…荣获…: its own award; …与绿色工厂…不同)
    if not (ends or "等" in sentence and COUNTED.search(sentence) and not OTHER_HONOUR.search(sentence)) or not (
        # (A、B等四家企业上榜: short names; not 等4家企业入选水效领跑者)
        _designated(previous) or _designated(sentence)
    ):
        return []
    if not _designated(sentence) and not SUBTOTAL.match(sentence) and not COUNTED_OPENING.match(sentence):
        return []
    terms = [(m, term_type(m.group(0))) for m in TERM_PATTERN.finditer(previous)]
    companies = list(dict.fromkeys(t for _, t in terms if t != PARK))
    found = _clause_names(sentence, [(-1, t) for _, t in terms], ends)
    if len(companies) < 2:
        return found
    # the sentence before counted several types (8家企业入选绿色工厂,1家企业入选…供应链…): names said to
    # be N of them (A、B等8家企业榜上有名) take the type counted N; a list of subtotals (从地区分布看,西安市
    # 5家:A、B…) breaks down the first, the main one
    dtype = _type_counted(sentence, previous) or companies[0]
    return list(
        {
            (e.name, e.designation_type): e
            for e in (e if e.designation_type == PARK else replace(e, designation_type=dtype) for e in found)
        }.values()
    )


# a trade's label among the lines of a list, with its count or a colon (酱油及食醋(6家) / 复合调味料:)
LABEL_LINE = re.compile(
    r"(?![一二三四五六七八九十]{1,3}、)(?![^(:]*(?:企业|单位|名单))"  # (四、节能降碳先进企业(2家): another list)
    r"[\u4e00-\u9fa5、及和与]{2,12}(?:\((?:\d+|[一二三四五六七八九十两]+)[家个户]\)|:)"
)


def _first_of_several(sentence: str) -> str | None:
    """The first company type of a sentence that counts several (14家企业入选…绿色工厂,另有2家…供应链…)."""
    companies = list(dict.fromkeys(t for m in TERM_PATTERN.finditer(sentence) if (t := term_type(m.group(0))) != PARK))
    return companies[0] if len(companies) > 1 else None


def _type_counted(sentence: str, previous: str) -> str | None:
    """The company type the sentence before counted as many as this sentence says its names are
    (…3家企业入选绿色工厂,1家企业入选…供应链… / 入选的3家企业是:A、B、C, or A、B、C等3家企业)."""
    if (counted := TOTAL_OF_NAMES.search(sentence)) is None:
        return None
    total = counted.group(1) or counted.group(2)
    for term in TERM_PATTERN.finditer(previous):
        count = COUNT_BEFORE.search(previous, max(0, term.start() - 14), term.start())
        if count and count.group(1) == total and (dtype := term_type(term.group(0))) != PARK:
            return dtype
    return None


TOTAL_OF_NAMES = re.compile(r"等(\d+)[家个]|(\d+)[家个][^\d,。:;]{0,6}?(?:是|为|包括)")
COUNT_BEFORE = re.compile(r"(\d+)\s*[家个项款](?=[^\d]*$)")  # the last count before a term


def _under_heading(sentence: str, heading: str, listing: bool, companies: str | None = None) -> list[NamedEntity]:
    """Names in the lines after a heading (一、绿色工厂 / A公司、B公司): a line of names alone, or
    a sentence that says they were designated (A厂的产品入选). After a list that ended the
    sentence before (…入选绿色工厂:1.A公司;2.B公司): a line of names alone."""
    if not (ends := _name_ends(sentence)):
        if (
            heading != PARK
            and (line := _lead(sentence).rstrip("。;"))
            and INSTITUTION.fullmatch(line)
            and not OTHER_HONOUR.search(line)
        ):
            return [NamedEntity(line, heading, sentence)]  # 11.肃宁县裘皮加工中心: a list's line, an institution
        return []
    if listed := _name_list(sentence, products=heading == DESIGN):
        return [
            NamedEntity(name, PARK if park else companies or heading, sentence)
            for name, park in listed
            if (heading == PARK) == park or companies and not park
        ]  # (companies: the opener named them too)
    if _designated(sentence) and not listing and not NOT_YET.search(sentence):  # (…已通过初审: not yet)
        return _clause_names(sentence, [(-1, heading)] + ([(-1, companies)] if companies else []), ends)
    return []


def _items(clause: str, ends: list[tuple[int, int, bool]]) -> list[tuple[int, str]]:
    """The items of an enumeration, each with its start: 、 and 以及 (in no name) separate them, and
    和 / 及 / 与 once a name ended before in the item (A公司和B公司; A厂的产品和B钢): a 和 inside a
    name (中国石油和化学工业…) is kept. `ends`: the clause's name endings (start, end, park), in order."""
    if "、" not in clause and "和" not in clause and "及" not in clause and "与" not in clause:
        return [(0, clause)]
    items = []
    next_end = 0
    for start, stop in _pieces(clause):
        while next_end < len(ends) and ends[next_end][0] < start:
            next_end += 1
        first = ends[next_end][1] if next_end < len(ends) and ends[next_end][1] <= stop else None
        if first is not None and (conjunction := CONJUNCTION.search(clause, first, stop)):
            head = start
            while conjunction:
                items.append((head, clause[head : conjunction.start()]))
                head = conjunction.end()
                # the next 和 splits only after the next name ends (北京协和药厂有限公司: inside a name)
                later = next((e for _, e, _ in ends if e > head), None)
                conjunction = CONJUNCTION.search(clause, later, stop) if later is not None and later <= stop else None
            items.append((head, clause[head:stop]))
        elif first is None and stop == len(clause) > start and (joined := LAST_SHORT_JOINED.match(clause, start, stop)):
            # A、B和C获评…: the last of short names, with none ended before (上海和辉光电 stays whole)
            items += [(start, joined["left"]), (joined.start("right"), clause[joined.start("right") : stop])]
        else:
            items.append((start, clause[start:stop]))
    return items


def _pieces(clause: str) -> list[tuple[int, int]]:
    """The spans between the clause's item separators (、 and 以及), as str.split gives them."""
    spans, start = [], 0
    for separator in ITEM_SEPARATOR.finditer(clause):
        spans.append((start, separator.start()))
        start = separator.end()
    return spans + [(start, len(clause))]


def _name_list(sentence: str, products: bool = False) -> list[tuple[str, bool]] | None:
    """A line that is only names (A公司、B公司 / 1.A公司 2.B公司 / 一、A公司 / A公司(诸暨市)), or None.
    `products`: a line of design products, where an owner's name may be followed by its product
    (A有限公司 电饭煲 CFXB40)."""
    names = []
    if len(INNER_SPACE.findall(sentence)) == 1:  # (one gap: a name broken; more: columns)
        sentence = INNER_SPACE.sub(_inner_space, sentence)
    head, colon, tail = sentence.replace("——", ":").partition(":")
    if colon and (lead := _lead(head)) and _valid(lead, bool(PARK_NAME.fullmatch(lead))):
        sentence = head  # ①A有限公司:婴儿纸尿裤(3个型号) / A有限公司——电动机: a name, then its products
    elif colon and (lead := _lead(tail)) and "、" not in tail and _valid(lead, bool(PARK_NAME.fullmatch(lead))):
        sentence = tail  # ▶ 高沟镇:A有限公司: a place's label, then the name
    elif (
        colon
        and len(label := _lead(head)) <= LABEL_LENGTH
        and not NAME_END.search(label)
        and not TERM_PATTERN.search(label)
    ):
        sentence = tail  # 四星级:A公司、B公司: a label, then the names
    for item in LIST_SEPARATOR.split(sentence):
        item = _lead(item)
        if not item or LIST_NUMBER.fullmatch(item):
            continue
        if not names and (cut := _last_cut(item)):
            item = _lead(item[cut:])  # 获评企业分别为A公司、B公司: the list starts after its cue
        item = item.rstrip("。.")
        if item[-1:] == "等" and len(item) > 1:
            item = item[:-1]  # …、D有限公司等。: the list's last name
        if item[-1:] in PLACE_ENDINGS and len(item) <= 8 and is_division(item):
            continue  # 5 邕宁区 A有限公司 / 1 A有限公司 赣州市: a row's place cell
        if (place := PLACE_OF.match(item)) and _valid(_lead(item[place.end() :]), False) is not None:
            item = _lead(item[place.end() :])  # 孟河镇的A有限公司 / 西塞山区:A有限公司: where it is, then the name
        if item[-1:] == ")" and (owner := OWNER_NOTE.search(item)) and _valid(owner.group(1), False):
            item = owner.group(1)  # 水性木器涂料(福建A涂料有限公司): a product, then its owner
        elif products and (of := item.find("的")) > 0 and _valid(item[:of], False):
            item = item[:of]  # A有限公司的乘客电梯(3个型号): an owner, then its product
        while item[-1:] == ")" and (note := NOTE.search(item)) and not BRANCH_NOTE.fullmatch(note.group()):
            bare = item[: note.start()]  # a place noted after the name: A有限公司(诸暨市), A公司(原B厂)(驻马店)
            if _valid(bare, bool(PARK_NAME.fullmatch(bare))) is None and not (bare[-1:] == ")" and NOTE.search(bare)):
                break
            item = bare
        # a company's site named after it (A有限公司周村厂区, A有限公司高新区生产基地): a company's name
        site = (found := COMPANY_SITE.search(item)) is not None and _valid(item[: found.start() + 2], False) is not None
        park = not site and bool(PARK_NAME.fullmatch(item))
        if not site and _valid(item, park) is None:
            if products and "," not in sentence or names and AUTHORITY.search(item):
                continue  # a product's cells (名称, 型号) around its owner, or the authority that put it forward
            return None
        names += _joined(item, park) if CONJUNCTION.search(item) else [(item, park)]
    return names or None


def _inner_space(match: re.Match) -> str:
    """A space after words that end no name (衡阳衡岳 重型机械有限公司) is inside the name: dropped."""
    words = match.group(1)
    if ENDS_A_NAME.search(words) or LIST_NUMBER.fullmatch(words):
        return match.group(0)
    if words[-1] in PLACE_ENDINGS and is_division(words) and _starts_with_place(match.string[match.end() :]):
        return match.group(
            0
        )  # 邕宁区 南宁A有限公司: a place cell, then a name with its own place (常宁市 水口山…: one name)
    return words


def _starts_with_place(text: str) -> bool:
    """A name that opens with a division, whole or without its ending (南宁邕江…, 宾阳县昆仑关…)."""
    return PROVINCE_FIRST.match(text) is not None or any(
        is_division(text[:size]) for size in (2, 3, 4) if len(text) > size and "\u4e00" <= text[size - 1] <= "\u9fa5"
    )


def _last_cut(item: str) -> int:
    """Where a list's first name starts after the verb that opens it (获评企业分别为A公司), or 0."""
    openers = list(LIST_OPENER.finditer(item))
    return openers[-1].end() if openers else 0


def _joined(item: str, park: bool) -> list[tuple[str, bool]]:
    """A list item that is two names joined (A公司和B公司, A公司(光伏组件)和B公司), else the item: a 和
    inside a name (中国石油和化学工业…, 新和成) has no name before it."""
    for conjunction in CONJUNCTION.finditer(item):
        left, right = item[: conjunction.start()], _lead(item[conjunction.end() :])
        if left[-1:] == ")" and (note := NOTE.search(left)) and not BRANCH_NOTE.fullmatch(note.group()):
            left = left[: note.start()]
        left_park, right_park = bool(PARK_NAME.fullmatch(left)), bool(PARK_NAME.fullmatch(right))
        if _valid(left, left_park) and _valid(right, right_park):
            return [(left, left_park), *_joined(right, right_park)]
    return [(item, park)]


def _list_marks(sentence: str, ends: list[tuple[int, int, bool]]) -> str:
    """The sentence with the separators of a list laid out on one line made 、, in place
    (positions stay the sentence's): a space after a name or its note (A公司(诸暨市) B公司,
    ①A公司 ②B公司), quotes side by side (“A公司”“B公司”); and a list number's 、 made a space
    (1、A公司 2、B公司), so that it does not split an item."""
    chars = None
    for index, (_, end, _) in enumerate(ends if " " in sentence or "\t" in sentence else ()):
        if end < len(sentence) and sentence[end] == "(" and (close := sentence.find(")", end, end + 14)) > 0:
            end = close + 1  # a note after the name
        # spaces between two names: the next name ending follows with no space or clause between
        after = end
        while after < len(sentence) and sentence[after] in SPACES:
            after += 1
        if end < after and (number := ITEM_NUMBER.match(sentence, after)):
            after = number.end()  # A公司 II. B公司: the next item's number
        if end < after < len(sentence) and any(
            not SPACE_OR_CLAUSE.search(sentence, after, later) for _, later, _ in ends[index + 1 : index + 3]
        ):
            chars = chars or list(sentence)
            chars[end] = "、"
    at = sentence.find(",以及")  # A、B、C,以及D等四家企业: the enumeration goes on past the comma
    while at > 0:
        if "、" in (items := sentence[max(sentence.rfind(",", 0, at), 0) : at]) and not (
            "等" in items or _designated(items) or TERM_PATTERN.search(items)  # (A、B等334家工厂,以及C…)
        ):
            chars = chars or list(sentence)
            chars[at] = "、"
        at = sentence.find(",以及", at + 1)
    at = sentence.find("/")  # A公司/B公司: a slash between names
    while at > 0:
        if NAME_END.search(sentence, max(0, at - 4), at):
            chars = chars or list(sentence)
            chars[at] = "、"
        at = sentence.find("/", at + 1)
    at = sentence.find("”“")
    while at >= 0:
        chars = chars or list(sentence)
        chars[at + 1] = "、"
        at = sentence.find("”“", at + 2)
    # a list number's 、: one to three digits after a separator or at the start, in a list that
    # counts from 1 (a line that goes on 2、B公司 is a list of names alone: _name_list)
    at = sentence.find("、") if "1、" in sentence or "一、" in sentence else -1
    while at > 0:
        start = at
        while start > 0 and at - start < 3 and sentence[start - 1] in LIST_DIGITS:
            start -= 1
        if start < at and (start == 0 or sentence[start - 1] in NUMBER_BEFORE):
            chars = chars or list(sentence)
            chars[at] = " "
        at = sentence.find("、", at + 1)
    return sentence if chars is None else "".join(chars)


def _clause_names(
    sentence: str, terms: list[tuple[int, str | None]], ends: list[tuple[int, int, bool]]
) -> list[NamedEntity]:
    """The names of a sentence's enumerations, clause by clause (`ends`: its name endings)."""
    masked = listed = _list_marks(sentence, ends)
    if QUOTE_MARKS.search(listed):  # a quoted title (《…名单》, “绿色工厂”) names no one
        quotes = [m.span() for m in QUOTED.finditer(listed)]
        pieces, last = [], 0
        for a, b in quotes:  # masked in place: positions stay those of the sentence
            if listed[b - 1] == "”" and NAME_END.search(listed, b - 4, b - 1):
                continue  # “A有限公司”: a quoted name is a name
            pieces += [listed[last:a], "＂" * (b - a)]
            last = b
        masked = "".join(pieces) + listed[last:]
        ends = [end for end in ends if masked[end[0]] != "＂"]
    out = []
    offset = next_end = 0
    for clause in masked.split(","):
        start, offset = offset, offset + len(clause) + 1
        if (
            clause.startswith(COUNT_VERBS)
            and start > 1
            and (
                masked[start - 2] in COUNTERS
                or COUNT_BEHIND.search(masked, max(0, start - COUNT_BEHIND_REACH), start - 1)
            )
        ):  # (1家企业入列…供应链,为A公司)
            clause = " " + clause[1:]  # 绿色园区1家,为X开发区: the verb after a count opens the list
        clause_ends = []  # the clause's name endings, from its start (ends are in order)
        while next_end < len(ends) and ends[next_end][0] < offset:
            end_start, end, park = ends[next_end]
            clause_ends.append((end_start - start, end - start, park))
            next_end += 1
        counted = COUNTED.search(clause) if "等" in clause or "为代表" in clause else None
        if (
            counted
            and TRADE.search(clause, counted.start(), counted.start() + 10)
            and not (_head_type(counted) == PARK and any(park for _, _, park in clause_ends))
        ):
            counted = None  # (宁波、温州等地; not A开发区、B经济开发区等19家园区)
        if counted and (owned := OWNERS_OF.match(clause, counted.start())):
            if {term_type(m.group(0)) for m in TERM_PATTERN.finditer(clause, owned.end())} - {DESIGN}:
                continue  # A集团、B锂能等企业的7家绿色工厂、38种…入选: the owners of what was designated
        members = (
            (  # 多家企业被认定为绿色工厂,包括A、B、C等: the members of a set the sentence designated
                "、" in clause
                and MEMBERS.match(clause.strip())
                and MEMBERS_TAIL.search(clause)
                and PLURAL_SET.search(sentence, 0, start)
                and _designated(sentence[:start])
            )
            or _counted_members(sentence, clause, start)
        )
        if (
            not counted
            and not clause_ends
            and not members
            and not ("、" in clause and _short_subjects(clause, _items(clause, ())))
        ):
            clause_types = [t for pos, t in terms if start <= pos < offset]
            if single := _single_subject(
                _by_means_subject(sentence, start) + sentence[start : start + len(clause)],  # (unmasked: 荣获“…”称号)
                clause_types,
            ) or (not clause_types and _member_subject(sentence, clause, start, terms)):
                out.append(NamedEntity(single[0], single[1], sentence))  # 金磊陶瓷成功入选国家级绿色工厂
            continue
        clause_terms = [t for pos, t in terms if start <= pos < offset]
        if not clause_terms and clause_ends and _another_role(clause, clause_ends[0][0]):
            continue
        in_park_clause = (
            PARK in clause_terms
            if clause_terms
            else (counted is not None and _head_type(counted) == PARK or any(t == PARK for _, t in terms))
        )
        product_clause = DESIGN in clause_terms if clause_terms else any(t == DESIGN for _, t in terms)
        items = _items(clause, clause_ends)
        found = []
        following = 0
        for at, item in items:  # each item's endings, from its start (items and endings are in order)
            while following < len(clause_ends) and clause_ends[following][0] < at:
                following += 1
            item_ends = []
            while following < len(clause_ends) and clause_ends[following][1] <= at + len(item):
                item_ends.append((clause_ends[following][1] - at, clause_ends[following][2]))
                following += 1
            found.append(_name_in(item, item_ends, in_park_clause, clause, product_clause) if item_ends else None)
        names = [n for n in found if n]
        if (
            not names
            and not counted
            and clause_ends
            and (subject := _subject(masked, clause, clause_ends[0], offset, terms, in_park_clause))
        ):
            items, found, names = [(0, clause)], [subject], [subject]
        subjects = not names and "、" in clause and _short_subjects(clause, items)
        members = members and not names
        if not names and not counted and not subjects and not members:
            continue
        last_end = start + clause.rfind(names[-1][0]) + len(names[-1][0]) if names else offset
        company_type = _company_type(terms, masked, clause, start, offset, last_end)
        respective = _respective(masked, terms, last_end, len(names))
        # (甲化工、乙机械分别入选绿色工厂和绿色供应链管理企业: short names, each of its term in order)
        short_types = _respective(masked, terms, start, len(items)) if subjects else None
        index = 0
        clause_designated = None  # (asked once a clause, when an item needs it)
        after_designated = counted is not None and len(items) > 1 and _designated(sentence[start:])
        before_designated = counted is not None and len(items) > 1 and _designated(sentence[:start])
        products = False  # an owner's product was named (A公司的电压力锅、炒锅): short items after it are products
        for position, ((at, item), entity) in enumerate(zip(items, found)):
            if entity:
                name, park = entity
                if product_clause:
                    after = item.find(name) + len(name)
                    products = after < len(item) and (
                        "的" in item[after : after + OWNER_REACH]  # (A公司研发的水泥、…)
                        or not COMPANY_TRAIL.match(item, after)
                    )
                dtype = PARK if park else (respective[index] if respective else company_type)
                if (
                    not park
                    and not respective
                    and len(items) > 1
                    and (own := _own_term(terms, start + at + item.find(name) + len(name), start + at + len(item)))
                ):
                    dtype = own  # A公司(绿色工厂)、B公司入选绿色供应链管理企业: each item its own term
                if (
                    not park
                    and not respective
                    and (counted_by := _counted_in_parenthesis(terms, masked, start + at + item.find(name)))
                ):
                    dtype = counted_by  # 绿色工厂2家(A、B)、绿色供应链管理企业1家(C): the count's term
                index += 1
                if dtype and (park or dtype != PARK):
                    out.append(NamedEntity(name, dtype, sentence))
                    if len(names) == 1 and not park:
                        out += [NamedEntity(name, also, sentence) for also in _joined_terms(clause, dtype)]
            elif len(items) > 1 and (
                (clause_designated := _designated(clause) if clause_designated is None else clause_designated)
                or members
                or counted
                and (
                    COUNT_IN.search(counted.group(0))
                    and after_designated
                    and not NOT_YET.search(clause, counted.start())  # (推动A、B等5家企业申报…,…获批: applied)
                    or MEMBERS.match(clause)
                    and before_designated
                    or IN_ALL.match(clause)  # 包括A、B等企业在内,全省共有70家企业获评…
                    and after_designated
                )
            ):
                # (A集团、B炼化、C有限公司等334家工厂,以及…入选: the verb after the count designates them)
                opened = (  # (…获评绿色工厂,包括A、B等企业 / 4家企业入选…,分别为A、B、C、D)
                    MEMBERS.match(item.strip()) or LIST_OPENER.match(item.strip()) if not at else None
                )
                short = _after_short_cut(item.strip()[opened.end() if opened else 0 :].lstrip(":"))
                short = _without_place_of(SHORT_TRAIL.sub("", _lead(short)))
                if short[:1] == "以" and not at and "为代表" in clause:
                    short = short[1:]  # 以A、B为代表的…
                if owner := OWNER.search(short):  # B的电饭煲: a product's owner, in a clause of products
                    if not product_clause or not (short := short[: owner.start()]):
                        continue
                    products = True  # (B研发的水泥、机制砂: the items after it are its products)
                elif products:
                    continue
                if counted and 0 <= clause.find(short) < counted.start():
                    dtype = _head_type(counted) or company_type
                elif names or subjects or members:
                    dtype = short_types[position] if short_types else company_type
                else:
                    continue
                if (
                    dtype
                    and dtype != PARK
                    and _short_name(short, subject=False)  # (徐州、盐城等三市共12家企业: places)
                    and not (members and NOT_A_MEMBER.search(short))
                ):
                    out.append(NamedEntity(short, dtype, sentence))
    return out


SET_COUNT = re.compile(r"(\d{1,2}|[两二三四五六七八九十]{1,2})家")


def _counted_members(sentence: str, clause: str, start: int) -> bool:
    """4家企业入选绿色供应链管理企业名单,分别为A、B、C、D: a clause that opens a list after a set counted
    and designated before it in the sentence, with as many items as the count."""
    if "、" not in clause or not (opener := LIST_OPENER.match(clause.strip())):
        return False
    counts = list(SET_COUNT.finditer(sentence, 0, start))
    return (
        bool(counts)
        and number(counts[-1].group(1)) == len(_items(clause.strip()[opener.end() :].lstrip(":"), ()))
        and _designated(sentence[:start])
    )


# 等…企业的7家绿色工厂: the firms enumerated own what is counted after them
OWNERS_OF = re.compile(r"等[^,、]{0,12}?(?:企业|公司|集团|单位)的(?:\d+|[一二三四五六七八九十两]+)\s*[家个种项款]")


def _typed_by_note(sentence: str) -> list[NamedEntity]:
    """A line that is one name and its type in a parenthesis (2. A经济技术开发区(绿色园区)), or its types
    (A有限公司(省级绿色工厂、省级绿色设计产品)): one entity of each."""
    line = TYPE_NOTE.fullmatch(_lead(sentence))
    if not line or NOT_YET.search(line.group("label")):
        return []  # (A公司(绿色工厂培育库), (拟推荐绿色工厂): not designated)
    labels = re.split(r"、|·", line.group("label"))  # (· : _note_joined's)
    types = [dtype for dtype in map(label_type, labels) if dtype] or [label_type(line.group("label"))]
    park = bool(PARK_NAME.fullmatch(name := line.group("name")))
    if None in types or any(park != (dtype == PARK) for dtype in types) or not _valid(name, park):
        return []  # (A公司(绿色工厂、节水型企业): its green title only)
    return [NamedEntity(name, dtype, sentence) for dtype in dict.fromkeys(types)]


def _counted_in_parenthesis(terms, sentence: str, position: int) -> str | None:
    """The term of the count whose parenthesis a name is in (绿色工厂2家(A、B)), or None."""
    opened = sentence.rfind("(", 0, position)
    if opened < 1 or sentence.find(")", opened, position) >= 0 or sentence[opened - 1] not in COUNTERS:
        return None
    before = [t for pos, t in terms if pos < opened and t != PARK]
    return before[-1] if before else None


SINGLE_SUBJECT = re.compile(
    r"(?P<name>[\u4e00-\u9fa5A-Za-z]{2,8}?)" + SUBJECT_VERB.pattern + r"[^,、]{0,12}?(?:" + TERM + ")"
)


PRODUCT_OWNER = re.compile(
    r"(?P<name>[\u4e00-\u9fa5A-Za-z]{2,8}?)(?:生产|研发|制造|推出|自主研发)的[^,、]{1,24}?"
    + SUBJECT_VERB.pattern
    + r"[^,、]{0,12}?(?:"
    + TERM
    + ")"
)
BY_MEANS = re.compile(r"(?:凭借|凭着|依托|依靠|通过|以其|得益于)[^,。;]{2,40}$")


def _by_means_subject(sentence: str, start: int) -> str:
    """The subject of a clause that opens with its verb, when the clause before is that subject
    and the means it was designated by (A公司凭借…的表现,荣获“绿色工厂”称号) or that it is on the
    list (A名列其中,被评为…): else ""."""
    if start < 2 or not SUBJECT_VERB.match(sentence, start):
        return ""
    before = sentence[: start - 1]
    before = before[before.rfind(",") + 1 :]
    means = BY_MEANS.search(before) or LISTED_AMONG.search(before)  # (A名列其中,被评为…)
    return before[: means.start()] if means else ""


LISTED_AMONG = re.compile(r"(?:名列其中|位列其中|赫然在列|在列|榜上有名|名列榜单)$")


def _single_subject(clause: str, types: list[str | None]) -> tuple[str, str] | None:
    """A clause whose subject is one short name, designated by its verb and one company term
    (金磊陶瓷成功入选国家级绿色工厂: a company's own release names itself so), or the owner of a design
    product so designated (西南铜业生产的高纯阴极铜产品被评为…绿色设计产品): (name, type)."""
    if len(types) != 1 or types[0] in (None, PARK):
        return None
    if not (match := SINGLE_SUBJECT.match(_lead(clause))) and types[0] == DESIGN:
        match = PRODUCT_OWNER.match(_lead(clause))
    if not match:
        return None
    name = match.group("name")
    return (name, types[0]) if _short_name(name) else None


MEMBER_SUBJECT = re.compile(r"(?P<name>[\u4e00-\u9fa5A-Za-z]{2,12}?)" + SUBJECT_VERB.pattern + r"[!。]?$")


def _member_subject(sentence: str, clause: str, start: int, terms) -> tuple[str, str] | None:
    """A clause that is only a short name and its verb, after a clause of the same sentence that
    designated a set of one company type (…入选国家级绿色工厂公示名单,我市甲乙上榜!): (name, type)."""
    before = [t for pos, t in terms if pos < start and t]
    if not before or PARK in before[-1:] or not (match := MEMBER_SUBJECT.match(_lead(clause.strip()))):
        return None
    name = _without_place_of(match.group("name"))
    if NOT_A_SUBJECT.search(name) or len(TRADE_WORDS.sub("", INDUSTRY.sub("", name))) < 2:
        return None  # (甲乙未入选, 甲乙有望上榜, 看看谁上榜, 纺织服装入选: not a firm designated)
    return (name, before[-1]) if _short_name(name) and _designated(sentence[:start]) else None


TRADE_WORDS = re.compile(r"加工|制造|装备|生产|行业|产业|龙头")
NOT_A_SUBJECT = re.compile(r"(?:未|没有?|有望|拟|无缘|谁|集体|纷纷|能否|是否|抢眼)$|^(?:看看|猜猜|快看|来看)")


# what no short name of a firm is: a generic body, a place's people, an industry, a time
GENERIC_SUBJECT = re.compile(
    r"^(?:[我本该其全各多此另近共已又也再均]|首家|首批|首个|首台|首套|唯一)|国内|利用|采用|委托|自主|[对向给为由被将把与和及的其助帮使让令]|新$|园区|集团$|工厂|基地|项目|产品|品牌|"
    r"行业|领域|产业|年|月|日|期间|今年|去年|目前|其中|此外|另外|同时|最终|先后|相继|成功|顺利|首次|再次|再度|正式|一举|率先|"
    r"有幸|终于|接连"
)


def _after_short_cut(item: str) -> str:
    """An item after its owner and a verb of having (A集团共有B: B), or after a line it ran into."""
    return item[cuts[-1].end() :] if (cuts := list(SHORT_CUT.finditer(item))) else item


def _short_subjects(clause: str, items: list[tuple[int, str]]) -> bool:
    """Whether a clause opens with an enumeration of short names that its verb designates
    (华鲁恒升、鲁西化工获评国家级绿色工厂 / 小米、OPPO双双入选…): the last item goes on with the verb."""
    if len(items) < 2 or items[0][0] or "等" in clause or not SUBJECT_VERB.search(items[-1][1]):
        return False
    shorts = [SHORT_TRAIL.sub("", _lead(_after_short_cut(item.strip()))) for _, item in items]
    return all(_short_name(s, subject=False) for s in shorts)


PLACE_HEADING = re.compile(
    r"(?:" + NUMBERED.pattern + "|" + BULLET.pattern + r"+)?\s*(?P<place>[\u4e00-\u9fa5]{2,12}?)"
    r"(?:\((?:\d+|[一二三四五六七八九十两]+)[家个户]\))?[:]?"
)


def _place_heading(line: str, dtype: str) -> bool:
    """A short line that is only a place, maybe numbered or with its count (婺城区 / 金东区(2家) /
    (三)义乌市: / 金华开发区, in a list of companies): the names of a list grouped by place go on
    after it."""
    if len(line) > 20 or (match := PLACE_HEADING.fullmatch(line)) is None:
        return False
    place = match.group("place")
    return (
        place[-1] in PLACE_ENDINGS
        and is_division(place)
        or dtype != PARK
        and ZONE_HEADING.fullmatch(place) is not None
        or TOWN_PLACE.fullmatch(place) is not None
        and not NUMBERED.match(line)  # (📍狮山镇 / 桂城街道; not 1.A市B镇)
    )


def _subject(
    sentence: str, clause: str, first_end: tuple[int, int, bool], offset: int, terms, in_park_clause: bool
) -> tuple[str, bool] | None:
    """The name a clause opens with when the next clause is its designation, with no subject of
    its own (A公司联合200余家供应商开展绿色采购,获评绿色供应链管理企业), else None."""
    if not (verb := SUBJECT_VERB.match(sentence, offset)):
        return None
    stop = sentence.find(",", offset)
    if not any(verb.start() <= pos < (stop if stop >= 0 else len(sentence)) for pos, t in terms if t):
        return None
    _, end, park = first_end
    if OTHER_ROLE.match(clause, end) or park and not in_park_clause or SPEECH.search(clause, end):
        return None
    name = _lead(clause[:end])
    return (name, park) if _valid(name, park) else None


def _another_role(clause: str, first_name: int) -> bool:
    """Whether a clause that names no term names its companies in another role: after a role
    noun (其主要客户包括A公司), or as designated in another list (A公司入选专精特新企业名单)."""
    if ROLE_NOUN.search(clause, 0, first_name):
        return True
    if other := OTHER_LIST.search(clause):
        return len(LIST_FILLER.sub("", other.group("object"))) >= 2 and not TERM_PATTERN.search(other.group("object"))
    return False


def _joined_terms(clause: str, dtype: str) -> list[str]:
    """The other company designations a clause joins to `dtype` (…入选绿色工厂和绿色供应链管理企业)."""
    found = list(TERM_PATTERN.finditer(clause))
    joined = [found[0]] if found else []
    for before, term in zip(found, found[1:]):
        between = LEVEL_AFTER.sub("", clause[before.end() : term.start()])  # 绿色工厂和国家级绿色供应链…
        if CONJUNCTION.fullmatch(between) or between == "、":
            joined.append(term)
        else:
            break
    types = {term_type(m.group(0)) for m in joined} if len(joined) > 1 else set()
    return sorted(types - {dtype, PARK}) if dtype in types else []


def _own_term(terms, start: int, end: int) -> str | None:
    """The first term in an item of an enumeration after its name (A公司(绿色工厂)), not a park's."""
    return next((t for pos, t in terms if start <= pos < end and t != PARK), None)


COUNT_BEHIND = re.compile(r"(?:\d+|[一二三四五六七八九十两]+)\s*[家个户](?:企业|单位|公司|园区)?[^,]{0,16}$")
COUNT_BEHIND_REACH = 30
IN_ALL = re.compile(r"(?:包括|包含)[^,]*在内")
COUNT_IN = re.compile(r"\d|[一二三四五六七八九十两]+[家个户]")


def _head_type(counted: re.Match) -> str | None:
    """The type the noun after 等N家 gives: a term, or 工厂 alone."""
    head = counted.group("head")
    if match := TERM_PATTERN.match(head):
        return term_type(match.group(0))
    if head.startswith("工厂"):
        return "green_factory"
    return PARK if head.startswith(("园区", "开发区", "工业园区")) else None


def _company_type(terms, sentence: str, clause: str, start: int, end: int, last_name: int) -> str | None:
    """A company's type: the clause's term after its names (A、B入选绿色工厂), else before them
    (绿色工厂中,A、B), else the nearest clause's — the term before a parenthesis the clause is in
    (绿色工厂48家(其中,A公司…)), before it when the clause says it designates (…名单,A公司入选),
    after it when it only enumerates (A公司,B公司入选绿色供应链…). Never a park."""
    companies = [(pos, t) for pos, t in terms if t != PARK]
    listing = sentence.rfind("(", start, last_name)
    if listing >= 0 and sentence.find(")", listing, last_name) < 0 and (closed := sentence.find(")", last_name)) >= 0:
        end = min(end, closed)  # names in a parenthesis: a term after it is another's (…2家(A、B)、C企业1家(D))
    after = [t for pos, t in companies if last_name <= pos < end]
    inside = [t for pos, t in companies if start <= pos < last_name]
    if after or inside:
        return after[0] if after else inside[-1]
    opened = sentence.rfind("(", 0, start)
    if opened >= 0 and sentence.find(")", opened, start) < 0:
        if in_parenthesis := [t for pos, t in companies if pos < opened]:
            return in_parenthesis[-1]
    before = [t for pos, t in companies if pos < start]
    later = [t for pos, t in companies if pos >= end]
    if _designated(clause):
        return before[-1] if before else later[0] if later else None
    return later[0] if later else before[-1] if before else None


def _respective(sentence: str, terms, last_name: int, count: int) -> list[str | None] | None:
    """A、B…分别成为X和Y: as many terms after 分别 as names, one each, in order."""
    if count < 2 or (at := sentence.find("分别", last_name)) < 0:
        return None
    after = [t for pos, t in terms if pos > at]
    return after if len(after) == count else None


def names_from_text_tables(text: str, dtype_hint: str | None = None) -> tuple[list[NamedEntity], set[int]]:
    """Pipe tables pasted as text, then tab tables (each run of tab lines a table of its own,
    typed by the caption above it); a one-column table needs only its name header, a table
    without a header its cells that are names. Also the indexes of the lines of tab tables read
    by their header: those are not prose (a row's evaluator is no designated name)."""
    text = clean_text(text)
    out = _table_names(_pipe_rows(text), dtype_hint) if "|" in text else []
    read: set[int] = set()
    for rows, caption, indexes in _tab_tables(text.splitlines()) if "\t" in text else ():
        if caption == REFUSED_LIST:
            read.update(indexes)
            continue
        out += _table_names(rows, caption or dtype_hint)
        if _has_header(rows):
            read.update(indexes)
    return out, read


def _has_header(rows: list[list[str]]) -> bool:
    try:
        extract_rows(rows)
    except ValueError:
        return False
    return True


def _columns_as_tabs(text: str) -> str:
    """Columns pasted with runs of spaces (序号   企业名称   所在地) as tab-separated cells: from a header
    row with column names on, the rows that split into as many cells as it."""
    if "  " not in text and "序号" not in text and "名称" not in text:  # (most pages: no table of names)
        return text
    out, width, single, row, name_at = [], 0, False, "", None
    for line in text.splitlines():
        cells = SPACED_COLUMNS.split(line.strip()) if COLUMN_GAPS.search(line) else []
        words, header = line.split(), False
        if len(words) >= 2 and (
            all(word in COLUMN_NAMES for word in words)
            or not cells
            and "|" not in line
            and (
                words[0] in ("序号", "编号")
                and sum(word in COLUMN_NAMES for word in words) >= 2
                or len(words) <= 8
                and _list_header(words)
            )
        ):
            cells, single, header = (
                words,
                True,
                True,
            )  # 序号 企业名称 所在市 / 年度 类型 企业(园区)名称: one space apart
        elif single and words and (words[0].isdigit() or len(words) == width):
            cells = words  # 1 A有限公司 石家庄市 / 2019年(第四批) 绿色工厂 A有限公司: a row under such a header
        if header or any(cell in COLUMN_NAMES for cell in cells):
            width, name_at = len(cells), _name_column(cells)
        elif width and row and len(cells or words) < width and _merged_row(cells or [line.strip()]):
            cells = _aligned(cells or [line.strip()], width, name_at)
        if width and cells and len(cells) == width:
            row, line = line, "\t".join(cells)
        elif width and row and not cells and len(words) == 1 and (joined := _wrapped_cell_joined(row, out[-1], line)):
            out[-1] = joined  # 公司 under 蚌埠淮光玻璃器皿有限
            continue
        else:
            row = ""  # (a line of the table's ends what a wrapped cell can join)
            single = single and bool(cells)
        out.append(line)
    return "\n".join(out)


def _list_header(words: list[str]) -> bool:
    """Words that are a list's column names by list_rows' synonyms: a name column and one more."""
    mapping = header_map([fold(word) for word in words])
    return len(mapping) >= 2 and "name" in mapping.values()


def _aligned(cells: list[str], width: int, name_at: int | None) -> list[str]:
    """A row short of cells whose last is its name, set under the header: the name in the name
    column, a row number first, the cells merged with the row above left empty."""
    at = name_at if name_at is not None and name_at < width else width - 1
    left = cells[:-1][:at]
    numbered = bool(left) and left[0].isdigit()
    left = ([left[0]] if numbered else []) + [""] * (at - len(left)) + left[1 if numbered else 0 :]
    return left + [cells[-1]] + [""] * (width - at - 1)


def _merged_row(cells: list[str]) -> bool:
    """A table row short of cells that ends with a name: its first cells were merged with the row
    above (第五批 | 绿色工厂 | A公司 / B公司): the grouping columns come first."""
    name = cells[-1]
    return _valid(name, bool(PARK_NAME.fullmatch(name))) is not None and not any(
        CELL_PUNCTUATION.search(cell) for cell in cells
    )


def _wrapped_cell_joined(row: str, cells: str, line: str) -> str | None:
    """A cell's end wrapped onto a line of its own, inside a table, joined to a cell of the row
    above: the one whose column it is indented to (by display width: a Han character takes two),
    or the one it completes into a name (蚌埠淮光玻璃器皿有限 / 公司); a note in brackets, the last.
    None: the line is no such end (a heading, a number, a line of its own)."""
    parts, word = cells.split("\t"), line.strip()
    if word.isdigit() or TERM_MARK in word and TERM_PATTERN.search(word) or word in COLUMN_NAMES:
        return None
    if line.startswith("  "):
        starts = [_shown_width(m.group(1)) for m in CELL_START.finditer(row)]
        at = _shown_width(line) - _shown_width(word)
        column = max((i for i, start in enumerate(starts) if start <= at + 1), default=None)
    elif NOTE.fullmatch(word):
        named = (
            [i for i, cell in enumerate(parts) if ENDS_A_NAME.search(cell)] if ENDS_A_NAME.search(word[1:-1]) else []
        )
        # (钟山经济开发区): another name of the row's entity; (冷冻水产品): a note of the row, its column lost
        column = named[-1] if named else len(parts) - 1
    else:
        column = max(
            (i for i, cell in enumerate(parts) if _completes(cell, word)), key=lambda i: len(parts[i]), default=None
        )  # (3 / 有限公司 is no name: the longest cell)
    if column is None or column >= len(parts):
        return None
    parts[column] += word
    return "\t".join(parts)


def _completes(cell: str, word: str) -> bool:
    """The word ends the cell's name, cut inside its ending (…股份有 / 限公司, …有限 / 公司) or
    before it (…电子科技 / 有限公司)."""
    if PARK_ENDING_ONLY.fullmatch(word):  # 贵州毕节高新技术产业 / 开发区
        return (
            not ENDS_A_NAME.search(cell)
            and PARK_NAME.fullmatch(cell + word) is not None
            and HAN_PAIR.match(cell) is not None
        )
    cut = CUT_ENDING.search(cell) is not None or ENDING_ONLY.fullmatch(word) is not None and not NAME_END.search(cell)
    return cut and COMPANY.fullmatch(cell + word) is not None


PARK_ENDING_ONLY = re.compile(r"(?:经济技术|高新技术产业|高新技术|经济|产业|工业)?(?:开发区|园区)")
ENDING_ONLY = re.compile(r"(?:股份|有限|责任|集团)*(?:公司|集团)")


HAN_PAIR = re.compile(r"[\u4e00-\u9fa5]{2}")
CUT_ENDING = re.compile(r"(?:有|有限|有限责|有限责任|股|股份|集|公)$")


CELL_START = re.compile(r"(^ *|.*? {2,})(?=\S)")


def _shown_width(text: str) -> int:
    return sum(2 if "\u2e80" <= c <= "\uffef" else 1 for c in text)


def _pipe_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if "|" in line:
            row = [c.strip() for c in line.strip().strip("|").split("|")]
            if "简称" in line:  # 企业简称: the name column of a table of short names
                row = [SHORT_NAME_HEADERS.get(c, c) for c in row]
            if any(row) and not all(RULE_CELL.fullmatch(c) for c in row):  # not | --- | --- |
                rows.append(row)
        elif TERM_MARK in line and len(line := line.strip()) <= HEADING_LENGTH and label_type(line):
            rows.append([line])  # a caption (二、绿色供应链管理企业): a section row, typing the rows under it
    return rows


def _tab_tables(lines: list[str]):
    """(rows, caption type, line indexes) of each run of tab-separated lines; a merged cell is an
    empty one, a name's end wrapped onto a line of its own (…精密 / 机械有限公司) joins its cell. The
    caption is the type of the last term in the two lines above the run."""
    run: list[list[str]] = []
    start = 0
    for index, line in enumerate([*lines, ""]):
        if (
            "\t" in line
            and line.strip()
            and not (
                run
                and "\t" not in line.strip()
                and _wrapped_column(run[-1], line.strip(), _name_column(run[0])) is not None
            )
        ):  # (\t限公司: a name's end, indented)
            row = [c.strip() for c in line.rstrip().split("\t")]
            if run and _row_goes_on(run, row):  # (…精密电子(集 / 团)有限公司\t斗门区: a cell wrapped in its row)
                run[-1] = [*run[-1][:-1], run[-1][-1] + row[0], *row[1:]]
                continue
            start = index if not run else start
            run.append([SHORT_NAME_HEADERS.get(c, c) for c in row] if "简称" in line else row)
            continue
        if run and (column := _wrapped_column(run[-1], line.strip(), _name_column(run[0]))) is not None:
            run[-1][column] += line.strip()
            continue
        if len(run) >= 2:
            above = [x for x in lines[max(0, start - 2) : start] if TERM_MARK in x]
            terms = list(TERM_PATTERN.finditer(above[-1])) if above else []
            refused = (
                bool(above)
                and REFUSED.search(above[-1]) is not None
                and not any(outcome_column(c.replace(" ", "")) for c in run[0])
            )  # 三、撤销…称号名单: no designations (but a table of outcomes says each row's)
            yield (
                run,
                REFUSED_LIST if refused else term_type(terms[-1].group(0)) if terms else None,
                range(start, index),
            )
        run = []


def _row_goes_on(run: list[list[str]], row: list[str]) -> bool:
    """A row that ends the row before: that row stops short of the header in a name's cell that the
    row's first cell completes, and the two make one row of the header's width."""
    before, width = run[-1], len(run[0])
    return (
        1 < len(run)
        and len(before) < width
        and len(before) + len(row) - 1 == width
        and _wrapped_column(before[-1:], row[0], None) == 0
    )


def _wrapped_column(row: list[str], word: str, name_column: int | None) -> int | None:
    """The cell of a row that a line of its own completes into a name (…精密 / 机械有限公司): the
    name column's when the header names one, else the longest that does, not a number or a place
    (南京市 / 机械有限公司 is no name)."""
    if not word or len(word) > 20 or not WRAPPED_REST.fullmatch(word):
        return None
    cells = [
        (len(cell), i)
        for i, cell in enumerate(row)
        if HAN_PAIR.search(cell)  # (not a number or a code)
        and not ENDS_A_NAME.search(cell)
        and not is_division(cell)
        and COMPANY.fullmatch(cell + word)
        and name_column in (None, i)
    ]
    return max(cells)[1] if cells else None


def _name_column(header: list[str]) -> int | None:
    """The column a list's header names as its entities' (list_rows' header synonyms)."""
    return next((i for i, cell in enumerate(header) if names_column(cell.replace(" ", ""))), None)


def _table_names(rows: list[list[str]], dtype_hint: str | None) -> list[NamedEntity]:
    if not rows:
        return []
    caption = None
    for index, row in enumerate(rows):
        if len(row) == 1 and names_column(fold(row[0])):
            return _one_column(rows[index + 1 :], caption or dtype_hint)
        if len(row) == 1 and TERM_MARK in row[0]:
            caption = label_type(row[0]) or caption
    try:
        extraction = extract_rows(rows)
    except ValueError:
        return _headerless(rows, dtype_hint)
    # a row's type: its type column's or section row's (| 二、绿色园区 | |), else a term in its cells, else the
    # page's; a row of no type is no designation
    out = []
    for row in extraction.rows:
        name = PLACE_LABEL.sub("", _without_note(row.fields.get("name") or ""))  # (东台市:A有限公司)
        if (
            name and not FOOTER.search(name) and not COUNT_CELL.fullmatch(name)
        ):  # (| 合计 | 28家 |)  # (a page's footer after a table: 网络文化经营许可证 苏网文…号)
            dtype = row.designation_type or (
                term_type(m.group(0)) if (m := TERM_PATTERN.search(" ".join(row.fields.values()))) else dtype_hint
            )
            if dtype and not _another_honour(row):
                out.append(NamedEntity(name, dtype, " | ".join(row.fields.values())))
    return out


def _another_honour(row) -> bool:
    """A row whose type column names an honour that is no green designation (智能工厂, 专精特新)."""
    category = row.fields.get("category") or ""
    return (
        bool(category) and not row.designation_type and TERM_MARK not in category and not LEVEL_ONLY.fullmatch(category)
    )


def _without_note(cell: str) -> str:
    """A name cell without the note after it (A有限公司(磷酸一铵), A有限公司*); a branch (A公司(武汉分公司))
    is the name."""
    cell = cell.rstrip(FOOTNOTE_MARKS)
    if (
        cell[-1:] == ")"
        and (note := NOTE.search(cell))
        and not BRANCH_NOTE.fullmatch(note.group())
        and _valid(cell[: note.start()], False)
    ):
        return cell[: note.start()]
    return cell


PLACE_LABEL = re.compile(r"^[\u4e00-\u9fa5]{1,8}[省市县区旗州盟]:")


def _headerless(rows: list[list[str]], dtype: str | None) -> list[NamedEntity]:
    """A pasted table without a header row: the cells that are whole names, typed by a type cell
    of their row, else the type of the rows above (a merged type cell), else the caption's."""
    out = []
    for row in rows:
        typed = [
            t for cell in row if cell and len(cell) <= HEADING_LENGTH and TERM_MARK in cell and (t := label_type(cell))
        ]
        dtype = typed[0] if typed else dtype
        for cell in row:
            cell = PLACE_LABEL.sub("", _without_note(cell))  # (东台市:江苏A有限公司: where it is, then the name)
            park = bool(PARK_NAME.fullmatch(cell))
            if cell and dtype and (park == (dtype == PARK)) and _valid(cell, park):
                out.append(NamedEntity(cell, dtype, " | ".join(row)))
    return out


def _one_column(rows: list[list[str]], dtype: str | None) -> list[NamedEntity]:
    """The names of a one-column table under its name header: a section row (| 二、绿色园区 |)
    types the rows under it; a cell that holds a sentence, a list or a term is no name."""
    out = []
    for row in rows:
        cell = row[0]
        if not cell:
            continue
        if TERM_MARK in cell and (section := label_type(cell)):
            dtype = section
        elif dtype and not CELL_PUNCTUATION.search(cell) and not TERM_PATTERN.search(cell):
            out.append(NamedEntity(cell, dtype, "|".join(row)))
    return out


FULL_NAME_AFTER = re.compile(
    r"\((?!原|曾|即|简称|以下)((?:" + PROVINCE + r")?[\u4e00-\u9fa5()]{2,40}?(?:有限公司|有限责任公司|集团|厂))\)"
)


COUNTY_FIRST = re.compile(r"[\u4e00-\u9fa5]{1,5}?[区县市旗]")


def _county_dropped(entity: NamedEntity) -> NamedEntity:
    """A name led by a county and then its own city or province (大丰区盐城丰海…, 东台市江苏东泰…): the
    county notes where the firm is, out of the order of a registered name; dropped."""
    if (
        not (county := COUNTY_FIRST.match(entity.name))
        or not (region := resolve(county.group(), None))
        or region.county_name != county.group()
    ):
        return entity
    rest = entity.name[county.end() :]
    higher = [name[:2] for name in (region.city_name, region.province_name) if name]
    return (
        replace(entity, name=rest)
        if rest.startswith(tuple(higher)) and _valid(rest, entity.designation_type == PARK)
        else entity
    )


def _full_names(entities: list[NamedEntity], text: str) -> list[NamedEntity]:
    """A short name followed by the full one in brackets (宣城公司(皖江水泥宣城有限公司)…先后获评): both."""
    out = []
    for entity in entities:
        out.append(entity)
        at = text.find(entity.name + "(")
        if (
            at >= 0
            and (full := FULL_NAME_AFTER.match(text, at + len(entity.name)))
            and full.group(1) != entity.name
            and _valid(full.group(1), False)
        ):
            out.append(replace(entity, name=full.group(1)))
    return out


def _english(text: str) -> list[NamedEntity]:
    """Names in English sentences (english.py)."""
    return [NamedEntity(name, dtype, sentence) for dtype, name, sentence in english_names(text)]


def extract_names(text: str, title: str = "") -> list[NamedEntity]:
    """The entities a text says were designated; `title`, its headline, read for the short names
    the text declares (以下简称“A”) only."""
    if "①" in text:  # (before cleaning: NFKC makes ① a bare 1, glued to the name)
        text = CIRCLED.sub(lambda m: f" {ord(m.group(1)) - 0x245F}.", text)
    text = clean_text(text)
    if "." in text:
        text = STOCK_CODE.sub("", text)  # 山东章鼓(002598.SZ): a listed firm's code is no part of its name
    if SITE_FOOTER_MARK.search(text):
        text = SITE_FOOTER.sub("", text)  # Copyright © A有限公司 版权所有: the site's owner, no designation
    text = _columns_as_tabs(text)
    hint = None
    if match := TERM_PATTERN.search(text):
        hint = term_type(match.group(0))
    tabled, read = names_from_text_tables(text, hint)
    if read:
        text = "\n".join(line for index, line in enumerate(text.splitlines()) if index not in read)
    seen, out = set(), []
    prose = names_from_prose(text) + _described(text) + _apposed(text) + _english(text)
    prose += _company_itself(text, tabled + prose)
    if "简称" in text:
        prose += _aliases_designated(text, clean_text(title))
    for entity in map(_county_dropped, _full_names(_renamed(tabled + prose, text), text)):
        key = (entity.name, entity.designation_type)
        if key not in seen and not _only_a_place(entity.name):
            seen.add(key)
            out.append(entity)
    return out


# the title of a list (附件:2022年…创建计划增补名单 / 二、绿色工厂名单): what it lists, until the next one
LIST_TITLE = re.compile(r"(?:名单|名录|清单)(?:\(\S{0,12}\))?[:]?$")
LIST_TITLE_LENGTH = 40
# a sentence that is full names, then the verb that lists them (A公司、B有限公司成功获批)
LISTED_NAMES_THEN_VERB = re.compile(
    r"(?:(?:(?!名单|领跑者|示范|冠军)[^,。;:]){1,12},)?"  # a short lead (防水行业中, / 其中,), not another list's
    r"(?:[\u4e00-\u9fa5()]{4,40}?(?:公司|集团|厂)、)+[\u4e00-\u9fa5()]{4,40}?(?:公司|集团|厂)"
    r"(?:成功|顺利|均|都|全部|同时)?(?:获批|入选|上榜|获评|入围|入列|榜上有名)"
)
STOCK_CODE = re.compile(r"\((?:\d{6}|\d{4,5})\.(?:SZ|SH|BJ|HK)\)", re.I)
SITE_FOOTER_MARK = re.compile(r"版权所有|copyright|©|ICP备", re.I)
SITE_FOOTER = re.compile(r"^[^\n]*(?:版权所有|copyright|©|ICP备)[^\n]*$", re.I | re.M)


# A firm described as designated: 作为…的国家级绿色工厂,A公司… / 2022年晋升为国家级绿色工厂的A,…
APPOSITIVE = re.compile(
    r"作为(?P<what>[^,。;]{0,20}?)(?P<term>" + TERM + r")(?:示范)?(?:企业|单位)?(?:之一)?(?:企业)?,"
)
RELATIVE = re.compile(
    r"(?:晋升为|升级为|入选|获评|被评为|评为|认定为|也是|还是|同时是|既是)(?P<what>[^,。;]{0,12}?)(?P<term>"
    + TERM
    + r")[”\"]?(?:称号)?的"
)
NOT_ONE_NAME = re.compile(r"^(?:企业|单位|公司|有)|分别|是|有(?!限)|为|包括|、|和")
GOES_ON = (
    r"不仅|始终|一直|持续|积极|坚持|通过|在|将|把|以|从|大力|已|还|也|又|正|近年来|多年来|先后|率先|深入|注重|着力|"
    r"围绕|全面|充分|依托|聚焦|每年|不断|主动|致力|,"
)
SUBJECT_AFTER = re.compile(
    r"(?P<name>" + COMPANY_FIRST.pattern + r"(?=[^\u4e00-\u9fa5]|" + GOES_ON + r")|"
    r"[\u4e00-\u9fa5]{2,6}?(?=" + GOES_ON + r"))"
)


def _described(text: str) -> list[NamedEntity]:
    """Firms the text describes as designated, not in a list (作为…绿色工厂,A…; 晋升为…绿色工厂的A,…)."""
    out = []
    if not (APPOSITIVE.search(text) or RELATIVE.search(text)):  # (most pages: no firm described so)
        return out
    for sentence in sentences(text):
        for cue in (*APPOSITIVE.finditer(sentence), *RELATIVE.finditer(sentence)):
            dtype = term_type(cue.group("term"))
            if (
                dtype == PARK
                or NOT_YET.search(cue.group("what"))
                or not (name := SUBJECT_AFTER.match(sentence, cue.end()))
            ):
                continue
            name = name.group("name")
            if NOT_ONE_NAME.search(name):
                continue  # (…绿色工厂的企业分别是A公司: a list, read as one)
            if COMPANY.fullmatch(name) and _valid(name, False) or _short_name(name):
                out.append(NamedEntity(name, dtype, sentence))
    return out


# Names followed by as many of a term as they are (依托A园区、B园区两个省级绿色工业园区 / A公司、B公司2家国家级
# 绿色工厂): the apposition says what they are
APPOSED = re.compile(
    r"(?P<count>\d{1,2}|[两二三四五六七八九十])\s*(?P<unit>个|家)(?:[^,。;、]{0,6}?级)?[“\"]?(?P<term>" + TERM + r")|"
    # A和B2家企业入选绿色工厂名单: the count of firms, then the verb that designates them
    r"(?P<firms>\d{1,2}|[两二三四五六七八九十])\s*(?:家|户)(?:企业|单位|公司)?"
    + SUBJECT_VERB.pattern
    + r"[^,。;、]{0,12}?(?P<firms_term>"
    + TERM
    + r")"
)
APPOSED_ITEMS = re.compile(r"、|以及|和|及|与")
APPOSED_TAIL = re.compile(r"(?:等|共计?|合计|总计)\s*$")  # (A、B等2家 / A、B共2家)
DASH_INSIDE = re.compile(r"(?<=[\u4e00-\u9fa5])[—-]+(?=[\u4e00-\u9fa5])")


def _apposed(text: str) -> list[NamedEntity]:
    """Names in apposition to a count of a term, as many as it counts, in a clause that says no
    step still to come (拟创建A、B两家绿色工厂: not yet)."""
    out = []
    for sentence in sentences(text) if APPOSED.search(text) else ():
        for match in APPOSED.finditer(sentence):
            start = max(sentence.rfind(mark, 0, match.start()) for mark in ",;:") + 1
            clause = APPOSED_TAIL.sub("", sentence[start : match.start()])
            dtype = term_type(match.group("term") or match.group("firms_term"))
            items = APPOSED_ITEMS.split(clause)
            if len(items) != number(match.group("count") or match.group("firms")) or NOT_YET.search(
                sentence, start, match.end()
            ):
                continue
            items = [DASH_INSIDE.sub("", item) for item in items]  # (德阳——阿坝生态经济产业园: one name)
            found = [_name_before(item, len(item), dtype == PARK, clause) for item in items]
            if not all(found) and dtype != PARK and match.group("unit") != "个":  # (firms, not products)
                found = _short_items(items)  # 辖区拥有伊利、百威两家绿色工厂
            if found and all(found):
                out += [NamedEntity(name, dtype, sentence) for name in found]
    return out


def _short_items(items: list[str]) -> list[str]:
    """Short names of firms, the first after the verb that opens the list, or [] if any item is not one."""
    cuts = list(CUT.finditer(items[0]))
    items = [items[0][cuts[-1].end() :] if cuts else items[0], *items[1:]]
    items[0] = items[0][owner.end() :] if (owner := _last_owner(items[0])) else items[0]  # (位于吴江的A)
    shorts = [_without_place_of(_lead(item.strip())) for item in items]
    return shorts if all(_short_name(short) for short in shorts) else []


def _last_owner(item: str) -> re.Match | None:
    owners = list(OWNER.finditer(item))
    return owners[-1] if owners else None


# words of a kind of firm, not a firm's short name (民营、国有等各类企业; 上游和下游2家企业; 一厂、二厂两家绿色工厂)
CATEGORY = re.compile(
    r"(?:国有|民营|央企|国企|省属|市属|外资|合资|独资|龙头|骨干|配套|上游|下游|大型|中型|小型|中小型|新建|改建|扩建|"
    r"储能|电池|电机|零部件|汽车零部件|专精特新|小巨人|各类|其他|其它|[一二三四五六七八九十]厂|规上|规模以上)"
)


def _short_name(short: str, subject: bool = True) -> bool:
    """A firm's short name: not a kind of firm, a trade, a place or a word of the notice; as a clause's
    subject (`subject`), not a generic body or a time either (GENERIC_SUBJECT)."""
    return (
        SHORT_NAME.match(short) is not None
        and not CATEGORY.fullmatch(short)
        and not NOT_A_SHORT_NAME.search(short)
        and not INDUSTRY.fullmatch(short)
        and not is_division(short)
        and (not subject or not GENERIC_SUBJECT.search(short) and short[0] not in NOT_A_FIRST)
    )


# 公司 / 我司 / 该公司 in a firm's own release: the firm, designated again by its clause (2022年公司A产品入选…绿色设计产品)
ITSELF = re.compile(
    r"(?:(?<![\u4e00-\u9fa5])|(?<=[年月日]))(?:该|我|本)?(?:公司|我司)(?:的)?"
    r"(?:(?:也|还|曾|已|又|先后|此前|今年|去年|再次|成功|于|在|20\d{2}年度?)*(?=获评|入选|荣获|获得|被评为|被认定为)|"
    # (公司已于2021年被认定为…; else its product: 公司DC-Q41F球阀入选…)
    r"(?P<product>(?:(?!获评|入选|荣获|获得)[^,。;:、]){0,30}?产品|(?:(?!获评|入选|荣获|获得)[^,。;:、]){0,20}?[A-Za-z0-9](?:(?!获评|入选|荣获|获得)[^,。;:、]){0,20}?))"
    r"(?P<verb>获评|入选|荣获|获得|被评为|被认定为)[^,。;]{0,12}?(?P<term>" + TERM + r")"
)


def _company_itself(text: str, found: list[NamedEntity]) -> list[NamedEntity]:
    """The one company a page names as designated (its own release), again where the page calls it 公司 and
    says it or its product was designated (…公司DC-Q41F球阀入选浙江省绿色设计产品: its design product)."""
    if "公司" not in text and "我司" not in text:
        return []
    firms = {e.name for e in found if e.designation_type != PARK and COMPANY.fullmatch(e.name)}
    if len(firms) != 1:
        return []
    firm, out = firms.pop(), []
    for sentence in sentences(text):
        for match in ITSELF.finditer(sentence):
            dtype = term_type(match.group("term"))
            clause = sentence[max(0, sentence.rfind(",", 0, match.start()) + 1) : match.end()]
            negated = NEGATED.search(sentence, max(0, match.start("verb") - 2), match.start("verb"))
            role = SERVICE.search(clause) or SERVICE.match(sentence, match.end())  # (我司辅导的…, 评价服务资质)
            if dtype == PARK or NOT_YET.search(clause) or FUTURE.search(clause) or negated or role:
                continue
            if match.group("product") is not None and dtype != DESIGN:
                continue  # (公司产品入选…绿色工厂: no)
            out.append(NamedEntity(firm, dtype, sentence))
    return out


FUTURE = re.compile(r"将|争取|力争|计划|拟|希望|目标")
SERVICE = re.compile(r"辅导|服务|客户|评价|指导|帮助|协助|委托|代理|咨询|资质|认证|机构")


def _only_a_place(name: str) -> bool:
    """唐山, 邢台市, 武进区: a division, not an enterprise or a park (…分布在石家庄、唐山、邢台等12个地市)."""
    return len(name) <= PLACE_NAME_LENGTH and not ENDS_A_NAME.search(name[-3:]) and is_division(name)


PLACE_NAME_LENGTH = 8
RENAMING = re.compile(r"[^,。;:!?\n]{0,14}?(?:更名|改名|名称变更|变更名称)为")
NOT_DONE = re.compile(r"拟|未|将|申请|计划|准备|正在")  # (拟更名为, 未更名为: the old name stands)
NEW_NAME = re.compile(r"“?(" + COMPANY.pattern + ")")


def _renamed(entities: list[NamedEntity], text: str) -> list[NamedEntity]:
    """A designated firm the text says was renamed (A公司已更名为B公司) holds its title by its new name."""
    if "名为" not in text and "更为" not in text:
        return entities
    out = []
    for entity in entities:
        new_name = None
        for at in _occurrences(text, entity.name):
            if (
                (verb := RENAMING.match(text, at))
                and not NOT_DONE.search(verb.group(0))
                and (new := NEW_NAME.match(text, verb.end()))
            ):
                new_name = new.group(1)
                break
        out.append(replace(entity, name=new_name) if new_name else entity)
    return out


def _occurrences(text: str, name: str):
    at = text.find(name)
    while at >= 0:
        yield at + len(name)
        at = text.find(name, at + 1)


# A公司(以下简称“A”): the short name the text gives a firm or park
ALIAS_DECLARED = re.compile(r"\((?:以下)?简称[:为]?\s*[“\"]?(?P<alias>[\u4e00-\u9fa5A-Za-z0-9]{2,10})[”\"]?\)")
NOT_AN_ALIAS = re.compile(r"^(?:本|该|我)?(?:公司|集团|企业|园区|我司|我园|单位|中心|基地|平台|产业园|园|厂)$")
# A short name, the subject of its designation verb: times and adverbs only between them (A此前已先后获评…),
# or A是…获评…的3个园区之一
ALIAS_VERB = re.compile(
    r"(?:此前|此次|本次|今年|去年|近日|日前|已经?|先后|也|还|又|同时|再次|再度|成功|顺利|一举|首次|曾|"
    r"于?20\d{2}年度?|在20\d{2}年度?)*"
    r"(?P<products>(?:[\d一二三四五六七八九十两]+(?:款|个|项|种|类))[^,。;]{0,12}?)?"  # (A两款树脂镜片入选…: its products)
    r"(?P<cue>入选|获评|荣获|被评为|被认定为|认定为|评为|上榜|跻身|荣膺|获批|入围|荣登)|"
    r"是(?=[^,。;]{0,40}之一)[^,。;]{0,8}?(?P<one_of>入选|获评)"
)
# the term right after the verb (a level, a year, quotes between), then the terms joined to it
ALIAS_TERM = re.compile(r"[^,。;、和及与]{0,10}?(?P<term>" + TERM + r")(?:\(\d{4}年\))?")
ALIAS_MORE = re.compile(r"(?:和|、|及|与)[^,。;、]{0,8}?(?P<term>" + TERM + r")(?:\(\d{4}年\))?")
ALIAS_NOT_THE_HONOUR = re.compile(r"培育|库|创建|梯度|候选|撤销|摘牌|取消|不合格|落选|若|如果|预计|冲刺|目标|为契机")


def _aliases_designated(text: str, title: str) -> list[NamedEntity]:
    """A short name the text declares (以下简称“A”), the subject of a designation verb, in the text or its
    headline (A此前已先后获评国家级绿色工厂和国家级绿色供应链管理企业 / 重磅|A入选…): of the term right
    after the verb and those joined to it; not a generic word, another honour, a pool, the future, a
    revocation (A曾获评…,今年被撤销), nor what another firm won (A旗下2家企业获评…, A服务的B获评…)."""
    aliases = {m.group("alias") for m in ALIAS_DECLARED.finditer(text)} - {""}
    out = []
    for alias in (a for a in aliases if not NOT_AN_ALIAS.match(a) and _short_name(a, subject=False)):
        for where in (title, text):
            for found in re.finditer(r"(?:^|(?<=[,;:|!?。\s]))" + re.escape(alias), where):
                clause = CLAUSE_AFTER.match(where, found.end()).group()
                if not (verb := ALIAS_VERB.match(clause)) or ALIAS_NOT_THE_HONOUR.search(
                    _sentence_at(where, found.end())
                ):
                    continue
                if not (term := ALIAS_TERM.match(clause, verb.end())) or OTHER_HONOUR.search(
                    clause, verb.end(), term.start("term")
                ):
                    continue
                terms = [term]
                while more := ALIAS_MORE.match(clause, terms[-1].end()):
                    terms.append(more)
                if verb.group("products"):  # (its products: design products only)
                    terms = [t for t in terms if term_type(t.group("term")) == "green_design_product"]
                out += [NamedEntity(alias, term_type(t.group("term")), alias + clause) for t in terms]
    return out


CLAUSE_AFTER = re.compile(r"[^,。;:|!?\s]{0,60}")  # (a headline's clauses: apart by spaces)


def _sentence_at(text: str, position: int) -> str:
    start = max(text.rfind(mark, 0, position) for mark in "。!?\n") + 1
    ends = [i for i in (text.find(mark, position) for mark in "。!?\n") if i >= 0]
    return text[start : min(ends) if ends else len(text)]
