"""crawl CLI behaviour that needs no server: usage errors, politeness guard, fresh outputs."""

from __future__ import annotations

from tests.crawling import run_crawl


def test_unknown_site_is_a_usage_error(tmp_path):
    proc = run_crawl("crawl", "--site", "nowhere", "-o", str(tmp_path / "x.jsonl"))
    assert proc.returncode == 2 and b"unknown site id" in proc.stderr


def test_unpolite_refused_off_loopback(tmp_path):
    proc = run_crawl("crawl", "--start-url", "https://www.labour.go.th/", "--unpolite", "-o", str(tmp_path / "x.jsonl"))
    assert proc.returncode == 2 and b"loopback" in proc.stderr


def test_bad_since_is_a_usage_error(tmp_path):
    proc = run_crawl("crawl", "--site", "area10", "--since", "31/02/2567", "-o", str(tmp_path / "x.jsonl"))
    assert proc.returncode == 2 and b"since" in proc.stderr


def test_sites_lists_the_registry():
    proc = run_crawl("sites")
    text = proc.stdout.decode()
    assert proc.returncode == 0
    assert "area10" in text and "nakhonratchasima" in text and "กรมสวัสดิการและคุ้มครองแรงงาน" in text


def test_exit_code_threshold():
    from scraper.crawl import exit_code

    ok = {"finish_reason": "finished", "articles_found": 100, "quarantined": 5, "listing_errors": 0}
    assert exit_code(ok, 0.10) == 0
    assert exit_code({**ok, "quarantined": 11}, 0.10) == 1
    assert exit_code({**ok, "finish_reason": "shutdown"}, 0.10) == 1
    assert exit_code(None, 0.10) == 1
    # a resumed run writes the articles its job dir had queued without finding them again
    resumed = {"finish_reason": "finished", "articles_found": 11, "records_written": 235, "quarantined": 3}
    assert exit_code(resumed, 0.10) == 0
