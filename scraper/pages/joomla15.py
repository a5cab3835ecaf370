"""Joomla 1.5 articles (rhuk_milkyway/beez: ``com_content`` ``view=article`` table layout).

Two ``table.contentpaneopen``: the first holds ``td.contentheading`` (title) and the PDF/print
``td.buttonheading`` icons; the second the info rows (``td.createdby`` with ``span.small``
"เขียนโดย", ``td.createdate``, ``td.modifydate``, hits) and the text in an unclassed ``<td>``.
"""

from __future__ import annotations

from lxml import etree

from scraper.pages.layout import LayoutArticlePage
from scraper.pages.selectors import has_class, with_class


class Joomla15ArticlePage(LayoutArticlePage):
    layout = "joomla15"
    ROOT = etree.XPath(f"{with_class('contentpaneopen', 'table')}/..")
    TITLE_CLASSES = ("contentheading",)
    DATE_CLASSES = {"createdate": ("published", "text"), "modifydate": ("modified", "label")}
    AUTHOR_CLASSES = ("createdby",)
    HITS_CLASSES = ("hits",)
    CATEGORY_CLASSES = ("category", "section")
    NOISE_CLASSES = frozenset("buttonheading createdby createdate modifydate contentheading article_separator pagenav".split())
    _CELLS = etree.XPath(f".//table[{has_class('contentpaneopen')}]//td")

    @property
    def containers(self) -> list:
        found = self.ROOT(self.doc)
        return found[:1]

    def find_body(self) -> list:
        """The body is the unclassed cell of the second ``contentpaneopen`` table with the most text."""
        if self.container is None:
            return super().find_body()
        best, best_len = None, 0
        for td in self._CELLS(self.container):
            if td.get("class") or any(a.tag == "td" for a in td.iterancestors() if _inside_pane(a, self.container)):
                continue
            # (words, not the template's indentation; a cell of links, the section and category, is
            # no text beside a poster: a picture counts as 40 characters)
            n = _chars(td) - sum(_chars(a) for a in td.iter("a")) + 40 * len(td.findall(".//img"))
            if n > best_len:
                best, best_len = td, n
        return [best] if best is not None else super().find_body()


def _chars(el) -> int:
    """Characters of ``el``'s text other than white space."""
    return sum(len("".join(t.split())) for t in el.itertext())


def _inside_pane(el, container) -> bool:
    node = el
    while node is not None and node is not container:
        if node.tag == "table" and "contentpaneopen" in (node.get("class") or ""):
            return True
        node = node.getparent()
    return False
