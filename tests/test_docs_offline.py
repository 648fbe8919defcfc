"""Documentation that opens offline: the Great Expectations Data Docs served their CSS, JS and
fonts from the site itself (greenmfg.docs_assets), the dbt docs as one static page, both
rendered by headless Chromium with every host unresolvable; and `dbt source freshness` before
every build. Screenshots go to test-output/screenshots/docs_*.png."""

from __future__ import annotations

import io
import json
import logging
import re
import tarfile
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from greenmfg import docs_assets, gate, pipeline, transform
from greenmfg.settings import PROJECT_ROOT, Paths
from tests import browser
from tests.conftest import under_ci

SCREENSHOTS = PROJECT_ROOT / "test-output" / "screenshots"
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


# --- vendoring ------------------------------------------------------------------------------
def tarball(files: dict[str, bytes]) -> bytes:
    """An npm tarball: every path under package/."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def integrity(data: bytes) -> str:
    import base64
    import hashlib

    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def test_a_package_is_unpacked_only_with_its_pinned_integrity(tmp_path):
    data = tarball({"dist/x.min.js": b"x()", "dist/x.js": b"unused", "webfonts/a.woff2": b"font", "README.md": b"no"})
    package = docs_assets.Package("@scope/x", "1.0.0", integrity(data), ("dist/x.min.js", "webfonts/"))
    written = docs_assets.unpack(package, data, tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "@scope/x@1.0.0/dist/x.min.js",
        "@scope/x@1.0.0/webfonts/a.woff2",
    ]  # what the pages use, nothing else
    assert package.tarball_url == "https://registry.npmjs.org/@scope/x/-/x-1.0.0.tgz"
    tampered = docs_assets.Package("@scope/x", "1.0.0", integrity(data + b"!"), package.files)
    with pytest.raises(ValueError, match="integrity mismatch"):
        docs_assets.unpack(tampered, data, tmp_path / "other")
    assert not (tmp_path / "other").exists()


def test_fetch_downloads_only_what_is_missing_and_leaves_no_half_package(tmp_path, monkeypatch):
    data = tarball({"dist/x.min.js": b"x()"})
    good = docs_assets.Package("x", "1.0.0", integrity(data), ("dist/x.min.js",))
    bad = docs_assets.Package("y", "2.0.0", integrity(b"other"), ("dist/y.min.js",))
    asked = []
    monkeypatch.setattr(docs_assets, "PACKAGES", (good,))
    assert docs_assets.fetch(tmp_path, get=lambda url: asked.append(url) or data) == ["x@1.0.0"]
    assert docs_assets.fetch(tmp_path, get=lambda url: asked.append(url) or data) == []  # present: no download
    assert asked == ["https://registry.npmjs.org/x/-/x-1.0.0.tgz"]
    monkeypatch.setattr(docs_assets, "PACKAGES", (good, bad))
    with pytest.raises(ValueError):
        docs_assets.fetch(tmp_path, get=lambda url: data)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x@1.0.0"]  # nothing of y, no temporary folder


def test_vendoring_errors_are_one_line(monkeypatch, capsys):
    assert docs_assets.main(["nope"]) == 2
    monkeypatch.setattr(docs_assets, "fetch", lambda: (_ for _ in ()).throw(OSError("registry.npmjs.org unreachable")))
    assert docs_assets.main(["fetch"]) == 1
    errors = capsys.readouterr().err.strip().splitlines()
    assert (
        len(errors) == 2
        and errors[1] == "docs_assets: cannot vendor the Data Docs assets: registry.npmjs.org unreachable"
    )


def gx_template_loads() -> set[str]:
    """The addresses GX's page templates load (scripts, stylesheets), not the links a reader follows."""
    import great_expectations

    templates = Path(great_expectations.__file__).parent / "render" / "view" / "templates"
    return {
        url
        for path in templates.glob("*.j2")
        for url in re.findall(r'<(?:script|link)\b[^>]*?(?:src|href)="(https?://[^"]+)"', path.read_text())
    }


def test_every_file_the_gx_templates_load_from_a_cdn_has_a_vendored_copy():
    loads = gx_template_loads()
    assert len(loads) >= 15
    assert loads <= set(docs_assets.CDN_FILES), loads - set(
        docs_assets.CDN_FILES
    )  # a GX upgrade that adds one fails here
    vendored = {f"{p.folder}/{f}" for p in docs_assets.PACKAGES for f in p.files}
    assert set(docs_assets.CDN_FILES.values()) <= vendored


