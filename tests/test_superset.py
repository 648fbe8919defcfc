"""A BI client on the marts: Apache Superset with the dashboard shipped in bi/superset/assets
(`make bi`). The bundle is checked as files (Superset's export layout, no password, datasets on
the marts' contract columns, each chart's saved query made from its own form data); then
bi/superset/setup.sh installs Superset from its lock into .venv/superset (once per lock),
initialises it on a SQLite metadata database of the test's own and imports the dashboard on a
home published to PostgreSQL (test_bi_reader's `reader`), logged in as greenmfg_reader. Every
chart's saved query must return rows through the REST API, the batch chart must give the
sources' answer (docs/analyst_questions.md, question 1), and headless Chromium must draw every
chart with nothing loaded from outside this server: test-output/screenshots/superset_dashboard.png.
The times of install, init, server start and the test, and the server's memory, are printed."""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
import yaml

from greenmfg.settings import DBT_PROJECT_DIR, PROJECT_ROOT
from tests import test_bi_reader
from tests.airflow_stack import free_port
from tests.conftest import require, under_ci
from tests.test_analyst_questions import questions, rows

BI = PROJECT_ROOT / "bi" / "superset"
ASSETS = BI / "assets"
VENV = PROJECT_ROOT / ".venv" / "superset"
SCREENSHOT = PROJECT_ROOT / "test-output" / "screenshots" / "superset_dashboard.png"
DASHBOARD = "green-manufacturing"  # its slug
BATCH_CHART = "National designations per batch (MIIT)"
# What the frontend adds to a chart's form data when it builds the query, besides the chart's params
QUERY_ONLY = {"datasource", "slice_id", "force", "result_format", "result_type", "include_time"}
TYPES = {  # dbt contract type → the type a dataset column of PostgreSQL's marts declares
    "varchar": "VARCHAR",
    "bigint": "BIGINT",
    "integer": "INTEGER",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "double": "DOUBLE PRECISION",
    "timestamp with time zone": "TIMESTAMP WITH TIME ZONE",
    "varchar[]": "VARCHAR[]",
}
reader = test_bi_reader.reader  # a home of its own published twice to PostgreSQL, with the reader's DSN


def bundle() -> dict[str, dict]:
    return {str(p.relative_to(ASSETS)): yaml.safe_load(p.read_text(encoding="utf-8")) for p in ASSETS.rglob("*.yaml")}


def of_kind(files: dict[str, dict], kind: str) -> list[dict]:
    return [data for name, data in sorted(files.items()) if name.startswith(f"{kind}/")]


def test_the_bundle_has_the_export_layout_and_no_password():
    files = bundle()
    assert files["metadata.yaml"]["version"] == "1.0.0" and "type" not in files["metadata.yaml"]  # any importer
    [database] = of_kind(files, "databases")
    assert "password" not in database
    assert re.fullmatch(r"postgresql\+psycopg2://greenmfg_reader:X{10}@[\w.-]+:\d+/\w+", database["sqlalchemy_uri"])
    assert not (
        database["allow_dml"] or database["allow_ctas"] or database["allow_cvas"] or database["allow_file_upload"]
    )
    datasets = {d["uuid"]: d for d in of_kind(files, "datasets")}
    assert all(d["schema"] == "marts" and d["database_uuid"] == database["uuid"] for d in datasets.values())
    charts = of_kind(files, "charts")
    assert len(charts) >= 6 and all(c["dataset_uuid"] in datasets for c in charts)
    [dashboard] = of_kind(files, "dashboards")
    placed = {
        item["meta"]["uuid"]
        for item in dashboard["position"].values()
        if isinstance(item, dict) and item.get("type") == "CHART"
    }
    assert placed == {c["uuid"] for c in charts}
    filters = dashboard["metadata"]["native_filter_configuration"]
    assert {t["datasetUuid"] for f in filters for t in f["targets"]} <= set(datasets)
    assert not any("chartsInScope" in f for f in filters)  # chart ids of one installation


def contract(table: str) -> dict[str, str]:
    """A mart's columns and their types, from its dbt YAML (enforced contracts)."""
    spec = yaml.safe_load((DBT_PROJECT_DIR / "models" / "marts" / f"{table}.yml").read_text(encoding="utf-8"))
    model = next(m for m in spec["models"] if m["name"] == table)
    return {c["name"]: TYPES[c["data_type"]] for c in model["columns"]}


