"""Extraction quality on the labelled set, the seeds' facts, and the real MIIT PDFs."""

import csv
import json

import pytest

from greenmfg.evaluate import document_text, evaluate_parts, holdout_ids, labelled_documents
from greenmfg.extract.document import extract_document
from greenmfg.extract.facts import extract_facts
from greenmfg.extract.normalize import match_key
from tests.conftest import REFERENCE

# Issue 17's bar, held on the development holdout (tests/eval/holdout.txt), which no rule is
# written or tuned against; the tuned part must clear it too.
THRESHOLDS = {"designation": (0.97, 0.95), "reported_count": (0.95, 0.92), "policy_target": (0.95, 0.90)}


@pytest.fixture(scope="module")
def parts():
    return evaluate_parts()


@pytest.fixture(scope="module")
def holdout_figures(parts):
    """The holdout's precision and recall only: a failing test prints its arguments, and the
    holdout's misses are not for reading."""
    return {name: (round(s.precision, 3), round(s.recall, 3)) for name, s in parts.pop("holdout").items()}


# Below issue 17's bar on the holdout, so the issue stays open. Strict: the day the bar is met
# this fails and the mark comes off.
# - names: P 0.962 / R 0.826 on 2026-11-30, after four rounds of general rules written on other texts;
# - targets: R 0.875 once seed:003 left the holdout (issue 18 names its figures): its many table
#   targets, all found, had held the holdout's target recall at 0.955.
BELOW_THE_BAR = {
    "designation": "names on the holdout below 0.97 / 0.95 (issue 17)",
    "policy_target": "targets on the holdout below 0.95 / 0.90 without seed:003 (issue 17)",
}


@pytest.mark.parametrize(
    "record_type",
    [
        pytest.param(t, marks=pytest.mark.xfail(strict=True, reason=BELOW_THE_BAR[t])) if t in BELOW_THE_BAR else t
        for t in sorted(THRESHOLDS)
    ],
)
def test_holdout_precision_and_recall(holdout_figures, record_type):
    (got_precision, got_recall), (want_precision, want_recall) = holdout_figures[record_type], THRESHOLDS[record_type]
    assert got_precision >= want_precision and got_recall >= want_recall


@pytest.mark.parametrize("record_type", sorted(THRESHOLDS))
def test_tuned_part_precision_and_recall(parts, record_type):
    s, (precision, recall) = parts["tuned"][record_type], THRESHOLDS[record_type]
    assert s.precision >= precision and s.recall >= recall, (s.precision, s.recall, s.misses, s.extras)


# Drawn as a third of the labelled set; these left it since (tests/eval/holdout.txt says why)
LEFT_THE_HOLDOUT = {"seed:000", "seed:003"}


def test_the_holdout_is_a_third_of_the_labelled_set_across_kinds():
    docs = {str(d["doc"]): d for d in labelled_documents()}
    held = holdout_ids()
    assert held <= set(docs) and not held & LEFT_THE_HOLDOUT and (len(held) + len(LEFT_THE_HOLDOUT)) * 3 >= len(docs)
    for kind in ("names", "targets", "counts"):
        assert any(kind in docs[ref] for ref in held), kind


def facts_of(ref, year=None):
    return extract_facts(document_text(ref), default_year=year)


def test_seed_003_target_table_and_district_breakdown():
    facts = [f for f in facts_of("seed:003", 2017) if f.record_type == "policy_target"]
    city = {(f.designation_type, f.value) for f in facts if f.target_year == 2019 and f.region_name in (None, "全市")}
    assert {("green_factory", 50), ("green_park", 10), ("green_design_product", 100)} <= city
    by_district = {
        f.region_name: f.value
        for f in facts
        if f.designation_type == "green_factory" and f.target_year == 2019 and f.region_name
    }
    assert by_district == {
        "全市": 50,
        "南湖区": 5,
        "秀洲区": 5,
        "嘉善县": 6,
        "平湖市": 6,
        "海盐县": 6,
        "海宁市": 9,
        "桐乡市": 9,
        "经济技术开发区": 3,
        "嘉兴港区": 1,
    }
    assert all(f.evidence for f in facts)


def test_seed_002_targets_for_2025():
    facts = [f for f in facts_of("seed:002", 2022) if f.record_type == "policy_target"]
    got = {(f.designation_type, f.value, f.target_year) for f in facts}
    assert {("green_park", 30, 2025), ("green_factory", 300, 2025), (None, 16, 2025), (None, 20, 2025)} <= got


