"""The report of one run: per source what was seen, new, failed and quarantined; the gate's
results; the rows published. Saved with the data (runs/<run_id>/report.json and .md) and
printed in the run's last task log, so a data engineer sees at a glance what broke and why."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from greenmfg.settings import Paths

SOURCE_COLUMNS = ("items_seen", "new", "failed", "quarantined", "rows")


def _read(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def scrape_runs(paths: Paths, run_id: str) -> list[str]:
    """The runs whose scrapes fed `run_id`: itself, the ingest runs its report names (a DAG's
    transform run) and those whose manifests its load stage loaded."""
    folder = paths.runs_dir / run_id
    report, loaded = _read(folder / "report.json") or {}, _read(folder / "load.json") or {}
    others = {*report.get("ingest_runs", []), *loaded.get("scrape_runs", [])} - {run_id}
    return [run_id, *sorted(others)]


def build(paths: Paths, run_id: str, ingest_run_ids: list[str] = ()) -> dict:
    """Everything the stages of `run_id` recorded, with the scrape results of the run itself,
    of `ingest_run_ids` (those whose landing triggered a transform run) and of every ingest
    run whose manifests this run loaded."""
    folder = paths.runs_dir / run_id
    loaded = _read(folder / "load.json") or {}
    ingest_run_ids = sorted({*ingest_run_ids, *(r for r in loaded.get("scrape_runs", []) if r != run_id)})
    sources: dict[str, dict] = {}
    for scrape_run in [run_id, *ingest_run_ids]:
        for report in sorted((paths.runs_dir / scrape_run / "scrape").glob("*.json")):
            result = json.loads(report.read_text(encoding="utf-8"))
            entry = sources.setdefault(result["source_id"], {})
            entry["items_seen"] = entry.get("items_seen", 0) + result.get("items_seen", 0)
            entry["new"] = entry.get("new", 0) + result.get("articles", 0)
            entry["failed"] = entry.get("failed", 0) + result.get("failed", 0)
            if result.get("error"):
                entry["error"] = result["error"]
    extract = _read(folder / "extract.json") or {}
    for source_id, counts in extract.get("per_source", {}).items():
        entry = sources.setdefault(source_id, {})
        entry["quarantined"] = counts.get("quarantined", 0)
        entry["rows"] = counts.get("rows", 0)
    for source_id, counts in loaded.get("per_source", {}).items():
        entry = sources.setdefault(source_id, {})
        entry["quarantined"] = entry.get("quarantined", 0) + counts.get("quarantined", 0)
    gate, published = _read(folder / "validate.json"), _read(folder / "publish.json")
    nothing_new = _read(folder / "nothing_new.json")
    failures = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "failures").glob("*.json"))]
    return {
        "run_id": run_id,
        "ingest_runs": list(ingest_run_ids),
        "generated_at": datetime.now(UTC).isoformat(),
        "sources": dict(sorted(sources.items())),
        "failed_sources": sorted(s for s, e in sources.items() if e.get("error")),
        "gate": None
        if gate is None
        else {"success": gate["success"], "tables": gate["tables"], "failures": gate["failures"]},
        "published": None if published is None else {"at": published["published_at"], "rows": published["tables"]},
        "nothing_new": None if nothing_new is None else nothing_new["reason"],
        "task_failures": failures,
    }


def to_markdown(report: dict) -> str:
    lines = [f"# Run {report['run_id']}", ""]
    if report["ingest_runs"]:
        lines += [f"Fetched by ingest run(s): {', '.join(report['ingest_runs'])}", ""]
    if report["sources"]:
        lines += ["| source | " + " | ".join(SOURCE_COLUMNS) + " | error |", "|---" * (len(SOURCE_COLUMNS) + 2) + "|"]
        for source_id, entry in report["sources"].items():
            cells = [str(entry.get(c, "")) for c in SOURCE_COLUMNS]
            lines.append(f"| {source_id} | " + " | ".join(cells) + f" | {entry.get('error', '')[:120]} |")
        lines.append("")
    gate = report["gate"]
    if gate is not None:
        lines.append(
            f"Gate: {'passed' if gate['success'] else 'FAILED'} "
            f"({sum(gate['tables'].values())}/{len(gate['tables'])} suites)"
        )
        lines += [
            f"- {f['table']}: {f['expectation']}({f.get('column') or ''}) unexpected={f['unexpected_count']}"
            for f in gate["failures"]
        ]
        lines.append("")
    if report["published"]:
        rows = report["published"]["rows"]
        lines.append(
            f"Published at {report['published']['at']}: {rows.get('fct_designations', 0)} designations, "
            f"{rows.get('dim_announcement', 0)} notices, {len(rows)} tables"
        )
    elif report.get("nothing_new"):
        lines.append(f"Nothing new: {report['nothing_new']}.")
    elif gate is not None or report["task_failures"]:
        lines.append("Nothing published: the warehouse is as it was before this run.")
    for failure in report["task_failures"]:
        lines.append(f"- task {failure['task']} failed: {failure['error'][:200]}")
    return "\n".join(lines) + "\n"


def write(paths: Paths, run_id: str, report: dict) -> Path:
    from greenmfg.files import write_atomic

    folder = paths.runs_dir / run_id
    write_atomic(folder / "report.json", json.dumps(report, ensure_ascii=False, indent=2, default=str))
    return write_atomic(folder / "report.md", to_markdown(report))


def record_task_failure(paths: Paths, run_id: str, task: str, error: str) -> Path:
    """A failed task, as its failure callback sees it (listed in the run report)."""
    from greenmfg.files import write_atomic

    return write_atomic(
        paths.runs_dir / run_id / "failures" / f"{task}.json",
        json.dumps({"task": task, "error": error, "at": datetime.now(UTC).isoformat()}, ensure_ascii=False),
    )
