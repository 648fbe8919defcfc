"""HTTP server for the offline corpus.

Each source site lives under corpus/sites/<real host>/<real path>; list pages of the
catalogued sites are rendered from corpus/catalog/*.yaml. A request names the real host in
`X-Mirror-Host` (set by greenmfg.http_client.MirrorAdapter) or in `Host`, so scrapers use
the real URLs and only the host is redirected. Binds 127.0.0.1 unless told otherwise
(the compose stack's `mirror` service listens on its container network).

Like the real servers: per-host charset headers (some missing or wrong, corpus/hosts.yaml),
ETag / Last-Modified validators and 304 answers where the host supports them, robots.txt.
A fault plan (greenmfg/mirror/faults.py) makes chosen requests fail the way real sites do.
`as_of` hides catalogued articles published after that date (and their attachments), so a
test can advance the corpus and see a refresh pick up exactly the new items.
"""

from __future__ import annotations

import hashlib
import logging
import math
import mimetypes
import threading
from datetime import UTC, date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from greenmfg.files import read_yaml
from greenmfg.mirror import faults, list_pages
from greenmfg.settings import CORPUS_DIR

log = logging.getLogger(__name__)
SITES_DIR = CORPUS_DIR / "sites"
CONTENT_TYPES = {
    ".xls": "application/vnd.ms-excel",
    ".doc": "application/msword",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".shtml": "text/html",
    ".htm": "text/html",
}
DEFAULT_ROBOTS = "User-agent: *\nAllow: /\n"
EPOCH = datetime(2016, 1, 1, tzinfo=UTC)


def resolve_file(sites: Path, host: str, raw_path: str) -> Path | None:
    """The corpus file for host + path (+ query, stored as `<path>?<query>` quoted)."""
    parts = urlsplit(raw_path)
    path = unquote(parts.path)
    if path.endswith("/"):
        path += "index.html"
    name = path.lstrip("/") + (quote("?" + parts.query, safe="") if parts.query else "")
    root = (sites / host).resolve()
    candidate = (root / name).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


class Corpus:
    """What the mirror serves: static files, catalogued list pages, host behaviour, as-of date."""

    def __init__(self, root: Path = CORPUS_DIR, as_of: str | None = None):
        self.sites = root / "sites"
        self.as_of = as_of
        hosts_file = root / "hosts.yaml"
        self.hosts: dict = read_yaml(hosts_file) if hosts_file.exists() else {}
        self.lists: dict[tuple[str, str], tuple[dict, int]] = {}
        self.hidden: set[str] = set()
        self.dates: dict[str, str] = {}
        for path in sorted((root / "catalog").glob("*.yaml")) if (root / "catalog").exists() else []:
            self._add_catalog(read_yaml(path))

    def _add_catalog(self, catalog: dict) -> None:
        visible = []
        for entry in catalog["entries"]:
            urls = [entry["url"], *entry.get("attachments", [])]
            if self.as_of and entry["date"] > self.as_of:
                self.hidden.update(_key(u) for u in urls)
            else:
                visible.append(entry)
                self.dates.update({_key(u): entry["date"] for u in urls})
        host = urlsplit(catalog["list_url"]).netloc
        catalog = {**catalog, "meta_charset": self.hosts.get(host, {}).get("meta_charset", catalog.get("encoding"))}
        catalog["visible"] = visible
        pages = max(1, math.ceil(len(visible) / catalog["page_size"]))
        for page in range(1, pages + 1):
            url = list_pages.page_url(catalog["family"], catalog["list_url"], page)
            self.lists[_key(url)] = (catalog, page)

    def host(self, host: str) -> dict:
        return self.hosts.get(host, {})

    def list_page(self, key: str) -> tuple[bytes, str | None] | None:
        if key not in self.lists:
            return None
        catalog, page = self.lists[key]
        size = catalog["page_size"]
        entries = catalog["visible"][(page - 1) * size : page * size]
        pages = max(1, math.ceil(len(catalog["visible"]) / size))
        text = list_pages.render(catalog, entries, page, pages)
        newest = max((e["date"] for e in catalog["visible"]), default=None)
        encoding = self.host(urlsplit("//" + key).netloc).get("charset", "utf-8")
        return text.encode(encoding, errors="xmlcharrefreplace"), newest


