"""Crawl extensions: progress and the end-of-run summary; crash-safe use of JOBDIR."""

from __future__ import annotations

import json
import logging
import os
import resource
import shutil
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from scrapy import signals
from twisted.internet import task

from pipelines.jsonlines import sidecar_path

logger = logging.getLogger(__name__)


class CrashSafeJobDir:
    """Make ``JOBDIR`` safe against SIGKILL and power loss (scrapy#2399, scrapy#7978).

    Scrapy persists its scheduler queue and duplicate filter only on a clean stop. A marker
    file is created when a crawl starts and removed when it closes; if a run finds the marker,
    the previous one died, so its possibly torn scheduler state is discarded. Nothing is lost:
    the spider re-reads the listings (start URLs are never filtered) and skips articles whose
    records are already in the output, which the store keeps free of torn lines.

    The queued requests name their host and port. ``LABOUR_JOB_ORIGIN`` (set by ``labour-scraper
    demo``, whose local server may get another port on a rerun) is kept in the job dir; when a
    rerun serves the portal elsewhere, the queue would only replay requests to a dead port, so it
    is discarded the same way.
    """

    MARKER = "labour-scraper.running"
    ORIGIN = "labour-scraper.origin"
    STATE = ("requests.queue", "requests.seen", "active.json")

    def __init__(self, jobdir: str | None, origin: str | None = None):
        self.jobdir = jobdir
        self.marker = os.path.join(jobdir, self.MARKER) if jobdir else None
        self.recovered = False
        self.rebased = False
        if self.marker:
            os.makedirs(jobdir, exist_ok=True)
            previous = previous_origin(jobdir)
            if os.path.exists(self.marker):
                self.recovered = True
                self.discard_state()
                logger.warning("job dir %s: the previous run did not stop cleanly; its scheduler state "
                               "was discarded and the work is re-derived from the listings", jobdir)
            elif origin and previous and previous != origin:
                self.rebased = True
                self.discard_state()
                logger.warning("job dir %s: the portal was at %s and is now at %s; the requests queued for "
                               "the old address were dropped and the work is re-derived from the listings",
                               jobdir, previous, origin)
            if origin:
                Path(jobdir, self.ORIGIN).write_text(origin + "\n", encoding="utf-8")
            Path(self.marker).write_text(str(os.getpid()))

    def discard_state(self) -> None:
        for name in self.STATE:
            path = os.path.join(self.jobdir, name)
            if os.path.isdir(path):
                shutil.rmtree(path, ignore_errors=True)
            elif os.path.exists(path):
                os.remove(path)

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler.settings.get("JOBDIR") or None, crawler.settings.get("LABOUR_JOB_ORIGIN") or None)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        if ext.recovered:
            crawler.stats.set_value("labour/recovered_from_crash", True)
        if ext.rebased:
            crawler.stats.set_value("labour/job_state_dropped", True)
        return ext

    def spider_closed(self, spider, reason):
        if self.marker and os.path.exists(self.marker):
            os.remove(self.marker)


def _prefixed(stats, prefix: str, skip: tuple[str, ...] = ()) -> dict:
    """``{name: value}`` of the stats named ``<prefix><name>``."""
    return {k.removeprefix(prefix): v for k, v in sorted((stats.get_stats() or {}).items())
            if k.startswith(prefix) and k not in skip}


def previous_origin(jobdir: str | None) -> str | None:
    """The portal address a job dir's queued requests name (``LABOUR_JOB_ORIGIN`` of its last run)."""
    if not jobdir:
        return None
    try:
        return Path(jobdir, CrashSafeJobDir.ORIGIN).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


class RobotsFailureLog(logging.Filter):
    """Scrapy's RobotsTxtMiddleware logs a robots.txt that cannot be fetched at ERROR with a full
    traceback, once per host (a host that is down, or ``crawl --all`` offline, fills the log). This
    filter rewrites that record into one WARNING line naming the failure's kind, keeps the
    traceback only at DEBUG, and counts the failure for its host (``failed_hosts``)."""

    LOGGER = "scrapy.downloadermiddlewares.robotstxt"

    def __init__(self, crawler):
        super().__init__()
        self.crawler = crawler
        self.debug = str(crawler.settings.get("LOG_LEVEL", "")).upper() == "DEBUG"

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.ERROR or not str(record.msg).startswith("Error downloading"):
            return True
        from urllib.parse import urlsplit

        from scraper.spiders.portal import network_kind

        args = record.args if isinstance(record.args, dict) else {}
        exc = args.get("f_exception")
        request = args.get("request")
        kind = network_kind(exc) if isinstance(exc, BaseException) else "other"
        url = getattr(request, "url", "")
        hosts = getattr(self.crawler.spider, "failed_hosts", None)
        if hosts is not None and url:
            hosts.setdefault(urlsplit(url).netloc, Counter())[kind] += 1
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.msg = "robots.txt of %s failed: %s (crawling as if it allowed everything)"
        record.args = (urlsplit(url).netloc if url else "?",
                       f"{kind}: {type(exc).__name__}: {' '.join(str(exc).split())}")
        if not self.debug:
            record.exc_info, record.exc_text = None, None
        return True


