"""Per-portal page objects are pinned by web-poet URL rules on the portal's domain, and only there.

The example is ``scraper/pages/portals/osh.py``: the safety portal prints an article's hit count in
a sidebar box, which every other reader rightly ignores. Its cost as a new layout: that module,
one import line in ``scraper/pages/portals/__init__.py`` and the fixture pair
``fixtures/handwritten/portals/osh_sidebar_hits.{html,json}`` (checked by tests/test_handwritten.py
and, with class names replaced, by tests/test_metamorphic.py).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.extract import extract_one
from scraper.pages.generic import ArticlePage
from scraper.pages.joomla3 import Joomla3ArticlePage
from scraper.pages.portals.osh import OshArticlePage
from scraper.pages.rules import page_for, pinned_class

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "handwritten" / "portals" / "osh_sidebar_hits.html"
EXPECTED = json.loads(FIXTURE.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("url", [
    "https://osh.labour.go.th/index.php/safety-news/412-heat-stress",
    "http://osh.labour.go.th/index.php?option=com_content&view=article&id=412",
])
def test_the_portal_rule_pins_its_page_object(url):
    assert pinned_class(url) is OshArticlePage
    assert type(page_for(FIXTURE.read_bytes(), url)) is OshArticlePage


@pytest.mark.parametrize("url", [
    "https://area5.labour.go.th/index.php/safety-news/412-heat-stress",
    "https://osh.labour.go.th.example.org/index.php/412-heat-stress",
])
def test_other_portals_are_not_pinned(url):
    assert pinned_class(url) is None
    page = page_for(FIXTURE.read_bytes(), url)
    assert type(page) is Joomla3ArticlePage


def test_only_the_pinned_page_object_reads_the_sidebar_count():
    data = FIXTURE.read_bytes()
    pinned = extract_one(data, EXPECTED["url"])
    assert pinned["hits"] == EXPECTED["hits"] == 1205
    elsewhere = extract_one(data, "https://area5.labour.go.th/index.php/safety-news/412-heat-stress")
    assert elsewhere["hits"] is None  # a sidebar's number is not an article's count by default
    assert {k: elsewhere[k] for k in ("title", "published", "author", "category")} == \
        {k: EXPECTED[k] for k in ("title", "published", "author", "category")}


def test_the_site_wide_counter_is_not_taken():
    html = FIXTURE.read_bytes().replace("สถิติบทความนี้".encode(), "สถิติ".encode())
    assert extract_one(html, EXPECTED["url"])["hits"] is None


#: A first extraction in a fresh process whose tldextract cache is empty (a new install): every
#: attempt to resolve a host is recorded, and the process's stderr is kept.
_FRESH_PROCESS = """
import socket, sys
attempts = []
def record(*args, **kwargs):
    attempts.append(args[0])
    raise OSError("no network in this test")
socket.getaddrinfo = record
from scraper.extract import extract_one
extract_one(open(sys.argv[1], "rb").read(), sys.argv[2])
print(attempts)
"""


def test_a_new_install_extracts_offline_without_a_traceback(tmp_path):
    """Registering the URL rules already splits their domains with tldextract: its bundled suffix
    list must be in place before the first rule, or an offline first run logs a traceback."""
    done = subprocess.run([sys.executable, "-c", _FRESH_PROCESS, str(FIXTURE), EXPECTED["url"]],
                          capture_output=True, text=True, timeout=120, cwd=FIXTURE.parents[3],
                          env={"PATH": "", "TLDEXTRACT_CACHE": str(tmp_path / "tldextract")})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert "Traceback" not in done.stderr and "Public Suffix" not in done.stderr, done.stderr


def test_url_rules_never_reach_the_network(monkeypatch):
    """web-poet's URL matching splits domains with tldextract, whose default downloads the Public
    Suffix List: the bundled snapshot is used instead."""
    def no_network(*args, **kwargs):
        raise AssertionError(f"network access during URL matching: {args!r}")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    assert pinned_class("https://osh.labour.go.th/x/1-a") is OshArticlePage
    assert pinned_class("https://sub.newly-seen-domain.co.th/x") is None
    assert issubclass(OshArticlePage, ArticlePage)
