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
A sentence without a term continues the one before it (其中,A公司…), a heading (一、绿色工厂 /
A公司、B公司) or a list that ended the sentence before (…:1.A公司;2.B公司).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from greenmfg.extract.facts import TERM, TERM_MARK, TERM_PATTERN, sentences, term_type
from greenmfg.extract.list_rows import _LOOKUP, extract_rows, fold
from greenmfg.extract.normalize import clean_text

PARK = "green_park"
PROVINCES = ("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
             "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
             "陕西", "甘肃", "青海", "宁夏", "新疆")
PROVINCE = "|".join(PROVINCES)

# Name endings. Every legal form ends in 公司; 厂 is an enterprise's (佳木斯电机厂), not 工厂, a term's.
COMPANY_END = r"公司|集团|厂(?<!工厂)"
COMPANY_ENDS = ("公司", "集团", "厂")
PARK_END = r"园区|开发区|高新区|新区|示范区|集中区|集聚区|投资区|合作区|业园(?!区)|技园(?!区)|创园(?!区)|基地"
# One flat alternation of literals: sre skips ahead by their first characters (a group or a
# class in front of a branch makes it try every branch at every position, 5x slower).
NAME_END = re.compile(COMPANY_END + "|" + PARK_END)
# What may follow a name in its clause. A park followed by 的 or 有 is a place (XX开发区的企业,
# XX开发区有3家), a company so followed is an owner (A公司的产品) or in a list (A公司有限…: 有 is not).
TRAIL = (r"等|\d|[一二三四五六七八九十两]+(?:家|个|户|种|款|项|型号)|"  # 等3家, 7个型号…
         r"入选|入围|入榜|上榜|榜上有名|获|荣获|荣膺|被|成功|顺利|均|同时|再次|也|又|分别|成为|经过|经|列入|进入|名列|"
         r"跻身|通过|是|为|作为|申报|参评|位列|首次|正式|此次|本次|今年|凭借|还|共|已(?!有)|认定|确定|评定|评为|"
         r"列为|命名|获得|推荐|荣登|登上|授予|颁发|授牌|给予|予以|"
         r"和|及|与|以及|、|,|:|＂|”|】|\)(?![\u4e00-\u9fa5A-Za-z0-9])|$")
PARK_TRAIL = re.compile(TRAIL + r"|\(|管委会|管理委员会")  # 建德经济开发区(建德…产业园区): the alias is not the name
# (after 公司 a parenthesis is a note, A有限公司(2款产品); after 集团 part of the name, X集团(控股)有限公司)
COMPANY_TRAIL = re.compile(TRAIL + r"|的|在|于|将|有(?!限)|已|从|以|生产|设计|研发|制造|(?<=司)\(")
# A company's factory or branch named after it (A有限公司金桥工厂, A股份有限公司B分厂): no 绿色 in it
BRANCH = re.compile(r"(?:(?!绿色)[\u4e00-\u9fa5]){1,8}?(?:工厂|分厂|车间)")
# A prefix's last cue: the name starts after it. None of these is ever inside a name.
CUT = re.compile(r"分别是|分别为|分别有(?!限)|依次是|依次为|具体是|具体为|主要有|主要包括|包括了?|包含了?|其中|如下|"
                 r"名单|认定|确定|授予|祝贺|恭喜|推荐|同意|公示|评审|评选出?|命名|表彰|获悉|了解到|据悉|现将|拟将|将以|"
                 r"将(?<=[省市县区州旗盟]将)(?!军)|有(?<=[共还已另现拥则也仍省市县区州旗盟]有)(?!限)|家\(|个\(|户\(|:|"
                 + "|".join(noun + verb for noun in ("企业", "单位", "工厂", "园区") for verb in ("是", "为", "有(?!限)")))
# What a name never starts with, stripped from the front again and again: a list number,
# conjunctions and adverbs, the speaker (我市, 本区), a quantity (3家企业), and 将 / 把 / 对 / 被
# unless they are a place's first character (将乐县).
LEAD = re.compile(r"(?:[-—•·“【\s]+|\d+[.、)\s]|\(\d+\)|\((?=[^)]*$)|[①-⑳]|[一二三四五六七八九十]+[、.]|以及|和|及|与|此次|本次|今年|去年|近日|日前|"
                  r"目前|同时|此外|另外|其中|分别|(?:我|本|全|该)[省市县区州旗盟]|[省市区县]内|辖区内?|当地|"
                  r"(?:\d+|[一二三四五六七八九十两]+)(?:家|个|户|项)(?:企业|单位|公司|园区)?|"
                  r"这是|也是|继|[将把对被](?![\u4e00-\u9fa5][县市区旗])|[\u4e00-\u9fa5]{1,4}[县区](?=" + PROVINCE + "))+")
