"""Errors raised by the parsers: one line each, naming what is wrong with the input."""


class ExtractionError(ValueError):
    """The input cannot give an article record; ``str(err)`` is a one-line reason."""


class NotAnArticle(ExtractionError):
    """The page is a listing, home page or other non-article page."""
