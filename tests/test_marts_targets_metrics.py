"""The marts of targets, their progress and reported counts, on the warehouse the offline
pipeline publishes: one row per target, like-with-like progress with a coverage note, and
reported counts attributed clause by clause."""

from __future__ import annotations

import duckdb
import pytest

TARGET_KEY = """region_code, area_name, designation_type_code, target_year, target_kind, target_value,
                case when designation_type_code is null then indicator end"""


@pytest.fixture(scope="module")
def warehouse(pipeline_home):
    paths, _ = pipeline_home
    with duckdb.connect(str(paths.published_db), read_only=True) as con:
        yield con


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_no_target_is_published_twice(warehouse):
    duplicates = rows(
        warehouse,
        f"""select {TARGET_KEY}, count(*) from marts.fct_policy_targets
                                     where region_code is not null group by all having count(*) > 1""",
    )
    assert duplicates == []
    assert rows(warehouse, """select count(*) - count(distinct target_id) from marts.mart_target_progress""") == [(0,)]


def test_jiaxing_2019_city_targets_are_one_each_with_all_their_statements(warehouse):
    found = rows(
        warehouse,
        """select designation_type_code, target_value, statements
                               from marts.fct_policy_targets
                               where region_code = '330400' and area_name is null and target_year = 2019
                                 and target_value in (50, 10, 100) and designation_type_code is not null
                               order by 1""",
    )
    # prose, table row 全市 and table row 嘉兴市: three statements of one target each
    assert [(t, v) for t, v, _ in found] == [("green_design_product", 100), ("green_factory", 50), ("green_park", 10)]
    assert all(n >= 2 for _, _, n in found)


def test_chongqing_targets_are_one_each(warehouse):
    found = rows(
        warehouse,
        """select target_year, designation_type_code, target_value from marts.fct_policy_targets
                               where region_code = '500000' and designation_type_code is not null
                                 and (target_year = 2025 or (target_year = 2022 and target_value = 50))
                               order by 1, 2""",
    )
    assert found == [
        (2022, "green_factory", 50),
        (2025, "green_design_product", 100),
        (2025, "green_factory", 300),
        (2025, "green_park", 30),
    ]


def test_percent_targets_have_clean_indicators_and_no_progress_row(warehouse):
    indicators = [
        i
        for (i,) in rows(
            warehouse,
            """select indicator from marts.fct_policy_targets
                                                   where designation_type_code is null""",
        )
    ]
    assert indicators and all(i and not i.startswith(("以上", "、")) and " " not in i for i in indicators)
    assert rows(
        warehouse,
        """select count(*) from marts.mart_target_progress p join marts.fct_policy_targets t
                              using (target_id) where t.target_kind = 'percent_change'""",
    ) == [(0,)]


def test_a_city_target_says_its_count_is_a_lower_bound(warehouse):
    """Most designations of 浙江省 are known only to the province: Jiaxing's count cannot be
    complete, and the row says so instead of reading as a plain 0."""
    ((counted, unattributed, note),) = rows(
        warehouse,
        """
        select designations_counted, unattributed_in_province, coverage_note from marts.mart_target_progress
        where region_code = '330400' and area_name is null and designation_type_code = 'green_factory'
          and target_year = 2019 and target_value = 50""",
    )
    assert counted is not None and unattributed > 0
    assert f"{unattributed} of 浙江省 have no city" in note and "lower bound" in note
    assert rows(warehouse, "select count(*) from marts.mart_target_progress where coverage_note is null") == [(0,)]


def test_a_province_target_counts_every_designation_of_the_province(warehouse):
    ((counted, note),) = rows(
        warehouse,
        """select designations_counted, coverage_note from marts.mart_target_progress
                                          where region_code = '500000' and designation_type_code = 'green_factory'
                                            and target_year = 2025 and target_value = 300""",
    )
    assert counted > 0 and note.startswith(f"province target: all {counted} designations up to 2025")


def test_reported_counts_name_their_region_and_hold_their_number(warehouse):
    assert rows(
        warehouse,
        """select count(*) from marts.fct_reported_metrics
                              where region_code is not null and region_name is null""",
    ) == [(0,)]
    assert rows(
        warehouse,
        """select count(*) from marts.fct_reported_metrics
                              where value_text is null or strpos(evidence, value_text) = 0""",
    ) == [(0,)]
    assert rows(
        warehouse,
        """select count(*) from marts.fct_reported_metrics where star_rating is not null
                              and (designation_type_code <> 'green_factory' or star_rating not between 2 and 5)""",
    ) == [(0,)]


def test_changxing_star_rated_factories_carry_their_star(warehouse):
    found = dict(
        rows(
            warehouse,
            """select star_rating, value from marts.fct_reported_metrics
                                    where source_id = 'hz_cx' and star_rating is not null
                                      and evidence like '%五星级绿色工厂8家%'""",
        )
    )
    assert found == {5: 8, 4: 60, 3: 312, 2: 222}


def test_huzhou_city_wide_figures_are_credited_to_huzhou(warehouse):
    found = rows(
        warehouse,
        """select region_code, region_name from marts.fct_reported_metrics
                               where source_id = 'hz_cx' and value in (2464, 37)""",
    )
    assert found and set(found) == {("330500", "湖州市")}
