"""Decoded page text -> lxml tree, and the completeness check every page passes first."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from scraper.parsers.errors import ExtractionError

#: lxml's own HTML parser, with plain ``etree`` elements: ``lxml.html``'s element classes are
#: chosen by a Python callback for every element touched (a tenth of the parse-and-locate time),
#: and none of their methods is needed here. It reads UTF-8 bytes whatever the page declares
#: (the page is decoded already, by ``scraper.parsers.decode``).
_PARSER = etree.HTMLParser(recover=True, remove_comments=True, remove_pis=True, collect_ids=False, encoding="utf-8")


def parse_html(text: str):
    """Parse decoded HTML with lxml's forgiving parser (broken and truncated pages included).

    The text goes to libxml2 as UTF-8 bytes, not as a ``str``: lxml refuses a ``str`` that opens
    with an XML declaration naming an encoding (an XHTML page's ``<?xml version="1.0"
    encoding="tis-620"?>``), which old templates print. The bytes parse in the same time.
    """
    try:
        doc = etree.fromstring(text.encode("utf-8", "replace"), _PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"not parseable as HTML: {exc}") from None
    if doc is None or doc.find("body") is None and len(doc) == 0:
        raise ExtractionError("not parseable as HTML: no document")
    return doc


def tagged(doc, tag: str, test: Callable[[etree._Element], bool] | None = None) -> list:
    """``//tag[test]``: the document's ``tag`` elements that pass ``test``, in document order.

    lxml's tag walk runs in C and makes a Python object only for the elements of that tag; an
    XPath call costs some 20-30 us on a page whatever it finds (its context is set up anew for
    each call), several times the walk for the few head tags that the fields look up.
    """
    return [el for el in doc.iter(tag) if test is None or test(el)]


def attribute_values(elements: list, name: str) -> list[str]:
    """``.../@name``: the values of the attribute ``name`` of those of ``elements`` that have it."""
    return [value for value in (el.get(name) for el in elements) if value is not None]


def check_complete(text: str) -> None:
    """Refuse a page cut off in transit: CMS pages end with ``</body>`` / ``</html>``.

    A truncated article would otherwise give a record with part of its body, silently.
    """
    tail = text[-8192:]
    if "</html" in tail or "</body" in tail:
        return  # (as written by nearly every page: lowering 8,192 characters of Thai text is spared)
    tail = tail.lower()
    if "</html" not in tail and "</body" not in tail:
        raise ExtractionError(f"truncated HTML: the page ends before </body></html> ({len(text)} characters)")
