"""`greenmfg sources list|check` against the registry and the mirror."""

from greenmfg.cli import main
from scrapers import registry


def test_sources_list_shows_every_source(capsys):
    assert main(["sources", "list"]) == 0
    out = capsys.readouterr().out
    assert all(source_id in out for source_id in registry())
    assert len(registry()) >= 15  # MIIT, 10 provinces, 4+ cities/counties, mirrors


def test_sources_check_reports_items_and_the_newest_article(capsys, monkeypatch):
    monkeypatch.delenv("GREENMFG_MIRROR_URL", raising=False)
    assert main(["sources", "check", "sn_gxt"]) == 0
    out = capsys.readouterr().out
    assert "items found with 'ul.list > li': 2" in out
    assert "2024-07-09" in out and "2024072317102797379.xls" in out
