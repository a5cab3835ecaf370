"""The README's main job: `labour-scraper demo` crawls the bundled demo portal completely."""

from __future__ import annotations

import json

import pytest

from pipelines.validate import validation_errors
from tests.crawling import DEMO_SITE, manifest, read_jsonl, run_crawl

#: one xdist worker runs the module, so that its module-scoped demo crawl (demo_run) runs once
pytestmark = pytest.mark.xdist_group("test_crawl_demo")


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "demo.jsonl"
    proc = run_crawl("demo", "-o", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    return out, proc


def test_every_article_exactly_once_and_schema_valid(demo_run):
    out, _ = demo_run
    records = read_jsonl(out)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "duplicate records"
    expected = {a["id"] for a in manifest()["articles"]}
    assert set(ids) == expected
    for record in records:
        assert validation_errors(record) == [], record["id"]


def test_fields_match_the_portal_ground_truth(demo_run):
    out, _ = demo_run
    by_id = {r["id"]: r for r in read_jsonl(out)}
    wrong = []
    for article in manifest()["articles"]:
        record = by_id[article["id"]]
        for field in ("title", "published", "author", "hits", "category"):
            if field in article and record[field] != article[field]:
                wrong.append((article["id"], field, record[field], article[field]))
        assert record["site"] == "demo" and record["office"]
        assert record["scraped_at"] and record["url"].startswith("http://127.0.0.1:")
    assert not wrong, wrong[:10]


def test_faults_are_quarantined_with_their_reason(demo_run):
    out, _ = demo_run
    quarantine = read_jsonl(out.with_name("demo.quarantine.jsonl"))
    by_path = {}
    for entry in quarantine:
        target = entry["url"].split("/", 3)[3]
        by_path["/" + target] = entry
    for fault in manifest()["faults"]:
        assert fault["target"] in by_path, (fault, sorted(by_path))
        assert fault["reason"] in by_path[fault["target"]]["reason"]
    assert len(quarantine) == len(manifest()["faults"])


def test_summary_is_written_and_printed(demo_run):
    out, proc = demo_run
    summary = json.loads(out.with_name("demo.summary.json").read_text(encoding="utf-8"))
    m = manifest()
    assert summary["finish_reason"] == "finished"
    assert summary["records_written"] == len(m["articles"])
    assert summary["quarantined"] == len(m["faults"])
    assert summary["pages_fetched"] > len(m["articles"])
    assert "records written" in proc.stderr.decode()


def test_since_stops_paging_without_gaps(tmp_path):
    """`--since` in the Buddhist era: every newer article, and paging stops at older listings."""
    articles = manifest()["articles"]
    days = sorted(a["published"][:10] for a in articles)
    since_ce = days[len(days) // 2]
    since_be = f"{int(since_ce[:4]) + 543}{since_ce[4:]}"
    out = tmp_path / "since.jsonl"
    proc = run_crawl("demo", "-o", str(out), "--quiet", "--since", since_be)
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    got = {r["id"] for r in read_jsonl(out)}
    newer = {a["id"] for a in articles if a["published"][:10] >= since_ce}
    older = {a["id"] for a in articles if a["published"][:10] < since_ce}
    assert newer <= got
    assert len(got & older) < 0.2 * len(older)  # only what undated links (menus, modules) reach
    summary = json.loads(out.with_name("since.summary.json").read_text(encoding="utf-8"))
    assert summary["paging_stopped_since"] > 0 and summary["older_than_since"] > 0


def test_articles_only_in_the_sitemap_are_found(tmp_path):
    """A portal whose pages link nowhere: robots.txt's Sitemap: line is the only way in."""
    import shutil

    from scraper.demo.server import PortalServer, target_to_filename

    site = tmp_path / "site"
    site.mkdir()
    chosen = [a for a in manifest()["articles"] if a["shape"] == "joomla3_default"][:3]
    for article in chosen:
        source = DEMO_SITE / target_to_filename(article["target"])
        source = source / "index.html" if source.is_dir() else source
        dest = site / target_to_filename(article["target"])
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, dest)
        meta = source.with_name(source.name + ".meta.json")
        if meta.exists():
            shutil.copy(meta, dest.with_name(dest.name + ".meta.json"))
    (site / "index.html").write_text("<html><body><p>ยินดีต้อนรับ</p></body></html>", encoding="utf-8")
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /administrator/\nSitemap: /sitemap.xml\n")
    urls = "".join(f"<url><loc>{a['target'].replace('&', '&amp;')}</loc></url>" for a in chosen)
    (site / "sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>", encoding="utf-8")
    out = tmp_path / "sitemap.jsonl"
    with PortalServer(site) as server:
        proc = run_crawl("crawl", "--start-url", server.base_url, "-o", str(out), "--unpolite", "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    got = {r["id"].rsplit(":", 1)[1] for r in read_jsonl(out)}
    assert got == {a["id"].rsplit(":", 1)[1] for a in chosen}
