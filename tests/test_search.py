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
        key, url = con.execute(
            "select announcement_key, announcement_url from marts.announcement_texts order by announcement_key limit 1"
        ).fetchone()
        con.execute(
            "update marts.announcement_texts set body_text = body_text || '量子计算机' where announcement_key = ?",
            [key],
        )
        total = con.execute("select count(*) from marts.announcement_texts").fetchone()[0]
    tokenized = []
    monkeypatch.setattr(search_module, "tokens", lambda text: tokenized.append(text) or tokens(text))
    assert search_module.build_index(build) == total
    assert len(tokenized) == 1 and "量子计算机" in tokenized[0]
    assert [row[3] for row in search(build, "量子计算机")] == [url]


def test_a_snippet_marks_the_query_words_in_their_passage():
    from greenmfg.search import snippet

    text = "一" * 100 + "本次共有绿色工厂93家入选，陕西省工业和信息化厅公布。" + "二" * 100
    shown = snippet(text, "綠色工廠 陕西")  # a traditional query marks the simplified text
    # 30 characters either side of the first word of the passage (NFKC: full-width commas as the index reads them)
    assert shown == "…" + "一" * 26 + "本次共有【绿色工厂】93家入选,【陕西】省工业和信息化厅公布。" + "二" * 11 + "…"
    assert snippet("短文：绿色工厂。", "绿色工厂") == "短文:【绿色工厂】。"  # nothing cut: no ellipsis
    assert snippet("正文里没有这个词", "绿色工厂") == ""  # the words are in the title only


def test_the_snippet_is_where_most_query_words_meet():
    from greenmfg.search import snippet

    text = "嘉兴" + "。" * 80 + "嘉兴市绿色工厂名单" + "。" * 80
    assert "【嘉兴】市【绿色工厂】名单" in snippet(text, "绿色工厂 嘉兴")


def test_greenmfg_search_prints_each_notice_with_its_snippet(tmp_path, monkeypatch, capsys):
    import duckdb

    from greenmfg.cli import main
    from greenmfg.search import build_index
    from greenmfg.settings import Paths

    paths = Paths(tmp_path / "home")
    paths.warehouse_dir.mkdir(parents=True)
    with duckdb.connect(str(paths.published_db)) as con:
        con.execute("""create schema marts;
            create table marts.dim_announcement as select * from (values
                ('k1', date '2024-07-09', 'sn_gxt', '关于公布第五批绿色制造名单的通知', 'http://gxt.shaanxi.gov.cn/a.html'),
                ('k2', date '2024-01-02', 'zj_jxt', '关于某会议的通知', 'http://jxt.zj.gov.cn/b.html'))
                t(announcement_key, notice_date, source_id, title, announcement_url);
            create table marts.announcement_texts as select * from (values
                ('k1', '关于公布第五批绿色制造名单的通知', '各有关单位：经评审，陕西省第五批绿色工厂共104家。特此通知。'),
                ('k2', '关于某会议的通知', '会议定于下周召开。'))
                t(announcement_key, title, body_text)""")
    build_index(paths.published_db)
    monkeypatch.setenv("GREENMFG_HOME", str(paths.home))
    assert main(["search", "绿色工厂 陕西"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("2024-07-09  sn_gxt") and out[0].endswith("关于公布第五批绿色制造名单的通知")
    assert out[1].strip() == "http://gxt.shaanxi.gov.cn/a.html"
    assert out[2].strip() == "各有关单位:经评审,【陕西】省第五批【绿色工厂】共104家。特此通知。"
    assert len(out) == 3
    assert main(["search", "量子计算机"]) == 0
    assert capsys.readouterr().out.strip() == "no published notice contains all of '量子计算机'"
