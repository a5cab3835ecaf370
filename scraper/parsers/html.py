"""Decoded page text -> lxml tree, and the completeness check every page passes first."""

from __future__ import annotations

from lxml import etree

from scraper.parsers.errors import ExtractionError

#: lxml's own HTML parser, with plain ``etree`` elements: ``lxml.html``'s element classes are
#: chosen by a Python callback for every element touched (a tenth of the parse-and-locate time),
#: and none of their methods is needed here.
_PARSER = etree.HTMLParser(recover=True, remove_comments=True, remove_pis=True, collect_ids=False)


def parse_html(text: str):
    """Parse decoded HTML with lxml's forgiving parser (broken and truncated pages included)."""
    try:
        doc = etree.fromstring(text, _PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"not parseable as HTML: {exc}") from None
    if doc is None or doc.find("body") is None and len(doc) == 0:
        raise ExtractionError("not parseable as HTML: no document")
    return doc


def check_complete(text: str) -> None:
    """Refuse a page cut off in transit: CMS pages end with ``</body>`` / ``</html>``.

    A truncated article would otherwise give a record with part of its body, silently.
    """
    tail = text[-8192:].lower()
    if "</html" not in tail and "</body" not in tail:
        raise ExtractionError(f"truncated HTML: the page ends before </body></html> ({len(text)} characters)")
