"""The analyst database: one SQLite file, flat and indexed, built from a harvest store.

The store keeps each record as one JSON document (and works on PostgreSQL too); an analyst wants
columns to filter and facet on, and Thai full-text search. This module writes a snapshot with:

* ``articles``: one row per article, every record field as a column (lists as JSON text), plus
  ``year`` (Gregorian), ``portal_group``, ``attachments_count``, ``first_seen``/``last_seen``;
* ``articles_fts``: FTS5 over title and body with the tokenizer that won the comparison in
  :mod:`scraper.analysis.search` (external content: the text is not stored twice);
* ``hits`` and ``revisions``: the store's hit-count history and revisions;
* ``portals``: the health figures of :func:`scraper.analysis.health.portal_health`.

It is what ``export --format sqlite`` writes and what ``browse`` serves (the same file for a SQLite
or a PostgreSQL store). The file is written beside the target and renamed over it.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from scraper.analysis import search
from scraper.analysis.health import COVERAGE_FIELDS, portal_group, portal_health
from scraper.storage import Store, record_fields

LIST_FIELDS = ("attachments", "images", "warnings")
INTEGER_FIELDS = ("hits", "word_count", "schema_version", "bangkok_area", "fiscal_year")
EXTRA_COLUMNS = ("year", "portal_group", "attachments_count", "first_seen", "last_seen")


def article_columns() -> tuple[str, ...]:
    return (*record_fields(), *EXTRA_COLUMNS)


def _schema_sql() -> list[str]:
    cols = []
    for name in article_columns():
        kind = "INTEGER" if name in INTEGER_FIELDS or name in ("year", "attachments_count") else "TEXT"
        cols.append(f"{name} {kind}" + (" NOT NULL UNIQUE" if name == "id" else ""))
    return [
        "CREATE TABLE articles (rowid INTEGER PRIMARY KEY, " + ", ".join(cols) + ")",
        "CREATE TABLE hits (id TEXT NOT NULL, site TEXT, observed_at TEXT NOT NULL, hits INTEGER NOT NULL, "
        "source TEXT NOT NULL)",
        "CREATE TABLE revisions (id TEXT NOT NULL, site TEXT, revision INTEGER NOT NULL, observed_at TEXT NOT NULL, "
        "content_hash TEXT NOT NULL, title TEXT NOT NULL)",
        "CREATE TABLE portals (site TEXT, office TEXT, portal_group TEXT, province TEXT, articles INTEGER, "
        + ", ".join(f"coverage_{f} REAL" for f in COVERAGE_FIELDS)
        + ", last_published TEXT, days_since_published INTEGER, last_new TEXT, days_since_new INTEGER)",
        "CREATE TABLE about (key TEXT PRIMARY KEY, value TEXT)",
    ]


INDEXES = (
    "CREATE INDEX articles_site ON articles (site, published)",
    "CREATE INDEX articles_office ON articles (office)",
    "CREATE INDEX articles_month ON articles (month)",
    "CREATE INDEX articles_fiscal_year ON articles (fiscal_year)",
    "CREATE INDEX articles_category ON articles (category)",
    "CREATE INDEX articles_hits ON articles (hits)",
    "CREATE INDEX articles_published ON articles (published)",
    "CREATE INDEX hits_id ON hits (id, observed_at)",
    "CREATE INDEX revisions_id ON revisions (id, revision)",
)


def article_row(record: dict, seen: tuple[str, str] | None) -> tuple:
    row = dict(record)
    for f in LIST_FIELDS:
        row[f] = json.dumps(record.get(f) or [], ensure_ascii=False)
    month = record.get("month")
    row["year"] = int(month[:4]) if month else None
    row["portal_group"] = portal_group(record.get("site"), record.get("office"), record.get("province_code"),
                                       record.get("bangkok_area"))
    row["attachments_count"] = len(record.get("attachments") or [])
    row["first_seen"], row["last_seen"] = seen or (None, None)
    return tuple(row.get(c) for c in article_columns())


def build_database(store: Store, out: Path | str, *, since=None, site: str | None = None,
                   now: datetime | None = None, method: str = search.CHOSEN) -> int:
    """Write the analyst database of ``store`` to ``out``; returns the number of articles."""
    from scraper.atomicfile import atomic_write as _atomic_write

    now = now or datetime.now(timezone.utc)

    def write(path: Path) -> int:
        path.unlink(missing_ok=True)
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            for statement in _schema_sql():
                conn.execute(statement)
            known = store.known_articles([site] if site else None)
            records = []
            cols = article_columns()
            insert = f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            batch = []
            for record in store.iter_records(since=since, site=site):
                k = known.get(record["id"])
                batch.append(article_row(record, (k.first_seen, k.last_seen) if k else None))
                records.append({f: record.get(f) for f in ("id", "site", "office", "province", "province_code",
                                                            "bangkok_area", "published", *COVERAGE_FIELDS)})
                if len(batch) >= 1000:
                    conn.executemany(insert, batch)
                    batch.clear()
            conn.executemany(insert, batch)
            ids = {r["id"] for r in records}
            conn.executemany("INSERT INTO hits VALUES (?, ?, ?, ?, ?)",
                             ((h["id"], h["site"], h["observed_at"], h["hits"], h["source"])
                              for h in store.iter_hits(site=site) if h["id"] in ids))
            conn.executemany("INSERT INTO revisions VALUES (?, ?, ?, ?, ?, ?)",
                             ((r["id"], r["site"], r["revision"], r["observed_at"], r["content_hash"], r["title"])
                              for r in store.iter_revisions(site=site) if r["id"] in ids))
            health = portal_health(records, first_seen={i: k.first_seen for i, k in known.items()}, now=now)
            conn.executemany(
                f"INSERT INTO portals VALUES ({', '.join('?' * (9 + len(COVERAGE_FIELDS)))})",
                ((h["site"], h["office"], h["group"], h["province"], h["articles"],
                  *(round(h["coverage"][f], 4) for f in COVERAGE_FIELDS),
                  h["last_published"], h["days_since_published"], h["last_new"], h["days_since_new"])
                 for h in health))
            for statement in INDEXES:
                conn.execute(statement)
            search.create_index(conn, method, content="articles")
            search.index_rows(conn, method, conn.execute("SELECT rowid, title, body FROM articles").fetchall())
            conn.executemany("INSERT INTO about VALUES (?, ?)", [
                ("built_at", now.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")),
                ("store", store.location), ("search", method), ("articles", str(len(records)))])
            conn.commit()
            conn.execute("ANALYZE")
            conn.commit()
        finally:
            conn.close()
        return len(records)

    return _atomic_write(Path(out), write)