def test_every_dataset_column_is_a_mart_column_of_its_contract_type_or_a_calculated_one():
    for dataset in of_kind(bundle(), "datasets"):
        columns = contract(dataset["table_name"])
        physical = {c["column_name"]: c["type"] for c in dataset["columns"] if not c["expression"]}
        assert physical == columns, dataset["table_name"]
        calculated = [c for c in dataset["columns"] if c["expression"]]
        assert all(c["column_name"] not in columns and c["description"] for c in calculated)


def test_each_chart_s_saved_query_was_made_from_its_params():
    """Superset's frontend builds a chart's query from its params; the bundle keeps the query it
    built (query_context, which the chart data API runs). Params edited without it would leave the
    API answering another question than the dashboard: `make bi-export` after the edit."""
    for chart in of_kind(bundle(), "charts"):
        context = json.loads(chart["query_context"])
        built_from = {k: v for k, v in context["form_data"].items() if k not in QUERY_ONLY}
        assert built_from == {k: v for k, v in chart["params"].items() if k not in QUERY_ONLY}, chart["slice_name"]
        assert context["queries"] and context["form_data"]["viz_type"] == chart["viz_type"]


# --- Superset running ------------------------------------------------------------------------


@dataclass
class Superset:
    url: str
    password: str
    process: subprocess.Popen
    home: Path
    seconds: dict[str, float] = field(default_factory=dict)
    rss_mb: float | None = None  # the server's, with the dashboard drawn

    def api(self) -> requests.Session:
        """A session logged in to the REST API (JWT) and the web app (cookie), with a CSRF token."""
        session = requests.Session()
        page = session.get(f"{self.url}/login/", timeout=30).text
        token = re.search(r'name="csrf_token"\s+id="csrf_token"\s+value="([^"]+)"', page).group(1)
        login = {"username": "admin", "password": self.password}
        session.post(f"{self.url}/login/", data={**login, "csrf_token": token}, timeout=30)
        assert session.get(f"{self.url}/api/v1/me/", timeout=30).ok, "the web login failed"
        jwt = session.post(f"{self.url}/api/v1/security/login", json={**login, "provider": "db"}, timeout=30)
        assert jwt.ok, jwt.text[:500]
        session.headers["Authorization"] = f"Bearer {jwt.json()['access_token']}"
        csrf = session.get(f"{self.url}/api/v1/security/csrf_token/", timeout=30).json()["result"]
        session.headers.update({"X-CSRFToken": csrf, "Referer": self.url})
        return session


def installed() -> bool:
    stamp = VENV / ".installed"
    digest = hashlib.sha256((BI / "requirements.lock").read_bytes()).hexdigest()
    return stamp.exists() and stamp.read_text().strip() == digest


def require_pypi() -> None:
    """Superset comes from PyPI: skip without it (fail under CI, which installs from it)."""
    index = os.environ.get("UV_INDEX_URL") or "https://pypi.org/simple/"
    try:
        requests.head(f"{index.rstrip('/')}/apache-superset/", timeout=15).raise_for_status()
    except requests.RequestException as exc:
        message = f"PyPI unreachable ({type(exc).__name__}): Superset installs from bi/superset/requirements.lock"
        if under_ci():
            pytest.fail(message)
        pytest.skip(message)


