"""Body cleaning on real pages: chrome, spam, duplicated paragraphs."""

from greenmfg.evaluate import document_text
from greenmfg.extract.clean import clean_body


def test_duplicated_paragraphs_are_dropped():
    text = document_text("005")  # chemall prints the whole article twice
    cleaned = clean_body(text)
    assert text.count("绿色工厂874家") == 2 and cleaned.count("绿色工厂874家") == 1


def test_chrome_and_spam_lines_are_dropped():
    text = "信息来源:工业节能与综合利用处 时间:2022-06-30 字体: [大] [中] [小]\n正文第一段。\n扫一扫在手机打开当前页\n  • 标签:火箭vs猛龙全场录像\n"
    assert clean_body(text) == "正文第一段。"


def test_gambling_mirror_keeps_the_article():
    cleaned = clean_body(document_text("062"))
    assert "绿色工厂611家" in cleaned and "返回顶部" not in cleaned and "网站地图" not in cleaned


def test_short_repeated_lines_are_kept():
    assert clean_body("附件:\n正文\n附件:") == "附件:\n正文\n附件:"
