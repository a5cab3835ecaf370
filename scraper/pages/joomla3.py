"""Joomla 2.5/3 articles (``com_content``, protostar-like templates) and the department's override.

Markup (Joomla 3 ``components/com_content/views/article/tmpl/default.php``): ``div.item-page``
(schema.org ``Article``), the title in ``div.page-header`` (``itemprop="headline"``), the info
block ``dl.article-info`` with ``dd.createdby``, ``dd.category-name``, ``dd.published``,
``dd.create``, ``dd.modified``, ``dd.hits``, the text in ``div[itemprop=articleBody]``. With
"show page heading" on, a ``<h1>`` in a ``page-header`` above the article names the menu item
(not taken for the category: it is the menu's heading, which the article does not state). The department's override (the seed page) prints ``h2.contentheading``,
``div.article-meta`` lines (``Post on``, ``by``, ``หมวด:``, ``ฮิต:``) and ``div.article-content``.
"""

from __future__ import annotations

from lxml import etree

from scraper.pages.layout import LayoutArticlePage
from scraper.pages.selectors import with_class


class Joomla3ArticlePage(LayoutArticlePage):
    layout = "joomla3"
    ROOT = etree.XPath(with_class("item-page"))
    # T3 templates (JA Teline, Purity III) print the intro apart: section.article-intro + the articleBody
    BODY = ((("article-intro",), ("articleBody",), True), (("article-content",), (), True))
    TITLE_CLASSES = ("contentheading",)
    TITLE_XPATH = etree.XPath(
        ".//*[contains(@class, 'page-header')]//*[self::h1 or self::h2][not(following-sibling::*)]"
        "[not(ancestor::*[contains(@class, 'page-header')]/following-sibling::*[contains(@class, 'page-header')])]"
    )
    # (dd.published is the article's publish-up date, dd.create its creation: a backdated or
    # scheduled article shows both, and the published one is the article's date)
    DATE_CLASSES = {"published": ("published", "label"), "create": ("published", "text"), "modified": ("modified", "label")}
    AUTHOR_CLASSES = ("createdby", "post-author")
    HITS_CLASSES = ("hits", "post-hits")
    CATEGORY_CLASSES = ("category-name", "post-category")
    NOISE_CLASSES = frozenset(
        """article-info article-info-term page-header icons btn-group dropdown-menu pager pagenav
        article-meta article-share content_rating content_vote tags""".split()
    )
