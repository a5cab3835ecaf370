"""Listing pages, feeds and sitemaps -> the article links, pagination and categories they offer.

Pure functions of (bytes, URL) like the article parser; the spider decides what to follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urljoin, urlsplit

from lxml import etree

from scraper.parsers.decode import decode_html
from scraper.parsers.errors import ExtractionError
from scraper.parsers.fields import DOCUMENT_EXTENSIONS, article_id_from_url
from scraper.parsers.html import parse_html
from scraper.parsers.labels import hits_value, split_labelled
from scraper.parsers.text import collapse, element_text
from scraper.parsers.thaidate import find_date


@dataclass
class ListingEntry:
    """One article as a listing shows it."""

    url: str
    title: str | None = None
    published_raw: str | None = None
    hits_raw: str | None = None


@dataclass
class Listing:
    """What a listing page, feed or sitemap links to."""

    articles: list[ListingEntry] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # categories, feeds, sitemaps to explore
    is_sitemap: bool = False  # a sitemap: every article at once, without dates or order


_ASSET = re.compile(r"\.(jpe?g|png|gif|webp|svg|ico|css|js|mp4|mp3|woff2?|ttf)$", re.I)
_PAGING_ARGS = ("start", "limitstart", "page", "paged", "pg", "p_page")
_PAGING_PATH = re.compile(r"/page/\d+/?$")
_NEXT_TEXT = re.compile(r"^(ถัดไป|หน้าถัดไป|ต่อไป|next|»|›|>|>>|\d+)$", re.I)
_SECTION_HINTS = ("view=category", "view=section", "view=featured", "view=archive", "itemlist",
                  "format=feed", "/category/", "task=category", "sitemap", "/feed")
#: Links of navigation menus: on a portal's home and category pages they lead to the sections
#: (SEF category paths like /index.php/announcements, news_list.php) that carry no URL hint.
_MENU_LINKS = etree.XPath(
    "//nav//a | //*[contains(@class, 'menu') or contains(@class, 'nav') or contains(@id, 'menu')"
    " or contains(@id, 'nav')]//a"
)
_ITEM_CONTAINERS = etree.XPath(
    "ancestor-or-self::*[@itemprop='blogPost' or contains(@class,'item') or contains(@class,'catItemView')"
    " or self::tr or self::li or self::article][1]"
)
_TITLE_LINKS = etree.XPath(
    "//*[@itemprop='blogPost']//*[@itemprop='name' or @itemprop='headline']//a"
    " | //*[contains(@class,'page-header')]//a | //td[contains(@class,'list-title')]//a"
    " | //*[contains(@class,'catItemTitle')]//a | //*[contains(@class,'entry-title')]//a"
    " | //*[contains(@class,'contentpagetitle')] | //*[contains(@class,'news-title')]//a"
)


def is_article_url(url: str) -> bool:
    """True when the URL has the shape of an article (Joomla, K2, WordPress, custom PHP)."""
    parts = urlsplit(url)
    if _ASSET.search(parts.path) or DOCUMENT_EXTENSIONS.search(parts.path):
        return False
    query = dict(parse_qsl(parts.query))
    if query.get("format") in ("feed", "pdf") or query.get("tmpl") or query.get("print"):
        return False
    if query.get("view") in ("category", "section", "featured", "archive", "itemlist") or "itemlist" in parts.path:
        return False
    if "/category/" in parts.path or any(a in query for a in ("start", "limitstart")):
        return False
    if query.get("view") in ("article", "item") and query.get("id"):
        return True
    return article_id_from_url(url) is not None


def _is_section(url: str) -> bool:
    return any(h in url for h in _SECTION_HINTS)


def is_listing_url(url: str) -> bool:
    """True for URLs of a known listing shape: categories, sections, feeds, pagination."""
    return _is_section(url) or is_paging_url(url)


def is_paging_url(url: str) -> bool:
    parts = urlsplit(url)
    return any(k in _PAGING_ARGS for k, _ in parse_qsl(parts.query)) or bool(_PAGING_PATH.search(parts.path))


def parse_listing(html: bytes, url: str, encoding: str | None = None) -> Listing:
    """Article links (with the dates and hits the listing shows), pagination and sections.

    Links to other hosts are kept: staying on the portal is the spider's decision.
    """
    text, _ = decode_html(html, encoding)
    doc = parse_html(text)
    base = doc.xpath("//base/@href")
    page_base = urljoin(url, base[0]) if base else url
    out = Listing()
    seen: set[str] = set()
    title_links = set(_TITLE_LINKS(doc))  # the elements themselves: id() of lxml proxies is reused
    menu_links = set(_MENU_LINKS(doc))
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        link = urljoin(page_base, href).split("#", 1)[0]
        if link in seen or link == url or not link.startswith(("http://", "https://")):
            continue
        rel = (a.get("rel") or "").lower()
        label = collapse(element_text(a))
        if is_article_url(link) or (a in title_links and not is_paging_url(link) and not _is_section(link)):
            seen.add(link)
            out.articles.append(_entry(a, link, label))
        elif "next" in rel or (is_paging_url(link) and (_NEXT_TEXT.match(label) or _in_pagination(a))):
            seen.add(link)
            out.next_pages.append(link)
        elif _is_section(link) or (a in menu_links and not _ASSET.search(urlsplit(link).path)
                                   and not DOCUMENT_EXTENSIONS.search(urlsplit(link).path)):
            seen.add(link)
            out.sections.append(link)
    for href in doc.xpath("//link[@rel='alternate'][contains(@type,'rss') or contains(@type,'atom')]/@href"
                          " | //link[@rel='next']/@href"):
        link = urljoin(page_base, href.strip())
        if link not in seen:
            seen.add(link)
            (out.next_pages if is_paging_url(link) else out.sections).append(link)
    return out


def _in_pagination(a) -> bool:
    for anc in a.iterancestors():
        cls = anc.get("class") or ""
        if any(k in cls for k in ("pagination", "pager", "page-numbers", "pagenav", "nav-links")):
            return True
    return False


def _entry(a, link: str, label: str) -> ListingEntry:
    containers = _ITEM_CONTAINERS(a)
    published = hits = None
    if containers:
        text = collapse(element_text(containers[0]))
        if len(text) < 2000:
            found = find_date(text.replace(label, " ", 1) if label else text)
            published = found.matched
            for seg in split_labelled(text)[1]:
                if seg.kind == "hits":
                    hits = hits_value(seg.value)
                    break
    return ListingEntry(link, label or None, published, hits)


def looks_like_feed(body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<urlset", b"<sitemapindex"))


_FEED_ROOTS = ("rss", "feed", "RDF", "urlset", "sitemapindex")


def parse_feed(body: bytes, url: str, recover: bool = False) -> Listing:
    """RSS 2.0 (and 1.0), Atom, sitemap and sitemap-index documents.

    A document that is not well-formed XML, or whose root is no feed or sitemap (an HTML error
    page behind an XML declaration), raises :class:`ExtractionError` with a one-line reason: a
    feed that stopped working must not look like an empty one. ``recover=True`` reads what lxml
    can salvage instead (the spider's second try, after counting the error), and raises only
    when nothing is left.
    """
    out = Listing()
    parser = etree.XMLParser(recover=recover, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        reason = " ".join(str(exc).split()) or "not well-formed XML"
        raise ExtractionError(f"broken feed: {reason}") from None
    if root is None:
        raise ExtractionError("broken feed: no XML element")
    name = etree.QName(root).localname
    if name not in _FEED_ROOTS:
        raise ExtractionError(f"not a feed or sitemap: the document is <{name}>")
    out.is_sitemap = name in ("urlset", "sitemapindex")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = etree.QName(el).localname
        if tag == "item":  # RSS
            link = _child_text(el, "link") or _child_text(el, "guid")
            if link:
                out.articles.append(ListingEntry(urljoin(url, link), _child_text(el, "title"),
                                                 _child_text(el, "pubDate")))
        elif tag == "entry":  # Atom
            href = next((c.get("href") for c in el if etree.QName(c).localname == "link"
                         and c.get("rel", "alternate") == "alternate"), None)
            if href:
                out.articles.append(ListingEntry(urljoin(url, href), _child_text(el, "title"),
                                                 _child_text(el, "published") or _child_text(el, "updated")))
        elif tag == "url":  # sitemap: content pages; the spider lets the article parser judge them
            loc = _child_text(el, "loc")
            if loc:
                link = urljoin(url, loc)
                if is_listing_url(link):
                    out.sections.append(link)
                else:
                    out.articles.append(ListingEntry(link, None, _child_text(el, "lastmod")))
        elif tag == "sitemap":
            loc = _child_text(el, "loc")
            if loc:
                out.sections.append(urljoin(url, loc))
    return out


def _child_text(el, name: str) -> str | None:
    for child in el:
        if isinstance(child.tag, str) and etree.QName(child).localname == name and child.text:
            return child.text.strip()
    return None
