"""Selector helpers the layout families declare their markup with (class tokens, itemprops).

Matching a class *token* in XPath 1.0 needs ``contains(concat(' ', normalize-space(@class), ' '),
' x ')``; these helpers write it once, cheaply, and :class:`ElementIndex` answers many class
lookups on one block from a single pass.
"""

from __future__ import annotations

from lxml import etree


def token_test(attr: str, name: str) -> str:
    """XPath test: the class string ``attr`` holds the token ``name``.

    The cheap substring test runs first; XPath's ``and`` skips the costly exact test for the
    strings that fail it, i.e. nearly all.
    """
    return f"(contains({attr}, '{name}') and contains(concat(' ', normalize-space({attr}), ' '), ' {name} '))"


def has_class(name: str) -> str:
    """XPath predicate: the element's class attribute holds the token ``name``."""
    return token_test("@class", name)


def with_class(name: str, tag: str = "*") -> str:
    """XPath of the page's ``tag`` elements whose class holds the token ``name``.

    Walks the page's class attributes rather than its elements: a third of the cost.
    """
    return f"//@class[{token_test('.', name)}]/parent::{tag}"


#: Entries of the CMSs' listing layouts (blog/category views, K2 item lists, category tables):
#: a page showing two or more is a listing, not an article.
LISTING_TOKENS = frozenset(("blogPost", "items-row", "catItemView", "blog-item", "category", "itemListView"))
LISTING_XPATH = etree.XPath(
    f"//*[@itemprop='blogPost'] | {with_class('items-row')} | {with_class('catItemView')}"
    f" | {with_class('blog-item')} | {with_class('category', 'table')}//a"
    f" | {with_class('itemListView')}//*[{has_class('catItemTitle')}]"
)

# (from the attributes up, in C: half the cost of descendant-or-self::*[@class or @itemprop])
_INDEXED = etree.XPath("(.//@class | .//@itemprop)/..")


class ElementIndex:
    """The elements of a block by class token and by ``itemprop``, in document order.

    Built in one pass, so each field lookup is a dictionary access instead of an XPath
    ``contains(concat(...))`` scan of every element (profiling showed those scans dominating).
    The pass visits only the elements that have a class or itemprop (chosen by XPath, in C).
    """

    def __init__(self, root):
        self.by_class: dict[str, list] = {}
        self.by_itemprop: dict[str, list] = {}
        self.position: dict = {}
        for pos, el in enumerate(_INDEXED(root)):
            self.position[el] = pos
            classes = el.get("class")
            if classes:
                for token in classes.split():
                    self.by_class.setdefault(token, []).append(el)
            prop = el.get("itemprop")
            if prop:
                for token in prop.split():
                    self.by_itemprop.setdefault(token, []).append(el)

    def find(self, classes: tuple[str, ...] = (), itemprops: tuple[str, ...] = ()) -> list:
        """Elements with any of the class tokens or itemprops, in document order, once each."""
        found = {}
        for name in classes:
            for el in self.by_class.get(name, ()):
                found[self.position[el]] = el
        for name in itemprops:
            for el in self.by_itemprop.get(name, ()):
                found[self.position[el]] = el
        return [found[k] for k in sorted(found)]
