"""``labour-scraper sites --check``: is each registry entry a live portal, and what is it?

Most of the registry is inferred from a naming pattern (see the header of ``scraper/sites.toml``).
A check visits each portal the way the crawler would, but only a handful of pages, so that an
entry can be confirmed, corrected or dropped before a night's crawl depends on it:

1. ``/robots.txt`` (its ``Sitemap:`` lines; every later page is asked for only if it allows us),
2. the home page (``base_url``): reachable or not and why; the CMS from ``<meta name="generator">``
   or, failing that, from markup it leaves (``/wp-content/``, ``option=com_``, ``/component/k2/``);
   the feed it announces (``<link rel="alternate">``),
3. one listing (the entry's first start URL other than the home page, else the first category the
   home page links to): how many articles it links,
4. one article from that listing: the layout family that reads it (web-poet rules, else the markup:
   :func:`scraper.pages.rules.page_for`) and which record fields it gave
   (:func:`scraper.extract.extract_one`, the same extraction as a crawl),
5. ``/sitemap.xml`` only when robots.txt names no sitemap.

Politeness: one request at a time per portal, ``delay`` seconds apart, the crawler's User-Agent,
redirects followed only within the portal's own hosts; several portals (distinct hosts) at once.
"""

from __future__ import annotations

import json
import re
import socket
import ssl
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from email.message import Message
from urllib.parse import urljoin, urlsplit

from scraper.registry import Site

#: The record fields a check reports as given (non-empty) or missing.
FIELDS = ("title", "published", "author", "hits", "category", "body", "attachments", "images")
MAX_BYTES = 5 * 1024 * 1024
_GENERATOR = re.compile(rb"<meta[^>]+name=[\"']generator[\"'][^>]*content=[\"']([^\"']+)", re.I)
_GENERATOR_REV = re.compile(rb"<meta[^>]+content=[\"']([^\"']+)[\"'][^>]*name=[\"']generator[\"']", re.I)


@dataclass
class Finding:
    """What one check found about one portal (``--json`` writes these)."""

    id: str
    base_url: str
    reachable: bool = False
    reason: str | None = None  # why not reachable, or why a later step stopped
    robots: str | None = None  # "found", "none" (404: everything allowed), or the error
    cms: str | None = None
    family: str | None = None
    feed: str | None = None
    sitemap: str | None = None
    listing: str | None = None
    articles_listed: int | None = None
    article: str | None = None
    fields: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0

    def registry_check(self, day: date) -> dict:
        """The ``[site.check]`` table for the registry (:func:`scraper.registry.update_checks`)."""
        keys = ("reachable", "reason", "cms", "family", "feed", "sitemap", "listing", "articles_listed",
                "article")
        out = {"date": day, **{k: getattr(self, k) for k in keys}}
        if self.article:
            out["fields"], out["missing"] = self.fields, self.missing
        return out


class Fetched:
    def __init__(self, url: str, status: int, body: bytes, headers: Message):
        self.url, self.status, self.body, self.headers = url, status, body, headers

    @property
    def charset(self) -> str | None:
        return self.headers.get_content_charset() if self.headers else None


class FetchError(Exception):
    """A request that got no HTTP answer, or was refused before it was sent; one-line reason."""


