"""``labour-scraper sites --check`` against generated demo portals on 127.0.0.2-4 (each started at
a listing of another CMS) and one closed port, through a registry file pointed at loopback; never
a real host."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from scraper.demo.portal import build_portal
from scraper.demo.server import PortalServer
from scraper.registry import load_sites
from tests.crawling import ROOT

#: site id -> the listing its registry entry starts at (a category of the demo portal)
LISTINGS = {
    "demo-k2": "index.php/component/k2/itemlist/category/5-activities",
    "demo-wp": "category/press/",
    "demo-j3": "index.php/announcements",
}
HEADER = "# Loopback portals for tests/test_sitecheck.py.\n# This comment must survive --update.\n"


@pytest.fixture
def portals(tmp_path):
    servers = {}
    blocker = socket.socket()  # a port nobody listens on: bound (never listening) until the test ends
    try:
        for i, site in enumerate(LISTINGS):
            root = tmp_path / site
            build_portal(root, n_articles=40, seed=7 + i, expected_records=False)
            servers[site] = PortalServer(root, host=f"127.0.0.{2 + i}").start()
        blocker.bind(("127.0.0.9", 0))
        closed = f"http://127.0.0.9:{blocker.getsockname()[1]}/"
        entries = []
        for site, server in servers.items():
            entries.append(f'[[site]]\nid = "{site}"\noffice = "demo {site}"\nbase_url = "{server.base_url}"\n'
                           f'start_urls = ["{server.base_url}{LISTINGS[site]}"]\nnote = "generated"\n')
        entries.append(f'[[site]]\nid = "closed"\noffice = "nobody home"\nbase_url = "{closed}"\n'
                       f'start_urls = ["{closed}"]\n\n[site.settings]\nDOWNLOAD_DELAY = 2\n')
        registry = tmp_path / "sites.toml"
        registry.write_text(HEADER + "\n" + "\n".join(entries), encoding="utf-8")
        yield registry, servers
    finally:
        blocker.close()
        for server in servers.values():
            server.shutdown()


def sites(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scraper.cli", "sites", *args], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)


def test_sites_check_probes_each_portal_and_records_the_findings(portals, tmp_path):
    registry, servers = portals
    out = tmp_path / "check.json"
    proc = sites("--registry", str(registry), "--check", "--delay", "0.2", "--json", str(out), "--update")
    print(proc.stdout, proc.stderr)
    assert proc.returncode == 1, proc.stderr  # one portal is not reachable

    table = proc.stdout.splitlines()
    assert table[0].split() == ["id", "reachable", "cms", "family", "feed", "sitemap", "listed", "fields"]
    rows = {line.split()[0]: line for line in table[1:]}
    assert set(rows) == {*LISTINGS, "closed"}
    assert "no: connection refused" in rows["closed"]

    found = {p["id"]: p for p in json.loads(out.read_text(encoding="utf-8"))["portals"]}
    assert found["closed"]["reachable"] is False and found["closed"]["reason"] == "connection refused"
    assert {site: found[site]["family"] for site in LISTINGS} == {
        "demo-k2": "k2", "demo-wp": "wordpress", "demo-j3": "joomla3"}
    assert found["demo-wp"]["cms"].startswith("WordPress")
    assert found["demo-j3"]["cms"].startswith("Joomla")
    for site, server in servers.items():
        f = found[site]
        assert f["reachable"] and f["reason"] is None, f
        assert f["feed"] and f["sitemap"] == server.base_url + "sitemap.xml", f
        assert f["listing"] == server.base_url + LISTINGS[site] and f["articles_listed"] >= 5, f
        assert f["article"].startswith(server.base_url)
        assert {"title", "published", "body"} <= set(f["fields"]), f
        assert set(f["fields"]) | set(f["missing"]) == {"title", "published", "author", "hits", "category", "body",
                                                        "attachments", "images"}
        # politely: robots.txt, home, one listing, one article; one at a time, --delay apart
        assert server.stats.total == f["requests"] == 4, server.stats.requests
        assert server.stats.count("/robots.txt") == 1 and server.stats.max_in_flight == 1
        assert f["seconds"] >= 3 * 0.2
    assert "hits" in found["demo-j3"]["fields"] and "hits" in found["demo-k2"]["missing"]

    # --update: [site.check] tables in the registry, which still loads; comments and settings kept
    text = registry.read_text(encoding="utf-8")
    assert text.startswith(HEADER) and text.count("[site.check]") == 4
    entries = load_sites(registry)
    assert entries["closed"].check["reachable"] is False and entries["closed"].check["reason"] == "connection refused"
    assert entries["closed"].settings == {"DOWNLOAD_DELAY": 2}
    assert entries["demo-k2"].check["family"] == "k2" and "title" in entries["demo-k2"].check["fields"]
    assert entries["demo-k2"].check["date"] == entries["closed"].check["date"]

    # checking again replaces a portal's findings, it does not add a second table
    again = sites("--registry", str(registry), "--check", "--site", "closed", "--update")
    assert again.returncode == 1, again.stderr
    text = registry.read_text(encoding="utf-8")
    assert text.count("[site.check]") == 4 and text.startswith(HEADER)
    assert load_sites(registry)["demo-k2"].check == entries["demo-k2"].check


def test_sites_check_usage_mistakes(portals, tmp_path):
    registry, _ = portals
    for args, argument in ((["--json", str(tmp_path / "x.json")], "--json"), (["--update"], "--update"),
                           (["--check", "--site", "nope"], "--site"),
                           (["--check", "--json", str(tmp_path)], "--json")):
        proc = sites("--registry", str(registry), *args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.count("\n") == 1 and f"argument {argument}:" in proc.stderr, proc.stderr


def test_update_checks_only_adds_check_tables_to_the_packaged_registry(tmp_path):
    """On the real registry file (a copy): every line people wrote stays as it was, in order; an
    unknown key in [site.check] is refused when the registry loads."""
    from datetime import date

    from scraper.registry import RegistryError, default_registry_path, parse_sites, update_checks

    original = default_registry_path().read_text(encoding="utf-8")
    copy = tmp_path / "sites.toml"
    copy.write_text(original, encoding="utf-8")
    done = update_checks(copy, {"area5": {"date": date(2025, 6, 1), "reachable": False, "reason": "timeout"},
                                "osh": {"date": date(2025, 6, 1), "reachable": True, "cms": 'Joomla! "3"',
                                        "fields": ["title", "hits"], "missing": []}})
    assert done == ["osh", "area5"]
    updated = copy.read_text(encoding="utf-8").splitlines()
    kept = iter(updated)
    assert all(any(line == other for other in kept) for line in original.splitlines())  # a subsequence
    assert len(updated) - len(original.splitlines()) == 4 + 6
    loaded = load_sites(copy)
    assert loaded["osh"].check == {"date": date(2025, 6, 1), "reachable": True, "cms": 'Joomla! "3"',
                                   "fields": ["title", "hits"], "missing": []}
    assert loaded["area6"].check == {}
    with pytest.raises(RegistryError, match=r"unknown key\(s\) in \[site.check\]: 'colour'"):
        parse_sites('[[site]]\nid = "a"\noffice = "x"\nbase_url = "https://a.example/"\n'
                    'start_urls = ["https://a.example/"]\n[site.check]\ncolour = "red"\n')
