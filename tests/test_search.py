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


@pytest.mark.slow
def test_a_seeded_build_tokenizes_only_the_notices_whose_text_changed(pipeline_home, tmp_path, monkeypatch):
    import shutil

    import duckdb

    from greenmfg import search as search_module

    paths, _ = pipeline_home
    build = tmp_path / "seeded.duckdb"
    shutil.copyfile(paths.published_db, build)
    with duckdb.connect(str(build)) as con:
        key, url = con.execute("select announcement_key, announcement_url from marts.announcement_texts "
                               "order by announcement_key limit 1").fetchone()
        con.execute("update marts.announcement_texts set body_text = body_text || '量子计算机' "
                    "where announcement_key = ?", [key])
        total = con.execute("select count(*) from marts.announcement_texts").fetchone()[0]
    tokenized = []
    monkeypatch.setattr(search_module, "tokens", lambda text: tokenized.append(text) or tokens(text))
    assert search_module.build_index(build) == total
    assert len(tokenized) == 1 and "量子计算机" in tokenized[0]
    assert [row[3] for row in search(build, "量子计算机")] == [url]
