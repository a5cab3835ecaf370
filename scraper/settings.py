"""Every default of a crawl, in one place.

Polite by default: robots.txt obeyed, AutoThrottle, at most 2 requests in flight per host, an
honest User-Agent, retries with exponential backoff that honour ``Retry-After``, download
timeout and size caps. ``POLITENESS_RELAXED`` (below) is for local benchmarks only.
"""

from scraper import __version__

BOT_NAME = "labour-scraper"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"

PROJECT_HOMEPAGE = "https://github.com/labour-scraper/labour-scraper"
USER_AGENT = f"labour-scraper/{__version__} (+{PROJECT_HOMEPAGE}; research harvester of public labour news)"

# --- politeness -------------------------------------------------------------------------------
ROBOTSTXT_OBEY = True
#: The least total concurrency; a run raises it to the sum of its portals' per-host limits (88
#: portals x 2), at most LABOUR_CONCURRENT_REQUESTS_MAX (scraper/fleet.py). A fixed 16 made 88
#: hosts share 16 requests: none ever had a second one in flight.
CONCURRENT_REQUESTS = 16
LABOUR_CONCURRENT_REQUESTS_MAX = 256
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
DOWNLOAD_DELAY_JITTER = 0.5  # +-50% around DOWNLOAD_DELAY
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
COOKIES_ENABLED = False
#: Items processed in parallel per response. Scrapy starts this many cooperative tasks (and a
#: Cooperator) for every callback's output, whatever its length: with 8 that was a fifth of the
#: reactor's time in a broad crawl. An article page yields one item, a listing requests (queued at
#: once) and, harvesting into a store, hit counts recorded synchronously: nothing to overlap.
CONCURRENT_ITEMS = 1
#: Response bytes waiting to be parsed before the engine stops downloading (Scrapy: 5 MB). A
#: broad crawl downloads ~176 pages at once; when parsing falls behind for a moment (a burst of
#: pages, another program taking the CPU), 5 MB stopped every host at once, and a host's idle
#: second is never made up. The workers catch up on the backlog instead; the polite pace of each
#: host does not change. Ctrl-C (a graceful stop) still parses what was downloaded: at most this.
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 50_000_000
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
# With the asyncio reactor a local test server saw 4 to 7 requests in flight under
# CONCURRENT_REQUESTS_PER_DOMAIN=2; the epoll reactor keeps exactly 2 (checked server-side in
# tests/test_crawl_faults.py).
TWISTED_REACTOR = "twisted.internet.epollreactor.EPollReactor"

# --- many portals in one run (Scrapy's broad-crawl guide; per host nothing changes) -------------
#: One queue per download slot, requests taken from the slots with the fewest in the downloader:
#: with the default queue a few hosts with long backlogs fill the downloader and the others wait.
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"
#: DNS lookups go through the reactor's thread pool; ~90 hosts resolving at start need more than 10.
REACTOR_THREADPOOL_MAXSIZE = 20
DNSCACHE_ENABLED = True
DNSCACHE_SIZE = 10000
#: Scrapy's downloader, drawing each jittered delay once per interval (scraper/fleet.py): with
#: Scrapy's own a host got one request per ~0.61 s instead of the 0.5 s set above.
DOWNLOADER = "scraper.fleet.SteadyJitterDownloader"

# --- retries: 5xx, timeouts and 429, with backoff and Retry-After --------------------------------
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 1.0  # seconds; doubled on each retry of the same request
RETRY_BACKOFF_MAX = 60.0
RETRY_AFTER_MAX = 300.0  # longest Retry-After we are willing to wait
#: Scrapy logs a request it gives up on at ERROR; the spider's errback then logs the one WARNING
#: line of that failed request (with its kind: dns, refused, timeout, tls, other), so this is DEBUG.
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"

