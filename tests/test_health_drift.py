"""Layout drift, end to end (real Scrapy engine, real HTTP server on 127.0.0.1, real stores): a
portal harvested, then served as after its Joomla admin switched off "Show Hits" and "Show
Publish Date", and harvested again: the crawl exits 4 with a layout_drift finding in its report,
and `health` flags that portal and exits 4. The same portal unchanged, harvested three times
(full, full again, incremental), is never flagged."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from scraper import storage
from scraper.demo import portal
from scraper.demo.server import PortalServer
from tests.crawling import ROOT, run_crawl

FAST_BUT_POLITE = ["--quiet", "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False"]
SEED, ARTICLES = 11, 80


@pytest.fixture(params=["sqlite", "postgres"])
def store_location(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "harvest.sqlite3")
    return request.getfixturevalue("fresh_postgres_url")


def harvest(server, store, tmp_path, name, *extra, expect: int) -> dict:
    report = tmp_path / f"{name}.report.json"
    proc = run_crawl("crawl", "--start-url", server.base_url, "--store", store, "--report", str(report),
                     *FAST_BUT_POLITE, *extra)
    err = proc.stderr.decode()
    assert proc.returncode == expect, f"{name}: exit {proc.returncode}\n{err[-3000:]}"
    assert "Traceback" not in err, err[-3000:]
    return json.loads(report.read_text(encoding="utf-8"))


def health(store, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scraper.cli", "health", "--store", store, *args],
                          capture_output=True, timeout=120, cwd=ROOT, text=True)


def test_hidden_hits_and_dates_are_a_layout_drift(store_location, tmp_path):
    root = tmp_path / "portal"
    portal.build_portal(root, n_articles=ARTICLES, seed=SEED, expected_records=False)
    with PortalServer(root) as server:
        # unchanged: a full run, a full run again (every article refetched), an incremental run
        run1 = harvest(server, store_location, tmp_path, "run1", expect=0)
        run2 = harvest(server, store_location, tmp_path, "run2", "--refetch", "always", expect=0)
        run3 = harvest(server, store_location, tmp_path, "run3", expect=0)
        site = run1["sites"][0]
        unchanged = health(store_location)
        assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr

        # the admin's switch: the same articles, their Joomla pages without hits and dates
        portal.build_portal(root, n_articles=ARTICLES, seed=SEED, hide=("hits", "dates"))
        run4 = harvest(server, store_location, tmp_path, "run4", "--refetch", "always", expect=4)

    for report in (run1, run2, run3):
        assert report["findings"] == [] and len(report["health"]) == 1
    first, again, incremental = (r["health"][0] for r in (run1, run2, run3))
    assert first["site"] == site and first["records"] >= ARTICLES - 4 and first["coverage_hits"] > 0.7
    assert all(c["median"] is None for c in first["compared"].values())  # the first run: no history
    assert again["records"] == first["records"] and again["coverage_hits"] == first["coverage_hits"]
    assert again["compared"]["coverage_hits"]["previous_runs"] == 1
    assert incremental["records"] < 10  # nothing new: too few records to measure a share
    assert "coverage_hits" not in incremental["compared"]
    assert incremental["compared"]["articles_per_listing"]["drift"] is False

    # the drift: in the run report, on stderr, in the exit code (4, checked above)
    drift = run4["health"][0]
    assert drift["coverage_hits"] < 0.3 and drift["coverage_published"] < 0.5
    figures = {f["figure"] for f in run4["findings"]}
    assert figures == {"coverage_hits", "coverage_published"}, run4["findings"]
    assert all(f["kind"] == "layout_drift" and f["site"] == site and f["previous_runs"] == 2
               for f in run4["findings"])

    table = health(store_location)
    assert table.returncode == 4, table.stdout + table.stderr
    print(table.stdout)  # the README's example (-s shows it)
    row = next(line for line in table.stdout.splitlines() if line.startswith(site + " "))
    assert "layout_drift: hits, published" in row
    as_json = health(store_location, "--site", site, "--format", "json")
    assert as_json.returncode == 4
    [entry] = json.loads(as_json.stdout)
    assert entry["runs"] == 4 and entry["last_run"] == run4["run_id"]
    assert {f["figure"] for f in entry["findings"]} == figures
    assert entry["figures"]["coverage_hits"]["median"] == pytest.approx(first["coverage_hits"])

    store = storage.open_store(store_location)
    try:
        rows = store.portal_health([site])
    finally:
        store.close()
    assert [r["run_id"] for r in rows] == [r["run_id"] for r in (run1, run2, run3, run4)]
    assert [bool(r["findings"]) for r in rows] == [False, False, False, True]
    assert rows[-1]["newest_published"] and rows[0]["finish_reason"] == "finished"
