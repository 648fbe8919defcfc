"""`greenmfg status`: health of every source from the run reports and the published warehouse."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from greenmfg import db
from greenmfg.settings import Paths
from scrapers import registry

FLAG_AFTER = 3  # consecutive failed runs that flag a source


@dataclass
class SourceHealth:
    source_id: str
    last_success: str | None = None  # run id
    last_success_at: datetime | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    newest_notice: str | None = None
    notices: int = 0
    last_scrape: dict = field(default_factory=dict)  # the newest scrape report, failed or not
    last_scrape_at: datetime | None = None

    @property
    def flagged(self) -> bool:
        return self.consecutive_failures >= FLAG_AFTER


def written_at(path: Path) -> datetime:
    """When a run wrote a report: its file's modification time, in UTC."""
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def shown(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "-"


def source_health(paths: Paths) -> list[SourceHealth]:
    """Every registered source's scrapes, oldest run first (the run folders of ingest runs and of
    `greenmfg run` alike), and what the published warehouse holds of it."""
    health = {source_id: SourceHealth(source_id) for source_id in sorted(registry())}
    runs = sorted((p for p in paths.runs_dir.glob("*/scrape") if p.is_dir()), key=lambda p: p.stat().st_mtime)
    for folder in runs:
        for report in folder.glob("*.json"):
            result = json.loads(report.read_text(encoding="utf-8"))
            entry = health.get(result["source_id"])
            if entry is None:
                continue
            entry.last_scrape, entry.last_scrape_at = result, written_at(report)
            if result.get("error"):
                entry.consecutive_failures += 1
                entry.last_error = result["error"]
            else:
                entry.consecutive_failures = 0
                entry.last_success, entry.last_success_at = folder.parent.name, entry.last_scrape_at
    if paths.published_db.exists():
        with db.reader(paths.published_db) as con:
            for source_id, newest, n in con.execute(
                "select source_id, max(notice_date)::varchar, count(*) from marts.dim_announcement group by 1"
            ).fetchall():
                if source_id in health:
                    health[source_id].newest_notice, health[source_id].notices = newest, n
    return list(health.values())


def status_text(paths: Paths) -> str:
    rows = source_health(paths)
    lines = [f"{'source':<14} {'last success':<20} {'failures':>8} {'notices':>7}  newest notice"]
    for h in rows:
        flag = "  FLAGGED" if h.flagged else ""
        lines.append(
            f"{h.source_id:<14} {shown(h.last_success_at):<20} {h.consecutive_failures:>8} {h.notices:>7}  "
            f"{h.newest_notice or '-'}{flag}"
        )
        if h.consecutive_failures and h.last_error:
            lines.append(f"{'':<14} last error: {h.last_error[:100]} ({shown(h.last_scrape_at)})")
    flagged = [h.source_id for h in rows if h.flagged]
    lines.append(
        f"\n{len(flagged)} source(s) failing {FLAG_AFTER}+ runs in a row"
        + (f": {', '.join(flagged)}" if flagged else "")
    )
    if not any(h.last_scrape_at for h in rows):
        lines.append(f"no scrape has run under {paths.home} yet: `greenmfg run` or `greenmfg scrape`")
    return "\n".join(lines)
