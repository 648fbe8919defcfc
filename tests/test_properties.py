"""Property-based tests (hypothesis) for the text normalizer and the list-table parser."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from greenmfg.extract.list_rows import HEADER_SYNONYMS, NoHeaderFound, extract_rows
from greenmfg.extract.normalize import clean_text, match_key

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
TEXT = st.text(st.one_of(HAN, st.characters(codec="utf-8", exclude_categories=("Cs",))), max_size=40)
PINYIN = st.text(st.sampled_from("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜübcdfghjklmnpqrstwxyz"), min_size=1, max_size=6)
HEADER_WORDS = [w for words in HEADER_SYNONYMS.values() for w in words]


@given(TEXT)
def test_clean_text_is_total_and_width_folded(text):
    cleaned = clean_text(text)
    assert unicodedata.is_normalized("NFKC", cleaned)
    assert isinstance(match_key(text), str)


FULL_WIDTH_MIX = st.text(
    st.one_of(
        HAN,
        st.characters(min_codepoint=0xFF01, max_codepoint=0xFF65),
        st.characters(min_codepoint=0x300, max_codepoint=0x36F),  # combining marks
        st.sampled_from("\u3000 aA1(〔⑴㈠ｶﾞ"),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=40,
)


@given(FULL_WIDTH_MIX)
@settings(max_examples=500)
def test_nfkc_fast_path_equals_unicodedata(text):
    from greenmfg.extract.normalize import nfkc

    assert nfkc(text) == unicodedata.normalize("NFKC", text)


COUNT_TOKENS = [
    "国家级",
    "国家",
    "省级",
    "市级",
    "县",
    "区级",
    "绿色",
    "工厂",
    "绿色工厂",
    "绿色供应链管理企业",
    "绿色设计产品",
    "绿色工业园区",
    "五星级",
    "二",
    "三星级绿色制造工厂",
    "名单",
    "达到",
    "共",
    "为",
    "数",
    "家",
    "个",
    "种",
    "10",
    "3",
    "5.5",
    "两",
    "十一",
    "被评为",
    "企业",
    " ",
    "，",
    ",",
    "、",
    "中",
    "等",
    "绿色工厂8家",
    "国家级绿色工厂35家",
    "五星级绿色工厂 2 家",
    "绿色供应链管理企业数达到12家",
    "绿色园区两个",
]
COUNT_TEXT = st.lists(st.sampled_from(COUNT_TOKENS), max_size=16).map("".join)


@given(COUNT_TEXT)
@settings(max_examples=1000)
def test_term_then_number_scan_equals_finditer(text):
    from greenmfg.extract.facts import TERM_THEN_NUMBER, _term_then_number

    found = [(m.span(), m.groupdict()) for m in _term_then_number(text)]
    assert found == [(m.span(), m.groupdict()) for m in TERM_THEN_NUMBER.finditer(text)]


def test_term_then_number_starts_where_the_scan_looks():
    """The scan tries a term's start and the level words right before it: each level word (and
    以上) must be found there, and every term must begin with 绿色 or a star rating."""
    from greenmfg.extract.facts import LEVEL_BEFORE, TERMS

    for word in (
        "国家级",
        "国家层面",
        "国家",
        "省级",
        "自治区级",
        "兵团级",
        "市级",
        "县级",
        "区级",
        "省级以上",
        "市级及以上",
    ):
        text = "全省" + word
        assert LEVEL_BEFORE.search(text, 0, len(text)).start() == 2, word
    assert all(pattern.startswith(("绿色", "[二三四五]星级绿色")) for pattern, _ in TERMS)


@given(st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=30))
def test_match_key_ignores_full_width_forms(ascii_text):
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in ascii_text)  # ！ … ～
    assert match_key(full_width) == match_key(ascii_text)


@given(st.lists(st.tuples(HAN, st.one_of(st.none(), PINYIN)), min_size=1, max_size=20))
def test_injected_pinyin_never_changes_the_text(pairs):
    plain = "".join(han for han, _ in pairs)
    injected = "".join(han + (f"({reading})" if reading else "") for han, reading in pairs)
    assert clean_text(injected) == clean_text(plain)


CELL = st.one_of(st.sampled_from(HEADER_WORDS + ["", "一、家用洗涤剂", "备注：无"]), st.text(max_size=8))


@given(st.lists(st.lists(CELL, max_size=6), max_size=12))
def test_any_table_parses_or_says_it_has_no_header(table):
    try:
        extraction = extract_rows(table)
    except NoHeaderFound:
        return
    assert len(extraction.rows) + len(extraction.skipped) <= len(table)
    assert all(row.fields.get("name") or row.fields.get("product_name") for row in extraction.rows)


NAME = st.text(HAN, min_size=2, max_size=12).filter(lambda n: n not in HEADER_WORDS)


@st.composite
def list_tables(draw):
    """A list as issuers print it: a title, a header, data rows, category rows, repeated
    headers (a new PDF page) and blank rows; returns (table, expected (category, name) rows)."""
    header = [
        "序号",
        draw(st.sampled_from(["地区", "所在地区", "省份"])),
        draw(st.sampled_from(["企业名称", "单位名称", "工厂名称"])),
    ]
    table, expected, category = [["2023年度绿色工厂名单", "", ""], header], [], None
    for seq, name in enumerate(draw(st.lists(NAME, min_size=1, max_size=30)), start=1):
        extra = draw(st.sampled_from(["", "category", "repeat", "blank"]))
        if extra == "category":
            category = f"{draw(st.sampled_from('一二三四五'))}、{draw(st.text(HAN, min_size=1, max_size=6))}"
            table.append([category, "", ""])
        elif extra == "repeat":
            table.append(list(header))
        elif extra == "blank":
            table.append(["", "", ""])
        table.append([str(seq), draw(st.sampled_from(["北京", "浙江省", "宁波"])), name])
        expected.append((category, name))
    return table, expected


@settings(max_examples=200)
@given(list_tables())
def test_every_listed_name_comes_back_and_nothing_else(case):
    table, expected = case
    rows = extract_rows(table).rows
    assert [(row.category, row.fields["name"]) for row in rows] == expected
