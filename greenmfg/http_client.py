"""HTTP for scrapers: timeouts, retries with backoff, a user agent, a per-host rate limit,
and optional routing of every source host to the offline mirror.

The scrapers always use the real source URLs. With a mirror configured, the transport
sends the request to the mirror instead and passes the real host in `X-Mirror-Host`,
so the manifest keeps the real URL and only the host is redirected.

What may be fetched: a session given `allowed_hosts` (a source's own) refuses any other
host, on the first request and on every redirect hop (redirects are followed here, one hop
at a time, not by requests). Live (no mirror), every connection is made to an address
checked after DNS resolution: loopback, private, link-local, metadata and other non-global
addresses are refused (HostNotAllowed, AddressNotAllowed: links skipped, not failures).
The mirror's own address is loopback: with a mirror, the check applies to the real URL's host.

A body is whole or it is an error: shorter than its Content-Length, cut mid-chunk, or reset
raises. `response.framed` says whether the server declared where the body ends (a
Content-Length or chunked encoding); an unframed body ends where the connection closed, so
the spider weighs it against what the URL and its siblings served (scrapers/base.py).
"""

from __future__ import annotations

import ipaddress
import json
import logging
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)
from urllib3.util import connection as urllib3_connection
from urllib3.util.retry import Retry

from greenmfg import __version__
from greenmfg.files import write_atomic
from greenmfg.settings import default_of, max_file_bytes, setting

USER_AGENT = (
    f"greenmfg/{__version__} (+https://github.com/greenmfg/greenmfg; "
    "open data warehouse of China's green manufacturing lists)"
)


def seconds_pair(text: str) -> tuple[float, float]:
    """ "5,30" → (5.0, 30.0): connect, read (between two packets)."""
    connect, read = (float(x) for x in text.split(","))
    return connect, read


DEFAULT_TIMEOUT = seconds_pair(default_of("GREENMFG_HTTP_TIMEOUT"))
DEFAULT_DEADLINE = float(default_of("GREENMFG_HTTP_DEADLINE"))  # a whole response, however slowly it drips
DEFAULT_BACKOFF = float(default_of("GREENMFG_RETRY_BACKOFF"))  # seconds before the first retry, doubling
BODY_RETRIES = 3  # a body cut short (reset, truncated) is fetched again


class ResponseTooLarge(requests.RequestException):
    """The response is over the size cap: not stored, not retried."""


class DeadlineExceeded(requests.RequestException):
    """The response did not arrive whole within the deadline (a slow drip): not retried."""


class NotAllowed(requests.RequestException):
    """A URL this session may not fetch: skipped and recorded, never retried."""


class HostNotAllowed(NotAllowed):
    """The URL's host is not one of the source's (its list pages' hosts, its attachment_hosts)."""


class AddressNotAllowed(NotAllowed):
    """Live, the host resolves to a loopback, private, link-local or metadata address."""


log = logging.getLogger(__name__)

# Never fetched live, whatever a page links or a server redirects to (checked after DNS
# resolution, on every connection): besides these, any address that is not global.
FORBIDDEN_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",
        "127.0.0.0/8",
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "169.254.0.0/16",
        "100.64.0.0/10",  # shared address space; Alibaba Cloud's metadata service is 100.100.100.200
        "::1/128",
        "::/128",
        "fc00::/7",
        "fe80::/10",
    )
)


def forbidden_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # fe80::1%eth0
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return any(ip in network for network in FORBIDDEN_NETWORKS if network.version == ip.version) or not ip.is_global


def resolve(host: str, port: int) -> list[tuple]:
    """getaddrinfo's answers for a TCP connection (tests replace this to point a name at 127.0.0.1)."""
    return socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)


class _ForbiddenConnection(Exception):
    """Raised inside urllib3 (not an OSError, so it is not retried); PoliteSession turns it
    into AddressNotAllowed."""


def _checked_connection(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None, socket_options=None):
    """urllib3's create_connection, to an address checked after resolution: the name is
    resolved once, here, and the connection goes to what was checked (no second lookup that
    a rebinding DNS server could answer differently)."""
    host, port = address
    answers = resolve(host.strip("[]"), port)
    refused = sorted({info[4][0] for info in answers if forbidden_address(info[4][0])})
    if refused:
        raise _ForbiddenConnection(
            f"{host} resolves to {', '.join(refused)}: loopback, private, "
            "link-local or metadata addresses are not fetched"
        )
    error: OSError | None = None
    for *_, sockaddr in answers:
        try:
            return urllib3_connection.create_connection((sockaddr[0], port), timeout, source_address, socket_options)
        except OSError as exc:
            error = exc
    raise error or OSError(f"no address for {host}")


