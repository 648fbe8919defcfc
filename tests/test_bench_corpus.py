"""The benchmark's scaled corpus (bench/scale_corpus.py) is what the scrapers and extractors
read for real: a smoke check of the generator, not the benchmark itself (bench/run.py)."""

from bench import baselines, scale_corpus
from greenmfg.extract.document import extract_document


def test_the_scaled_corpus_reads_like_a_real_site(tmp_path):
    made = scale_corpus.generate(tmp_path, sources=2, notices=10, rows=4)
    assert made["notices"] == 10 and made["rows"] == 40
    assert set(made["formats"]) == {"xlsx", "xls", "docx", "pdf", "html"}
    site = tmp_path / "sites" / scale_corpus.host(0)
    assert (tmp_path / "sources" / "bench_000.yaml").exists()
    page = site / "art" / "000001.html"  # this one carries its list as an HTML table
    records = extract_document(page, f"http://{scale_corpus.host(0)}/art/000001.html")
    listed = [r for r in records if r["record_type"] == "designation" and r["region_name"]]
    assert len(listed) == 4 and {r["designation_type"] for r in listed} == {"green_factory"}
    assert all(r["level"] == "provincial" and r["adcode"] for r in listed)
    assert [r["value"] for r in records if r["record_type"] == "reported_count"] == [4]  # the count it states
    assert baselines.lxml_parse(sorted((tmp_path / "sites").rglob("*.html")))["items"] == 12  # 10 notices, 2 lists


def test_the_lxml_baseline_parses_the_notice_pages_the_run_fetched(tmp_path):
    import duckdb

    from greenmfg.raw_store import RawStore
    from greenmfg.settings import Paths

    paths = Paths(tmp_path)
    store, html = RawStore(paths.raw_dir), "<html><body><p>绿色工厂{}</p></body></html>"
    notices = [store.put(html.format(n).encode()) for n in range(3)]
    listing = store.put(b"<html><body><ul class='list'></ul></body></html>")
    paths.lake_db.parent.mkdir(parents=True)
    with duckdb.connect(str(paths.lake_db)) as con:
        con.execute("create table fetch_log (kind varchar, sha256 varchar)")
        con.execute(
            "insert into fetch_log values ('article', ?), ('article', ?), ('article', ?), ('article', ?), "
            "('list', ?), ('attachment', 'x'), ('article', null)",
            [*notices, notices[0], listing],
        )
    pages = baselines.fetched_notice_pages(tmp_path)
    assert sorted(p.name for p in pages) == sorted(notices)  # each stored notice once; no list page
    assert baselines.lxml_parse(pages)["items"] == 3


def test_growing_the_corpus_keeps_every_file_and_adds_the_newest(tmp_path):
    scale_corpus.generate(tmp_path, sources=1, notices=3, rows=2)
    first = {p: p.stat().st_mtime_ns for p in (tmp_path / "sites").rglob("*") if p.is_file() and "tzgg" not in p.parts}
    grown = scale_corpus.generate(tmp_path, sources=1, notices=4, rows=2)
    assert grown["new_files"] >= 1
    assert all(p.stat().st_mtime_ns == t for p, t in first.items())  # nothing rewritten
    assert "第4批" in (tmp_path / "sites" / scale_corpus.host(0) / "tzgg" / "index.html").read_text(encoding="utf-8")


def test_the_attachment_benchmark_reads_every_format_bare_and_as_the_pipeline_does(tmp_path):
    from bench import attachments

    scale_corpus.generate(tmp_path, sources=2, notices=10, rows=4)
    for fmt, bodies in attachments.files_by_format(tmp_path).items():
        assert attachments.BARE[fmt](bodies[0]) > 0, fmt  # characters, rows or cells read
        assert attachments.document(fmt)(bodies[0]) == 4, fmt  # the list's rows
    measured = attachments.measure(tmp_path, repeat=1)
    assert set(measured) == {"pdf", "xlsx", "xls", "docx", "all"}
    assert set(measured["pdf"]["vs_bare"]) == {"reader", "document", "pdfplumber"}
    assert all(value > 0 for result in measured.values() for value in result["vs_bare"].values())


def test_the_attachment_baseline_reads_the_attachments_the_run_fetched(tmp_path):
    import duckdb

    from greenmfg.raw_store import RawStore
    from greenmfg.settings import Paths

    corpus = tmp_path / "corpus"
    scale_corpus.generate(corpus, sources=1, notices=5, rows=3)
    files = [p for p in (corpus / "sites").rglob("*") if p.suffix in (".pdf", ".xlsx", ".xls", ".docx")]
    paths = Paths(tmp_path / "home")
    store = RawStore(paths.raw_dir)
    digests = [store.put(p.read_bytes()) for p in files]
    paths.lake_db.parent.mkdir(parents=True)
    with duckdb.connect(str(paths.lake_db)) as con:
        con.execute("create table fetch_log (kind varchar, sha256 varchar)")
        con.executemany("insert into fetch_log values ('attachment', ?)", [[d] for d in digests])
        con.execute("insert into fetch_log values ('article', ?)", [digests[0]])
    result = baselines.attachments_read(paths.home)
    assert result["items"] == len(set(digests)) and result["cells_or_chars"] > 0
