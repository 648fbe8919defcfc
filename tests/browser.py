"""Headless Chromium driven over the DevTools protocol, for screenshots of single-page apps
(the Airflow UI) that need their data loaded, or a view preference set, before the picture."""

from __future__ import annotations

import base64
import contextlib
import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import requests

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        from tests.conftest import under_ci

        if under_ci():
            pytest.fail("chromium is missing: .ci/run installs it from Debian's packages")
        pytest.skip("chromium not installed (apt-get install chromium)")
    return path


class Browser:
    def __init__(self, profile: Path, size: tuple[int, int] = (1600, 1000)):
        self.profile, self.size = profile, size
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Browser:
        from websockets.sync.client import connect

        self.profile.mkdir(parents=True, exist_ok=True)
        port_file = self.profile / "DevToolsActivePort"
        port_file.unlink(missing_ok=True)
        self.process = subprocess.Popen(
            [
                chromium(),
                *FLAGS,
                f"--user-data-dir={self.profile}",
                f"--window-size={self.size[0]},{self.size[1]}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline:
                raise AssertionError("chromium did not open its DevTools port")
            time.sleep(0.2)
        port = int(port_file.read_text().split()[0])
        page = next(t for t in requests.get(f"http://127.0.0.1:{port}/json", timeout=10).json() if t["type"] == "page")
        self.socket = connect(page["webSocketDebuggerUrl"], max_size=64 * 1024 * 1024)
        self._id = 0
        return self

    def __exit__(self, *exc) -> None:
        with contextlib.suppress(Exception):
            self.socket.close()
        if self.process:
            self.process.kill()
            self.process.wait(timeout=30)

    def call(self, method: str, **params) -> dict:
        self._id += 1
        self.socket.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=60))
            if message.get("id") == self._id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression: str):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def open(self, url: str, until_text: str, timeout: float = 60, settle: float = 2.0) -> None:
        """Load the page and wait until its text shows `until_text` (the app has its data)."""
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if until_text in (self.evaluate("document.body ? document.body.innerText : ''") or ""):
                time.sleep(settle)  # let the last requests and the layout finish
                return
            time.sleep(0.5)
        raise AssertionError(
            f"{url}: {until_text!r} not shown after {timeout}s; the page says: "
            f"{(self.evaluate('document.body.innerText') or '')[:500]}"
        )

    def screenshot(self, target: Path) -> bytes:
        data = base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return data
