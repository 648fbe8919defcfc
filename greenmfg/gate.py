"""The Great Expectations gate: validate before publishing, at two points: the raw and
extracted lake tables (`lake.*` suites) and the build file's marts (`marts.*` suites).

One checkpoint per table listed in expectations/suites/, each table read from DuckDB into
pandas (GX's SQL datasource cannot validate DuckDB); a table larger than
GREENMFG_GATE_CHUNK_ROWS is validated in pieces (see _parts). A suite may instead name a `query` over
`lake.main.*` and `build.marts.*` (reconciliation, per-source rates, period overlaps).
Results and Data Docs are kept in $GREENMFG_HOME/gx/ (the Data Docs open offline:
greenmfg.docs_assets). Any failed expectation fails the gate with a readable report.

Besides the suites, a volume check (`volume_failures`): no mart of the build may have more
than GREENMFG_VOLUME_FACTOR times the rows of the published warehouse's.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from greenmfg.duckdb_ext import literal
from greenmfg.settings import EXPECTATIONS_DIR, Paths, duckdb_memory_limit, setting, volume_factor, volume_min_rows

log = logging.getLogger(__name__)
SUITES_DIR = EXPECTATIONS_DIR / "suites"


@dataclass
class Failure:
    table: str
    expectation: str
    column: str | None
    unexpected_count: int | None
    examples: list
    message: str | None = None  # a check that is no GX expectation says what it found in one line


@dataclass
class GateResult:
    success: bool
    tables: dict[str, bool] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    data_docs: str | None = None

    def report(self) -> str:
        lines = [
            f"gate {'PASSED' if self.success else 'FAILED'}: "
            + ", ".join(f"{t} {'ok' if ok else 'FAILED'}" for t, ok in self.tables.items())
        ]
        for f in self.failures:
            if f.message:
                lines.append(f"  {f.message}")
                continue
            lines.append(
                f"  {f.table}: {f.expectation}({f.column or ''}) unexpected={f.unexpected_count} e.g. {f.examples[:5]}"
            )
        if self.data_docs:
            lines.append(f"  Data Docs: {self.data_docs}")
        return "\n".join(lines)


class GateFailed(RuntimeError):
    def __init__(self, result: GateResult):
        super().__init__(result.report())
        self.result = result


def load_suites() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SUITES_DIR.glob("*.json"))]


def _relation(name: str) -> str:
    """`marts.x` lives in the build file, `lake.x` in the lake (both attached read-only)."""
    schema, table = name.split(".")
    return f'lake.main."{table}"' if schema == "lake" else f'build."{schema}"."{table}"'


IN_REFERENCE = "<in reference>"  # what a value found in its $ref column is validated as
ALSO_ON_REF_COLUMNS = {"expect_column_values_to_be_in_set", "expect_column_values_to_not_be_null"}


def _ref(expectation: dict) -> str | None:
    value_set = expectation["kwargs"].get("value_set")
    return value_set["$ref"] if isinstance(value_set, dict) and "$ref" in value_set else None


def _resolve_refs(suite: dict, con) -> dict:
    """{"$ref": "schema.table.column"} value sets. A table suite's referenced values are
    checked in DuckDB (see _select), so the set is the one marker; a query suite's is the
    referenced column's values."""
    resolved = json.loads(json.dumps(suite))
    for expectation in resolved["expectations"]:
        ref = _ref(expectation)
        if ref and "query" not in suite:
            expectation["kwargs"]["value_set"] = [IN_REFERENCE]
        elif ref:
            schema, table, column = ref.split(".")
            rows = con.execute(f'select distinct "{column}" from {_relation(schema + "." + table)}').fetchall()
            expectation["kwargs"]["value_set"] = [r[0] for r in rows if r[0] is not None]
    return resolved


