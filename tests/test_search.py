"""Full-text search over the published notices (DuckDB fts, bigram tokens for Chinese)."""

import pytest

from greenmfg.search import search, tokens


def test_tokens_are_letter_only_bigrams_of_simplified_text():
    simplified = tokens("绿色工厂")
    assert len(simplified) == 3 and all(t.isalpha() and t.islower() for t in simplified)
    assert tokens("綠色工廠") == simplified
    assert tokens("2023年") == ["igij"] + tokens("年")  # digits as letters: the fts tokenizer keeps letters only


@pytest.mark.slow
def test_search_finds_notices_by_words_in_either_script(pipeline_home):
    paths, summary = pipeline_home
    assert summary["transform"]["search_index_pages"] >= 40
    jiaxing = search(paths.published_db, "绿色工厂 嘉兴")
    assert jiaxing and jiaxing[0][1] == "jx_jxj"
    shaanxi = search(paths.published_db, "綠色供應鏈 陕西")  # traditional query, simplified pages
    assert {row[1] for row in shaanxi} >= {"sn_gxt", "mirror_big5"}
    assert search(paths.published_db, "量子计算机") == []
