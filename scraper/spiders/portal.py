"""``portal``: one generic spider for every labour-office portal (navigation only).

From each start URL (category listings, feeds, sitemaps, or the portal's home page) it reads
listings, follows their pagination and sections, recognizes article links, and hands article
pages to :func:`scraper.pages.rules.parse_article`. It stays on the portal's hosts, requests each
article once (by its Joomla/WordPress id when the URL has one), skips articles already in the
output of an interrupted run, and with ``since`` stops paging once a listing is older.

    scrapy crawl portal -a site=area10 -O out.jsonl
    scrapy crawl portal -a start_url=https://example.labour.go.th/ -a since=2567-10-01
"""

from __future__ import annotations

import socket
from collections import Counter, deque
from datetime import date, datetime, timezone
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import sitemap_urls_from_robots
from twisted.internet.error import TimeoutError as TxTimeoutError
from w3lib.encoding import http_content_type_encoding

from pipelines.jsonlines import existing_records
from pipelines.normalize import canonical, parse_and_normalize, url_key
from scraper.budget import PageBudgetSpent
from scraper.fleet import apply_run_settings
from scraper.hostpolicy import OffsiteRequest, allowed, check_start_url, starts_on_private
from scraper.items import ArticlePage, Failure, ListingHits
from scraper.pages.rules import parse_article, parse_listed_article
from scraper.parsers.decode import decode_html
from scraper.parsers.errors import ExtractionError, NotAnArticle, StaticPage
from scraper.parsers.fields import article_id_from_url
from scraper.parsers.listing import (
    Listing,
    is_listing_url,
    is_paging_url,
    looks_like_feed,
    parse_feed,
    parse_listing,
)
from scraper.parsers.thaidate import parse_date, parse_iso
from scraper.registry import Site, load_sites, normalize_host
from scraper.traps import PatternBudget, strip_session_ids
from scraper.workers import WorkerPool, call_each

#: Article pages go before further listing pages, so that pending requests stay few (memory stays
#: flat however large the portal) and records flow from the first minute.
ARTICLE_PRIORITY = 10


