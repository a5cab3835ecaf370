"""The harvest store, every test against both backends: SQLite in tmp_path and a real PostgreSQL
server (tests/pg.py), each test on a fresh database."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from scraper.storage import KnownArticle, StoreError, StoreLocked, default_store_path, open_store, utc_iso
from scraper.storage import store as store_module
from scraper.storage.sql import MIGRATIONS, Migration
from tests.conftest import fixture_records

ROOT = Path(__file__).resolve().parent.parent
T0 = datetime(2024, 3, 1, 2, 0, 0, tzinfo=timezone.utc)
LATEST = MIGRATIONS[-1].version


def content_hash(title: str, body: str) -> str:
    return hashlib.sha256((title + "\n\n" + body).encode("utf-8")).hexdigest()


def edited(record: dict, *, title: str | None = None, body: str | None = None) -> dict:
    rec = copy.deepcopy(record)
    if title is not None:
        rec["title"] = title
    if body is not None:
        rec["body"] = body
    rec["content_hash"] = content_hash(rec["title"], rec["body"])
    return rec


def order_key(rec: dict):
    return (rec["site"] is None, rec["site"] or "", rec["published"] is None, rec["published"] or "", rec["id"])


@pytest.fixture(params=["sqlite", "postgres"])
def location(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "state" / "harvest.sqlite3")
    return request.getfixturevalue("fresh_postgres_url")


@pytest.fixture
def store(location):
    s = open_store(location)
    s.migrate()
    yield s
    s.close()


def table_exists(store, name: str) -> bool:
    if store.dialect.name == "sqlite":
        return bool(store._query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))
    return store._query("SELECT to_regclass(?) IS NOT NULL", (name,))[0][0]


# -- migrations -----------------------------------------------------------------------------------


def test_migrations_are_versioned_and_idempotent(location):
    s = open_store(location)
    assert s.schema_version() == 0
    assert s.migrate(target=1) == [1]
    assert s.applied_migrations() == [1]
    assert table_exists(s, "articles") and table_exists(s, "hits")
    assert s.migrate() == [m.version for m in MIGRATIONS if m.version > 1]
    assert s.migrate() == []
    assert s.applied_migrations() == [m.version for m in MIGRATIONS]
    s.observe_record(fixture_records()[0], T0)
    s.close()
    again = open_store(location)  # a later run: nothing to do, data intact
    assert again.migrate() == []
    assert again.counts() == {"articles": 1, "revisions": 1, "hits": 1}
    again.close()


def test_failed_migration_rolls_back_whole(store, monkeypatch):
    broken = Migration(LATEST + 1, "broken", ("CREATE TABLE half_done (x INTEGER)", "CREATE TABLE broken ("))
    monkeypatch.setattr(store_module, "MIGRATIONS", [*MIGRATIONS, broken])
    with pytest.raises(Exception):  # noqa: B017 - the backend's own syntax error
        store.migrate()
    assert store.schema_version() == LATEST
    assert not table_exists(store, "half_done")
    monkeypatch.undo()
    assert store.migrate() == []


def test_store_newer_than_program_is_refused(store):
    with store._transaction() as cur:
        store._execute(cur, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                       (LATEST + 50, "from the future", utc_iso(T0)))
    with pytest.raises(StoreError, match="newer"):
        store.migrate()


# -- observations ---------------------------------------------------------------------------------


def test_outcomes_and_revisions_only_on_content_change(store):
    rec = fixture_records()[1]
    other = fixture_records()[2]
    assert store.observe_record(rec, T0) == "new"
    assert store.observe_record(other, T0) == "new"
    assert store.observe_record(rec, T0 + timedelta(hours=1)) == "unchanged"
    # hits, scraped_at and modified are not content: no revision, but the stored record is the latest
    busier = dict(rec, hits=(rec["hits"] or 0) + 7, scraped_at="2024-03-02T00:00:00Z")
    assert store.observe_record(busier, T0 + timedelta(hours=2)) == "unchanged"
    assert store.counts()["revisions"] == 2
    assert next(r for r in store.iter_records() if r["id"] == rec["id"]) == busier

    retitled = edited(busier, title=busier["title"] + " (แก้ไข)")
    assert store.observe_record(retitled, T0 + timedelta(days=1)) == "changed"
    assert store.counts()["revisions"] == 3
    rebodied = edited(retitled, body=retitled["body"] + "\n\nย่อหน้าที่เพิ่มเข้ามา")
    assert store.observe_record(rebodied, T0 + timedelta(days=2)) == "changed"
    assert store.observe_record(rebodied, T0 + timedelta(days=3)) == "unchanged"
    assert store.counts()["revisions"] == 4
    # back to the first text is a change too
    assert store.observe_record(rec, T0 + timedelta(days=4)) == "changed"

    revisions = [r for r in store.iter_revisions(with_body=True) if r["id"] == rec["id"]]
    assert [r["revision"] for r in revisions] == [1, 2, 3, 4]
    assert [r["observed_at"] for r in revisions] == [
        utc_iso(T0), utc_iso(T0 + timedelta(days=1)), utc_iso(T0 + timedelta(days=2)), utc_iso(T0 + timedelta(days=4))]
    assert [r["title"] for r in revisions] == [rec["title"], retitled["title"], rebodied["title"], rec["title"]]
    assert revisions[2]["body"] == rebodied["body"]
    for r in revisions:
        assert r["content_hash"] == content_hash(r["title"], r["body"])
        assert r["site"] == rec["site"]
    assert set(next(store.iter_revisions())) == {"id", "site", "revision", "observed_at", "content_hash", "title"}
    assert [r["revision"] for r in store.iter_revisions() if r["id"] == other["id"]] == [1]
    assert store.counts() == {"articles": 2, "revisions": 5, "hits": sum(
        1 for r in (rec, other, rec, busier, retitled, rebodied, rebodied, rec) if r["hits"] is not None)}


def test_record_without_id_is_refused(store):
    rec = fixture_records()[0]
    del rec["id"]
    with pytest.raises(ValueError, match="id"):
        store.observe_record(rec, T0)
    assert store.counts()["articles"] == 0


def test_hits_history_over_three_observations(store):
    rec = dict(fixture_records()[0], hits=10)
    day = timedelta(days=1)
    assert store.observe_record(rec, T0) == "new"
    assert store.observe_hits(rec["id"], 12, T0 + timedelta(hours=6))  # a listing page shows hits
    assert store.observe_record(dict(rec, hits=15), T0 + day) == "unchanged"
    assert store.observe_hits(rec["id"], 17, T0 + 2 * day, source="listing")
    assert store.observe_record(dict(rec, hits=21), T0 + 2 * day + timedelta(hours=1)) == "unchanged"
    assert store.observe_record(dict(rec, hits=None), T0 + 3 * day) == "unchanged"  # no count: no row
    assert not store.observe_hits("area10:999999", 5, T0)  # unknown article: nothing stored
    with pytest.raises(ValueError):
        store.observe_hits(rec["id"], 5, T0, source="sidebar")
    with pytest.raises(ValueError):
        store.observe_hits(rec["id"], -1, T0)

    rows = list(store.iter_hits())
    assert [(r["observed_at"], r["hits"], r["source"]) for r in rows] == [
        ("2024-03-01T02:00:00Z", 10, "article"),
        ("2024-03-01T08:00:00Z", 12, "listing"),
        ("2024-03-02T02:00:00Z", 15, "article"),
        ("2024-03-03T02:00:00Z", 17, "listing"),
        ("2024-03-03T03:00:00Z", 21, "article"),
    ]
    assert {(r["id"], r["site"]) for r in rows} == {(rec["id"], rec["site"])}
    assert store.counts() == {"articles": 1, "revisions": 1, "hits": 5}
    assert [r["hits"] for r in store.iter_hits(since=date(2024, 3, 3))] == [17, 21]
    assert list(store.iter_hits(site="osh")) == []


def test_timestamps_are_utc_seconds(store):
    rec = fixture_records()[0]
    bangkok = timezone(timedelta(hours=7))
    store.observe_record(rec, datetime(2024, 3, 1, 9, 30, 15, 999999, tzinfo=bangkok))
    store.observe_hits(rec["id"], 40, datetime(2024, 3, 1, 3, 0, 0))  # naive: UTC
    assert [r["observed_at"] for r in store.iter_hits()] == ["2024-03-01T02:30:15Z", "2024-03-01T03:00:00Z"]
    known = store.known_articles()[rec["id"]]
    assert known.first_seen == known.last_seen == "2024-03-01T02:30:15Z"


def test_first_seen_once_last_seen_every_time(store):
    rec = fixture_records()[3]
    store.observe_record(rec, T0)
    store.observe_record(rec, T0 + timedelta(days=1))
    store.observe_record(edited(rec, body=rec["body"] + " ฉบับแก้ไข"), T0 + timedelta(days=2))
    known = store.known_articles()[rec["id"]]
    assert (known.first_seen, known.last_seen) == (utc_iso(T0), utc_iso(T0 + timedelta(days=2)))
    store.observe_record(rec, T0 - timedelta(days=5))  # a late, older observation moves neither
    known = store.known_articles()[rec["id"]]
    assert (known.first_seen, known.last_seen) == (utc_iso(T0), utc_iso(T0 + timedelta(days=2)))
    store.observe_hits(rec["id"], 99, T0 + timedelta(days=9))  # a hits row only
    assert store.known_articles()[rec["id"]].last_seen == utc_iso(T0 + timedelta(days=2))


def test_known_articles(store):
    records = fixture_records()
    for rec in records:
        store.observe_record(rec, T0)
    changed = edited(records[0], title="หัวข้อใหม่")
    store.observe_record(changed, T0 + timedelta(days=1))

    known = store.known_articles()
    assert set(known) == {r["id"] for r in records}
    for rec in records[1:]:
        assert known[rec["id"]] == KnownArticle(
            id=rec["id"], site=rec["site"], url=rec["url"], published=rec["published"], modified=rec["modified"],
            hits=rec["hits"], content_hash=rec["content_hash"], first_seen=utc_iso(T0), last_seen=utc_iso(T0))
    assert known[changed["id"]].content_hash == changed["content_hash"]
    assert known[changed["id"]].last_seen == utc_iso(T0 + timedelta(days=1))

    some = store.known_articles(sites=["area10", "osh"])
    assert set(some) == {r["id"] for r in records if r["site"] in ("area10", "osh")} and some
    assert store.known_articles(sites=[]) == {}
    assert store.known_articles(sites=["nowhere"]) == {}


def test_iteration_order_and_filters(store):
    records = fixture_records()
    undated = dict(records[0], id="area10:999001", published=None, published_raw=None, date_source=None)
    records.append(undated)
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    for i, rec in enumerate(shuffled):
        store.observe_record(rec, T0 + timedelta(minutes=i))

    expected = sorted(records, key=order_key)
    got = list(store.iter_records())
    assert got == expected
    assert [list(r) for r in got] == [list(r) for r in expected]  # keys in schema order
    assert [r["id"] for r in got if r["site"] == "area10"][-1] == undated["id"]  # published nulls last
    assert all(r["site"] is None for r in got[-3:])  # site nulls last

    since = date(2022, 1, 1)
    by_date = [r for r in expected if r["published"] is not None and r["published"][:10] >= "2022-01-01"]
    assert list(store.iter_records(since=since)) == by_date
    assert list(store.iter_records(since="2022-01-01")) == by_date
    assert list(store.iter_records(since=datetime(2022, 1, 1, 23, 0))) == by_date
    assert list(store.iter_records(site="area10")) == [r for r in expected if r["site"] == "area10"]
    assert list(store.iter_records(since=since, site="area3")) == [r for r in by_date if r["site"] == "area3"]
    assert list(store.iter_records(site="nowhere")) == []

    hits = list(store.iter_hits())
    assert [(h["id"], h["observed_at"]) for h in hits] == sorted((h["id"], h["observed_at"]) for h in hits)
    assert len(hits) == sum(1 for r in records if r["hits"] is not None)
    assert [h["id"] for h in store.iter_hits(site="area10")] == sorted(
        r["id"] for r in records if r["site"] == "area10" and r["hits"] is not None)
    revisions = list(store.iter_revisions())
    assert [r["id"] for r in revisions] == sorted(r["id"] for r in records)
    late = T0 + timedelta(minutes=30)
    assert {r["id"] for r in store.iter_revisions(since=late.date() + timedelta(days=1))} == set()
    assert store.counts() == {"articles": len(records), "revisions": len(records), "hits": len(hits)}


def test_writes_commit_while_iterating(store):
    records = fixture_records()
    for rec in records[:5]:
        store.observe_record(rec, T0)
    seen = []
    for rec in store.iter_records():
        seen.append(rec["id"])
        if len(seen) == 1:
            store.observe_record(records[10], T0)  # durable even with an iteration open
    assert len(seen) == 5
    again = open_store(store.location if store.dialect.name == "sqlite" else store.url)
    assert again.counts()["articles"] == 6
    again.close()


# -- the lock -------------------------------------------------------------------------------------

HOLD_LOCK = """
import sys, time
from scraper.storage import open_store
store = open_store(sys.argv[1])
with store.lock():
    print("locked", flush=True)
    time.sleep(120)
