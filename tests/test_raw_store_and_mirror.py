"""Immutable raw store, manifests, HTTP client retries, and the mirror's boundaries."""

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

from greenmfg.http_client import PoliteSession, retry_policy
from greenmfg.mirror.server import MirrorThread
from greenmfg.raw_store import FetchRecord, RawStore, read_manifest


def test_objects_are_content_addressed_and_never_rewritten(tmp_path):
    store = RawStore(tmp_path)
    digest = store.put(b"hello")
    assert digest == hashlib.sha256(b"hello").hexdigest()
    path = store.object_path(digest)
    mtime = path.stat().st_mtime_ns
    assert store.put(b"hello") == digest
    assert path.stat().st_mtime_ns == mtime
    assert not path.stat().st_mode & 0o222  # read-only


def test_manifest_is_visible_only_after_commit(tmp_path):
    store = RawStore(tmp_path)
    writer = store.open_manifest("miit", "r1")
    writer.write(FetchRecord(url="https://x/1", source_id="miit", run_id="r1", kind="list"))
    assert store.complete_manifests() == []
    path = writer.commit()
    assert store.complete_manifests() == [path]
    assert read_manifest(path)[0]["url"] == "https://x/1"
    retry = store.open_manifest("miit", "r1")  # a retried task never rewrites a manifest
    assert retry.commit().parent.name == "run=r1-2"


def test_mirror_serves_real_paths_by_host_and_binds_loopback():
    with MirrorThread() as mirror:
        assert mirror.server.server_address[0] == "127.0.0.1"
        session = PoliteSession(mirror_url=mirror.url, per_second=0)
        ok = session.get("https://www.miit.gov.cn/jgsj/jns/wjfb/index.html")
        assert ok.status_code == 200 and "文件发布" in ok.text
        assert ok.url == "https://www.miit.gov.cn/jgsj/jns/wjfb/index.html"  # the real URL is kept
        assert session.get("https://www.miit.gov.cn/nope.html").status_code == 404
        traversal = requests.get(mirror.url + "/../../README.md", headers={"X-Mirror-Host": "www.miit.gov.cn"})
        assert traversal.status_code == 404


class _Flaky(BaseHTTPRequestHandler):
    calls = 0

    def do_GET(self):  # noqa: N802
        type(self).calls += 1
        if self.path == "/gone":
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(503 if type(self).calls < 3 else 200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def test_client_retries_5xx_with_backoff_but_not_4xx(monkeypatch):
    from greenmfg import http_client

    monkeypatch.setattr(http_client, "forbidden_address", lambda address: False)  # live, to a local server
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        session = PoliteSession(per_second=0, retries=retry_policy(total=4, backoff=0.01))
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        assert session.get(url).status_code == 200
        assert _Flaky.calls == 3
        assert session.get(url + "gone").status_code == 404
        assert _Flaky.calls == 4  # a 4xx is an answer: never retried
    finally:
        server.shutdown()


def test_robots_txt_is_obeyed_and_cached(tmp_path):
    with MirrorThread() as mirror:
        session = PoliteSession(mirror_url=mirror.url, per_second=0, robots_dir=tmp_path)
        assert not session.allowed("http://jxt.zj.gov.cn/search/index.html")
        assert session.allowed("http://jxt.zj.gov.cn/col/col1582899/index.html")
        again = PoliteSession(mirror_url=mirror.url, per_second=0, robots_dir=tmp_path)
        assert not again.allowed("http://jxt.zj.gov.cn/module/x.jsp")
        assert [p for _, p in mirror.requests].count("/robots.txt") == 1  # cached on disk


def test_conditional_requests_get_304():
    with MirrorThread() as mirror:
        session = PoliteSession(mirror_url=mirror.url, per_second=0)
        url = "http://jxt.zj.gov.cn/col/col1582899/index.html"
        first = session.get(url)
        assert session.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
        gd = session.get("http://gdii.gd.gov.cn/zwgk/tzgg/index.html")  # this host sends no ETag
        assert "ETag" not in gd.headers
        since = {"If-Modified-Since": gd.headers["Last-Modified"]}
        assert session.get("http://gdii.gd.gov.cn/zwgk/tzgg/index.html", headers=since).status_code == 304
