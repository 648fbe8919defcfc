"""The source registry refuses what it would not use, with the file and the reason in one line."""

import pytest

from scrapers.registry import RegistryError, parse

SOURCE = {
    "id": "x_gxt",
    "name": "X",
    "issuer": "X省工业和信息化厅",
    "level": "provincial",
    "list_urls": ["http://gxt.x.gov.cn/tzgg/index.html"],
}


def test_a_well_formed_source_parses():
    assert parse(SOURCE, "x_gxt.yaml").allowed_hosts() == frozenset({"gxt.x.gov.cn"})


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"schedule": "@hourly"},
            "x_gxt.yaml: no schedule per source: greenmfg_ingest crawls them all on GREENMFG_INGEST_CRON",
        ),
        ({"level": "district"}, "x_gxt.yaml: level must be one of"),
        ({"selector": "div"}, "x_gxt.yaml: unknown keys ['selector']"),
        ({"attachment_hosts": ["http://a.b/c"]}, "x_gxt.yaml: attachment_hosts are host names"),
    ],
)
def test_what_a_source_cannot_say_is_refused(extra, message):
    with pytest.raises(RegistryError) as refused:
        parse({**SOURCE, **extra}, "x_gxt.yaml")
    assert str(refused.value).startswith(message)
