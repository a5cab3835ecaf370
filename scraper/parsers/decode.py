"""Bytes -> text, the way a browser would, with Thai legacy encodings handled, or a clear refusal.

Fast path (nearly every page): the encoding a BOM, the transport (HTTP ``Content-Type``) or the
page's ``<meta>`` declares (found as Scrapy finds it, with :mod:`w3lib.encoding`; a page with no
declaration at all is tried as UTF-8) decodes strictly, without a single invalid byte: that text
is used, no detection runs. ``tis-620``/``iso-8859-11`` map to ``cp874`` (windows-874), a
superset whose extra punctuation (curly quotes, ellipsis, dash) Python's own ``tis-620`` codec
turns into C1 control characters. Bytes that are valid UTF-8 with non-ASCII text are UTF-8
whatever a single-byte declaration says (Thai in cp874 is never valid UTF-8: its lead bytes are
not followed by continuation bytes).

Slow path (no declaration and not UTF-8, a declaration the bytes contradict, or a non-Thai
single-byte declaration over non-ASCII bytes): the candidates — what was declared, UTF-8 and
cp874 — are judged by charset-normalizer (restricted to those candidates: its mess detector
rejects a decoding that reads as mojibake); the winner must then decode the whole page strictly
and read as Thai where it is Thai. Otherwise :class:`ExtractionError`, one line naming the
encodings tried, e.g. ``undecodable: 37 invalid byte sequences as utf-8, 12 as cp874``: no record
is ever built from text holding U+FFFD.
"""

from __future__ import annotations

import re

from bs4.dammit import EncodingDetector
from w3lib.encoding import html_body_declared_encoding, resolve_encoding

from scraper.parsers.errors import ExtractionError

#: Pages larger than this are refused before parsing (bounded time and memory).
MAX_HTML_BYTES = 10 * 1024 * 1024

#: Every byte but the control bytes that text never holds (all except tab, LF, FF, CR): deleting
#: them with ``bytes.translate`` counts the others in C.
_NOT_BINARY_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))

UTF8 = "utf-8"
THAI = "cp874"

#: Encodings whose strict decoding of a page is trusted without detection.
_TRUSTED = {UTF8, THAI, "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"}