"""

TRY_LOCK = """
import sys
from scraper.storage import open_store, StoreLocked
store = open_store(sys.argv[1])
try:
    with store.lock():
        print("got it")
except StoreLocked as exc:
    print(exc)
    sys.exit(3)
"""


def run_python(code: str, *args: str, **kwargs):
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, **kwargs)


def start_python(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, cwd=ROOT)


def lock_location(store) -> str:
    return store.location if store.dialect.name == "sqlite" else store.url


def test_lock_refuses_a_second_process(store):
    where = lock_location(store)
    with store.lock():
        refused = run_python(TRY_LOCK, where)
        assert refused.returncode == 3, refused.stderr
        assert "is locked by another process" in refused.stdout
        assert f"pid {os.getpid()}" in refused.stdout
        with pytest.raises(StoreLocked):  # a second lock() in the same process is refused too
            with store.lock():
                pass
    allowed = run_python(TRY_LOCK, where)
    assert allowed.returncode == 0 and "got it" in allowed.stdout, allowed.stderr


def test_lock_held_by_another_process_and_released_when_it_is_killed(store):
    holder = start_python(HOLD_LOCK, lock_location(store))
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLocked) as refused:
            with store.lock():
                pass
        assert refused.value.holder and refused.value.holder["pid"] == holder.pid
        assert f"pid {holder.pid}" in str(refused.value) and store.location in str(refused.value)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    deadline = time.monotonic() + 15  # PostgreSQL ends the dead client's session asynchronously
    while True:
        try:
            with store.lock():
                break
        except StoreLocked:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


HOLD_PORTALS = """
import sys, time
from scraper.storage import open_store
store = open_store(sys.argv[1])
with store.lock(sys.argv[2].split(",")):
    print("locked", flush=True)
    time.sleep(120)