# Prepositions that also start names (向阳…, 为民…, 由…): stripped only when the name after them
# starts with a province or is the object of another verb (向A公司授予…, 由A公司申报的…)
PREPOSITION = "向为给由从据在经"
FRAME_VERB = re.compile(r"(?:公司|集团|厂)(?:授予|颁发|授牌|给予|予以|发放|申报|牵头|承担|颁授|生产)")
PROVINCE_FIRST = re.compile(PROVINCE)
COMPANY = re.compile(r"[\u4e00-\u9fa5A-Za-z0-9()·&.\-]{2,50}(?:" + COMPANY_END
                     + r")(?:[\u4e00-\u9fa5]{1,8}?(?:工厂|分厂|车间))?")
PARK_NAME = re.compile(r"[\u4e00-\u9fa5]{2,30}(?:" + PARK_END + ")")
# A body that names no one: 上述公司, 3家公司, 该集团 …; a park that is only generic words (经济技术开发区)
GENERIC_BODY = re.compile(r"^(?:[该本其子分母总各两这此某多数]|上述|相关|有关|这些|其他|其它|下属|旗下|入选|获评|"
                          r"\d+|[一二三四五六七八九十两几]+)家?(?:企业|单位|工业)?(?:公司|集团|厂)$")
GENERIC_PARK = re.compile(r"国家级|省级|市级|经济技术|经济|高新技术|高新|技术|产业|工业|化学|化工|科技|创业|现代|生态|"
                          r"循环|低碳|示范|综合|保税|出口加工|企业|和|与|及|以上|以下|各|相关|有关|重点|所在|所有|该|本|全|" + PARK_END)
# A company's location before its name: a new area (赣江新区春光线缆有限公司) is not part of it
NEW_AREA = re.compile(r"^[\u4e00-\u9fa5]{2,4}新区(?=[\u4e00-\u9fa5]{2})")
# 飞鹤乳业、香其食品等38家工厂入选: short names counted after 等 are designated; the head (工厂) may type them
COUNTED = re.compile(r"等[^,、]{0,8}?(?:\d+|[一二三四五六七八九十两]+)(?:家|个|户)(?P<head>[\u4e00-\u9fa5]{0,12})")
# 美的 is a brand (广东美的制冷设备有限公司), any other X的Y a description of Y (中山的A公司)
OWNER = re.compile(r"(?<!美)的")
CONJUNCTION = re.compile(r"以及|和|及(?!其)|与")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|《[^》]*》")
QUOTE_MARKS = re.compile(r"[“\"《]")
# A sentence names designated entities only when it says they were listed.
DESIGNATION_CUE = re.compile(r"入选|上榜|榜上有名|获评|被评为|入围|入榜|认定|确定|名单|获批|成为|分别是|分别为|称号|授予|"
                             r"命名|列入|列为|脱颖而出|荣获|荣膺|跻身|公布|公示")
# …绿色园区3家(A、B、C) | 绿色工厂:A、B | 绿色工厂有A、B: a count or a term that opens a list of
# names. Apart from the cues: a branch led by a common character (家, 个, 企) would make sre try
# it all along every sentence.
LISTED = re.compile(r"[家个户种项款][(:]|(?:工厂|园区|企业|产品)(?:\([^)]*\))?(?::|有(?!限))")
SHORT_NAME = re.compile(r"^[\u4e00-\u9fa5A-Za-z()·]{2,12}$")
SHORT_TRAIL = re.compile(r"(?:等|上榜|入选|榜上有名|获评|入围|被评为|成为|经过|成功|均|分别|\d|"
                         r"[一二三四五六七八九十两]+(?:家|个|户|种|款|项)).*$")
# Not a short name: a term, a number, a word of the notice, a place (宜都市, 平湖市, 浙江)
NOT_A_SHORT_NAME = re.compile(TERM + r"|\d|名单|企业|公司|单位|[省市县区州旗盟镇乡]$|^(?:" + PROVINCE + ")$")
NOT_A_FIRST = frozenset("这那该此其是")  # 这是继A公司…: a clause the prefix rules did not strip
HEADING_LENGTH = 30  # a line this short naming a term and no one is a heading (一、绿色工厂; 绿色园区名单如下:)


