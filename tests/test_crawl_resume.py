"""Interrupted crawls: SIGINT then resume, and SIGKILL then re-run, end with exactly the full set
of records (no duplicates, no gaps) in an output that never holds a torn line."""

from __future__ import annotations

import signal

import pytest

from scraper.demo.server import FaultPlan, PortalServer
from tests.crawling import (
    DEMO_SITE,
    article_number,
    interrupt,
    manifest,
    read_jsonl,
    run_crawl,
    start_crawl,
    wait_for_lines,
)

FAST_BUT_POLITE = ["--quiet", "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False"]


def expected_numbers() -> set[int]:
    return {article_number(a["id"]) for a in manifest()["articles"]}


def check_complete(out):
    records = read_jsonl(out)  # also asserts no torn tail
    numbers = [article_number(r["id"]) for r in records]
    assert len(numbers) == len(set(numbers)), "duplicate records after resume"
    assert set(numbers) == expected_numbers()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["sigint", "sigkill"])
def test_interrupted_crawl_resumes_to_the_full_set(tmp_path, sig):
    out = tmp_path / "records.jsonl"
    job = tmp_path / "job"
    # a slow server, so that the interruption lands mid-crawl
    with PortalServer(DEMO_SITE, faults=FaultPlan(global_delay=0.03)) as server:
        args = ["crawl", "--start-url", server.base_url, "-o", str(out), "--job-dir", str(job), *FAST_BUT_POLITE]
        proc = start_crawl(*args)
        wait_for_lines(out, 40, proc)
        code = interrupt(proc, sig)
        if sig == signal.SIGKILL:
            assert code == -signal.SIGKILL
            assert (job / "labour-scraper.running").exists()  # a crash, as the next run will see
        whole_lines = out.read_bytes().count(b"\n")  # a SIGKILL may leave a torn tail: repaired on re-run
        assert 40 <= whole_lines < len(expected_numbers())
        second = run_crawl(*args)
        assert second.returncode == 0, second.stderr.decode()[-3000:]
    check_complete(out)
    assert not (job / "labour-scraper.running").exists()
