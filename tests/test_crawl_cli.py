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
