"""Interrupted crawls: SIGINT then resume, and SIGKILL then re-run, end with exactly the full set
of records (no duplicates, no gaps) in an output that never holds a torn line."""

from __future__ import annotations

import json
import signal
import socket

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


def demo_faults() -> set[str]:
    return {f["target"] for f in manifest()["faults"]}


def check_quarantine_once(path):
    lines = read_jsonl(path)
    targets = ["/" + q["url"].split("/", 3)[3] for q in lines]
    assert len(targets) == len(set(targets)), "a quarantine line written twice"
    assert set(targets) == demo_faults()


@pytest.mark.parametrize("old_port", ["free", "taken"])
def test_demo_resume_rebases_or_drops_the_job_state(tmp_path, old_port):
    """`demo --job-dir` after Ctrl-C: the new run serves the portal on the old port when it is free
    (the queued requests stay valid), else on another one, and then the queue naming the old port
    is dropped (not replayed into refused connections); either way the full set, exit 0."""
    out = tmp_path / "demo.jsonl"
    job = tmp_path / "job"
    # the demo downloads far faster than one worker parses: with a small parse backlog the engine
    # waits for the parser, so that the interruption lands mid-crawl (with the default 50 MB the
    # whole portal is downloaded before the 40th record, and Ctrl-C finishes what was downloaded)
    args = ["demo", "-o", str(out), "--job-dir", str(job), "--quiet", "--set", "SCRAPER_SLOT_MAX_ACTIVE_SIZE=100000"]
    proc = start_crawl(*args)
    wait_for_lines(out, 40, proc)
    interrupt(proc, signal.SIGINT)
    assert 40 <= out.read_bytes().count(b"\n") < len(expected_numbers())
    origin = (job / "labour-scraper.origin").read_text().strip()
    port = int(origin.rsplit(":", 1)[1].strip("/"))
    blocker = socket.socket()
    try:
        if old_port == "taken":
            blocker.bind(("127.0.0.1", port))
            blocker.listen()
        second = run_crawl(*args)
    finally:
        blocker.close()
    stderr = second.stderr.decode()
    assert second.returncode == 0, stderr[-3000:]
    assert "Traceback" not in stderr and "refused" not in stderr, stderr[-3000:]
    summary = json.loads((tmp_path / "demo.summary.json").read_text(encoding="utf-8"))
    # the demo's two missing pages and nothing else; one may have failed before the interruption
    assert set(summary["errors"]) <= {"http_404"} and summary["errors"].get("http_404", 0) <= 2, summary["errors"]
    assert summary["job_state_dropped"] is (old_port == "taken")
    assert (f":{port}/" in stderr.splitlines()[0]) is (old_port == "free")
    check_complete(out)
    check_quarantine_once(out.with_name("demo.quarantine.jsonl"))

    if old_port == "taken":
        # nothing left to do: a success; the skipped records are counted; no quarantine line again
        third = run_crawl(*args)
        assert third.returncode == 0, third.stderr.decode()[-3000:]
        summary = json.loads((tmp_path / "demo.summary.json").read_text(encoding="utf-8"))
        assert summary["records_written"] == 0
        assert summary["skipped_already_written"] > 0  # (the pages seen before are not even read again)
        check_complete(out)
        check_quarantine_once(out.with_name("demo.quarantine.jsonl"))


def test_second_crawl_on_the_same_output_exits_3(tmp_path):
    """An output file is locked while a crawl writes it: a second crawl exits 3 with one line and
    leaves the first one's output alone."""
    out = tmp_path / "records.jsonl"
    with PortalServer(DEMO_SITE, faults=FaultPlan(global_delay=0.05)) as server:
        first = start_crawl("crawl", "--start-url", server.base_url, "-o", str(out), *FAST_BUT_POLITE)
        try:
            wait_for_lines(out, 5, first)
            second = run_crawl("crawl", "--start-url", server.base_url, "-o", str(out), *FAST_BUT_POLITE)
            assert out.read_bytes().count(b"\n") >= 5  # not replaced by the refused run
        finally:
            interrupt(first, signal.SIGINT)
    lines = second.stderr.decode().strip().splitlines()
    assert second.returncode == 3
    assert len(lines) == 1 and "is being written by another crawl" in lines[0], lines
    read_jsonl(out)  # whole lines only
