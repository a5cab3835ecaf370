"""Tests for scraper/demo/portal.py: the generated demo portal, served by PortalServer."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import urllib.error
import urllib.request
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html

from scraper.demo.portal import CATEGORIES, EXPECTED, MANIFEST, PER_PAGE, build_portal, file_for_target, main
from scraper.demo.server import PortalServer
from scraper.demo.shapes import SHAPES
from scraper.pages.rules import parse_article
from scraper.parsers.errors import ExtractionError

N = 48


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("portal")
    return root, build_portal(root, n_articles=N, seed=7, expected_records=True)


@pytest.fixture(scope="module")
def served(portal):
    root, manifest = portal
    with PortalServer(root) as srv:
        yield srv, root, manifest


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}  # fmt: skip


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(srv, target: str, *, follow: bool = True) -> tuple[int, dict, bytes, str]:
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(srv.url(target), timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read(), resp.url
    except urllib.error.HTTPError as err:
        with err:
            return err.code, dict(err.headers), err.read(), srv.url(target)


def charset_of(headers: dict) -> str | None:
    m = re.search(r"charset=([\w-]+)", headers.get("Content-Type", ""))
    return m.group(1) if m else None


# --- generation -------------------------------------------------------------------------------------
def test_generation_is_deterministic(tmp_path, portal):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    build_portal(a, n_articles=30, seed=11, expected_records=False)
    build_portal(b, n_articles=30, seed=11, expected_records=False)
    build_portal(c, n_articles=30, seed=12, expected_records=False)
    assert tree_digest(a) == tree_digest(b)
    assert tree_digest(a) != tree_digest(c)
    assert not (a / EXPECTED).exists()
    # the expensive ground truth does not change the pages
    d = tmp_path / "d"
    build_portal(d, n_articles=30, seed=11, expected_records=True)
    da = {k: v for k, v in tree_digest(d).items() if k != EXPECTED}
    assert da == tree_digest(a)


def test_manifest_shape_and_counts(portal):
    root, m = portal
    assert json.loads((root / MANIFEST).read_text(encoding="utf-8")) == m
    assert m["seed"] == 7 and m["n_articles"] == N and len(m["articles"]) == N
    ids = [a["id"] for a in m["articles"]] + [f["article_id"] for f in m["faults"]]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"demo:\d+", i) for i in ids)
    assert {a["shape"] for a in m["articles"]} == set(SHAPES)
    assert {a["encoding"] for a in m["articles"]} == {"utf-8", "cp874"}
    assert sorted(f["kind"] for f in m["faults"]) == ["empty", "missing", "missing", "truncated"]
    assert {f["kind"]: f["reason"] for f in m["faults"]} == {
        "missing": "HTTP 404", "truncated": "truncated HTML", "empty": "empty file"}  # fmt: skip
    assert len(m["categories"]) >= 5 and m["categories"] == [c.page_target(1) for c in CATEGORIES]
    for a in m["articles"]:
        assert a["title"] and a["published"] and re.match(r"\d{4}-\d\d-\d\d", a["published"])
        n = a["id"].split(":")[1]  # the id is in the URL, or a WordPress permalink whose shortlink is ?p=N
        assert n in a["target"] or (a["shape"] == "wordpress" and f"/?p={n}" in a["also_at"])
    assert any(a["also_at"] for a in m["articles"] if a["shape"].startswith("joomla3"))


def test_every_target_maps_to_a_file(portal):
    root, m = portal
    for a in m["articles"]:
        for t in [a["target"], *a["also_at"]]:
            if t in m["redirects"]:
                continue
            f = file_for_target(root, t)
            assert f.is_file() and f.stat().st_size > 1000, t
    for f in m["faults"]:
        path = file_for_target(root, f["target"])
        assert path.is_file() == (f["kind"] != "missing")


# --- served -----------------------------------------------------------------------------------------
def test_articles_are_served_and_extract(served):
    srv, root, m = served
    for a in m["articles"]:
        status, headers, body, _ = fetch(srv, a["target"])
        assert status == 200, a["target"]
        raw = parse_article(body, srv.url(a["target"]), charset_of(headers))
        assert raw["article_id"] == a["id"].split(":")[1]
        if a["encoding"] == "cp874":
            sidecar = json.loads(file_for_target(root, a["target"]).with_name(
                file_for_target(root, a["target"]).name + ".meta.json").read_text())  # fmt: skip
            assert charset_of(headers) == sidecar["charset"]
            assert sidecar["charset"] in (None, "tis-620", "windows-874")
    for a in m["articles"]:  # second URLs serve the same page
        for t in a["also_at"]:
            if t not in m["redirects"]:
                assert fetch(srv, t)[2] == fetch(srv, a["target"])[2]


def test_faults_behave_as_declared(served):
    srv, _, m = served
    for f in m["faults"]:
        status, headers, body, _ = fetch(srv, f["target"])
        if f["kind"] == "missing":
            assert status == 404 and f["reason"] == f"HTTP {status}"
            continue
        assert status == 200
        with pytest.raises(ExtractionError, match=f["reason"]):
            parse_article(body, srv.url(f["target"]), charset_of(headers))
        if f["kind"] == "empty":
            assert body == b""
        else:
            assert b"</body" not in body and b"</html" not in body and len(body) > 1000


def test_redirect_is_permanent_to_an_article(served):
    srv, _, m = served
    assert len(m["redirects"]) == 1
    ((old, new),) = m["redirects"].items()
    status, headers, _, _ = fetch(srv, old, follow=False)
    assert status == 301 and headers["Location"] == new
    status, _, body, final = fetch(srv, old)
    assert status == 200 and final == srv.url(new)
    owner = next(a for a in m["articles"] if a["target"] == new)
    assert old in owner["also_at"]
    assert escape(old) in fetch(srv, "/")[2].decode("utf-8")  # the home page still links the old URL


def _links(body: bytes, page_url: str, encoding: str = "utf-8") -> tuple[list[str], list[str]]:
    """(all link targets, targets of links inside a pagination container), as request targets."""
    doc = lxml_html.document_fromstring(body.decode(encoding))
    out, pager = [], []
    for a in doc.iter("a"):
        href = a.get("href")
        if not href or href.startswith(("#", "javascript:")):
            continue
        parts = urlsplit(urljoin(page_url, href))
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        out.append(target)
        if any(k in (anc.get("class") or "") for anc in a.iterancestors() for k in ("pagination", "pager")):
            pager.append(target)
    return out, pager


def test_listings_paginate_and_list_every_article(served):
    srv, _, m = served
    listed: set[str] = set()
    for listing in m["listings"]:
        pages = listing["pages"]
        assert len(pages) == -(-listing["articles"] // PER_PAGE)
        seen_pages = {pages[0]}
        queue = [pages[0]]
        while queue:  # walk the pagination from page 1, as a crawler would
            target = queue.pop()
            status, headers, body, url = fetch(srv, target)
            assert status == 200, target
            links, pager = _links(body, url, charset_of(headers) or "utf-8")
            listed.update(links)
            assert (target == pages[-1]) or pager, f"{target}: no pagination links"
            for t in pager:
                if t in pages and t not in seen_pages:
                    seen_pages.add(t)
                    queue.append(t)
        assert seen_pages == set(pages), listing["key"]
    for a in m["articles"]:
        assert a["target"] in listed, a["target"]
    for f in m["faults"]:
        assert f["target"] in listed


def test_home_feed_sitemap_robots(served):
    srv, _, m = served
    status, _, body, url = fetch(srv, "/")
    assert status == 200
    home = body.decode("utf-8")
    links, _ = _links(body, url)
    assert set(m["categories"]) <= set(links)
    assert re.search(r'<link href="([^"]+)" rel="alternate" type="application/rss\+xml"', home).group(1) == m[
        "feed"
    ].replace("&", "&amp;")
    assert fetch(srv, "/index.php")[2] == body
    status, headers, feed, _ = fetch(srv, m["feed"])
    assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
    items = etree.fromstring(feed).findall("./channel/item")
    blog = [a for a in m["articles"] if a["listing"] == "j3blog"] + [
        {"target": f["target"]} for f in m["faults"] if f["category"] == "j3blog"
    ]
    assert len(items) == min(20, len(blog))
    assert {i.findtext("link") for i in items} <= {a["target"] for a in blog}
    status, _, sitemap, _ = fetch(srv, "/sitemap.xml")
    locs = {e.text for e in etree.fromstring(sitemap).iter("{*}loc")}
    assert {a["target"] for a in m["articles"]} <= locs
    status, _, robots, _ = fetch(srv, "/robots.txt")
    assert b"Disallow: /administrator/" in robots and b"Sitemap:" in robots


_HOSTED = re.compile(rb"""(?:href|src|action|content)\s*=\s*["']?(?:https?:)?//|<(?:loc|link|guid)>\s*(?:https?:)?//|"""
                     rb"""(?:Sitemap|Location):\s*https?://""", re.I)  # fmt: skip


