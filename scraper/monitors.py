"""In-run portal health on Spidermon: per-portal field coverage, a monitor suite run when the spider
closes that compares each portal with its history in the harvest store, and an action storing
the run's figures there. The comparison itself is :mod:`scraper.health` (pure, shared with the
``health`` command).

What Spidermon does here, and why: its extension (``SPIDERMON_ADD_FIELD_COVERAGE``) counts the
fields of every record and turns counts into coverage shares at spider close
(``spidermon_field_coverage/dict/<field>``: run-wide, usable with its stock
``FieldCoverageMonitor`` and ``SPIDERMON_FIELD_COVERAGE_RULES``), then runs the close suites; the
suite's failures are logged in Spidermon's format and any Spidermon action (Slack, e-mail,
Sentry, ...) can be hung on :class:`PortalHealthSuite` by the operator.

What is hand-written, and why:

* :class:`PortalCoverage` counts records per portal, in Spidermon's own stats layout
  (``spidermon_item_scraped_count/portal_<id>/<field>``), so that Spidermon's extension computes
  the per-portal shares too (``spidermon_field_coverage/portal_<id>/<field>``). Spidermon keys
  coverage by item type only, and one ``--all`` run holds 88 portals; ``body`` counts only past
  200 characters, a rule its presence counter has no notion of. It also counts quarantined
  pages per portal (Spidermon has no notion of our quarantine).
* :class:`PortalHealthMonitor` compares against the portal's own history in our store:
  Spidermon's history comparison (``ZyteJobsComparisonMonitor``) reads Scrapy Cloud jobs only,
  and its ``FieldCoverageMonitor`` checks fixed floors, not a drop from a portal's usual level.
"""

from __future__ import annotations

import logging
import re
import secrets
import warnings
from datetime import datetime, timezone

from scrapy import signals
from scrapy.exceptions import ScrapyDeprecationWarning
from spidermon import Monitor, MonitorSuite, monitors
from spidermon.core.actions import Action

from scraper.health import COVERAGE, FIELDS, Thresholds, compare, covered, findings, portal_figures

logger = logging.getLogger(__name__)

# Spidermon's runner logs through Spider.log(), which Scrapy 2.13+ deprecates: one warning on every
# run's stderr that the user can do nothing about (the runner's own messages still go to the log).
warnings.filterwarnings("ignore", message=r"Spider\.log\(\) is deprecated", category=ScrapyDeprecationWarning,
                        module=r"spidermon\.")

#: unittest leaves this module's frames out of a monitor's failure report: a finding is not a bug,
#: and the Spidermon log line should read "AssertionError: layout_drift: ...", not a traceback.
__unittest = True

COUNT = "spidermon_item_scraped_count"
SHARE = "spidermon_field_coverage"
PORTALS = "labour/health/portals"  # the run's per-portal figures and comparisons (a list)
FINDINGS = "labour/health/findings"


def portal_key(site: str) -> str:
    """The item-type slot of Spidermon's coverage stats for a portal: word characters only
    (Spidermon's pattern is ``\\w+``; bare start-URL portals are host names with dots)."""
    return "portal_" + re.sub(r"\W", "_", site)


def listing_stat(kind: str, site: str) -> str:
    """``labour/health/listing_pages/<site>`` and ``.../listing_articles/<site>`` (the spider counts)."""
    return f"labour/health/{kind}/{site}"