#: Every request and item a callback yields passes through each spider middleware's async layer.
#: Two of Scrapy's defaults do nothing for this crawl: DepthMiddleware (no DEPTH_LIMIT or
#: DEPTH_PRIORITY; the spider counts its own category hops, LABOUR_SECTION_DEPTH) and
#: MetaCopyDetectionMiddleware (a warning for spiders that copy response.meta; this one builds
#: each request's meta). Without them, ~0.5 ms less reactor time a page in the 88-host bench.
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
}

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scraper.middlewares.BackoffRetryMiddleware": 550,
    # one host policy for every request, redirects included (scraper/hostpolicy.py): Scrapy's
    # OffsiteMiddleware lets dont_filter requests and their redirects through
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "scraper.hostpolicy.HostPolicyMiddleware": 50,
    # --max-pages N: at most N requests sent (scraper/budget.py); after the HTTP cache (900)
    "scraper.budget.PageBudgetMiddleware": 950,
    # a portal's own DOWNLOAD_TIMEOUT from sites.toml, before DownloadTimeoutMiddleware (350)
    "scraper.fleet.SlotTimeoutMiddleware": 340,
}

# --- HTTP cache: opt-in (`labour-scraper crawl --http-cache`) ----------------------------------
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_EXPIRATION_SECS = 24 * 3600
HTTPCACHE_IGNORE_HTTP_CODES = [500, 502, 503, 504, 408, 429]

# --- records: normalize -> validate -> quarantine -> since -> dedupe -> store -> JSON Lines output
ITEM_PIPELINES = {
    "pipelines.normalize.NormalizePipeline": 100,
    "pipelines.validate.ValidatePipeline": 200,
    "pipelines.quarantine.QuarantinePipeline": 300,
    "pipelines.since.SincePipeline": 350,
    "pipelines.dedupe.DedupePipeline": 400,
    "pipelines.store.HarvestStorePipeline": 450,
    "pipelines.jsonlines.JsonLinesOutputPipeline": 500,
}
#: JSON Lines output written by pipelines/jsonlines.py (crash-safe, resumable). Empty: no file.
LABOUR_OUTPUT = ""
#: Set by `labour-scraper crawl`, which holds ``<output>.lock`` itself (exit code 3 when another crawl
#: holds it); otherwise (scrapy crawl, Scrapyd) the JSON Lines pipeline takes that lock.
LABOUR_OUTPUT_LOCK_HELD = False
#: Quarantine JSON Lines (url, stage, reason); default: ``<output>.quarantine.jsonl``.
LABOUR_QUARANTINE = ""
#: Summary JSON written at the end; default: ``<output>.summary.json``.
LABOUR_SUMMARY = ""
#: Seconds between progress lines (a live bar on a terminal).
LABOUR_PROGRESS_INTERVAL = 10.0
#: Worker processes for parsing and normalizing (0: in the crawl's own process; -1: auto, from the
#: pages a second the run's portals can politely deliver times LABOUR_PAGE_CPU_S, see
#: scraper/fleet.py: auto_workers). See scraper/workers.py.
LABOUR_WORKERS = -1
#: CPU seconds one page costs the crawl (fetch handling, parsing, normalizing), for LABOUR_WORKERS=-1:
#: benchmarks/fleet_bench.py measured 11.7-12.6 ms a page (crawl process and workers together).
LABOUR_PAGE_CPU_S = 0.012
#: LABOUR_WORKERS=-1 starts workers once parsing would need this share of a core.
LABOUR_WORKERS_AUTO_LOAD = 0.5
#: A portal without a delay answers in about this many seconds (for LABOUR_WORKERS=-1).
LABOUR_ASSUMED_LATENCY = 0.5
#: Called once in each worker process before its first task (imports, the word dictionary).
LABOUR_WORKER_WARM_UP = "pipelines.normalize.warm_up"
#: Niceness of the worker processes: on a machine short of cores the reactor, whose timing is the
#: portals' pace, gets the CPU before the parsing backlog (scraper/workers.py). 0: as the crawl.
LABOUR_WORKER_NICE = 5
#: The address of the portal a job dir's queued requests name (``labour-scraper demo`` sets it to its
#: local server's base URL): when a resumed run's differs, the stale queue is dropped
#: (scraper/extensions.py: CrashSafeJobDir). Empty: not checked.
LABOUR_JOB_ORIGIN = ""
#: How many category hops from a start URL the spider explores (pagination is not counted).
LABOUR_SECTION_DEPTH = 3
#: Crawler traps (scraper/traps.py). Paging stops after this many consecutive listing pages
#: that bring no article new to this run (a "next" link that never ends, items repeating;
#: 0: never stop for this).
LABOUR_TRAP_STALE_PAGES = 3
#: At most this many distinct listing URLs per URL pattern with numbers in it (calendars: one
#: page per month or day, for ever); plain pagination is exempt. 0: no budget.
LABOUR_TRAP_PATTERN_BUDGET = 100