def _select(suite: dict) -> str:
    """The table's columns the suite's expectations name, not every column: memory grows with
    the rows validated, and a notice's body text is most of a table's bytes.

    A column checked against a $ref column reads as IN_REFERENCE where its value is found
    there and as itself where it is not, so the failure examples are the orphan values.
    (Passing GX a value set of 100k keys cost most of the gate's time: it copies and
    compares expectation configurations many times.)"""
    names, refs = set(), {}
    for expectation in suite["expectations"]:
        kwargs = expectation["kwargs"]
        names.update(
            [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs] + kwargs.get("column_list", [])
        )
        if _ref(expectation):
            refs[kwargs["column"]] = _ref(expectation)
    for expectation in suite["expectations"]:
        kwargs = expectation["kwargs"]
        if kwargs.get("column") in refs and expectation["type"] not in ALSO_ON_REF_COLUMNS:
            raise ValueError(
                f"{suite['name']}: {kwargs['column']} is checked against {refs[kwargs['column']]}, "
                f"so it can only also be checked for nulls, not {expectation['type']}"
            )
    cols = ", ".join(_in_reference(name, refs[name]) if name in refs else f'"{name}"' for name in sorted(names)) or "*"
    relation = _relation(suite["name"])
    return f"select {cols} from {relation}"


def _in_reference(name: str, ref: str) -> str:
    schema, table, column = ref.split(".")
    reference = _relation(f"{schema}.{table}")
    quoted = f'"{name}"'
    return (
        f'case when {quoted} is null then null when {quoted} in (select "{column}" from {reference}) '
        f"then '{IN_REFERENCE}' else cast({quoted} as varchar) end as {quoted}"
    )


def _context(paths: Paths):
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    paths.home.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="file", project_root_dir=str(paths.home))
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


@dataclass
class Part:
    """One GX validation of some of a suite's expectations, over one or more frames."""

    name: str
    expectations: list
    frames: Callable[[], Iterator]


ROW_COUNT = "expect_table_row_count_to_be_between"
UNIQUENESS = {"expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"}
WHOLE_TABLE = UNIQUENESS | {ROW_COUNT}  # what a chunk of the rows cannot answer alone


def chunk_rows() -> int:
    return int(setting("GREENMFG_GATE_CHUNK_ROWS"))


