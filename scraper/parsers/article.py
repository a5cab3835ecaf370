"""The extraction entry point: page bytes + URL -> raw article fields.

The work is done by a web-poet page object (``scraper/pages/``): :func:`scraper.pages.rules.page_for`
picks the layout family's object (pinned per portal domain, else detected from the markup, else
the generic one) and its fields give the raw dict; ``pipelines/normalize.py`` turns it into the
record. This module only keeps the signature the spider, the CLI and the workers call.
"""

from __future__ import annotations

from scraper.pages.rules import extract_raw
from scraper.parsers.html import check_complete, parse_html

__all__ = ["check_complete", "parse_article", "parse_html"]


def parse_article(html: bytes, url: str, encoding: str | None = None) -> dict:
    """Extract the raw fields of the article page ``html`` fetched from ``url``.

    ``encoding`` is the charset the transport declared, if any. Raises
    :class:`~scraper.parsers.errors.ExtractionError` (one-line reason) when the input is not an
    article page.
    """
    return extract_raw(html, url, encoding)
