"""Extraction helpers with no Scrapy in them: decoding, HTML parsing, Thai dates, labels, text.

The page objects in ``scraper/pages/`` read articles with these; the entry point is
:func:`scraper.pages.rules.parse_article`. Nothing here imports Scrapy, Twisted or the pipelines,
so the CLI, the tests and the spider's worker processes share one code path.
"""

from scraper.parsers.errors import ExtractionError, NotAnArticle

__all__ = ["ExtractionError", "NotAnArticle"]