# --- scheduled harvesting into a store (labour-scraper crawl --store) ----------------------------
#: Harvest store: a SQLite path or a postgresql:// URL. Empty: no store, no incremental crawl.
LABOUR_STORE = ""
#: When a known article is fetched again: "changed" (the listing shows another published or
#: modified date), "hits" (also when the listing shows another hit count), "always", "never".
LABOUR_REFETCH = "changed"
#: Listing pages holding only known articles older than the newest stored one that are still
#: read before paging stops (0: stop at the first such page).
LABOUR_INCREMENTAL_DEPTH = 1
#: `crawl` exits 1 when errors + quarantined exceed this share of the articles found.
LABOUR_MAX_ERROR_RATE = 0.10

# --- portal health (scraper/health.py, scraper/monitors.py, docs/health.md) ----------------------
#: A layout_drift finding (exit 4) when a portal's share of records with a field falls more than
#: this many share points below the median of its previous runs (0.25: 85% -> under 60%).
LABOUR_HEALTH_MAX_COVERAGE_DROP = 0.25
#: ... when its share of article pages quarantined rises more than this many points above it.
LABOUR_HEALTH_MAX_QUARANTINE_RISE = 0.25
#: ... when its articles per listing page fall below the median by more than this fraction.
LABOUR_HEALTH_MAX_LISTING_DROP = 0.5
#: A run's shares count (now, or as history) only with at least this many records (+ quarantined):
#: an incremental night with three new articles measures nothing.
LABOUR_HEALTH_MIN_RECORDS = 10
#: Articles per listing counts only with at least this many listing pages read.
LABOUR_HEALTH_MIN_LISTING_PAGES = 3
#: The median is taken over this many latest measured previous runs of the portal.
LABOUR_HEALTH_HISTORY = 10

# Spidermon runs the health monitor suite when the spider closes, after counting field coverage.
# None, "" and [] are absent fields; 0 (hits) and False are values.
SPIDERMON_ENABLED = True
SPIDERMON_ADD_FIELD_COVERAGE = True
SPIDERMON_FIELD_COVERAGE_SKIP_NONE = True
SPIDERMON_FIELD_COVERAGE_SKIP_FALSY = False
SPIDERMON_FIELD_COVERAGE_SKIP_VALUES = ["", [], {}]
SPIDERMON_SPIDER_CLOSE_MONITORS = ["scraper.monitors.PortalHealthSuite"]

# Spidermon (its spider_closed: coverage shares, then the health suite) must close before
# CrawlReport, which writes the findings into the run report: extensions connect, and so run,
# in this order.
EXTENSIONS = {
    # AutoThrottle that keeps a portal's own delay from sites.toml as its floor (scraper/fleet.py)
    "scrapy.extensions.throttle.AutoThrottle": None,
    "scraper.fleet.SlotAutoThrottle": 0,
    "scraper.extensions.CrashSafeJobDir": 0,
    "scraper.monitors.PortalCoverage": 100,
    "spidermon.contrib.scrapy.extensions.Spidermon": 400,
    "scraper.extensions.CrawlReport": 500,
}
LOG_LEVEL = "INFO"
#: MemoryStatsCollector without its per-call deprecation wrapper (scraper/stats.py)
STATS_CLASS = "scraper.stats.PlainStatsCollector"
FEED_EXPORT_ENCODING = "utf-8"
#: `crawl -o x.csv` writes the same CSV dialect as `export --format csv` (lists as JSON, header in
#: schema order): one exporter for both, see scraper/exporters.py.
FEED_EXPORTERS = {"csv": "scraper.exporters.CsvRecordExporter"}

#: Applied by `labour-scraper crawl --unpolite`, refused unless every start URL is on loopback:
#: for benchmarks against a local server only.
POLITENESS_RELAXED = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "RETRY_BACKOFF_BASE": 0.05,
    "LABOUR_WORKERS": 1,
}
