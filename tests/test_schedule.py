"""``labour-scraper schedule`` against a real cluster: two scrapyd nodes on 127.0.0.1 (different
ports) with the project deployed to both, four generated demo portals served on 127.0.0.2-5, and one
real PostgreSQL store (tests/pg.py) that every job harvests into at the same time.

The nodes and the command read a registry of those loopback portals through ``$LABOUR_SITES``
(scraper/registry.py); the deployed egg is the project's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from scraper import storage
from scraper.demo.portal import build_portal
from scraper.demo.server import PortalServer
from tests.crawling import ROOT, article_number
from tests.test_scrapyd import egg, start_scrapyd_retrying, stop  # noqa: F401 - egg is a fixture

PORTALS = ("fleet-a", "fleet-b", "fleet-c", "fleet-d")
FAST = ["--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "RETRY_BACKOFF_BASE=0.05"]


def write_registry(path, servers: dict[str, PortalServer]) -> None:
    lines = ["# loopback demo portals for tests/test_schedule.py"]
    for site, server in servers.items():
        lines += ["", "[[site]]", f'id = "{site}"', f'office = "demo office {site}"',
                  f'base_url = "{server.base_url}"', f'start_urls = ["{server.base_url}"]',
                  'note = "generated demo portal"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def fleet(tmp_path):
    """Four generated portals, each on its own loopback address; yields (registry, manifests)."""
    servers, manifests = {}, {}
    try:
        for i, site in enumerate(PORTALS):
            root = tmp_path / site
            manifests[site] = build_portal(root, n_articles=60, seed=40 + i, expected_records=False)
            servers[site] = PortalServer(root, host=f"127.0.0.{2 + i}").start()
        registry = tmp_path / "sites.toml"
        write_registry(registry, servers)
        yield registry, manifests
    finally:
        for server in servers.values():
            server.shutdown()


@pytest.fixture
def cluster(egg, fleet, tmp_path):  # noqa: F811 - the imported fixture
    registry, _ = fleet
    nodes = []
    try:
        for n in range(2):
            node = start_scrapyd_retrying(tmp_path, f"node{n}-", env={"LABOUR_SITES": str(registry)}, jobs_to_keep=50)
            nodes.append(node)
            deployed = node.add_version(egg, "1")
            assert deployed["spiders"] == 1, deployed
        yield nodes
    finally:
        for node in nodes:
            stop(node.proc)


def schedule(registry, *args: str, timeout: float = 400) -> subprocess.CompletedProcess:
    env = {**os.environ, "LABOUR_SITES": str(registry)}
    return subprocess.run([sys.executable, "-m", "scraper.cli", "schedule", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env)


def interval(summary: dict) -> tuple[datetime, datetime]:
    start = datetime.strptime(summary["started_at"], "%Y-%m-%dT%H:%M:%SZ")
    return start, start + timedelta(seconds=summary["duration_s"])


def test_schedule_spreads_portals_over_two_scrapyd_nodes_into_one_postgresql_store(
        cluster, fleet, fresh_postgres_url, tmp_path):
    registry, manifests = fleet
    urls = [node.url for node in cluster]
    report = tmp_path / "report.json"
    proc = schedule(registry, "--scrapyd", *urls, "--all", "--store", fresh_postgres_url, "--poll", "0.3",
                    "--report", str(report), *FAST)
    diagnostics = proc.stdout + proc.stderr + "".join(n.diagnostics() for n in cluster)
    print(proc.stdout)
    assert proc.returncode == 0, diagnostics

    # one progress line per change, then the summary
    lines = proc.stdout.splitlines()
    for site in PORTALS:
        assert sum(f"{site}: scheduled on " in ln for ln in lines) == 1, diagnostics
        assert sum(f"{site}: ok on " in ln for ln in lines) == 1, diagnostics
    assert "done in " in lines[-1] and "4 portals, 4 ok, 0 failed" in lines[-1], lines[-1]

    # spread evenly, least loaded first: two portals a node, and both nodes harvesting at once
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["ok"] == 4 and data["failed"] == 0
    assert sorted(len(n["portals"]) for n in data["nodes"]) == [2, 2], data["nodes"]
    assert sorted(p for n in data["nodes"] for p in n["portals"]) == list(PORTALS)
    by_node = {}
    for job in data["jobs"]:
        by_node.setdefault(job["node"], []).append(interval(job["summary"]))
    first, second = by_node.values()
    assert any(a0 <= b1 and b0 <= a1 for a0, a1 in first for b0, b1 in second), (
        f"no two jobs on different nodes ran at the same time: {by_node}")

    # every portal's articles are in the one store, under its registry id
    store = storage.open_store(fresh_postgres_url)
    try:
        known = store.known_articles()
    finally:
        store.close()
    for site, manifest in manifests.items():
        stored = {article_number(k.id) for k in known.values() if k.site == site}
        expected = {article_number(a["id"]) for a in manifest["articles"]}
        assert stored == expected, (site, sorted(expected - stored)[:10], sorted(stored - expected)[:10])

    # a portal locked by another run (here: this test) fails its job; the others go on; exit 1
    store = storage.open_store(fresh_postgres_url)
    try:
        with store.lock(["fleet-b"]):
            again = schedule(registry, "--scrapyd", *urls, "--site", "fleet-a", "fleet-b",
                             "--store", fresh_postgres_url, "--poll", "0.3", *FAST)
    finally:
        store.close()
    print(again.stdout)
    assert again.returncode == 1, again.stdout + again.stderr
    assert "fleet-a: ok on " in again.stdout
    failed = [ln for ln in again.stdout.splitlines() if "failed: fleet-b on " in ln]
    assert failed and "portal fleet-b of store" in failed[0] and "is locked by another process" in failed[0], (
        again.stdout)
    assert "2 portals, 1 ok, 1 failed" in again.stdout


def test_schedule_usage_mistakes_are_one_line_and_exit_2(fresh_postgres_url, tmp_path):
    """An unreachable node, before anything is scheduled."""
    import socket

    with socket.socket() as s:  # bound, never listening: refused, and no other server is given the port meanwhile
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "scraper.cli", "schedule", "--scrapyd",
                               f"http://127.0.0.1:{closed}/", "--site", "area5", "--store", fresh_postgres_url],
                              capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "argument --scrapyd:" in proc.stderr and "does not answer" in proc.stderr
    assert proc.stdout == ""