"""


def test_portal_locks_let_different_portals_share_a_postgresql_store(fresh_postgres_url):
    """PostgreSQL: a run locks its portals only; other portals harvest into the same store at once,
    the same portal twice is refused (naming it), and a whole-store lock excludes them all."""
    store = open_store(fresh_postgres_url)
    store.migrate()
    holder = start_python(HOLD_PORTALS, fresh_postgres_url, "area5,area6")
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert store.portal_locks
        with store.lock(["area7"]), store.lock(["area8", "area9"]):  # other portals: at once
            pass
        with pytest.raises(StoreLocked) as refused:
            with store.lock(["area4", "area6"]):
                pass
        assert refused.value.portal == "area6" and refused.value.holder["pid"] == holder.pid
        assert str(refused.value).startswith("portal area6 of store ") and f"pid {holder.pid}" in str(refused.value)
        with store.lock(["area4"]):  # a refusal releases what it had taken (area4, taken first)
            pass
        with pytest.raises(StoreLocked) as whole:
            with store.lock():
                pass
        assert whole.value.portal is None and whole.value.holder["pid"] == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    with store.lock():
        with pytest.raises(StoreLocked):  # and the whole-store lock keeps every portal out
            with store.lock(["area1"]):
                pass
    store.close()


def test_sqlite_locks_the_whole_store_whatever_the_portals(tmp_path):
    """SQLite: one writer for the whole file; a run on another portal is refused as well."""
    where = str(tmp_path / "h.sqlite3")
    store = open_store(where)
    store.migrate()
    assert not store.portal_locks
    holder = start_python(HOLD_PORTALS, where, "area5")
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLocked) as refused:
            with store.lock(["area7"]):
                pass
        assert refused.value.portal is None and refused.value.holder["pid"] == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    store.close()


# -- crash safety ---------------------------------------------------------------------------------

WRITER = r"""
import hashlib, json, sys
from datetime import datetime, timedelta, timezone
from scraper.storage import open_store
location, source = sys.argv[1], sys.argv[2]
records = json.load(open(source, encoding="utf-8"))
store = open_store(location)
t0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
i = 0
with store.lock():
    while True:
        for rec in records:
            i += 1
            rec = dict(rec, hits=(rec["hits"] or 0) + i)
            if i % 3 == 0:
                rec["body"] = rec["body"] + f" แก้ไขครั้งที่ {i}"
                rec["content_hash"] = hashlib.sha256((rec["title"] + "\n\n" + rec["body"]).encode()).hexdigest()
            store.observe_record(rec, t0 + timedelta(seconds=i))
            store.observe_hits(rec["id"], rec["hits"] + 1, t0 + timedelta(seconds=i))
            if i == 60:
                print("running", flush=True)
