"""What every command shares: the project's error type, the parser, and the checks that turn
a state a person can fix (nothing published yet, an unknown run or source) into one line."""

from __future__ import annotations

import argparse
import inspect
import textwrap

from greenmfg.settings import Paths


class UserError(Exception):
    """A mistake or a state a person can fix. The CLI prints its message as the one line
    `greenmfg COMMAND: message` and exits with `code` (2: what was typed is wrong, 1: the
    home is not ready for it)."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


class NotReady(UserError):
    """The command needs a stage that has not run yet (nothing published, nothing loaded)."""

    def __init__(self, message: str):
        super().__init__(message, code=1)


class Parser(argparse.ArgumentParser):
    """A mistake on the command line is one line: what is wrong (`-h` shows the usage)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} -h)\n")


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples' lines as written."""


def add_command(sub, name: str, func, help: str, examples: str, description: str | None = None) -> Parser:
    """A subcommand with its help, the examples shown under `-h`, and the function that runs it."""
    command = sub.add_parser(
        name,
        help=help,
        description=description or help,
        formatter_class=HelpFormatter,
        epilog="examples:\n" + textwrap.indent(inspect.cleandoc(examples), "  "),
    )
    command.set_defaults(func=func, command_name=command.prog)
    return command


def positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return int(text)


def run_id_text(text: str) -> str:
    """A run id names a folder: letters, digits, '_', '.' and '-' only."""
    from greenmfg.pipeline import safe_run_id

    if not text or safe_run_id(text) != text:
        raise argparse.ArgumentTypeError(
            f"a run id is letters, digits, '_', '.' and '-', not starting with '.' nor 'failed', got {text!r}"
        )
    return text


def require_published(paths: Paths, with_record: bool = False) -> None:
    """A published warehouse (and, `with_record`, publish's record of it: published.json)."""
    record = paths.warehouse_dir / "published.json"
    if not paths.published_db.exists() or (with_record and not record.exists()):
        raise NotReady(f"nothing published yet under {paths.home}: `greenmfg run` builds and publishes the warehouse")


def require_sources(source_ids: list[str] | None) -> None:
    """Every id names a registered source."""
    from scrapers import registry

    unknown = [s for s in source_ids or [] if s not in registry()]
    if unknown:
        raise UserError(
            f"unknown source {', '.join(map(repr, unknown))}: "
            f"`greenmfg sources list` shows the {len(registry())} registered sources"
        )
