"""Only articles become records: `labour-scraper demo` (real CLI, real Scrapy engine, 127.0.0.1) skips
the home page and the menu-only static pages, counts them, and records the home page's featured
article once, by its own id."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from tests.crawling import DEMO_SITE, manifest, read_jsonl, run_crawl

#: (and one xdist worker runs the module, so that its module-scoped demo crawl (demo_run) runs once)
pytestmark = [pytest.mark.skipif(not (DEMO_SITE / "_manifest.json").exists(), reason="no demo portal"),
              pytest.mark.xdist_group("test_crawl_static_pages")]


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("static") / "demo.jsonl"
    proc = run_crawl("demo", "-o", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    summary = json.loads(out.with_name("demo.summary.json").read_text(encoding="utf-8"))
    return read_jsonl(out), summary, proc.stderr.decode()


def _target(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_the_demo_has_static_pages_in_its_menu_and_a_featured_intro():
    m = manifest()
    home = (DEMO_SITE / "index.html").read_text(encoding="utf-8")
    assert m["static_pages"] and all(f'href="{t}"' in home for t in m["static_pages"])
    assert 'class="readmore"' in home and m["home_intro"]["read_more"] in home
    assert m["home_intro"]["id"] in {a["id"] for a in m["articles"]}


def test_no_record_for_the_home_page_or_the_static_pages(demo_run):
    records, _, _ = demo_run
    m = manifest()
    not_articles = {"/", "/index.php", "/index.php/", *m["static_pages"]}
    recorded = {_target(r["url"]) for r in records}
    assert not recorded & not_articles
    titles = {r["title"] for r in records}
    assert not titles & {"เกี่ยวกับหน่วยงาน", "ติดต่อเรา", "หน้าหลัก"}


def test_static_pages_are_counted_in_the_summary(demo_run):
    _, summary, stderr = demo_run
    assert summary["static_pages"] >= len(manifest()["static_pages"]) >= 1
    assert "static pages not recorded" in stderr


def test_featured_article_recorded_once_by_its_own_id(demo_run):
    records, _, _ = demo_run
    featured = manifest()["home_intro"]["id"]
    assert [r["id"] for r in records].count(featured) == 1


def test_records_are_exactly_the_true_articles(demo_run):
    records, summary, _ = demo_run
    m = manifest()
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) == len(m["articles"]) == summary["records_written"]
    assert set(ids) == {a["id"] for a in m["articles"]}
