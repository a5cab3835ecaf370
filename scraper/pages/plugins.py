"""Markup of documented CMS plugins and modules, recognized by their published names.

These are not layout guesses: each name is what the plugin's own templates print, so a page
that uses the plugin carries it whatever its theme.

* Joomla's Breadcrumbs module (``mod_breadcrumbs``: ``breadcrumb``/``breadcrumbs``/``pathway``;
  Joomla 4 wraps it in ``<nav aria-label="Breadcrumbs">``; schema.org ``BreadcrumbList``);
* the vvisit_counter visitors-counter module (``vvisit_counter``);
* WordPress Post Views Counter (``post-views-count`` inside ``post-views``) and WP-PostViews;
* Jetpack sharing and related posts (``sharedaddy``, ``jp-relatedposts``), AddThis;
* AddToAny share buttons; the screen-reader-only text of WordPress, Bootstrap and Joomla
  (``screen-reader-text``, ``sr-only``, ``visually-hidden``, ``element-invisible``);
* Joomla's Attachments extension (``attachmentsContainer``/``attachmentsList``).
"""

from __future__ import annotations

import re

from lxml import etree

from scraper.parsers.fields import hits_from_text
from scraper.parsers.text import clean, collapse, element_text

#: Class tokens (and ids) of plugin blocks that are never the article's text nor its files.
PLUGIN_NOISE = frozenset(
    "vvisit_counter breadcrumb breadcrumbs pathway mod-breadcrumbs sharedaddy jp-relatedposts addthis_toolbox"
    " addtoany_share_save_container a2a_kit screen-reader-text visually-hidden sr-only element-invisible".split()
)
#: Blocks of the Joomla Attachments extension and K2: the article's files, never its text.
ATTACHMENT_BLOCKS = frozenset("attachmentsContainer attachmentsList itemAttachmentsBlock".split())

_BREADCRUMBS = etree.XPath(
    "//*[@itemtype and contains(@itemtype, 'BreadcrumbList')]"
    " | //nav[contains(translate(@aria-label, 'BREADCUMS', 'breadcums'), 'breadcrumb')]"
    " | //*[@class][contains(concat(' ', normalize-space(@class), ' '), ' breadcrumb ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' breadcrumbs ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' pathway ')]"
)
#: A line of links that starts at the home page: breadcrumbs told by what they say.
_HOME_WORDS = re.compile(r"^(หน้าแรก|หน้าหลัก|Home|หน้าแรกเว็บไซต์)$", re.I)
_LINK_LINES = etree.XPath("//body//*[a][count(a) >= 1][not(ancestor::a)]")
#: Post Views Counter prints ``span.post-views-count`` inside ``div.post-views``; themes print
#: WP-PostViews' ``the_views()`` ("1,234 views") inside their own ``post-views`` span.
_VIEW_COUNT = etree.XPath(
    "//*[@class][contains(concat(' ', normalize-space(@class), ' '), ' post-views-count ')]"
    " | //*[@class][contains(concat(' ', normalize-space(@class), ' '), ' post-views ')]"
)
_SEPARATORS = re.compile(r"^[\s»>›/|\\-]*$")


def is_plugin_noise(el, attachments: bool = True) -> bool:
    """A plugin block that holds no article text (``attachments=False``: the files' blocks excepted)."""
    classes = el.get("class")
    if classes:
        tokens = classes.split()
        if not PLUGIN_NOISE.isdisjoint(tokens) or attachments and not ATTACHMENT_BLOCKS.isdisjoint(tokens):
            return True
    return el.get("id") == "vvisit_counter"


def view_count(doc) -> str | None:
    """Post Views Counter's number (``<span class="post-views-count">1,234</span>``)."""
    for el in _VIEW_COUNT(doc):
        found = hits_from_text(element_text(el))
        if found:
            return found
    return None


def _crumbs(el) -> list[str]:
    """The crumbs of a breadcrumb trail: its links, then a last unlinked item."""
    items = el.xpath(".//*[@itemprop='itemListElement']")
    if items:
        return [t for t in (clean(element_text(i)) for i in items) if t]
    out = [t for t in (clean(element_text(a)) for a in el.iter("a")) if t]
    last = el.xpath("(.//text()[normalize-space()][not(ancestor::a)])[last()]")
    if last:
        tail = clean(str(last[-1]))
        if tail and not _SEPARATORS.match(tail) and tail not in out:
            out.append(tail)
    return out


def _category_of(crumbs: list[str], title: str | None) -> str | None:
    if len(crumbs) < 2 or not _HOME_WORDS.match(crumbs[0]):
        return None
    middle = [c for c in crumbs[1:] if c != title and not (title and len(c) > 20 and (c in title or title in c))]
    return middle[-1] if middle else None


def breadcrumb_category(doc, title: str | None) -> str | None:
    """The category of the article: the last breadcrumb before the article itself."""
    for el in _BREADCRUMBS(doc):
        crumbs = _crumbs(el)
        if crumbs:
            return _category_of(crumbs, title)
    for el in _LINK_LINES(doc):
        first = el.find("a")
        if first is None or not _HOME_WORDS.match(collapse(element_text(first))):
            continue
        if len(collapse(element_text(el))) > 300 or len(el.findall("a")) > 6:
            continue
        # Told by what it says: home first, the article's own title last, unlinked.
        crumbs = _crumbs(el)
        if len(crumbs) >= 3 and title and crumbs[-1] == title and len(el.findall("a")) == len(crumbs) - 1:
            return _category_of(crumbs, title)
    return None
