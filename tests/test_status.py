"""`greenmfg status`: a source failing three runs in a row is flagged."""

import json

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
