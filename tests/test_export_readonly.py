"""``export`` reads a store without writing to it: a store marked read-only in a read-only directory
is exported and left byte for byte as it was, with no ``-wal``/``-shm`` beside it; an older schema is
read as it is (not migrated); PostgreSQL sessions are read-only on the server."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from datetime import datetime, timezone

import pytest

from scraper.cli import main
from scraper.storage import StoreError, open_store
from scraper.storage.sql import MIGRATIONS
from tests.conftest import fixture_records

T0 = datetime(2024, 3, 1, 2, 0, 0, tzinfo=timezone.utc)
FORMATS = ("jsonl", "csv", "parquet")


def make_store(location, target: int | None = None, n: int = 12) -> None:
    store = open_store(location)
    store.migrate(target)
    for record in fixture_records()[:n]:
        store.observe_record(record, T0)
    store.close()


def snapshot(directory) -> dict:
    """name -> (sha256, mode, mtime) of every file in ``directory``."""
    out = {}
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        st = os.stat(path)
        with open(path, "rb") as fh:
            out[name] = (hashlib.sha256(fh.read()).hexdigest(), st.st_mode, st.st_mtime_ns)
    return out


@pytest.fixture
def archive(tmp_path):
    """A store chmod 0444 in a directory chmod 0555 (an archived harvest, a read-only mount)."""
    directory = tmp_path / "archive"
    directory.mkdir()
    db = directory / "harvest.sqlite3"
    make_store(db)
    assert sorted(os.listdir(directory)) == ["harvest.sqlite3"]  # closed cleanly: WAL checkpointed away
    writable_copy = tmp_path / "copy.sqlite3"
    shutil.copy(db, writable_copy)
    db.chmod(0o444)
    directory.chmod(0o555)
    yield db, writable_copy
    directory.chmod(0o755)
    db.chmod(0o644)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_from_a_read_only_store_changes_nothing(archive, tmp_path, capsys, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    db, writable_copy = archive
    before = snapshot(db.parent)
    out = tmp_path / f"labour.{fmt}"
    assert main(["export", "--store", str(db), "-o", str(out)]) == 0, capsys.readouterr().err
    assert snapshot(db.parent) == before  # same bytes, same modes, same mtimes, no -wal/-shm/-journal
    # and nothing is missing: the same export as from a writable copy
    reference = tmp_path / f"reference.{fmt}"
    assert main(["export", "--store", str(writable_copy), "-o", str(reference)]) == 0
    if fmt != "parquet":  # (parquet embeds nothing variable, but compare the table to be safe)
        assert out.read_bytes() == reference.read_bytes()
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(out).equals(pq.read_table(reference))
    assert "12 records rows" in capsys.readouterr().err


def test_the_read_only_connection_refuses_writes(archive):
    db, _ = archive
    store = open_store(db, read_only=True)
    try:
        assert store.check_readable() == MIGRATIONS[-1].version
        with pytest.raises(StoreError, match="read-only"):
            store.observe_record(fixture_records()[0], T0)
        with pytest.raises(StoreError, match="read-only"):
            store.migrate()
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store._conn.execute("CREATE TABLE x (y)")
    finally:
        store.close()


def test_an_older_schema_is_read_as_it_is(tmp_path, capsys):
    db = tmp_path / "old.sqlite3"
    make_store(db, target=1)  # tables, none of the indexes of migration 2
    out = tmp_path / "old.jsonl"
    assert main(["export", "--store", str(db), "-o", str(out)]) == 0, capsys.readouterr().err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 12
    conn = sqlite3.connect(db)
    try:
        assert [r[0] for r in conn.execute("SELECT version FROM schema_migrations")] == [1]
        assert conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'articles_%'"
                            ).fetchone()[0] == 0
    finally:
        conn.close()


def test_a_pending_write_ahead_log_in_a_read_only_directory_is_refused(tmp_path, capsys):
    """Read immutable, such a store would silently lose the transactions still in its WAL."""
    live = tmp_path / "live.sqlite3"
    store = open_store(live)
    store._conn.execute("PRAGMA wal_autocheckpoint = 0")  # everything stays in the -wal
    store.migrate()
    store.observe_record(fixture_records()[0], T0)
    directory = tmp_path / "copied"
    directory.mkdir()
    shutil.copy(live, directory / "harvest.sqlite3")
    shutil.copy(tmp_path / "live.sqlite3-wal", directory / "harvest.sqlite3-wal")  # no -shm
    store.close()
    directory.chmod(0o555)
    try:
        code = main(["export", "--store", str(directory / "harvest.sqlite3"), "-o", str(tmp_path / "x.jsonl")])
        err = capsys.readouterr().err
    finally:
        directory.chmod(0o755)
    assert code == 2 and err.count("\n") == 1 and "argument --store" in err and "write-ahead log" in err, err
    assert not (tmp_path / "x.jsonl").exists()


def test_postgresql_export_is_read_only_on_the_server(fresh_postgres_url, tmp_path, capsys):
    psycopg = pytest.importorskip("psycopg")
    empty = open_store(fresh_postgres_url, read_only=True)
    try:
        with pytest.raises(StoreError, match="not a labour-scraper store"):
            empty.check_readable()  # and it created no schema_migrations table on the way
    finally:
        empty.close()
    make_store(fresh_postgres_url)
    out = tmp_path / "pg.jsonl"
    assert main(["export", "--store", fresh_postgres_url, "-o", str(out)]) == 0, capsys.readouterr().err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 12
    store = open_store(fresh_postgres_url, read_only=True)
    try:
        with pytest.raises(StoreError, match="read-only"):
            store.observe_record(fixture_records()[0], T0)
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            store._conn.execute("CREATE TABLE x (y int)")
        assert store.check_readable() == MIGRATIONS[-1].version
    finally:
        store.close()