def fake_vendor(root: Path) -> Path:
    """A vendor folder with every wanted file (empty), as `fetch` leaves it."""
    for package in docs_assets.PACKAGES:
        for name in package.files:
            path = root / package.folder / (name + "font.woff2" if name.endswith("/") else name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("/* vendored */")
    return root


PAGE = """<html><head>
<link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css"/>
<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>
<script src="https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js" integrity="sha384-abc" crossorigin="anonymous"></script>
<style>.navbar-brand a { background: url('https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/full_logo_dark.png') }</style>
</head><body>
<img src="https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png?d=20261130T1&dataContextId=1f">
<a href="https://docs.greatexpectations.io/docs/">how to</a></body></html>"""


def test_localize_points_every_page_and_stylesheet_at_the_site_copies(tmp_path):
    site = tmp_path / "site"
    deep = site / "validations" / "demo" / "passing" / "__none__" / "20261130T1" / "warehouse_build-demo.passing.html"
    deep.parent.mkdir(parents=True)
    deep.write_text(PAGE)
    (site / "index.html").write_text(PAGE)
    (site / "static" / "styles").mkdir(parents=True)
    (site / "static" / "styles" / "default.css").write_text(
        "a { background: url('https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/full_logo_dark.png') }"
    )
    assert docs_assets.localize(site, fake_vendor(tmp_path / "vendor")) == 3
    page = deep.read_text()
    up = "../../../../../"
    assert (
        f'<script src="{up}static/vendor/bootstrap@4.3.1/dist/js/bootstrap.min.js"></script>' in page
    )  # no SRI, no CORS
    assert f'src="{up}static/vendor/vega@5.33.1/build/vega.min.js"' in page
    assert f'<img src="{up}static/images/logo-long.png">' in page and f"url('{up}static/images/logo-long.png')" in page
    assert 'href="https://docs.greatexpectations.io/docs/"' in page  # a link to follow is no load
    assert 'href="static/vendor/bootstrap@4.3.1/dist/css/bootstrap.min.css"' in (site / "index.html").read_text()
    assert "url('../images/logo-long.png')" in (site / "static" / "styles" / "default.css").read_text()
    assert (site / "static" / "vendor" / "@fortawesome" / "fontawesome-free@6.6.0" / "webfonts" / "font.woff2").exists()
    assert docs_assets.localize(site, tmp_path / "vendor") == 0  # a second build's pass changes nothing
    (site / "index.html").write_text(PAGE)  # the next gate run: GX writes the index again
    assert docs_assets.localize(site, tmp_path / "vendor") == 1
    assert "https://maxcdn" not in (site / "index.html").read_text()


def test_without_vendored_assets_the_gate_keeps_the_cdn_links_and_says_how_to_vendor_them(
    tmp_path, monkeypatch, caplog
):
    monkeypatch.setenv("GREENMFG_DOCS_ASSETS", str(tmp_path / "never-fetched"))
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text(PAGE)
    with caplog.at_level(logging.WARNING):
        assert gate.offline_data_docs(tmp_path / "site") == str(tmp_path / "site" / "index.html")
    assert "python -m greenmfg.docs_assets fetch" in caplog.text
    assert (tmp_path / "site" / "index.html").read_text() == PAGE
    assert gate.offline_data_docs(tmp_path / "no-site") is None


# --- headless Chromium, every host unresolvable -------------------------------------------
class OfflineBrowser(browser.Browser):
    """Chromium that resolves no host name and records every request its pages make."""

    def __init__(self, profile: Path):
        super().__init__(profile)
        self.requests: list[str] = []

    def __enter__(self) -> OfflineBrowser:
        flags = browser.FLAGS
        browser.FLAGS = [*flags, "--host-resolver-rules=MAP * ~NOTFOUND"]
        try:
            super().__enter__()
        finally:
            browser.FLAGS = flags
        self.call("Network.enable")
        return self

    def call(self, method: str, **params) -> dict:
        self._id += 1
        self.socket.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=60))
            if message.get("method") == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
            if message.get("id") == self._id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})

    def outside(self) -> list[str]:
        """The requests that would leave the machine."""
        self.evaluate("1")  # take in the events sent since the last call
        return [url for url in self.requests if not url.startswith(LOCAL_SCHEMES)]


