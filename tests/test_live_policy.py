"""Live mode fetches only what a source may (issue 19, item 5).

A local server on 127.0.0.1 stands in for the sites; the resolver is replaced so that test host
names point at it (or at addresses no connection is ever made to). No traffic leaves 127.0.0.1.
"""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from greenmfg import http_client
from greenmfg.http_client import PoliteSession
from greenmfg.settings import Paths
from tests.conftest import register_source

SITE = "gxt.guizhou.gov.cn"  # the source's own host (tests.conftest.GUIZHOU_SOURCE)
REAL_GETADDRINFO = socket.getaddrinfo


class _Site(BaseHTTPRequestHandler):
    """Pages by path; every request is recorded with its Host header."""

    pages: dict[str, tuple[int, dict, bytes]] = {}
    seen: list[tuple[str, str]] = []

    def do_GET(self):  # noqa: N802
        type(self).seen.append((self.headers.get("Host", "").split(":")[0], self.path))
        status, headers, body = self.pages.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site(monkeypatch):
    """(port, pages, seen): a server on 127.0.0.1; names resolve as `names` says (default 127.0.0.1)."""
    _Site.pages, _Site.seen = {}, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    names = {
        SITE: "127.0.0.1",
        "evil.test": "127.0.0.1",
        "intranet.test": "127.0.0.1",
        "metadata.test": "169.254.169.254",
        "lan.test": "192.168.1.20",
        "v6.test": "::1",
    }

    def getaddrinfo(host, port, *args, **kwargs):
        if host in names:
            family = socket.AF_INET6 if ":" in names[host] else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (names[host], port))]
        return REAL_GETADDRINFO(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.delenv("GREENMFG_MIRROR_URL", raising=False)  # live
    try:
        yield server.server_address[1], _Site.pages, _Site.seen
    finally:
        server.shutdown()


def public(monkeypatch, address: str = "127.0.0.1") -> None:
    """Let the stand-in server's own address count as a public one (it is the 'real site')."""
    check = http_client.forbidden_address
    monkeypatch.setattr(http_client, "forbidden_address", lambda a: a != address and check(a), raising=False)


@pytest.mark.parametrize(
    "host",
    [
        "intranet.test",
        "metadata.test",
        "lan.test",
        "v6.test",
        "127.0.0.1",
        "[::1]",
        "169.254.169.254",
        "10.0.0.8",
        "[fd00:ec2::254]",
        "[::ffff:127.0.0.1]",
    ],
)
def test_live_a_loopback_private_or_metadata_address_is_refused_after_resolution(site, host):
    port, pages, seen = site
    pages["/secret"] = (200, {}, b"internal")
    session = PoliteSession(per_second=0)
    with pytest.raises(http_client.AddressNotAllowed, match="not fetched"):
        session.get(f"http://{host}:{port}/secret")
    assert seen == []  # no connection was made


def test_live_every_redirect_hop_is_checked(site, monkeypatch):
    port, pages, seen = site
    public(monkeypatch)
    pages["/to-metadata"] = (302, {"Location": f"http://metadata.test:{port}/latest/meta-data/"}, b"")
    pages["/to-loopback"] = (301, {"Location": f"http://127.0.0.2:{port}/admin"}, b"")
    pages["/to-other-host"] = (302, {"Location": f"http://evil.test:{port}/x"}, b"")
    pages["/hop"] = (302, {"Location": "/landed"}, b"")
    pages["/landed"] = (200, {}, b"fine")
    anywhere = PoliteSession(per_second=0)  # no host list: the address check alone
    with pytest.raises(http_client.AddressNotAllowed, match="169.254.169.254"):
        anywhere.get(f"http://{SITE}:{port}/to-metadata")
    with pytest.raises(http_client.AddressNotAllowed, match="127.0.0.2"):
        anywhere.get(f"http://{SITE}:{port}/to-loopback")
    session = PoliteSession(per_second=0, allowed_hosts={SITE})
    with pytest.raises(http_client.HostNotAllowed, match="evil.test is not one of the source's hosts"):
        session.get(f"http://{SITE}:{port}/to-other-host")
    landed = session.get(f"http://{SITE}:{port}/hop")  # a redirect within the site is followed
    assert landed.text == "fine" and landed.url == f"http://{SITE}:{port}/landed"
    assert seen == [
        (SITE, "/to-metadata"),
        (SITE, "/to-loopback"),
        (SITE, "/to-other-host"),
        (SITE, "/hop"),
        (SITE, "/landed"),
    ]


def test_a_redirect_loop_still_ends(site, monkeypatch):
    port, pages, _ = site
    public(monkeypatch)
    pages["/loop"] = (302, {"Location": "/loop"}, b"")
    with pytest.raises(requests.TooManyRedirects):
        PoliteSession(per_second=0).get(f"http://{SITE}:{port}/loop")


def test_live_a_source_fetches_only_from_its_own_hosts(site, monkeypatch, tmp_path):
    """Article and attachment links elsewhere, and redirects there, are skipped and listed in
    the scrape report with the reason; nothing is asked of another host."""
    from greenmfg import pipeline
    from greenmfg.raw_store import RawStore, read_manifest

    port, pages, seen = site
    public(monkeypatch)
    base = f"http://{SITE}:{port}"
    register_source(
        tmp_path,
        monkeypatch,
        f"""\
id: gz_gxt
name: 贵州省工业和信息化厅 通知公告
issuer: 贵州省工业和信息化厅
level: provincial
region_code: "520000"
list_urls: [{base}/zwgk/tzgg/index.html]
list: {{item: "div.news li", link: "a[href]", date: "em"}}
article: {{title: "h2.tit", body: "div.view", date: "p.time"}}
""",
    )
    html = {"Content-Type": "text/html; charset=utf-8"}
    pages["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n")
    pages["/zwgk/tzgg/index.html"] = (
        200,
        html,
        f"""<html><body><div class="news"><ul>
        <li><a href="{base}/zwgk/tzgg/a1.html">绿色工厂名单</a><em>2024-05-20</em></li>
        <li><a href="http://evil.test:{port}/a2.html">转载</a><em>2024-05-19</em></li>
        <li><a href="http://intranet.test:{port}/a3.html">内网</a><em>2024-05-18</em></li>
        </ul></div></body></html>""".encode(),
    )
    pages["/zwgk/tzgg/a1.html"] = (
        200,
        html,
        f"""<html><body><h2 class="tit">关于公布绿色工厂名单的通知</h2>
        <p class="time">2024-05-20</p><div class="view"><p>现将名单公布如下。</p>
        <a href="/zwgk/tzgg/P1.xlsx">附件1.xlsx</a>
        <a href="http://evil.test:{port}/P2.xlsx">附件2.xlsx</a>
        <a href="http://metadata.test:{port}/P3.xlsx">附件3.xlsx</a>
        <a href="/zwgk/tzgg/P4.xlsx">附件4.xlsx</a></div></body></html>""".encode(),
    )
    pages["/zwgk/tzgg/P1.xlsx"] = (200, {}, b"PK\x03\x04 a list" + b"x" * 2000 + b"PK\x05\x06" + b"\0" * 18)
    pages["/zwgk/tzgg/P4.xlsx"] = (302, {"Location": f"http://evil.test:{port}/P4.xlsx"}, b"")

    paths = Paths(tmp_path / "home")
    result = pipeline.scrape_source(paths, "live", "gz_gxt")
    assert {host for host, _ in seen} == {SITE}  # nothing was asked of another host
    assert sorted(path for _, path in seen) == [
        "/robots.txt",
        "/zwgk/tzgg/P1.xlsx",
        "/zwgk/tzgg/P4.xlsx",
        "/zwgk/tzgg/a1.html",
        "/zwgk/tzgg/index.html",
    ]
    skipped = dict(entry.split(": ", 1) for entry in result["skipped"])
    assert set(skipped) == {
        f"http://evil.test:{port}/a2.html",
        f"http://intranet.test:{port}/a3.html",
        f"http://evil.test:{port}/P2.xlsx",
        f"http://metadata.test:{port}/P3.xlsx",
        f"{base}/zwgk/tzgg/P4.xlsx",
    }
    assert all(reason.startswith("HostNotAllowed: ") for reason in skipped.values())
    assert result["failed"] == 0 and result["attachments"] == 1
    report = json.loads((paths.runs_dir / "live" / "scrape" / "gz_gxt.json").read_text(encoding="utf-8"))
    assert report["skipped"] == result["skipped"]
    stored = [r["url"] for m in RawStore(paths.raw_dir).complete_manifests() for r in read_manifest(m) if r["sha256"]]
    assert sorted(stored) == [f"{base}/zwgk/tzgg/P1.xlsx", f"{base}/zwgk/tzgg/a1.html", f"{base}/zwgk/tzgg/index.html"]

    from greenmfg.scrape import scrape_source
    from scrapers.base import CrawlState

    assert CrawlState.from_store(RawStore(paths.raw_dir), "gz_gxt").missed == {}  # skipped links are not retried
    _Site.seen.clear()
    scrape_source(paths, "again", "gz_gxt")
    assert {host for host, _ in seen} == {SITE}


def test_a_source_declares_the_other_hosts_it_may_fetch_from():
    from scrapers import registry

    assert registry()["miit"].allowed_hosts() == {"www.miit.gov.cn", "wap.miit.gov.cn"}
    assert registry()["zj_jxt"].allowed_hosts() == {"jxt.zj.gov.cn"}