def parse_since(value: str | date | None) -> date | None:
    """``2024-10-01`` or a Buddhist-era ``2567-10-01`` (or any Thai date form) -> a date."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    result = parse_iso(value.strip())
    if not result:
        result = parse_date(value.strip())
    if not result:
        raise ValueError(f"since: not a date: {value!r} ({result.reason})")
    v = result.value
    return v.date() if isinstance(v, datetime) else v


def site_for_start_url(url: str) -> Site:
    """A registry-less portal from a bare start URL (any Joomla portal works this way)."""
    url = check_start_url(url)
    host = normalize_host(url) or "portal"
    parts = urlsplit(url)
    return Site(id=host, office=None, base_url=f"{parts.scheme}://{parts.netloc}/", start_urls=(url,),
                hosts=(parts.hostname,), checked=False, note="bare --start-url", settings={})


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, site: str | None = None, all: str | None = None, start_url: str | None = None,
                 since: str | None = None, sites: list[Site] | None = None, **kwargs):
        super().__init__(**kwargs)
        chosen: list[Site] = list(sites or [])
        if site:
            registry = load_sites()
            for sid in str(site).split(","):
                sid = sid.strip()
                if sid not in registry:
                    raise ValueError(f"unknown site id {sid!r} (see `labour-scraper sites`)")
                chosen.append(registry[sid])
        if all and str(all).lower() not in ("0", "false", "no"):
            chosen.extend(load_sites().values())
        if start_url:
            chosen.extend(site_for_start_url(u.strip()) for u in str(start_url).split(",") if u.strip())
        if not chosen:
            raise ValueError("give a site (-a site=ID), all (-a all=1) or a start URL (-a start_url=URL)")
        self.sites = chosen
        self.since = parse_since(since)
        self.allowed_domains = sorted({h for s in chosen for h in s.hosts if h})
        self._hosts = {h.lower() for h in self.allowed_domains}
        #: started on loopback or a private address (a local portal): the host policy allows the
        #: portal's own hosts there (scraper/hostpolicy.py; read by HostPolicyMiddleware too)
        self.start_on_private = starts_on_private(u for s in chosen for u in s.start_urls)
        self.pattern_budget = PatternBudget(0)
        self.stale_pages_limit = 0
        self.scheduled: set[str] = set()  # article keys requested in this run
        self.observed: set[str] = set()  # known articles seen unchanged in a listing in this run
        self.hits_observed: set[str] = set()  # ... whose hit counter a listing showed
        self.sitemap_backlog: deque = deque()  # (site, ListingEntry) from sitemaps, fed in when idle
        self.written_ids: set[str] = set()
        self.written_urls: set[str] = set()
        self.known: dict = {}  # id -> scraper.storage.KnownArticle, when harvesting into a store
        self.known_by_url: dict = {}
        self.newest: dict[str, str] = {}  # site id -> newest published date stored (ISO)
        self.harvesting = False  # into a store (LABOUR_STORE): incremental
        self.links: dict = {}  # link -> (article id or None, shown): what the store remembers of listings
        self.seen_links: dict[str, tuple] = {}  # link -> (article key, shown, known id): this run's
        self.record_ids: dict[str, str] = {}  # article key -> id of the record it gave (stored or duplicate)
        self.failed_keys: set[str] = set()  # article keys whose page failed for good (404/410, not an article)
        self.sef_urls: dict[str, str] = {}  # article key -> the first SEF link a listing showed for it
        self.failed_hosts: dict[str, Counter] = {}  # host -> network failure kind -> count

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        output = crawler.settings.get("LABOUR_OUTPUT")
        if output:
            spider.written_ids, urls = existing_records(output)
            spider.written_urls = {url_key(u) for u in urls}  # port-free: the demo's port changes
        spider.section_depth = crawler.settings.getint("LABOUR_SECTION_DEPTH", 3)
        spider.refetch = crawler.settings.get("LABOUR_REFETCH", "changed")
        if spider.refetch not in ("changed", "hits", "always", "never"):
            raise ValueError(f"LABOUR_REFETCH: unknown policy {spider.refetch!r} (changed, hits, always, never)")
        spider.incremental_depth = crawler.settings.getint("LABOUR_INCREMENTAL_DEPTH", 1)
        spider.stale_pages_limit = crawler.settings.getint("LABOUR_TRAP_STALE_PAGES", 3)
        spider.pattern_budget = PatternBudget(crawler.settings.getint("LABOUR_TRAP_PATTERN_BUDGET", 100))
        # the run's own settings from its portals (per-portal slots, total concurrency, workers):
        # here, because only here are both the portals and unfrozen settings at hand (scraper/fleet.py)
        apply_run_settings(crawler.settings, spider.sites)
        spider.workers = WorkerPool.for_crawler(crawler)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        store = crawler.settings.get("LABOUR_STORE")
        spider.harvesting = bool(store)
        if store:
            spider.load_known(store)
            crawler.signals.connect(spider.on_item_done, signal=signals.item_scraped)
            crawler.signals.connect(spider.on_item_done, signal=signals.item_dropped)
        return spider

    def on_item_done(self, item, spider=None, exception=None, **kwargs):
        """Which article key led to which record (stored, or a duplicate of one), or failed for good:
        the store pipeline remembers each listing link's outcome at the end (store.observe_links)."""
        from scraper.items import Failure

        key = getattr(item, "request_key", None) if isinstance(item, dict) else getattr(item, "key", None)
        if not key:
            return
        if isinstance(item, dict):
            if exception is None or str(exception).startswith("duplicate id"):
                self.record_ids[key] = item["id"]
        elif isinstance(item, Failure) and (item.stage != "fetch" or item.reason in ("HTTP 404", "HTTP 410")):
            self.failed_keys.add(key)

    def link_outcomes(self) -> list[tuple[str, str | None, str | None]]:
        """``(link, article id or None, shown)`` for every listing link of this run whose outcome is
        settled and differs from what the store holds: the article it led to (fetched this run, or
        known and not refetched), or None for a page that failed for good. Links whose fetch failed
        for a passing reason (or never ended) are left out: the next run tries them again."""
        rows = []
        for link, (key, shown, known_id) in self.seen_links.items():
            if key in self.record_ids:
                article_id = self.record_ids[key]
            elif key in self.failed_keys:
                article_id = None
            elif known_id is not None and key not in self.scheduled:
                article_id = known_id
            else:
                continue
            if self.links.get(link) != (article_id, shown):
                rows.append((link, article_id, shown))
        return rows

    def load_known(self, location: str) -> None:
        """Articles already in the harvest store: the crawl becomes incremental."""
        from scraper.storage import open_store

        store = open_store(location)
        try:
            store.migrate()
            self.known = store.known_articles(sites=None)
            self.links = store.known_links()
        finally:
            store.close()
        self.known_by_url = {_url_key(k.site, k.url): k for k in self.known.values() if k.url}
        for k in self.known.values():
            if k.published and (k.site not in self.newest or k.published[:10] > self.newest[k.site]):
                self.newest[k.site] = k.published[:10]


    async def start(self):
        if self.known:
            self.crawler.stats.set_value("labour/known_articles", len(self.known))
        for site in self.sites:
            for url in site.start_urls:
                yield scrapy.Request(url, callback=self.parse_page, errback=self.on_listing_error,
                                     meta={"site": site, "hops": 0}, dont_filter=True)
            if not self.since:  # sitemaps carry no publication dates to stop at
                yield scrapy.Request(urljoin(site.base_url, "/robots.txt"), callback=self.parse_robots,
                                     errback=self.on_robots_error, meta={"site": site, "hops": 0},
                                     dont_filter=True)

    def parse_robots(self, response):
        """The portal's ``Sitemap:`` lines (robots.txt itself is obeyed by Scrapy's middleware)."""
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            url = self._clean(url)
            if self._on_site(url):
                yield scrapy.Request(url, callback=self.parse_page, errback=self.on_listing_error,
                                     meta={"site": response.meta["site"], "hops": 0})

    def defer_sitemap(self, sitemap, response) -> None:
        """Keep a sitemap's article URLs (strings only) until the listings are done.

        A sitemap lists a whole portal at once; requesting it all at once would hold tens of
        thousands of requests in memory. Listings come first (with their dates and hit
        counters); the sitemap then fills the gaps, in batches, whenever the crawl goes idle.
        """
        site = response.meta["site"]
        self.sitemap_backlog.extend((site, entry) for entry in sitemap.articles)
        self.crawler.stats.inc_value("labour/sitemap_urls", len(sitemap.articles))

    def on_idle(self):
        if not self.sitemap_backlog:
            return
        batch = []
        while self.sitemap_backlog and len(batch) < SITEMAP_BATCH:
            site, entry = self.sitemap_backlog.popleft()
            listing = Listing(articles=[entry])
            fake = _SitemapResponse(site)
            batch.extend(r for r in self.follow(listing, fake) if isinstance(r, scrapy.Request))
        for request in batch:
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def on_robots_error(self, failure):
        kind = error_kind(failure)
        if kind in NETWORK_KINDS:  # counted for its host; robots.txt itself is optional
            self.failed_hosts.setdefault(urlsplit(failure.request.url).netloc, Counter())[kind] += 1
            self.logger.warning("robots.txt %s failed: %s", failure.request.url, describe_failure(failure))
        else:
            self.logger.debug("no robots.txt for sitemaps: %s", describe_failure(failure))

    # --- pages -------------------------------------------------------------------------------

    async def parse_page(self, response):
        """A start URL, listing, feed or sitemap, or a page reached through a menu or section link.

        None of these is ever recorded: articles become records only as entries of a listing,
        feed or sitemap (:meth:`follow`), by their own id. A page of no known listing shape is
        offered to the article parser only to count it: one that parses as an article, or that
        the parser tells a page of the site (:class:`StaticPage`), is a static page (about,
        contact, a menu-only single article, a home page showing a whole article, a directory),
        counted in ``labour/static_pages``; its links are followed as a listing's.
        """
        if looks_like_feed(response.body):
            feed = self._feed(response)
            if feed.is_sitemap:
                self.defer_sitemap(feed, response)
                feed.articles = []
            else:
                self.count_listing(response, feed)
            for out in self.follow(feed, response):
                yield out
            return
        declared = _declared_encoding(response)
        if is_listing_url(response.url):
            listing = await self._listing(response)
        else:
            # the article parser only counts static pages; the listing parser gives the links; one
            # worker task for both (the page crosses to the worker once)
            (static, why), parsed = await self.workers.run(
                call_each, [(parse_article, (response.body, response.url, declared)),
                            (parse_listing, (response.body, response.url, declared))], urgent=True)
            if static or isinstance(why, StaticPage):  # read as an article, or told a page of the site
                self.crawler.stats.inc_value("labour/static_pages")
                self.logger.debug("static page, not recorded (reached as a start URL or from a menu): %s",
                                  response.url)
            elif not isinstance(why, ExtractionError):  # not a home page, a listing at a section URL,
                raise why  # an unreadable page (links only, as below): a bug, as it was in-process
            listing = await self._listing(response, parsed)
        self.count_listing(response, listing)
        for out in self.follow(listing, response):
            yield out

    def count_listing(self, response, listing) -> None:
        """Listing pages read and the article links they showed, per portal: a theme change that
        hides the listings' articles from our parser shows here (scraper/health.py)."""
        site = response.meta["site"].id
        self.crawler.stats.inc_value(f"labour/health/listing_pages/{site}")
        self.crawler.stats.inc_value(f"labour/health/listing_articles/{site}", len(listing.articles))

    async def parse_article_page(self, response):
        """Hand the page to the article parser and the record to the normalizer, in one task (in a
        worker process when LABOUR_WORKERS > 0); NormalizePipeline takes the record from the item."""
        site = response.meta["site"]
        key = response.meta.get("key")
        self.crawler.stats.inc_value("labour/article_pages")
        scraped_at = datetime.now(timezone.utc)
        try:
            raw, record, error = await self.workers.run(
                parse_and_normalize, parse_listed_article, response.body, response.url, _declared_encoding(response),
                site, scraped_at, self.sef_urls.get(key))
        except NotAnArticle as exc:
            self.crawler.stats.inc_value("labour/article_pages", -1)
            listing = await self._listing(response)
            if listing.articles or listing.next_pages:
                self.crawler.stats.inc_value("labour/listing_at_article_url")
                for out in self.follow(listing, response):
                    yield out
            else:
                yield Failure(response.url, "extract", str(exc), site.id, key=response.meta.get("key"))
            return
        except ExtractionError as exc:
            yield Failure(response.url, "extract", str(exc), site.id, key=key)
            return
        yield ArticlePage(response.url, raw or {}, site, scraped_at, key=key, record=record, normalize_error=error)

    def _feed(self, response):
        """A feed or sitemap; one that fails to parse is a listing error with its reason (then
        whatever lxml can recover from it is still followed)."""
        try:
            return parse_feed(response.body, response.url)
        except ExtractionError as exc:
            reason = str(exc)
        self.crawler.stats.inc_value("labour/errors/feed_unreadable")
        self.crawler.stats.inc_value("labour/listing_errors")
        self.logger.warning("feed %s unreadable: %s", response.url, reason)
        try:
            return parse_feed(response.body, response.url, recover=True)
        except ExtractionError:
            return Listing()

    async def _listing(self, response, parsed: tuple | None = None):
        """The page's listing (parsed in a worker when LABOUR_WORKERS > 0), or ``parsed``'s, an
        ``(ok, listing or exception)`` of :func:`scraper.workers.call_each`."""
        declared = _declared_encoding(response)
        try:
            if parsed is None:  # urgent: its links are the host's next requests (scraper/workers.py)
                return await self.workers.run(parse_listing, response.body, response.url, declared, urgent=True)
            ok, value = parsed
            if ok:
                return value
            raise value
        except ExtractionError as exc:
            reason = str(exc)
        if reason.startswith("undecodable"):
            # a stray bad byte must not hide a page's links: navigate on the least damaged decoding
            text, _ = decode_html(response.body, declared, errors="replace")
            self.crawler.stats.inc_value("labour/listing_undecodable_bytes")
            try:
                return parse_listing(text.replace("\ufffd", "?").encode("utf-8"), response.url, "utf-8")
            except ExtractionError as exc:
                reason = str(exc)
        self.crawler.stats.inc_value("labour/errors/listing_unreadable")
        self.logger.warning("listing %s unreadable: %s", response.url, reason)
        return Listing()

    # --- navigation --------------------------------------------------------------------------

    def follow(self, listing, response):
        site: Site = response.meta["site"]
        hops = response.meta.get("hops", 0)
        stats = self.crawler.stats
        dated = older = 0
        on_site = known_unchanged = known_old = 0
        fresh = 0  # articles this run had not seen before this page
        for entry in listing.articles:
            entry.url = self._clean(entry.url)
            if not self._on_site(entry.url):
                stats.inc_value("labour/offsite_links")
                continue
            on_site += 1
            # the date a listing shows matters for --since and, harvesting into a store, for
            # refetching; a plain crawl does not parse it
            shown = _shown_day(entry) if self.since or self.harvesting else None
            if self.since and shown:
                dated += 1
                if shown < self.since:
                    older += 1
                    stats.inc_value("labour/older_than_since")
                    continue
            # the entry's keys from one canonical form and one id (article_key, _url_key, url_key)
            canon = canonical(entry.url)
            aid = article_id_from_url(entry.url)
            key = f"{site.id}:{int(aid)}" if aid else canon
            parts = urlsplit(canon)
            link = f"{site.id}:{parts.path}?{parts.query}"
            mark = self.links.get(link)  # what this link's listing showed when we last fetched it
            shown_iso = shown.isoformat() if shown else None
            if key not in self.sef_urls and aid and not urlsplit(entry.url).query:
                self.sef_urls[key] = entry.url  # the record's url when the page names no canonical link
            known = self.known.get(key) or self.known_by_url.get(link)
            if known is None and mark and mark[0]:
                known = self.known.get(mark[0])  # a moved link (it redirected to this article last time)
            if self.harvesting:  # into a store: remember what this link showed
                self.seen_links[link] = (key, shown_iso, known.id if known is not None else None)
            if (mark and mark[0] is None and mark[1] == shown_iso and self.refetch != "always"
                    and known is None and key not in self.scheduled):
                stats.inc_value("labour/known_failed")  # failed for good last time; the listing shows no change
                continue
            if known is not None and not self.needs_refetch(known, entry, shown, mark):
                known_unchanged += 1
                newest = self.newest.get(known.site)
                if newest and (shown.isoformat() if shown else (known.published or "")[:10]) < newest:
                    known_old += 1
                # not "scheduled": a later listing that shows a change still gets it fetched
                if key not in self.observed:
                    self.observed.add(key)
                    fresh += 1
                    stats.inc_value("labour/known_unchanged")
                if entry.hits_raw and key not in self.hits_observed:
                    self.hits_observed.add(key)
                    yield ListingHits(known.id, entry.hits_raw, datetime.now(timezone.utc))
                continue
            if key in self.scheduled:
                continue
            self.scheduled.add(key)
            fresh += 1
            if key in self.written_ids or (self.written_urls and _written_key(parts) in self.written_urls):
                stats.inc_value("labour/skipped_already_written")
                continue
            stats.inc_value("labour/articles_found" if known is None else "labour/refetched_changed")
            yield scrapy.Request(entry.url, callback=self.parse_article_page, errback=self.on_article_error,
                                 meta={"site": site, "hops": hops, "key": key}, dont_filter=True,
                                 priority=ARTICLE_PRIORITY)
        if self.since and dated and older == dated:
            stats.inc_value("labour/paging_stopped_since")
            return  # every dated article on this page is older than `since`: stop paging
        stale = response.meta.get("stale", 0)
        if on_site and known_unchanged == on_site and known_old == on_site:
            stale += 1  # only known, unchanged articles older than the newest stored
            if stale > self.incremental_depth:
                stats.inc_value("labour/paging_stopped_known")
                return
        else:
            stale = 0
        # a trap's pagination: consecutive pages along this chain of next-page links that
        # brought no article new to this run
        no_new = 0 if fresh else response.meta.get("no_new", 0) + 1
        next_pages = listing.next_pages
        if next_pages and 0 < self.stale_pages_limit <= no_new:
            stats.inc_value("traps/paging_no_new")
            next_pages = []
        for url in next_pages:
            url = self._clean(url)
            if self._listing_allowed(url):
                yield scrapy.Request(url, callback=self.parse_page, errback=self.on_listing_error,
                                     meta={"site": site, "hops": hops, "stale": stale, "no_new": no_new})
        if hops < self.section_depth:
            for url in listing.sections:
                url = self._clean(url)
                if self._listing_allowed(url):
                    yield scrapy.Request(url, callback=self.parse_page, errback=self.on_listing_error,
                                         meta={"site": site, "hops": hops + 1})

    def _clean(self, url: str) -> str:
        """The URL without session ids (scraper/traps.py), counted when there were some."""
        cleaned = strip_session_ids(url)
        if cleaned != url:
            self.crawler.stats.inc_value("traps/session_ids")
        return cleaned

    def _listing_allowed(self, url: str) -> bool:
        """A listing, section or next-page link: on the portal, and within its pattern's budget
        unless it is plain pagination (scraper/traps.py)."""
        if not self._on_site(url):
            self.crawler.stats.inc_value("labour/offsite_links")
            return False
        if not is_paging_url(url) and not self.pattern_budget.take(url):
            self.crawler.stats.inc_value("traps/pattern_budget")
            return False
        return True

    def needs_refetch(self, known, entry, shown: date | None, mark: tuple | None = None) -> bool:
        """Whether a known article is fetched again, by the LABOUR_REFETCH policy.

        ``changed``: the listing shows a date that is neither the stored published/modified date
        nor the date this same link showed when the article was last fetched (``mark``; a listing
        may show a date the article page does not, e.g. a feed's pubDate)."""
        if self.refetch == "always":
            return True
        if self.refetch == "never":
            return False
        if shown is not None and not (mark and mark[0] == known.id and mark[1] == shown.isoformat()):
            stored = {d[:10] for d in (known.published, known.modified) if d}
            if stored and shown.isoformat() not in stored:
                return True
        if self.refetch == "hits" and entry.hits_raw:
            from pipelines.normalize import parse_hits

            return parse_hits(entry.hits_raw, []) != known.hits
        return False

    @staticmethod
    def article_key(site: Site, url: str) -> str:
        """The record id when the URL carries the article id, else the canonical URL."""
        aid = article_id_from_url(url)
        return f"{site.id}:{int(aid)}" if aid else canonical(url)

    def _on_site(self, url: str) -> bool:
        """The host policy (scraper/hostpolicy.py), the same that HostPolicyMiddleware enforces."""
        return allowed(url, self._hosts, self.start_on_private) is None

    # --- errors ------------------------------------------------------------------------------

    def on_article_error(self, failure):
        if failure.check(OffsiteRequest, PageBudgetSpent):
            return  # refused on purpose, counted where refused (offsite/*, labour/max_pages_not_sent)
        request = failure.request
        site = request.meta.get("site")
        reason = self.count_failure(failure, "article")
        yield Failure(request.url, "fetch", reason, getattr(site, "id", None), key=request.meta.get("key"))

    def on_listing_error(self, failure):
        if failure.check(OffsiteRequest, PageBudgetSpent):
            return  # refused on purpose, counted where refused
        self.count_failure(failure, "listing")
        self.crawler.stats.inc_value("labour/listing_errors")

    def count_failure(self, failure, what: str) -> str:
        """One WARNING line per failed request (the traceback only at DEBUG), counted by kind, and
        per host for network failures: a host that is down is summed up once at the end
        (:meth:`closed`) instead of flooding the log."""
        kind = error_kind(failure)
        reason = describe_failure(failure)
        self.crawler.stats.inc_value(f"labour/errors/{kind}")
        url = failure.request.url
        if kind in NETWORK_KINDS:
            host = urlsplit(url).netloc
            self.failed_hosts.setdefault(host, Counter())[kind] += 1
        self.logger.warning("%s %s failed: %s", what, url, reason)
        if kind in NETWORK_KINDS and str(self.settings.get("LOG_LEVEL", "")).upper() == "DEBUG":
            self.logger.debug("%s %s: traceback\n%s", what, url, failure.getTraceback())
        return reason

    def closed(self, reason):
        """A host that failed at the network level: one line with its count (also in the summary)."""
        for host, kinds in sorted(self.failed_hosts.items()):
            total = sum(kinds.values())
            self.logger.warning("host %s: %d request%s failed (%s)", host, total, "" if total == 1 else "s",
                                ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))