#: A Thai vowel sign or tone mark (they combine with the letter before them) after something that
#: is not a Thai letter or sign: cp874 mojibake of European text (é -> U+0E49, è -> U+0E48...).
_STRAY_THAI_MARK = re.compile("(?<![\u0e01-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_THAI_CHAR = re.compile("[\u0e01-\u0e5b]")


def check_html_bytes(data: bytes) -> None:
    """Refuse inputs that are not an HTML page, with a one-line reason."""
    if not data or not data.strip():
        raise ExtractionError("empty file")
    if len(data) > MAX_HTML_BYTES:
        raise ExtractionError(
            f"too large: {len(data) / 1e6:.1f} MB exceeds the {MAX_HTML_BYTES / 1e6:.0f} MB page limit"
        )
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 BOM: text, decoded below
        return
    if b"\x00" in head:
        raise ExtractionError("binary file (NUL bytes), not an HTML page")
    controls = len(head.translate(None, _NOT_BINARY_CONTROL))
    if controls > len(head) // 50:
        raise ExtractionError("binary file (control bytes), not an HTML page")


def normalize_encoding(name: str | None) -> str | None:
    """A charset label -> the Python codec to decode it with (``tis-620`` -> ``cp874``), or None."""
    if not name:
        return None
    return resolve_encoding(name.strip().strip("\"'"))


def _strict(data: bytes, encoding: str) -> str | None:
    """``data`` decoded without a single invalid byte, or None.

    A multi-byte character cut off at the very end is dropped: that page was truncated in
    transit, which the parser reports as such (``truncated HTML``), not as an encoding problem.
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            return _strict(data[: exc.start], encoding)
        return None
    except LookupError:
        return None


def decode_html(data: bytes, declared_encoding: str | None = None, *, errors: str = "strict") -> tuple[str, str]:
    """Return ``(text, encoding)`` for a page's bytes.

    ``declared_encoding`` is what the transport said (an HTTP ``Content-Type`` charset); the
    page's own ``<meta>`` wins only when nothing was declared, as in browsers. Raises
    :class:`ExtractionError` when no encoding gives clean text; with ``errors="replace"``
    (navigation, where a stray byte must not hide a page's links) the least damaged decoding is
    returned instead.
    """
    check_html_bytes(data)
    markup, bom_encoding = EncodingDetector.strip_byte_order_mark(data)
    header = normalize_encoding(declared_encoding)
    first = normalize_encoding(bom_encoding) or header or html_body_declared_encoding(markup) or UTF8
    text = _strict(markup, first)
    if text is not None and "\ufffd" not in text:
        if first == UTF8 or bom_encoding or markup.isascii():
            return text, first
        if first in _TRUSTED and _strict(markup, UTF8) is None:
            return text, first
    return _detect(markup, [first, header, html_body_declared_encoding(markup),
                            normalize_encoding(EncodingDetector.find_declared_encoding(markup, is_html=True))],
                   errors)


def _detect(markup: bytes, declared: list[str | None], errors: str) -> tuple[str, str]:
    """The slow path: judge the candidates from the bytes, or refuse with the reason."""
    candidates: list[str] = []
    for enc in [UTF8, *declared, THAI]:
        if enc and enc not in candidates:
            candidates.append(enc)
    utf8_text = _strict(markup, UTF8)
    if utf8_text is not None and "\ufffd" not in utf8_text:
        return utf8_text, UTF8  # valid UTF-8 with non-ASCII text is UTF-8, whatever was declared
    chosen = _judge(markup, candidates)
    if chosen is not None:
        text = _strict(markup, chosen)
        if text is not None and "\ufffd" not in text and not _mojibake(text, chosen):
            return text, chosen
    damage = [(_damage(markup, enc), enc) for enc in candidates]
    if errors == "replace":
        enc = min(damage, key=lambda d: d[0][0])[1]
        return markup.decode(enc, "replace"), enc
    raise ExtractionError("undecodable: " + ", ".join(_describe(d, enc) for d, enc in damage))


def _judge(markup: bytes, candidates: list[str]) -> str | None:
    """charset-normalizer's pick among ``candidates`` (None: every one reads as mojibake)."""
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(markup, cp_isolation=candidates, preemptive_behaviour=False).best()
    except (LookupError, ValueError):
        return None
    return normalize_encoding(best.encoding) if best is not None else None


def _mojibake(text: str, encoding: str) -> bool:
    """Thai-range text that cannot be Thai: vowel signs and tone marks on non-Thai letters."""
    if encoding != THAI:
        return False
    thai = len(_THAI_CHAR.findall(text))
    stray = len(_STRAY_THAI_MARK.findall(text))
    return stray > max(2, thai // 100)


def _damage(markup: bytes, encoding: str) -> tuple[int, str]:
    """``(count, kind)``: how badly ``encoding`` decodes the page (0 for a clean decoding)."""
    try:
        text = markup.decode(encoding, "replace")
    except LookupError:
        return (len(markup), "unknown")
    invalid = text.count("\ufffd") - (markup.count(b"\xef\xbf\xbd") if encoding == UTF8 else 0)
    if invalid > 0:
        return (invalid, "invalid")
    if "\ufffd" in text:
        return (text.count("\ufffd"), "replacement")
    return (0, "mojibake")


def _describe(damage: tuple[int, str], encoding: str) -> str:
    count, kind = damage
    if kind == "invalid":
        return f"{count} invalid byte sequence{'s' if count != 1 else ''} as {encoding}"
    if kind == "replacement":
        return f"{count} replacement character{'s' if count != 1 else ''} (U+FFFD) in the page as {encoding}"
    if kind == "unknown":
        return f"unknown encoding {encoding}"
    return f"mojibake as {encoding}"
