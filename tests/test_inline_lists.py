"""Names a notice's page gives inline (greenmfg/extract/inline_lists.py): its tables, its text and,
where the text names no one as designated, its headline."""

import lxml.html

from greenmfg.extract.inline_lists import inline_lists

PAGE = lxml.html.fromstring("<html><body><p>正文</p></body></html>")


def named(body, title):
    return {dtype: [row.name for row in rows] for dtype, rows in inline_lists(PAGE, body, title).items()}


def test_a_headline_names_the_firm_its_text_only_describes():
    body = "近日,工信部公布2023年度绿色制造名单。公司始终坚持绿色发展理念,建成屋顶光伏电站。"
    assert named(body, "甲乙实业集团有限公司入选国家级“绿色工厂”") == {"green_factory": ["甲乙实业集团有限公司"]}


def test_a_headline_adds_nothing_where_the_text_names_the_designated():
    body = "近日,工信部公布2023年度绿色制造名单,广西甲乙经济技术开发区入选国家级绿色工业园区。"
    assert named(body, "甲乙经开区获评国家级绿色工业园区") == {"green_park": ["广西甲乙经济技术开发区"]}


def test_a_headline_of_a_list_names_no_one():
    assert named("各有关单位:现将名单公布如下。", "关于公布2024年度绿色工厂名单的通知") == {}
