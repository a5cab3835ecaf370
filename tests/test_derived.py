"""Record schema 2: the derived fields (province, Bangkok area, Thai fiscal year, month), and the
store migration that brings schema 1 records to it."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone

import pytest

from pipelines.validate import validation_errors
from scraper.derived import DERIVED_FIELDS, derive, fiscal_year, month, place, upgrade_record
from scraper.provinces import BY_SITE_ID, PROVINCES
from scraper.registry import load_sites
from scraper.storage import open_store
from tests.conftest import fixture_records

T0 = datetime(2024, 3, 1, 2, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("published,expected", [
    ("2024-09-30", 2567), ("2024-10-01", 2568), ("2024-12-31T23:59:59+07:00", 2568),
    ("2025-01-01", 2568), ("2025-09-30T08:00:00+07:00", 2568), ("2025-10-01", 2569), (None, None),
])
def test_fiscal_year_starts_on_1_october_and_is_named_in_the_buddhist_era(published, expected):
    assert fiscal_year(published) == expected


def test_month_is_the_gregorian_month_of_the_bangkok_date():
    assert month("2024-10-31T23:30:00+07:00") == "2024-10"  # (16:30 UTC: still October in Bangkok)
    assert month("2019-01-04") == "2019-01" and month(None) is None


def test_77_provinces_with_unique_codes_and_every_provincial_portal_has_one():
    assert len(PROVINCES) == 77 and len({p.code for p in PROVINCES}) == 77
    assert len({p.name for p in PROVINCES}) == 77
    for site in load_sites().values():
        got = place(site.id, site.office)
        if site.id.startswith("area"):
            assert got == {"province_code": "10", "province": "กรุงเทพมหานคร", "bangkok_area": int(site.id[4:])}
        elif site.id in ("labour", "osh"):  # central units of the department: no province
            assert got == {"province_code": None, "province": None, "bangkok_area": None}
        else:  # by the office name; the registry id names the same province
            assert got["province_code"] == BY_SITE_ID[site.id].code, site.id
            assert site.office.endswith(got["province"]) and got["bangkok_area"] is None


def test_place_reads_the_office_name_first():
    assert place(None, "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดเชียงราย")["province_code"] == "57"
    assert place(None, "สำนักงานสวัสดิการและคุ้มครองแรงงานกรุงเทพมหานครพื้นที่ ๗")["bangkok_area"] == 7
    assert place("somewhere", "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดนครราชสีมา")["province"] == "นครราชสีมา"
    assert place("chiangmai", None)["province_code"] == "50"  # the office unknown: the registry id
    assert place("demo", None) == {"province_code": None, "province": None, "bangkok_area": None}


def as_schema_1(record: dict) -> dict:
    old = {k: v for k, v in record.items() if k not in DERIVED_FIELDS}
    old["schema_version"] = 1
    return old


def test_fixture_records_are_schema_2_and_upgrade_is_exact():
    for record in fixture_records():
        assert record["schema_version"] == 2 and validation_errors(record) == []
        assert record == {**record, **derive(record["site"], record["office"], record["published"])}
        upgraded = upgrade_record(as_schema_1(record))
        assert list(upgraded) == list(record) and upgraded == record  # same values, schema order
        assert upgrade_record(record) is record


@pytest.fixture(params=["sqlite", "postgres"])
def location(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "harvest.sqlite3")
    return request.getfixturevalue("fresh_postgres_url")


def test_an_existing_store_migrates_its_records_to_schema_2(location):
    """A store written by the previous release (migrations 1-2, schema 1 records) is migrated by
    the next crawl: every record gains the derived fields, nothing else changes, no revision."""
    records = fixture_records()
    store = open_store(location)
    store.migrate(target=2)
    for record in records:
        store.observe_record(as_schema_1(record), T0)
    before = store.counts()
    # read without migrating (what `export` does on an archived store): already schema 2
    reader = open_store(location, read_only=True)
    try:
        assert list(reader.iter_records()) == sorted(
            records, key=lambda r: (r["site"] is None, r["site"] or "", r["published"] is None,
                                    r["published"] or "", r["id"]))
    finally:
        reader.close()
    assert store.migrate() == [3, 4, 5]  # 3 listing links, 4 portal health, 5 the records
    assert store.counts() == before
    stored = [store._load_record(v) for (v,) in store._query("SELECT record FROM articles ORDER BY id")]
    assert stored == sorted(records, key=lambda r: r["id"])
    assert all(list(r) == list(records[0]) for r in store.iter_records())  # schema order (JSONB has none)
    assert store.migrate() == []
    store.close()


def test_the_record_migration_is_all_or_nothing(tmp_path, monkeypatch):
    db = tmp_path / "h.sqlite3"
    store = open_store(db)
    store.migrate(target=2)
    for record in fixture_records()[:5]:
        store.observe_record(as_schema_1(record), T0)
    calls = {"n": 0}
    import scraper.derived as derived

    real = derived.upgrade_record

    def flaky(record):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("power cut")
        return real(record)

    monkeypatch.setattr(derived, "upgrade_record", flaky)
    with pytest.raises(RuntimeError):
        store.migrate()
    store.close()
    conn = sqlite3.connect(db)
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
    kinds = {json.loads(r[0])["schema_version"] for r in conn.execute("SELECT record FROM articles")}
    conn.close()
    assert versions == [1, 2, 3, 4] and kinds == {1}  # the migrations before it stand