class PortalCoverage:
    """Per-portal record, field and quarantine counts, and the run's id and times."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        return ext

    def spider_opened(self, spider):
        started = datetime.now(timezone.utc)
        # sortable, and unique across the nodes of a cluster harvesting into one store
        self.stats.set_value("labour/run_id", f"{started:%Y%m%dT%H%M%SZ}-{secrets.token_hex(4)}")
        self.stats.set_value("labour/health/started_at", started.strftime("%Y-%m-%dT%H:%M:%SZ"))

    def item_scraped(self, item, response=None, spider=None):
        if not isinstance(item, dict) or not item.get("site"):
            return
        key = portal_key(item["site"])
        self.stats.inc_value(f"{COUNT}/{key}")
        for field in FIELDS:
            if covered(item, field):
                self.stats.inc_value(f"{COUNT}/{key}/{field}")

    def item_dropped(self, item, response=None, exception=None, spider=None):
        from scraper.items import Failure

        if isinstance(item, Failure) and item.site_id:
            self.stats.inc_value(f"labour/health/quarantined/{item.site_id}")


def run_figures(crawler, spider) -> list[dict]:
    """Each portal of the run with its figures, from the stats at spider close (after
    Spidermon computed the coverage shares)."""
    stats = crawler.stats
    get = stats.get_value
    out = []
    for site in dict.fromkeys(s.id for s in getattr(spider, "sites", [])):
        key = portal_key(site)
        records = get(f"{COUNT}/{key}", 0)
        counts = {f: get(f"{COUNT}/{key}/{f}", 0) for f in FIELDS}
        figures = portal_figures(records=records, quarantined=get(f"labour/health/quarantined/{site}", 0),
                                 listing_pages=get(listing_stat("listing_pages", site), 0),
                                 listing_articles=get(listing_stat("listing_articles", site), 0),
                                 covered_counts=counts)
        for cov in COVERAGE:  # Spidermon's share where it computed one (the same division)
            share = get(f"{SHARE}/{key}/{cov.removeprefix('coverage_')}")
            if records and share is not None:
                figures[cov] = share
        out.append({"run_id": get("labour/run_id"), "site": site, **figures})
    return out


def assess_run(crawler, spider) -> tuple[list[dict], list[dict]]:
    """This run's portals with their comparisons against the store's history, and the findings.
    Computed once a run (the monitor's test methods share it), kept in the stats."""
    stats = crawler.stats
    portals = stats.get_value(PORTALS)
    if portals is not None:
        return portals, stats.get_value(FINDINGS, [])
    th = Thresholds.from_settings(crawler.settings)
    portals = run_figures(crawler, spider)
    history: dict[str, list[dict]] = {}
    location = crawler.settings.get("LABOUR_STORE")
    if location and portals:
        from scraper.storage import open_store

        store = open_store(location)
        try:
            for row in store.portal_health([p["site"] for p in portals]):
                history.setdefault(row["site"], []).append(row)
        finally:
            store.close()
    found: list[dict] = []
    for portal in portals:
        comparisons = compare(portal, history.get(portal["site"], []), th)
        portal["compared"] = {c.figure: {"median": c.median, "previous_runs": c.previous_runs, "drift": c.drift}
                              for c in comparisons}
        portal["findings"] = findings(portal["site"], comparisons, th)
        found.extend(portal["findings"])
    stats.set_value(PORTALS, portals)
    stats.set_value(FINDINGS, found)
    return portals, found


@monitors.name("Portal health")
class PortalHealthMonitor(Monitor):
    """Each portal of the run against the median of its previous runs in the harvest store."""

    def _findings(self, figures: tuple[str, ...]) -> list[str]:
        _, found = assess_run(self.data.crawler, self.data.spider)
        return [f["message"] for f in found if f["figure"] in figures]

    @monitors.name("field coverage (published, author, hits, category, body) has not dropped")
    def test_field_coverage(self):
        drift = self._findings(COVERAGE)
        if drift:
            self.fail("layout_drift: " + "; ".join(drift))

    @monitors.name("quarantine share has not risen")
    def test_quarantine_share(self):
        drift = self._findings(("quarantine_share",))
        if drift:
            self.fail("layout_drift: " + "; ".join(drift))

    @monitors.name("articles per listing page have not dropped")
    def test_articles_per_listing(self):
        drift = self._findings(("articles_per_listing",))
        if drift:
            self.fail("layout_drift: " + "; ".join(drift))


class StorePortalHealth(Action):
    """Store the run's per-portal figures and findings in ``portal_health`` (whatever the
    monitors' outcome: the history must hold good and bad runs alike)."""

    def run_action(self):
        crawler = self.data.crawler
        location = crawler.settings.get("LABOUR_STORE")
        if not location:
            return
        portals, _ = assess_run(crawler, self.data.spider)
        if not portals:
            return
        from scraper.storage import open_store

        stats = crawler.stats
        finished = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        try:
            store = open_store(location)
            try:
                store.migrate()  # a `scrapy crawl` into an older store: the pipeline migrated it already
                newest = store.newest_published([p["site"] for p in portals])
                rows = [{**p, "started_at": stats.get_value("labour/health/started_at") or finished,
                         "finished_at": finished, "finish_reason": stats.get_value("finish_reason"),
                         "newest_published": newest.get(p["site"])} for p in portals]
                store.record_portal_health(rows)
            finally:
                store.close()
        except Exception:
            stats.inc_value("labour/errors/health_not_stored")
            logger.exception("portal health figures not stored")
            raise


class PortalHealthSuite(MonitorSuite):
    """``SPIDERMON_SPIDER_CLOSE_MONITORS``: the portal health monitor, then the figures stored."""

    monitors = [PortalHealthMonitor]
    monitors_finished_actions = [StorePortalHealth]
