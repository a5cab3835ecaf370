"""Joomla 4/5 articles (cassiopeia: ``com_content`` ``tmpl/article/default.php``).

``div.com-content-article`` (schema.org ``Article``), title in ``div.page-header h1``,
``dl.article-info`` with ``dd.createdby``/``dd.category-name``/``dd.published``/``dd.modified``/
``dd.hits`` (each with ``<time datetime>`` and itemprops), text in ``div.com-content-article__body``.
"""

from __future__ import annotations

from lxml import etree

from scraper.pages.layout import LayoutArticlePage
from scraper.pages.selectors import with_class


class Joomla4ArticlePage(LayoutArticlePage):
    layout = "joomla4"
    ROOT = etree.XPath(with_class("com-content-article"))
    BODY = (((), ("articleBody",), True), (("com-content-article__body",), (), True))
    TITLE_XPATH = etree.XPath(".//*[contains(@class, 'page-header')]//*[self::h1 or self::h2][not(following-sibling::*)]")
    DATE_CLASSES = {"create": ("published", "text"), "modified": ("modified", "label")}
    AUTHOR_CLASSES = ("createdby",)
    HITS_CLASSES = ("hits",)
    CATEGORY_CLASSES = ("category-name",)
    NOISE_CLASSES = frozenset(
        "article-info article-info-term page-header icons pagenavigation pagination tags content_rating".split()
    )
