"""Settings a run derives from its portals (scraper/fleet.py): per-portal slots, total
concurrency, auto workers; the timeout middleware, AutoThrottle's per-portal floor, steady jitter."""

from __future__ import annotations

import statistics

import pytest
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from scraper.fleet import (
    SlotAutoThrottle,
    SlotTimeoutMiddleware,
    SteadyJitterSlot,
    apply_run_settings,
    auto_workers,
    download_slots,
    run_settings,
)
from scraper.registry import Site
from scraper.spiders.portal import PortalSpider


def site(n: int, **settings) -> Site:
    host = f"p{n}.labour.go.th"
    return Site(id=f"p{n}", office="x", base_url=f"https://{host}/", start_urls=(f"https://{host}/",),
                hosts=(host, "www." + host), settings=settings)


def project() -> Settings:
    s = Settings()
    s.setmodule("scraper.settings", priority="project")
    return s


def test_portal_settings_become_download_slots_for_each_of_its_hosts():
    slots = download_slots([site(1, DOWNLOAD_DELAY=2.0, CONCURRENT_REQUESTS_PER_DOMAIN=1, DOWNLOAD_TIMEOUT=10.0,
                                 DOWNLOAD_DELAY_JITTER=0.0), site(2)])
    entry = {"delay": 2.0, "concurrency": 1, "timeout": 10.0, "jitter": 0.0}
    assert slots == {"p1.labour.go.th": entry, "www.p1.labour.go.th": entry}


def test_total_concurrency_is_sized_from_the_hosts_and_capped():
    assert run_settings(project(), [site(i) for i in range(88)])["CONCURRENT_REQUESTS"] == 176
    assert "CONCURRENT_REQUESTS" not in run_settings(project(), [site(1)])  # never below the default 16
    slow = [site(i, CONCURRENT_REQUESTS_PER_DOMAIN=1) for i in range(20)]
    assert run_settings(project(), slow)["CONCURRENT_REQUESTS"] == 20
    assert run_settings(project(), [site(i) for i in range(500)])["CONCURRENT_REQUESTS"] == 256


def test_explicit_settings_win():
    s = project()
    s.set("CONCURRENT_REQUESTS", 40, priority="cmdline")
    s.set("DOWNLOAD_SLOTS", {"p1.labour.go.th": {"delay": 9.0}}, priority="cmdline")
    derived = apply_run_settings(s, [site(i, DOWNLOAD_DELAY=3.0) for i in range(88)])
    assert "CONCURRENT_REQUESTS" not in derived and s.getint("CONCURRENT_REQUESTS") == 40
    slots = s.getdict("DOWNLOAD_SLOTS")
    assert slots["p1.labour.go.th"] == {"delay": 9.0} and slots["p2.labour.go.th"] == {"delay": 3.0}


def test_the_spider_applies_them_before_its_settings_freeze():
    settings = project()
    settings.set("LABOUR_WORKERS", 0, priority="cmdline")
    crawler = Crawler(PortalSpider, settings)  # settings freeze later, in crawl(), after the spider is made
    sites = [site(i) for i in range(30)] + [site(99, DOWNLOAD_DELAY=2.0)]
    PortalSpider.from_crawler(crawler, sites=sites)
    assert crawler.settings.getint("CONCURRENT_REQUESTS") == 62
    assert crawler.settings.getdict("DOWNLOAD_SLOTS")["p99.labour.go.th"] == {"delay": 2.0}


def test_auto_workers_only_when_the_hosts_can_outrun_one_core():
    s = project()
    assert auto_workers(s, [site(1)], cores=2) == 0  # 2 pages/s: parsing in the reactor
    assert auto_workers(s, [site(i) for i in range(88)], cores=2) == 2  # 176 pages/s x 12 ms
    assert auto_workers(s, [site(i) for i in range(88)], cores=1) == 1
    assert auto_workers(s, [site(i, DOWNLOAD_DELAY=5.0) for i in range(88)], cores=8) == 0
    assert run_settings(s, [site(1)], cores=2)["LABOUR_WORKERS"] == 0
    s.set("LABOUR_WORKERS", 3, priority="cmdline")
    assert "LABOUR_WORKERS" not in run_settings(s, [site(i) for i in range(88)])


def test_timeout_middleware_sets_a_portals_own_timeout():
    mw = SlotTimeoutMiddleware({"p1.labour.go.th": {"timeout": 5.0}, "p2.labour.go.th": {"delay": 1.0}})
    mine, other, given = (Request("https://p1.labour.go.th/x"), Request("https://p2.labour.go.th/x"),
                          Request("https://p1.labour.go.th/y", meta={"download_timeout": 2.0}))
    for r in (mine, other, given):
        mw.process_request(r)
    assert mine.meta["download_timeout"] == 5.0
    assert "download_timeout" not in other.meta and given.meta["download_timeout"] == 2.0


class _Response:
    status = 200


def test_autothrottle_keeps_a_portals_own_delay_as_its_floor():
    crawler = get_crawler(settings_dict={"AUTOTHROTTLE_ENABLED": True, "DOWNLOAD_DELAY": 0.5,
                                         "DOWNLOAD_SLOTS": {"slow.example": {"delay": 2.0}}})

    class Downloader:
        _delay = 0.5
        slots = {"slow.example": SteadyJitterSlot(1, 2.0, 0.0), "fast.example": SteadyJitterSlot(2, 1.0, 0.0)}

    class Engine:
        downloader = Downloader()

    crawler.engine = Engine()
    throttle = SlotAutoThrottle(crawler)
    throttle._spider_opened(None)
    for _ in range(10):  # fast answers pull the delay down to the floor
        for key in ("slow.example", "fast.example"):
            request = Request(f"https://{key}/", meta={"download_slot": key, "download_latency": 0.05})
            throttle._response_downloaded(_Response(), request, None)
    assert Downloader.slots["slow.example"].delay == 2.0
    assert Downloader.slots["fast.example"].delay == 0.5


def test_steady_jitter_draws_once_per_interval_and_keeps_the_mean():
    slot = SteadyJitterSlot(2, 0.5, 0.5)
    draws = []
    for n in range(4000):
        slot.lastseen = float(n)
        first = slot.download_delay()
        assert slot.download_delay() == first  # looked at again within the interval: the same draw
        draws.append(first)
    assert min(draws) >= 0.25 and max(draws) <= 0.75
    assert statistics.mean(draws) == pytest.approx(0.5, abs=0.02)
    assert SteadyJitterSlot(2, 0.5, 0.0).download_delay() == 0.5
