"""Security basics: SQL is never built from scraped text, services bind to loopback, and
no secret is committed. (robots.txt: tests/test_raw_store_and_mirror.py.)"""

import ast
import re
import subprocess

import pytest
import yaml

from greenmfg.mirror.server import make_server
from greenmfg.settings import PROJECT_ROOT

SQL_CALLS = {"execute", "executemany", "sql", "query"}
# What f-string SQL may interpolate: schema and table names the code owns or reads from the
# catalog. Scraped text goes in as parameters (?), never here; so do paths, which may hold any
# character (a quote in GREENMFG_HOME): as parameters, or, where DuckDB takes none (ATTACH,
# LOAD), as a literal DuckDB quotes itself (duckdb_ext.literal).
INTERNAL = {
    "STAGING",
    "MARTS",
    "MART_SCHEMA",
    "SWAP",
    "t",
    "table",
    "column",
    "cols",
    "_relation(schema + '.' + table)",
}
QUOTED_BY_DUCKDB = re.compile(r"literal\((str\()?[\w.]+\)?\)")


def interpolated_sql() -> list[tuple[str, int, str]]:
    found = []
    for path in [*PROJECT_ROOT.glob("greenmfg/**/*.py"), *PROJECT_ROOT.glob("scrapers/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_CALLS
                and node.args
                and isinstance(node.args[0], ast.JoinedStr)
            ):
                for value in node.args[0].values:
                    if isinstance(value, ast.FormattedValue):
                        found.append((path.name, node.lineno, ast.unparse(value.value)))
    return found


def test_sql_interpolates_only_internal_names():
    found = interpolated_sql()
    assert found, "the scan found no f-string SQL at all: is it still looking?"
    placeholders = re.compile(r"', '\.join\(\['\?'\] \* \d+\)")  # "?, ?, ?" for a parameterized insert
    assert [
        f
        for f in found
        if f[2] not in INTERNAL and not placeholders.fullmatch(f[2]) and not QUOTED_BY_DUCKDB.fullmatch(f[2])
    ] == []


def test_the_mirror_listens_on_loopback_only():
    server = make_server(0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_compose_publishes_ports_on_loopback_only():
    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    ports = [p for service in compose["services"].values() for p in service.get("ports", [])]
    assert ports and all(str(p).startswith("127.0.0.1:") for p in ports), ports


SECRET = re.compile(
    r"(?i)(password|secret|token|fernet_key)[ \t]*[:=][ \t]*['\"]?[A-Za-z0-9+/_\-]{12,}|-----BEGIN [A-Z ]*PRIVATE KEY"
)


@pytest.mark.needs("git")
def test_no_secret_is_committed():
    tracked = subprocess.run(["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True).stdout.split()
    leaks = []
    for name in tracked:
        path = PROJECT_ROOT / name
        if name.startswith("corpus/") or not path.is_file() or path.stat().st_size > 1_000_000:
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        leaks += [f"{name}: {m.group(0)[:40]}" for m in SECRET.finditer(text) if "${" not in m.group(0)]
    assert len(tracked) > 50 and leaks == []
