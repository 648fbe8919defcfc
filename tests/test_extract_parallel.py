"""Extraction in worker processes, written in batches, fills the lake exactly as one process does."""

import shutil

import duckdb

from greenmfg.extract import stage
from greenmfg.load import load
from greenmfg.settings import Paths

TABLES = {
    "list_rows": "* exclude (loaded_at)",
    "text_facts": "* exclude (loaded_at)",
    "attachments": "* exclude (loaded_at)",
    "quarantine": "* exclude (quarantined_at)",
    "extracted": "url, sha256, kind",
}


def lake_content(lake_db) -> dict:
    with duckdb.connect(str(lake_db), read_only=True) as con:
        return {
            t: sorted(con.execute(f"select {columns} from {t}").fetchall(), key=repr) for t, columns in TABLES.items()
        }


def test_two_workers_and_small_batches_give_the_serial_lake(pipeline_home, tmp_path, monkeypatch):
    serial_paths, first = pipeline_home
    paths = Paths(tmp_path / "home")
    shutil.copytree(serial_paths.raw_dir, paths.raw_dir)
    monkeypatch.setenv("GREENMFG_EXTRACT_WORKERS", "2")
    monkeypatch.setattr(stage, "PARALLEL_FROM", 1)
    monkeypatch.setattr(stage, "BATCH_DOCUMENTS", 7)
    load(paths)
    stats = stage.extract(paths)
    assert stats.workers == 2
    assert (stats.rows, stats.facts, stats.attachments) == (
        first["extract"]["rows"],
        first["extract"]["facts"],
        first["extract"]["attachments"],
    )
    parallel, serial = lake_content(paths.lake_db), lake_content(serial_paths.lake_db)
    for table in TABLES:
        assert parallel[table] == serial[table], table
    assert stage.extract(paths).rows == 0  # everything is marked extracted
