"""Region text → GB/T 2260 codes of the list's own year, with cnloc.

MIIT lists mix provinces with 计划单列市 (大连, 宁波, 青岛, 厦门, 深圳), short forms (内蒙, 黑龙)
and the 兵团 in three spellings; design-product lists have no region column, so the
recommending body (推荐单位) or the enterprise name is used instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

ALIASES = {
    "内蒙": "内蒙古",
    "黑龙": "黑龙江",
    "兵团": "新疆生产建设兵团",
    "新疆兵团": "新疆生产建设兵团",
}
# Not regions: placeholders and company-name fragments seen in the 地区 column.
NOT_REGIONS = {"", "na", "nan", "-", "无"}


@dataclass(frozen=True)
class Region:
    province_code: str | None
    city_code: str | None
    county_code: str | None
    province_name: str | None
    city_name: str | None
    county_name: str | None

    @property
    def code(self) -> str | None:
        return self.county_code or self.city_code or self.province_code


@lru_cache(maxsize=1)
def _cnloc():
    import cnloc  # loads ~15 MB of division data: only when needed, never at import

    return cnloc


def _clean(value) -> str | None:
    return None if value is None or value != value else str(value)  # NaN → None


def _parse(text: str, year: int) -> dict:
    """cnloc's parse of one text: what `cnloc.getlocation` does per row, without building a
    DataFrame and a thread pool for each call (~3 ms of the ~4 ms a call cost)."""
    return _parse_names(_names_in(text, year), year)


def _names_in(text: str, year: int) -> tuple[str, ...]:
    parser = _cnloc().address_parser
    if year not in parser.year_automatons:  # built once per year (the check alone costs 40 µs in cnloc)
        parser._build_automaton([year])
    return _division_names(parser.year_automatons[year], text.strip())


def _division_names(automaton, text: str) -> tuple[str, ...]:
    """The division names cnloc reads in a text (its `get_best_matches`): at each start the
    longest name, left to right, none overlapping. Its parse depends on these names alone."""
    found = sorted((end - len(value["name"]) + 1, -len(value["name"]), end, value["name"])
                   for end, value in automaton.iter(text))
    names, last_end = [], -1
    for start, _, end, name in found:
        if start > last_end:
            names.append(name)
            last_end = end
    return tuple(names)


def _parse_names(names: tuple[str, ...], year: int) -> dict:
    """cnloc's left-to-right parse of those names (memoized through `_region`)."""
    parser = _cnloc().address_parser
    automaton = parser.year_automatons[year]
    return parser.parse_left_to_right([automaton.get(name) for name in names], year)


@lru_cache(maxsize=100_000)
def resolve(text: str | None, year: int | None) -> Region | None:
    """Codes for a region text in the given year (clipped to cnloc's 1980–2024)."""
    text = (text or "").strip()
    if text.lower() in NOT_REGIONS:
        return None
    text = ALIASES.get(text, text)
    year = min(max(year or 2024, 1980), 2024)
    return _region(_names_in(text, year), year)


@lru_cache(maxsize=100_000)  # enterprise names are all different; the division names in them repeat
def _region(names: tuple[str, ...], year: int) -> Region | None:
    row = _parse_names(names, year)
    region = Region(*(_clean(row[c]) for c in (
        "province_adcode", "city_adcode", "county_adcode", "province_name", "city_name", "county_name")))
    return region if region.province_code else None


@lru_cache(maxsize=1000)
def resolve_code(code: str, year: int | None) -> Region | None:
    """A Region for a known code (an issuer's), from the division table of that year."""
    parser = _cnloc().address_parser
    year = min(max(year or 2024, 1980), 2024)
    rank = 1 if code.endswith("0000") else 2 if code.endswith("00") else 3
    province, city = code[:2] + "0000", code[:4] + "00"
    try:
        info = parser.get_location_from_adcode(province, city if rank >= 2 else None, code if rank == 3 else None, year)
    except Exception:
        info = None
    if not info:
        return Region(province, city if rank >= 2 else None, code if rank == 3 else None, None, None, None)
    return Region(province, city if rank >= 2 else None, code if rank == 3 else None,
                  info.get("province_name"), info.get("city_name"), info.get("county_name"))


def resolve_first(candidates: list[tuple[str, str | None]], year: int | None) -> tuple[Region | None, str | None]:
    """The first candidate (method, text) that resolves; returns (region, method)."""
    for method, text in candidates:
        region = resolve(text, year)
        if region:
            return region, method
    return None, None


def resolve_row(region_text: str | None, recommender: str | None, name: str | None,
                year: int | None) -> tuple[Region | None, str | None]:
    """Region of a list row. Lists give a province; parks, development zones and many
    enterprises carry their city or county in their name (宝鸡高新技术产业开发区,
    嘉兴市某某有限公司): that finer code wins when its province agrees with the list's."""
    region, method = resolve_first(
        [("region_column", region_text), ("recommender", recommender), ("name", name)], year)
    if name and method != "name":
        by_name = resolve(name, year)
        finer = by_name and (by_name.city_code or by_name.county_code)
        if finer and (region is None or by_name.province_code == region.province_code):
            return by_name, "name_refined"
    return region, method
