"""The harvest store (SQLite or PostgreSQL): articles by id with first/last seen, revisions on
content change, hit-count history, versioned migrations and a per-store run lock.

    store = open_store(location)          # path -> SQLite (WAL); postgresql://... -> PostgreSQL
    store.migrate()
    with store.lock():                    # raises StoreLocked when another process holds it
        known = store.known_articles()
        store.observe_record(record, observed_at)
"""

from scraper.storage.store import (
    KnownArticle,
    PostgresStore,
    SQLiteStore,
    Store,
    StoreError,
    StoreLocked,
    default_store_path,
    open_store,
    record_fields,
    utc_iso,
)

__all__ = [
    "KnownArticle",
    "PostgresStore",
    "SQLiteStore",
    "Store",
    "StoreError",
    "StoreLocked",
    "default_store_path",
    "open_store",
    "record_fields",
    "utc_iso",
]