@dataclass
class NamedEntity:
    name: str
    designation_type: str | None
    evidence: str


def _designated(text: str) -> bool:
    """Whether a sentence or clause says that the entities it names were listed."""
    return DESIGNATION_CUE.search(text) is not None or (
        ("(" in text or ":" in text or "有" in text) and LISTED.search(text) is not None)


def _name_in(item: str, ends: list[tuple[int, bool]], in_park_clause: bool, clause: str) -> tuple[str, bool] | None:
    """The name an item of an enumeration holds, and whether it is a park; None if it holds none.
    `ends`: where the item's name endings end, and whether each is a park's. The name ends at the
    first one that a trail follows (a company named as the subject of anything else, A公司委托…,
    is not said to be designated)."""
    for end, park in ends:
        if park:
            trailed = PARK_TRAIL.match(item, end)
        elif not (trailed := COMPANY_TRAIL.match(item, end)):
            if (branch := BRANCH.match(item, end)) and COMPANY_TRAIL.match(item, branch.end()):
                trailed, end = branch, branch.end()  # A有限公司金桥工厂: a company's factory, named after it
        if trailed and (name := _name_before(item, end, park, clause)):
            return (name, park) if in_park_clause or not park else None
    return None


def _name_before(item: str, end: int, park: bool, clause: str) -> str | None:
    """The name that ends at `end`: after the prefix's last cue, without leads."""
    cut = 0
    for cut in CUT.finditer(item, 0, end - 3):
        pass
    name = _lead(item[cut.end() if cut else 0:end])
    if "的" in name and (owner := list(OWNER.finditer(name))):
        tail = _lead(name[owner[-1].end():])
        if _valid(tail, park) is not None:
            name = tail
    if not park and "新区" in name:
        name = NEW_AREA.sub("", name)
    if name and name[0] in PREPOSITION and (PROVINCE_FIRST.match(name, 1) or FRAME_VERB.search(clause)):
        name = name[1:]
    return _valid(name, park)


def _lead(text: str) -> str:
    return text[lead.end():] if (lead := LEAD.match(text)) else text


def _valid(name: str, park: bool) -> str | None:
    if park:
        if not PARK_NAME.fullmatch(name) or len(GENERIC_PARK.sub("", name)) < 2:
            return None
    elif not COMPANY.fullmatch(name) or len(name) <= 8 and GENERIC_BODY.match(name) or name[-1] == "厂" and len(name) < 4:
        return None
    if "的" in name and OWNER.search(name) or name[0] in NOT_A_FIRST or TERM_MARK in name and TERM_PATTERN.search(name):
        return None
    return name


def names_from_prose(text: str) -> list[NamedEntity]:
    """Enumerations in sentences that name a designation, or that continue one: names under a
    heading (绿色工厂: / A公司、B公司; 绿色设计产品入选数量最多。/ A厂的产品入选), a 其中
    sentence after one that named the term."""
    out: list[NamedEntity] = []
    heading = None  # the type of the nearest heading, while the lines after it continue it
    listing = None  # the type of the names that ended the sentence before (…:1.A公司;2.B公司)
    previous = None  # the sentence before, when it named a term: a 其中 sentence continues it
    for sentence in sentences(text):
        if TERM_MARK not in sentence:
            if heading is None and previous is None and listing is None:
                continue
            if previous is not None and sentence.startswith("其中"):
                out += _continuing(sentence, previous)
            elif heading is not None or listing is not None:
                if continued := _under_heading(sentence, heading or listing, heading is None):
                    out += continued
                elif len(sentence) > HEADING_LENGTH:
                    heading = None
                if not continued:
                    listing = None
            previous = None
            continue
        previous = sentence
        listing = None
        designated = _designated(sentence)
        if not designated and len(sentence) > HEADING_LENGTH:
            heading = None
            continue
        matches = list(TERM_PATTERN.finditer(sentence))
        if not matches:
            heading = None
            continue
        ends = _name_ends(sentence, matches)
        if designated and (ends or "等" in sentence):
            if found := _clause_names(sentence, [(m.start(), term_type(m.group(0))) for m in matches], ends):
                out += found
                listing = found[-1].designation_type if sentence.endswith(found[-1].name) else None
        elif designated:  # …绿色工厂名单公布。/ A公司、B公司: the list may follow
            listing = term_type(matches[-1].group(0))
        # a line that names a term and no one, short or opening a list (…名单如下:), is a heading:
        # the lines after it may list names
        heading = term_type(matches[-1].group(0)) if not ends and (
            len(sentence) <= HEADING_LENGTH or designated and sentence.endswith((":", "如下"))) else None
    return out


