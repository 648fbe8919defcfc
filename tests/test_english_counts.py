"""Counts in English pages (greenmfg/extract/english.py), through extract_facts."""

import pytest

from greenmfg.extract.facts import extract_facts


def counts(text):
    found = extract_facts(text, default_year=2024)
    return {(f.designation_type, f.value, f.level) for f in found if f.record_type == "reported_count"}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Thirty-one green factories and one green industrial park in the province were listed.",
            {("green_factory", 31, None), ("green_park", 1, None)},
        ),
        (
            "There are 13 state-level green factories and 21 autonomous region-level green factories.",
            {("green_factory", 13, "national"), ("green_factory", 21, "provincial")},
        ),
        (
            "The city now has 86 national green factories, 9 green supply chain management enterprises "
            "and 3 green industrial parks, and 1,204 green design products.",
            {
                ("green_factory", 86, "national"),
                ("green_supply_chain", 9, None),
                ("green_park", 3, None),
                ("green_design_product", 1204, None),
            },
        ),
    ],
)
def test_a_number_a_level_and_a_term(text, expected):
    assert counts(text) == expected


def test_a_goal_is_no_report():
    assert counts("By 2025, the city will build 50 green factories and five green parks.") == set()


def test_green_words_of_other_things_are_no_count():
    assert counts("Two green buildings and 3 green belts were finished; one plant was closed.") == set()


def test_two_levels_joined_count_with_no_level():
    assert counts("The city has 4 national and provincial-level green parks.") == {("green_park", 4, None)}


def test_a_number_of_firms_into_a_terms_list():
    text = "The ministry announced its list, and the province has 15 enterprises into the green factory list."
    assert counts(text) == {("green_factory", 15, None)}
    assert counts("12 companies were selected into the provincial green supply chain list.") == {
        ("green_supply_chain", 12, "provincial")
    }


def test_firms_selected_take_the_one_type_of_their_sentence():
    text = "The green factory list came out, among which the county has 6 enterprises selected."
    assert counts(text) == {("green_factory", 6, None)}
    both = "The green factory and green park lists came out, and the county has 6 enterprises selected."
    assert counts(both) == set()  # (two types)
    assert counts("The green factory list is out; 6 enterprises will be selected next year.") == set()  # (to come)


def test_an_english_plan_for_a_named_year_gives_targets():
    """By 2020, … will … with 100 green factories, 10 green industrial parks: targets for 2020, no counts."""
    from greenmfg.extract.facts import extract_facts

    text = "By 2020, the province will lead in green manufacturing, with 100 green factories and 10 green industrial parks."
    found = {(f.record_type, f.designation_type, f.value, f.target_year) for f in extract_facts(text, 2017)}
    assert found == {("policy_target", "green_factory", 100, 2020), ("policy_target", "green_park", 10, 2020)}
    text = "The province will build 100 green factories."  # (no year named: no target)
    assert extract_facts(text, 2017) == []


@pytest.mark.parametrize(
    "text",
    [
        "The city, which aims to reach carbon peak by 2030, now has 50 green factories.",
        "By 2022, the city had cultivated 35 green factories.",
        "Under the plan released in 2021, Jiangsu has built 120 national green factories so far.",
    ],
)
def test_an_english_report_beside_a_year_is_no_target(text):
    assert [f for f in extract_facts(text, 2024) if f.record_type == "policy_target"] == []


def test_a_plans_name_is_no_future():
    text = "During the 13th Five-Year Plan, the province had created a total of 53 green factories."
    assert counts(text) == {("green_factory", 53, None)}
    assert counts("The province plans to create 53 green factories.") == set()