def vendored_or_skip() -> None:
    if absent := docs_assets.missing():
        message = f"the Data Docs assets are not vendored ({len(absent)} files): .venv/bin/python -m greenmfg.docs_assets fetch"
        if under_ci():
            pytest.fail(message + " (make venv runs it)")
        pytest.skip(message)


def data_docs_site(home: Path) -> Path:
    """A Data Docs site of two gate validations, one passing and one failing, made offline."""
    paths = Paths(home)
    context = gate._context(paths)
    source = context.data_sources.add_or_update_pandas("warehouse_build")
    frame = pd.DataFrame({"list_id": ["a", "b", "c"], "status": ["published", "published", "withdrawn"]})
    suites = {
        "demo.passing": [{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "list_id"}}],
        "demo.failing": [
            {
                "type": "expect_column_values_to_be_in_set",
                "kwargs": {"column": "status", "value_set": ["proposed", "published", "revoked"]},
            }
        ],
    }
    validated = []
    for name, expectations in suites.items():
        part = gate.Part(name, expectations, lambda: iter([frame]))
        success, _, results = gate._run_part(context, source, part, {"name": name})
        assert success is (name == "demo.passing")
        validated += results
    gate.build_data_docs(context, validated)
    site = paths.gx_dir / "uncommitted" / "data_docs" / "local_site"
    assert gate.offline_data_docs(site) == str(site / "index.html")
    return site


ICONS_DRAWN = """(() => {
  const faces = [...document.fonts].filter(f => f.family.includes('Font Awesome'));
  const icons = [...document.querySelectorAll('i.fas')].filter(i => i.offsetParent !== null);
  return {loaded: faces.filter(f => f.status === 'loaded').length, icons: icons.length,
          drawn: icons.filter(i => getComputedStyle(i, '::before').content !== 'none'
                                   && getComputedStyle(i).fontFamily.includes('Font Awesome')).length};
})()"""


@pytest.mark.needs("chromium")
def test_data_docs_render_offline_with_their_validations_and_status_icons(tmp_path, monkeypatch):
    vendored_or_skip()
    site = data_docs_site(tmp_path / "home")
    assert not re.search(
        r'(?:src|href)="https?://(?!(?:docs\.)?greatexpectations\.io)', (site / "index.html").read_text()
    )
    failing = next(site.glob("validations/demo/failing/**/*.html"))
    with OfflineBrowser(tmp_path / "chromium") as chrome:
        chrome.open((site / "index.html").as_uri(), until_text="demo.failing")
        rows = chrome.evaluate("[...document.querySelectorAll('table tbody tr')].map(r => r.innerText).join('\\n')")
        assert "demo.passing" in rows and "demo.failing" in rows  # bootstrap-table (jquery …) listed them
        icons = chrome.evaluate(ICONS_DRAWN)
        assert icons["loaded"] >= 1 and icons["icons"] >= 2 and icons["drawn"] == icons["icons"], icons
        chrome.screenshot(SCREENSHOTS / "docs_gx_index_offline.png")

        chrome.open(failing.as_uri(), until_text="withdrawn")
        icons = chrome.evaluate(ICONS_DRAWN)
        assert icons["loaded"] >= 1 and icons["icons"] >= 1 and icons["drawn"] == icons["icons"], icons
        assert chrome.evaluate("document.querySelectorAll('.fa-times, .fa-times-circle, .text-danger').length") >= 1
        chrome.screenshot(SCREENSHOTS / "docs_gx_validation_offline.png")
        assert chrome.outside() == []
        assert any("/static/vendor/jquery@3.7.1/" in url for url in chrome.requests)


# --- dbt docs from file:// ------------------------------------------------------------------
def empty_home(home: Path, run_id: str) -> Paths:
    """A home with an empty lake (the lake's tables, no rows) and an empty build of `run_id`."""
    paths = Paths(home)
    paths.lake_db.parent.mkdir(parents=True)
    paths.build_db(run_id).parent.mkdir(parents=True)
    with duckdb.connect(str(paths.lake_db)) as con:
        con.execute((PROJECT_ROOT / "greenmfg" / "lake_schema.sql").read_text())
    duckdb.connect(str(paths.build_db(run_id))).close()
    return paths


