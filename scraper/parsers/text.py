"""Text of HTML elements: paragraphs, whitespace, zero-width characters and Thai normalization.

One place decides what a "paragraph" and a "clean string" are, for every field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from lxml import etree
from pythainlp import (
    thai_above_vowels,
    thai_below_vowels,
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

_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = dict.fromkeys(map(ord, _ZERO_WIDTH_CHARS))
_HAS_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]").search


# pythainlp.util.normalize runs ~40 regular-expression passes over its input; on clean text (most
# of every page) none of them changes anything. ``_may_need_thai_normalize`` is true wherever one
# of its rules could apply (a superset, built from pythainlp's own character sets), so normalize()
# is only called when it may change the text. tests/test_text.py checks the superset property.
#
# Written for speed, because it reads every character of every page: the text is encoded to
# cp874 (Thai in one byte each, in C), each byte is replaced by the class of its character, and
# the rules become substring tests on that class string. One regular expression holding the
# same rules cost ~4 ms on a 32,000-character body; this costs under 1 ms.
_NONBASE = f"{thai_above_vowels}{thai_below_vowels}{thai_tonemarks}\u0e3a\u0e4c\u0e4d\u0e4e"


def _class_table() -> bytes:
    table = bytearray(b"." * 256)
    for chars, cls in (
        (thai_tonemarks, "T"),
        ("\u0e4c", "C"),                                          # thanthakhat
        (f"{thai_above_vowels}{thai_below_vowels}\u0e3a\u0e4e", "V"),  # other non-base signs
        ("\u0e30", "a"),                                          # thai_follow_vowels, each its
        ("\u0e32", "b"),                                          # own class: "าะ" (เพราะ) is
        ("\u0e33", "c"),                                          # common, "าา" is a rule site
        (thai_lead_vowels, "L"),
        (" \x00", "S"),                                           # NUL joins texts: see clean_all
        ("\n\u0e4d\u0e45", "!"),                                  # a rule applies whenever present
    ):
        for ch in chars:
            table[ch.encode("cp874")[0]] = ord(cls)
    return bytes(table)


_CHARACTER_CLASS = _class_table()
#: Where a rule can apply, as character classes: a tone mark or thanthakhat before a vowel, a tone
#: after a follow vowel, two tone marks, a lead, follow or non-base sign repeated (spaces between
#: included), a double space, a non-base sign after a space.
_RULE_SITES = (b"!", b"TV", b"CV", b"aT", b"bT", b"cT", b"TT", b"LL", b"VV", b"CC", b"aa", b"bb", b"cc",
               b"aSa", b"bSb", b"cSc", b"LSL", b"SS", b"SV", b"ST", b"SC")


# The sites are not looked for one by one: 21 substring scans of a 32,000-character body cost
# ~1 ms (each a C loop over every character; two-letter needles skip little). Instead the class
# string becomes bit masks, one byte a character, read as big integers: a pair "xy" is a bit of
# x's "first" mask that is also set in the next character's "second" mask (one bit for each
# class that ends a pair, eight of them), and "xSx" likewise with two shifts. Four translations
# and a few integer operations, all in C: a fifth of the time, and less on short lines too.
def _site_masks() -> tuple[bytes, bytes, bytes, bytes]:
    first, second, ends, middle = (bytearray(256) for _ in range(4))
    pairs = [site for site in _RULE_SITES if len(site) == 2]
    enders = sorted({site[1] for site in pairs})
    assert len(enders) <= 8  # one bit of a byte each
    for x, y in pairs:
        first[x] |= 1 << enders.index(y)
        second[y] |= 1 << enders.index(y)
    for i, (x, y, z) in enumerate(site for site in _RULE_SITES if len(site) == 3):
        assert x == z and y == ord("S") and i < 8  # "xSx": an end class each side of a space
        ends[x] |= 1 << i
        middle[y] = 0xFF
    return bytes(first), bytes(second), bytes(ends), bytes(middle)


_FIRST, _SECOND, _ENDS, _MIDDLE = _site_masks()


def _has_rule_site(classes: bytes) -> bool:
    """Whether any of ``_RULE_SITES`` occurs in ``classes`` (the sites of one letter: "!")."""
    if b"!" in classes:
        return True

    def mask(table: bytes) -> int:  # byte i of the class string is byte i of the integer, big end first
        return int.from_bytes(classes.translate(table), "big")

    if mask(_FIRST) & (mask(_SECOND) << 8):  # << 8: the next character's byte under this one's
        return True
    ends = mask(_ENDS)
    return bool(ends & (ends << 16) & (mask(_MIDDLE) << 8))


def _may_need_thai_normalize(text: str) -> bool:
    if not text:
        return False
    if text[0].isspace() or text[-1].isspace() or text[0] in _NONBASE or "\u200b" in text or "\u200c" in text:
        return True
    return _has_rule_site(text.encode("cp874", "replace").translate(_CHARACTER_CLASS))


def thai_normalized(text: str) -> str:
    """``pythainlp.util.normalize(text)``, skipped when no rule of it can apply."""
    if _may_need_thai_normalize(text):
        return thai_normalize(text)
    return text


def collapse(text: str) -> str:
    """Remove zero-width characters, fold every run of white space to one space, strip.

    White space is ``str.isspace`` (no-break and typographic spaces included): ``str.split``.
    """
    if _HAS_ZERO_WIDTH(text):
        # one str.replace per character, not str.translate: translate looks every character of
        # a Thai text up in its table one by one, twenty times slower than six scans in C
        for char in _ZERO_WIDTH_CHARS:
            text = text.replace(char, "")
    return " ".join(text.split())


def clean(text: str | None) -> str | None:
    """A display string as records carry it: collapsed, pythainlp-normalized, NFC; None if empty."""
    if text is None:
        return None
    text = collapse(text)
    if not text:
        return None
    return unicodedata.normalize("NFC", thai_normalized(text)).strip() or None


def clean_all(texts: list[str]) -> list[str]:
    """``clean`` of every text, the empty ones dropped, with one normalization check for all.

    The check reads the texts joined by NUL, which it takes for a space: a rule site inside any
    text, or at its edges, is found in that one pass, and only then is each text checked alone.
    Per paragraph, the check's fixed cost was most of the time on long bodies.
    """
    collapsed = [text for text in map(collapse, texts) if text]
    if _may_need_thai_normalize("\x00".join(collapsed)):
        return [text for text in map(clean, collapsed) if text]
    return [unicodedata.normalize("NFC", text) for text in collapsed]


_YEAR_ALONE = re.compile(r"\s*(?:19|20|25)\d\d\s*$")


def element_text(el) -> str:
    """All text of an element (scripts and styles excluded), collapsed (an element without
    children: its own text, with no walk)."""
    if len(el) == 0:
        return collapse(el.text) if el.text and isinstance(el.tag, str) and el.tag not in SKIP_TAGS else ""
    return collapse(" ".join(_iter_text(el)))


def _iter_text(el):
    if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
        return
    if el.text:
        yield el.text
    for child in el:
        if not (child.tag in _ICON_TAGS and is_ligature_icon(child)):
            yield from _iter_text(child)
        elif (child.text or "").strip() in _LIGATURE_ARROWS:
            yield " › "  # (a trail's separator: "หน้าแรก <i>chevron_right</i> ข่าวกิจกรรม")
        # (else a ligature icon, Google's Material icons: its text is the icon's name, "arrow_back",
        # never words of the page; plugins.icon_label reads it)
        if child.tail:
            yield child.tail


_ICON_TAGS = frozenset(("i", "span"))
#: A Material icon's name as an ``<i>`` holds it, when its class no longer says so: a name with
#: an underscore ("arrow_back", "date_range"), or one of the names an info line uses.
_LIGATURE_NAME = re.compile(r"^(?:[a-z]+(?:_[a-z]+)+|event|person|visibility|today|schedule|folder|label|home|info|phone"
                            r"|print|share|download|attachment|description|category|place|search|menu|campaign)$")


def is_ligature_icon(el) -> bool:
    """Google's Material icons are ligatures: the element's text is the icon's name
    (``<i class="material-icons">visibility</i>``), never words of the page."""
    if "material-" in (el.get("class") or ""):
        return True
    return el.tag == "i" and not len(el) and bool(_LIGATURE_NAME.match((el.text or "").strip()))
_LIGATURE_ARROWS = frozenset("chevron_right navigate_next keyboard_arrow_right arrow_right arrow_forward_ios".split())


def _never(el) -> bool:
    return False


def paragraphs(root, skip: Callable[[etree._Element], bool] = _never, mark: Callable[[etree._Element], bool] = _never,
               mark_text: str = "", label: Callable[[etree._Element], str | None] | None = None,
               stop_at_mark: bool = False) -> list[str]:
    """Split an element's text into cleaned paragraphs at every block boundary and ``<br>``.

    ``skip(el)`` excludes an element and its content (its tail text is kept). ``mark(el)`` puts
    the line ``mark_text`` where the element starts (a page object tells lines above its body
    from lines below it; with ``stop_at_mark`` the walk ends there: only the lines above it are
    wanted). ``label(el)`` gives words to read where an element stands (an icon
    that stands for a label: ``<i class="fa fa-eye">`` is "Views"). The tree is read
    with lxml's ``iterwalk`` (start/end events from C) rather than a recursive Python walk: a
    third less time on the body, the largest subtree of a page.
    """
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append("".join(buf))
            buf.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    skipped = None  # the element whose subtree was skipped: its "end" event comes next
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if mark is not _never and mark(el):
                flush()
                out.append(mark_text)
                if stop_at_mark:
                    break
            words = label(el) if label is not None and isinstance(tag, str) else None
            if not isinstance(tag, str) or tag in SKIP_TAGS or skip(el):  # not isinstance: a comment
                skipped = el
                walker.skip_subtree()
            elif tag in BLOCK_TAGS:
                flush()
            elif tag == "br":
                flush()
                skipped = el
                walker.skip_subtree()
            elif tag in CELL_TAGS or buf and (buf[-1][-1:].isdigit() and (tag == "time" or _YEAR_ALONE.match(el.text or ""))
                                              or len(el) and el[0].tag == "svg" and not (el.text or "").strip()):
                # (a <time> right after another's digits: "16 ตุลาคม 2024<time>17 ตุลาคม 2024",
                # a theme's published and updated dates, one of them hidden by its CSS; a year in
                # an element of its own after the day's: a date box "<span>14</span><span>2014</span>";
                # an item that opens with its SVG icon, its items spaced by CSS: "<span><svg/>โดย …
                # </span><span><svg/>อ่าน 3 นาที</span>", Tailwind's gap)
                buf.append(" ")
            if words:  # (a block's label opens its own line: "<dd title='Hits'>647</dd>")
                buf.append(f" {words} ")
            if el.text and skipped is not el:
                buf.append(el.text)
            continue
        if el is skipped:
            skipped = None
        elif tag in BLOCK_TAGS:
            flush()
        elif tag in CELL_TAGS:
            buf.append(" ")
        if el.tail and el is not root:
            buf.append(el.tail)
    flush()
    return clean_all(out)