def test_no_host_in_any_file(portal):
    root, _ = portal
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not _HOSTED.search(data), f"{path}: {_HOSTED.search(data).group(0)!r}"
            assert b"labour.go.th" not in data, path


_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _page_text_and_links(path: Path, target: str) -> tuple[str, set[str]]:
    """The page's visible text (zero-width characters dropped, NFC, spaces collapsed) and the
    targets its href/src attributes resolve to."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp874")
    doc = lxml_html.document_fromstring(text)
    shown = " ".join(unicodedata.normalize("NFC", doc.text_content().translate(_ZERO_WIDTH)).split())
    base = urljoin(target, (doc.xpath("//base/@href") or [""])[0])
    return shown, {urljoin(base, link.strip()) for link in doc.xpath("//@href | //@src")}


def test_expected_records_are_what_the_pages_show(portal):
    """The ground truth (_expected.jsonl) read against the generated pages, not against the
    generator's own manifest: every visible field, paragraph, image and attachment is on the page."""
    root, m = portal
    recs = [json.loads(line) for line in (root / EXPECTED).read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == [a["id"] for a in m["articles"]]
    for r in recs:
        shown, links = _page_text_and_links(file_for_target(root, r["url"]), r["url"])
        for field in ("title", "published_raw", "author", "category"):
            if r[field]:
                assert r[field] in shown, (r["url"], field, r[field])
        if r["hits"] is not None:
            digits = shown.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
            assert f"{r['hits']:,}" in digits or str(r["hits"]) in digits, (r["url"], r["hits"])
        packed = "".join(shown.split())  # table cells become "a b" in the body and "ab" in text_content()
        for paragraph in r["body"].split("\n\n"):
            assert "".join(paragraph.split()) in packed, (r["url"], paragraph[:60])
        for url in r["images"] + [a["url"] for a in r["attachments"]]:
            assert url in links, (r["url"], url)


def test_cli(tmp_path, capsys):
    assert main([str(tmp_path / "s"), "--articles", "20", "--seed", "3", "--no-expected"]) == 0
    assert "20 articles" in capsys.readouterr().err
    m = json.loads((tmp_path / "s" / MANIFEST).read_text(encoding="utf-8"))
    assert m["seed"] == 3 and len(m["articles"]) == 20
    assert main([str(tmp_path / "t"), "--articles", "3"]) == 2