def _key(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _http_date(day: str | None) -> datetime:
    if not day:
        return EPOCH
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), tzinfo=UTC)


class MirrorHandler(BaseHTTPRequestHandler):
    corpus: Corpus
    faults: faults.FaultPlan | None = None
    server_version = "greenmfg-mirror/0.2"

    def do_GET(self):  # noqa: N802 (http.server API)
        self._serve(body=True)

    def do_HEAD(self):  # noqa: N802
        self._serve(body=False)

    def _serve(self, body: bool) -> None:
        host = (self.headers.get("X-Mirror-Host") or self.headers.get("Host") or "").split(":")[0]
        key = host + self.path
        self.server.requests.append((host, self.path))
        rule = self.faults.take(key) if self.faults else None
        if rule is not None:
            faults.apply(self, rule, lambda: self._content(host, key))
            return
        found = self._lookup(host, key)
        if found is None:
            self._status(HTTPStatus.NOT_FOUND, body, f"not in the offline corpus: {key}")
            return
        data, content_type, modified = found
        behaviour = self.corpus.host(host)
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        headers = {"Content-Type": content_type}
        if behaviour.get("etag", True):
            headers["ETag"] = etag
        if behaviour.get("last_modified", True):
            headers["Last-Modified"] = format_datetime(modified, usegmt=True)
        if self._not_modified(behaviour, etag, modified):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            for name, value in headers.items():
                if name != "Content-Type":
                    self.send_header(name, value)
            self.end_headers()
            return
        self.send_response(HTTPStatus.OK)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _content(self, host: str, key: str) -> tuple[bytes, str] | None:
        found = self._lookup(host, key)
        return found[:2] if found else None

    def _lookup(self, host: str, key: str) -> tuple[bytes, str, datetime] | None:
        behaviour = self.corpus.host(host)
        path_only = urlsplit(self.path).path
        if path_only == "/robots.txt":
            return behaviour.get("robots", DEFAULT_ROBOTS).encode(), "text/plain", EPOCH
        if key in self.corpus.hidden:
            return None
        listed = self.corpus.list_page(key)
        if listed is not None:
            return listed[0], self._html_type(behaviour), _http_date(listed[1])
        target = resolve_file(self.corpus.sites, host, self.path)
        if target is None:
            return None
        suffix = target.suffix.lower()
        content_type = CONTENT_TYPES.get(suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if content_type == "text/html":
            content_type = self._html_type(behaviour)
        return target.read_bytes(), content_type, _http_date(self.corpus.dates.get(key))

    @staticmethod
    def _html_type(behaviour: dict) -> str:
        charset = behaviour.get("header_charset", behaviour.get("charset", "utf-8"))
        return "text/html" if charset == "none" else f"text/html; charset={charset}"

    def _not_modified(self, behaviour: dict, etag: str, modified: datetime) -> bool:
        match = self.headers.get("If-None-Match")
        if match and behaviour.get("etag", True):
            return match == etag
        since = self.headers.get("If-Modified-Since")
        if since and behaviour.get("last_modified", True):
            try:
                return modified <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
        return False

    def _status(self, status: HTTPStatus, body: bool, message: str) -> None:
        data = message.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, fmt, *args):
        log.debug("mirror: " + fmt, *args)


def make_server(
    port: int = 0,
    root: Path = CORPUS_DIR,
    as_of: str | None = None,
    fault_plan: faults.FaultPlan | None = None,
    host: str = "127.0.0.1",
) -> ThreadingHTTPServer:
    handler = type("Handler", (MirrorHandler,), {"corpus": Corpus(root, as_of), "faults": fault_plan})
    server = ThreadingHTTPServer((host, port), handler)
    server.handle_error = lambda request, address: log.debug("mirror: connection from %s ended early", address)
    server.requests = []  # (host, path) of every request: tests count them
    return server


class MirrorThread:
    """The mirror in a background thread (tests, `greenmfg run` without a mirror URL)."""

    def __init__(
        self,
        port: int = 0,
        root: Path = CORPUS_DIR,
        as_of: str | None = None,
        fault_plan: faults.FaultPlan | None = None,
    ):
        self.server = make_server(port, root, as_of, fault_plan)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def requests(self) -> list[tuple[str, str]]:
        return self.server.requests

    def __enter__(self) -> MirrorThread:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