@pytest.mark.slow
@pytest.mark.needs("chromium")
def test_dbt_docs_open_from_file_in_headless_chromium(tmp_path):
    paths = empty_home(tmp_path / "home", "r")
    docs = transform.docs(paths, "r")["dbt_docs"]
    assert docs == str(paths.dbt_work_dir / "target" / "static_index.html")
    with OfflineBrowser(tmp_path / "chromium") as chrome:
        chrome.open(Path(docs).as_uri(), until_text="How the data gets here")  # the __overview__ block
        chrome.open(
            Path(docs).as_uri() + "#!/model/model.greenmfg.fct_designations", until_text="one entity in one list"
        )  # the mart's own page: the manifest was read
        assert "designation_key" in chrome.evaluate("document.body.innerText")
        chrome.screenshot(SCREENSHOTS / "docs_dbt_static.png")
        assert chrome.outside() == []


# --- dbt source freshness -----------------------------------------------------------------
def set_loaded(paths: Paths, table: str, days_ago: float, column: str = "loaded_at") -> None:
    with duckdb.connect(str(paths.lake_db)) as con:
        con.execute(f"update {table} set {column} = now() - to_microseconds(cast(? * 86400e6 as bigint))", [days_ago])


def fetched(paths: Paths, days_ago: float) -> None:
    with duckdb.connect(str(paths.lake_db)) as con:
        con.execute("""insert into fetch_log (run_id, source_id, url, kind, fetched_at, loaded_at)
                       values ('r', 'miit', 'https://www.miit.gov.cn/', 'list', now(), now())""")
    set_loaded(paths, "fetch_log", days_ago)


@pytest.mark.slow
def test_freshness_warns_on_a_stale_source_and_errors_past_a_week(tmp_path, caplog):
    paths = empty_home(tmp_path / "home", "r")
    with pytest.raises(transform.SourcesStale, match="lake.fetch_log never loaded"):  # no scrape ever landed
        pipeline.freshness(paths, "r")
    assert "error" in json.loads((paths.runs_dir / "r" / "freshness.json").read_text())

    fetched(paths, days_ago=0.1)  # a scrape landed: no notice yet only warns
    with caplog.at_level(logging.WARNING):
        checked = pipeline.freshness(paths, "r")
    assert checked["stale"] == ["lake.announcements"] and "lake.announcements never loaded" in caplog.text
    assert checked["sources"]["lake.fetch_log"]["status"] == "pass"
    assert set(checked["sources"]) == {"lake.fetch_log", "lake.announcements"}  # the others have no freshness

    set_loaded(paths, "fetch_log", 3)  # a missed day or two: a warning, the build goes on
    assert "lake.fetch_log" in pipeline.freshness(paths, "r")["stale"]
    set_loaded(paths, "fetch_log", 8)  # a week without a scrape: nothing is built
    with pytest.raises(transform.SourcesStale) as stale:
        pipeline.transform(paths, "r")
    assert (
        str(stale.value)
        == "stale sources, nothing is built from them: lake.fetch_log last loaded 8.0 days ago (error after 7 days)"
    )
    assert not (paths.runs_dir / "r" / "transform.json").exists()


def test_every_lake_table_has_its_loaded_at_field():
    """`dbt source freshness` reads each table's loaded_at_field: every lake source has the column."""
    import yaml

    sources = yaml.safe_load(
        (PROJECT_ROOT / "dbt_project" / "models" / "staging" / "lake" / "_lake__sources.yml").read_text()
    )
    lake = sources["sources"][0]
    default = lake["config"]["loaded_at_field"]
    with duckdb.connect() as con:
        con.execute((PROJECT_ROOT / "greenmfg" / "lake_schema.sql").read_text())
        for table in lake["tables"]:
            field = (table.get("config") or {}).get("loaded_at_field", default)
            columns = [
                c
                for (c,) in con.execute(
                    "select column_name from information_schema.columns where table_name = ?", [table["name"]]
                ).fetchall()
            ]
            assert field in columns, (table["name"], field)


def test_the_transform_dag_checks_freshness_beside_the_build_before_the_publish(tmp_path):
    from greenmfg.orchestration.stages import WRITER_POOL
    from tests.test_dag_import import parse_without_processes

    transform.manifest(Paths(tmp_path).dbt_work_dir / "manifest")
    with pytest.MonkeyPatch.context() as monkeypatch:
        dag = parse_without_processes(monkeypatch, tmp_path).dags["greenmfg_transform"]
    assert dag.get_task("freshness").upstream_task_ids == {"extract"}
    assert "freshness" in dag.get_task("publish").upstream_task_ids  # past the error threshold: no publish
    assert dag.get_task("freshness").pool != WRITER_POOL  # its dbt writes an in-memory database only
