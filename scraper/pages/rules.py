"""Which page object reads a page: pinned per portal domain, else detected from the markup.

1. **Per-portal pins** are web-poet URL rules: a page object registered with
   ``@handle_urls("area5.labour.go.th", instead_of=ArticlePage)`` (see ``scraper/pages/portals/``)
   reads every page of that portal, whatever its markup says.
2. **Detection** looks for each family's article container in the page's class attributes
   (one C-level pass over ``@class``): Joomla 4/5, Joomla 3, K2, WordPress, Joomla 1.5, custom PHP.
3. Otherwise the **generic** page object, which needs no class names at all.

A new layout is one module with its page object (selectors in it) plus a line in ``FAMILIES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from web_poet import HttpResponse, HttpResponseHeaders, default_registry

from scraper.pages import portals  # noqa: F401  (registers the per-portal URL rules)
from scraper.pages.custom_php import CustomPhpArticlePage
from scraper.pages.generic import ArticlePage, _common_ancestor
from scraper.pages.joomla3 import Joomla3ArticlePage
from scraper.pages.joomla4 import Joomla4ArticlePage
from scraper.pages.joomla15 import Joomla15ArticlePage
from scraper.pages.k2 import K2ArticlePage
from scraper.pages.kinds import check_is_news
from scraper.pages.selectors import LISTING_TOKENS, LISTING_XPATH
from scraper.pages.wordpress import WordPressArticlePage
from scraper.parsers.errors import NotAnArticle

#: (class-attribute substrings that reveal the family, its page object), strongest first.
FAMILIES: tuple[tuple[tuple[str, ...], type[ArticlePage]], ...] = (
    (("com-content-article",), Joomla4ArticlePage),
    (("item-page",), Joomla3ArticlePage),
    (("itemView",), K2ArticlePage),
    (("hentry", "<article>"), WordPressArticlePage),
    (("contentpaneopen",), Joomla15ArticlePage),
    (("news_detail", "news-detail", "news_topic", "news-title", "news-content", "news_content"), CustomPhpArticlePage),
)

def _markers(page: ArticlePage) -> str:
    # (lxml's tag walk, in C, rather than XPath's boolean(//article): a fifth of the cost)
    return page.class_text + (" <article>" if next(page.doc.iter("article"), None) is not None else "")


def response_for(html: bytes, url: str, encoding: str | None = None) -> HttpResponse:
    headers = HttpResponseHeaders({"Content-Type": f"text/html; charset={encoding}"} if encoding else {})
    return HttpResponse(url, html, headers=headers)


def pinned_class(url: str) -> type[ArticlePage] | None:
    """The page object a web-poet URL rule pins to ``url``'s portal, if any.

    Every rule of ours names a portal's domain and no path, so the answer is the same for every
    page of a host: web-poet's matcher (some 65 us a page) runs once per host. A rule with a path
    or an exclusion makes it run for every page again."""
    parts = urlsplit(url)
    if not _domain_rules_only():
        return default_registry.overrides_for(url).get(ArticlePage)
    return _pinned_for_host(parts.scheme, parts.netloc)


@lru_cache(maxsize=1024)
def _pinned_for_host(scheme: str, netloc: str) -> type[ArticlePage] | None:
    return default_registry.overrides_for(f"{scheme}://{netloc}/").get(ArticlePage)


@lru_cache(maxsize=1)
def _domain_rules_only() -> bool:
    """Every URL rule registered is a bare domain (the per-portal pins of scraper/pages/portals)."""
    return all(not rule.for_patterns.exclude and all("/" not in p for p in rule.for_patterns.include)
               for rule in default_registry.get_rules())


def detected_class(page: ArticlePage) -> type[ArticlePage]:
    markers = _markers(page)
    for needles, cls in FAMILIES:
        if any(n in markers for n in needles):
            return cls
    return ArticlePage


def page_for(html: bytes, url: str, encoding: str | None = None, *, generic: bool = False) -> ArticlePage:
    """The page object that reads this page (``generic=True``: the layout-free one, for audits)."""
    response = response_for(html, url, encoding)
    if generic:
        return ArticlePage(response=response)
    cls = pinned_class(url)
    if cls is not None:
        return cls(response=response)
    probe = ArticlePage(response=response)
    cls = detected_class(probe)
    if cls is ArticlePage:
        return probe
    page = cls(response=response)
    page.__dict__.update(decoded=probe.decoded, doc=probe.doc, class_text=probe.class_text)  # decode and parse once
    return page


def parse_article(html: bytes, url: str, encoding: str | None = None, *, generic: bool = False,
                  listed: bool = False) -> dict:
    """The extraction entry point: the raw fields of the article page ``html`` fetched from ``url``.

    ``encoding`` is the charset the transport declared, if any. The spider (in worker processes),
    the ``extract`` CLI and the tests all call this; ``pipelines/normalize.py`` turns its dict
    into the record. Raises :class:`~scraper.parsers.errors.ExtractionError` (a one-line reason)
    when the input is not an article page. ``listed``: a listing, feed or sitemap of the portal
    linked the page as one of its articles (see :func:`parse_listed_article`).
    """
    page = page_for(html, url, encoding, generic=generic)
    _refuse_listing(page)
    raw = page.to_raw()
    check_is_news(page, raw, listed=listed)
    return raw


def parse_listed_article(html: bytes, url: str, encoding: str | None = None) -> dict:
    """:func:`parse_article` of a page that a listing, feed or sitemap linked as an article: one
    that shows no date, author or hits is an article whose info the portal hides (Joomla's
    "show" options all off), not a static page, since the portal itself lists it as news."""
    return parse_article(html, url, encoding, listed=True)


def _refuse_listing(page: ArticlePage) -> None:
    # Families that know their own listing markup (Joomla 3/4, K2) decide for themselves.
    if page.tokens.isdisjoint(LISTING_TOKENS):
        return
    listing = LISTING_XPATH(page.doc)
    if len(listing) >= 2 and not isinstance(page, (Joomla3ArticlePage, Joomla4ArticlePage, K2ArticlePage)):
        raise NotAnArticle(f"listing page: {len(listing)} article entries, not one article")


@dataclass(frozen=True)
class ArticleBlock:
    """Where the article is: its block (title, info lines, text), its text block, the reader."""

    root: object
    body: object | None
    layout: str


def locate_article(html: bytes | str, url: str) -> ArticleBlock:
    """The article's block on a page as the page object that reads it sees it (for audits and
    tests), or :class:`NotAnArticle` for listings, home pages and pages with no article."""
    data = html.encode("utf-8") if isinstance(html, str) else html
    page = page_for(data, url, "utf-8" if isinstance(html, str) else None)
    _refuse_listing(page)
    bodies = page.body_elements
    if not bodies and page.title_element is None:
        raise NotAnArticle("no article found: no article heading or text block")
    page.check_is_article()
    body = bodies[0] if len(bodies) == 1 else (_common_ancestor(bodies[0], bodies[-1]) if bodies else None)
    return ArticleBlock(page.root, body, page.layout)
