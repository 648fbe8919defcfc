"""The rows extraction adds to the lake, a named tuple per table: written and read by field
name, in the column order of greenmfg/lake_schema.sql without the time stamp (a test checks it).
Tuples still: the extract stage hands a batch's rows to DuckDB column by column."""

from __future__ import annotations

from collections import namedtuple
from typing import NamedTuple

# A list row's own fields, as the list's columns give them (list_rows.header_map's names)
ROW_FIELDS = (
    "category",
    "seq",
    "region_text",
    "name",
    "industry",
    "evaluator",
    "product_name",
    "product_model",
    "recommender",
    "star_level",
)


class Announcement(NamedTuple):
    source_id: str
    url: str
    sha256: str
    title: str
    publish_date: str | None
    doc_number: str | None
    batch_label: str | None
    batch_no: int | None
    list_year: int | None
    body_text: str | None
    attachment_count: int
    title_key: str
    list_status: str | None
    body_source: str


ListRow = namedtuple(
    "ListRow",
    (
        "attachment_url",
        "sha256",
        "row_number",
        "source_id",
        "announcement_url",
        "designation_type",
        *ROW_FIELDS,
        "region_method",
        "province_code",
        "city_code",
        "county_code",
    ),
    defaults=(None,) * (len(ROW_FIELDS) + 4),  # a row's fields its list does not give, and its region
)


class TextFact(NamedTuple):
    announcement_url: str
    sha256: str
    fact_number: int
    source_id: str
    record_type: str
    designation_type: str | None
    value: float
    unit: str | None
    level: str | None
    indicator: str | None
    target_year: int | None
    cumulative: bool | None
    region_name: str | None
    region_code: str | None
    evidence: str
    star_rating: int | None
    period_kind: str | None
    target_kind: str | None
    area_name: str | None
    value_text: str | None


class Attachment(NamedTuple):
    url: str
    sha256: str
    source_id: str
    announcement_url: str | None
    link_text: str | None
    designation_type: str | None
    format: str | None
    row_count: int | None
    skipped_rows: int | None
    status: str
    error: str | None
    level: str | None = None


class Quarantined(NamedTuple):
    source_id: str
    url: str
    sha256: str | None
    row_number: int | None
    stage: str
    rule: str
    reason: str


class Extracted(NamedTuple):
    url: str
    sha256: str
    kind: str
    rules: str


TABLES = {
    "announcements": Announcement,
    "list_rows": ListRow,
    "text_facts": TextFact,
    "attachments": Attachment,
    "quarantine": Quarantined,
    "extracted": Extracted,
}


def region_codes(region) -> dict:
    """A list row's region columns."""
    return {
        "province_code": region.province_code if region else None,
        "city_code": region.city_code if region else None,
        "county_code": region.county_code if region else None,
    }
