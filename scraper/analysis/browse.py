"""``labour-scraper browse``: Datasette over the analyst database of a harvest store.

The store is first written out as the analyst database (:mod:`scraper.analysis.db`, the file
``export --format sqlite`` writes): flat columns to facet on and a Thai full-text index, neither of
which the store itself has. This also makes a PostgreSQL store browsable, and leaves the store alone
(a crawl may go on writing to it; ``browse`` shows the snapshot it took). Datasette opens the file
immutable and listens on loopback unless told otherwise.

Metadata comes from the record schema (column descriptions), with default facets (portal, office,
category, year, month, Thai fiscal year, province) and canned queries for the questions analysts
ask: articles per office per month, most read, hit growth, revisions, portals with no new article
in N days, and Thai search.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from scraper.analysis.db import EXTRA_COLUMNS
from scraper.analysis.health import COVERAGE_FIELDS
from scraper.schema import record_schema

FACETS = ("site", "office", "category", "year", "month", "fiscal_year", "province")

_MATCH = "'\"' || replace(search_text(:q), '\"', '\"\"') || '\"'"

CANNED = {
    "articles_per_office_per_month": {
        "title": "บทความต่อสำนักงานต่อเดือน (articles per office per month)",
        "description": "Leave fiscal_year empty for all years; fiscal years are Buddhist era (2568 = Oct 2024 - Sep 2025).",
        "sql": """select office, month, count(*) as articles
from articles
where (:fiscal_year = '' or fiscal_year = cast(:fiscal_year as integer))
group by office, month
order by month desc, articles desc""",
    },
    "most_read": {
        "title": "อ่านมากที่สุด (most read)",
        "description": "Optionally only articles matching a Thai search q (3 characters or more).",
        "sql": f"""select id, title, office, published, hits
from articles
where hits is not null
  and (:q = '' or rowid in (select rowid from articles_fts where articles_fts match {_MATCH}))
order by hits desc
limit 100""",
    },
    "hit_growth": {
        "title": "ยอดอ่านเพิ่มขึ้น (hit growth)",
        "description": "First and last hit count observed per article, by growth.",
        "sql": """with obs as (
  select id, observed_at, hits,
         row_number() over (partition by id order by observed_at, rowid) as n,
         count(*) over (partition by id) as total
  from hits)
select a.id, a.title, a.office, f.observed_at as first_observed, f.hits as first_hits,
       l.observed_at as last_observed, l.hits as last_hits, l.hits - f.hits as growth,
       round((l.hits - f.hits) / max(julianday(l.observed_at) - julianday(f.observed_at), 1.0), 1) as per_day
from obs f join obs l on l.id = f.id and l.n = l.total
join articles a on a.id = f.id
where f.n = 1
order by growth desc
limit 100""",
    },
    "revisions": {
        "title": "บทความที่ถูกแก้ไข (revised articles)",
        "description": "Articles whose title or body changed after they were first harvested.",
        "sql": """select r.id, a.title, a.office, count(*) as revisions,
       min(r.observed_at) as first_observed, max(r.observed_at) as last_revised
from revisions r join articles a on a.id = r.id
group by r.id
having count(*) > 1
order by revisions desc, last_revised desc""",
    },
    "stale_portals": {
        "title": "พอร์ทัลที่ไม่มีบทความใหม่ (portals with no new article in N days)",
        "description": "Days counted from today to the newest published date of each portal.",
        "sql": """select site, office, articles, last_published,
       cast(julianday('now') - julianday(last_published) as integer) as days_since_published,
       last_new as last_new_article_found
from portals
where last_published is null
   or julianday('now') - julianday(last_published) >= cast(coalesce(nullif(:days, ''), '30') as real)
order by days_since_published desc""",
    },
    "search": {
        "title": "ค้นหา (Thai full-text search)",
        "description": "Title and body, any substring of 3 characters or more (FTS5 trigram; see docs).",
        "sql": f"""select id, title, office, published, hits
