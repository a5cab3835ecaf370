"""Helpers for end-to-end crawl tests: run the real CLI (real Scrapy engine) in a subprocess
against a PortalServer on 127.0.0.1 in this process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_SITE = ROOT / "fixtures" / "site"


def manifest(site_root: Path = DEMO_SITE) -> dict:
    return json.loads((site_root / "_manifest.json").read_text(encoding="utf-8"))


def crawl_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "scraper.cli", *args]


def run_crawl(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(crawl_command(*args), capture_output=True, timeout=timeout, cwd=ROOT)


def start_crawl(*args: str) -> subprocess.Popen:
    return subprocess.Popen(crawl_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                            start_new_session=True)


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    data = path.read_text(encoding="utf-8")
    assert data == "" or data.endswith("\n"), f"{path} ends in a torn line"
    return [json.loads(line) for line in data.splitlines()]


def article_number(record_id: str) -> int:
    return int(record_id.rsplit(":", 1)[1])


def wait_for_lines(path: Path, n: int, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        if proc.poll() is not None:
            raise AssertionError(f"crawl ended before {n} records: {proc.stderr.read().decode()[-2000:]}")
        time.sleep(0.05)
    raise AssertionError(f"no {n} records after {timeout}s")


def interrupt(proc: subprocess.Popen, sig: int, timeout: float = 120) -> int:
    os.kill(proc.pid, sig)
    try:
        return proc.wait(timeout=timeout)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
