"""Extraction's named rows (greenmfg/extract/lake_rows.py) are the lake's tables, column for
column in the schema's order (greenmfg/lake_schema.sql), less the time stamp the stage adds."""

import duckdb
import pytest

from greenmfg.extract.lake_rows import TABLES, ListRow
from greenmfg.extract.records import LakeRows
from greenmfg.lake import SCHEMA


@pytest.mark.parametrize("table", sorted(TABLES))
def test_a_named_row_has_its_tables_columns_in_order(table):
    with duckdb.connect() as con:
        con.execute(SCHEMA.read_text())
        columns = [
            r[0]
            for r in con.execute(
                "select column_name from information_schema.columns where table_name = ? order by ordinal_position",
                [table],
            ).fetchall()
        ]
    stamp = LakeRows.STAMP.get(table, "loaded_at")
    assert tuple(c for c in columns if c != stamp) == TABLES[table]._fields == LakeRows.COLUMNS[table]


def test_a_list_row_leaves_unset_what_its_list_does_not_give():
    row = ListRow(
        attachment_url="u",
        sha256="s",
        row_number=1,
        source_id="x",
        announcement_url=None,
        designation_type="green_factory",
        name="甲公司",
    )
    assert row.name == "甲公司" and row.product_name is None and row.county_code is None