from articles
where rowid in (select rowid from articles_fts where articles_fts match {_MATCH})
order by published desc""",
    },
}


def metadata(db_name: str) -> dict:
    """Datasette metadata: titles, descriptions from the record schema, facets, canned queries."""
    props = record_schema()["properties"]
    columns = {name: prop.get("description", "") for name, prop in props.items()}
    columns.update({
        "year": "Gregorian year of published", "portal_group": "ส่วนกลาง, กรุงเทพมหานคร, ส่วนภูมิภาค or อื่น ๆ",
        "attachments_count": "number of attachments", "first_seen": "UTC time the harvest first found the article",
        "last_seen": "UTC time the harvest last saw the article"})
    assert set(EXTRA_COLUMNS) <= set(columns)
    portal_columns = {f"coverage_{f}": f"share of the portal's articles with a {f}" for f in COVERAGE_FIELDS}
    portal_columns.update({
        "last_published": "newest published date of the portal",
        "days_since_published": "days from the database build to last_published",
        "last_new": "when the harvest last found a new article of the portal (UTC)",
        "days_since_new": "days from the database build to last_new"})
    return {
        "title": "labour-scraper: ข่าวและประกาศของสำนักงานสวัสดิการและคุ้มครองแรงงาน",
        "description": "Articles harvested from the portals of Thailand's labour protection offices. "
                       "Search in Thai on the articles table (3 characters or more).",
        "source": "labour-scraper", "source_url": "https://github.com/labour-scraper/labour-scraper",
        "databases": {db_name: {
            "tables": {
                "articles": {
                    "description": "One row per article: the record (scraper/schema/record.schema.json, "
                                   "docs/record.md) with derived province, Bangkok area, fiscal year and month.",
                    "columns": columns, "facets": list(FACETS), "sort_desc": "published",
                    "label_column": "title", "fts_table": "articles_fts", "fts_pk": "rowid",
                },
                "hits": {"description": "Every hit count observed (source: article page or listing).",
                         "columns": {"observed_at": "UTC time of the observation", "source": "article or listing"},
                         "facets": ["site", "source"]},
                "revisions": {"description": "A revision whenever an article's title or body changed.",
                              "facets": ["site"]},
                "portals": {"description": "Per portal: articles, field coverage and freshness.",
                            "columns": portal_columns, "sort_desc": "articles", "facets": ["portal_group"]},
                "about": {"hidden": True},
            },
            "queries": CANNED,
        }},
    }


# -- the Datasette plugin: ``search_text()`` for the canned queries ----------------------------------


def _register_plugin() -> None:
    from datasette import hookimpl
    from datasette.plugins import pm

    from scraper.analysis import search

    class ThaiSearchPlugin:
        __name__ = "labour_scraper_thai_search"

        @staticmethod
        @hookimpl
        def prepare_connection(conn):
            search.register_functions(conn)

    if not pm.has_plugin(ThaiSearchPlugin.__name__):
        pm.register(ThaiSearchPlugin(), name=ThaiSearchPlugin.__name__)


def datasette_app(db_path: Path):
    """The Datasette instance serving ``db_path`` immutable, with our metadata and plugin."""
    from datasette.app import Datasette

    _register_plugin()
    ds = Datasette(immutables=[str(db_path)], metadata=metadata(db_path.stem),
                   settings={"sql_time_limit_ms": 5000, "facet_time_limit_ms": 1000,
                             "default_page_size": 50, "allow_download": False})
    return ds


def serve(db_path: Path, host: str, port: int, *, ready=None) -> None:
    """Serve until interrupted. ``ready(url)`` is called once the server listens."""
    import uvicorn

    ds = datasette_app(db_path)
    asyncio.run(ds.invoke_startup())
    config = uvicorn.Config(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    url = f"http://{host}:{port}/{db_path.stem}"
    print(f"labour-scraper: browse {url}  (Ctrl-C to stop)", file=sys.stderr, flush=True)
    if ready:
        ready(url)
    server.run()