def setup(step: str, env: dict[str, str], timeout: float) -> float:
    started = time.monotonic()
    done = subprocess.run(
        ["bash", str(BI / "setup.sh"), step], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"setup.sh {step}: {done.stderr[-3000:]}"
    return time.monotonic() - started


def wait_for_health(superset: Superset, deadline: float) -> None:
    while time.monotonic() < deadline:
        assert superset.process.poll() is None, (superset.home / "server.log").read_text()[-3000:]
        try:
            if requests.get(f"{superset.url}/health", timeout=5).ok:
                return
        except (requests.ConnectionError, requests.Timeout):  # (not listening yet; or a worker still booting)
            pass
        time.sleep(0.5)
    raise AssertionError("Superset did not answer /health: " + (superset.home / "server.log").read_text()[-3000:])


def rss_mb(session: int) -> float:
    """Resident memory of every process of the server's session (gunicorn's master and worker)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == session:  # field 6 of stat: the session id
                status = (stat.parent / "status").read_text()
                total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        except (OSError, AttributeError):
            continue
    return total / 1024


@pytest.fixture(scope="module")
def superset(reader, tmp_path_factory):
    """Superset as `make bi` sets it up, on a home published to PostgreSQL: installed (once per
    lock), initialised on a metadata database of its own, the bundle imported, the server started."""
    require("postgresql")
    if not installed():
        require_pypi()
    _, _, paths = reader
    home = tmp_path_factory.mktemp("superset")
    env = {
        **os.environ,
        "GREENMFG_HOME": str(paths.home),  # its postgres_reader.dsn, as `make bi` finds it
        "SUPERSET_HOME": str(home),
        "SUPERSET_SECRET_KEY": secrets.token_urlsafe(32),
        "SUPERSET_ADMIN_PASSWORD": secrets.token_urlsafe(16),
        "SUPERSET_PORT": str(free_port()),
    }
    env.pop("GREENMFG_READER_DSN", None)
    seconds = {"install": setup("install", env, 900), "init": setup("init", env, 600)}
    started = time.monotonic()
    with open(home / "server.log", "wb") as log:
        process = subprocess.Popen(
            ["bash", str(BI / "setup.sh"), "serve"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Superset(
        f"http://127.0.0.1:{env['SUPERSET_PORT']}", env["SUPERSET_ADMIN_PASSWORD"], process, home, seconds
    )
    try:
        wait_for_health(server, time.monotonic() + 180)
        seconds["server start"] = time.monotonic() - started
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the session setup.sh started: gunicorn's master and worker
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        times = ", ".join(f"{step} {s:.1f} s" for step, s in seconds.items())
        print(f"\nsuperset: {times}; server RSS {server.rss_mb or 0:.0f} MB")


def dashboard_charts(api: requests.Session, superset: Superset) -> dict[str, int]:
    charts = api.get(f"{superset.url}/api/v1/dashboard/{DASHBOARD}/charts", timeout=30).json()["result"]
    return {chart["slice_name"]: chart["id"] for chart in charts}


def chart_data(api: requests.Session, superset: Superset, chart_id: int) -> list[dict]:
    """The chart's saved query (query_context), run by Superset through the reader's connection."""
    response = api.get(f"{superset.url}/api/v1/chart/{chart_id}/data/", timeout=120)
    assert response.status_code == 200, response.text[:1000]
    return response.json()["result"]


def test_the_dbt_exposure_names_every_mart_the_dashboard_reads():
    exposures = yaml.safe_load((DBT_PROJECT_DIR / "models" / "marts" / "exposures.yml").read_text(encoding="utf-8"))
    [dashboard] = [e for e in exposures["exposures"] if e["name"] == "superset_dashboard"]
    declared = {re.fullmatch(r"ref\('(\w+)'\)", ref)[1] for ref in dashboard["depends_on"]}
    assert declared == {d["table_name"] for d in of_kind(bundle(), "datasets")}


@pytest.mark.slow
def test_every_chart_of_the_dashboard_returns_rows_through_the_rest_api(superset):
    started = time.monotonic()
    api = superset.api()
    charts = dashboard_charts(api, superset)
    assert set(charts) == {c["slice_name"] for c in of_kind(bundle(), "charts")}
    for name, chart_id in charts.items():
        results = chart_data(api, superset, chart_id)
        assert results and all(r["rowcount"] > 0 and r["data"] and not r.get("error") for r in results), name
    superset.seconds["chart data"] = time.monotonic() - started


@pytest.mark.slow
def test_the_batch_chart_gives_the_sources_answer(superset):
    """The chart's bars are MIIT's lists as docs/analyst_questions.md answers question 1."""
    _, _, answer = next(q for q in questions() if q[0].startswith("1."))
    api = superset.api()
    [result] = chart_data(api, superset, dashboard_charts(api, superset)[BATCH_CHART])
    shown = {}
    for row in result["data"]:  # a row per batch ("2017-08 第一批"), a column per type ("count, green_park")
        batch = row.pop("batch").split(" ", 1)[1]
        shown |= {(batch, column.split(", ")[-1]): n for column, n in row.items() if n is not None}
    expected = {(batch, kind): n for batch, kind, n in answer}
    assert {k: rows([[n]])[0][0] for k, n in shown.items() if k[0] in {b for b, _ in expected}} == expected


PRIVILEGES = """select has_table_privilege('marts.dim_list', 'select') as can_read,
  has_table_privilege('marts.dim_list', 'insert') as can_insert,
  has_schema_privilege('marts', 'create') as can_create"""


@pytest.mark.slow
def test_superset_reads_the_marts_as_the_read_only_role(superset):
    """The connection logs in as greenmfg_reader, which may read the marts and change nothing (SQL
    Lab refuses current_user itself: Superset's list of functions PostgreSQL queries may not call)."""
    api = superset.api()
    [database] = api.get(f"{superset.url}/api/v1/database/", timeout=30).json()["result"]
    connection = api.get(f"{superset.url}/api/v1/database/{database['id']}/connection", timeout=30).json()["result"]
    assert connection["sqlalchemy_uri"].startswith("postgresql+psycopg2://greenmfg_reader:XXXXXXXXXX@")
    query = {"database_id": database["id"], "sql": PRIVILEGES, "runAsync": False, "schema": "marts"}
    result = api.post(f"{superset.url}/api/v1/sqllab/execute/", json=query, timeout=60)
    assert result.status_code == 200, result.text[:1000]
    assert result.json()["data"] == [{"can_read": True, "can_insert": False, "can_create": False}]


CHARTS_DRAWN = """(() => {
  const charts = Array.from(document.querySelectorAll('[data-test-chart-id]'));
  return {
    charts: charts.length,
    drawn: charts.filter(c => c.querySelector('canvas, svg, table')).length,
    loading: document.querySelectorAll('[data-test="loading-indicator"]').length,
    failed: charts.filter(c => /No results|Error|Unexpected/.test(c.innerText)).map(c => c.innerText.slice(0, 200)),
  };
})()"""
OUTSIDE = """performance.getEntriesByType('resource')
  .filter(e => !e.name.startsWith(location.origin + '/') && !/^(data|blob):/.test(e.name))
  .map(e => [e.name, e.responseStatus || 0])"""


@pytest.mark.slow
def test_the_dashboard_draws_every_chart_offline_in_headless_chromium(superset, tmp_path):
    """Logged in by the session cookie, as a user who opened it: every chart drawn, none failed;
    what the page tried to load from outside (Superset's telemetry pixel) the content security
    policy refused, so nothing came from another host."""
    from PIL import Image

    from tests.browser import Browser
    from tests.test_report import require_cjk_font

    require("chromium")
    require_cjk_font()
    started = time.monotonic()
    api = superset.api()
    expected = len(dashboard_charts(api, superset))
    with Browser(tmp_path / "chromium", size=(1600, 2900)) as browser:
        for cookie in api.cookies:
            browser.call("Network.setCookie", name=cookie.name, value=cookie.value, url=superset.url)
        browser.call("Page.enable")
        browser.call("Page.addScriptToEvaluateOnNewDocument", source=CSP_LOG)
        browser.open(f"{superset.url}/superset/dashboard/{DASHBOARD}/", "China's green manufacturing", timeout=120)
        state = wait_for_charts(browser, expected, time.monotonic() + 120)
        assert state["failed"] == [], state
        outside = browser.evaluate(OUTSIDE)
        refused = set(browser.evaluate("window.__refused"))
        assert all(status == 0 and url in refused for url, status in outside), (outside, refused)
        superset.rss_mb = rss_mb(superset.process.pid)
        data = browser.screenshot(tmp_path / "dashboard.png")
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 150_000
    image = Image.open(tmp_path / "dashboard.png")
    assert image.size[1] >= 2000 and len(image.convert("RGB").getcolors(1 << 20) or []) > 1000  # drawn, not blank
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.write_bytes(data)
    superset.seconds["screenshot"] = time.monotonic() - started


CSP_LOG = """window.__refused = [];
document.addEventListener('securitypolicyviolation', e => window.__refused.push(e.blockedURI));"""


def wait_for_charts(browser, expected: int, deadline: float) -> dict:
    while time.monotonic() < deadline:
        state = browser.evaluate(CHARTS_DRAWN)
        if state["failed"] or (state["charts"] == state["drawn"] == expected and not state["loading"]):
            time.sleep(2)  # the last animation frames
            return browser.evaluate(CHARTS_DRAWN)
        time.sleep(0.5)
    raise AssertionError(f"charts not drawn: {browser.evaluate(CHARTS_DRAWN)}")
