"""The real pages of corpus/reference/pages2 in the offline corpus: each one catalogued under the
site that issued or reported it, served at its real URL, and found by its source's spider."""

import importlib.util
import sys

import yaml

from greenmfg.mirror.server import MirrorThread
from greenmfg.scrape import scrape
from greenmfg.settings import CORPUS_DIR, Paths
from scrapers.registry import LEVELS, load_registry

PAGES2 = CORPUS_DIR / "reference" / "pages2"
# a doubled slash the mirror reads as a host (corpus/README.md): served at the single-slash path
SERVED_AT = {
    "http://fs.ztjsxw.com//shengtaihuanbao/2019-04-22/1264.html": "http://fs.ztjsxw.com/shengtaihuanbao/2019-04-22/1264.html"
}


def _build_sites():
    spec = importlib.util.spec_from_file_location("build_sites", CORPUS_DIR / "build_sites.py")
    module = sys.modules.setdefault("build_sites", importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


build_sites = _build_sites()


def index() -> dict[str, str]:
    """pages2 page number → its real URL (INDEX.tsv)."""
    lines = (PAGES2 / "INDEX.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {n: url for n, url, *_ in (line.split("\t") for line in lines if line.strip())}


def pages2_catalogs() -> dict[str, dict]:
    catalogs = {}
    for path in sorted((CORPUS_DIR / "catalog").glob("*.yaml")):
        catalog = yaml.safe_load(path.read_text(encoding="utf-8"))
        if any(str(e["ref"]).startswith("p2:") for e in catalog["entries"]):
            catalogs[catalog["source"]] = catalog
    return catalogs


def test_every_pages2_page_is_catalogued_and_served_at_its_real_url():
    entries = {e["ref"][3:]: e for c in pages2_catalogs().values() for e in c["entries"]}
    real = index()
    assert len(real) == 30 and set(entries) == set(real)
    for number, url in real.items():
        assert entries[number]["url"] == SERVED_AT.get(url, url), number
        assert build_sites.site_file(entries[number]["url"]).is_file(), number


def test_a_pages2_ref_reads_the_real_text():
    description, text = build_sites.read_ref("p2:202")
    assert description.startswith("湖北襄阳新增6家国家级绿色工厂")
    assert "万洲电气股份有限公司" in text and not text.startswith("http")


def test_a_query_is_part_of_the_file_name_and_a_port_is_not_part_of_the_host():
    served = build_sites.site_file("http://www.360elib.com:2027/detail.aspx?NewsCode=NC1033&NewsId=5")
    assert served == build_sites.SITES / "www.360elib.com" / "detail.aspx%3FNewsCode%3DNC1033%26NewsId%3D5"


def test_a_built_attachment_is_kept_so_a_rebuild_changes_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(build_sites, "SITES", tmp_path)
    page = build_sites.Page(
        "021",
        "http://example.gov.cn/art/2024/1/2/art_1_2.html",
        "2024-01-02",
        "名单",
        [("名单.xlsx", "附件：绿色工厂名单", ["某某有限公司"])],
    )
    site = build_sites.Site("x", "jcms", "http://example.gov.cn/col/col1/index.html", "某厅", pages=[page])
    written: set = set()
    build_sites.build_site(site, written)
    attachment = next(p for p in written if p.suffix == ".xlsx")
    before = (attachment.read_bytes(), attachment.stat().st_mtime_ns)
    build_sites.build_site(site, set())
    assert (attachment.read_bytes(), attachment.stat().st_mtime_ns) == before


def test_every_pages2_source_loads_with_an_honest_level_and_its_hosts():
    registry = load_registry()
    catalogs = pages2_catalogs()
    assert len(catalogs) == 30  # one source per real host
    for source, catalog in catalogs.items():
        config = registry[source]
        assert config.level in LEVELS and config.issuer == catalog["issuer"]
        assert catalog["list_url"] in config.list_urls
        assert {build_sites.site_host(e["url"]) for e in catalog["entries"]} <= config.allowed_hosts()
        if config.level == "mirror":
            assert set(config.mirror_of) <= set(registry)
        else:  # a department's own site: its region is the issuer's
            assert config.region_code
    assert {s for s, c in catalogs.items() if registry[s].level != "mirror"} == {"tj_bd_gxj", "ln_ly_gxj"}


def test_every_pages2_source_scrapes_its_articles_from_the_mirror(tmp_path, monkeypatch):
    catalogs = pages2_catalogs()
    with MirrorThread() as mirror:
        monkeypatch.setenv("GREENMFG_MIRROR_URL", mirror.url)
        results = scrape(Paths(tmp_path), "r1", sorted(catalogs))  # an empty list page fails its source
    got = {r["source_id"]: r["articles"] for r in results}
    assert got == {s: len(c["entries"]) for s, c in catalogs.items()}
    assert all(r["failed"] == 0 and not r["skipped"] for r in results)


def test_a_pages2_source_before_its_page_was_published_lists_nothing_and_does_not_fail(tmp_path, monkeypatch):
    catalogs = pages2_catalogs()
    with MirrorThread(as_of="2017-01-01") as mirror:  # before every pages2 page
        monkeypatch.setenv("GREENMFG_MIRROR_URL", mirror.url)
        results = scrape(Paths(tmp_path), "r1", sorted(catalogs))
    assert {r["source_id"]: r["articles"] for r in results} == {s: 0 for s in catalogs}
