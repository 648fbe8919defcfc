"""`greenmfg report`: one self-contained HTML page (no CDN, no script) about the published
warehouse: designations per province and year, progress against targets, source health."""

from __future__ import annotations

import html
import json
from pathlib import Path

from greenmfg import db
from greenmfg.settings import Paths

TYPES = {"green_factory": ("绿色工厂", "#2e7d32"), "green_park": ("绿色工业园区", "#1565c0"),
         "green_supply_chain": ("绿色供应链", "#ef6c00"), "green_design_product": ("绿色设计产品", "#6a1b9a")}
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
    return '<p class="legend">' + "".join(f'<span><i style="background:{c}"></i>{n}</span>' for n, c in TYPES.values()) + "</p>"


def _table(header: list[str], rows: list[list], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(
        f'<td class="{"num" if i in numeric else ""}">{html.escape("" if v is None else str(v))}</td>'
        for i, v in enumerate(row)) + "</tr>" for row in rows)
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
            select region_name, designation_type_code, target_year, target_value, designations_counted,
                   latest_reported_count from marts.mart_target_progress
            order by source_id, target_year, region_name, designation_type_code""").fetchall()
        sources = con.execute("""
            select s.source_id, s.level, s.issuer, count(a.announcement_key), max(a.notice_date)
            from marts.dim_source s left join marts.dim_announcement a using (source_id)
            group by all order by s.level, s.source_id""").fetchall()
        quarantine = con.execute("select rule, count(*) from marts.quarantine group by 1 order by 1").fetchall()
    info = json.loads((paths.warehouse_dir / "published.json").read_text(encoding="utf-8"))
    scrape = _last_scrape(paths, info["run_id"])
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>绿色制造数据仓库 · Green Manufacturing Warehouse</title><style>{STYLE}</style></head><body>
<h1>绿色制造数据仓库 · Green Manufacturing Warehouse</h1>
<p class="muted">Published run {html.escape(info['run_id'])} at {html.escape(info['published_at'])} ·
{info['tables'].get('fct_designations', 0)} designations · {info['tables'].get('dim_announcement', 0)} notices</p>
<h2>National designations per province (cumulative)</h2>{_legend()}
{_bars(_stack(provinces, sort_by_total=True))}
<h2>National designations per list year</h2>{_legend()}
{_bars(_stack(years))}
<h2>Progress against targets</h2>
{_table(["region", "type", "target year", "target", "counted in warehouse", "reported by region"],
        [[r, TYPES.get(t, (t,))[0], y, _n(v), c, _n(rep)] for r, t, y, v, c, rep in targets], {2, 3, 4, 5})}
<h2>Source health</h2>
{_table(["source", "level", "issuer", "notices", "newest notice", "last scrape"],
        [[s, lvl, iss, n, d, scrape.get(s, "")] for s, lvl, iss, n, d in sources], {3})}
<h2>Quarantine</h2>
{_table(["rule", "records"], [list(q) for q in quarantine], {1}) if quarantine else "<p>empty</p>"}
</body></html>
"""


def _n(value) -> str | None:
    return None if value is None else f"{value:g}"


def _stack(rows, sort_by_total: bool = False) -> list[tuple[str, dict[str, int]]]:
    grouped: dict[str, dict[str, int]] = {}
    for label, code, n in rows:
        grouped.setdefault(label, {})[code] = int(n)
    items = list(grouped.items())
    return sorted(items, key=lambda kv: -sum(kv[1].values())) if sort_by_total else sorted(items)


def _last_scrape(paths: Paths, run_id: str) -> dict[str, str]:
    from greenmfg.pipeline import scrape_report

    out = {}
    for s in scrape_report(paths, run_id):
        out[s["source_id"]] = (f"FAILED: {s['error'][:60]}" if s.get("error") else
                               f"{s.get('requests', 0)} requests, {s.get('articles', 0)} new, {s.get('failed', 0)} failed")
    return out


def write(paths: Paths, target: Path | None = None) -> Path:
    from greenmfg.files import write_atomic

    return write_atomic(target or paths.warehouse_dir / "report.html", render(paths))
