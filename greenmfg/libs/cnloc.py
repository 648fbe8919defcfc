"""cnloc's address parser, reached below its public `getlocation` (which builds a DataFrame and a
thread pool per call): the per-year automaton of division names, its left-to-right parse, and
the division table by code."""

from __future__ import annotations

from functools import lru_cache

TESTED_WITH = "0.1.7"


@lru_cache(maxsize=1)
def _parser():
    import cnloc  # loads ~15 MB of division data: only when needed, never at import

    return cnloc.address_parser


def automaton(year: int):
    """The Aho-Corasick automaton of the year's division names (built once per year); `iter(text)`
    yields (end, {"name": …}) and `get(name)` a name's entry, with its codes per level."""
    parser = _parser()
    if year not in parser.year_automatons:
        parser._build_automaton([year])
    return parser.year_automatons[year]


def prebuild(years) -> None:
    """The automatons of these years, built now (a process that forks workers builds them once for all)."""
    for year in years:
        automaton(year)


def parse_names(names: tuple[str, ...], year: int) -> dict:
    """cnloc's left-to-right parse of division names: province/city/county adcode and name."""
    table = automaton(year)
    return _parser().parse_left_to_right([table.get(name) for name in names], year)


def location_from_adcode(province: str, city: str | None, county: str | None, year: int) -> dict | None:
    """The division table's names for a code in the year."""
    return _parser().get_location_from_adcode(province, city, county, year)