def _parts(suite: dict, sql: str, con, limit: int) -> list[Part]:
    """A table up to `limit` rows is one frame, as it is. A larger one is validated in pieces,
    so memory stays flat as the warehouse grows: the row-by-row expectations over chunks of
    the rows as they stream; each uniqueness expectation over hash partitions of its own
    columns (equal values share a partition, so a duplicate is always seen); the row count
    over a frame of one boolean column."""
    name, expectations = suite["name"], suite["expectations"]
    rows = con.execute(COUNT_ROWS.format(sql=sql)).fetchone()[0]
    if rows <= limit:
        return [Part(name, expectations, lambda: iter([con.execute(sql).df()]))]
    partitions = -(-rows // limit)
    by_row = [e for e in expectations if e["type"] not in WHOLE_TABLE]
    parts = [Part(f"{name} (rows)", by_row, lambda: _stream(con, sql, limit))] if by_row else []
    for e in expectations:
        if e["type"] in UNIQUENESS:
            columns = e["kwargs"].get("column_list") or [e["kwargs"]["column"]]
            parts.append(
                Part(
                    f"{name} (unique {', '.join(columns)})",
                    [e],
                    lambda columns=columns: _partitions(con, sql, columns, partitions),
                )
            )
    counted = [e for e in expectations if e["type"] == ROW_COUNT]
    if counted:
        parts.append(Part(f"{name} (row count)", counted, lambda: iter([con.execute(ONE_COLUMN.format(sql=sql)).df()])))
    return parts


COUNT_ROWS = "select count(*) from ({sql})"
ONE_COLUMN = 'select true as "row" from ({sql})'
PARTITION = "select {columns} from ({sql}) where hash({columns}) % {partitions} = {partition}"


def _stream(con, sql: str, limit: int) -> Iterator:
    con.execute(sql)
    while len(frame := con.fetch_df_chunk(max(1, limit // 2048))):
        yield frame


def _partitions(con, sql: str, columns: list[str], partitions: int) -> Iterator:
    quoted = ", ".join(f'"{c}"' for c in columns)
    for partition in range(partitions):
        yield con.execute(PARTITION.format(columns=quoted, sql=sql, partitions=partitions, partition=partition)).df()


def validate(paths: Paths, build_db: Path) -> GateResult:
    context = _context(paths)
    source = context.data_sources.add_or_update_pandas("warehouse_build")
    result = GateResult(success=True)
    results: list = []  # the identifiers of this gate's validation results and suites, for its Data Docs
    con = duckdb.connect(config={"memory_limit": duckdb_memory_limit()})
    con.execute(f"ATTACH {literal(str(build_db))} AS build (READ_ONLY)")  # (ATTACH takes no parameters)
    con.execute(f"ATTACH {literal(str(paths.lake_db))} AS lake (READ_ONLY)")
    try:
        for raw_suite in load_suites():
            suite_def = _resolve_refs(raw_suite, con)
            parts = _parts(suite_def, suite_def.get("query") or _select(raw_suite), con, chunk_rows())
            success, failures = True, []
            for part in parts:
                part_success, part_failures, validated = _run_part(context, source, part, suite_def)
                success &= part_success
                failures += part_failures
                results += validated
            result.tables[suite_def["name"]] = success
            result.success &= success
            result.failures += _merged(failures)
        if paths.published_db.exists():
            volume = volume_failures(con, paths.published_db)
            result.tables[VOLUME] = not volume
            result.success &= not volume
            result.failures += volume
    finally:
        con.close()
    build_data_docs(context, results)
    result.data_docs = offline_data_docs(paths.gx_dir / "uncommitted" / "data_docs" / "local_site")
    return result


def build_data_docs(context, results: list) -> None:
    """The Data Docs pages of these validation results and suites, and the site's index, built
    once for the gate (a checkpoint's UpdateDataDocsAction rebuilt the index after each part:
    most of a small gate's time, and it grows with the results kept)."""
    if results:
        context.build_data_docs(resource_identifiers=results)


def offline_data_docs(site: Path) -> str | None:
    """The Data Docs index, its pages served their CSS, JS and fonts from the site itself
    (greenmfg.docs_assets); when the assets were never vendored, a warning and the CDN links."""
    from greenmfg import docs_assets

    index = site / "index.html"
    if not index.exists():
        return None
    try:
        docs_assets.localize(site)
    except docs_assets.AssetsMissing as exc:
        log.warning("the Data Docs need the network: %s", exc)
    return str(index)


def _run_part(context, source, part: Part, suite_def: dict) -> tuple[bool, list[Failure], list]:
    """(success, failures, the identifiers of its validation results and suite) of one part,
    frame by frame."""
    import great_expectations as gx
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    suite = context.suites.add_or_update(
        gx.ExpectationSuite(name=part.name, expectations=part.expectations, meta=suite_def.get("meta"))
    )
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(
            name=f"gate {part.name}", data=_batch_definition(_asset(source, part.name)), suite=suite
        )
    )
    checkpoint = context.checkpoints.add_or_update(
        gx.Checkpoint(
            name=f"gate {part.name}",
            validation_definitions=[definition],
            actions=[],  # (the gate builds the Data Docs once: build_data_docs)
            result_format="SUMMARY",
        )
    )
    success, failures, validated = True, [], []
    for frame in part.frames():
        run = checkpoint.run(batch_parameters={"dataframe": frame})
        success &= run.success
        failures += _failures(suite_def["name"], run)
        validated += list(run.run_results)
    return success, failures, [*validated, ExpectationSuiteIdentifier(name=part.name)] if validated else []


def _merged(failures: list[Failure]) -> list[Failure]:
    """One failure per expectation and column: the counts of its chunks added up."""
    merged: dict[tuple, Failure] = {}
    for f in failures:
        m = merged.setdefault((f.expectation, f.column), Failure(f.table, f.expectation, f.column, None, []))
        if m.unexpected_count is None:
            m.unexpected_count = f.unexpected_count
        elif isinstance(m.unexpected_count, int) and isinstance(f.unexpected_count, int):
            m.unexpected_count += f.unexpected_count
        m.examples = (m.examples + f.examples)[:5]
    return list(merged.values())


def _asset(source, name: str):
    try:
        return source.get_asset(name)
    except LookupError:
        return source.add_dataframe_asset(name)


def _batch_definition(asset):
    try:
        return asset.get_batch_definition("whole table")
    except (KeyError, LookupError):
        return asset.add_batch_definition_whole_dataframe("whole table")


def _failures(table: str, run) -> list[Failure]:
    failures = []
    for validation in run.run_results.values():
        for r in validation.results:
            if r.success:
                continue
            details = r.result or {}
            failures.append(
                Failure(
                    table=table,
                    expectation=r.expectation_config.type,
                    column=r.expectation_config.kwargs.get("column"),
                    unexpected_count=details.get("unexpected_count", details.get("observed_value")),
                    examples=list(details.get("partial_unexpected_list") or [])[:5],
                )
            )
    return failures


VOLUME = "volume"  # the volume check's name in the gate's report
MART_TABLES = """select table_name from information_schema.tables
                 where table_catalog = ? and table_schema = 'marts' and table_type = 'BASE TABLE'"""
# The list with the most designations the published warehouse does not have, with its title and file
NEW_BY_LIST = """
    with built as (select list_id, count(*) as n from build.marts.fct_designations group by list_id),
         published as (select list_id, count(*) as n from published.marts.fct_designations group by list_id)
    select b.list_id, b.n - coalesce(p.n, 0) as new, l.title, l.attachment_url
    from built b left join published p using (list_id) left join build.marts.dim_list l using (list_id)
    order by new desc, b.list_id limit 1"""


def volume_failures(con, published_db: Path, factor: float | None = None, min_rows: int | None = None) -> list[Failure]:
    """A failure for each mart of the build (attached as `build` on `con`) with more than
    `factor` times its rows in the published warehouse (attached here, read-only), one line
    each naming the table, both counts and, for designations, the list that adds the most.
    A mart new, or empty, in the published warehouse, or of up to `min_rows` rows, is not judged."""
    factor = volume_factor() if factor is None else factor
    min_rows = volume_min_rows() if min_rows is None else min_rows
    con.execute(f"ATTACH {literal(str(published_db))} AS published (READ_ONLY)")
    try:
        published = {name for (name,) in con.execute(MART_TABLES, ["published"]).fetchall()}
        failures = []
        for (table,) in con.execute(MART_TABLES, ["build"]).fetchall():
            if table not in published:
                continue
            built = con.execute(f'select count(*) from build.marts."{table}"').fetchone()[0]
            before = con.execute(f'select count(*) from published.marts."{table}"').fetchone()[0]
            if before == 0 or built <= min_rows or built <= factor * before:
                continue
            message = (
                f"marts.{table}: {built:,} rows in the build, {before:,} published "
                f"({built / before:.1f}×, over the volume factor {factor:g}, GREENMFG_VOLUME_FACTOR)"
            )
            if table == "fct_designations":
                message += _largest_new_list(con)
            failures.append(Failure(f"marts.{table}", "volume_factor", None, built, [before], message))
        return failures
    finally:
        con.execute("DETACH published")


def _largest_new_list(con) -> str:
    try:
        row = con.execute(NEW_BY_LIST).fetchone()
    except duckdb.Error as exc:  # a published warehouse of an older layout
        log.warning("gate: no list for the volume check: %s", exc)
        return ""
    if row is None:
        return ""
    list_id, new, title, attachment_url = row
    title = " ".join((title or "no title").split())  # one line
    return f"; most new rows: {new:,} from list {list_id} ({title}, {attachment_url or 'no attachment'})"
