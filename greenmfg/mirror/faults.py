"""Fault mode of the offline mirror: what real sites do to scrapers, on purpose.

A plan is a list of rules; a rule matches requests whose "host/path" contains `match` and
answers the first `times` of them (every one when `times` is absent) with its fault
instead of the file. Every fault is bounded in time, so a test that meets it ends.

    - {match: "www.miit.gov.cn/jgsj/jns/", fault: status, status: 503, times: 2}
    - {match: ".pdf", fault: truncate}

Faults: status (5xx, 404 …), timeout (hold the connection `seconds`, answer nothing),
reset (TCP RST, no answer), truncate (Content-Length of the whole body, half of it sent),
wrong_charset (the page under a lying `charset=` header), redirect_loop (302 to itself),
oversized (`bytes` of body, more than the client accepts), slow_drip (one byte every
`interval` seconds for at most `seconds`, no Content-Length, then the connection closed),
close_early (the first half of the file, no Content-Length, then the connection closed: to
the client the body looks complete), placeholder (200 with a small page that has no
article: a CMS serving a notice before its text is in).
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path

import yaml

KINDS = {
    "status",
    "timeout",
    "reset",
    "truncate",
    "wrong_charset",
    "redirect_loop",
    "oversized",
    "slow_drip",
    "close_early",
    "placeholder",
}
PLACEHOLDER = "<html><head><title>提示</title></head><body><p>页面正在更新，请稍后访问。</p></body></html>".encode()


@dataclass
class FaultRule:
    match: str
    fault: str
    times: int | None = None
    status: int = 503
    seconds: float = 3.0
    interval: float = 0.2
    bytes: int = 8 * 1024 * 1024
    charset: str = "iso-8859-1"
    hits: int = 0

    def __post_init__(self):
        if self.fault not in KINDS:
            raise ValueError(f"unknown fault {self.fault!r}: one of {sorted(KINDS)}")


@dataclass
class FaultPlan:
    rules: list[FaultRule] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_rules(cls, rules: list[dict]) -> FaultPlan:
        return cls([FaultRule(**rule) for rule in rules])

    @classmethod
    def from_file(cls, path: Path) -> FaultPlan:
        return cls.from_rules(yaml.safe_load(path.read_text(encoding="utf-8")) or [])

    def take(self, key: str) -> FaultRule | None:
        """The rule this request meets (counting it), or None: serve normally."""
        with self._lock:
            for rule in self.rules:
                if rule.match in key and (rule.times is None or rule.hits < rule.times):
                    rule.hits += 1
                    return rule
        return None


def apply(handler, rule: FaultRule, serve) -> None:
    """Answer the request with the rule's fault. `serve()` returns the normal (data,
    content_type) of the request, or None where the file does not exist."""
    handler.close_connection = True
    if rule.fault == "status":
        _send(handler, rule.status, b"injected fault", "text/plain")
    elif rule.fault == "timeout":
        time.sleep(rule.seconds)
    elif rule.fault == "reset":
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.connection.close()
    elif rule.fault == "redirect_loop":
        handler.send_response(HTTPStatus.FOUND)
        handler.send_header("Location", handler.path)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    elif rule.fault == "oversized":
        _stream(handler, rule.bytes, chunk=b"x" * 65536, interval=0.0, seconds=rule.seconds)
    elif rule.fault == "slow_drip":
        _stream(handler, 1_000_000, chunk=b" ", interval=rule.interval, seconds=rule.seconds)
    elif rule.fault == "placeholder":
        _send(handler, 200, PLACEHOLDER, "text/html; charset=utf-8")
    else:
        found = serve()
        if found is None:
            _send(handler, 404, b"not in the offline corpus", "text/plain")
        elif rule.fault == "truncate":
            data, content_type = found
            handler.send_response(HTTPStatus.OK)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data[: len(data) // 2])
        elif rule.fault == "close_early":
            data, content_type = found
            handler.send_response(HTTPStatus.OK)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Connection", "close")
            handler.end_headers()
            handler.wfile.write(data[: len(data) // 2])
        else:  # wrong_charset
            data, content_type = found
            _send(handler, 200, data, content_type.split(";")[0] + f"; charset={rule.charset}")


def _send(handler, status: int, data: bytes, content_type: str) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


def _stream(handler, total: int, chunk: bytes, interval: float, seconds: float) -> None:
    """Send up to `total` bytes (no Content-Length), stopping after `seconds` or when the
    client hangs up."""
    handler.send_response(HTTPStatus.OK)
    handler.send_header("Content-Type", "application/octet-stream")
    handler.end_headers()
    sent, ends = 0, time.monotonic() + seconds
    try:
        while sent < total and time.monotonic() < ends:
            handler.wfile.write(chunk)
            sent += len(chunk)
            if interval:
                time.sleep(interval)
    except OSError:  # the client gave up: that is the point
        pass