def test_seed_001_shangluo_counts_from_the_pinyin_text():
    facts = [f for f in facts_of("seed:001", 2025) if f.record_type == "reported_count"]
    first = [(f.designation_type, f.value, f.region_name) for f in facts][:2]
    assert first == [("green_park", 1, "商洛市"), ("green_factory", 3, "商洛市")]
    assert any(f.cumulative and f.value == 8 for f in facts)


@pytest.mark.parametrize(
    "pdf,csv_batch,csv_file,column",
    [
        ("附件1_绿色工厂名单.pdf", "2021", "green_factories.csv", "工厂名称"),
        ("附件3_绿色工业园区名单.pdf", "2021", "green_parks.csv", "园区"),
    ],
)
def test_real_miit_pdfs_give_exactly_the_reference_rows(pdf, csv_batch, csv_file, column):
    records = extract_document(REFERENCE / "attachments_2021" / pdf)
    got = sorted((match_key(r["entity_name"]), r["region_name"]) for r in records)
    with open(REFERENCE / csv_file, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["批次"] == csv_batch]
    expected = sorted((match_key(r[column]), r["地区"]) for r in rows)
    assert got == expected  # precision and recall 1.0 on name and region
    assert all(r["adcode"] for r in records)


def test_extract_cli_prints_json_lines(capsys):
    from greenmfg.cli import main

    assert main(["extract", str(REFERENCE.parent / "seeds" / "002_aa42c4c8ad46f893.txt")]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(r["record_type"] == "policy_target" and r["value"] == 300 and r["target_year"] == 2025 for r in records)
    assert set(records[0]) >= {"record_type", "designation_type", "entity_name", "adcode", "evidence", "cumulative"}


@pytest.mark.parametrize(
    "body,name",
    [(b"not a spreadsheet", "list.xlsx"), (b"%PDF-1.4 broken", "list.pdf"), (b"\x00\x01binary", "list.bin")],
)
def test_extract_cli_rejects_bad_files_with_one_line(tmp_path, capsys, body, name):
    from greenmfg.cli import main

    path = tmp_path / name
    path.write_bytes(body)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and name in err


def test_breakdown_survives_trimmed_leading_cells():
    """HTML text extraction trims the period row's leading tab; the columns must still line up."""
    text = document_text("seed:003")
    trimmed = "\n".join(line.strip() for line in text.splitlines())
    facts = extract_facts(trimmed, default_year=2017)
    city = {
        (f.value, f.target_year) for f in facts if f.designation_type == "green_factory" and f.region_name == "全市"
    }
    assert city == {(50, 2019), (15, 2017)}


# Floors on the invented articles (tests/eval/invented/README.md), a little under the figures of
# 2026-11-30 (dev: counts 0.981/0.923, targets 0.985/0.906, names 0.991/0.981; check: counts
# 0.968/0.889, targets 0.967/0.766, names 0.989/0.868): a rule that generalizes worse fails here.
INVENTED_FLOORS = {
    "invented_dev": {"designation": (0.99, 0.98), "reported_count": (0.96, 0.90), "policy_target": (0.96, 0.88)},
    "invented_check": {"designation": (0.98, 0.95), "reported_count": (0.96, 0.88), "policy_target": (0.96, 0.82)},
    # the fresh sets (801-840, 901-940, 1001-1040, 1101-1140), as the rules found them when they came: they may only
    # rise (once lowered: fresh2/fresh3 check names precision 0.86/0.88 -> 0.83/0.87, when single-spaced tables with
    # columns of their own raised those halves' recall 0.61 -> 0.74 and 0.80 -> 0.85; the issue's note says so).
    # fresh_check, fresh2_check and fresh5_check were read to write rules in stop 30: development halves since.
    "fresh_dev": {"designation": (0.99, 0.98), "reported_count": (0.99, 0.95), "policy_target": (0.99, 0.99)},
    "fresh_check": {"designation": (0.99, 0.96), "reported_count": (0.99, 0.84), "policy_target": (0.99, 0.99)},
    "fresh2_dev": {"designation": (0.95, 0.94), "reported_count": (0.99, 0.97), "policy_target": (0.96, 0.96)},
    "fresh2_check": {"designation": (0.99, 0.99), "reported_count": (0.99, 0.93), "policy_target": (0.98, 0.99)},
    "fresh3_dev": {"designation": (0.99, 0.98), "reported_count": (0.97, 0.97), "policy_target": (1.0, 1.0)},
    "fresh3_check": {"designation": (0.91, 0.86), "reported_count": (0.99, 0.94), "policy_target": (1.0, 1.0)},
    "fresh4_dev": {"designation": (0.98, 0.98), "reported_count": (0.98, 0.98), "policy_target": (0.99, 0.99)},
    "fresh4_check": {"designation": (0.98, 0.89), "reported_count": (0.95, 0.94), "policy_target": (0.99, 0.99)},
    "fresh6_dev": {"designation": (0.99, 0.99), "reported_count": (0.99, 0.99), "policy_target": (1.0, 1.0)},
    "fresh6_check": {"designation": (0.98, 0.84), "reported_count": (0.99, 0.96), "policy_target": (1.0, 1.0)},
    "fresh5_dev": {"designation": (0.99, 0.99), "reported_count": (0.98, 0.94), "policy_target": (0.83, 0.83)},
    "fresh5_check": {"designation": (0.99, 0.99), "reported_count": (0.99, 0.91), "policy_target": (0.99, 0.99)},
    # the seventh set (stop 38): the check half as rule .93 left it
    "fresh7_dev": {"designation": (0.99, 0.98), "reported_count": (0.98, 0.90), "policy_target": (0.99, 0.99)},
    "fresh7_check": {"designation": (0.95, 0.89), "reported_count": (0.98, 0.95), "policy_target": (0.99, 0.98)},
    # the eighth set (stop 38), as the rules found it
    "fresh8_dev": {"designation": (0.99, 0.99), "reported_count": (0.98, 0.98), "policy_target": (0.98, 0.99)},
    "fresh8_check": {"designation": (0.88, 0.62), "reported_count": (0.98, 0.87), "policy_target": (0.88, 0.86)},
    # the ninth set (stop 39, names first): the check half as the rules found it (.108) and as a rule written on other
    # texts (.110: **bold** marks) raised it; the development half as the rules written against it left it
    "fresh9_dev": {"designation": (0.98, 0.92), "reported_count": (0.96, 0.82), "policy_target": (0.99, 0.99)},
    "fresh9_check": {"designation": (0.92, 0.77), "reported_count": (0.95, 0.85), "policy_target": (0.99, 0.99)},
    # the tenth set (stop 39, targets first): the check half as the rules found it (.107); the development half as
    # the rules written against it (.108) left it
    "fresh10_dev": {"designation": (0.99, 0.87), "reported_count": (0.97, 0.86), "policy_target": (0.98, 0.97)},
    "fresh10_check": {"designation": (0.99, 0.99), "reported_count": (0.92, 0.92), "policy_target": (0.92, 0.84)},
    "fresh11_dev": {"designation": (0.96, 0.87), "reported_count": (0.98, 0.92), "policy_target": (0.97, 0.92)},
    "fresh11_check": {"designation": (0.78, 0.70), "reported_count": (0.92, 0.71), "policy_target": (0.95, 0.45)},
    # the real field pages (tests/eval/field/): the check half as the rules found it; the development half as the
    # rules written against it in stop 33 left it
    "field_dev": {"designation": (0.99, 0.96), "reported_count": (0.98, 0.95), "policy_target": (0.96, 0.93)},
    "field_check": {"designation": (0.98, 0.93), "reported_count": (0.99, 0.96), "policy_target": (0.97, 0.94)},
    # the second round, never read to write a rule but for its development half (stop 33); the check half raised
    # by rules written on other pages (.79: short names after the sentence that named the list)
    "field2_dev": {"designation": (0.99, 0.99), "reported_count": (0.98, 0.96), "policy_target": (0.99, 0.99)},
    "field2_check": {"designation": (0.96, 0.88), "reported_count": (0.99, 0.86), "policy_target": (0.99, 0.85)},
    # the third round (stop 37): the development half as rules .84 left it; the check half, read to write rules .86
    # (stop 38), as they left it
    "field3_dev": {"designation": (0.98, 0.91), "reported_count": (0.96, 0.92), "policy_target": (0.96, 0.91)},
    "field3_check": {"designation": (0.99, 0.74), "reported_count": (0.97, 0.83), "policy_target": (0.60, 0.99)},
    # the fourth round (stop 38: Japanese, Korean and English reposts the most of it), as the rules found it
    "field4_dev": {"designation": (0.99, 0.11), "reported_count": (0.94, 0.61), "policy_target": (0.99, 0.0)},
    "field4_check": {"designation": (0.83, 0.27), "reported_count": (0.85, 0.40), "policy_target": (0.99, 0.0)},
}


@pytest.mark.parametrize("part,record_type", [(p, t) for p in sorted(INVENTED_FLOORS) for t in sorted(THRESHOLDS)])
def test_invented_articles_stay_above_their_floors(parts, part, record_type):
    s, (precision, recall) = parts[part][record_type], INVENTED_FLOORS[part][record_type]
    assert s.precision >= precision and s.recall >= recall, (round(s.precision, 3), round(s.recall, 3))
