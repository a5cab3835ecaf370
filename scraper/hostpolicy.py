"""Which URLs a crawl may fetch: one host policy for every request, redirects included.

A portal's page must not be able to steer the crawler anywhere else: not to another host (an
article link that answers ``302`` to another server), not to the crawling machine's own network
(a cloud metadata service on 169.254.169.254, a router on 192.168.x.x, a service on loopback),
and not to another scheme (``file:///etc/passwd``, ``ftp://``: Scrapy has download handlers for
them). :func:`allowed` is the policy, a pure function of the URL; :class:`HostPolicyMiddleware`
applies it to every request the engine schedules or downloads; the spider uses it too to decide
which links to follow.

Why a downloader middleware replacing Scrapy's ``OffsiteMiddleware`` (2.11.2+) rather than
``allowed_domains`` alone: Scrapy's middleware lets every ``dont_filter=True`` request through
(the spider's start URLs, article requests, and every redirect of them, since RedirectMiddleware
copies ``dont_filter``), it allows every subdomain of an allowed domain, and it knows neither
schemes nor address classes. The subclass keeps its wiring (the check runs when a request is
scheduled, which is where RedirectMiddleware's and MetaRefreshMiddleware's new requests go, and
again in ``process_request`` before any download, which is where requests that bypass the
scheduler go, such as RobotsTxtMiddleware's robots.txt requests and their redirects) and its
one-log-line-per-host habit; only the decision is ours. No DNS is resolved: a portal host is
allowed by name, a non-portal host is refused by name, so what a name resolves to never matters
except for the portal's own names.
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import socket
from collections.abc import Collection, Iterable
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import IgnoreRequest

logger = logging.getLogger(__name__)

SCHEMES = ("http", "https")


class OffsiteRequest(IgnoreRequest):
    """A request refused by the host policy (already counted in ``offsite/<reason>``)."""


@functools.lru_cache(maxsize=4096)
def address_class(host: str | None) -> str | None:
    """``loopback``, ``link_local``, ``private`` or ``reserved`` for a non-public address
    literal (or ``localhost``); None for a public address or a host name (never resolved).

    Legacy IPv4 spellings that resolvers still accept (``2852039166``, ``0xa9.0xfe.0xa9.0xfe``,
    ``0251.0376.0251.0376``) and IPv4-mapped IPv6 (``::ffff:169.254.169.254``) are unmasked first,
    so that the reason names the real target.
    """
    if not host:
        return None
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return "loopback"
    try:
        ip = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        if not all(c in "0123456789abcdefx." for c in host):
            return None
        try:
            ip = ipaddress.ip_address(socket.inet_aton(host))
        except (OSError, ValueError):
            return None
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link_local"
    if ip.is_unspecified or ip.is_multicast or ip.is_reserved:
        return "reserved"
    if ip.is_private or not ip.is_global:
        return "private"  # 10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10 and the like
    return None


def on_portal(host: str, portal_hosts: Collection[str]) -> bool:
    """The host is one of the portal's (``www.`` of a listed host counts as the same host)."""
    host = host.rstrip(".").lower()
    return host in portal_hosts or host.removeprefix("www.") in portal_hosts


def allowed(url: str, portal_hosts: Collection[str], start_on_private: bool = False) -> str | None:
    """None when the crawl may fetch ``url``; else why not: ``scheme``, ``no_host``,
    ``loopback``, ``link_local``, ``private``, ``reserved`` or ``host`` (not a portal host).

    ``portal_hosts`` are lower-case host names. A non-public address is refused even when it is
    a portal host, unless ``start_on_private``: the crawl was started on such an address (a
    local test or demo portal), and then only the portal's own hosts are allowed there too.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return "no_host"
    if parts.scheme.lower() not in SCHEMES:
        return "scheme"
    if not host:
        return "no_host"
    kind = address_class(host)
    if kind and not start_on_private:
        return kind
    if not on_portal(host, portal_hosts):
        return "host"
    return None


def starts_on_private(urls: Iterable[str]) -> bool:
    """Whether any start URL is on a loopback, private or link-local address."""
    return any(address_class(urlsplit(u).hostname) for u in urls)


def check_start_url(value: str) -> str:
    """A ``--start-url`` value, stripped; ValueError (one line, naming the option) unless it is
    an absolute http(s) URL with a host. Checked before anything starts: Scrapy would otherwise
    read ``file:///etc/passwd`` as a page, and end ``ftp://``, ``javascript:`` or a bare word in a
    traceback."""
    url = (value or "").strip()
    shown = url if len(url) <= 200 else url[:200] + "..."
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a port out of range or not a number
    except ValueError as exc:
        raise ValueError(f"--start-url {shown!r}: not a valid URL ({exc})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise ValueError(f"--start-url {shown!r}: only http:// and https:// URLs can be crawled")
    if not host:
        raise ValueError(f"--start-url {shown!r}: no host name")
    if any(c.isspace() or ord(c) < 32 for c in url) or any(c in host for c in "\\@<>\"'"):
        raise ValueError(f"--start-url {shown!r}: not a valid URL")
    return url


class HostPolicyMiddleware(OffsiteMiddleware):
    """Scrapy's downloader OffsiteMiddleware with the policy of :func:`allowed`, for every request.

    Replaces ``scrapy.downloadermiddlewares.offsite.OffsiteMiddleware`` at the same place (50,
    before RobotsTxtMiddleware, so that no robots.txt of a refused host is fetched either).
    ``dont_filter`` and ``allow_offsite`` do not exempt a request. The portal's hosts are the
    spider's ``allowed_domains``; whether the crawl started on a non-public address comes from
    the spider's ``start_on_private`` attribute (False when absent).
    """

    _hosts: tuple = (None, frozenset())  # (the spider's allowed_domains, their lower-case set)

    def process_request(self, request, spider=None) -> None:
        spider = self.crawler.spider
        domains = getattr(spider, "allowed_domains", None) or []
        if self._hosts[0] != domains:  # once per spider, not per request (twice per request)
            self._hosts = (list(domains), frozenset(h.lower() for h in domains if h))
        reason = allowed(request.url, self._hosts[1], bool(getattr(spider, "start_on_private", False)))
        if reason is None:
            return
        host = urlsplit(request.url).hostname or request.url[:60]
        if host not in self.domains_seen:
            self.domains_seen.add(host)
            # once per host, at WARNING: the spider never asks for these itself, so a portal's
            # redirect (or a start URL) points there
            logger.warning("refused a request to %r (%s): %s; further ones are only counted",
                           host, reason, request.url[:200])
            self.stats.inc_value("offsite/domains")
        self.stats.inc_value("offsite/filtered")
        self.stats.inc_value(f"offsite/{reason}")
        raise OffsiteRequest(f"refused by the host policy ({reason}): {request.url[:200]}")