def _check_through_proxy(url: str) -> None:
    """Best effort where a proxy makes the connection: the name as it resolves here."""
    parts = urlsplit(url)
    try:
        answers = resolve(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
    except OSError:
        return  # the proxy may know names this machine does not
    refused = sorted({info[4][0] for info in answers if forbidden_address(info[4][0])})
    if refused:
        raise AddressNotAllowed(
            f"{parts.hostname} resolves to {', '.join(refused)}: loopback, private, "
            "link-local or metadata addresses are not fetched"
        )


class _Checked:
    """urllib3's HTTPConnection._new_conn, connecting through _checked_connection."""

    def _new_conn(self):
        try:
            sock = _checked_connection(
                (self._dns_host, self.port),
                self.timeout,
                source_address=self.source_address,
                socket_options=self.socket_options,
            )
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, self, exc) from exc
        except TimeoutError as exc:
            raise ConnectTimeoutError(
                self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})"
            ) from exc
        except OSError as exc:
            raise NewConnectionError(self, f"Failed to establish a new connection: {exc}") from exc
        return sock


class _CheckedHTTPConnection(_Checked, HTTPConnection):
    pass


class _CheckedHTTPSConnection(_Checked, HTTPSConnection):
    pass


class _CheckedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _CheckedHTTPConnection


class _CheckedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _CheckedHTTPSConnection


class LiveAdapter(HTTPAdapter):
    """Direct connections to the real sites, each to a checked address (see _checked_connection)."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _CheckedHTTPPool, "https": _CheckedHTTPSPool}


def retry_policy(total: int = 4, backoff: float = 0.5) -> Retry:
    """Retry timeouts, connection errors and 5xx with exponential backoff; never 4xx."""
    return Retry(
        total=total,
        connect=total,
        read=total,
        status=total,
        backoff_factor=backoff,
        status_forcelist=(500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "HEAD"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )


class HostRateLimiter:
    """At most `per_second` requests to one host, across threads."""

    def __init__(self, per_second: float):
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
        if slot > now:
            time.sleep(slot - now)


class MirrorAdapter(HTTPAdapter):
    """Sends every request to the offline mirror, keeping the real host in a header."""

    def __init__(self, mirror_url: str, **kwargs):
        super().__init__(**kwargs)
        self.mirror = urlsplit(mirror_url)

    def send(self, request, **kwargs):
        real = urlsplit(request.url)
        request.headers["X-Mirror-Host"] = real.netloc
        request.url = urlunsplit((self.mirror.scheme, self.mirror.netloc, real.path or "/", real.query, ""))
        response = super().send(request, **kwargs)
        response.url = urlunsplit(real)
        return response


ROBOTS_TTL = 24 * 3600  # RFC 9309: a cached robots.txt may be used for up to 24 hours


class RobotsCache:
    """robots.txt per host, fetched through the session and cached on disk for 24 hours."""

    def __init__(self, directory: Path | None):
        self.directory = directory
        self._parsers: dict[str, RobotFileParser] = {}

    def allowed(self, session: PoliteSession, url: str) -> bool:
        parts = urlsplit(url)
        host = parts.netloc
        if host not in self._parsers:
            self._parsers[host] = self._load(session, f"{parts.scheme}://{host}/robots.txt", host)
        return self._parsers[host].can_fetch(USER_AGENT, url)

    def _load(self, session: PoliteSession, robots_url: str, host: str) -> RobotFileParser:
        cached = self.directory / f"{host.replace(':', '_')}.json" if self.directory else None
        data = _read_cache(cached) if cached else None
        if data is not None and time.time() - data["fetched_at"] < ROBOTS_TTL:
            return _parser(data["status"], data["text"])
        try:
            response = session.get(robots_url, check_robots=False)
            status, text = response.status_code, response.text if response.status_code == 200 else ""
        except Exception:  # unreachable robots.txt: allow, and ask again next time
            return _parser(404, "")
        if cached:
            write_atomic(cached, json.dumps({"fetched_at": time.time(), "status": status, "text": text}))
        return _parser(status, text)


def _read_cache(path: Path) -> dict | None:
    """A cached robots.txt, or None when there is none or it cannot be read (truncated, not
    JSON, fields missing): a broken cache file is discarded and robots.txt fetched again."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
        fetched_at, status, text = float(data["fetched_at"]), int(data["status"]), data["text"]
        if not isinstance(text, str):
            raise ValueError("text is not a string")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("robots.txt cache %s is unreadable (%s): discarded, fetched again", path, exc)
        path.unlink(missing_ok=True)
        return None
    return {"fetched_at": fetched_at, "status": status, "text": text}


def _parser(status: int, text: str) -> RobotFileParser:
    parser = RobotFileParser()
    if status in (401, 403):
        parser.disallow_all = True
    else:
        parser.parse(text.splitlines())  # 404 or empty: everything allowed
    return parser


