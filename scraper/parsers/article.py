"""The extraction chain: page bytes + URL -> raw article fields.

Each step is a named function (``scraper.parsers.fields``), testable alone:

    decode -> parse -> locate the article block -> title -> info lines -> dates, author,
    hits, category -> body -> attachments, images -> article id

The result is a plain dict of raw strings; ``pipelines/normalize.py`` turns it into the record.
"""

from __future__ import annotations

from lxml import etree

from scraper.parsers import fields
from scraper.parsers.decode import decode_html
from scraper.parsers.errors import ExtractionError
from scraper.parsers.locate import locate_article

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


def parse_article(html: bytes, url: str, encoding: str | None = None) -> dict:
    """Extract the raw fields of the article page ``html`` fetched from ``url``.

    ``encoding`` is the charset the transport declared, if any. Raises
    :class:`~scraper.parsers.errors.ExtractionError` (one-line reason) when the input is not an
    article page.
    """
    text, used_encoding = decode_html(html, encoding)
    check_complete(text)
    doc = parse_html(text)
    block = fields_block = locate_article(doc)
    title, title_el = fields.title(doc, fields_block)
    lines = fields.info_lines(block, title_el)
    page_base = fields.base_url(doc, url)
    raw = {
        "url": url,
        "canonical_url": fields.canonical_url(doc, url),
        "article_id": fields.article_id(doc, url),
        "title": title,
        "dates": fields.dates(doc, block, lines),
        "author": fields.author(block, lines),
        "hits": fields.hits(block, lines),
        "category": fields.category(block, lines),
        "paragraphs": fields.body(block, title, title_el),
        "attachments": fields.attachments(block, page_base),
        "images": fields.images(block, page_base),
        "layout": block.layout,
        "encoding": used_encoding,
    }
    if not raw["title"]:
        raise ExtractionError(f"no article title found ({block.layout} layout)")
    if not raw["paragraphs"] and not raw["images"] and not raw["attachments"]:
        raise ExtractionError(f"no article text, images or attachments found ({block.layout} layout)")
    return raw
