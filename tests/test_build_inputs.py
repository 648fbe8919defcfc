"""A run skips dbt, the gate and publishing only when its inputs equal the published build's."""

import shutil

import duckdb
import pytest

from greenmfg import build_inputs
from greenmfg.settings import Paths


@pytest.fixture
def home(pipeline_home, tmp_path) -> Paths:
    shutil.copytree(pipeline_home[0].home, tmp_path / "home", symlinks=True)
    return Paths(tmp_path / "home")


def test_the_published_build_records_its_inputs(home):
    info = build_inputs.nothing_new(home)
    assert info is not None and info["run_id"] == "first"
    assert info["lake_version"] == build_inputs.lake_version(home.lake_db)


def test_a_new_lake_row_is_something_new(home):
    with duckdb.connect(str(home.lake_db)) as lake:
        lake.execute("insert into quarantine values ('miit', 'http://x/1', null, null, 'row', 'r', 'why', now())")
    assert build_inputs.nothing_new(home) is None


def test_a_changed_source_registry_entry_is_something_new(home):
    with duckdb.connect(str(home.lake_db)) as lake:
        lake.execute("update sources set name = name || '（改）' where source_id = 'miit'")
    assert build_inputs.nothing_new(home) is None


def test_a_changed_suite_is_something_new(home, tmp_path, monkeypatch):
    suites = tmp_path / "expectations"
    shutil.copytree(build_inputs.EXPECTATIONS_DIR, suites)
    first = sorted((suites / "suites").glob("*.json"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    monkeypatch.setattr(build_inputs, "EXPECTATIONS_DIR", suites)
    assert build_inputs.nothing_new(home) is None


def test_a_warehouse_published_before_build_inputs_is_rebuilt(home):
    with duckdb.connect(str(home.published_db)) as con:
        con.execute("alter table meta.build_info drop column lake_version")
    assert build_inputs.nothing_new(home) is None
