"""Bytes -> text, the way a browser would, with Thai legacy encodings handled.

Decoding is delegated to :func:`w3lib.encoding.html_to_unicode` (the same function Scrapy's
``TextResponse`` uses): it honours a BOM, then the declared encoding (HTTP header), then the
``<meta charset>``, and maps ``tis-620``/``iso-8859-11`` to ``cp874`` (windows-874), a superset whose
extra punctuation (curly quotes, ellipsis, dash) Python's own ``tis-620`` codec turns into C1
control characters.
"""

from __future__ import annotations

from w3lib.encoding import html_to_unicode

from scraper.parsers.errors import ExtractionError

#: Pages larger than this are refused before parsing (bounded time and memory).
MAX_HTML_BYTES = 10 * 1024 * 1024

#: Every byte but the control bytes that text never holds (all except tab, LF, FF, CR): deleting
#: them with ``bytes.translate`` counts the others in C.
_NOT_BINARY_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def check_html_bytes(data: bytes) -> None:
    """Refuse inputs that are not an HTML page, with a one-line reason."""
    if not data or not data.strip():
        raise ExtractionError("empty file")
    if len(data) > MAX_HTML_BYTES:
        raise ExtractionError(
            f"too large: {len(data) / 1e6:.1f} MB exceeds the {MAX_HTML_BYTES / 1e6:.0f} MB page limit"
        )
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 BOM: text, w3lib handles it
        return
    if b"\x00" in head:
        raise ExtractionError("binary file (NUL bytes), not an HTML page")
    controls = len(head.translate(None, _NOT_BINARY_CONTROL))
    if controls > len(head) // 50:
        raise ExtractionError("binary file (control bytes), not an HTML page")


def decode_html(data: bytes, declared_encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` for a page's bytes.

    ``declared_encoding`` is what the transport said (an HTTP ``Content-Type`` charset); the
    page's own ``<meta>`` wins only when nothing was declared, as in browsers.
    """
    check_html_bytes(data)
    content_type = f"text/html; charset={declared_encoding}" if declared_encoding else None
    encoding, text = html_to_unicode(content_type, data)
    if content_type and text.count("\ufffd") > 3:
        # A wrong charset header (seen on portals that moved to UTF-8 but kept a TIS-620
        # <meta>, and vice versa): let the page's own declaration or detection decide.
        alt_encoding, alt_text = html_to_unicode(None, data)
        if alt_text.count("\ufffd") < text.count("\ufffd"):
            return alt_text, alt_encoding
    return text, encoding