class _PortalRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to the portal's own hosts, over http(s) (the crawler's host policy)."""

    def __init__(self, site: Site):
        self.site = site

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = urljoin(req.full_url, newurl)
        if urlsplit(target).scheme not in ("http", "https") or not self.site.owns(target):
            raise FetchError(f"redirected off the portal to {target}")
        return super().redirect_request(req, fp, code, msg, headers, target)


def reason_of(exc: BaseException) -> str:
    """A short, stable reason for a failed request: ``connection refused``, ``timeout``, ``DNS: ...``."""
    if isinstance(exc, FetchError):
        return str(exc)
    inner = getattr(exc, "reason", exc)
    if isinstance(inner, (socket.timeout, TimeoutError)):
        return "timeout"
    if isinstance(inner, ConnectionRefusedError):
        return "connection refused"
    if isinstance(inner, ConnectionResetError):
        return "connection reset"
    if isinstance(inner, socket.gaierror):
        return f"DNS: {inner.strerror or inner}"
    if isinstance(inner, ssl.SSLError):
        return f"TLS: {getattr(inner, 'reason', None) or inner}"
    if isinstance(inner, FetchError):
        return str(inner)
    return str(getattr(inner, "strerror", None) or inner)


class Prober:
    """Checks one portal; a new one per portal (its opener follows only that portal's redirects)."""

    def __init__(self, site: Site, *, delay: float, timeout: float, user_agent: str):
        self.site = site
        self.delay = delay
        self.timeout = timeout
        self.user_agent = user_agent
        self.opener = urllib.request.build_opener(_PortalRedirects(site))
        self.robots = None
        self.requests = 0
        self._last = 0.0

    def fetch(self, url: str) -> Fetched:
        """GET ``url`` politely; an HTTP error status is an answer (returned), no answer raises."""
        if self.robots is not None and not self.robots.can_fetch(url, self.user_agent):
            raise FetchError(f"robots.txt disallows {url}")
        wait = self._last + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self.requests += 1
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "*/*"})
        try:
            try:
                resp = self.opener.open(request, timeout=self.timeout)
            except urllib.error.HTTPError as exc:
                resp = exc
            with resp:
                body = resp.read(MAX_BYTES + 1)
                return Fetched(resp.geturl(), resp.status if hasattr(resp, "status") else resp.code, body,
                               resp.headers)
        except (OSError, ValueError, FetchError, http_client_errors()) as exc:
            raise FetchError(reason_of(exc)) from None
        finally:
            self._last = time.monotonic()

    def check(self) -> Finding:
        site = self.site
        found = Finding(site.id, site.base_url)
        started = time.monotonic()
        try:
            self._check(found)
        finally:
            found.requests = self.requests
            found.seconds = round(time.monotonic() - started, 3)
        return found

    def _check(self, found: Finding) -> None:
        from protego import Protego

        site = self.site
        # 1. robots.txt
        robots_url = urljoin(site.base_url, "/robots.txt")
        try:
            robots = self.fetch(robots_url)
        except FetchError as exc:
            found.reason = str(exc)
            return
        sitemaps: list[str] = []
        if robots.status == 200:
            self.robots = Protego.parse(robots.body.decode("utf-8", "replace"))
            sitemaps = [urljoin(robots_url, s) for s in self.robots.sitemaps]
            found.robots = "found"
        else:
            found.robots = "none" if robots.status in (404, 410) else f"HTTP {robots.status}"
        # 2. home page
        try:
            home = self.fetch(site.base_url)
        except FetchError as exc:
            found.reason = f"home page: {exc}"
            return
        if home.status != 200:
            found.reason = f"home page: HTTP {home.status}"
            return
        found.reachable = True
        found.cms = cms_of(home.body)
        home_listing = _listing(home)
        found.feed = _feed(home_listing, home.url)
        # 3. one listing
        listing_url = next((u for u in site.start_urls if _same_page(u, site.base_url) is False), None)
        if listing_url is None:
            listing_url = next((u for u in home_listing.sections if site.owns(u) and "format=feed" not in u
                                and "sitemap" not in u and not u.endswith(("/feed", "/feed/"))), None)
        listing = home_listing
        if listing_url:
            try:
                page = self.fetch(listing_url)
                if page.status == 200:
                    listing = _listing(page)
                    found.feed = found.feed or _feed(listing, page.url)
                else:
                    found.reason = f"listing {listing_url}: HTTP {page.status}"
            except FetchError as exc:
                found.reason = f"listing {listing_url}: {exc}"
        found.listing = listing_url or site.base_url
        articles = [e.url for e in listing.articles if site.owns(e.url)]
        found.articles_listed = len(articles)
        # 4. one article
        if articles:
            self._article(found, articles[0])
        elif not found.reason:
            found.reason = "no article linked from the listing"
        # 5. the sitemap
        if sitemaps:
            found.sitemap = sitemaps[0]
        else:
            try:
                page = self.fetch(urljoin(site.base_url, "/sitemap.xml"))
                if page.status == 200 and (b"<urlset" in page.body[:4096] or b"<sitemapindex" in page.body[:4096]):
                    found.sitemap = page.url
            except FetchError:
                pass

    def _article(self, found: Finding, url: str) -> None:
        from scraper.extract import extract_one
        from scraper.pages.rules import page_for
        from scraper.parsers.errors import ExtractionError

        found.article = url
        try:
            page = self.fetch(url)
        except FetchError as exc:
            found.reason = f"article: {exc}"
            return
        if page.status != 200:
            found.reason = f"article {url}: HTTP {page.status}"
            return
        found.cms = found.cms or cms_of(page.body)
        generator = generator_of(page.body)
        if generator:  # an article page's generator is the surest (home pages are often custom)
            found.cms = generator
        try:
            found.family = family_name(type(page_for(page.body, page.url, page.charset)))
            record = extract_one(page.body, page.url, site=self.site, encoding=page.charset)
        except ExtractionError as exc:
            found.reason = f"article {url}: {exc}"
            return
        found.fields = [f for f in FIELDS if record.get(f) not in (None, "", [])]
        found.missing = [f for f in FIELDS if f not in found.fields]


