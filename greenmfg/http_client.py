"""HTTP for scrapers: timeouts, retries with backoff, a user agent, a per-host rate limit,
and optional routing of every source host to the offline mirror.

The scrapers always use the real source URLs. With a mirror configured, the transport
sends the request to the mirror instead and passes the real host in `X-Mirror-Host`,
so the manifest keeps the real URL and only the host is redirected.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ProtocolError, ReadTimeoutError
from urllib3.util.retry import Retry

from greenmfg import __version__
from greenmfg.settings import max_file_bytes

USER_AGENT = (
    f"greenmfg/{__version__} (+https://github.com/greenmfg/greenmfg; "
    "open data warehouse of China's green manufacturing lists)"
)
DEFAULT_TIMEOUT = (5.0, 30.0)  # connect, read (between two packets)
DEFAULT_DEADLINE = 300.0  # a whole response, however slowly it drips
BODY_RETRIES = 3  # a body cut short (reset, truncated) is fetched again


class ResponseTooLarge(requests.RequestException):
    """The response is over the size cap: not stored, not retried."""


class DeadlineExceeded(requests.RequestException):
    """The response did not arrive whole within the deadline (a slow drip): not retried."""


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
        request.url = urlunsplit(
            (self.mirror.scheme, self.mirror.netloc, real.path or "/", real.query, "")
        )
        response = super().send(request, **kwargs)
        response.url = urlunsplit(real)
        return response


ROBOTS_TTL = 24 * 3600  # RFC 9309: a cached robots.txt may be used for up to 24 hours


class RobotsCache:
    """robots.txt per host, fetched through the session and cached on disk for 24 hours."""

    def __init__(self, directory: Path | None):
        self.directory = directory
        self._parsers: dict[str, RobotFileParser] = {}

    def allowed(self, session: "PoliteSession", url: str) -> bool:
        parts = urlsplit(url)
        host = parts.netloc
        if host not in self._parsers:
            self._parsers[host] = self._load(session, f"{parts.scheme}://{host}/robots.txt", host)
        return self._parsers[host].can_fetch(USER_AGENT, url)

    def _load(self, session: "PoliteSession", robots_url: str, host: str) -> RobotFileParser:
        cached = self.directory / f"{host}.json" if self.directory else None
        if cached and cached.exists():
            data = json.loads(cached.read_text())
            if time.time() - data["fetched_at"] < ROBOTS_TTL:
                return _parser(data["status"], data["text"])
        try:
            response = session.get(robots_url, check_robots=False)
            status, text = response.status_code, response.text if response.status_code == 200 else ""
        except Exception:  # unreachable robots.txt: allow, and ask again next time
            return _parser(404, "")
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps({"fetched_at": time.time(), "status": status, "text": text}))
        return _parser(status, text)


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
        backoff: float = 0.5,
    ):
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
        adapter = (
            MirrorAdapter(mirror_url, max_retries=retries)
            if mirror_url
            else HTTPAdapter(max_retries=retries)
        )
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    @classmethod
    def from_env(cls, **kwargs) -> "PoliteSession":
        """Limits from the environment where set (GREENMFG_HTTP_TIMEOUT="connect,read" seconds,
        GREENMFG_HTTP_DEADLINE seconds, GREENMFG_RETRY_BACKOFF seconds; the size cap is
        settings.max_file_bytes())."""
        env = os.environ.get
        if env("GREENMFG_HTTP_TIMEOUT"):
            connect, read = (float(x) for x in env("GREENMFG_HTTP_TIMEOUT").split(","))
            kwargs["timeout"] = (connect, read)
        if env("GREENMFG_HTTP_DEADLINE"):
            kwargs["deadline"] = float(env("GREENMFG_HTTP_DEADLINE"))
        if env("GREENMFG_RETRY_BACKOFF"):
            kwargs["backoff"] = float(env("GREENMFG_RETRY_BACKOFF"))
        return cls(**kwargs)

    def allowed(self, url: str) -> bool:
        return self.robots.allowed(self, url)

    def get(self, url: str, headers: dict | None = None, check_robots: bool = False) -> requests.Response:
        if check_robots and not self.allowed(url):
            raise requests.RequestException(f"disallowed by robots.txt: {url}")
        for attempt in range(BODY_RETRIES):
            try:
                return self._get_once(url, headers)
            except requests.exceptions.ChunkedEncodingError:  # cut short: urllib3's retries cover the rest
                time.sleep(self.backoff * 2 ** attempt)
        return self._get_once(url, headers)

    def _get_once(self, url: str, headers: dict | None) -> requests.Response:
        self.limiter.wait(urlsplit(url).netloc)
        response = self.session.get(url, timeout=self.timeout, headers=headers, stream=True)
        try:
            response._content, response._content_consumed = self._read_body(response), True
            return response
        finally:
            response.close()

    def _read_body(self, response: requests.Response) -> bytes:
        """The whole body, within the size cap and the deadline; a short body raises
        (urllib3 checks Content-Length), so no partial body ever reaches the raw store."""
        declared = response.headers.get("Content-Length", "")
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
        return b"".join(chunks)

    def close(self) -> None:
        self.session.close()
