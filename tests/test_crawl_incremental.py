"""Incremental harvesting and --since, end to end (real engine, PortalServer on 127.0.0.1): a rerun
of an unchanged portal fetches no article page; --since never writes an older article, however it
was reached; a record's url is the article's link as the portal writes it."""

from __future__ import annotations

import json
from html import escape

from scraper.demo import portal
from scraper.demo.server import PortalServer, target_to_filename
from tests.crawling import DEMO_SITE, article_number, manifest, read_jsonl, run_crawl

FAST_BUT_POLITE = ["--quiet", "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False"]


def crawl(server, tmp_path, name, *extra):
    out = tmp_path / f"{name}.jsonl"
    proc = run_crawl("crawl", "--start-url", server.base_url, "-o", str(out), *FAST_BUT_POLITE, *extra)
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    return read_jsonl(out), json.loads((tmp_path / f"{name}.summary.json").read_text(encoding="utf-8"))


def test_incremental_rerun_of_the_unchanged_demo_fetches_no_article_page(tmp_path):
    m = manifest()
    article_targets = {a["target"] for a in m["articles"]} | {t for a in m["articles"] for t in a.get("also_at", ())}
    store = str(tmp_path / "harvest.sqlite3")
    with PortalServer(DEMO_SITE) as server:
        records, run1 = crawl(server, tmp_path, "run1", "--store", store)
        server.stats.reset()
        _, run2 = crawl(server, tmp_path, "run2", "--store", store)
        requested = set(server.stats.requests)
    assert run1["article_pages"] >= len(records) > 300
    # a moved link (301 to its article), listing dates the article page does not show, and pages
    # that failed for good were refetched on every rerun before the store remembered the links
    assert run2["article_pages"] == 0 and run2["articles_found"] == 0 and run2["refetched_changed"] == 0
    assert run2["known_unchanged"] >= len(records)
    assert not requested & article_targets, sorted(requested & article_targets)[:5]
    # the record's url: the article's own link as the portal writes it (not sorted, not escaped)
    by_number = {article_number(a["id"]): a for a in m["articles"]}
    for r in records:
        path, article = "/" + r["url"].split("/", 3)[3], by_number[article_number(r["id"])]
        assert path == article["target"] or path in article.get("also_at", ()), r["url"]


def test_since_never_writes_an_older_article(tmp_path):
    root = tmp_path / "portal"
    portal.build_portal(root, n_articles=40, seed=5)
    m = manifest(root)
    dated = sorted((a for a in m["articles"] if a.get("published")), key=lambda a: a["published"])
    oldest, newest = dated[0], dated[-1]
    since = newest["published"][:10]
    # a "latest news"-style module on the home page links the oldest article, without a date
    home = root / target_to_filename("/")
    html = home.read_text(encoding="utf-8")
    module = f'<ul class="mod-list"><li><a href="{escape(oldest["target"])}">{escape(oldest["title"])}</a></li></ul>'
    home.write_text(html.replace("</body>", module + "</body>"), encoding="utf-8")
    with PortalServer(root) as server:
        records, summary = crawl(server, tmp_path, "since", "--since", since)
    assert records, "the newest article is written"
    assert all(r["published"] is None or r["published"][:10] >= since for r in records), \
        [(r["id"], r["published"]) for r in records if r["published"] and r["published"][:10] < since]
    assert summary["skipped_before_since"] >= 1
