"""`greenmfg`: drive each stage without Airflow (same functions the DAGs call), query and
search the published warehouse, and work on sources and extractors.

By default scraping goes to the offline corpus: a mirror is started in-process unless
GREENMFG_MIRROR_URL points at one already; `--live` fetches the real sites. Everything lives
under $GREENMFG_HOME (default ./data)."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import time

from greenmfg.cli import sql, stages, summary, tools, warehouse
from greenmfg.cli.common import HelpFormatter, NotReady, Parser, UserError
from greenmfg.settings import paths

__all__ = ["NotReady", "UserError", "build_parser", "main"]
COMMAND_GROUPS = (stages, summary, warehouse, sql, tools)
EXAMPLES = """examples:
  greenmfg run                              # every stage on the offline corpus, then the summary
  greenmfg summary
  greenmfg sql "select * from marts.dim_list" --format csv --output lists.csv
  greenmfg search "绿色工厂 嘉兴"
  greenmfg sources check zj_jxt
  greenmfg -v --debug transform             # debug logging; an unexpected error's traceback
  greenmfg COMMAND -h                       # a command's options and examples"""


def build_parser() -> Parser:
    parser = Parser(prog="greenmfg", description=__doc__, epilog=EXAMPLES, formatter_class=HelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging (and the libraries' warnings)")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="let an unexpected error's traceback through (otherwise it goes to "
        "$GREENMFG_HOME/logs/cli-errors.log); may come anywhere on the line",
    )
    sub = parser.add_subparsers(
        dest="command",
        required=True,
        metavar="COMMAND",
        help="what to do (`greenmfg COMMAND -h`: its options and examples)",
    )
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Every error a person can meet is one line on stderr and a non-zero exit; `--debug` keeps
    the traceback of an unexpected one, which is otherwise written to $GREENMFG_HOME/logs/cli-errors.log."""
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    if debug:
        argv.remove("--debug")
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
        stream=sys.stderr,
    )
    try:
        return args.func(args, paths())
    except KeyboardInterrupt:
        print("greenmfg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `| head` stopped reading: the rest is not wanted
        with contextlib.suppress(OSError, ValueError):  # no more writes to the closed pipe at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the one place every error becomes one line
        if debug and not isinstance(exc, UserError):
            raise
        line, code = one_line(exc)
        print(f"{args.command_name}: {line}", file=sys.stderr)
        return code


def one_line(exc: Exception) -> tuple[str, int]:
    """The line and exit code of an error: a UserError says it all; a failed stage (gate,
    dbt, sources) says what failed and leaves its details in the log; anything else is a bug,
    named by its type, with its traceback in the log."""
    if isinstance(exc, UserError):
        return " ".join(str(exc).split()), exc.code
    if _is(exc, "greenmfg.gate", "GateFailed"):
        failed = [table for table, ok in exc.result.tables.items() if not ok]
        return (
            f"the gate failed on {', '.join(failed) or 'the build'} ({len(exc.result.failures)} failed "
            f"expectation(s)); nothing was published{_logged(exc)}"
        ), 1
    if _is(exc, "greenmfg.scrape", "SourcesFailed"):
        return f"sources failed: {', '.join(exc.failures)}{_logged(exc)}", 1
    if _is(exc, "greenmfg.transform", "TransformFailed"):
        return f"{_first_error(str(exc))}{_logged(exc)}", 1
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {reason[:500]}{_logged(exc)}", 1


def _is(exc: Exception, module: str, name: str) -> bool:
    """An instance of module.name, without importing the module (the stage that raised it has)."""
    known = getattr(sys.modules.get(module), name, None)
    return known is not None and isinstance(exc, known)


DBT_FAILURE = re.compile(r"\b(?:Failure|Error) in (?:test|model|seed|snapshot|source|unit_test|macro|operation)\b")


def _first_error(message: str) -> str:
    """dbt's verdict and the first node its output names as failed, from a TransformFailed."""
    lines = [" ".join(line.split()) for line in message.splitlines() if line.strip()]
    verdict = lines[0].rstrip(":") if lines else "dbt failed"
    culprit = next((line for line in lines[1:] if DBT_FAILURE.search(line)), None)
    return f"{verdict}: {culprit[:300]}" if culprit else verdict


def _logged(exc: Exception) -> str:
    """Append the error and its traceback to the CLI's error log; where it is, for the message
    (or how to see it, when the log cannot be written)."""
    import traceback

    log = paths().home / "logs" / "cli-errors.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"--- {time.strftime('%Y-%m-%dT%H:%M:%S')}\n{''.join(traceback.format_exception(exc))}")
    except OSError:  # a full or read-only disk: the one line is all there is
        return " (run with --debug for the traceback)"
    return f" (details in {log}; --debug shows the traceback)"
