"""`greenmfg report`: one self-contained HTML page (no CDN, no script) about the published
warehouse: designations per province and year, progress against targets, source health."""

from __future__ import annotations

import html
import json
from pathlib import Path

from greenmfg import db
from greenmfg.settings import Paths
from greenmfg.status import shown, source_health

TYPES = {
    "green_factory": ("绿色工厂", "#2e7d32"),
    "green_park": ("绿色工业园区", "#1565c0"),
    "green_supply_chain": ("绿色供应链", "#ef6c00"),
    "green_design_product": ("绿色设计产品", "#6a1b9a"),
}
STYLE = """body{font-family:'Noto Sans CJK SC','Droid Sans Fallback',sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:22px}h2{font-size:17px;margin-top:32px;border-bottom:1px solid #ccc}table{border-collapse:collapse;font-size:13px}
td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:left}th{background:#f5f5f5}.num{text-align:right}
.legend span{display:inline-block;margin-right:14px;font-size:13px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px}
.bad{color:#c62828}.ok{color:#2e7d32}.muted{color:#777;font-size:12px}"""


def _bars(rows: list[tuple[str, dict[str, int]]], width: int = 640) -> str:
    """Horizontal stacked bars: label → {type: count}, as inline SVG."""
    top = max((sum(v.values()) for _, v in rows), default=1) or 1
    height, label_w = 18, 120
    parts = []
    for i, (label, values) in enumerate(rows):
        y, x = i * (height + 4), label_w
        parts.append(f'<text x="0" y="{y + 13}" font-size="12">{html.escape(label)}</text>')
        for code, (_, color) in TYPES.items():
            w = values.get(code, 0) * (width - label_w - 50) / top
            if w:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{height}" fill="{color}"/>')
                x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}" font-size="11">{sum(values.values())}</text>')
    total_h = len(rows) * (height + 4)
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{total_h}">{"".join(parts)}</svg>'


def _legend() -> str:
    return (
        '<p class="legend">'
        + "".join(f'<span><i style="background:{c}"></i>{n}</span>' for n, c in TYPES.values())
        + "</p>"
    )


def _table(header: list[str], rows: list[list], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"num" if i in numeric else ""}">{html.escape("" if v is None else str(v))}</td>'
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def render(paths: Paths) -> str:
    with db.reader(paths.published_db) as con:
        provinces = con.execute("""
            select province_name, designation_type_code, max(cumulative_designations)
            from marts.mart_region_designations_by_year where level = 'national' group by all""").fetchall()
        years = con.execute("""
            select list_year::varchar, designation_type_code, sum(designations)
            from marts.mart_region_designations_by_year where level = 'national' group by all""").fetchall()
        targets = con.execute("""
            select region_name, area_name, source_id, designation_type_code, target_kind, level, from_year,
                   target_year, target_value, designations_counted, latest_reported_count, latest_reported_on,
                   coverage_note
            from marts.mart_target_progress
            order by source_id, target_year, region_name, area_name nulls first, designation_type_code""").fetchall()
        sources = con.execute("""
            select s.source_id, s.level, s.issuer, count(a.announcement_key), max(a.notice_date)
            from marts.dim_source s left join marts.dim_announcement a using (source_id)
            group by all order by s.level, s.source_id""").fetchall()
        quarantine = con.execute("select rule, count(*) from marts.quarantine group by 1 order by 1").fetchall()
    info = json.loads((paths.warehouse_dir / "published.json").read_text(encoding="utf-8"))
    health = {h.source_id: h for h in source_health(paths)}
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>绿色制造数据仓库 · Green Manufacturing Warehouse</title><style>{STYLE}</style></head><body>
<h1>绿色制造数据仓库 · Green Manufacturing Warehouse</h1>
<p class="muted">Published run {html.escape(info["run_id"])} at {html.escape(info["published_at"])} ·
{info["tables"].get("fct_designations", 0)} designations · {info["tables"].get("dim_announcement", 0)} notices</p>
<h2>National designations per province (cumulative)</h2>{_legend()}
{_bars(_stack(provinces, sort_by_total=True))}
<h2>National designations per list year</h2>{_legend()}
{_bars(_stack(years))}
<h2>Progress against targets</h2>
{_table(TARGET_COLUMNS, [_target_row(*row) for row in targets], {5, 6, 7})}
<h2>Source health</h2>
{
        _table(
            ["source", "level", "issuer", "notices", "newest notice", "last scrape", "result", "failures in a row"],
            [[s, lvl, iss, n, d, *_scrape_cells(health.get(s))] for s, lvl, iss, n, d in sources],
            {3, 7},
        )
    }
<h2>Quarantine</h2>
{_table(["rule", "records"], [list(q) for q in quarantine], {1}) if quarantine else "<p>empty</p>"}
</body></html>
"""


def _n(value) -> str | None:
    return None if value is None else f"{float(value):g}"


def _stack(rows, sort_by_total: bool = False) -> list[tuple[str, dict[str, int]]]:
    grouped: dict[str, dict[str, int]] = {}
    for label, code, n in rows:
        grouped.setdefault(label, {})[code] = int(n)
    items = list(grouped.items())
    return sorted(items, key=lambda kv: -sum(kv[1].values())) if sort_by_total else sorted(items)


TARGET_COLUMNS = [
    "region",
    "source",
    "type",
    "counts",
    "level",
    "target year",
    "target",
    "counted in warehouse",
    "reported by region",
    "coverage of the count",
]


def _target_row(
    region,
    area,
    source_id,
    type_code,
    kind,
    level,
    from_year,
    target_year,
    value,
    counted,
    reported,
    reported_on,
    coverage,
) -> list:
    """One target: where and from whom, what it counts, and how far the warehouse's count covers it."""
    place = " · ".join(p for p in (region or "(region not resolved)", area) if p)
    counts = {"stock": "all up to the year", "per_year": "new in the year"}.get(kind) or (
        "new by the year"
        if not from_year
        else f"new in {from_year}–{target_year}"
        if from_year != target_year
        else "new in the year"
    )
    return [
        place,
        source_id,
        TYPES.get(type_code, (type_code,))[0],
        counts,
        level or "every level",
        target_year,
        _n(value),
        counted,
        "" if reported is None else f"{_n(reported)} ({reported_on})",
        coverage,
    ]


def _scrape_cells(health) -> list:
    """Last scrape of a source (whichever run fetched it: an ingest run or `greenmfg run`): when,
    what came of it, and how many runs in a row failed."""
    if health is None or health.last_scrape_at is None:
        return ["never", "", ""]
    result = health.last_scrape
    outcome = (
        f"FAILED: {result['error'][:60]}"
        if result.get("error")
        else f"{result.get('requests', 0)} requests, {result.get('articles', 0)} new, {result.get('failed', 0)} failed"
    )
    return [shown(health.last_scrape_at), outcome, health.consecutive_failures]


def write(paths: Paths, target: Path | None = None) -> Path:
    from greenmfg.files import write_atomic

    return write_atomic(target or paths.warehouse_dir / "report.html", render(paths))
