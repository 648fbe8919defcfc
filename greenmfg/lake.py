"""The lake (`lake/raw.duckdb`): its schema (lake_schema.sql), created or migrated in place, and
the counts its stages (load, extract) keep."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SCHEMA = Path(__file__).with_name("lake_schema.sql")


@dataclass
class StageStats:
    """Counts of a stage, in total and per source (the run report shows both)."""

    per_source: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, source_id: str, what: str, n: int = 1) -> None:
        setattr(self, what, getattr(self, what) + n)
        counts = self.per_source.setdefault(source_id, {})
        counts[what] = counts.get(what, 0) + n


def init_lake(con) -> None:
    had_extracted = con.execute(
        "select count(*) from information_schema.tables where table_name = 'extracted'"
    ).fetchone()[0]
    had_lake = con.execute(
        "select count(*) from information_schema.tables where table_name = 'announcements'"
    ).fetchone()[0]
    con.execute(SCHEMA.read_text())
    _drop_extract_keys(con)
    if had_lake and not had_extracted:
        # a lake loaded before extraction was a stage of its own: what it holds is extracted
        con.execute("""insert into extracted (url, sha256, kind, extracted_at)
                       select url, sha256, 'article', loaded_at from announcements
                       union all select url, sha256, 'attachment', loaded_at from attachments
                       where url not like '%#inline-%'""")


# Lakes created before the extract stage's tables lost their primary keys (lake_schema.sql)
# have them rebuilt without, once: DuckDB cannot drop a key in place.
UNKEYED = ("announcements", "attachments", "list_rows", "text_facts")
PRIMARY_KEYS = """select table_name from duckdb_constraints()
                  where constraint_type = 'PRIMARY KEY' and database_name = current_database()"""
SET_ASIDE = {t: f"alter table {t} rename to {t}__keyed" for t in UNKEYED}
REFILL = {t: f"insert into {t} by name select * from {t}__keyed" for t in UNKEYED}
DROP_SET_ASIDE = {t: f"drop table {t}__keyed" for t in UNKEYED}


def _drop_extract_keys(con) -> None:
    keyed = sorted({r[0] for r in con.execute(PRIMARY_KEYS).fetchall()} & set(UNKEYED))
    if not keyed:
        return
    con.begin()
    try:
        for table in keyed:
            con.execute(SET_ASIDE[table])
        con.execute(SCHEMA.read_text())  # the set-aside tables again, unkeyed
        for table in keyed:
            con.execute(REFILL[table])
            con.execute(DROP_SET_ASIDE[table])
        con.commit()
    except Exception:
        con.rollback()
        raise
