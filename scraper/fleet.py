"""A run of many portals at once: settings derived from the portals in the run.

Scrapy's defaults suit one site; ``crawl --all`` is a broad crawl of ~90 slow hosts, each to be
treated politely. Politeness is per host (a download slot each: at most
``CONCURRENT_REQUESTS_PER_DOMAIN`` in flight, ``DOWNLOAD_DELAY`` between requests, AutoThrottle);
the run should keep every slot busy up to that limit however many hosts there are. Two things
stood in the way, both settled here from the list of portals, once, when the spider is made (the
only moment the run's portals are known and the settings are not frozen yet, for the CLI and for
Scrapyd alike):

* ``CONCURRENT_REQUESTS`` (16) capped the whole crawl: 88 hosts shared 16 requests and none ever
  had a second in flight. It becomes the sum of the portals' per-host limits, capped by
  ``LABOUR_CONCURRENT_REQUESTS_MAX``. (The scheduler side, one queue per slot so that a few
  busy hosts do not starve the others, is ``DownloaderAwarePriorityQueue`` in settings.py.)
* ``[site.settings]`` of ``sites.toml`` (a portal's own delay, jitter, per-host concurrency and
  timeout) become ``DOWNLOAD_SLOTS`` entries for each of the portal's hosts. Scrapy's slots read
  ``delay``, ``jitter`` and ``concurrency``; ``timeout`` is ours: :class:`SlotTimeoutMiddleware`
  turns it into the request's ``download_timeout``, and :class:`SlotAutoThrottle` never lets
  AutoThrottle go below a portal's own delay (Scrapy's AutoThrottle floors every slot at the
  global ``DOWNLOAD_DELAY``).
* Scrapy draws a slot's jittered delay anew each time it looks at the slot, and waits again
  whenever the new draw is longer than the time already waited: with ``DOWNLOAD_DELAY`` 0.5 and
  jitter +-50% a host got one request per ~0.61 s on average, not 0.5.
  :class:`SteadyJitterDownloader` draws once per interval, so the intervals are spread evenly
  over 0.25..0.75 s around the configured 0.5 s (never below 0.25 s, as before).
* ``LABOUR_WORKERS = -1`` (auto): parsing goes to worker processes when the run's hosts can
  deliver more pages a second than one core parses (:func:`auto_workers`).

A setting given explicitly (``--set``, ``scrapy crawl -s``, Scrapyd's ``setting=``) always wins:
derived values are set at the ``spider`` priority, below ``cmdline``; explicit ``DOWNLOAD_SLOTS``
entries win over the registry's for their host.
"""

from __future__ import annotations

import logging
import math
import os
import random
from collections.abc import Iterable

from scrapy.core.downloader import Downloader, Slot
from scrapy.extensions.throttle import AutoThrottle
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.httpobj import urlparse_cached

from scraper.registry import Site

#: ``[site.settings]`` name -> key of a ``DOWNLOAD_SLOTS`` entry (``timeout`` is ours, see above).
SLOT_KEYS = {
    "DOWNLOAD_DELAY": "delay",
    "DOWNLOAD_DELAY_JITTER": "jitter",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "concurrency",
    "DOWNLOAD_TIMEOUT": "timeout",
}

logger = logging.getLogger(__name__)

_DERIVED = "spider"  # below cmdline (--set, -s, Scrapyd's setting=), above the project's defaults


def download_slots(sites: Iterable[Site]) -> dict[str, dict]:
    """``DOWNLOAD_SLOTS`` entries from the portals' ``[site.settings]``: one per host of a portal
    (Scrapy's slot key is the request's host name)."""
    slots: dict[str, dict] = {}
    for site in sites:
        if not site.settings:
            continue
        entry = {SLOT_KEYS[name]: value for name, value in site.settings.items()}
        for host in site.hosts:
            slots[host.lower()] = dict(entry)
    return slots


def run_settings(settings, sites: list[Site], cores: int | None = None) -> dict:
    """The settings this run derives from its portals (see the module docstring); only those
    that differ from what ``settings`` already says, and none the user set explicitly."""
    explicit = SETTINGS_PRIORITIES["project"]
    derived: dict = {}
    slots = {**download_slots(sites), **settings.getdict("DOWNLOAD_SLOTS")}
    if slots != settings.getdict("DOWNLOAD_SLOTS"):
        derived["DOWNLOAD_SLOTS"] = slots
    per_host = settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
    if (settings.getpriority("CONCURRENT_REQUESTS") or 0) <= explicit:
        wanted = sum(_site_slot(site, slots).get("concurrency", per_host) for site in sites)
        total = min(max(settings.getint("CONCURRENT_REQUESTS"), wanted),
                    settings.getint("LABOUR_CONCURRENT_REQUESTS_MAX", 256))
        if total != settings.getint("CONCURRENT_REQUESTS"):
            derived["CONCURRENT_REQUESTS"] = total
    if settings.getint("LABOUR_WORKERS", 0) < 0:
        derived["LABOUR_WORKERS"] = auto_workers(settings, sites, slots, cores)
    return derived


