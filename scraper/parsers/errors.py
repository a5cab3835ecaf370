"""Errors raised by the parsers: one line each, naming what is wrong with the input."""


class ExtractionError(ValueError):
    """The input cannot give an article record; ``str(err)`` is a one-line reason."""


class NotAnArticle(ExtractionError):
    """The page is a listing, home page or other non-article page."""


class StaticPage(NotAnArticle):
    """The page is one of the portal's own pages, not news: about, contact, a directory, an
    album, a sign-in form, a list of notices. A crawl counts it in ``labour/static_pages``."""
