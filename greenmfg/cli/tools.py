"""Commands for whoever works on the project: the offline mirror, the source registry, one
document's records, the extractors' scores, dbt's manifest."""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import logging
import re
from pathlib import Path

from greenmfg.cli.common import UserError, add_command, require_sources
from greenmfg.settings import Paths


def register(sub) -> None:
    mirror = add_command(
        sub,
        "serve-mirror",
        serve_mirror,
        "serve the offline corpus on 127.0.0.1",
        """greenmfg serve-mirror --port 8765
                            greenmfg serve-mirror --host 0.0.0.0 --port 8765        # in a container
                            greenmfg serve-mirror --as-of 2024-06-30                # the corpus as it was on a date
                            greenmfg serve-mirror --root bench/out/corpus-1000      # a scaled corpus (bench/)
                            greenmfg serve-mirror --faults faults.yml               # fail some requests on purpose""",
    )
    mirror.add_argument("--port", type=port_number, default=8765, help="TCP port (default 8765; 0: any free port)")
    mirror.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; 0.0.0.0 in a container)"
    )
    mirror.add_argument("--root", help="a corpus folder other than corpus/ (e.g. bench/scale_corpus.py's)")
    mirror.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help="serve the corpus as it was on this date")
    mirror.add_argument(
        "--faults", metavar="FILE", help="YAML fault plan: requests to fail on purpose (greenmfg/mirror/faults.py)"
    )
    add_command(
        sub,
        "dbt-manifest",
        dbt_manifest,
        "render dbt's manifest for the transform DAG (only if the project changed)",
        "greenmfg dbt-manifest                # prints the manifest's path",
    )
    extract = add_command(
        sub,
        "extract",
        extract_records,
        "records of one saved page or attachment, as JSON lines",
        """greenmfg extract page.html --url http://gxt.shaanxi.gov.cn/zcwj/tzgg/202407/t1.html
                             greenmfg extract list.xls --kind attachment --title "关于公布第五批绿色制造名单的通知" --year 2024
                             greenmfg extract 附件1.pdf --link-text "附件1：绿色工厂名单"
                             greenmfg extract notice.txt --content-type "text/plain; charset=gbk"
                             greenmfg -v extract page.html        # with the libraries' warnings""",
    )
    extract.add_argument("path", help="the saved file (HTML page, PDF, Word, Excel, WPS, text)")
    extract.add_argument(
        "--url",
        help="the document's real URL: its host selects the source (parser, level, "
        "region); without it, or for a host not in the registry, the generic source",
    )
    extract.add_argument(
        "--kind",
        choices=("article", "attachment"),
        help="a notice page or a list attachment (default: from the file's format)",
    )
    extract.add_argument("--title", help="attachments: their notice's title (list type, status, batch)")
    extract.add_argument("--year", type=int, help="attachments: their notice's list year")
    extract.add_argument("--link-text", help="attachments: the text of the link to them (default: the file's name)")
    extract.add_argument("--content-type", help="the Content-Type it was served with (charset; text/plain)")
    evaluation = add_command(
        sub,
        "eval",
        evaluate,
        "precision and recall of the extractors on the labelled set",
        """greenmfg eval
                                greenmfg eval --details              # every miss and extra of the tuned part""",
    )
    evaluation.add_argument(
        "--details",
        action="store_true",
        help="list every miss and extra of the tuned part and the invented development "
        "halves, and of check halves already read (never of the holdout or an unread check half)",
    )
    sources = add_command(
        sub,
        "sources",
        None,
        "the source registry: list the sources, check one",
        """greenmfg sources list
                             greenmfg sources check zj_jxt""",
    )
    sources_sub = sources.add_subparsers(
        dest="sources_command", required=True, metavar="{list,check}", help="list: every source; check ID: try one"
    )
    add_command(sources_sub, "list", list_sources, "every registered source", "greenmfg sources list")
    check = add_command(
        sources_sub,
        "check",
        check_source,
        "fetch one list page and report what the selectors found",
        """greenmfg sources check sn_gxt          # against the offline mirror
                           greenmfg sources check sn_gxt --live   # against the real site""",
    )
    check.add_argument("source_id", help="a source id from `greenmfg sources list`")
    check.add_argument("--live", action="store_true", help="the real site instead of the mirror")


def port_number(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to 65535, got {text!r}")
    return int(text)


def iso_date(text: str) -> str:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}")
    return text


def serve_mirror(args, paths: Paths) -> int:
    from greenmfg.mirror.faults import FaultPlan
    from greenmfg.mirror.server import make_server
    from greenmfg.settings import CORPUS_DIR

    root = Path(args.root) if args.root else CORPUS_DIR
    if not root.is_dir():
        raise UserError(f"--root {root}: not a folder")
    if args.faults and not Path(args.faults).is_file():
        raise UserError(f"--faults {args.faults}: no such file")
    plan = FaultPlan.from_file(Path(args.faults)) if args.faults else None
    try:
        server = make_server(args.port, root=root, as_of=args.as_of, fault_plan=plan, host=args.host)
    except OSError as exc:
        taken = exc.errno == errno.EADDRINUSE
        raise UserError(
            f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}" + ("; another --port?" if taken else ""),
            code=1,
        ) from None
    print(f"offline mirror on http://127.0.0.1:{server.server_address[1]} (Ctrl-C to stop)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


def dbt_manifest(args, paths: Paths) -> int:
    from greenmfg import transform

    print(transform.manifest(paths.dbt_work_dir / "manifest", paths))
    return 0


def list_sources(args, paths: Paths) -> int:
    from greenmfg import sources_cli

    print(sources_cli.list_sources())
    return 0


def check_source(args, paths: Paths) -> int:
    from greenmfg import sources_cli
    from greenmfg.cli.stages import mirror_unless_live

    require_sources([args.source_id])
    with mirror_unless_live(args.live):
        ok, report = sources_cli.check_source(args.source_id)
    print(report)
    return 0 if ok else 1


def evaluate(args, paths: Paths) -> int:
    from greenmfg.evaluate import evaluate_parts, report_parts

    print(report_parts(evaluate_parts(), verbose=args.details))
    return 0


def extract_records(args, paths: Paths) -> int:
    """Records of one file as JSON lines; a file that cannot be read (or that the pipeline would
    quarantine whole) is one line on stderr and exit 2."""
    import warnings

    quiet = not args.verbose
    if quiet:  # libraries' warnings and log lines (pdfminer, openpyxl) are not the command's output
        logging.disable(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            if quiet:
                warnings.simplefilter("ignore")
            from greenmfg.extract.document import extract_document

            context = {
                "kind": args.kind,
                "title": args.title,
                "year": args.year,
                "link_text": args.link_text,
                "content_type": args.content_type,
            }
            records = extract_document(Path(args.path), args.url, **context)
    except Exception as exc:  # noqa: BLE001 - whatever the file does, one line and exit 2
        from greenmfg.extract.document import ExtractError

        reason = str(exc) if isinstance(exc, ExtractError) else f"{type(exc).__name__}: {exc}"
        if reason.startswith("unknown_list_type") and not (args.title or args.link_text):
            reason += " (tell it with --link-text or --title)"
        raise UserError(f"{args.path}: {' '.join(reason.split())[:1000]}") from None
    finally:
        if quiet:
            logging.disable(logging.NOTSET)
    for record in records:
        line = json.dumps(record, ensure_ascii=False)
        try:
            print(line)
        except UnicodeEncodeError:  # a terminal that cannot show Chinese: JSON's escapes
            print(json.dumps(record))
    return 0