def apply_run_settings(settings, sites: list[Site]) -> dict:
    """Set :func:`run_settings` on a crawler's (not yet frozen) settings; return them."""
    if settings.frozen:  # a crawler made by hand after its settings were frozen: nothing can change
        logger.warning("settings frozen before the spider was made: per-portal settings and the run's "
                       "total concurrency were not applied")
        return {}
    derived = run_settings(settings, sites)
    for name, value in derived.items():
        priority = max(settings.getpriority(name) or 0, SETTINGS_PRIORITIES[_DERIVED])
        settings.set(name, value, priority=priority)
    return derived


def auto_workers(settings, sites: list[Site], slots: dict | None = None, cores: int | None = None) -> int:
    """Worker processes for parsing when ``LABOUR_WORKERS`` is -1 (auto).

    The pages a second this run can fetch politely (each portal one request per its delay; a
    portal without a delay is taken as its concurrency over ``LABOUR_ASSUMED_LATENCY``) times the
    CPU seconds one page costs (``LABOUR_PAGE_CPU_S``, parsing and normalizing) is the parsing
    load in cores. Under ``LABOUR_WORKERS_AUTO_LOAD`` of a core the reactor parses itself (a
    worker costs a process, ~100 MB and a second of start-up); above it, one worker per core of
    load, at most one per core of the machine.
    """
    slots = slots if slots is not None else download_slots(sites)
    delay = settings.getfloat("DOWNLOAD_DELAY")
    per_host = settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
    latency = settings.getfloat("LABOUR_ASSUMED_LATENCY", 0.5)
    rate = 0.0
    for site in sites:
        slot = _site_slot(site, slots)
        d = float(slot.get("delay", delay))
        rate += 1.0 / d if d > 0 else slot.get("concurrency", per_host) / max(latency, 1e-3)
    load = rate * settings.getfloat("LABOUR_PAGE_CPU_S", 0.012)
    if load < settings.getfloat("LABOUR_WORKERS_AUTO_LOAD", 0.5):
        return 0
    cores = cores or os.cpu_count() or 1
    return max(1, min(cores, math.ceil(load)))


def _site_slot(site: Site, slots: dict) -> dict:
    return slots.get(site.host, {}) or next((slots[h] for h in site.hosts if h in slots), {})


class SlotTimeoutMiddleware:
    """A portal's own ``DOWNLOAD_TIMEOUT`` (the ``timeout`` of its hosts' ``DOWNLOAD_SLOTS``
    entry) as the request's ``download_timeout``. Scrapy keeps timeouts per request, not per
    slot; this runs before DownloadTimeoutMiddleware (350), which fills in the global default."""

    def __init__(self, slots: dict):
        self.timeouts = {key: float(entry["timeout"]) for key, entry in slots.items() if "timeout" in entry}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getdict("DOWNLOAD_SLOTS"))

    def process_request(self, request, spider=None):
        if self.timeouts:
            key = request.meta.get("download_slot") or urlparse_cached(request).hostname or ""
            timeout = self.timeouts.get(key)
            if timeout is not None:
                request.meta.setdefault("download_timeout", timeout)
        return None


class SlotAutoThrottle(AutoThrottle):
    """Scrapy's AutoThrottle, whose floor for a slot with its own ``delay`` in ``DOWNLOAD_SLOTS``
    is that delay (a portal that asked for 2 s between requests keeps them), not the global
    ``DOWNLOAD_DELAY``. Everything else is Scrapy's."""

    def _spider_opened(self, spider) -> None:
        super()._spider_opened(spider)
        self.floors = {key: float(entry["delay"])
                       for key, entry in self.crawler.settings.getdict("DOWNLOAD_SLOTS").items() if "delay" in entry}
        self._floor = self.mindelay

    def _get_slot(self, request, spider):
        key, slot = super()._get_slot(request, spider)
        self._floor = self.floors.get(key, self.mindelay) if key is not None else self.mindelay
        return key, slot

    def _adjust_delay(self, slot, latency: float, response) -> None:
        # _response_downloaded calls _get_slot, then _adjust_delay, synchronously
        mindelay, self.mindelay = self.mindelay, self._floor
        try:
            super()._adjust_delay(slot, latency, response)
        finally:
            self.mindelay = mindelay


class SteadyJitterSlot(Slot):
    """A download slot whose jittered delay is drawn once per interval between two requests
    (Scrapy's draws again at every look, which stretches the mean interval by ~20%)."""

    __slots__ = ("_factor", "_drawn_for")

    def __init__(self, concurrency: int, delay: float, jitter: float):
        super().__init__(concurrency, delay, jitter)
        self._factor = 1.0
        self._drawn_for: float | None = None

    def download_delay(self) -> float:
        if not self.jitter:
            return self.delay
        if self._drawn_for != self.lastseen:  # a request went out since the last draw: a new interval
            self._drawn_for = self.lastseen
            self._factor = 1 + random.uniform(-self.jitter, self.jitter)  # noqa: S311
        return max(0.0, self.delay * self._factor)  # the delay itself may change (AutoThrottle)


class SteadyJitterDownloader(Downloader):
    """Scrapy's downloader with :class:`SteadyJitterSlot` slots (``DOWNLOADER`` in settings.py)."""

    def _get_slot(self, request, spider=None):
        fresh = self.get_slot_key(request) not in self.slots
        key, slot = super()._get_slot(request)
        if fresh and type(slot) is Slot and hasattr(slot, "jitter"):  # made just now, not used yet
            slot = self.slots[key] = SteadyJitterSlot(slot.concurrency, slot.delay, slot.jitter)
        return key, slot
