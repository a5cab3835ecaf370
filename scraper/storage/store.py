"""The harvest store: articles upserted by id, their revisions and their hit-count history.

One :class:`Store` interface over two backends: SQLite (embedded default, one file in WAL mode) and
PostgreSQL (psycopg 3). Every ``observe_*`` call is one committed transaction, so a process killed
at any moment (SIGKILL included) leaves the store consistent: an observation is either entirely in
it (article row, revision row, hits row) or not at all.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import socket
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

from scraper.redact import mask_location, mask_secrets
from scraper.schema import record_schema
from scraper.storage import sql
from scraper.storage.sql import MIGRATIONS, Dialect

APP = "labour-scraper"
HIT_SOURCES = ("article", "listing")


class StoreError(Exception):
    """The store cannot be opened or used (bad location, schema newer than this program, ...)."""


class StoreLocked(StoreError):
    """Another process holds the store's lock. ``store`` names the store, ``holder`` describes the
    process holding it (``{"pid": ..., "host": ...}``) when known, else ``None``."""

    def __init__(self, store: str, holder: dict | None = None, portal: str | None = None):
        self.store = store
        self.holder = holder or None
        self.portal = portal
        who = "another process"
        if holder:
            parts = []
            if holder.get("pid") is not None:
                parts.append(f"pid {holder['pid']}")
            if holder.get("host"):
                parts.append(f"on host {holder['host']}")
            if holder.get("since"):
                parts.append(f"since {holder['since']}")
            if parts:
                who = "another process (" + " ".join(parts) + ")"
        what = f"portal {portal} of store {store}" if portal else f"store {store}"
        super().__init__(f"{what} is locked by {who}")


@dataclass(frozen=True, slots=True)
class KnownArticle:
    """What the store knows about an article, for deciding whether to fetch it again.
    ``hits`` is the count of the last stored article record (listing-only hit rows don't change it)."""

    id: str
    site: str | None
    url: str
    published: str | None
    modified: str | None
    hits: int | None
    content_hash: str
    first_seen: str
    last_seen: str


# -- helpers --------------------------------------------------------------------------------------


def default_store_path() -> Path:
    """``$LABOUR_SCRAPER_HOME/harvest.sqlite3`` when that variable is set, else
    ``$XDG_DATA_HOME/labour-scraper/harvest.sqlite3`` (``~/.local/share/...`` by default)."""
    home = os.environ.get("LABOUR_SCRAPER_HOME")
    if home:
        return Path(home).expanduser() / "harvest.sqlite3"
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data).expanduser() / APP / "harvest.sqlite3"


@cache
def record_fields() -> tuple[str, ...]:
    """The record's fields in the JSON Schema's order (the column order of exports)."""
    return tuple(record_schema()["properties"])


def _ordered(record: dict) -> dict:
    """The record with its keys in schema order (PostgreSQL's JSONB does not keep key order)."""
    fields = record_fields()
    out = {k: record[k] for k in fields if k in record}
    for k, v in record.items():
        if k not in out:
            out[k] = v
    return out


def utc_iso(moment: datetime | str | None) -> str:
    """``YYYY-MM-DDTHH:MM:SSZ`` in UTC (microseconds dropped; a naive datetime is taken as UTC)."""
    if moment is None:
        moment = datetime.now(timezone.utc)
    elif isinstance(moment, str):
        text = moment.strip()
        moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    elif not isinstance(moment, datetime):
        raise TypeError(f"observed_at must be a datetime, not {type(moment).__name__}")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _since_text(since: date | datetime | str | None) -> str | None:
    """The date part ``YYYY-MM-DD`` of ``since`` (a ``date``, ``datetime`` or ISO string)."""
    if since is None:
        return None
    if isinstance(since, datetime):
        return since.date().isoformat()
    if isinstance(since, date):
        return since.isoformat()
    text = str(since).strip()
    return date.fromisoformat(text[:10]).isoformat()


