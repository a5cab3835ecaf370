"""A harvest store for the analyst tests: the fixture records (many portals) and the Thai search
corpus of fixtures/search as records, observed twice (hits grow, one article is edited)."""

from __future__ import annotations

import copy
import hashlib
from datetime import datetime, timedelta, timezone

from scraper.analysis.search import load_fixtures
from scraper.derived import derive
from scraper.registry import load_sites
from scraper.storage import open_store
from tests.conftest import fixture_records

T0 = datetime(2025, 3, 1, 2, 0, 0, tzinfo=timezone.utc)
T1 = T0 + timedelta(days=14)
AS_OF = datetime(2025, 4, 1, 12, 0, 0, tzinfo=timezone.utc)
CORPUS_SITES = ("area5", "chiangmai", "labour", "khonkaen")
EDITED = "s:16"


def _hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\n\n{body}".encode()).hexdigest()


def corpus_records() -> list[dict]:
    """The search corpus as valid schema 2 records, spread over four portals and 2024-2025."""
    corpus, _ = load_fixtures()
    sites = load_sites()
    out = []
    for i, a in enumerate(corpus):
        site = sites[CORPUS_SITES[i % len(CORPUS_SITES)]]
        published = f"{2024 + (i % 2)}-{(i % 12) + 1:02d}-{(i % 27) + 1:02d}"
        out.append({
            "id": a["id"], "url": f"https://{site.host}/index.php/news/{900 + i}-x", "site": site.id,
            "office": site.office, "title": a["title"], "published": published, "published_raw": published,
            "modified": None, "date_source": "label", **derive(site.id, site.office, published),
            "author": "ผู้ดูแลระบบ" if i % 3 else None, "hits": 100 * (i + 1), "category": "ข่าวประชาสัมพันธ์",
            "body": a["body"], "attachments": [], "images": [], "language": "th", "word_count": 10,
            "content_hash": _hash(a["title"], a["body"]), "scraped_at": "2025-03-01T02:00:00Z",
            "schema_version": 2, "warnings": []})
    return out


def all_records() -> list[dict]:
    return fixture_records() + corpus_records()


def build_store(path) -> list[dict]:
    """Write the store at ``path``; returns the records as last observed."""
    records = all_records()
    store = open_store(path)
    store.migrate()
    last = []
    for record in records:
        store.observe_record(record, T0)
    for record in records:
        again = copy.deepcopy(record)
        if again["hits"] is not None:
            again["hits"] += 10 + len(again["title"])
        if again["id"] == EDITED:
            again["body"] += " (แก้ไขเพิ่มเติม)"
            again["content_hash"] = _hash(again["title"], again["body"])
        store.observe_record(again, T1)
        last.append(again)
    store.close()
    return last