def http_client_errors():
    import http.client

    return http.client.HTTPException


def _same_page(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    return (pa.hostname, pa.path.rstrip("/") or "/", pa.query) == (pb.hostname, pb.path.rstrip("/") or "/", pb.query)


def _listing(page: Fetched):
    from scraper.parsers.errors import ExtractionError
    from scraper.parsers.listing import Listing, parse_listing

    try:
        return parse_listing(page.body, page.url, page.charset)
    except ExtractionError:
        return Listing()


def _feed(listing, base: str) -> str | None:
    for link in listing.sections:
        if "format=feed" in link or "type=rss" in link or "type=atom" in link or link.rstrip("/").endswith("/feed"):
            return urljoin(base, link)
    return None


def generator_of(body: bytes) -> str | None:
    m = _GENERATOR.search(body[:65536]) or _GENERATOR_REV.search(body[:65536])
    if not m:
        return None
    text = m.group(1).decode("utf-8", "replace").strip()
    return text.replace(" - Open Source Content Management", "") or None


def cms_of(body: bytes) -> str | None:
    """The CMS: the generator meta when there is one, else what the markup gives away."""
    generator = generator_of(body)
    if generator:
        return generator
    head = body[:262144]
    if b"/wp-content/" in head or b"/wp-includes/" in head:
        return "WordPress (markup)"
    if b"/component/k2/" in head or b"com_k2" in head or b"itemView" in head:
        return "Joomla with K2 (markup)"
    if b"option=com_" in head or b"com_content" in head or b"/index.php/" in head or b"/media/jui/" in head:
        return "Joomla (markup)"
    return None


def family_name(cls: type) -> str:
    """``joomla3``, ``k2``, ``wordpress``, ... (the module of the page object), ``generic``."""
    return cls.__module__.rsplit(".", 1)[-1]


def check_sites(sites: list[Site], *, delay: float = 1.0, timeout: float = 20.0, jobs: int = 8,
                user_agent: str | None = None, progress=None) -> list[Finding]:
    """Check every site (``jobs`` portals at once, each one request at a time); in input order."""
    if user_agent is None:
        from scraper.settings import USER_AGENT as user_agent

    def one(site: Site) -> Finding:
        finding = Prober(site, delay=delay, timeout=timeout, user_agent=user_agent).check()
        if progress:
            progress(finding)
        return finding

    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(sites) or 1))) as pool:
        return list(pool.map(one, sites))


def format_table(findings: list[Finding]) -> str:
    head = ("id", "reachable", "cms", "family", "feed", "sitemap", "listed", "fields")
    rows = [head]
    for f in findings:
        rows.append((
            f.id,
            "yes" if f.reachable else f"no: {f.reason}",
            f.cms or "-",
            f.family or "-",
            "yes" if f.feed else "-",
            "yes" if f.sitemap else "-",
            "-" if f.articles_listed is None else str(f.articles_listed),
            ",".join(f.fields) if f.fields else (f"- ({f.reason})" if f.reachable and f.reason else "-"),
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head) - 1)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1]
                     for r in rows)


def findings_json(findings: list[Finding], checked_at: datetime, user_agent: str) -> str:
    return json.dumps({"checked_at": checked_at.strftime("%Y-%m-%dT%H:%M:%SZ"), "user_agent": user_agent,
                       "portals": [asdict(f) for f in findings]}, ensure_ascii=False, indent=2) + "\n"


def cmd_check(args, sites: list[Site], registry_path) -> int:
    """``sites --check``: 0 when every portal checked is reachable, 1 otherwise."""
    from pathlib import Path

    from scraper.registry import update_checks
    from scraper.settings import USER_AGENT

    checked_at = datetime.now(timezone.utc)

    def progress(f: Finding) -> None:
        state = "reachable" if f.reachable else f"not reachable: {f.reason}"
        print(f"[sites --check] {f.id}: {state} ({f.requests} requests, {f.seconds:.1f}s)", file=sys.stderr,
              flush=True)

    findings = check_sites(sites, delay=args.delay, timeout=args.timeout, jobs=args.jobs, user_agent=USER_AGENT,
                           progress=progress)
    print(format_table(findings))
    if args.json:
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(findings_json(findings, checked_at, USER_AGENT), encoding="utf-8")
    if args.update:
        day = checked_at.date()
        done = update_checks(registry_path, {f.id: f.registry_check(day) for f in findings})
        print(f"[sites --check] {len(done)} entries of {registry_path} updated", file=sys.stderr)
    return 0 if all(f.reachable for f in findings) else 1
