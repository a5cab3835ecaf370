"""Network failures, seen by the real engine on 127.0.0.1: a host that refuses connections gives
one WARNING line per failed request (no traceback below DEBUG), counted by kind in the progress
line and the summary, and the host is reported once with its count."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager

from scraper.spiders.portal import network_kind
from tests.crawling import run_crawl

QUICK = ["--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "RETRY_TIMES=1",
         "--set", "RETRY_BACKOFF_BASE=0.05", "--set", "LABOUR_PROGRESS_INTERVAL=0.2"]


@contextmanager
def closed_port() -> Iterator[int]:
    """A port on 127.0.0.1 that nothing listens on: bound, never listening, and released only
    afterwards, so that no other server (of another xdist worker, say) can be given it meanwhile."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        yield s.getsockname()[1]


def test_refused_host_one_warning_per_request_counted_by_kind(tmp_path):
    out = tmp_path / "x.jsonl"
    with closed_port() as port:
        proc = run_crawl("crawl", "--start-url", f"http://127.0.0.1:{port}/", "--start-url",
                         f"http://127.0.0.1:{port}/index.php/news", "-o", str(out), "--log-level", "INFO", *QUICK,
                         timeout=120)
    stderr = proc.stderr.decode()
    assert "Traceback" not in stderr, stderr[-3000:]
    warnings = [ln for ln in stderr.splitlines() if " WARNING: " in ln]
    failed = [ln for ln in warnings if " failed: refused: " in ln]
    assert len([ln for ln in failed if "listing http" in ln]) == 2, warnings
    assert all(ln.count("\n") == 0 for ln in failed)
    host_lines = [ln for ln in warnings if f"host 127.0.0.1:{port}:" in ln]
    assert len(host_lines) == 1 and "refused" in host_lines[0], warnings
    assert not [ln for ln in stderr.splitlines() if " ERROR: " in ln or " CRITICAL: " in ln], stderr[-3000:]
    summary = json.loads((tmp_path / "x.summary.json").read_text(encoding="utf-8"))
    assert summary["errors"] == {"refused": 2}
    # every failed request (listings, and robots.txt: Scrapy's check and the spider's sitemap look-up
    # for each start URL's site) had its one line, and the host sums them up once
    assert summary["failed_hosts"] == {f"127.0.0.1:{port}": {"refused": len(failed)}}
    assert f"{len(failed)} requests failed (refused {len(failed)})" in host_lines[0]
    assert summary["listing_errors"] == 2
    assert "errors: refused 2" in stderr
    assert proc.returncode == 1  # nothing harvested: every listing failed


def test_tracebacks_only_at_debug(tmp_path):
    with closed_port() as port:
        proc = run_crawl("crawl", "--start-url", f"http://127.0.0.1:{port}/", "-o", str(tmp_path / "x.jsonl"),
                         "--log-level", "DEBUG", *QUICK, timeout=120)
    assert "Traceback" in proc.stderr.decode()


def test_failure_kinds():
    from scrapy.exceptions import CannotResolveHostError, DownloadConnectionRefusedError, DownloadTimeoutError

    assert network_kind(CannotResolveHostError("x")) == "dns"
    assert network_kind(DownloadConnectionRefusedError("x")) == "refused"
    assert network_kind(DownloadTimeoutError("x")) == "timeout"
    try:
        try:
            raise OSError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
        except OSError as inner:
            raise RuntimeError("download failed") from inner
    except RuntimeError as exc:
        assert network_kind(exc) == "tls"
    assert network_kind(RuntimeError("connection lost")) == "other"
