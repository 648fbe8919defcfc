"""Normalization: pinyin injection, traditional characters, widths."""

import pytest

from greenmfg.extract.normalize import clean_text, match_key, strip_pinyin


@pytest.mark.parametrize(
    "raw,clean",
    [
        ("省工信廳發(fā)布第六批省級綠色制造名單", "省工信厅发布第六批省级绿色制造名单"),
        ("綠色供應(yīng)鏈管理企業", "绿色供应链管理企业"),
        ("綠色工廠(chǎng)3家", "绿色工厂3家"),
        ("創(chuàng )建", "创建"),
        ("陜西新增省級綠色工廠104家", "陕西新增省级绿色工厂104家"),
        ("ＡＢＣ（中国）１２３", "ABC(中国)123"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_pinyin_removal_keeps_real_parentheses():
    assert strip_pinyin("施耐德电气制造(武汉)有限公司") == "施耐德电气制造(武汉)有限公司"
    assert strip_pinyin("(2019-2021)") == "(2019-2021)"


def test_match_key_equates_a_mirror_title_with_the_original():
    original = "关于公布江苏省绿色工厂（第二批）名单的通知"
    mirror = "關於公佈江蘇省綠色工廠(第二批)名單的通知"
    assert match_key(original) == match_key(mirror)


def test_the_convertible_check_finds_every_convertible_character():
    """The fast check OpenCC is skipped on: every character a conversion can change is found,
    in the BMP and beyond it, and simplified text passes unconverted."""
    from greenmfg.extract.normalize import _convertible, has_convertible

    chars = _convertible()
    assert any(ord(c) > 0xFFFF for c in chars)
    assert all(has_convertible(f"绿色工厂{c}名单") for c in chars)
    assert not has_convertible("关于公布2024年度绿色制造名单的通知（第一批）𠀀")


@pytest.mark.parametrize(
    "raw,clean",
    [
        ("綠lǜ色sè工gōng廠chǎng", "绿色工厂"),  # each reading bare after its character
        ("企業(yè)綠色(lǜ sè)工廠", "企业绿色工厂"),  # several readings in one parenthesis
        ("甲乙&nbsp;丙丁&amp;戊", "甲乙 丙丁&戊"),  # entities a page printed as text
    ],
)
def test_mirror_noise_out(raw, clean):
    assert clean_text(raw) == clean


def test_latin_text_without_a_reading_is_kept():
    assert clean_text("晶科Tiger Neo组件 café") == "晶科Tiger Neo组件 café"
