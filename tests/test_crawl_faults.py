"""A portal with faults, crawled by the real engine: every article ends as a record or as a
quarantine line with its reason; politeness holds as seen from the server."""

from __future__ import annotations

import json

import pytest

from scraper.demo import portal
from scraper.demo.server import FaultPlan, PortalServer, target_to_filename
from tests.crawling import article_number, manifest, read_jsonl, run_crawl

#: one xdist worker runs the module, so that its module-scoped crawl (crawl_result) runs once
pytestmark = pytest.mark.xdist_group("test_crawl_faults")


@pytest.fixture(scope="module")
def faulty_portal(tmp_path_factory):
    root = tmp_path_factory.mktemp("portal")
    portal.build_portal(root, n_articles=60, seed=7)
    m = manifest(root)
    articles = [a for a in m["articles"] if not a.get("also_at")]
    pick = {name: articles[i]["target"] for i, name in enumerate(
        ["flaky", "slow", "gone", "throttled", "robots", "loop", "huge", "charset"])}
    # offsite links on the home page: followed by nobody
    home = root / target_to_filename("/")
    html = home.read_text(encoding="utf-8").replace(
        "</body>", '<a href="http://offsite.invalid/index.php/news/5-x">x</a>'
                   '<a href="https://www.mol.go.th/index.php/news/77-y">y</a></body>')
    home.write_text(html, encoding="utf-8")
    # no sitemap here: every article must be found through the listings, feeds and menus
    robots = root / "robots.txt"
    rules = [ln for ln in robots.read_text(encoding="utf-8").splitlines() if not ln.lower().startswith("sitemap")]
    robots.write_text("\n".join(rules) + f"\nDisallow: {pick['robots']}\n", encoding="utf-8")
    (root / target_to_filename("/sitemap.xml")).unlink()
    faults = FaultPlan(
        status_sequence={pick["flaky"]: [500, 200]},
        delay={pick["slow"]: 6.0},
        not_found={pick["gone"]},
        retry_after={pick["throttled"]: (429, 1, 1)},
        redirect={pick["loop"]: pick["loop"] + "&loop=1" if "?" in pick["loop"] else pick["loop"] + "?loop=1",
                  (pick["loop"] + "&loop=1" if "?" in pick["loop"] else pick["loop"] + "?loop=1"): pick["loop"]},
        huge={pick["huge"]: 30 * 1024 * 1024},
        wrong_charset={pick["charset"]: "utf-8"},
        global_delay=0.03,
    )
    return root, m, pick, faults


@pytest.fixture(scope="module")
def crawl_result(faulty_portal, tmp_path_factory):
    root, m, pick, faults = faulty_portal
    out = tmp_path_factory.mktemp("out") / "faults.jsonl"
    with PortalServer(root, faults=faults) as server:
        proc = run_crawl(
            "crawl", "--start-url", server.base_url, "-o", str(out), "--quiet",
            # polite concurrency as shipped; only the delays are shortened for the test
            "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False",
            "--set", "DOWNLOAD_TIMEOUT=2", "--set", "RETRY_TIMES=1", "--set", "RETRY_BACKOFF_BASE=0.1",
            "--max-error-rate", "1",  # faults are the point here; the threshold is tested in test_crawl_cli
        )
        stats = server.stats
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    return out, stats, proc


def test_every_article_is_a_record_or_quarantined_with_reason(faulty_portal, crawl_result):
    root, m, pick, _ = faulty_portal
    out, _, _ = crawl_result
    records = read_jsonl(out)
    quarantine = read_jsonl(out.with_name("faults.quarantine.jsonl"))
    got = {article_number(r["id"]) for r in records}
    assert len(got) == len(records), "duplicates"
    reasons = {"/" + q["url"].split("/", 3)[3]: q["reason"] for q in quarantine}
    for article in m["articles"]:
        number = article_number(article["id"])
        target = article["target"]
        if target in (pick["slow"], pick["gone"], pick["robots"], pick["loop"], pick["huge"]):
            assert number not in got
            assert target in reasons, (target, reasons)
        else:
            assert number in got, article
    assert "HTTP 404" in reasons[pick["gone"]]
    assert "robots" in reasons[pick["robots"]].lower()
    assert "redirect" in reasons[pick["loop"]].lower()
    assert "timeout" in reasons[pick["slow"]].lower() or "timed out" in reasons[pick["slow"]].lower()
    assert "size" in reasons[pick["huge"]].lower() or "cancel" in reasons[pick["huge"]].lower()
    for fault in m["faults"]:
        assert fault["reason"] in reasons[fault["target"]]


def test_retries_and_retry_after(faulty_portal, crawl_result):
    _, m, pick, _ = faulty_portal
    out, stats, _ = crawl_result
    assert stats.count(pick["flaky"]) == 2  # 500, then 200
    assert stats.count(pick["throttled"]) == 2  # 429 with Retry-After, then 200
    by_target = {a["target"]: a for a in m["articles"]}
    titles = {r["title"] for r in read_jsonl(out)}
    assert by_target[pick["flaky"]]["title"] in titles
    assert by_target[pick["throttled"]]["title"] in titles
    assert by_target[pick["charset"]]["title"] in titles  # wrong charset header, right text


def test_politeness_seen_from_the_server(faulty_portal, tmp_path):
    """At most 2 requests in flight per host, as the server counts them (a separate crawl: the
    fault crawl's timed-out request keeps a server thread busy after the client has gone)."""
    root, _, _, _ = faulty_portal
    out = tmp_path / "polite.jsonl"
    with PortalServer(root, faults=FaultPlan(global_delay=0.05)) as server:
        proc = run_crawl("crawl", "--start-url", server.base_url, "-o", str(out), "--quiet", "--max-pages", "60",
                         "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False")
        stats = server.stats
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    assert stats.max_in_flight == 2  # CONCURRENT_REQUESTS_PER_DOMAIN, reached and never exceeded
    assert stats.requests.get("/robots.txt", 0) <= 2  # Scrapy's robots check, and the spider's sitemap look-up
    assert stats.total >= 60


def test_offsite_links_not_followed(crawl_result):
    out, _, _ = crawl_result
    summary = json.loads(out.with_name("faults.summary.json").read_text(encoding="utf-8"))
    assert summary["offsite_links"] >= 2
    assert not any("DNS" in kind or "Lookup" in kind for kind in summary["errors"])