def _name_ends(sentence: str, terms: list[re.Match] = ()) -> list[tuple[int, int, bool]]:
    """The sentence's name endings (start, end, is a park's) outside its designation terms (绿色园区
    has one, at the term's end): a sentence without one has no full name and is not split."""
    term_ends = {term.end() for term in terms}
    return [(match.start(), match.end(), match.group() not in COMPANY_ENDS) for match in NAME_END.finditer(sentence)
            if match.end() not in term_ends]


def _continuing(sentence: str, previous: str) -> list[NamedEntity]:
    """其中,A公司… after a sentence that named the designation: its terms type the names."""
    if not (ends := _name_ends(sentence)) or not (_designated(previous) or _designated(sentence)):
        return []
    return _clause_names(sentence, [(-1, term_type(m.group(0))) for m in TERM_PATTERN.finditer(previous)], ends)


def _under_heading(sentence: str, heading: str, listing: bool) -> list[NamedEntity]:
    """Names in the lines after a heading (一、绿色工厂 / A公司、B公司): a line of names alone, or
    a sentence that says they were designated (A厂的产品入选). After a list that ended the
    sentence before (…入选绿色工厂:1.A公司;2.B公司): a line of names alone."""
    if not (ends := _name_ends(sentence)):
        return []
    if listed := _name_list(sentence):
        return [NamedEntity(name, PARK if park else heading, sentence) for name, park in listed
                if (heading == PARK) == park]
    if _designated(sentence) and not listing:
        return _clause_names(sentence, [(-1, heading)], ends)
    return []


def _items(clause: str, ends: list[tuple[int, int, bool]]) -> list[tuple[int, str]]:
    """The items of an enumeration, each with its start: 、 separates them, and 和 / 及 / 与 / 以及
    once a name ended before in the item (A公司和B公司; A厂的产品和B钢): a 和 inside a name
    (中国石油和化学工业…) is kept. `ends`: the clause's name endings (start, end, park), in order."""
    if "、" not in clause and "和" not in clause and "及" not in clause and "与" not in clause:
        return [(0, clause)]
    items = []
    start = next_end = 0
    for piece in clause.split("、"):
        stop = start + len(piece)
        while next_end < len(ends) and ends[next_end][0] < start:
            next_end += 1
        first = ends[next_end][1] if next_end < len(ends) and ends[next_end][1] <= stop else None
        if first is not None and (conjunction := CONJUNCTION.search(clause, first, stop)):
            head = start
            while conjunction:
                items.append((head, clause[head:conjunction.start()]))
                head = conjunction.end()
                conjunction = CONJUNCTION.search(clause, head, stop)
            items.append((head, clause[head:stop]))
        else:
            items.append((start, piece))
        start = stop + 1
    return items


def _name_list(sentence: str) -> list[tuple[str, bool]] | None:
    """A line that is only names (A公司、B公司 / 1.A公司), or None."""
    names = []
    for item in sentence.replace(",", "、").split("、"):
        item = _lead(item.strip(" ,;"))
        if not item:
            continue
        park = bool(PARK_NAME.fullmatch(item))
        if _valid(item, park) is None:
            return None
        names.append((item, park))
    return names or None


