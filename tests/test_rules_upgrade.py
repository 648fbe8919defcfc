"""A lake read with older extraction rules is read again (records.RULES): what the old rules
yielded is taken out with their marks, every document is pending again, and the new rows replace
the old ones exactly once."""

import shutil

import duckdb
import pytest

from greenmfg.extract.records import RULES
from greenmfg.extract.stage import extract
from greenmfg.settings import Paths

pytestmark = pytest.mark.slow
TABLES = ("announcements", "attachments", "list_rows", "text_facts", "extracted")


def counts(paths: Paths) -> dict[str, int]:
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        return {table: con.execute(f"select count(*) from {table}").fetchone()[0] for table in TABLES}


def test_documents_read_with_older_rules_are_read_again_once(pipeline_home, tmp_path):
    shutil.copytree(pipeline_home[0].home, tmp_path / "home", symlinks=True)
    paths = Paths(tmp_path / "home")
    before = counts(paths)
    with duckdb.connect(str(paths.lake_db)) as con:  # as an older version left it
        con.execute("update extracted set rules = null")
        con.execute("update text_facts set value_text = null")
    stats = extract(paths)
    assert stats.reread == before["extracted"]
    assert counts(paths) == before  # replaced, not added
    with duckdb.connect(str(paths.lake_db), read_only=True) as con:
        assert con.execute("select count(*) from extracted where rules is distinct from ?", [RULES]).fetchone()[0] == 0
        assert con.execute("select count(*) from text_facts where value_text is null").fetchone()[0] == 0
    assert extract(paths).reread == 0  # read with today's rules: nothing again