"""


def test_store_consistent_after_sigkill_mid_run(store, tmp_path):
    records = fixture_records()[:12]
    source = tmp_path / "records.json"
    source.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    where = lock_location(store)
    writer = start_python(WRITER, where, str(source))
    try:
        assert writer.stdout.readline().strip() == "running"
        time.sleep(0.3)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    again = open_store(where)
    try:
        assert again.migrate() == []
        deadline = time.monotonic() + 15
        while True:
            try:
                with again.lock():
                    break
            except StoreLocked:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        counts = again.counts()
        stored = list(again.iter_records())
        hits = list(again.iter_hits())
        revisions = list(again.iter_revisions(with_body=True))
        assert counts == {"articles": len(stored), "revisions": len(revisions), "hits": len(hits)}
        assert len(stored) == len(records)
        assert counts["revisions"] > len(records) and counts["hits"] > 2 * len(records)
        known = again.known_articles()
        for rec in stored:
            assert rec["content_hash"] == content_hash(rec["title"], rec["body"])
            mine = [r for r in revisions if r["id"] == rec["id"]]
            assert [r["revision"] for r in mine] == list(range(1, len(mine) + 1))
            assert mine[-1]["content_hash"] == rec["content_hash"] == known[rec["id"]].content_hash
            for r in mine:  # no partial revision
                assert r["content_hash"] == content_hash(r["title"], r["body"])
            # the record and its own hits row were committed together
            article_hits = [h for h in hits if h["id"] == rec["id"] and h["source"] == "article"]
            assert article_hits[-1]["hits"] == rec["hits"]
            assert known[rec["id"]].last_seen == max(h["observed_at"] for h in article_hits)
        assert {h["id"] for h in hits} <= set(known)
        # and the store takes new work
        assert again.observe_record(records[0], datetime(2025, 1, 1, tzinfo=timezone.utc)) in ("changed", "unchanged")
    finally:
        again.close()


# -- locations ------------------------------------------------------------------------------------


def test_default_store_path(monkeypatch, tmp_path):
    monkeypatch.setenv("LABOUR_SCRAPER_HOME", str(tmp_path / "home"))
    assert default_store_path() == tmp_path / "home" / "harvest.sqlite3"
    monkeypatch.delenv("LABOUR_SCRAPER_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_store_path() == tmp_path / "xdg" / "labour-scraper" / "harvest.sqlite3"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    assert default_store_path() == tmp_path / "user" / ".local" / "share" / "labour-scraper" / "harvest.sqlite3"


def test_sqlite_store_is_wal_and_bad_locations_are_refused(tmp_path):
    s = open_store(tmp_path / "a" / "b.sqlite3")
    assert s._query("PRAGMA journal_mode")[0][0] == "wal"
    s.migrate()
    with s.lock():
        assert (tmp_path / "a" / "b.sqlite3.lock").exists()
    s.close()
    with pytest.raises(StoreError, match="unsupported store location"):
        open_store("mysql://localhost/x")
    with pytest.raises(StoreError, match="cannot open store"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