def _clause_names(sentence: str, terms: list[tuple[int, str | None]],
                  ends: list[tuple[int, int, bool]]) -> list[NamedEntity]:
    """The names of a sentence's enumerations, clause by clause (`ends`: its name endings)."""
    masked = sentence
    if QUOTE_MARKS.search(sentence):  # a quoted title (《…名单》, “绿色工厂”) names no one
        quotes = [m.span() for m in QUOTED.finditer(sentence)]
        pieces, last = [], 0
        for a, b in quotes:  # masked in place: positions stay those of the sentence
            if sentence[b - 1] == "”" and NAME_END.search(sentence, b - 4, b - 1):
                continue  # “A有限公司”: a quoted name is a name
            pieces += [sentence[last:a], "＂" * (b - a)]
            last = b
        masked = "".join(pieces) + sentence[last:]
        ends = [end for end in ends if masked[end[0]] != "＂"]
    out = []
    offset = next_end = 0
    for clause in masked.split(","):
        start, offset = offset, offset + len(clause) + 1
        clause_ends = []  # the clause's name endings, from its start (ends are in order)
        while next_end < len(ends) and ends[next_end][0] < offset:
            end_start, end, park = ends[next_end]
            clause_ends.append((end_start - start, end - start, park))
            next_end += 1
        counted = COUNTED.search(clause) if "等" in clause else None
        if not counted and not clause_ends:
            continue
        clause_terms = [t for pos, t in terms if start <= pos < offset]
        in_park_clause = PARK in clause_terms if clause_terms else any(t == PARK for _, t in terms)
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
            found.append(_name_in(item, item_ends, in_park_clause, clause) if item_ends else None)
        names = [n for n in found if n]
        if not names and not counted:
            continue
        last_end = start + clause.rfind(names[-1][0]) + len(names[-1][0]) if names else offset
        company_type = _company_type(terms, masked, clause, start, offset, last_end)
        respective = _respective(masked, terms, last_end, len(names))
        index = 0
        for (at, item), entity in zip(items, found):
            if entity:
                name, park = entity
                dtype = PARK if park else (respective[index] if respective else company_type)
                if not park and not respective and len(items) > 1 and (
                        own := _own_term(terms, start + at + item.find(name) + len(name), start + at + len(item))):
                    dtype = own  # A公司(绿色工厂)、B公司入选绿色供应链管理企业: each item its own term
                index += 1
                if dtype and (park or dtype != PARK):
                    out.append(NamedEntity(name, dtype, sentence))
            elif len(items) > 1 and _designated(clause):
                short = SHORT_TRAIL.sub("", _lead(item.strip()))
                if counted and 0 <= clause.find(short) < counted.start():
                    dtype = _head_type(counted) or company_type
                elif names:
                    dtype = company_type
                else:
                    continue
                if dtype and dtype != PARK and SHORT_NAME.match(short) and not NOT_A_SHORT_NAME.search(short):
                    out.append(NamedEntity(short, dtype, sentence))
    return out


def _own_term(terms, start: int, end: int) -> str | None:
    """The first term in an item of an enumeration after its name (A公司(绿色工厂)), not a park's."""
    return next((t for pos, t in terms if start <= pos < end and t != PARK), None)


def _head_type(counted: re.Match) -> str | None:
    """The type the noun after 等N家 gives: a term, or 工厂 alone."""
    head = counted.group("head")
    if match := TERM_PATTERN.match(head):
        return term_type(match.group(0))
    return "green_factory" if head.startswith("工厂") else None


def _company_type(terms, sentence: str, clause: str, start: int, end: int, last_name: int) -> str | None:
    """A company's type: the clause's term after its names (A、B入选绿色工厂), else before them
    (绿色工厂中,A、B), else the nearest clause's — the term before a parenthesis the clause is in
    (绿色工厂48家(其中,A公司…)), before it when the clause says it designates (…名单,A公司入选),
    after it when it only enumerates (A公司,B公司入选绿色供应链…). Never a park."""
    companies = [(pos, t) for pos, t in terms if t != PARK]
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


def names_from_text_tables(text: str, dtype_hint: str | None = None) -> list[NamedEntity]:
    """Pipe tables pasted as text; a one-column table needs only its name header."""
    text = clean_text(text)
    if "|" not in text:
        return []
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines() if "|" in line]
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    for index, row in enumerate(rows):
        if len(row) == 1 and _LOOKUP.get(fold(row[0])) == "name":
            return [NamedEntity(r[0], dtype_hint, "|".join(r)) for r in rows[index + 1:] if r[0]]
    try:
        extraction = extract_rows(rows)
    except ValueError:
        return []
    return [NamedEntity(r.fields["name"], term_type(m.group(0)) if (m := re.search(TERM, " ".join(r.fields.values()))) else dtype_hint,
                        " | ".join(r.fields.values())) for r in extraction.rows if r.fields.get("name")]


def extract_names(text: str) -> list[NamedEntity]:
    hint = None
    if match := TERM_PATTERN.search(clean_text(text)):
        hint = term_type(match.group(0))
    seen, out = set(), []
    for entity in names_from_text_tables(text, hint) + names_from_prose(text):
        key = (entity.name, entity.designation_type)
        if key not in seen:
            seen.add(key)
            out.append(entity)
    return out