def _lock_key(name: str) -> int:
    """A signed 64-bit advisory-lock key for ``name``."""
    return int.from_bytes(hashlib.sha256(f"{APP}:{name}".encode()).digest()[:8], "big", signed=True)


def _holder_text() -> str:
    return f"pid={os.getpid()} host={socket.gethostname()}"


def _parse_holder(text: str | None) -> dict | None:
    """``{"pid": 123, "host": "h", ...}`` from ``key=value`` words (the lock file, application_name)."""
    if not text:
        return None
    holder: dict[str, Any] = {}
    for word in text.split():
        key, sep, value = word.partition("=")
        if sep and key in ("pid", "host", "since"):
            holder[key] = int(value) if key == "pid" and value.isdigit() else value
    return holder or None


# -- the store ------------------------------------------------------------------------------------


class Store:
    """Common logic; the backends supply connections, transactions and the lock."""

    dialect: Dialect
    location: str
    #: whether :meth:`lock` can lock single portals, so that runs on different portals share the
    #: store (PostgreSQL); else ``lock(portals)`` locks the whole store (SQLite)
    portal_locks: bool = False

    def __init__(self) -> None:
        self._conn: Any = None
        self.read_only = False
        self._secrets: tuple[str, ...] = ()  # masked in every message (a URL's password)

    # backend hooks
    def _transaction(self, write: bool = True):  # pragma: no cover - abstract
        raise NotImplementedError

    def _reader(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def _read_cursor(self, conn):  # pragma: no cover - abstract
        raise NotImplementedError

    def lock(self, portals: Iterable[str] | None = None):  # pragma: no cover - abstract
        raise NotImplementedError

    def _load_record(self, value) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def _serialize_migrations(self, cur) -> None:
        """Make concurrent ``migrate()`` calls wait for each other (inside the transaction)."""

    # plumbing
    def _sql(self, text: str) -> str:
        return sql.render(text, self.dialect)

    def _execute(self, cur, text: str, params: Iterable = ()):
        cur.execute(self._sql(text), tuple(params))
        return cur

    def _query(self, text: str, params: Iterable = ()) -> list[tuple]:
        """Run one read statement on the main connection (for checks and tests)."""
        with self._transaction(write=False) as cur:
            return list(self._execute(cur, text, params).fetchall())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.location}>"

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None

    # -- migrations
    def applied_migrations(self) -> list[int]:
        """Versions recorded in ``schema_migrations`` (empty for a fresh store)."""
        with self._transaction() as cur:
            self._execute(cur, sql.MIGRATIONS_TABLE)
            return [row[0] for row in self._execute(cur, sql.APPLIED_VERSIONS).fetchall()]

    def schema_version(self) -> int:
        versions = self.applied_migrations()
        return max(versions) if versions else 0

    def check_readable(self) -> int:
        """The schema version of a store opened for reading, without writing anything (no
        ``schema_migrations`` table is created, nothing is migrated). An older schema is read as
        it is (every version has the tables read); a newer one, an empty database or one that is
        not a harvest store is refused with :class:`StoreError`."""
        latest = MIGRATIONS[-1].version
        try:
            with self._transaction(write=False) as cur:
                versions = [row[0] for row in self._execute(cur, sql.APPLIED_VERSIONS).fetchall()]
        except StoreError:
            raise
        except Exception as exc:
            if not self._is_missing_table(exc):
                raise StoreError(f"cannot read store {self.location}: {self._error_text(exc)}") from exc
            versions = []
        version = max(versions) if versions else 0
        if version == 0:
            raise StoreError(f"{self.location} is not a {APP} store (no schema_migrations table, or no "
                             f"migration applied): crawl into it with --store first")
        if version > latest:
            raise StoreError(f"store {self.location} has schema version {version}, newer than this "
                             f"{APP} supports ({latest}); upgrade {APP}")
        return version

    def _is_missing_table(self, exc: BaseException) -> bool:  # pragma: no cover - backend hook
        return False

    def _error_text(self, exc: BaseException) -> str:
        """An exception's text on one line, with the store's secrets masked."""
        return " ".join(mask_secrets(str(exc), self._secrets).split())

    def migrate(self, target: int | None = None) -> list[int]:
        """Apply the migrations not yet applied (up to ``target``), each in its own transaction.
        Returns the versions applied now (empty when the store is up to date)."""
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only: not migrated")
        latest = MIGRATIONS[-1].version
        target = latest if target is None else target
        applied_now: list[int] = []
        for migration in MIGRATIONS:
            if migration.version > target:
                break
            with self._transaction() as cur:
                self._serialize_migrations(cur)
                self._execute(cur, sql.MIGRATIONS_TABLE)
                done = {row[0] for row in self._execute(cur, sql.APPLIED_VERSIONS).fetchall()}
                newer = [v for v in done if v > latest]
                if newer:
                    raise StoreError(
                        f"store {self.location} has schema version {max(newer)}, newer than this "
                        f"{APP} supports ({latest}); upgrade {APP}")
                if migration.version in done:
                    continue
                for statement in migration.statements:
                    self._execute(cur, statement)
                if migration.python:
                    getattr(self, migration.python)(cur)
                self._execute(cur, sql.RECORD_MIGRATION,
                              (migration.version, migration.name, utc_iso(None)))
            applied_now.append(migration.version)
        return applied_now

    def _upgrade_records(self, cur) -> int:
        """Migration 5: rewrite every stored record of an older schema_version as a current one
        (:func:`scraper.derived.upgrade_record`), in pages of 500 by id inside the migration's
        transaction, so a store is migrated entirely or not at all."""
        from scraper.derived import SCHEMA_VERSION, upgrade_record

        last, changed = "", 0
        while True:
            rows = self._execute(cur, sql.RECORDS_BEFORE, (last,)).fetchall()
            if not rows:
                return changed
            for article_id, value in rows:
                record = self._load_record(value)
                if record.get("schema_version") != SCHEMA_VERSION:
                    doc = json.dumps(_ordered(upgrade_record(record)), ensure_ascii=False, separators=(",", ":"))
                    self._execute(cur, sql.SET_RECORD, (doc, article_id))
                    changed += 1
            last = rows[-1][0]

    # -- observations
    def observe_record(self, record: dict, observed_at: datetime | None = None) -> str:
        """Upsert ``record`` by id. Returns ``'new'``, ``'changed'`` (content_hash differs from the
        stored one: a new revision) or ``'unchanged'`` (the stored record is still replaced by this
        one, e.g. new hits or scraped_at). Committed before returning."""
        try:
            article_id = record["id"]
            content_hash = record["content_hash"]
            url = record["url"]
        except KeyError as exc:
            raise ValueError(f"record without {exc.args[0]!r}: {str(record)[:120]}") from None
        when = utc_iso(observed_at)
        hits = record.get("hits")
        if hits is not None and (not isinstance(hits, int) or isinstance(hits, bool) or hits < 0):
            raise ValueError(f"record {article_id}: hits must be a non-negative integer, not {hits!r}")
        columns = (record.get("site"), url, record.get("published"), record.get("modified"), hits,
                   content_hash)
        doc = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        with self._transaction() as cur:
            inserted = self._execute(cur, sql.INSERT_ARTICLE, (article_id, *columns, doc, when, when)).rowcount
            if inserted == 1:
                outcome, revision = "new", 1
            else:
                (old_hash,) = self._execute(cur, sql.SELECT_ARTICLE_FOR_UPDATE, (article_id,)).fetchone()
                self._execute(cur, sql.UPDATE_ARTICLE, (*columns, doc, when, when, article_id))
                if old_hash == content_hash:
                    outcome, revision = "unchanged", None
                else:
                    outcome = "changed"
                    (revision,) = self._execute(cur, sql.NEXT_REVISION, (article_id,)).fetchone()
            if revision is not None:
                self._execute(cur, sql.INSERT_REVISION, (article_id, revision, when, content_hash,
                                                         record.get("title") or "", record.get("body") or ""))
            if hits is not None:
                self._execute(cur, sql.INSERT_HITS, (article_id, when, hits, "article"))
        return outcome

    def observe_hits(self, article_id: str, hits: int, observed_at: datetime | None = None,
                     source: str = "listing") -> bool:
        """Record a hit count seen for a known article (e.g. on a listing page). Returns False (and
        stores nothing) when the article is unknown."""
        if source not in HIT_SOURCES:
            raise ValueError(f"hits source must be one of {HIT_SOURCES}, not {source!r}")
        if not isinstance(hits, int) or isinstance(hits, bool) or hits < 0:
            raise ValueError(f"{article_id}: hits must be a non-negative integer, not {hits!r}")
        when = utc_iso(observed_at)
        with self._transaction() as cur:
            return self._execute(cur, sql.INSERT_HITS_IF_KNOWN, (when, hits, source, article_id)).rowcount == 1

    def observe_links(self, links: Iterable[tuple[str, str | None, str | None]],
                      observed_at: datetime | None = None) -> None:
        """Upsert ``(link, article_id, shown)`` rows: the date (ISO day, or None) a listing showed
        for an article link, and the article it led to (None: its page failed for good). Rows
        naming an article the store does not hold are skipped."""
        when = utc_iso(observed_at)
        with self._transaction() as cur:
            for link, article_id, shown in links:
                self._execute(cur, sql.UPSERT_LINK, (link, article_id, shown, when, article_id, article_id))

    # -- reading
    def known_links(self) -> dict[str, tuple[str | None, str | None]]:
        """link -> (article id or None, the date shown), as :meth:`observe_links` stored them."""
        with self._transaction(write=False) as cur:
            rows = self._execute(cur, sql.KNOWN_LINKS).fetchall()
        return {row[0]: (row[1], row[2]) for row in rows}

    def known_articles(self, sites: Iterable[str] | None = None) -> dict[str, KnownArticle]:
        """Every stored article (or those of ``sites``) by id."""
        query, params = sql.KNOWN_ARTICLES, []
        if sites is not None:
            params = list(sites)
            if not params:
                return {}
            query += " WHERE site IN (" + ", ".join("?" * len(params)) + ")"
        query += " ORDER BY id"
        with self._transaction(write=False) as cur:
            rows = self._execute(cur, query, params).fetchall()
        return {row[0]: KnownArticle(*row) for row in rows}

    def _filtered(self, template: str, date_column: str, site_column: str, since, site,
                  extra: dict[str, str] | None = None) -> tuple[str, list]:
        clauses, params = [], []
        since_text = _since_text(since)
        if since_text is not None:
            # ISO text: ``value >= 'YYYY-MM-DD'`` exactly when the value's date part is on or after it
            clauses.append(f"{date_column} >= ?")
            params.append(since_text)
        if site is not None:
            clauses.append(f"{site_column} = ?")
            params.append(site)
        query = template.replace("{where}", (" WHERE " + " AND ".join(clauses)) if clauses else "")
        for slot, value in (extra or {}).items():
            query = query.replace("{" + slot + "}", value)
        return query, params

    def _iterate(self, query: str, params: list) -> Iterator[tuple]:
        """Stream rows on a connection of their own, so writes meanwhile commit normally."""
        conn = self._reader()
        try:
            cur = self._read_cursor(conn)
            cur.execute(self._sql(query), tuple(params))
            while True:
                rows = cur.fetchmany(500)
                if not rows:
                    break
                yield from rows
            cur.close()
        finally:
            with contextlib.suppress(Exception):
                conn.close()

    def iter_records(self, since: date | None = None, site: str | None = None) -> Iterator[dict]:
        """The stored records (the latest version of each article) in the current record schema,
        ordered by site, published (nulls last), id. ``since`` keeps records published on or after
        that date."""
        from scraper.derived import upgrade_record

        query, params = self._filtered(sql.RECORDS, "published", "site", since, site)
        for (value,) in self._iterate(query, params):
            # a store read without migrating (read-only, archived) may hold older records
            yield _ordered(upgrade_record(self._load_record(value)))

    def iter_hits(self, since: date | None = None, site: str | None = None) -> Iterator[dict]:
        """Hit-count observations ``{id, site, observed_at, hits, source}`` ordered by id, observed_at.
        ``since`` keeps observations made on or after that date (UTC)."""
        query, params = self._filtered(sql.HITS, "h.observed_at", "a.site", since, site)
        for article_id, site_, observed_at, hits, source in self._iterate(query, params):
            yield {"id": article_id, "site": site_, "observed_at": observed_at, "hits": hits, "source": source}

    def iter_revisions(self, since: date | None = None, site: str | None = None, *,
                       with_body: bool = False) -> Iterator[dict]:
        """Revisions ``{id, site, revision, observed_at, content_hash, title}`` (and ``body`` with
        ``with_body``) ordered by id, revision. ``since`` filters on observed_at."""
        query, params = self._filtered(sql.REVISIONS, "r.observed_at", "a.site", since, site,
                                       {"body": ", r.body" if with_body else ""})
        keys = ("id", "site", "revision", "observed_at", "content_hash", "title", "body")
        for row in self._iterate(query, params):
            yield dict(zip(keys, row, strict=False))

    # -- portal health (scraper/health.py, docs/health.md)
    def record_portal_health(self, rows: Iterable[dict]) -> int:
        """Store one run's per-portal health figures (``sql.PORTAL_HEALTH_COLUMNS``; ``findings`` a
        list), in one transaction. A row already stored for the same run and portal is kept: the
        figures of a run are written once. Returns the number of rows written."""
        written = 0
        with self._transaction() as cur:
            for row in rows:
                values = [row.get(c) for c in sql.PORTAL_HEALTH_COLUMNS[:-1]]
                findings = json.dumps(row.get("findings") or [], ensure_ascii=False, separators=(",", ":"))
                written += self._execute(cur, sql.INSERT_PORTAL_HEALTH, (*values, findings)).rowcount
        return written

    def portal_health(self, sites: Iterable[str] | None = None) -> list[dict]:
        """Every stored run of the portals (all, or ``sites``), ordered by site, then finish time:
        each portal's history, oldest first. A store of schema 2 or older (before the table
        existed, read without migrating) has none: ``[]``."""
        query, params = sql.PORTAL_HEALTH, []
        if sites is not None:
            params = list(sites)
            if not params:
                return []
        query = query.replace("{where}", " WHERE site IN (" + ", ".join("?" * len(params)) + ")" if params else "")
        try:
            with self._transaction(write=False) as cur:
                rows = self._execute(cur, query, params).fetchall()
        except StoreError:
            raise
        except Exception as exc:
            if self._is_missing_table(exc):
                return []
            raise
        out = []
        for row in rows:
            record = dict(zip(sql.PORTAL_HEALTH_COLUMNS, row, strict=True))
            record["findings"] = self._load_record(record["findings"]) if record["findings"] else []
            out.append(record)
        return out

    def newest_published(self, sites: Iterable[str] | None = None) -> dict[str, str]:
        """The newest ``published`` stored, by site (sites without a dated article are absent)."""
        params = list(sites) if sites is not None else []
        if sites is not None and not params:
            return {}
        where = " AND site IN (" + ", ".join("?" * len(params)) + ")" if params else ""
        with self._transaction(write=False) as cur:
            rows = self._execute(cur, sql.NEWEST_PUBLISHED.replace("{where}", where), params).fetchall()
        return {site: newest for site, newest in rows if newest}

    def counts(self) -> dict:
        with self._transaction(write=False) as cur:
            articles, revisions, hits = self._execute(cur, sql.COUNTS).fetchone()
        return {"articles": articles, "revisions": revisions, "hits": hits}


