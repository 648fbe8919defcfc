"""The code's layers, as the README's folder layout names them: a module imports only from its own
layer or the layers below it, and no modules import each other in a circle. Every import counts,
inside functions too (a lazy import is still a dependency). Read from the source (AST): nothing
is imported to check it."""

import ast
from pathlib import Path

from greenmfg.settings import PROJECT_ROOT

# lowest first; a module belongs to the first entry that is it or its package
LAYERS = [
    (
        "foundation",
        [
            "greenmfg.settings",
            "greenmfg.files",
            "greenmfg.crash_points",
            "greenmfg.db",
            "greenmfg.duckdb_ext",
            "greenmfg.run_lock",
            "greenmfg.regions",
            "greenmfg.docs_assets",
            "greenmfg.vocabulary",
            "greenmfg.libs",
        ],
    ),
    (
        "pages and landing",
        ["greenmfg.webpage", "greenmfg.http_client", "greenmfg.raw_store", "greenmfg.lake", "greenmfg.mirror"],
    ),
    ("spiders", ["scrapers"]),
    ("stages before dbt", ["greenmfg.scrape", "greenmfg.load", "greenmfg.extract"]),
    (
        "warehouse",
        [
            "greenmfg.search",
            "greenmfg.serving",
            "greenmfg.build_inputs",
            "greenmfg.transform",
            "greenmfg.gate",
            "greenmfg.publish",
        ],
    ),
    (
        "reports",
        ["greenmfg.status", "greenmfg.report", "greenmfg.run_report", "greenmfg.evaluate", "greenmfg.sources_cli"],
    ),
    ("pipeline", ["greenmfg.pipeline"]),
    ("entry points", ["greenmfg.orchestration", "greenmfg.cli", "dags"]),
]
ROOTS = ("greenmfg", "scrapers", "dags")


def modules() -> dict[str, Path]:
    found = {}
    for root in ROOTS:
        for path in (PROJECT_ROOT / root).rglob("*.py"):
            parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project's modules that `name` imports, anywhere in its file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names)
    return {_module(target, known) for target in targets} - {None, name}


def _module(target: str, known: dict[str, Path]) -> str | None:
    while target and target not in known:
        target = target.rpartition(".")[0]
    return target or None


def layer_of(name: str) -> int:
    for index, (_, members) in enumerate(LAYERS):
        if any(name == member or name.startswith(member + ".") for member in members):
            return index
    raise AssertionError(f"{name} is in no layer of tests/test_layers.py: add it where it belongs")


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items() if name not in ROOTS}


def test_every_import_points_down_or_within_its_layer():
    upward = sorted(
        f"{a} ({LAYERS[layer_of(a)][0]}) imports {b} ({LAYERS[layer_of(b)][0]})"
        for a, targets in graph().items()
        for b in targets
        if b not in ROOTS and layer_of(b) > layer_of(a)
    )
    assert upward == []


def test_no_modules_import_each_other_in_a_circle():
    edges = {a: {b for b in targets if b not in ROOTS} for a, targets in graph().items()}
    assert cycles(edges) == []


def test_the_check_sees_an_upward_import_and_a_circle():
    assert layer_of("greenmfg.extract.names") > layer_of("scrapers.base") > layer_of("greenmfg.webpage.html")
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while not component or component[-1] != node:
                component.append(stack.pop())
                on_stack.discard(component[-1])
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)


def test_the_registry_is_read_without_importing_a_spider():
    """load, status and the CLI read the source registry; the spiders (bs4, requests) are imported
    only where a source is crawled or a page read."""
    import subprocess
    import sys

    code = (
        "import sys, scrapers; from greenmfg import load, status; assert scrapers.registry(); "
        "print(sorted(m for m in ('bs4', 'requests', 'scrapers.base', 'scrapers.generic') if m in sys.modules))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True)
    assert shown.stdout.strip() == "[]"