SITEMAP_BATCH = 200


class _SitemapResponse:
    """What follow() needs to know about where sitemap entries came from."""

    def __init__(self, site):
        self.meta = {"site": site, "hops": 0}


def _written_key(canonical_parts) -> str:
    """``pipelines.normalize.url_key`` of an http(s) URL, from its canonical form already split."""
    p = canonical_parts
    return f"{(p.hostname or '').removeprefix('www.')}{p.path}?{p.query}"


def _url_key(site_id: str | None, url: str) -> str:
    """A site's article URL without scheme and host: the same across a portal's host names
    (and across the random ports of the local demo portal)."""
    parts = urlsplit(canonical(url))
    return f"{site_id}:{parts.path}?{parts.query}"


def _shown_day(entry) -> date | None:
    """The date a listing shows for an entry (a date, in Bangkok), if any."""
    if not entry.published_raw:
        return None
    shown = parse_date(entry.published_raw)
    if not shown:
        return None
    return shown.value.date() if isinstance(shown.value, datetime) else shown.value


def _declared_encoding(response) -> str | None:
    return http_content_type_encoding(response.headers.get("Content-Type", b"").decode("latin-1"))


#: Failure kinds of requests that never got an HTTP answer; counted in ``labour/errors/<kind>`` and
#: per host in ``labour/failed_hosts``, so that a host that is down is reported once with its count.
NETWORK_KINDS = ("dns", "refused", "timeout", "tls", "other")


