"""Every subcommand and option says what it does, and every subcommand shows examples that use
each of its options."""

import argparse

import pytest

from greenmfg.cli import build_parser, main


def commands(parser: argparse.ArgumentParser, path=()):
    """(words, parser) of the program and every subcommand under it."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from commands(child, (*path, name))


ALL = list(commands(build_parser()))
STAGES = {"scrape", "run", "load", "transform", "validate", "publish"}


def test_every_command_is_there():
    names = {words[0] for words, _ in ALL if words}
    assert names >= STAGES | {
        "summary",
        "status",
        "sql",
        "search",
        "report",
        "extract",
        "eval",
        "sources",
        "serve-mirror",
        "dbt-manifest",
    }


@pytest.mark.parametrize("words,parser", ALL, ids=[" ".join(w) or "greenmfg" for w, _ in ALL])
def test_help_and_an_example_of_every_option(words, parser):
    assert parser.description and parser.epilog and parser.epilog.startswith("examples:")
    examples = parser.epilog.splitlines()[1:]
    assert examples and all("greenmfg " in line for line in examples)
    if words:
        assert any(" ".join(words) in line for line in examples)
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        assert action.help, f"{' '.join(words)}: {action.dest} has no help"
        if action.option_strings:
            assert any(flag in parser.epilog for flag in action.option_strings), (
                f"greenmfg {' '.join(words)}: no example uses {action.option_strings[-1]}"
            )


@pytest.mark.parametrize("words", [w for w, _ in ALL], ids=[" ".join(w) or "greenmfg" for w, _ in ALL])
def test_dash_h_prints_the_help_and_exits_0(words, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([*words, "-h"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: greenmfg {' '.join(words)}".rstrip()) and "examples:" in out
