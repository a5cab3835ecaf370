"""Store: every record upserted into the harvest store (``LABOUR_STORE``: SQLite or PostgreSQL),
with first/last seen, a revision whenever title or body changes, and the hit-count history.

The spider also hands over :class:`scraper.items.ListingHits` (hit counters a listing page
shows for articles it did not refetch); they are recorded here and go no further.
"""

from __future__ import annotations

from scrapy.exceptions import DropItem, NotConfigured

from scraper.items import ListingHits


class HarvestStorePipeline:
    def __init__(self, location: str, stats, lock: bool, crawler=None):
        self.crawler = crawler
        self.location = location
        self.stats = stats
        self.take_lock = lock
        self.store = None
        self._lock_cm = None

    @classmethod
    def from_crawler(cls, crawler):
        location = crawler.settings.get("LABOUR_STORE")
        if not location:
            raise NotConfigured  # no store configured: this stage is off (no message: no warning)
        # `labour-scraper crawl --store` holds the lock itself (exit code 3 when taken); runs
        # through `scrapy crawl` or Scrapyd take it here.
        return cls(location, crawler.stats, not crawler.settings.getbool("LABOUR_STORE_LOCK_HELD"), crawler)

    def open_spider(self, spider=None):
        from scraper.storage import open_store

        self.store = open_store(self.location)
        if self.take_lock:
            # the spider's portals only (PostgreSQL): one Scrapyd job per portal, all into one store
            spider = spider or getattr(self.crawler, "spider", None)
            portals = [s.id for s in getattr(spider, "sites", ())] or None
            self._lock_cm = self.store.lock(portals)
            self._lock_cm.__enter__()  # raises StoreLocked: the crawl must not run
        self.store.migrate()

    def close_spider(self, spider=None):
        outcomes = getattr(getattr(self.crawler, "spider", None), "link_outcomes", None)
        if self.store is not None and outcomes is not None:
            # what each listing link showed and led to: the next incremental run skips it unless
            # the listing shows something else (scraper/spiders/portal.py: follow)
            self.store.observe_links(outcomes())
        if self._lock_cm is not None:
            self._lock_cm.__exit__(None, None, None)
        if self.store is not None:
            self.store.close()

    def process_item(self, item, spider=None):
        from datetime import datetime, timezone

        if isinstance(item, ListingHits):
            from pipelines.normalize import parse_hits

            hits = parse_hits(item.hits_raw, [])
            if hits is not None and self.store.observe_hits(item.article_id, hits, item.observed_at, source="listing"):
                self.stats.inc_value("labour/store/listing_hits")
            raise DropItem(f"listing hits recorded for {item.article_id}", log_level="DEBUG")
        if isinstance(item, dict):
            observed = item.get("scraped_at")
            when = (datetime.strptime(observed, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
                    if observed else datetime.now(timezone.utc))
            outcome = self.store.observe_record(item, when)
            self.stats.inc_value(f"labour/store/{outcome}")
        return item
