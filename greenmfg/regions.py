"""Region text → GB/T 2260 codes of the list's own year, with cnloc.

MIIT lists mix provinces with 计划单列市 (大连, 宁波, 青岛, 厦门, 深圳), short forms (内蒙, 黑龙)
and the 兵团 in three spellings; design-product lists have no region column, so the
recommending body (推荐单位) or the enterprise name is used instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from greenmfg.libs import cnloc

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


def _clean(value) -> str | None:
    return None if value is None or value != value else str(value)  # NaN → None


def _parse(text: str, year: int) -> dict:
    """cnloc's parse of one text: what `cnloc.getlocation` does per row, without building a
    DataFrame and a thread pool for each call, which cost most of a call."""
    return _parse_names(_names_in(text, year), year)


def _names_in(text: str, year: int) -> tuple[str, ...]:
    return _division_names(cnloc.automaton(year), text.strip())


def _division_names(automaton, text: str) -> tuple[str, ...]:
    """The division names cnloc reads in a text (its `get_best_matches`): at each start the
    longest name, left to right, none overlapping. Its parse depends on these names alone."""
    found = sorted(
        (end - len(value["name"]) + 1, -len(value["name"]), end, value["name"]) for end, value in automaton.iter(text)
    )
    names, last_end = [], -1
    for start, _, end, name in found:
        if start > last_end:
            names.append(name)
            last_end = end
    return tuple(names)


def _parse_names(names: tuple[str, ...], year: int) -> dict:
    """cnloc's left-to-right parse of those names (memoized through `_region`)."""
    return cnloc.parse_names(names, year)


@lru_cache(maxsize=100_000)
def resolve(text: str | None, year: int | None) -> Region | None:
    """Codes for a region text in the given year (clipped to cnloc's 1980–2024)."""
    text = (text or "").strip()
    if text.lower() in NOT_REGIONS:
        return None
    text = ALIASES.get(text, text)
    year = min(max(year or 2024, 1980), 2024)
    return _region(_names_in(text, year), year)


def is_division(text: str) -> bool:
    """A division's whole name, with or without its ending (宁波, 温州市, 绍兴), not a longer text that
    starts with one (杭州钢铁)."""
    region = resolve(text, None)
    return region is not None and any(
        (name or "").startswith(text) for name in (region.province_name, region.city_name, region.county_name)
    )


@lru_cache(maxsize=100_000)  # enterprise names are all different; the division names in them repeat
def _region(names: tuple[str, ...], year: int) -> Region | None:
    row = _parse_names(names, year)
    region = Region(
        *(
            _clean(row[c])
            for c in ("province_adcode", "city_adcode", "county_adcode", "province_name", "city_name", "county_name")
        )
    )
    return region if region.province_code else None


@lru_cache(maxsize=1000)
def resolve_code(code: str, year: int | None) -> Region | None:
    """A Region for a known code (an issuer's), from the division table of that year."""
    year = min(max(year or 2024, 1980), 2024)
    rank = 1 if code.endswith("0000") else 2 if code.endswith("00") else 3
    province, city = code[:2] + "0000", code[:4] + "00"
    try:
        info = cnloc.location_from_adcode(province, city if rank >= 2 else None, code if rank == 3 else None, year)
    except Exception:
        info = None
    if not info:
        return Region(province, city if rank >= 2 else None, code if rank == 3 else None, None, None, None)
    return Region(
        province,
        city if rank >= 2 else None,
        code if rank == 3 else None,
        info.get("province_name"),
        info.get("city_name"),
        info.get("county_name"),
    )


def resolve_first(candidates: list[tuple[str, str | None]], year: int | None) -> tuple[Region | None, str | None]:
    """The first candidate (method, text) that resolves; returns (region, method)."""
    for method, text in candidates:
        region = resolve(text, year)
        if region:
            return region, method
    return None, None


# The four municipalities: their province is their city (a 重庆 row is known to the city).
MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})
BRACKETED = re.compile(r"[(（]([^()（）]{2,12})[)）]")


