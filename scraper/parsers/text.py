"""Text of HTML elements: paragraphs, whitespace, zero-width characters and Thai normalization.

One place decides what a "paragraph" and a "clean string" are, for every field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from lxml import html as lxml_html
from pythainlp import (
    thai_above_vowels,
    thai_below_vowels,
    thai_follow_vowels,
    thai_lead_vowels,
    thai_tonemarks,
)
from pythainlp.util import normalize as thai_normalize

#: Elements whose boundaries end a paragraph of the body.
BLOCK_TAGS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 tr table tbody thead tfoot blockquote section article header "
    "footer dl dt dd pre figure figcaption center address hr form fieldset nav aside main caption".split()
)
#: Elements whose content is never text of the page.
SKIP_TAGS = frozenset("script style noscript template iframe object embed svg button select textarea".split())
CELL_TAGS = frozenset(("td", "th"))

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


# pythainlp.util.normalize runs ~40 regular-expression passes over its input; on clean text (most
# of every page) none of them changes anything. This pattern matches every place where one of its
# rules could apply (a superset, built from pythainlp's own character sets), so normalize() is only
# called when it may change the text. tests/test_text.py checks the superset property.
_NONBASE = f"{thai_above_vowels}{thai_below_vowels}{thai_tonemarks}\u0e3a\u0e4c\u0e4d\u0e4e"
_NOREPEAT = f"{thai_follow_vowels}{thai_lead_vowels}{thai_above_vowels}{thai_below_vowels}\u0e3a\u0e4c\u0e4d\u0e4e"
_MAY_NEED_THAI_NORMALIZE = re.compile(
    "|".join((
        "[\u200b\u200c]", "  ", "^\\s|\\s$", "\n",
        "\u0e40\u0e40", f"[{thai_tonemarks}\u0e4c][{thai_above_vowels}{thai_below_vowels}]",
        f"\u0e4d[{thai_tonemarks}]*\u0e32", f"[{thai_follow_vowels}][{thai_tonemarks}]", "\u0e45",
        f"([{_NOREPEAT}]) *\\1", f"[{thai_tonemarks}]{{2}}", f"(^| )[{_NONBASE}]",
    ))
)


def thai_normalized(text: str) -> str:
    """``pythainlp.util.normalize(text)``, skipped when no rule of it can apply."""
    if _MAY_NEED_THAI_NORMALIZE.search(text):
        return thai_normalize(text)
    return text


def collapse(text: str) -> str:
    """Remove zero-width characters, fold every run of white space to one space, strip."""
    return _SPACES.sub(" ", text.translate(_ZERO_WIDTH)).strip()


def clean(text: str | None) -> str | None:
    """A display string as records carry it: collapsed, pythainlp-normalized, NFC; None if empty."""
    if text is None:
        return None
    text = collapse(text)
    if not text:
        return None
    return unicodedata.normalize("NFC", thai_normalized(text)).strip() or None


def element_text(el) -> str:
    """All text of an element (scripts and styles excluded), collapsed."""
    return collapse(" ".join(_iter_text(el)))


def _iter_text(el):
    if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
        return
    if el.text:
        yield el.text
    for child in el:
        yield from _iter_text(child)
        if child.tail:
            yield child.tail


def paragraphs(root, skip: Callable[[lxml_html.HtmlElement], bool] = lambda el: False) -> list[str]:
    """Split an element's text into cleaned paragraphs at every block boundary and ``<br>``.

    ``skip(el)`` excludes an element and its content (its tail text is kept).
    """
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            text = clean("".join(buf))
            buf.clear()
            if text:
                out.append(text)

    def walk(el) -> None:
        tag = el.tag
        if not isinstance(tag, str):  # comment or processing instruction
            return
        if tag in SKIP_TAGS or skip(el):
            return
        is_block = tag in BLOCK_TAGS
        if is_block:
            flush()
        elif tag == "br":
            flush()
            return
        elif tag in CELL_TAGS:
            buf.append(" ")
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                buf.append(child.tail)
        if is_block:
            flush()
        elif tag in CELL_TAGS:
            buf.append(" ")

    walk(root)
    flush()
    return out
