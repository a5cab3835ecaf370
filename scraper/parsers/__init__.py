"""Pure extraction: HTML bytes + URL -> raw article fields.

No Scrapy imports here, so the CLI, the tests and the spiders share one code path.
The entry point is :func:`scraper.parsers.article.parse_article`.
"""

from scraper.parsers.errors import ExtractionError, NotAnArticle

__all__ = ["ExtractionError", "NotAnArticle", "parse_article"]


def parse_article(html, url, encoding=None):
    """Lazy re-export of :func:`scraper.parsers.article.parse_article`."""
    from scraper.parsers.article import parse_article as _parse

    return _parse(html, url, encoding)
