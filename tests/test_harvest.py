"""Scheduled harvesting into a store, end to end (real engine, real server, real databases):
incremental fetch counts, revision detection, hit-count history, the lock, crash safety."""

from __future__ import annotations

import json
import re
import signal
from html import escape as html_escape

import pytest

from scraper import storage
from scraper.demo import portal
from scraper.demo.server import PortalServer, target_to_filename
from tests.crawling import article_number, interrupt, manifest, run_crawl, start_crawl, wait_for_lines

FAST_BUT_POLITE = ["--quiet", "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False"]


@pytest.fixture(params=["sqlite", "postgres"])
def store_location(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "harvest.sqlite3")
    return request.getfixturevalue("fresh_postgres_url")


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "portal"
    portal.build_portal(root, n_articles=80, seed=11)
    return root


def page_file(root, target):
    path = root / target_to_filename(target)
    return path / "index.html" if path.is_dir() else path


def harvest(server, store, tmp_path, name, *extra):
    report = tmp_path / f"{name}.report.json"
    proc = run_crawl("crawl", "--start-url", server.base_url, "--store", store, "-o", str(tmp_path / f"{name}.jsonl"),
                     "--report", str(report), *FAST_BUT_POLITE, *extra)
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    return json.loads(report.read_text(encoding="utf-8"))


def test_incremental_runs_revisions_and_hits_history(site, store_location, tmp_path):
    m = manifest(site)
    n = len(m["articles"])
    listing = next(c for c in m["listings"] if c["key"] == "j3list")
    first_page = page_file(site, listing["pages"][0])
    with PortalServer(site) as server:
        run1 = harvest(server, store_location, tmp_path, "run1")
        run2 = harvest(server, store_location, tmp_path, "run2")

        # edit one article: its text, and the date its listing shows (as an edit shows on a portal)
        html = first_page.read_text(encoding="utf-8")
        row = html.index('class="list-title"')
        href = html[html.index('href="', row) + 6: html.index('"', html.index('href="', row) + 6)]
        date_start = html.index('class="list-date small">', row) + len('class="list-date small">')
        date_end = html.index("</td>", date_start)
        first_page.write_text(html[:date_start] + "1 ม.ค. 2568" + html[date_end:], encoding="utf-8")
        article = page_file(site, href)
        title = next(a["title"] for a in m["articles"] if a["target"] == href or href in a.get("also_at", ()))
        text = article.read_text(encoding="utf-8")
        edited_text = text.replace(html_escape(title), html_escape(title) + " (แก้ไข)")
        assert edited_text != text
        article.write_text(edited_text, encoding="utf-8")
        run3 = harvest(server, store_location, tmp_path, "run3")

    # first run fetches every article; the second, unchanged, at most 10% of that
    assert run1["store"]["new"] == n
    assert run1["article_pages"] >= n
    assert run2["article_pages"] <= 0.1 * run1["article_pages"]
    assert run2["store"]["new"] == 0 and run2["store"]["changed"] == 0
    # the edit: exactly one revision
    assert run3["store"]["changed"] == 1

    store = storage.open_store(store_location)
    try:
        counts = store.counts()
        assert counts["articles"] == n
        assert counts["revisions"] == n + 1
        edited = [r for r in store.iter_revisions() if r["revision"] == 2]
        assert len(edited) == 1 and article_number(edited[0]["id"]) == int(href.rsplit("/", 1)[1].split("-")[0])
        # hit-count history: article page (run 1), then the list layout's counters (runs 2 and 3)
        history: dict[str, list] = {}
        for row in store.iter_hits():
            history.setdefault(row["id"], []).append(row)
        # the first page of the list layout is read on every run (later pages only while they hold
        # news): its articles have one observation per run
        on_first_page = {f"{run1['sites'][0]}:{n}" for n in re.findall(r'/index\.php/announcements/(\d+)-', html)}
        assert len(on_first_page) == 10
        for article_id in on_first_page:
            rows = history[article_id]
            assert len(rows) == 3, rows
            assert rows[0]["source"] == "article"
            assert {r["source"] for r in rows[1:]} <= {"listing", "article"}
    finally:
        store.close()


def test_second_run_is_refused_while_the_store_is_locked(site, store_location, tmp_path):
    store = storage.open_store(store_location)
    store.migrate()
    try:
        with store.lock(), PortalServer(site) as server:
            proc = run_crawl("crawl", "--start-url", server.base_url, "--store", store_location,
                             "-o", str(tmp_path / "x.jsonl"), *FAST_BUT_POLITE)
        assert proc.returncode == 3, proc.stderr.decode()[-2000:]
        assert b"lock" in proc.stderr.lower()
    finally:
        store.close()


def test_killed_harvest_leaves_a_consistent_complete_store(site, store_location, tmp_path):
    m = manifest(site)
    out = tmp_path / "h.jsonl"
    from scraper.demo.server import FaultPlan

    with PortalServer(site, faults=FaultPlan(global_delay=0.03)) as server:
        args = ["crawl", "--start-url", server.base_url, "--store", store_location, "-o", str(out),
                "--job-dir", str(tmp_path / "job"), *FAST_BUT_POLITE]
        proc = start_crawl(*args)
        wait_for_lines(out, 15, proc)
        interrupt(proc, signal.SIGKILL)
        again = run_crawl(*args)
        assert again.returncode == 0, again.stderr.decode()[-3000:]
    store = storage.open_store(store_location)
    try:
        ids = {k for k in store.known_articles()}
        assert {article_number(i) for i in ids} == {article_number(a["id"]) for a in m["articles"]}
        counts = store.counts()
        assert counts["articles"] == len(m["articles"]) == counts["revisions"]
    finally:
        store.close()


def test_crawl_locks_only_its_portal_in_postgresql(site, fresh_postgres_url, tmp_path):
    """`crawl --store postgresql://...` locks the portals it harvests: another portal's run does
    not stop it; a run on the same portal (here a bare start URL's portal, its host) exits 3."""
    store = storage.open_store(fresh_postgres_url)
    store.migrate()
    try:
        with PortalServer(site) as server:
            with store.lock(["area5"]):
                ok = run_crawl("crawl", "--start-url", server.base_url, "--store", fresh_postgres_url,
                               "-o", str(tmp_path / "a.jsonl"), *FAST_BUT_POLITE)
            assert ok.returncode in (0, 1), ok.stderr.decode()[-2000:]  # the demo's faults may exceed 10%
            assert "finish_reason" in (tmp_path / "a.summary.json").read_text()
            with store.lock(["127.0.0.1"]):
                refused = run_crawl("crawl", "--start-url", server.base_url, "--store", fresh_postgres_url,
                                    "-o", str(tmp_path / "b.jsonl"), *FAST_BUT_POLITE)
        assert refused.returncode == 3, refused.stderr.decode()[-2000:]
        assert b"portal 127.0.0.1 of store" in refused.stderr
    finally:
        store.close()
