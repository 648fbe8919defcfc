"""dbt is the marts' contract: every mart model enforces its column types, and the exposures name
what reads the marts outside dbt (the HTML report, BI tools)."""

import re

import yaml

from greenmfg import serving
from greenmfg.settings import DBT_PROJECT_DIR, PROJECT_ROOT

MARTS = DBT_PROJECT_DIR / "models" / "marts"


def models() -> dict[str, dict]:
    return {
        m["name"]: m
        for path in MARTS.glob("*.yml")
        for m in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models", [])
    }


def exposures() -> dict[str, dict]:
    return {
        e["name"]: e
        for path in MARTS.glob("*.yml")
        for e in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("exposures", [])
    }


def test_every_mart_model_enforces_a_contract_with_a_type_per_column():
    sql_models = {p.stem for p in MARTS.glob("*.sql")}
    described = models()
    assert sql_models <= set(described)
    for name in sql_models:
        model = described[name]
        assert model["config"]["contract"]["enforced"] is True, name
        assert all(c.get("data_type") for c in model["columns"]), name


def test_counts_are_bigint_in_the_contracts():
    columns = {(m, c["name"]): c["data_type"] for m, model in models().items() for c in model["columns"]}
    assert columns[("mart_region_designations_by_year", "cumulative_designations")] == "bigint"
    assert columns[("dim_list", "extracted_rows")] == "bigint"
    assert "hugeint" not in set(columns.values())


def test_the_report_exposure_names_every_mart_the_report_reads():
    report = (PROJECT_ROOT / "greenmfg" / "report.py").read_text(encoding="utf-8")
    read = set(re.findall(r"\bmarts\.(\w+)", report))
    declared = {re.fullmatch(r"ref\('(\w+)'\)", ref)[1] for ref in exposures()["warehouse_report"]["depends_on"]}
    assert read and read <= declared


def test_the_bi_exposure_names_every_mart_model():
    declared = {re.fullmatch(r"ref\('(\w+)'\)", ref)[1] for ref in exposures()["bi_connection"]["depends_on"]}
    assert declared == {p.stem for p in MARTS.glob("*.sql")}
    assert serving.READER in exposures()["bi_connection"]["label"]
