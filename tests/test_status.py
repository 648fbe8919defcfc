"""`greenmfg status`: a source failing three runs in a row is flagged."""

import json
from datetime import UTC

from greenmfg.settings import Paths
from greenmfg.status import source_health, status_text


def write_run(paths: Paths, run_id: str, results: dict[str, str | None]) -> None:
    folder = paths.runs_dir / run_id / "scrape"
    folder.mkdir(parents=True)
    for source_id, error in results.items():
        body = {"source_id": source_id, **({"error": error} if error else {"requests": 1})}
        (folder / f"{source_id}.json").write_text(json.dumps(body))


def test_three_failures_in_a_row_flag_a_source(tmp_path):
    import os
    import time

    paths = Paths(tmp_path)
    for i, error in enumerate([None, "SourceBroken: zj_jxt: list page matched no items", "HTTP 503", "HTTP 503"]):
        write_run(paths, f"run{i}", {"zj_jxt": error, "miit": None})
        os.utime(paths.runs_dir / f"run{i}" / "scrape", (time.time() + i, time.time() + i))
    health = {h.source_id: h for h in source_health(paths)}
    assert health["zj_jxt"].consecutive_failures == 3 and health["zj_jxt"].flagged
    assert health["zj_jxt"].last_success == "run0"
    assert not health["miit"].flagged and health["miit"].last_success == "run3"
    text = status_text(paths)
    assert "FLAGGED" in text and "1 source(s) failing 3+ runs in a row: zj_jxt" in text


def test_status_after_a_real_run(pipeline_home):
    paths, _ = pipeline_home
    health = {h.source_id: h for h in source_health(paths)}
    assert health["miit"].notices == 5 and health["miit"].newest_notice == "2022-01-15"
    assert all(h.last_success for h in health.values()) and not any(h.flagged for h in health.values())


def test_status_shows_when_not_which_run(tmp_path):
    """A run id (an Airflow run's, a person's) is no time: the table shows when the report was written."""
    import os
    from datetime import datetime

    paths = Paths(tmp_path)
    write_run(paths, "scheduled__2026-11-29T00_00_00_00_00", {"zj_jxt": None})
    write_run(paths, "mine", {"zj_jxt": "HTTP 503"})
    succeeded = datetime(2026, 11, 29, 6, 30, tzinfo=UTC).timestamp()
    failed = datetime(2026, 11, 30, 6, 45, tzinfo=UTC).timestamp()
    os.utime(paths.runs_dir / "scheduled__2026-11-29T00_00_00_00_00" / "scrape", (succeeded, succeeded))
    os.utime(paths.runs_dir / "scheduled__2026-11-29T00_00_00_00_00" / "scrape" / "zj_jxt.json", (succeeded, succeeded))
    os.utime(paths.runs_dir / "mine" / "scrape" / "zj_jxt.json", (failed, failed))
    text = status_text(paths)
    row = next(line for line in text.splitlines() if line.startswith("zj_jxt"))
    assert row.split()[1:4] == ["2026-11-29", "06:30", "UTC"]
    assert "last error: HTTP 503 (2026-11-30 06:45 UTC)" in text
    assert "scheduled__" not in text and "mine" not in text
    health = {h.source_id: h for h in source_health(paths)}["zj_jxt"]
    assert health.last_scrape == {"source_id": "zj_jxt", "error": "HTTP 503"}
    assert health.last_scrape_at == datetime.fromtimestamp(failed, UTC)


def test_status_before_any_scrape_says_so(tmp_path):
    assert status_text(Paths(tmp_path)).endswith(
        f"no scrape has run under {tmp_path} yet: `greenmfg run` or `greenmfg scrape`"
    )
