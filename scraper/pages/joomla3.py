"""Joomla 2.5/3 articles (``com_content``, protostar-like templates) and the department's override.

Markup (Joomla 3 ``components/com_content/views/article/tmpl/default.php``): ``div.item-page``
(schema.org ``Article``), the title in ``div.page-header`` (``itemprop="headline"``), the info
block ``dl.article-info`` with ``dd.createdby``, ``dd.category-name``, ``dd.published``,
``dd.create``, ``dd.modified``, ``dd.hits``, the text in ``div[itemprop=articleBody]``. With
"show page heading" on, a ``<h1>`` in a ``page-header`` above the article names the menu item,
usually the category. The department's override (the seed page) prints ``h2.contentheading``,
``div.article-meta`` lines (``Post on``, ``by``, ``หมวด:``, ``ฮิต:``) and ``div.article-content``.
"""

from __future__ import annotations

from lxml import etree

from scraper.pages.layout import LayoutArticlePage
from scraper.parsers.locate import _with_class
from scraper.parsers.text import clean, element_text


class Joomla3ArticlePage(LayoutArticlePage):
    layout = "joomla3"
    ROOT = etree.XPath(_with_class("item-page"))
    BODY = (((), ("articleBody",), True), (("article-content",), (), True))
    TITLE_CLASSES = ("contentheading",)
    TITLE_XPATH = etree.XPath(
        ".//*[contains(@class, 'page-header')]//*[self::h1 or self::h2][not(following-sibling::*)]"
        "[not(ancestor::*[contains(@class, 'page-header')]/following-sibling::*[contains(@class, 'page-header')])]"
    )
    DATE_CLASSES = {"create": ("published", "text"), "modified": ("modified", "label")}
    AUTHOR_CLASSES = ("createdby", "post-author")
    HITS_CLASSES = ("hits", "post-hits")
    CATEGORY_CLASSES = ("category-name", "post-category")
    NOISE_CLASSES = frozenset(
        """article-info article-info-term page-header icons btn-group dropdown-menu pager pagenav
        article-meta article-share content_rating content_vote tags""".split()
    )
    #: "Show page heading": the menu item's heading above the article's own title.
    PAGE_HEADING = etree.XPath("./*[contains(@class, 'page-header')][following-sibling::*[contains(@class, 'page-header')]]//h1")

    def family_category(self) -> str | None:
        found = super().family_category()
        if found or self.container is None:
            return found
        for el in self.PAGE_HEADING(self.container):
            text = clean(element_text(el))
            if text and text != self.title:
                return text
        return None
