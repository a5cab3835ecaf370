"""WordPress posts (twentytwenty/astra/generatepress-like themes, ``single.php``).

``<article class="post ... hentry">`` (or ``id="post-N"``); ``h1.entry-title``;
``time.entry-date`` in ``.posted-on``; ``.byline .author``; ``.cat-links``; text in
``div.entry-content``. View counters come from plugins (see :mod:`scraper.pages.plugins`).
"""

from __future__ import annotations

from lxml import etree

from scraper.pages.layout import LayoutArticlePage
from scraper.pages.selectors import with_class


class WordPressArticlePage(LayoutArticlePage):
    layout = "wordpress"
    ROOT = etree.XPath(f"//article[contains(@class, 'post') or starts-with(@id, 'post-')] | {with_class('hentry')}")
    BODY = (((), ("articleBody",), True), (("entry-content",), (), True), (("post-content",), (), True))
    TITLE_CLASSES = ("entry-title", "post-title")
    AUTHOR_CLASSES = ("author", "byline", "entry-author", "post-author")
    HITS_CLASSES = ("entry-views", "view-count", "views")
    CATEGORY_CLASSES = ("cat-links", "entry-category")
    NOISE_CLASSES = frozenset(
        """entry-header entry-meta entry-footer post-meta postmetadata post-navigation navigation nav-links
        comments-area related share social""".split()
    )
    INFO_CLASSES = frozenset("entry-meta post-meta postmetadata entry-footer".split())