def precision(region: Region | None) -> str | None:
    """province, city or county: how finely a region is known."""
    if region is None:
        return None
    if region.county_code:
        return "county"
    return "city" if region.city_code or region.province_code in MUNICIPALITIES else "province"


def resolve_within(text: str | None, province_code: str, year: int | None) -> Region | None:
    """The finest division a text names inside a known province: a county by its full or short
    name (米脂冀东水泥 in 陕西 → 米脂县), else a city. Names of divisions in other provinces say
    nothing (重庆长安汽车: 长安 is in 河北 and 陕西); a name that fits two divisions says nothing."""
    if not text or not province_code:
        return None
    year = min(max(year or 2024, 1980), 2024)
    automaton = cnloc.automaton(year)
    cities, counties = set(), set()
    for name in _names_in(text, year):
        for (_, level), codes in automaton.get(name)["adcode"].items():
            inside = {c for c in codes if c[:2] == province_code[:2]}
            (cities if level == "city" else counties if level == "county" else set()).update(inside)
    if cities and counties:  # 湖州长兴: the county must lie in the city named
        counties = {c for c in counties if c[:4] + "00" in cities} or counties
    for found in (counties, cities):
        if len(found) == 1:
            return resolve_code(found.pop(), year)
        if found:
            return None
    return None


def _bracketed_region(name: str | None, province_code: str | None, year: int | None) -> Region | None:
    """A place in brackets names the company's seat: 广州双桥(重庆)有限公司 is in 重庆,
    华新水泥（赤壁）有限公司 in 赤壁 (inside the row's province, when the list gives one)."""
    for inner in BRACKETED.findall(name or ""):
        region = resolve_within(inner, province_code, year) if province_code else None
        region = region or resolve(inner, year)
        if region and (province_code is None or region.province_code == province_code):
            return region
    return None


def resolve_row(
    region_text: str | None, recommender: str | None, name: str | None, year: int | None
) -> tuple[Region | None, str | None]:
    """Region of a list row. Lists give a province; parks, development zones and many
    enterprises carry their city or county in their name (宝鸡高新技术产业开发区,
    嘉兴市某某有限公司, 米脂冀东水泥): that finer code wins when it lies in the list's province.
    A row without 地区 or 推荐单位 takes its name's bracketed place first (X(重庆)有限公司)."""
    region, method = resolve_first([("region_column", region_text), ("recommender", recommender)], year)
    if region is None:
        region = _bracketed_region(name, None, year) or resolve(name, year) if name else None
        method = "name" if region else None
    if name and region and precision(region) != "county":
        for finer in (
            _bracketed_region(name, region.province_code, year),
            resolve_within(name, region.province_code, year),
            resolve(name, year),
        ):
            if finer and _refines(finer, region):
                return finer, "name_refined" if method != "name" else "name"
    return region, method


def _refines(finer: Region, region: Region) -> bool:
    """A finer region inside the coarser one (a county in the row's city, if it has one)."""
    if finer.province_code != region.province_code or finer.code == region.code:
        return False
    if region.city_code and finer.city_code != region.city_code:
        return False
    return (finer.county_code is not None) > (region.county_code is not None) or (
        finer.city_code is not None and region.city_code is None
    )


def within_context(
    region: Region | None,
    method: str | None,
    name: str | None,
    context: Region | None,
    context_method: str,
    year: int | None,
) -> tuple[Region | None, str | None]:
    """A row's region refined by the region its list speaks of (a municipal list's issuer, the
    place a news page's title names): a name's county inside it, else the context itself, when
    the context lies inside the row's own region (never against it)."""
    if context is None or precision(region) == "county":
        return region, method
    if region is not None and not _inside(context, region):
        return region, method
    finer = resolve_within(name, context.province_code, year)
    if finer and _inside(finer, context) and (region is None or _refines(finer, region)):
        return finer, "name_refined" if region is not None else "name"
    if region is None or _refines(context, region):
        return context, context_method
    return region, method


def _inside(inner: Region, outer: Region) -> bool:
    return inner.province_code == outer.province_code and all(
        o is None or i == o for i, o in ((inner.city_code, outer.city_code), (inner.county_code, outer.county_code))
    )
