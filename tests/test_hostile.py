"""Hostile portals, crawled by the real engine (the CLI in a subprocess) against real HTTP servers.

No connection ever leaves 127.0.0.0/8: the "other host" a portal redirects to is a server on
127.0.0.2, whose own request log must stay empty. Link-local, private and public targets
(169.254.169.254, 10.0.0.1, 8.8.8.8) are checked against the policy function only.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import pytest

from scraper.hostpolicy import address_class, allowed, check_start_url, starts_on_private
from scraper.traps import PatternBudget, strip_session_ids, url_pattern
from tests.crawling import DEMO_SITE, article_number, read_jsonl, run_crawl

#: one xdist worker runs the module, so that its module-scoped crawl (redirect_crawl) runs once
pytestmark = pytest.mark.xdist_group("test_hostile")

#: polite concurrency as shipped; only the delays are shortened for the tests
FAST = ("--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False", "--quiet")

Route = Callable[[str], tuple[int, dict, str]]


class RecordingServer:
    """A dynamic HTTP server on one loopback address that logs every request target it gets."""

    def __init__(self, host: str, route: Route):
        self.route = route
        self.log: list[str] = []
        lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                with lock:
                    outer.log.append(self.path)
                status, headers, body = outer.route(self.path)
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", headers.pop("Content-Type", "text/html; charset=utf-8"))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def page(body: str, head: str = "") -> str:
    return f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>t</title>{head}</head><body>{body}</body></html>'


def article_html(n: int, menu: str = "") -> str:
    return page(
        f'{menu}<div class="item-page" itemscope itemtype="https://schema.org/Article">'
        f'<div class="page-header"><h2 itemprop="headline">ข่าวประชาสัมพันธ์ ฉบับที่ {n}</h2></div>'
        f'<dl class="article-info"><dd class="published"><time datetime="2024-05-{1 + n % 28:02d}T09:00:00+07:00"'
        f' itemprop="datePublished">เผยแพร่เมื่อ: {1 + n % 28} พฤษภาคม 2567</time></dd></dl>'
        f'<div itemprop="articleBody"><p>สำนักงานสวัสดิการและคุ้มครองแรงงานจัดกิจกรรมให้ความรู้แก่ลูกจ้างและนายจ้าง'
        f' เรื่องที่ {n}</p><p>ผู้สนใจติดต่อสอบถามได้ที่สำนักงาน ในวันและเวลาราชการ</p></div></div>')


def listing_item(href: str, n: int) -> str:
    return (f'<div class="item"><h2 itemprop="name"><a href="{href}">ข่าวประชาสัมพันธ์ ฉบับที่ {n}</a></h2>'
            f'<span>{1 + n % 28} พฤษภาคม 2567</span></div>')


ROBOTS = (200, {"Content-Type": "text/plain"}, "User-agent: *\nAllow: /\n")
NOT_FOUND = (404, {}, page("not found"))


def summary_of(out) -> dict:
    return json.loads(out.with_name(out.stem + ".summary.json").read_text(encoding="utf-8"))


# --- the host policy, directly (no connection anywhere) ----------------------------------------

PORTAL = {"area10.labour.go.th"}


@pytest.mark.parametrize("url, start_on_private, reason", [
    ("https://area10.labour.go.th/index.php/news/5-x", False, None),
    ("http://www.area10.labour.go.th/index.php/news/5-x", False, None),
    ("https://evil.example/index.php/news/5-x", False, "host"),
    ("https://area10.labour.go.th.evil.example/", False, "host"),
    ("http://8.8.8.8/", False, "host"),  # public, not the portal
    ("http://169.254.169.254/latest/meta-data/", False, "link_local"),
    ("http://169.254.169.254/latest/meta-data/", True, "host"),  # a local start does not open it
    ("http://[fe80::1]/", False, "link_local"),
    ("http://10.0.0.1/", False, "private"),
    ("http://172.16.5.4/", False, "private"),
    ("http://192.168.1.1/", False, "private"),
    ("http://[fc00::1]/", False, "private"),
    ("http://127.0.0.1:8080/", False, "loopback"),
    ("http://localhost/", False, "loopback"),
    ("http://[::1]/", False, "loopback"),
    ("http://[::ffff:169.254.169.254]/", False, "link_local"),
    ("http://2852039166/", False, "link_local"),  # 169.254.169.254 as one number
    ("http://0xa9.0xfe.0xa9.0xfe/", False, "link_local"),
    ("http://0.0.0.0/", False, "reserved"),
    ("file:///etc/passwd", False, "scheme"),
    ("ftp://area10.labour.go.th/x", False, "scheme"),
    ("javascript:alert(1)", False, "scheme"),
    ("http:///x", False, "no_host"),
])
def test_policy(url, start_on_private, reason):
    assert allowed(url, PORTAL, start_on_private) == reason


def test_policy_local_portal():
    """A crawl started on 127.0.0.1 may fetch 127.0.0.1, and no other loopback or private host."""
    hosts = {"127.0.0.1"}
    assert starts_on_private(["http://127.0.0.1:5000/"]) and not starts_on_private(["https://area10.labour.go.th/"])
    assert allowed("http://127.0.0.1:5000/index.php/news/1-x", hosts, True) is None
    assert allowed("http://127.0.0.2:5000/index.php/news/1-x", hosts, True) == "host"
    assert allowed("http://10.0.0.1/", hosts, True) == "host"
    assert allowed("http://169.254.169.254/", hosts, True) == "host"
    # a portal host on a private address is refused unless the crawl started on one
    assert allowed("http://10.0.0.1/", {"10.0.0.1"}, False) == "private"
    assert address_class("8.8.8.8") is None and address_class("area10.labour.go.th") is None


@pytest.mark.parametrize("value", ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)", "not a url",
                                   "http://", "http://127.0.0.1:99999/"])
def test_check_start_url_refuses(value):
    with pytest.raises(ValueError, match="--start-url"):
        check_start_url(value)
    assert check_start_url(" https://area10.labour.go.th/ ") == "https://area10.labour.go.th/"


@pytest.mark.parametrize("url, expected", [
    ("http://a/index.php/news?start=10&sid=9f8e7d6c5b4a3f2e", "http://a/index.php/news?start=10"),
    ("http://a/index.php/news?PHPSESSID=k2j3h4g5&start=10", "http://a/index.php/news?start=10"),
    ("http://a/x.jsp;jsessionid=A1B2C3?id=5", "http://a/x.jsp?id=5"),
    ("http://a/shop.php?osCsid=abc123def&cat=2", "http://a/shop.php?cat=2"),
    ("http://a/x?SID=abcdef0123456789", "http://a/x"),
    ("http://a/modules.php?name=News&file=article&sid=123", "http://a/modules.php?name=News&file=article&sid=123"),
    ("http://a/index.php/news/12-x", "http://a/index.php/news/12-x"),
])
def test_session_ids_stripped(url, expected):
    assert strip_session_ids(url) == expected


def test_pattern_budget():
    assert url_pattern("http://a/cal?month=2025-03") == url_pattern("http://a/cal?month=2031-11")
    assert url_pattern("http://a/events/2025/03/") == url_pattern("http://a/events/2026/12/")
    budget = PatternBudget(3)
    months = [f"http://a/cal?month=2025-{m:02d}" for m in range(1, 7)]
    assert [budget.take(u) for u in months] == [True, True, True, False, False, False]
    assert budget.take(months[0])  # a page already counted: the duplicate filter's business
    assert budget.take("http://a/index.php/news") and budget.take("http://a/index.php/about")  # no numbers
    assert PatternBudget(0).take(months[5])


# --- the CLI: start URLs that are not http(s) ---------------------------------------------------

@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/pub/x", "javascript:alert(1)", "not a url"])
def test_start_url_scheme_is_a_usage_error(url, tmp_path):
    out = tmp_path / "x.jsonl"
    proc = run_crawl("crawl", "--start-url", url, "-o", str(out), timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert len(err.splitlines()) == 1 and "--start-url" in err and "Traceback" not in err, err
    assert not out.exists()


# --- offsite redirects ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def redirect_crawl(tmp_path_factory):
    """A portal on 127.0.0.1 whose article links answer 302 (or a meta refresh, or two hops) to
    a server on 127.0.0.2; one redirect stays on the portal and must still be followed."""
    other = RecordingServer("127.0.0.2", lambda path: (200, {}, article_html(99)))
    with other:
        elsewhere = other.base_url + "index.php/news/99-elsewhere"
        loopback_name = other.base_url.replace("127.0.0.2", "localhost")  # a loopback name, not the portal's

        def route(path: str):
            p = urlsplit(path).path
            if p == "/robots.txt":
                return ROBOTS
            if p == "/":
                return 200, {}, page('<nav class="menu"><a href="/index.php/news">ข่าว</a></nav>')
            if p == "/index.php/news":
                items = [listing_item(f"/index.php/news/{n}-news-{n}", n) for n in (1, 2, 3, 4, 5, 6, 7, 8)]
                items.append(listing_item(elsewhere.replace("99-", "98-"), 98))  # a direct offsite link
                return 200, {}, page("".join(items))
            redirects = {
                "/index.php/news/4-news-4": elsewhere,  # 302 to the other host
                "/index.php/news/5-news-5": "/index.php/news/5-hop",  # on the portal, then away
                "/index.php/news/5-hop": elsewhere + "?hop=2",
                "/index.php/news/7-news-7": loopback_name + "index.php/news/97-x",
                "/index.php/news/8-news-8": "/index.php/news/8-moved",  # stays on the portal: followed
            }
            if p in redirects:
                return 302, {"Location": redirects[p]}, ""
            if p == "/index.php/news/6-news-6":  # a meta refresh to the other host
                return 200, {}, page("", head=f'<meta http-equiv="refresh" content="0; url={elsewhere}?refresh=1">')
            for n in (1, 2, 3, 8):
                if p in (f"/index.php/news/{n}-news-{n}", f"/index.php/news/{n}-moved"):
                    return 200, {}, article_html(n)
            return NOT_FOUND

        with RecordingServer("127.0.0.1", route) as portal:
            out = tmp_path_factory.mktemp("redirect") / "redirect.jsonl"
            proc = run_crawl("crawl", "--start-url", portal.base_url, "-o", str(out), *FAST, timeout=120)
        portal_log = list(portal.log)
    return proc, out, portal_log, list(other.log)


def test_offsite_redirect_not_followed(redirect_crawl):
    proc, out, portal_log, other_log = redirect_crawl
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    print(f"portal 127.0.0.1 got {len(portal_log)} requests: {portal_log}; 127.0.0.2 got {len(other_log)}: {other_log}")
    assert other_log == []  # the server on 127.0.0.2 got no request at all, not even robots.txt
    records = read_jsonl(out)
    assert sorted(article_number(r["id"]) for r in records) == [1, 2, 3, 8]
    assert all(urlsplit(r["url"]).hostname == "127.0.0.1" for r in records)
    # the redirects were asked for on the portal side: the refusal came after the 302s
    for target in ("/index.php/news/4-news-4", "/index.php/news/5-hop", "/index.php/news/6-news-6",
                   "/index.php/news/7-news-7", "/index.php/news/8-moved"):
        assert target in portal_log, target


def test_offsite_redirect_counted(redirect_crawl):
    proc, out, _, _ = redirect_crawl
    summary = summary_of(out)
    assert summary["offsite"] == {"host": 4}  # 4, 5 (second hop), 6 (meta refresh), 7 (localhost)
    assert summary["offsite_links"] >= 1  # the direct link, never requested
    assert summary["quarantined"] == 0 and summary["errors"] == {}
    assert "refused" in proc.stderr.decode()


# --- traps ---------------------------------------------------------------------------------------

N_ARTICLES = 30


def trap_route(path: str):
    """Session ids in every link, a listing whose next link never stops (items repeating after
    the third page), an event calendar with endless next and previous months."""
    parts = urlsplit(path)
    query = dict(parse_qsl(parts.query))
    if any(k.lower() in ("sid", "phpsessid") for k in query) or ";jsessionid=" in parts.path:
        return 500, {}, page("a session id reached the server")  # and the test reads the log
    sid = secrets.token_hex(8)
    menu = (f'<nav class="menu"><a href="/index.php/news?sid={sid}">ข่าว</a>'
            f'<a href="/index.php/calendar?month=2025-01&sid={sid}">ปฏิทิน</a>'
            f'<a href="/index.php/about;jsessionid={sid.upper()}">เกี่ยวกับเรา</a></nav>')
    p = parts.path
    if p == "/robots.txt":
        return ROBOTS
    if p in ("/", "/index.php/about"):
        return 200, {}, page(menu + "<p>สำนักงานสวัสดิการและคุ้มครองแรงงาน</p>")
    if p == "/index.php/news":
        start = int(query.get("start", "0"))
        first = (start // 10) % (N_ARTICLES // 10) * 10 + 1  # pages 0-2: articles 1-30, then again
        items = "".join(listing_item(f"/index.php/news/{n}-news-{n}?PHPSESSID={sid}", n)
                        for n in range(first, first + 10))
        return 200, {}, page(menu + items + f'<div class="pagination"><a href="/index.php/news?start={start + 10}'
                                            f'&sid={sid}">ถัดไป</a></div>')
    if p == "/index.php/calendar":
        year, month = map(int, query.get("month", "2025-01").split("-"))
        prev = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
        nxt = f"{year + (month == 12)}-{month % 12 + 1:02d}"
        days = "".join(f'<td><a href="/index.php/calendar/day?date={year}-{month:02d}-{d:02d}&sid={sid}">{d}</a></td>'
                       for d in range(1, 29))
        return 200, {}, page(menu + f'<nav class="calendar-nav"><a href="/index.php/calendar?month={prev}&sid={sid}">«</a>'
                                    f'<a rel="next" href="/index.php/calendar?month={nxt}&sid={sid}">»</a></nav>'
                                    f'<table class="calendar"><tr>{days}</tr></table>')
    if p.startswith("/index.php/news/"):
        n = int(p.rsplit("/", 1)[1].split("-", 1)[0])
        if 1 <= n <= N_ARTICLES:
            return 200, {}, article_html(n, menu)
    return NOT_FOUND


@pytest.fixture(scope="module")
def trapped_crawl(tmp_path_factory):
    with RecordingServer("127.0.0.1", trap_route) as portal:
        out = tmp_path_factory.mktemp("traps") / "traps.jsonl"
        proc = run_crawl("crawl", "--start-url", portal.base_url, "-o", str(out), *FAST, timeout=120)
    return proc, out, list(portal.log)


def test_trapped_portal_ends_with_every_article_once(trapped_crawl):
    proc, out, log = trapped_crawl
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    records = read_jsonl(out)
    assert sorted(article_number(r["id"]) for r in records) == list(range(1, N_ARTICLES + 1))
    assert not any("sid" in r["url"].lower() for r in records)
    articles = [t for t in log if t.startswith("/index.php/news/")]
    assert sorted(articles) == sorted(set(articles)) and len(articles) == N_ARTICLES  # each fetched once
    assert not any("sid=" in t.lower() or "jsessionid" in t.lower() for t in log)  # none reached the server
    listings = [t for t in log if not t.startswith(("/index.php/news/", "/robots.txt"))]
    assert len(listings) == len(set(listings))  # no page fetched twice under another session id
    assert len(log) <= N_ARTICLES + 25, sorted(log)
    print(f"trapped portal: {len(log)} requests ({len(articles)} articles, {len(listings)} other pages, "
          f"{log.count('/robots.txt')} robots.txt), {len(records)} records; summary traps {summary_of(out)['traps']}")
    print(sorted(listings))
    summary = summary_of(out)
    assert summary["finish_reason"] == "finished"
    assert summary["traps"]["session_ids"] > 0
    assert summary["traps"]["paging_no_new"] >= 2  # the listing and the calendar's next-month chain


def test_calendar_bounded_by_pattern_budget(tmp_path):
    """Without the no-new-articles rule and without sections, only the pattern budget ends the
    calendar's chain of next-month links."""
    with RecordingServer("127.0.0.1", trap_route) as portal:
        out = tmp_path / "calendar.jsonl"
        proc = run_crawl("crawl", "--start-url", portal.base_url + "index.php/calendar?month=2025-01",
                         "-o", str(out), *FAST, "--set", "LABOUR_TRAP_STALE_PAGES=0",
                         "--set", "LABOUR_TRAP_PATTERN_BUDGET=5", "--set", "LABOUR_SECTION_DEPTH=0", timeout=120)
        log = list(portal.log)
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    months = [t for t in log if t.startswith("/index.php/calendar")]
    assert len(months) == 1 + 5, months  # the start URL and the budget
    assert summary_of(out)["traps"]["pattern_budget"] == 1


# --- --max-pages ---------------------------------------------------------------------------------

def test_max_pages_is_a_bound_on_fetches(tmp_path):
    """With 16 requests in flight (--unpolite) and the home page's 14 article links sent at once
    (--since: no sitemap look-up first), Scrapy's CLOSESPIDER_PAGECOUNT alone fetched 17."""
    from scraper.demo.server import PortalServer

    out = tmp_path / "max.jsonl"
    with PortalServer(DEMO_SITE) as server:
        proc = run_crawl("crawl", "--start-url", server.base_url, "--unpolite", "--max-pages", "3",
                         "--since", "2010-01-01", "-o", str(out), "--quiet", timeout=120)
        total = server.stats.total
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    assert total <= 3, server.stats.requests
    summary = summary_of(out)
    assert summary["pages_fetched"] <= 3 and summary["finish_reason"] == "closespider_pagecount"
    assert summary["max_pages_not_sent"] > 0
