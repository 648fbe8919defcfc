"""Commands that read what is published: search, report, status."""

from __future__ import annotations

from pathlib import Path

from greenmfg.cli.common import UserError, add_command, positive_int, require_published
from greenmfg.settings import Paths


def register(sub) -> None:
    find = add_command(
        sub,
        "search",
        search,
        "full-text search over the published notices (Chinese in either script)",
        """greenmfg search "绿色工厂 嘉兴"            # notices holding both words, best first
                          greenmfg search "綠色供應鏈 陕西" --limit 3""",
    )
    find.add_argument("query", help="words the notice must all contain; traditional characters find simplified text")
    find.add_argument("--limit", type=positive_int, default=10, metavar="N", help="at most N notices (default 10)")
    report = add_command(
        sub,
        "report",
        write_report,
        "write the HTML overview of the published warehouse",
        """greenmfg report                      # rewrites $GREENMFG_HOME/warehouse/report.html
                            greenmfg report --out /tmp/overview.html""",
    )
    report.add_argument("--out", metavar="FILE", help="file to write (default $GREENMFG_HOME/warehouse/report.html)")
    add_command(
        sub,
        "status",
        status,
        "source health: last success, failures in a row, newest notice",
        """greenmfg status                      # exit 1 when a source failed 3 runs in a row""",
    )


def search(args, paths: Paths) -> int:
    from greenmfg import search as search_module

    require_published(paths)
    if not search_module.tokens(args.query):
        raise UserError(f"nothing to search for in {args.query!r}: give words in Chinese, letters or digits")
    results = search_module.search(paths.published_db, args.query, args.limit)
    for notice_date, source_id, title, url, score, snippet in results:
        print(f"{notice_date}  {source_id:<13} {score:>7}  {title}\n{'':36}{url}")
        if snippet:
            print(f"{'':36}{snippet}")
    if not results:
        print(f"no published notice contains all of {args.query!r}")
    return 0


def write_report(args, paths: Paths) -> int:
    from greenmfg import report

    require_published(paths, with_record=True)
    try:
        print(report.write(paths, Path(args.out) if args.out else None))
    except OSError as exc:
        raise UserError(f"cannot write {args.out or 'the report'}: {exc.strerror or exc}", code=1) from None
    return 0


def status(args, paths: Paths) -> int:
    from greenmfg.status import source_health, status_text

    print(status_text(paths))
    return 1 if any(h.flagged for h in source_health(paths)) else 0
