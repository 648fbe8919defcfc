"""Load and extract: a broken attachment is quarantined with its reason and the rest goes on."""

import duckdb

from greenmfg.extract.stage import extract
from greenmfg.load import load
from greenmfg.raw_store import FetchRecord, RawStore
from greenmfg.settings import Paths
from tests.conftest import FILES, SITES

ARTICLE = "https://www.miit.gov.cn/jgsj/jns/wjfb/art/2022/art_5fd2d8c1056546618448ae9c4c1b0a66.html"
PARKS = "https://www.miit.gov.cn/cms_files/filemanager/1226211233/attach/202112/c8ca58dc67d7459faf92ec101778dba8.pdf"
FACTORIES = (
    "https://www.miit.gov.cn/cms_files/filemanager/1226211233/attach/202112/fb59803d4a71425e9bc21bdfc738d500.pdf"
)


def land(store: RawStore, run_id: str, url: str, kind: str, body: bytes, **extra) -> FetchRecord:
    return FetchRecord(
        url=url,
        source_id="miit",
        run_id=run_id,
        kind=kind,
        http_status=200,
        sha256=store.put(body),
        bytes=len(body),
        **extra,
    )


def test_corrupt_attachment_is_quarantined_and_the_rest_loads(tmp_path):
    paths = Paths(tmp_path)
    store = RawStore(paths.raw_dir)
    writer = store.open_manifest("miit", "r1")
    writer.write(
        land(
            store,
            "r1",
            ARTICLE,
            "article",
            (FILES / "miit/article_2021.html").read_bytes(),
            content_type="text/html; charset=utf-8",
        )
    )
    writer.write(
        land(
            store,
            "r1",
            FACTORIES,
            "attachment",
            b"%PDF-1.7 truncated",
            parent_url=ARTICLE,
            link_text="附件1：绿色工厂名单",
        )
    )
    parks = (
        SITES / "www.miit.gov.cn/cms_files/filemanager/1226211233/attach/202112/c8ca58dc67d7459faf92ec101778dba8.pdf"
    )
    writer.write(
        land(
            store,
            "r1",
            PARKS,
            "attachment",
            parks.read_bytes(),
            parent_url=ARTICLE,
            link_text="附件2：绿色工业园区名单",
        )
    )
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


# lake_schema.sql before the extract tables lost their keys (only what the migration reads)
KEYED_LAKE = """
create table announcements (source_id varchar not null, url varchar not null, sha256 varchar not null,
    title varchar not null, publish_date date, doc_number varchar, batch_label varchar, batch_no integer,
    list_year integer, body_text varchar, attachment_count integer, loaded_at timestamptz not null,
    primary key (url, sha256));
create table list_rows (attachment_url varchar not null, sha256 varchar not null, row_number integer not null,
    source_id varchar not null, name varchar, loaded_at timestamptz not null,
    primary key (attachment_url, sha256, row_number));
insert into announcements values ('miit', 'u1', 's1', '关于公布绿色工厂名单的通知', '2024-01-02', null, null, null,
    2024, 'text', 1, now());
insert into list_rows (attachment_url, sha256, row_number, source_id, name, loaded_at)
    values ('a1', 's2', 1, 'miit', '甲有限公司', now()), ('a1', 's2', 2, 'miit', '乙有限公司', now());
"""


def test_a_lake_with_the_old_keys_is_rebuilt_without_them_and_keeps_its_rows(tmp_path):
    paths = Paths(tmp_path)
    paths.lake_db.parent.mkdir(parents=True)
    with duckdb.connect(str(paths.lake_db)) as con:
        con.execute(KEYED_LAKE)
    load(paths)
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        keyed = {
            r[0]
            for r in con.execute(
                "select table_name from duckdb_constraints() where constraint_type = 'PRIMARY KEY'"
            ).fetchall()
        }
        assert keyed.isdisjoint({"announcements", "list_rows", "attachments", "text_facts"}) and "extracted" in keyed
        assert con.execute("select url, sha256, title, list_year, title_key from announcements").fetchall() == [
            ("u1", "s1", "关于公布绿色工厂名单的通知", 2024, None)
        ]
        assert con.execute("select row_number, name, province_code from list_rows order by 1").fetchall() == [
            (1, "甲有限公司", None),
            (2, "乙有限公司", None),
        ]
        assert con.execute("select url, kind from extracted").fetchall() == [("u1", "article")]  # marked as read
        tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
        assert not any(t.endswith("__keyed") for t in tables)
