"""The Great Expectations gate: validate before publishing, at two points: the raw and
extracted lake tables (`lake.*` suites) and the build file's marts (`marts.*` suites).

One checkpoint per table listed in expectations/suites/, each table read from DuckDB into
pandas (GX's SQL datasource cannot validate DuckDB). A suite may instead name a `query` over
`lake.main.*` and `build.marts.*` (reconciliation, per-source rates, period overlaps).
Results and Data Docs are kept in $GREENMFG_HOME/gx/. Any failed expectation fails the gate
with a readable report.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from greenmfg.settings import EXPECTATIONS_DIR, Paths

log = logging.getLogger(__name__)
SUITES_DIR = EXPECTATIONS_DIR / "suites"


@dataclass
class Failure:
    table: str
    expectation: str
    column: str | None
    unexpected_count: int | None
    examples: list


@dataclass
class GateResult:
    success: bool
    tables: dict[str, bool] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    data_docs: str | None = None

    def report(self) -> str:
        lines = [f"gate {'PASSED' if self.success else 'FAILED'}: "
                 + ", ".join(f"{t} {'ok' if ok else 'FAILED'}" for t, ok in self.tables.items())]
        for f in self.failures:
            lines.append(f"  {f.table}: {f.expectation}({f.column or ''}) "
                         f"unexpected={f.unexpected_count} e.g. {f.examples[:5]}")
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
        names.update([kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs] + kwargs.get("column_list", []))
        if _ref(expectation):
            refs[kwargs["column"]] = _ref(expectation)
    for expectation in suite["expectations"]:
        kwargs = expectation["kwargs"]
        if kwargs.get("column") in refs and expectation["type"] not in ALSO_ON_REF_COLUMNS:
            raise ValueError(f"{suite['name']}: {kwargs['column']} is checked against {refs[kwargs['column']]}, "
                             f"so it can only also be checked for nulls, not {expectation['type']}")
    cols = ", ".join(_in_reference(name, refs[name]) if name in refs else f'"{name}"' for name in sorted(names)) or "*"
    relation = _relation(suite["name"])
    return f"select {cols} from {relation}"


def _in_reference(name: str, ref: str) -> str:
    schema, table, column = ref.split(".")
    reference = _relation(f"{schema}.{table}")
    quoted = f'"{name}"'
    return (f"case when {quoted} is null then null when {quoted} in (select \"{column}\" from {reference}) "
            f"then '{IN_REFERENCE}' else cast({quoted} as varchar) end as {quoted}")


def _context(paths: Paths):
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    paths.home.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="file", project_root_dir=str(paths.home))
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def validate(paths: Paths, build_db: Path) -> GateResult:
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction

    context = _context(paths)
    source = context.data_sources.add_or_update_pandas("warehouse_build")
    result = GateResult(success=True)
    con = duckdb.connect()
    con.execute(f"ATTACH '{build_db}' AS build (READ_ONLY)")
    con.execute(f"ATTACH '{paths.lake_db}' AS lake (READ_ONLY)")
    try:
        for raw_suite in load_suites():
            suite_def = _resolve_refs(raw_suite, con)
            frame = con.execute(suite_def.get("query") or _select(raw_suite)).df()
            suite = context.suites.add_or_update(gx.ExpectationSuite(
                name=suite_def["name"], expectations=suite_def["expectations"], meta=suite_def.get("meta")))
            asset = _asset(source, suite_def["name"])
            batch = _batch_definition(asset)
            definition = context.validation_definitions.add_or_update(
                gx.ValidationDefinition(name=f"gate {suite_def['name']}", data=batch, suite=suite))
            checkpoint = context.checkpoints.add_or_update(gx.Checkpoint(
                name=f"gate {suite_def['name']}", validation_definitions=[definition],
                actions=[UpdateDataDocsAction(name="update_data_docs")], result_format="SUMMARY"))
            run = checkpoint.run(batch_parameters={"dataframe": frame})
            result.tables[suite_def["name"]] = run.success
            result.success &= run.success
            result.failures += _failures(suite_def["name"], run)
    finally:
        con.close()
    index = paths.gx_dir / "uncommitted" / "data_docs" / "local_site" / "index.html"
    result.data_docs = str(index) if index.exists() else None
    return result


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
            failures.append(Failure(
                table=table,
                expectation=r.expectation_config.type,
                column=r.expectation_config.kwargs.get("column"),
                unexpected_count=details.get("unexpected_count", details.get("observed_value")),
                examples=list(details.get("partial_unexpected_list") or [])[:5],
            ))
    return failures