def store_report_path(location: str | None) -> str | None:
    """Every run writes its report: without ``-o``, beside a SQLite store (``harvest.report.json``),
    and for a database URL in the default store's directory, named by host and database (never
    the credentials): ``postgresql-db.example-labour.report.json``."""
    if not location:
        return None
    if "://" not in location:
        return str(Path(location).with_suffix(".report.json"))
    from urllib.parse import urlsplit

    from scraper.storage import default_store_path

    parts = urlsplit(location)
    name = "-".join(x for x in (parts.scheme, parts.hostname or "local", parts.path.strip("/")) if x)
    name = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
    return str(default_store_path().parent / f"{name}.report.json")


def _errors_text(errors: dict) -> str:
    """``0``, or the total with its kinds: ``5 (refused 4, http_404 1)``."""
    total = sum(errors.values())
    if not total:
        return "0"
    return f"{total} (" + ", ".join(f"{k} {v}" for k, v in errors.items()) + ")"


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _worker_usage(crawler) -> dict:
    from scraper.workers import WorkerPool

    pool = WorkerPool.existing(crawler)
    return pool.usage() if pool is not None else {"processes": 0, "cpu_s": 0.0, "peak_rss_mb": 0.0}


class CrawlReport:
    """Progress while the crawl runs (a live line on a terminal, periodic lines otherwise) and a
    summary at the end, printed and written as JSON beside the output."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.interval = settings.getfloat("LABOUR_PROGRESS_INTERVAL", 10.0)
        output = settings.get("LABOUR_OUTPUT") or None
        self.output = output
        self.summary_path = (settings.get("LABOUR_SUMMARY") or sidecar_path(output, ".summary.json")
                             or store_report_path(settings.get("LABOUR_STORE")))
        self.quarantine_path = settings.get("LABOUR_QUARANTINE") or sidecar_path(output, ".quarantine.jsonl")
        self.quiet = settings.getbool("LABOUR_QUIET")
        self.stream = sys.stderr
        self.live = self.stream.isatty() and not self.quiet
        self.started = time.monotonic()
        self.started_at = datetime.now(timezone.utc)
        self.loop: task.LoopingCall | None = None
        self.summary: dict | None = None

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        ext.robots_filter = RobotsFailureLog(crawler)
        logging.getLogger(RobotsFailureLog.LOGGER).addFilter(ext.robots_filter)
        return ext

    def spider_opened(self, spider):
        if self.quiet or self.interval <= 0:
            return
        self.loop = task.LoopingCall(self.progress)
        self.loop.start(1.0 if self.live else self.interval, now=False)

    def counts(self) -> dict:
        get = self.stats.get_value
        errors = {}
        for key, value in (self.stats.get_stats() or {}).items():
            if key.startswith("labour/errors/"):
                errors[key.removeprefix("labour/errors/")] = value
            elif key.startswith("spider_exceptions/") and key.count("/") == 1:
                errors["spider_" + key.removeprefix("spider_exceptions/")] = value
        return {
            "pages_fetched": get("response_received_count", 0),
            "articles_found": get("labour/articles_found", 0),
            "article_pages": get("labour/article_pages", 0),
            "records_written": get("item_scraped_count", 0),
            "static_pages": get("labour/static_pages", 0),
            "quarantined": get("labour/quarantined", 0),
            "duplicates": get("labour/duplicates", 0),
            "skipped_already_written": get("labour/skipped_already_written", 0),
            "retries": get("retry/count", 0),
            "offsite_links": get("labour/offsite_links", 0),
            # requests refused by the host policy, by reason; trap stops, by kind (see
            # scraper/hostpolicy.py, scraper/traps.py)
            "offsite": _prefixed(self.stats, "offsite/", skip=("offsite/filtered", "offsite/domains")),
            "traps": _prefixed(self.stats, "traps/"),
            "max_pages_not_sent": get("labour/max_pages_not_sent", 0),
            "listing_errors": get("labour/listing_errors", 0),
            "known_articles": get("labour/known_articles", 0),
            "known_unchanged": get("labour/known_unchanged", 0),
            "known_failed": get("labour/known_failed", 0),
            "refetched_changed": get("labour/refetched_changed", 0),
            "paging_stopped_known": get("labour/paging_stopped_known", 0),
            "store": {k: get(f"labour/store/{k}", 0) for k in ("new", "changed", "unchanged", "listing_hits")},
            "older_than_since": get("labour/older_than_since", 0),
            "paging_stopped_since": get("labour/paging_stopped_since", 0),
            "skipped_before_since": get("labour/skipped_before_since", 0),
            "errors": dict(sorted(errors.items())),
            "failed_hosts": {host: dict(sorted(kinds.items()))
                             for host, kinds in sorted(getattr(self.crawler.spider, "failed_hosts", {}).items())},
        }

    def progress(self):
        c = self.counts()
        elapsed = max(1e-6, time.monotonic() - self.started)
        line = (f"pages {c['pages_fetched']} | articles {c['articles_found']} | records {c['records_written']}"
                f" | quarantined {c['quarantined']} | static {c['static_pages']} | errors {_errors_text(c['errors'])}"
                f" | retries {c['retries']} | {c['pages_fetched'] / elapsed:.1f} pages/s")
        if c["offsite"]:
            line += f" | offsite {sum(c['offsite'].values())}"
        if self.live:
            self.stream.write("\r\x1b[K[labour-scraper] " + line)
        else:
            self.stream.write("[labour-scraper] " + line + "\n")
        self.stream.flush()

    def spider_closed(self, spider, reason):
        logging.getLogger(RobotsFailureLog.LOGGER).removeFilter(self.robots_filter)
        if self.loop and self.loop.running:
            self.loop.stop()
        if self.live:
            self.stream.write("\n")
        c = self.counts()
        duration = time.monotonic() - self.started
        workers = _worker_usage(self.crawler)
        self.summary = {
            "finish_reason": reason,
            "started_at": self.started_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "duration_s": round(duration, 3),
            **c,
            "recovered_from_crash": bool(self.stats.get_value("labour/recovered_from_crash")),
            "job_state_dropped": bool(self.stats.get_value("labour/job_state_dropped")),
            # the crawl process and its parsing workers (scraper/workers.py)
            "cpu_s": round(_cpu_seconds() + workers["cpu_s"], 3),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 + workers["peak_rss_mb"], 1),
            "workers": workers,
            "sites": [s.id for s in getattr(spider, "sites", [])],
            # per-portal health and layout_drift findings (scraper/monitors.py, docs/health.md)
            "run_id": self.stats.get_value("labour/run_id"),
            "health": self.stats.get_value("labour/health/portals") or [],
            "findings": self.stats.get_value("labour/health/findings") or [],
            "output": self.output,
            "quarantine": self.quarantine_path,
        }
        if self.summary_path:
            Path(self.summary_path).parent.mkdir(parents=True, exist_ok=True)
            tmp = self.summary_path + ".tmp"
            Path(tmp).write_text(json.dumps(self.summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            os.replace(tmp, self.summary_path)
        self.crawler.stats.set_value("labour/summary", self.summary)
        # one machine-readable line in the log: how `labour-scraper schedule` judges a Scrapyd job,
        # whose exit status Scrapyd does not report (scraper/schedule.py: SUMMARY_MARK)
        logger.info("labour-scraper summary %s", json.dumps(self.summary, ensure_ascii=False))
        # the closing summary is printed even with --quiet (which silences progress only)
        if self.stream:
            errors = ", ".join(f"{k} {v}" for k, v in c["errors"].items()) or "none"
            self.stream.write(
                f"[labour-scraper] done ({reason}) in {duration:.1f}s: {c['pages_fetched']} pages fetched, "
                f"{c['articles_found']} articles found, {c['records_written']} records written, "
                f"{c['quarantined']} quarantined, {c['static_pages']} static pages not recorded, errors: {errors}\n"
            )
            if c["offsite"] or c["traps"]:
                refused = ", ".join(f"{k} {v}" for k, v in c["offsite"].items()) or "none"
                traps = ", ".join(f"{k} {v}" for k, v in c["traps"].items()) or "none"
                self.stream.write(f"[labour-scraper] requests refused by the host policy: {refused}; "
                                  f"traps: {traps}\n")
            for finding in self.summary["findings"]:
                self.stream.write(f"[labour-scraper] {finding['kind']}: {finding['message']}\n")
            if self.summary_path:
                self.stream.write(f"[labour-scraper] summary: {self.summary_path}\n")
            self.stream.flush()