# -- SQLite ---------------------------------------------------------------------------------------


class SQLiteStore(Store):
    """One SQLite file in WAL mode; ``read_only=True`` (exports) opens it with a ``mode=ro`` URI:
    no WAL switch, no migration, no write. A store whose file or directory is not writable (an
    archived copy, a read-only mount) is opened ``immutable`` as well, since SQLite would otherwise
    need to create the ``-shm`` and ``-wal`` files beside it; that is refused while a write-ahead log
    with pending transactions lies beside it (immutable reading would silently miss them)."""

    dialect = sql.SQLITE

    def __init__(self, path: Path | str, *, read_only: bool = False):
        super().__init__()
        self.path = Path(path).expanduser()
        self.location = str(self.path)
        self.read_only = read_only
        self._uri: str | None = None
        if self.path.is_dir():
            raise StoreError(f"store {self.location} is a directory, not an SQLite file")
        try:
            if read_only:
                self._uri = self._read_only_uri()
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = self._connect()
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open store {self.location}: {self._open_error(exc)}") from exc

    def _open_error(self, exc: BaseException) -> str:
        text = str(exc.strerror if isinstance(exc, OSError) and exc.strerror else exc)
        if isinstance(exc, sqlite3.DatabaseError) and "not a database" in text:
            return "not an SQLite database"
        return text

    def _read_only_uri(self) -> str:
        from urllib.parse import quote

        if not self.path.exists():
            raise StoreError(f"no store at {self.location}")
        with open(self.path, "rb") as fh:  # an early, clear answer for a file that is no database
            head = fh.read(16)
        if head != b"SQLite format 3\x00":
            raise StoreError(f"{self.location} is " + ("empty" if not head else "not an SQLite database")
                             + f": not a {APP} store")
        uri = "file:" + quote(str(self.path.resolve())) + "?mode=ro"
        if not self._writable():
            wal = self.path.with_name(self.path.name + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                shm = self.path.with_name(self.path.name + "-shm")
                if not shm.exists():
                    raise StoreError(f"store {self.location} is read-only and its write-ahead log holds "
                                     f"transactions not yet in it: open it once writable, or copy it")
                return uri  # SQLite reads a read-only WAL database when -wal and -shm exist
            uri += "&immutable=1"
        return uri

    def _writable(self) -> bool:
        """Whether the store file and its directory may be written, by permission bits as well as
        by access(2) (root passes access(2) on a file marked read-only, but it was marked so)."""
        for target in (self.path, self.path.parent):
            try:
                mode = target.stat().st_mode
            except OSError:
                return False
            if not (mode & 0o222) or not os.access(target, os.W_OK):
                return False
        return True

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: no implicit transactions; _transaction() issues BEGIN IMMEDIATE.
        if self._uri is not None:
            conn = sqlite3.connect(self._uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # fails now on a bad file
            return conn
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 30000")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            conn.close()
            raise StoreError(f"cannot switch store {self.location} to WAL mode (got {mode})")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _is_missing_table(self, exc: BaseException) -> bool:
        return isinstance(exc, sqlite3.OperationalError) and "no such table" in str(exc)

    @contextlib.contextmanager
    def _transaction(self, write: bool = True):
        if self._conn is None:
            raise StoreError(f"store {self.location} is closed")
        if write and self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        cur = self._conn.cursor()
        # a writer takes the write lock up front (no read-then-upgrade deadlocks); readers don't
        cur.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield cur
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                cur.execute("ROLLBACK")
            raise
        else:
            cur.execute("COMMIT")
        finally:
            cur.close()

    def _reader(self):
        if self._uri is not None:
            conn = sqlite3.connect(self._uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("BEGIN")  # one snapshot for the whole iteration
        return conn

    def _read_cursor(self, conn):
        return conn.cursor()

    def _load_record(self, value) -> dict:
        return json.loads(value)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    @contextlib.contextmanager
    def lock(self, portals: Iterable[str] | None = None):
        """Exclusive, non-blocking: ``fcntl.flock`` on ``<db>.lock``; the kernel releases it when the
        process dies. Raises :class:`StoreLocked` when another process (or another ``lock()`` in this
        one) holds it.

        ``portals`` is accepted and ignored: an SQLite store is always locked whole. SQLite has one
        writer at a time for the whole file and its WAL needs shared memory on one machine, so
        several crawl processes would only queue for its write lock (and fail after the busy
        timeout under load) while one process already crawls every portal in parallel; spreading
        portals over machines needs a server (PostgreSQL)."""
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise
                os.lseek(fd, 0, os.SEEK_SET)
                holder = _parse_holder(os.read(fd, 4096).decode("utf-8", "replace"))
                raise StoreLocked(self.location, holder) from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{_holder_text()} since={utc_iso(None)}\n".encode(), 0)
            try:
                yield self
            finally:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


# -- PostgreSQL -----------------------------------------------------------------------------------


class PostgresStore(Store):
    """PostgreSQL through psycopg 3. ``read_only=True`` (exports) makes every transaction of the
    session read-only on the server (``default_transaction_read_only``) and never migrates."""

    dialect = sql.POSTGRES
    #: seconds to wait for the server when the URL names no ``connect_timeout`` (libpq waits forever)
    CONNECT_TIMEOUT = 10

    def __init__(self, url: str, *, read_only: bool = False):
        super().__init__()
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency
            raise StoreError("a PostgreSQL store needs psycopg 3: pip install 'psycopg[binary]'") from exc
        self._psycopg = psycopg
        self.url = url
        self.read_only = read_only
        self.location = mask_location(url)
        self._secrets = _url_secrets(url)
        try:
            self._conn = self._open(autocommit=True, application_name=APP)
            self._namespace = self._conn.execute("SELECT current_database() || '.' || current_schema()").fetchone()[0]
        except psycopg.Error as exc:
            raise StoreError(f"cannot open store {self.location}: {self._error_text(exc)}") from exc

    def _open(self, **kwargs):
        from psycopg.conninfo import conninfo_to_dict

        given = conninfo_to_dict(self.url)
        if "connect_timeout" not in given:
            kwargs["connect_timeout"] = self.CONNECT_TIMEOUT
        if self.read_only:  # the server refuses every write of this session
            kwargs["options"] = (str(given.get("options") or "") + " -c default_transaction_read_only=on").strip()
        return self._psycopg.connect(self.url, **kwargs)

    @contextlib.contextmanager
    def _transaction(self, write: bool = True):
        if self._conn is None:
            raise StoreError(f"store {self.location} is closed")
        if write and self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        with self._conn.transaction(), self._conn.cursor() as cur:
            yield cur

    def _is_missing_table(self, exc: BaseException) -> bool:
        return isinstance(exc, self._psycopg.errors.UndefinedTable)

    def _serialize_migrations(self, cur) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_lock_key("migrate:" + self._namespace),))

    def _reader(self):
        # not autocommit: the server-side cursor lives in one read transaction
        return self._open(application_name=APP)

    def _read_cursor(self, conn):
        cur = conn.cursor(name="labour_scraper_iter")
        cur.itersize = 500
        return cur

    def _load_record(self, value) -> dict:
        return json.loads(value) if isinstance(value, (str, bytes)) else value

    portal_locks = True

    @contextlib.contextmanager
    def lock(self, portals: Iterable[str] | None = None):
        """Non-blocking advisory locks on a dedicated connection; the server releases them when
        that connection ends (also when the process dies). Raises :class:`StoreLocked` when
        another session holds one of them.

        Without ``portals``: the whole store, exclusively. With ``portals`` (registry site ids):
        the store shared, and each portal exclusively, so that runs on different portals harvest
        into one database at once (one Scrapyd job per portal on several machines) while the same
        portal twice, or a portal and a whole-store lock, still exclude each other. This is safe
        because every write is one transaction on rows of one article (ids carry the portal), and
        migrations take their own transaction lock."""
        psycopg = self._psycopg
        store_key = _lock_key("lock:" + self._namespace)
        if portals is None:
            wanted = [(store_key, False, None)]
        else:
            names = sorted({str(p) for p in portals})
            wanted = [(store_key, True, None)] + [
                (_lock_key(f"lock:{self._namespace}:portal:{p}"), False, p) for p in names]
        name = f"{APP} lock {_holder_text()}".encode()[:63].decode("utf-8", "ignore")
        try:
            conn = self._open(autocommit=True, application_name=name)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open store {self.location}: {self._error_text(exc)}") from exc
        try:
            for key, shared, portal in wanted:
                take = "pg_try_advisory_lock_shared" if shared else "pg_try_advisory_lock"
                if not conn.execute(f"SELECT {take}(%s)", (key,)).fetchone()[0]:
                    holder = self._lock_holder(conn, key)
                    # those already taken are released now: closing the connection releases them
                    # only when the server has ended its session, which may be after our next lock
                    with contextlib.suppress(psycopg.Error):
                        conn.execute("SELECT pg_advisory_unlock_all()")
                    raise StoreLocked(self.location, holder, portal)
            try:
                yield self
            finally:
                with contextlib.suppress(psycopg.Error):
                    conn.execute("SELECT pg_advisory_unlock_all()")
        finally:
            conn.close()

    def _lock_holder(self, conn, key: int) -> dict | None:
        unsigned = key & 0xFFFFFFFFFFFFFFFF
        try:
            row = conn.execute(
                """SELECT a.application_name, a.pid, a.backend_start
                   FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                   WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.pid <> pg_backend_pid()
                     AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                     AND l.classid::bigint = %s AND l.objid::bigint = %s""",
                (unsigned >> 32, unsigned & 0xFFFFFFFF)).fetchone()
        except self._psycopg.Error:
            return None
        if row is None:
            return None
        holder = _parse_holder(row[0]) or {}
        holder.setdefault("backend_pid", row[1])
        if row[2] is not None:
            holder.setdefault("since", utc_iso(row[2]))
        return holder


def _url_secrets(url: str) -> tuple[str, ...]:
    """The password of a database URL (userinfo or ``password=`` parameter), to mask it wherever a
    library's message quotes it."""
    from urllib.parse import parse_qs, urlsplit

    try:
        parts = urlsplit(url)
        found = [parts.password] + parse_qs(parts.query).get("password", [])
    except ValueError:
        return ()
    return tuple(p for p in found if p)


def open_store(location: str | os.PathLike | None = None, *, read_only: bool = False) -> Store:
    """``postgresql://...`` / ``postgres://...`` -> PostgreSQL; anything else is a file path -> SQLite
    (``None``: :func:`default_store_path`). Call ``migrate()`` before using a new store.

    ``read_only=True`` is for readers (exports): nothing is created, switched or migrated; call
    :meth:`Store.check_readable` instead of ``migrate()``."""
    if location is None:
        return SQLiteStore(default_store_path(), read_only=read_only)
    text = os.fspath(location)
    if text.startswith(("postgresql://", "postgres://")):
        return PostgresStore(text, read_only=read_only)
    if "://" in text:
        raise StoreError(f"unsupported store location {mask_location(text)!r}: a file path or a postgresql:// URL")
    return SQLiteStore(text, read_only=read_only)