def error_kind(failure) -> str:
    """``http_<status>``, ``ignored`` (robots.txt, size cap), or a network kind (NETWORK_KINDS)."""
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(IgnoreRequest):
        return "ignored"
    return network_kind(failure.value)


def network_kind(exc: BaseException) -> str:
    """What went wrong below HTTP, read from the exception and its causes (Scrapy wraps Twisted's
    and the TLS library's errors in its own ``Download*Error`` classes)."""
    chain, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__
    for e in chain:
        name = type(e).__name__
        module = type(e).__module__ or ""
        if name in ("CannotResolveHostError", "DNSLookupError") or isinstance(e, socket.gaierror):
            return "dns"
        if name in ("DownloadConnectionRefusedError", "ConnectionRefusedError"):
            return "refused"
        if name in ("DownloadTimeoutError", "TCPTimedOutError", "UserTimeoutError") or isinstance(
                e, (TxTimeoutError, TimeoutError)):
            return "timeout"
        if "SSL" in name or "TLS" in name or module.startswith(("OpenSSL", "ssl", "service_identity")):
            return "tls"
    text = " ".join(str(e) for e in chain).lower()
    if "ssl" in text or "tls" in text or "certificate" in text or "handshake" in text:
        return "tls"
    return "other"


def describe_failure(failure) -> str:
    """One line: ``HTTP 404``, or the kind and the exception (``refused: DownloadConnectionRefusedError: ...``)."""
    if failure.check(HttpError):
        response = failure.value.response
        return f"HTTP {response.status}"
    value = failure.value
    detail = " ".join(f"{type(value).__name__}: {value}".split())
    if failure.check(IgnoreRequest):
        return detail
    return f"{network_kind(value)}: {detail}"
