"""The fields an analyst filters on, derived from a record's own fields (record schema_version 2).

Analysts ask "how many announcements did each province publish per month this fiscal year?"; the
answer needs the province behind a portal, the Bangkok area office, the Thai fiscal year and the
publication month, which the page itself never states. They are derived here, in one place, from
``site``/``office`` and ``published``, by pure functions: the crawl (``pipelines/normalize.py``), the
store's migration of older records and every reader of a schema_version 1 record use the same rules
(docs/record.md):

* ``province_code``/``province``: the province of a provincial office (its office name ``...จังหวัด
  <name>``, else its registry id ``chiangmai``) or Bangkok (``10``, กรุงเทพมหานคร) for a Bangkok area
  office; null for the department's central units (กรม, กอง) and portals outside the registry.
* ``bangkok_area``: N of ``...กรุงเทพมหานครพื้นที่ N`` (or registry id ``areaN``), else null.
* ``fiscal_year``: the Thai government fiscal year (ปีงบประมาณ) in the Buddhist era, the way it is
  named in Thailand: fiscal year 2568 runs from 1 October 2024 to 30 September 2025. Null without a
  published date.
* ``month``: ``YYYY-MM`` (Gregorian) of the published date, in Bangkok time as published is written.
"""

from __future__ import annotations

import re

from scraper.provinces import BANGKOK, BY_NAME, BY_SITE_ID

SCHEMA_VERSION = 2
DERIVED_FIELDS = ("province_code", "province", "bangkok_area", "fiscal_year", "month")
#: the Buddhist era is the Gregorian year + 543
BE_OFFSET = 543

_AREA_OFFICE = re.compile(r"กรุงเทพมหานคร\s*พื้นที่\s*([0-9๐-๙]+)")
_AREA_SITE = re.compile(r"^area(\d+)$")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_PUBLISHED = re.compile(r"^(\d{4})-(\d{2})-\d{2}")


def place(site: str | None, office: str | None) -> dict:
    """``province_code``, ``province`` and ``bangkok_area`` of a portal (all null when unknown)."""
    none = {"province_code": None, "province": None, "bangkok_area": None}
    if office:
        m = _AREA_OFFICE.search(office)
        if m:
            return {"province_code": BANGKOK.code, "province": BANGKOK.name,
                    "bangkok_area": int(m.group(1).translate(_THAI_DIGITS))}
        if "จังหวัด" in office:
            tail = office.split("จังหวัด", 1)[1]
            for province in BY_NAME:  # longest first: no name matched inside a longer one
                if tail.strip().startswith(province.name):
                    return {"province_code": province.code, "province": province.name, "bangkok_area": None}
    if site:
        m = _AREA_SITE.match(site)
        if m:
            return {"province_code": BANGKOK.code, "province": BANGKOK.name, "bangkok_area": int(m.group(1))}
        province = BY_SITE_ID.get(site)
        if province is not None:
            return {"province_code": province.code, "province": province.name, "bangkok_area": None}
    return none


def fiscal_year(published: str | None) -> int | None:
    """The Thai fiscal year (BE) of an ISO date: October to December count towards the next year."""
    m = _PUBLISHED.match(published or "")
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    return year + BE_OFFSET + (1 if month >= 10 else 0)


def month(published: str | None) -> str | None:
    m = _PUBLISHED.match(published or "")
    return f"{m.group(1)}-{m.group(2)}" if m else None


def derive(site: str | None, office: str | None, published: str | None) -> dict:
    """Every derived field, in schema order."""
    out = place(site, office)
    out["fiscal_year"] = fiscal_year(published)
    out["month"] = month(published)
    return {k: out[k] for k in DERIVED_FIELDS}


def upgrade_record(record: dict) -> dict:
    """A record of any older schema_version as a current one (a new dict; a current record is returned
    as it is). Version 1 -> 2 adds the derived fields; nothing else changes, so the content hash and
    every other field stay as they were harvested."""
    if record.get("schema_version") == SCHEMA_VERSION:
        return record
    if record.get("schema_version") != 1:
        raise ValueError(f"record {record.get('id')}: unknown schema_version {record.get('schema_version')!r}")
    out = dict(record)
    out.update(derive(record.get("site"), record.get("office"), record.get("published")))
    out["schema_version"] = SCHEMA_VERSION
    return _in_schema_order(out)


def _in_schema_order(record: dict) -> dict:
    """The record's keys in the schema's order (a freshly built record's order)."""
    from scraper.schema import record_schema

    fields = record_schema()["properties"]
    out = {k: record[k] for k in fields if k in record}
    out.update((k, v) for k, v in record.items() if k not in out)
    return out


def bangkok_area_label(area: int | None) -> str | None:
    return None if area is None else f"กรุงเทพมหานครพื้นที่ {area}"


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET
