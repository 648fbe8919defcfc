"""docker-compose.yml follows the Compose Specification (no Docker engine here to check it)."""

import copy
import json

import jsonschema
import pytest
import yaml

from greenmfg.settings import PROJECT_ROOT

SCHEMA = json.loads((PROJECT_ROOT / "tests" / "schemas" / "compose-spec.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def errors(document: dict) -> list[str]:
    validator = jsonschema.Draft201909Validator(SCHEMA)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def test_the_compose_file_follows_the_specification(compose):
    assert errors(compose) == []


def test_the_check_catches_a_misspelt_key(compose):
    broken = copy.deepcopy(compose)
    broken["services"]["redis"]["helthcheck"] = broken["services"]["redis"].pop("healthcheck")
    assert any("helthcheck" in e for e in errors(broken))


def test_the_stack_has_the_airflow_services_and_reads_secrets_from_the_environment(compose):
    services = compose["services"]
    assert {
        "postgres",
        "redis",
        "airflow-init",
        "airflow-apiserver",
        "airflow-scheduler",
        "airflow-dag-processor",
        "airflow-triggerer",
        "airflow-worker",
        "warehouse-db",
    } <= set(services)
    assert services["flower"]["profiles"] == ["flower"]
    assert all("healthcheck" in s for name, s in services.items() if name not in ("airflow-init", "flower"))
    assert services["postgres"]["environment"]["POSTGRES_PASSWORD"] == "${POSTGRES_PASSWORD}"
