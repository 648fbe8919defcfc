"""`greenmfg summary`: one screen about the published warehouse."""

from __future__ import annotations

import json

from greenmfg import pipeline
from greenmfg.cli.common import add_command, require_published
from greenmfg.extract.normalize import display_width
from greenmfg.run_report import scrape_runs
from greenmfg.settings import Paths


def register(sub) -> None:
    add_command(
        sub,
        "summary",
        summary,
        "what is published: tables, designations per batch and province, quarantine",
        """greenmfg summary                    # exit 1 when nothing is published yet
                   GREENMFG_HOME=/srv/greenmfg greenmfg summary""",
    )


def summary(args, paths: Paths) -> int:
    print(summary_text(paths))
    return 0


def _pad(text: str, width: int) -> str:
    """Left-align for a terminal, where a CJK character takes two columns."""
    return text + " " * max(width - display_width(text), 0)


def summary_text(p: Paths) -> str:
    """One screen: what is published, designations per type and batch, quarantine."""
    from greenmfg import db

    require_published(p, with_record=True)
    info = json.loads((p.warehouse_dir / "published.json").read_text(encoding="utf-8"))
    lines = [f"published warehouse: {p.published_db}", f"run {info['run_id']} at {info['published_at']}", ""]
    lines += [f"  marts.{t:<28} {n:>8} rows" for t, n in info["tables"].items()]
    with db.reader(p.published_db) as con:
        national = con.execute("""
            select l.batch_label, count(*) filter (f.designation_type_code = 'green_factory'),
                   count(*) filter (f.designation_type_code = 'green_park'),
                   count(*) filter (f.designation_type_code = 'green_supply_chain'),
                   count(*) filter (f.designation_type_code = 'green_design_product')
            from marts.fct_designations f join marts.dim_list l using (list_id)
            where l.source_id = 'miit' group by 1 order by min(l.notice_date)""").fetchall()
        others = con.execute("""
            select l.source_id, count(distinct l.list_id), count(*)
            from marts.fct_designations f join marts.dim_list l using (list_id)
            where l.source_id <> 'miit' group by 1 order by 1""").fetchall()
        quarantined = con.execute("select rule, count(*) from marts.quarantine group by 1 order by 1").fetchall()
        precisions = con.execute("""
            select precision, n, n / sum(n) over () from (
                select coalesce(region_precision, 'unknown') as precision, count(*) as n
                from marts.fct_designations group by 1)
            order by list_position(['province', 'city', 'county', 'unknown'], precision)""").fetchall()
        provinces = con.execute("""
            select coalesce(r.region_name, '(unknown)'), count(*) filter (l.level = 'national'),
                   count(*) filter (l.level = 'provincial'), count(*) filter (l.level in ('municipal', 'county')),
                   count(*) filter (l.source_id <> 'miit'), count(*) filter (f.region_precision in ('city', 'county'))
            from marts.fct_designations f join marts.dim_list l using (list_id)
            left join marts.dim_region r on r.region_code = f.province_code
            group by 1 order by count(*) desc, 1""").fetchall()
    sources = [s for run in scrape_runs(p, info["run_id"]) for s in pipeline.scrape_report(p, run)]
    if sources:
        failed = [s["source_id"] for s in sources if s.get("error")]
        lines += [
            "",
            f"  last scrape: {len(sources)} sources, {sum(s.get('requests', 0) for s in sources)} requests, "
            f"{sum(s.get('not_modified', 0) for s in sources)} not modified (304), "
            f"{sum(s.get('articles', 0) for s in sources)} new articles"
            + (f"; FAILED: {', '.join(failed)}" if failed else ""),
        ]
    lines += [
        "",
        "  national lists (MIIT), designations by batch:",
        f"    {'batch':<10}{'factories':>10}{'parks':>8}{'supply chain':>14}{'design products':>17}",
    ]
    lines += [f"    {_pad(b or '-', 10)}{f:>10}{pk:>8}{sc:>14}{dp:>17}" for b, f, pk, sc, dp in national]
    lines += [
        "",
        "  provincial, municipal and mirror sources: "
        + (", ".join(f"{s} {n} ({k} list{'s' if k > 1 else ''})" for s, k, n in others) or "none"),
    ]
    lines += _region_lines(precisions, provinces)
    lines += ["", "  quarantine: " + (", ".join(f"{r} {n}" for r, n in quarantined) or "empty")]
    lines += [
        "",
        'query it: .venv/bin/greenmfg sql "select * from marts.fct_designations limit 5"',
        f"data docs: {p.gx_dir / 'uncommitted' / 'data_docs' / 'local_site' / 'index.html'}",
        f"dbt docs:  {p.dbt_work_dir / 'target' / 'static_index.html'}",
        f"report:    {p.warehouse_dir / 'report.html'}",
    ]
    return "\n".join(lines)


def _region_lines(precisions, provinces) -> list[str]:
    """Designations by how finely their region is known, and per province (by level; from
    sources other than MIIT; known to the city or county)."""
    lines = [
        "",
        "  designations by region precision: " + ", ".join(f"{p} {n} ({share:.1%})" for p, n, share in precisions),
        "",
        "  designations per province:",
        f"    {_pad('province', 18)}{'national':>9}{'provincial':>11}{'municipal':>10}{'non-MIIT':>9}{'city/county':>12}",
    ]
    lines += [
        f"    {_pad(name, 18)}{nat:>9}{prov:>11}{local:>10}{other:>9}{fine:>12}"
        for name, nat, prov, local, other, fine in provinces
    ]
    return lines
