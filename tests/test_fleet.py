"""Many portals in one run, end to end against servers on 127.0.0.2 .. 127.0.0.7, judged from the
servers' own request logs: hosts are crawled side by side, no host ever has more than 2 requests
in flight, and a portal's own delay, concurrency and timeout from its [site.settings] hold for
that portal only. No asserts on how fast anything runs."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import pairwise

import pytest

from pipelines.normalize import canonical
from scraper.demo import portal
from scraper.demo.server import FaultPlan, PortalServer, peak_overlap
from tests.crawling import ROOT, manifest, read_jsonl, run_crawl

HOSTS = [f"127.0.0.{n}" for n in range(2, 8)]
#: the polite defaults, with only the delays shortened so that the test is quick
QUICK = ["--set", "DOWNLOAD_DELAY=0.05", "--set", "AUTOTHROTTLE_START_DELAY=0.05"]


@pytest.fixture(scope="module")
def portals(tmp_path_factory):
    roots = []
    for i, _ in enumerate(HOSTS):
        root = tmp_path_factory.mktemp(f"portal{i}")
        portal.build_portal(root, n_articles=20, seed=300 + i, expected_records=False)
        roots.append(root)
    return roots


def spans(server: PortalServer) -> list[tuple[float, float]]:
    return [(s, e) for s, e, _ in server.stats.log]


def starts_gaps(server: PortalServer) -> list[float]:
    starts = sorted(s for s, _, _ in server.stats.log)
    return [b - a for a, b in pairwise(starts)]


def test_hosts_are_crawled_side_by_side_never_more_than_two_in_flight_each(portals, tmp_path):
    faults = FaultPlan(global_delay=0.05, global_jitter=0.03)
    servers = [PortalServer(root, faults=faults, host=host).start() for root, host in zip(portals, HOSTS, strict=True)]
    try:
        out = tmp_path / "fleet.jsonl"
        args = ["crawl", "-o", str(out), "--quiet", "--max-error-rate", "1", *QUICK]
        for srv in servers:
            args += ["--start-url", srv.base_url]
        proc = run_crawl(*args)
        assert proc.returncode == 0, proc.stderr.decode()[-3000:]
        logs = {srv.address[0]: spans(srv) for srv in servers}
        counters = {srv.address[0]: srv.stats.max_in_flight for srv in servers}
    finally:
        for srv in servers:
            srv.shutdown()
    print({host: (len(log), peak_overlap(log), counters[host]) for host, log in logs.items()})
    for host, log in logs.items():
        assert len(log) > 20, host  # each portal crawled through
        assert peak_overlap(log) <= 2 and counters[host] <= 2, host
    # side by side: every host started before any host finished, and several had requests in flight at once
    assert max(min(s for s, _ in log) for log in logs.values()) < min(max(e for _, e in log) for log in logs.values())
    busy = [(min(s for s, _ in log), max(e for _, e in log)) for log in logs.values()]
    assert peak_overlap(busy) == len(HOSTS)
    assert peak_overlap([span for log in logs.values() for span in log]) >= 3
    records = read_jsonl(out)
    assert {r["site"] or r["id"].split(":")[0] for r in records} >= set(HOSTS)


RUN_SITES = """
import json, os, sys
os.environ["SCRAPY_SETTINGS_MODULE"] = "scraper.settings"
from scrapy.utils.project import get_project_settings
from scraper.crawl import run_spider
from scraper.registry import Site
from scraper.spiders.portal import PortalSpider
cfg = json.loads(sys.argv[1])
settings = get_project_settings()
for name, value in cfg["set"].items():
    settings.set(name, value, priority="cmdline")
sites = [Site(id=s["id"], office="test", base_url=s["base"], start_urls=(s["start"],), hosts=(s["host"],),
              settings=s["settings"]) for s in cfg["sites"]]
summary = run_spider(settings, PortalSpider, sites=sites, since="2000-01-01")
print(json.dumps(summary))
"""


def test_a_portals_own_delay_concurrency_and_timeout_hold_for_it_alone(portals, tmp_path):
    """Three portals: ``slow`` asks for 0.6 s between requests and one at a time; ``short`` for a
    0.5 s timeout; ``plain`` has no settings. Each is read from one listing (``since``: no sitemap)."""
    roots = portals[:3]
    m = manifest(roots[0])
    listing = m["listings"][0]["target"]
    late = {}
    for name, root in zip(("short", "plain"), roots[1:], strict=True):
        first = next(a for a in manifest(root)["articles"] if a["listing"] == manifest(root)["listings"][0]["key"])
        late[name] = first["target"]
    servers = {
        "slow": PortalServer(roots[0], faults=FaultPlan(global_delay=0.05), host=HOSTS[0]),
        "short": PortalServer(roots[1], faults=FaultPlan(global_delay=0.05, delay={late["short"]: 1.5}), host=HOSTS[1]),
        "plain": PortalServer(roots[2], faults=FaultPlan(global_delay=0.05, delay={late["plain"]: 1.5}), host=HOSTS[2]),
    }
    own = {"slow": {"DOWNLOAD_DELAY": 0.6, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "DOWNLOAD_DELAY_JITTER": 0.0},
           "short": {"DOWNLOAD_TIMEOUT": 0.5}, "plain": {}}
    for srv in servers.values():
        srv.start()
    try:
        cfg = {
            "set": {"DOWNLOAD_DELAY": 0.05, "AUTOTHROTTLE_START_DELAY": 0.05, "RETRY_ENABLED": False,
                    "LABOUR_SECTION_DEPTH": 0, "LABOUR_OUTPUT": str(tmp_path / "own.jsonl"),
                    "LABOUR_QUIET": True, "LOG_LEVEL": "WARNING", "LABOUR_MAX_ERROR_RATE": 1.0},
            "sites": [{"id": name, "base": srv.base_url, "host": srv.address[0],
                       "start": srv.url(listing if name == "slow" else manifest(srv.root)["listings"][0]["target"]),
                       "settings": own[name]} for name, srv in servers.items()],
        }
        proc = subprocess.run([sys.executable, "-c", RUN_SITES, json.dumps(cfg)], capture_output=True,
                              timeout=300, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    finally:
        for srv in servers.values():
            srv.shutdown()
    slow, plain = servers["slow"], servers["plain"]
    print("slow gaps", [round(g, 3) for g in starts_gaps(slow)], "plain gaps", [round(g, 3) for g in starts_gaps(plain)])
    assert slow.stats.total >= 4
    assert peak_overlap(spans(slow)) == 1 and slow.stats.max_in_flight == 1
    # AutoThrottle never went below the portal's own delay (0.6 s, against the global 0.05 s); the
    # gaps are seen by the server, so a request that reached it late (a loaded machine) shortens one
    assert min(starts_gaps(slow)) >= 0.6 - 0.1
    assert min(starts_gaps(plain)) < 0.6  # the others keep the global pace, not the slow portal's
    records = read_jsonl(tmp_path / "own.jsonl")
    quarantine = read_jsonl(tmp_path / "own.quarantine.jsonl")
    timed_out = {canonical(q["url"]) for q in quarantine if "timeout" in q["reason"].lower()}
    assert canonical(servers["short"].url(late["short"])) in timed_out  # 1.5 s > its own 0.5 s timeout
    assert canonical(servers["plain"].url(late["plain"])) in {canonical(r["url"]) for r in records}  # the global 30 s
