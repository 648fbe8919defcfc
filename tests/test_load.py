"""Load and extract: a broken attachment is quarantined with its reason and the rest goes on."""

import duckdb

from greenmfg.extract.stage import extract
from greenmfg.load import load
from greenmfg.raw_store import FetchRecord, RawStore
from greenmfg.settings import Paths
from tests.conftest import FILES, SITES

ARTICLE = "https://www.miit.gov.cn/jgsj/jns/wjfb/art/2022/art_5fd2d8c1056546618448ae9c4c1b0a66.html"
PARKS = "https://www.miit.gov.cn/cms_files/filemanager/1226211233/attach/202112/c8ca58dc67d7459faf92ec101778dba8.pdf"
FACTORIES = "https://www.miit.gov.cn/cms_files/filemanager/1226211233/attach/202112/fb59803d4a71425e9bc21bdfc738d500.pdf"


def land(store: RawStore, run_id: str, url: str, kind: str, body: bytes, **extra) -> FetchRecord:
    return FetchRecord(url=url, source_id="miit", run_id=run_id, kind=kind, http_status=200,
                       sha256=store.put(body), bytes=len(body), **extra)


def test_corrupt_attachment_is_quarantined_and_the_rest_loads(tmp_path):
    paths = Paths(tmp_path)
    store = RawStore(paths.raw_dir)
    writer = store.open_manifest("miit", "r1")
    writer.write(land(store, "r1", ARTICLE, "article", (FILES / "miit/article_2021.html").read_bytes(),
                      content_type="text/html; charset=utf-8"))
    writer.write(land(store, "r1", FACTORIES, "attachment", b"%PDF-1.7 truncated",
                      parent_url=ARTICLE, link_text="附件1：绿色工厂名单"))
    parks = SITES / "www.miit.gov.cn/cms_files/filemanager/1226211233/attach/202112/c8ca58dc67d7459faf92ec101778dba8.pdf"
    writer.write(land(store, "r1", PARKS, "attachment", parks.read_bytes(),
                      parent_url=ARTICLE, link_text="附件2：绿色工业园区名单"))
    writer.commit()

    loaded, extracted = load(paths), extract(paths)
    assert loaded.manifests == 1 and loaded.fetches == 3
    assert (extracted.articles, extracted.attachments, extracted.rows, extracted.quarantined) == (1, 1, 52, 1)
    assert extracted.per_source == {"miit": {"articles": 1, "facts": 2, "attachments": 1, "rows": 52, "quarantined": 1}}
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        status = dict(con.execute("select url, status from attachments").fetchall())
        rule, reason = con.execute("select rule, reason from quarantine").fetchone()
    assert status == {FACTORIES: "quarantined", PARKS: "parsed"}
    assert rule == "attachment_unreadable" and "pdf" in reason.lower()
    assert load(paths).manifests == 0  # idempotent: nothing new to load
    assert extract(paths).articles == 0  # nor to extract
