"""The HTML overview: self-contained, published with each run, rendered by headless Chromium."""

import re
import subprocess
from pathlib import Path

import pytest

from greenmfg.settings import PROJECT_ROOT
from tests.browser import chromium
from tests.conftest import require, under_ci

pytestmark = pytest.mark.slow
SCREENSHOTS = PROJECT_ROOT / "test-output" / "screenshots"


def require_cjk_font() -> None:
    """Without a CJK font Chromium draws every Chinese character as a box: a useless screenshot."""
    require("fontconfig")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    if not fonts.strip():
        if under_ci():
            pytest.fail("no CJK font: .ci/run installs fonts-droid-fallback from Debian's packages")
        pytest.skip("no CJK font (apt-get install fonts-droid-fallback)")


def test_report_is_published_and_self_contained(pipeline_home):
    paths, summary = pipeline_home
    report = Path(summary["publish"]["report"])
    text = report.read_text(encoding="utf-8")
    for section in ("National designations per province", "Progress against targets", "Source health", "Quarantine"):
        assert section in text
    assert "<script" not in text and "<link" not in text and 'src="http' not in text  # works offline
    assert "广东省" in text and "<svg" in text


def test_report_renders_in_headless_chromium(pipeline_home, tmp_path):
    paths, summary = pipeline_home
    require_cjk_font()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "report.png"
    shot.unlink(missing_ok=True)
    subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--hide-scrollbars",
            "--window-size=1200,2400",
            f"--screenshot={shot}",
            Path(summary["publish"]["report"]).as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 30_000  # a page with charts, not a blank one


def test_report_tables_after_a_real_run(pipeline_home):
    from tests.test_report_tables import table_after

    paths, summary = pipeline_home
    page = Path(summary["publish"]["report"]).read_text(encoding="utf-8")
    _, *sources = table_after(page, "Source health")
    assert sources and all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", row[5]) for row in sources)
    assert all(row[6].endswith(" failed") for row in sources)
    header, *targets = table_after(page, "Progress against targets")
    assert header[:2] == ["region", "source"] and header[-1] == "coverage of the count"
    assert targets and all(row[0] and row[1] and row[-1] for row in targets)
