"""Every GREENMFG_* setting is declared once, in greenmfg/settings.py, with its default and
meaning; the code reads them only through `settings.setting`; docs/settings.md is made from it."""

import ast
import re

import pytest

from greenmfg import settings
from greenmfg.settings import PROJECT_ROOT, SETTINGS, setting, settings_markdown

NAME = re.compile(r"(?<![A-Z_])GREENMFG_[A-Z][A-Z_]*[A-Z]")
MENTIONED_IN = ["greenmfg", "scrapers", "dags", "scripts", "tests", "bench", "corpus", "docs", "dbt_project"]
TOP_FILES = ["README.md", "Makefile", "Dockerfile", "docker-compose.yml", ".ci/run"]


def code_files():
    for folder in ("greenmfg", "scrapers", "dags"):
        yield from (PROJECT_ROOT / folder).rglob("*.py")


def environment_reads(tree: ast.AST) -> list[str]:
    """The GREENMFG_ names a module reads from os.environ or os.getenv (writes are not reads)."""
    found = []
    for node in ast.walk(tree):
        key = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
            target = ast.unparse(node.func.value)
            if (target == "os.environ" and node.func.attr in ("get", "pop")) or ast.unparse(node.func) == "os.getenv":
                key = node.args[0]
        elif (
            isinstance(node, ast.Subscript)
            and ast.unparse(node.value) == "os.environ"
            and isinstance(node.ctx, ast.Load)
        ):
            key = node.slice
        elif isinstance(node, ast.Compare) and any(ast.unparse(c) == "os.environ" for c in node.comparators):
            key = node.left
        if key is not None and "GREENMFG_" in ast.unparse(key):
            found.append(ast.unparse(key))
    return found


def test_only_settings_reads_the_environment():
    reads = {
        str(path.relative_to(PROJECT_ROOT)): environment_reads(ast.parse(path.read_text(encoding="utf-8")))
        for path in code_files()
        if path.name != "settings.py" or path.parent.name != "greenmfg"
    }
    assert {path: names for path, names in reads.items() if names} == {}


def test_the_check_sees_a_read():
    tree = ast.parse(
        'import os\nos.environ.get("GREENMFG_X")\nos.environ["GREENMFG_Y"]\n"GREENMFG_Z" in os.environ\n'
        'os.environ["GREENMFG_W"] = "1"'
    )
    assert environment_reads(tree) == ["'GREENMFG_X'", "'GREENMFG_Y'", "'GREENMFG_Z'"]


def test_every_setting_mentioned_anywhere_is_declared():
    files = [
        p
        for folder in MENTIONED_IN
        for p in (PROJECT_ROOT / folder).rglob("*")
        if p.is_file() and p.suffix in (".py", ".sh", ".md", ".yml", ".yaml", ".sql", ".toml", ".txt")
    ]
    files = [p for p in files if p.name != "test_settings.py"]  # its own made-up names
    files += [PROJECT_ROOT / name for name in TOP_FILES if (PROJECT_ROOT / name).exists()]
    mentioned = {name for path in files for name in NAME.findall(path.read_text(encoding="utf-8", errors="replace"))}
    declared = {s.name for s in SETTINGS}
    assert "GREENMFG_HOME" in mentioned and sorted(mentioned - declared) == []


def test_docs_list_every_setting_as_declared():
    documented = (PROJECT_ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert documented == settings_markdown(), "regenerate: .venv/bin/python -m greenmfg.settings > docs/settings.md"


def test_an_empty_value_is_unset_unless_it_means_something(monkeypatch):
    monkeypatch.setenv("GREENMFG_MAX_PDF_PAGES", "")
    assert setting("GREENMFG_MAX_PDF_PAGES") == "300"
    monkeypatch.setenv("GREENMFG_POSTGRES_DSN", "")
    assert setting("GREENMFG_POSTGRES_DSN", empty_is_unset=False) == ""
    monkeypatch.delenv("GREENMFG_POSTGRES_DSN")
    assert setting("GREENMFG_POSTGRES_DSN", empty_is_unset=False) is None
    with pytest.raises(KeyError):
        setting("GREENMFG_NOT_DECLARED")
    assert len({s.name for s in settings.SETTINGS}) == len(settings.SETTINGS)