class PoliteSession:
    """A requests session with retries, timeouts, robots.txt and a per-host rate limit."""

    def __init__(
        self,
        mirror_url: str | None = None,
        per_second: float = 2.0,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        retries: Retry | None = None,
        robots_dir: Path | None = None,
        deadline: float = DEFAULT_DEADLINE,
        max_bytes: int | None = None,
        backoff: float = DEFAULT_BACKOFF,
        allowed_hosts: frozenset[str] | set[str] | None = None,
    ):
        self.live = not mirror_url
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts) if allowed_hosts is not None else None
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes or max_file_bytes()
        self.backoff = backoff
        self.limiter = HostRateLimiter(per_second)
        self.robots = RobotsCache(robots_dir)
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.max_redirects = 10  # a redirect loop ends quickly (TooManyRedirects)
        retries = retries or retry_policy(backoff=backoff)
        adapter = MirrorAdapter(mirror_url, max_retries=retries) if mirror_url else LiveAdapter(max_retries=retries)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    @classmethod
    def from_env(cls, **kwargs) -> PoliteSession:
        """Limits from the environment where set (GREENMFG_HTTP_TIMEOUT="connect,read" seconds,
        GREENMFG_HTTP_DEADLINE seconds, GREENMFG_RETRY_BACKOFF seconds; the size cap is
        settings.max_file_bytes())."""
        kwargs.setdefault("timeout", seconds_pair(setting("GREENMFG_HTTP_TIMEOUT")))
        kwargs.setdefault("deadline", float(setting("GREENMFG_HTTP_DEADLINE")))
        kwargs.setdefault("backoff", float(setting("GREENMFG_RETRY_BACKOFF")))
        return cls(**kwargs)

    def allowed(self, url: str) -> bool:
        return self.robots.allowed(self, url)

    def check_host(self, url: str) -> None:
        """HostNotAllowed unless the session may fetch from this URL's host."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise HostNotAllowed(f"not an http(s) URL: {url}")
        host = (parts.hostname or "").lower()
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            raise HostNotAllowed(
                f"{host or url} is not one of the source's hosts ({', '.join(sorted(self.allowed_hosts))})"
            )

    def get(self, url: str, headers: dict | None = None, check_robots: bool = False) -> requests.Response:
        self.check_host(url)
        if check_robots and not self.allowed(url):
            raise requests.RequestException(f"disallowed by robots.txt: {url}")
        for attempt in range(BODY_RETRIES):
            try:
                return self._get_once(url, headers)
            except requests.exceptions.ChunkedEncodingError:  # cut short: urllib3's retries cover the rest
                time.sleep(self.backoff * 2**attempt)
        return self._get_once(url, headers)

    def _get_once(self, url: str, headers: dict | None) -> requests.Response:
        """One request, its redirects followed here hop by hop: each hop's host is checked
        (check_host; live, the address too) before it is asked."""
        history: list[requests.Response] = []
        for _ in range(self.session.max_redirects + 1):
            self.check_host(url)
            if self.live and self.session.trust_env and requests.utils.get_environ_proxies(url):
                _check_through_proxy(url)  # a proxy connects for us: check what the name resolves to here
            self.limiter.wait(urlsplit(url).netloc)
            try:
                response = self.session.get(
                    url, timeout=self.timeout, headers=headers, stream=True, allow_redirects=False
                )
            except _ForbiddenConnection as exc:
                raise AddressNotAllowed(str(exc)) from None
            target = self.session.get_redirect_target(response)
            if target is None:
                break
            response.close()
            history.append(response)
            url = urljoin(response.url, target)
        else:
            raise requests.TooManyRedirects(f"Exceeded {self.session.max_redirects} redirects.", response=response)
        try:
            response._content, response._content_consumed = self._read_body(response), True
            response.history = history
            return response
        finally:
            response.close()

    def _read_body(self, response: requests.Response) -> bytes:
        """The whole body, within the size cap and the deadline; a short body raises
        (urllib3 checks Content-Length), so no partial body ever reaches the raw store."""
        declared = response.headers.get("Content-Length", "").strip()
        chunked = "chunked" in response.headers.get("Transfer-Encoding", "").lower()
        response.framed = declared.isdigit() or chunked  # else the body ends where the connection closed
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise ResponseTooLarge(f"Content-Length {declared} over the cap of {self.max_bytes} bytes")
        started, chunks, size = time.monotonic(), [], 0
        try:
            while chunk := response.raw.read1(65536, decode_content=True):
                size += len(chunk)
                if size > self.max_bytes:
                    raise ResponseTooLarge(f"body over the cap of {self.max_bytes} bytes")
                if time.monotonic() - started > self.deadline:
                    raise DeadlineExceeded(f"body not complete after {self.deadline:.0f} s ({size} bytes)")
                chunks.append(chunk)
        except (ResponseTooLarge, DeadlineExceeded):
            raise  # (RequestException is an OSError: keep them apart from a broken connection)
        except (ProtocolError, ReadTimeoutError, OSError) as exc:
            raise requests.exceptions.ChunkedEncodingError(f"body cut short after {size} bytes: {exc}") from exc
        raw_size = response.raw.tell() if hasattr(response.raw, "tell") else size
        if declared.isdigit() and not chunked and raw_size < int(declared):  # (urllib3 checks it too)
            raise requests.exceptions.ChunkedEncodingError(
                f"body cut short: {raw_size} of the {declared} bytes its Content-Length declares"
            )
        return b"".join(chunks)

    def close(self) -> None:
        self.session.close()
