"""`greenmfg`: drive each stage without Airflow (same functions the DAGs call).

By default scraping goes to the offline corpus: a mirror is started in-process unless
GREENMFG_MIRROR_URL points at one already; `--live` fetches the real sites.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import time
import unicodedata

from greenmfg import pipeline
from greenmfg.settings import Paths, paths


def _mirror(live: bool):
    if live or os.environ.get("GREENMFG_MIRROR_URL"):
        return contextlib.nullcontext()
    from greenmfg.mirror.server import MirrorThread

    mirror = MirrorThread()
    os.environ["GREENMFG_MIRROR_URL"] = mirror.url
    return mirror


def _pad(text: str, width: int) -> str:
    """Left-align for a terminal, where a CJK character takes two columns."""
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - shown, 0)


def summary_text(p: Paths) -> str:
    """One screen: what is published, designations per type and batch, quarantine."""
    from greenmfg import db

    info_file = p.warehouse_dir / "published.json"
    if not p.published_db.exists() or not info_file.exists():
        return f"nothing published yet under {p.home}"
    info = json.loads(info_file.read_text(encoding="utf-8"))
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
    report_file = p.runs_dir / info["run_id"] / "report.json"  # the DAGs' run report names the ingest runs
    ingest_runs = json.loads(report_file.read_text(encoding="utf-8"))["ingest_runs"] if report_file.exists() else []
    sources = [s for run in [info["run_id"], *ingest_runs] for s in pipeline.scrape_report(p, run)]
    if sources:
        failed = [s["source_id"] for s in sources if s.get("error")]
        lines += ["", f"  last scrape: {len(sources)} sources, {sum(s.get('requests', 0) for s in sources)} requests, "
                      f"{sum(s.get('not_modified', 0) for s in sources)} not modified (304), "
                      f"{sum(s.get('articles', 0) for s in sources)} new articles"
                      + (f"; FAILED: {', '.join(failed)}" if failed else "")]
    lines += ["", "  national lists (MIIT), designations by batch:",
              f"    {'batch':<10}{'factories':>10}{'parks':>8}{'supply chain':>14}{'design products':>17}"]
    lines += [f"    {_pad(b or '-', 10)}{f:>10}{pk:>8}{sc:>14}{dp:>17}" for b, f, pk, sc, dp in national]
    lines += ["", "  provincial, municipal and mirror sources: " + (", ".join(
        f"{s} {n} ({k} list{'s' if k > 1 else ''})" for s, k, n in others) or "none")]
    lines += _region_lines(precisions, provinces)
    lines += ["", "  quarantine: " + (", ".join(f"{r} {n}" for r, n in quarantined) or "empty")]
    lines += ["", "query it: .venv/bin/greenmfg sql \"select * from marts.fct_designations limit 5\"",
              f"data docs: {p.gx_dir / 'uncommitted' / 'data_docs' / 'local_site' / 'index.html'}",
              f"report:    {p.warehouse_dir / 'report.html'}"]
    return "\n".join(lines)


def _region_lines(precisions, provinces) -> list[str]:
    """Designations by how finely their region is known, and per province (by level; from
    sources other than MIIT; known to the city or county)."""
    lines = ["", "  designations by region precision: " + ", ".join(
        f"{p} {n} ({share:.1%})" for p, n, share in precisions), "", "  designations per province:",
        f"    {_pad('province', 18)}{'national':>9}{'provincial':>11}{'municipal':>10}{'non-MIIT':>9}{'city/county':>12}"]
    lines += [f"    {_pad(name, 18)}{nat:>9}{prov:>11}{local:>10}{other:>9}{fine:>12}"
              for name, nat, prov, local, other, fine in provinces]
    return lines


def _extract(args) -> int:
    """Records of one file as JSON lines; a file that cannot be read (or that the pipeline would
    quarantine whole) is one line on stderr and exit 2, never a traceback."""
    import warnings
    from pathlib import Path

    quiet = not args.verbose
    if quiet:  # libraries' warnings and log lines (pdfminer, openpyxl) are not the command's output
        logging.disable(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            if quiet:
                warnings.simplefilter("ignore")
            from greenmfg.extract.document import extract_document

            context = {"kind": args.kind, "title": args.title, "year": args.year, "link_text": args.link_text,
                       "content_type": args.content_type}
            records = extract_document(Path(args.path), args.url, **context)
    except Exception as exc:  # noqa: BLE001 - whatever the file does, one line and exit 2
        from greenmfg.extract.document import ExtractError

        reason = str(exc) if isinstance(exc, ExtractError) else f"{type(exc).__name__}: {exc}"
        if reason.startswith("unknown_list_type") and not (args.title or args.link_text):
            reason += " (tell it with --link-text or --title)"
        print(f"greenmfg extract: {args.path}: {' '.join(reason.split())[:1000]}", file=sys.stderr)
        return 2
    finally:
        if quiet:
            logging.disable(logging.NOTSET)
    try:
        for record in records:
            line = json.dumps(record, ensure_ascii=False)
            try:
                print(line)
            except UnicodeEncodeError:  # a terminal that cannot show Chinese: JSON's escapes
                print(json.dumps(record))
    except BrokenPipeError:  # `| head` closed the pipe: fine
        sys.stderr.close()
    return 0


class Parser(argparse.ArgumentParser):
    """A mistake on the command line is one line: what is wrong (`-h` shows the usage)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} -h)\n")


def positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    """Every error a person can meet is one line on stderr and a non-zero exit; `--debug` keeps
    the traceback, which is otherwise written to $GREENMFG_HOME/logs/cli-errors.log."""
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    if debug:
        argv.remove("--debug")
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("greenmfg: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place every other error ends
        if debug:
            raise
        command = next((a for a in argv if not a.startswith("-")), "")
        reason = " ".join(str(exc).split()) or type(exc).__name__
        print(f"greenmfg {command}: {type(exc).__name__}: {reason[:500]}{_logged(exc)}", file=sys.stderr)
        return 1


def _logged(exc: Exception) -> str:
    """Append the traceback to the CLI's error log; its path for the message (none if it cannot be written)."""
    import traceback

    log = paths().home / "logs" / "cli-errors.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"--- {time.strftime('%Y-%m-%dT%H:%M:%S')}\n{''.join(traceback.format_exception(exc))}")
    except OSError:  # a full or read-only disk: the one line is all there is
        return " (run with --debug for the traceback)"
    return f" (traceback in {log}; --debug shows it)"


def _main(argv: list[str]) -> int:
    parser = Parser(prog="greenmfg", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("scrape", "run"):
        p = sub.add_parser(name, help=f"{name} (offline corpus unless --live)")
        p.add_argument("--source", action="append", help="source id (repeatable); default all")
        p.add_argument("--live", action="store_true", help="fetch the real sites instead of the mirror")
        p.add_argument("--run-id")
    for name in ("load", "transform", "validate", "publish"):
        p = sub.add_parser(name)
        p.add_argument("--run-id", required=name in ("validate", "publish"))
    for command in (sub.choices["run"], sub.choices["transform"]):
        command.add_argument("--rebuild", action="store_true",
                             help="build, gate and publish even when nothing is new since the published build")
    mirror = sub.add_parser("serve-mirror", help="serve the offline corpus on 127.0.0.1")
    mirror.add_argument("--port", type=int, default=8765)
    mirror.add_argument("--host", default="127.0.0.1", help="address to bind (0.0.0.0 in a container)")
    mirror.add_argument("--root", help="a corpus folder other than corpus/ (e.g. bench/scale_corpus.py's)")
    mirror.add_argument("--as-of", help="serve the corpus as it was on this date (YYYY-MM-DD)")
    mirror.add_argument("--faults", help="YAML fault plan: requests to fail on purpose (greenmfg/mirror/faults.py)")
    sub.add_parser("summary", help="what is published")
    sub.add_parser("dbt-manifest", help="render dbt's manifest for the transform DAG (only if the project changed)")
    sub.add_parser("status", help="source health: last success, failures in a row, newest notice")
    extract = sub.add_parser("extract", help="records of one saved page or attachment, as JSON lines")
    extract.add_argument("path")
    extract.add_argument("--url", help="the document's real URL: its host selects the source (parser, level, "
                                       "region); without it, or for a host not in the registry, the generic source")
    extract.add_argument("--kind", choices=("article", "attachment"),
                         help="a notice page or a list attachment (default: from the file's format)")
    extract.add_argument("--title", help="attachments: their notice's title (list type, status, batch)")
    extract.add_argument("--year", type=int, help="attachments: their notice's list year")
    extract.add_argument("--link-text", help="attachments: the text of the link to them (default: the file's name)")
    extract.add_argument("--content-type", help="the Content-Type it was served with (charset; text/plain)")
    evaluation = sub.add_parser("eval", help="precision and recall of the extractors on the labelled set")
    evaluation.add_argument("--details", action="store_true",
                            help="list every miss and extra of the tuned part and the invented development "
                                 "half (never of the holdout or the check half)")
    sources = sub.add_parser("sources", help="the source registry")
    sources_sub = sources.add_subparsers(dest="sources_command", required=True)
    sources_sub.add_parser("list", help="every registered source")
    check = sources_sub.add_parser("check", help="fetch one list page and report what was found")
    check.add_argument("source_id")
    check.add_argument("--live", action="store_true", help="the real site instead of the mirror")
    report = sub.add_parser("report", help="write the HTML overview of the published warehouse")
    report.add_argument("--out", help="file to write (default $GREENMFG_HOME/warehouse/report.html)")
    find = sub.add_parser("search", help="full-text search over the published notices")
    find.add_argument("query")
    find.add_argument("--limit", type=positive_int, default=10)
    sql = sub.add_parser("sql", help="run a read-only query on the published warehouse")
    sql.add_argument("query")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    p = paths()
    started = time.monotonic()
    if args.command == "serve-mirror":
        from pathlib import Path

        from greenmfg.mirror.faults import FaultPlan
        from greenmfg.mirror.server import make_server
        from greenmfg.settings import CORPUS_DIR

        plan = FaultPlan.from_file(Path(args.faults)) if args.faults else None
        server = make_server(args.port, root=Path(args.root) if args.root else CORPUS_DIR, as_of=args.as_of,
                             fault_plan=plan, host=args.host)
        print(f"offline mirror on http://127.0.0.1:{server.server_address[1]} (Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
        return 0
    if args.command == "summary":
        print(summary_text(p))
        return 0
    if args.command == "dbt-manifest":
        from greenmfg import transform

        print(transform.manifest(p.dbt_work_dir / "manifest"))
        return 0
    if args.command == "status":
        from greenmfg.status import source_health, status_text

        print(status_text(p))
        return 1 if any(h.flagged for h in source_health(p)) else 0
    if args.command == "extract":
        return _extract(args)
    if args.command == "eval":
        from greenmfg.evaluate import evaluate_parts, report_parts

        print(report_parts(evaluate_parts(), verbose=args.details))
        return 0
    if args.command == "sources":
        from greenmfg import sources_cli

        if args.sources_command == "list":
            print(sources_cli.list_sources())
            return 0
        with _mirror(args.live):
            ok, report = sources_cli.check_source(args.source_id)
        print(report)
        return 0 if ok else 1
    if args.command == "report":
        from pathlib import Path

        from greenmfg import report as report_module

        print(report_module.write(p, Path(args.out) if args.out else None))
        return 0
    if args.command == "search":
        from greenmfg import search

        for notice_date, source_id, title, url, score in search.search(p.published_db, args.query, args.limit):
            print(f"{notice_date}  {source_id:<13} {score:>7}  {title}\n{'':36}{url}")
        return 0
    if args.command == "sql":
        from greenmfg import db

        if not p.published_db.exists():
            print(f"nothing published yet under {p.home}: run `greenmfg run` first", file=sys.stderr)
            return 1
        import duckdb

        try:
            with db.reader(p.published_db, sandboxed=True) as con:
                relation = con.sql(args.query)
                if relation is not None:
                    relation.show(max_rows=200)
        except duckdb.Error as exc:  # bad SQL, or a write, file access or extension refused by the sandbox
            print(f"greenmfg sql: {str(exc).splitlines()[0]}", file=sys.stderr)
            return 2
        return 0
    run_id = getattr(args, "run_id", None) or pipeline.new_run_id()
    if args.command in ("scrape", "run"):
        with _mirror(args.live):
            if args.command == "scrape":
                result = pipeline.scrape(p, run_id, args.source)
            else:
                result = pipeline.run(p, run_id, args.source, rebuild=args.rebuild)
    elif args.command == "load":  # the lake is only useful extracted: `load` does both stages
        result = {"load": pipeline.load(p, run_id), "extract": pipeline.extract(p, run_id)}
    elif args.command == "transform":
        try:
            result = pipeline.transform(p, run_id, rebuild=args.rebuild)
        except pipeline.NothingNew as nothing:
            result = {"nothing_new": str(nothing)}
    else:
        result = getattr(pipeline, args.command)(p, run_id)
    if args.command == "run":
        if "nothing_new" in result:
            print(f"{pipeline.NothingNew(result['nothing_new'])}\n")
        print(summary_text(p))
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    print(f"\n{args.command} finished in {time.monotonic() - started:.1f}s (run {run_id})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
