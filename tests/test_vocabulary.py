"""The vocabulary (greenmfg/vocabulary.py) is the one list of designation types, levels, statuses
and star ratings: the dbt seeds are written from it, and every place keyed on those codes (dbt
tests, GX suites, extraction's term tables, the registry, the report) agrees with it. Adding a
type or a level there, and missing one of these places, fails here, naming the place."""

import json

import pytest
import yaml

from greenmfg import report, vocabulary
from greenmfg.extract import classify, list_rows, terms
from greenmfg.settings import DBT_PROJECT_DIR, EXPECTATIONS_DIR
from greenmfg.vocabulary import ISSUING_LEVELS, LEVEL_CODES, STAR_RATINGS, STATUSES, TYPE_CODES
from scrapers.registry import LEVELS as REGISTRY_LEVELS

CODES = {
    "level": set(LEVEL_CODES),
    "status": set(STATUSES),
    "star_rating": set(STAR_RATINGS),
    "designation_type_code": set(TYPE_CODES),
    "designation_type": set(TYPE_CODES),
}


@pytest.mark.parametrize("seed", sorted(vocabulary.SEEDS))
def test_the_seeds_are_written_from_the_vocabulary(seed):
    written = (DBT_PROJECT_DIR / "seeds" / seed).read_text(encoding="utf-8")
    assert written == vocabulary.SEEDS[seed](), "rewrite them: .venv/bin/python -m greenmfg.vocabulary"


def accepted_values() -> list[tuple[str, str, set]]:
    """(where, column, values) of every accepted_values test in the dbt project on a vocabulary column."""
    found = []
    for path in sorted((DBT_PROJECT_DIR / "models").rglob("*.yml")):
        for model in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models", []):
            for column in model.get("columns", []):
                for test in column.get("data_tests", []) + column.get("tests", []):
                    if isinstance(test, dict) and "accepted_values" in test and column["name"] in CODES:
                        spec = test["accepted_values"]
                        values = set((spec.get("arguments") or spec)["values"])
                        if values & CODES[column["name"]]:  # disjoint: another meaning (an attachment's parse status)
                            found.append((f"{path.name}: {model['name']}", column["name"], values))
    return found


def suite_value_sets() -> list[tuple[str, str, set]]:
    found = []
    for path in sorted(EXPECTATIONS_DIR.rglob("*.json")):
        for expectation in json.loads(path.read_text(encoding="utf-8")).get("expectations", []):
            kwargs = expectation.get("kwargs", {})
            if expectation.get("type") == "expect_column_values_to_be_in_set" and kwargs.get("column") in CODES:
                found.append((path.name, kwargs["column"], set(kwargs["value_set"])))
    return found


def test_the_dbt_tests_and_gx_suites_accept_only_vocabulary_codes():
    checked = accepted_values() + suite_value_sets()
    assert {column for _, column, _ in checked} >= {"level", "status", "star_rating", "designation_type_code"}
    assert [
        (where, column, sorted(values - CODES[column]))
        for where, column, values in checked
        if not values <= CODES[column]
    ] == []


def test_the_dbt_tests_on_a_designation_type_accept_every_type():
    checked = [
        (where, values)
        for where, column, values in accepted_values() + suite_value_sets()
        if column.startswith("designation_type")
    ]
    assert [(where, sorted(set(TYPE_CODES) - values)) for where, values in checked if values != set(TYPE_CODES)] == []


def test_extraction_names_every_type_and_only_vocabulary_codes():
    tables = {
        "classify.DESIGNATION_TYPES": {code for code, _ in classify.DESIGNATION_TYPES},
        "terms.TERMS": {code for _, code in terms.TERMS},
        "list_rows._SHORT_LABELS": set(list_rows._SHORT_LABELS.values()),
        "list_rows._TYPE_WORD_CODE": set(list_rows._TYPE_WORD_CODE.values()),
        "report.TYPES": set(report.TYPES),
    }
    assert {where: sorted(codes ^ set(TYPE_CODES)) for where, codes in tables.items() if codes != set(TYPE_CODES)} == {}


def test_levels_statuses_and_stars_are_the_vocabulary_s():
    assert REGISTRY_LEVELS == LEVEL_CODES
    assert set(terms.LEVELS.values()) == set(ISSUING_LEVELS)
    assert {level for _, level in terms.ISSUERS} == set(ISSUING_LEVELS)
    assert {status for status, _ in classify.STATUS} == set(STATUSES)
    assert set(terms.STARS.values()) == set(STAR_RATINGS)


def test_every_type_code_written_in_the_code_is_a_vocabulary_code():
    import ast
    import re

    from greenmfg.settings import PROJECT_ROOT

    code_like = re.compile(r"green_[a-z_]+")
    written = {}
    for folder in ("greenmfg", "scrapers", "dags"):
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and code_like.fullmatch(node.value):
                    written.setdefault(node.value, path.name)
    assert "green_factory" in written
    assert {code: where for code, where in written.items() if code not in TYPE_CODES} == {}
