"""The domain's vocabulary, declared once: designation types, levels, list statuses and star
ratings, with their Chinese terms. The dbt seeds dim_designation_type.csv and dim_level.csv are
written from it (`python -m greenmfg.vocabulary`); tests/test_vocabulary.py keeps the seeds, the
dbt tests' and GX suites' accepted values, and every module keyed on these codes in step with it.
Depends on nothing else of the project."""

from __future__ import annotations

import csv
import io
from typing import NamedTuple


class DesignationType(NamedTuple):
    code: str
    name_zh: str
    name_en: str
    entity_kind: str  # enterprise | park | product
    synonyms: tuple[str, ...]


class Level(NamedTuple):
    code: str
    name_zh: str
    name_en: str
    rank: int


DESIGNATION_TYPES = (
    DesignationType(
        "green_factory", "绿色工厂", "Green factory", "enterprise", ("绿色工厂", "绿色低碳工厂", "星级绿色工厂")
    ),
    DesignationType(
        "green_park", "绿色工业园区", "Green industrial park", "park", ("绿色工业园区", "绿色园区", "绿色低碳园区")
    ),
    DesignationType(
        "green_supply_chain",
        "绿色供应链管理企业",
        "Green supply-chain management enterprise",
        "enterprise",
        ("绿色供应链管理企业", "绿色供应链管理示范企业"),
    ),
    DesignationType("green_design_product", "绿色设计产品", "Green design product", "product", ("绿色设计产品",)),
)
LEVELS = (
    Level("national", "国家级", "National (MIIT)", 1),
    Level("provincial", "省级", "Provincial", 2),
    Level("municipal", "市级", "Municipal", 3),
    Level("county", "县级", "County or district", 4),
    Level("mirror", "转载", "Repost on a mirror site", 9),  # a source's level only: a repost issues nothing
)
STATUSES = {"proposed": "公示", "published": "公布", "revoked": "撤销"}  # a list's, in the order they come
STAR_RATINGS = {2: "二星级", 3: "三星级", 4: "四星级", 5: "五星级"}  # of green factories

TYPE_CODES = tuple(t.code for t in DESIGNATION_TYPES)
LEVEL_CODES = tuple(level.code for level in LEVELS)
ISSUING_LEVELS = tuple(level.code for level in LEVELS if level.code != "mirror")  # who designates or reports


def designation_type_seed() -> str:
    """dbt_project/seeds/dim_designation_type.csv."""
    rows = [(t.code, t.name_zh, t.name_en, t.entity_kind, "|".join(t.synonyms)) for t in DESIGNATION_TYPES]
    return _csv(("designation_type_code", "name_zh", "name_en", "entity_kind", "synonyms"), rows)


def level_seed() -> str:
    """dbt_project/seeds/dim_level.csv."""
    return _csv(("level_code", "name_zh", "name_en", "rank"), LEVELS)


SEEDS = {"dim_designation_type.csv": designation_type_seed, "dim_level.csv": level_seed}


def _csv(header: tuple[str, ...], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


if __name__ == "__main__":
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds"
    for name, make in SEEDS.items():
        (seeds / name).write_text(make(), encoding="utf-8")
        print(f"wrote {seeds / name}")
