"""Meaning-preserving page transforms for metamorphic extraction tests.

Each transform is a pure function ``(html bytes, expected record, seed) -> html bytes``: the page is
decoded in its own encoding, parsed with lxml, changed, serialized back and encoded again in the
same encoding, so its charset declaration stays true. A transform changes the markup only in ways
a reader of the page would not notice: the article says the same things, with the same labels'
meanings, in the same order (except ``meta_below_body``, which moves the info lines below the
text, as many templates do).

The article's parts are found from the *expected record*, never from class names:

* the title element: the element whose text is the expected title (headings and the element
  nearest the body preferred);
* the body core: the deepest element holding the first and the last body paragraph (and the body
  images); the body container: its highest ancestor that holds neither the title nor an info line;
* the article container: the lowest common ancestor of the title element and the body core;
* the info (meta) lines: text inside the article container, outside the title and the body, that
  carries the expected ``published_raw`` date, the ``hits`` number (next to a hits label), the
  ``author`` or the ``category``.

``seed`` (the fixture's file name) makes the random choices reproducible. A transform that finds
nothing to change returns the page as :func:`roundtrip` would serialize it; compare with
:func:`roundtrip`, not with the raw input, to see whether it applied.
"""

from __future__ import annotations

import difflib
import json
import random
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

# ---------------------------------------------------------------------------------------------
# decode / parse / serialize
# ---------------------------------------------------------------------------------------------

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_THAI_CODECS = {"tis-620", "tis620", "tis_620", "iso-8859-11", "iso8859-11", "windows-874", "cp874",
                "x-windows-874", "ms874"}


def page_encoding(data: bytes) -> str:
    """The codec to read and write the page: its declared charset (TIS-620 read as the
    windows-874 superset), else UTF-8 when the bytes are valid UTF-8, else windows-874."""
    m = _CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        if name in _THAI_CODECS:
            return "cp874"
        if name in ("utf-8", "utf8"):
            return "utf-8"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp874"


def parse(data: bytes) -> tuple[etree._ElementTree, str]:
    encoding = page_encoding(data)
    text = data.decode(encoding, errors="replace")
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    doc = lxml_html.document_fromstring(text)
    return doc.getroottree(), encoding


_HIDDEN_EQUIV = "data-metamorphic-http-equiv"


def serialize(tree: etree._ElementTree, encoding: str) -> bytes:
    """The tree as HTML in ``encoding``. libxml2 drops a ``<meta http-equiv="Content-Type">`` when
    it writes text, so that attribute is hidden from it while serializing and restored after:
    the page keeps its own charset declaration, byte for byte."""
    hidden = []
    for meta in tree.getroot().iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-type":
            attrs = list(meta.attrib.items())
            meta.attrib.clear()
            for name, value in attrs:
                meta.set(_HIDDEN_EQUIV if name == "http-equiv" else name, value)
            hidden.append(meta)
    doctype = tree.docinfo.doctype or None
    text = lxml_html.tostring(tree, encoding="unicode", method="html", doctype=doctype)
    text = text.replace(f"{_HIDDEN_EQUIV}=", "http-equiv=")
    for meta in hidden:  # the tree is left as it was
        meta.set("http-equiv", meta.attrib.pop(_HIDDEN_EQUIV))
    return text.encode(encoding, errors="xmlcharrefreplace")


def roundtrip(data: bytes) -> bytes:
    """The page parsed and serialized back with no change: the baseline of every transform."""
    tree, encoding = parse(data)
    return serialize(tree, encoding)


# ---------------------------------------------------------------------------------------------
# text helpers
# ---------------------------------------------------------------------------------------------

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_TO_ASCII = str.maketrans(THAI_DIGITS, "0123456789")
_ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
BLOCK_TAGS = frozenset("p div ul ol dl table h1 h2 h3 h4 h5 h6 blockquote figure section article main "
                       "form header footer nav aside pre hr address details fieldset".split())
_TABLE_PARTS = frozenset("table thead tbody tfoot tr td th caption colgroup col".split())
_NO_BLOCK_CHILD = frozenset("p span a b i u em strong small font label time h1 h2 h3 h4 h5 h6 "
                            "table thead tbody tfoot tr ul ol dl select".split())


def collapse(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text.translate(_ZW)).split())


#: what key() drops: every character but those str.isalnum() keeps (``\w`` is alnum plus "_")
_NOT_ALNUM = re.compile(r"[\W_]+")
_THAI_DIGIT = re.compile(f"[{THAI_DIGITS}]")


def key(text: str) -> str:
    """A fuzzy comparison key: letters and digits only (Thai digits as ASCII), no marks."""
    # (filtered first: the digits are alnum either way, and str.translate is slow on long Thai text)
    kept = _NOT_ALNUM.sub("", unicodedata.normalize("NFC", text))
    return kept.translate(_TO_ASCII) if _THAI_DIGIT.search(kept) else kept


def _is_element(el) -> bool:
    return isinstance(el.tag, str)


def _elements(root) -> Iterator:
    return (el for el in root.iter() if _is_element(el))


def _text_content(el) -> str:
    return "".join(el.itertext())


def _inside(el, container) -> bool:
    while el is not None:
        if el is container:
            return True
        el = el.getparent()
    return False


def _ancestors(el) -> list:
    out = []
    while el is not None:
        out.append(el)
        el = el.getparent()
    return out


def _lca(a, b):
    chain = _ancestors(a)  # kept alive: lxml proxies (and so their ids) are stable only while referenced
    ids = {id(x) for x in chain}
    for x in _ancestors(b):
        if id(x) in ids:
            return x
    return None


def _value_regex(value: str) -> re.Pattern:
    """``value`` with any run of whitespace, ASCII or Thai digits interchangeable."""
    parts = []
    for token in value.split():
        parts.append("".join(f"[{c}{THAI_DIGITS[int(c)]}]" if c.isascii() and c.isdigit()
                             else f"[{chr(0x30 + THAI_DIGITS.index(c))}{c}]" if c in THAI_DIGITS
                             else re.escape(c) for c in token))
    return re.compile(r"[\s\u00a0]+".join(parts))


def _hits_regex(hits: int) -> re.Pattern:
    forms = {str(hits), f"{hits:,}"}
    alts = "|".join(_value_regex(f).pattern for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\d๐-๙,.])(?:{alts})(?![\d๐-๙])")


_DATE_FALLBACK = re.compile(
    r"[\d๐-๙]{1,2}\s*(?:ม\.?ค|ก\.?พ|มี\.?ค|เม\.?ย|พ\.?ค|มิ\.?ย|ก\.?ค|ส\.?ค|ก\.?ย|ต\.?ค|พ\.?ย|ธ\.?ค|มกราคม|กุมภาพันธ์|มีนาคม|"
    r"เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)\.?\s*(?:พ\.ศ\.\s*)?[\d๐-๙]{2,4}"
    r"(?:\s*(?:เวลา\s*)?[\d๐-๙]{1,2}[:.][\d๐-๙]{2}(?:\s*น\.)?)?"
    r"|[\d๐-๙]{1,2}/[\d๐-๙]{1,2}/[\d๐-๙]{2,4}(?:\s+[\d๐-๙]{1,2}[:.][\d๐-๙]{2})?"
    r"|[\d๐-๙]{4}-[\d๐-๙]{2}-[\d๐-๙]{2}(?:\s+[\d๐-๙]{2}:[\d๐-๙]{2}(?::[\d๐-๙]{2})?)?")

#: Info labels: kind -> (regex finding any label of that kind, synonyms to choose from).
LABELS: dict[str, tuple[re.Pattern, tuple[str, ...]]] = {
    "hits": (re.compile(r"จำนวนผู้เข้าชม|จำนวนผู้อ่าน|ผู้เข้าชม|เปิดอ่าน|เข้าชม|ฮิต|อ่าน|(?<![A-Za-z])(?:Hits|Views)(?![A-Za-z])"),
             ("ฮิต", "เข้าชม", "เปิดอ่าน", "จำนวนผู้เข้าชม", "Views")),
    "author": (re.compile(r"(?<![A-Za-z])Published by(?![A-Za-z])|ข่าวโดย|เขียนโดย|ผู้ลงข่าว|ส่งโดย|เผยแพร่โดย|ประกาศโดย|ลงข่าวโดย|ผู้เขียนเรื่อง|ผู้เขียน|(?<![A-Za-z])Submitted by(?![A-Za-z])|โพสต์โดย|(?<![A-Za-z])(?:Written by|Posted by|by)(?![A-Za-z])|โดย"),
               ("เขียนโดย", "ผู้เขียน", "โดย", "Written by", "Posted by", "by")),
    "published": (re.compile(r"เผยแพร่เมื่อ|วันที่เผยแพร่|วันที่ลงข่าว|โพสต์เมื่อ|"
                             r"(?<![A-Za-z])(?:Published on|Posted on|Post on)(?![A-Za-z])"),
                  ("เผยแพร่เมื่อ", "วันที่เผยแพร่", "Published on", "Post on", "วันที่ลงข่าว")),
    # (not the parent category's label "หมวดหลัก": a synonym there would change what it says)
    "category": (re.compile(r"จัดอยู่ในหมวดหมู่|หมวดหมู่ข่าว|หมวดข่าว|หมวดหมู่(?!หลัก)|หมวด(?!หลัก|หมู่)|เผยแพร่ใน|(?<![A-Za-z])(?:Category|Published in)(?![A-Za-z])"),
                 ("หมวด", "หมวดหมู่", "Category")),
}

# ---------------------------------------------------------------------------------------------
# locating the article's parts from the expected record
# ---------------------------------------------------------------------------------------------


@dataclass
class TextSlot:
    """One text node: ``el.text`` (``tail=False``) or ``el.tail`` (``tail=True``)."""

    el: object
    tail: bool

    @property
    def owner(self):
        return self.el.getparent() if self.tail else self.el

    def get(self) -> str:
        return (self.el.tail if self.tail else self.el.text) or ""

    def set(self, value: str) -> None:
        if self.tail:
            self.el.tail = value
        else:
            self.el.text = value


def _text_slots(root) -> Iterator[TextSlot]:
    """Every text node under ``root`` (its own tail excluded), document order."""
    for el in root.iter():
        if el is not root and el.tail:
            yield TextSlot(el, True)
        if _is_element(el) and el.text and el.tag not in ("script", "style"):
            yield TextSlot(el, False)


@dataclass
class Layout:
    title_el: object | None = None
    body_core: object | None = None
    body_el: object | None = None
    article_el: object | None = None
    #: (kind, element carrying the value, text slot or None)
    meta: list[tuple[str, object, TextSlot | None]] = field(default_factory=list)

    def excluded(self, el) -> bool:
        """Inside the title or the body: never an info line."""
        return any(x is not None and _inside(el, x) for x in (self.title_el, self.body_core, self.body_el))


def _element_keys(body) -> list[tuple[object, str]]:
    """``(element, key of its text)`` for every element under ``body``, document order."""
    return [(el, key(_text_content(el))) for el in _elements(body)]


def _find_title(body, expected: Mapping, body_core, keys: list | None = None) -> object | None:
    want = key(expected.get("title") or "")
    if not want:
        return None
    cands = [el for el, k in (keys if keys is not None else _element_keys(body)) if k == want]
    cands = [el for el in cands if not any(c is not el and _inside(c, el) for c in cands)]  # deepest
    if not cands:
        return None

    def rank(el):
        depth = len(_ancestors(_lca(el, body_core))) if body_core is not None else 0
        heading = el.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or el.get("itemprop") == "headline"
        return (depth, heading)

    return max(cands, key=rank)


def _find_body_core(body, expected: Mapping, keys: list | None = None) -> object | None:
    """The deepest element holding the whole expected body text (and the body images)."""
    paras = [p for p in (expected.get("body") or "").split("\n\n") if key(p)]
    imgs = set(expected.get("images") or [])
    img_els = [el for el in body.iter("img") if el.get("src") and any(u.endswith(el.get("src")) for u in imgs)]
    best = None
    if paras:
        whole = key("".join(paras))
        tries = [[whole], [whole[:60], whole[-60:]]]
        keys = keys if keys is not None else _element_keys(body)
        for anchors in tries:
            for el, k in keys:
                if all(a in k for a in anchors):
                    best = el  # pre-order: the last element of the chain that holds them is the deepest
            if best is not None:
                break
    nodes = ([best] if best is not None else []) + img_els
    if not nodes:
        return None
    core = nodes[0]
    for n in nodes[1:]:
        core = _lca(core, n)
    return core


def analyse(tree, expected: Mapping) -> Layout:
    """Find title, body and info lines of the page from the expected record's values."""
    root = tree.getroot()
    body = root.find("body")
    if body is None:
        body = root
    lay = Layout()
    if not expected:
        return lay
    keys = _element_keys(body)  # both searches read them; nothing changes the tree in between
    lay.body_core = _find_body_core(body, expected, keys)
    lay.title_el = _find_title(body, expected, lay.body_core, keys)
    if lay.title_el is not None and lay.body_core is not None:
        lay.article_el = _lca(lay.title_el, lay.body_core)
        if lay.article_el is lay.title_el or lay.article_el is lay.body_core:
            lay.article_el = None
    if lay.article_el is None:
        return lay
    lay.meta = _find_meta(lay, expected)
    # body container: climb while the parent is below the article and holds no title nor info line
    el = lay.body_core
    meta_els = [m[1] for m in lay.meta]
    while True:
        parent = el.getparent()
        if parent is None or parent is lay.article_el or _inside(lay.title_el, parent) \
                or any(_inside(m, parent) for m in meta_els):
            break
        el = parent
    lay.body_el = el
    return lay


def _find_meta(lay: Layout, expected: Mapping) -> list[tuple[str, object, TextSlot | None]]:
    art = lay.article_el
    out: list[tuple[str, object, TextSlot | None]] = []
    slots = [s for s in _text_slots(art) if not lay.excluded(s.owner) and s.owner is not art]
    raw = expected.get("published_raw")
    if raw and collapse(raw):
        rx = _value_regex(collapse(raw))
        out += [("published", s.owner, s) for s in slots if rx.search(s.get())]
    elif expected.get("published") and "published_raw" not in expected:  # hand-written pages
        out += [("published", s.owner, s) for s in slots if _DATE_FALLBACK.search(s.get())][:1]
    hits = expected.get("hits")
    if isinstance(hits, int):
        rx = _hits_regex(hits)
        label = LABELS["hits"][0]
        for s in slots:
            if rx.search(s.get()):
                line = s.owner
                context = _text_content(line) + (_text_content(line.getparent()) if line.getparent() is not art else "")
                if label.search(context) or "ครั้ง" in context:
                    out.append(("hits", line, s))
    for kind in ("author", "category"):
        value = expected.get(kind)
        if not value or not collapse(value):
            continue
        want = collapse(value)
        hits_ = [el for el in _elements(art) if el is not art and not lay.excluded(el)
                 and not _inside(lay.title_el, el) and not _inside(lay.body_core, el)
                 and want in collapse(_text_content(el)) and not _in_trail(el)]
        deepest = [el for el in hits_ if not any(h is not el and _inside(h, el) for h in hits_)]
        if deepest:
            out.append((kind, deepest[0], None))
    return out


_HOME = re.compile(r"^\s*(?:หน้าแรก|หน้าหลัก|Home)\b", re.IGNORECASE)


def _in_trail(el) -> bool:
    """Inside a breadcrumb trail (a list or line that starts with a link home): a crumb is where
    the page is, not an info line of the article, and moving it would change what it says."""
    for a in [el, *_ancestors(el)][:4]:
        if isinstance(a.tag, str) and a.tag in ("ol", "ul", "nav", "div", "span", "p") and _HOME.match(_text_content(a)):
            first = next(a.iter("a"), None)
            if first is not None and _HOME.match(_text_content(first)):
                return True
    return False


def _meta_line(lay: Layout, el, levels: int = 3):
    """The element holding an info value's whole line: up to ``levels`` ancestors, never the
    article container nor anything holding the title or the body."""
    line = el
    for _ in range(levels):
        parent = line.getparent()
        if parent is None or parent is lay.article_el or _inside(lay.title_el, parent) \
                or _inside(lay.body_core, parent):
            break
        line = parent
    return line


# ---------------------------------------------------------------------------------------------
# transforms
# ---------------------------------------------------------------------------------------------

Transform = Callable[[bytes, Mapping, str], bytes]


def _rng(seed: str, name: str) -> random.Random:
    return random.Random(f"{name}:{seed}")


_HIDING_CLASSES = frozenset(("screen-reader-text", "sr-only", "visually-hidden", "element-invisible",
                             "element-hidden", "hidden"))


def rename_classes_and_ids(html: bytes, expected: Mapping | None = None, seed: str = "") -> bytes:
    """Every class token and every id value replaced by a neutral token (``c1``, ``c2``, ... in
    order of first appearance; the same name gives the same token everywhere on the page, so the
    CSS-like structure stays). itemprop/itemscope/itemtype, rel, datetime, href/src, meta tags,
    ``<title>``, tag names and text are untouched; the attributes that name an element by its
    id (``aria-labelledby``, ``for``) follow it.

    Two exceptions, for meaning: a WordPress ``postid-N`` body class is the page's statement of
    its article id (docs/record.md, ``id``), and the standard classes that hide text from sight
    for screen readers (``screen-reader-text``, ``sr-only``, ``visually-hidden``, Drupal's
    ``element-invisible``): renamed, their text would show, and a reader would notice.
    """
    tree, encoding = parse(html)
    mapping: dict[str, str] = {}

    def token(name: str) -> str:
        if re.fullmatch(r"postid-\d+", name) or name in _HIDING_CLASSES:
            return name
        if name not in mapping:
            mapping[name] = f"c{len(mapping) + 1}"
        return mapping[name]

    for el in _elements(tree.getroot()):
        if el.tag == "meta":
            continue
        cls = el.get("class")
        if cls is not None:
            el.set("class", " ".join(token(t) for t in cls.split()))
        ident = el.get("id")
        if ident is not None and ident.strip():
            el.set("id", token(ident.strip()))
        for attribute in _ID_REFERENCES:  # (the ids an element refers to follow their renaming)
            refs = el.get(attribute)
            if refs is not None and refs.strip():
                el.set(attribute, " ".join(token(ref) for ref in refs.split()))
    return serialize(tree, encoding)


#: Attributes whose values are ids of the page's elements (a nav labelled by its hidden heading).
_ID_REFERENCES = ("aria-labelledby", "aria-describedby", "aria-controls", "for", "headers")


def thai_digits_in_meta(html: bytes, expected: Mapping, seed: str = "") -> bytes:
    """ASCII digits of the visible date and hits number in the info lines turned into Thai digits
    (๐-๙). Only inside those text spans: never in attributes, the title, the body, nor in an
    author or category name (``area10`` is a name, not a number)."""
    tree, encoding = parse(html)
    lay = analyse(tree, expected)
    raw = expected.get("published_raw")
    hits = expected.get("hits")
    rxs = []
    if raw and collapse(raw):
        rxs.append(_value_regex(collapse(raw)))
    elif expected.get("published") and "published_raw" not in expected:
        rxs.append(_DATE_FALLBACK)
    if isinstance(hits, int):
        rxs.append(_hits_regex(hits))
    done = set()
    for kind, _el, slot in lay.meta:
        if slot is None or kind not in ("published", "hits") or (id(slot.el), slot.tail) in done:
            continue
        done.add((id(slot.el), slot.tail))
        text = slot.get()
        for rx in rxs:
            text = rx.sub(lambda m: m.group(0).translate(_TO_THAI), text)
        slot.set(text)
    return serialize(tree, encoding)


def synonym_labels(html: bytes, expected: Mapping, seed: str = "") -> bytes:
    """Info labels replaced by synonyms of the same meaning, chosen reproducibly from ``seed``:
    hits ``ฮิต`` <-> ``เข้าชม`` / ``เปิดอ่าน`` / ``จำนวนผู้เข้าชม`` / ``Views`` (a trailing ``ครั้ง`` stays),
    author ``เขียนโดย`` <-> ``ผู้เขียน`` / ``โดย`` / ``Written by`` / ``Posted by`` / ``by``,
    published ``เผยแพร่เมื่อ`` <-> ``วันที่เผยแพร่`` / ``Published on`` / ``Post on`` / ``วันที่ลงข่าว``,
    category ``หมวด`` <-> ``หมวดหมู่`` / ``Category``. Only the first label of each kind found in
    the line that carries that kind's value is replaced; values and punctuation stay."""
    tree, encoding = parse(html)
    lay = analyse(tree, expected)
    rng = _rng(seed, "synonym_labels")
    done_kinds = set()
    for kind, el, slot in lay.meta:
        if kind in done_kinds:
            continue
        rx, synonyms = LABELS[kind]
        line = _meta_line(lay, el)
        # the value's own text node first (labels usually precede the value in it), then the line
        ordered = ([slot] if slot is not None else []) + [s for s in _text_slots_with_own(line)]
        for s in ordered:
            if lay.excluded(s.owner):
                continue
            text = s.get()
            m = rx.search(text)
            if not m:
                continue
            old = m.group(0)
            choices = [w for w in synonyms if w.lower() != old.lower()]
            new = rng.choice(choices)
            s.set(text[: m.start()] + new + text[m.end():])
            done_kinds.add(kind)
            break
    return serialize(tree, encoding)


def _text_slots_with_own(el) -> Iterator[TextSlot]:
    if el.text:
        yield TextSlot(el, False)
    for s in _text_slots(el):
        if not (s.el is el and not s.tail):
            yield s


def _wrappable(el) -> bool:
    parent = el.getparent()
    return (parent is not None and el.tag in BLOCK_TAGS and parent.tag not in _NO_BLOCK_CHILD
            and el.tag not in ("html", "body"))


def _new_wrapper(rng: random.Random) -> etree._Element:
    el = etree.Element(rng.choice(("div", "section")))
    el.text = "\n"
    return el


def _wrap(items: list, wrapper) -> None:
    """Put consecutive siblings ``items`` into ``wrapper`` at their place."""
    first = items[0]
    parent = first.getparent()
    parent.insert(parent.index(first), wrapper)
    wrapper.tail = items[-1].tail
    items[-1].tail = "\n"
    for it in items:
        wrapper.append(it)


def _wrap_contents(el, wrapper) -> bool:
    if el.tag in ("table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl", "select") \
            or el.tag in _NO_BLOCK_CHILD:
        return False
    wrapper.text = el.text
    el.text = "\n"
    for child in list(el):
        wrapper.append(child)
    wrapper.tail = "\n"
    el.append(wrapper)
    return True


def _wrap_block(el, rng) -> bool:
    """A wrapper around ``el`` when HTML allows one there, else around its contents (a row:
    around the contents of its only cell)."""
    if _wrappable(el):
        _wrap([el], _new_wrapper(rng))
        return True
    if el.tag == "tr":
        cells = [c for c in el if _is_element(c) and c.tag in ("td", "th")]
        return len(cells) == 1 and _wrap_contents(cells[0], _new_wrapper(rng))
    return _wrap_contents(el, _new_wrapper(rng))


def extra_wrappers(html: bytes, expected: Mapping, seed: str = "") -> bytes:
    """Unclassed ``<div>``/``<section>`` wrappers added around the article block, around the body
    container and around groups of 2-3 consecutive body blocks (paragraphs, lists, tables) of the
    body element holding most of them. Only where HTML allows a block (never in a table row, a
    list or a paragraph), so a browser renders the same text in the same blocks."""
    tree, encoding = parse(html)
    lay = analyse(tree, expected)
    rng = _rng(seed, "extra_wrappers")
    if lay.body_el is not None:
        holder_cands = [el for el in _elements(lay.body_el) if el.tag not in _NO_BLOCK_CHILD]
        if holder_cands:
            holder = max(holder_cands, key=lambda e: sum(1 for c in e if _is_element(c) and c.tag in BLOCK_TAGS))
            run: list = []
            runs: list[list] = []
            for child in holder:
                if _is_element(child) and child.tag in BLOCK_TAGS and not (child.tail or "").strip():
                    run.append(child)
                else:
                    if _is_element(child) and child.tag in BLOCK_TAGS:
                        run.append(child)
                    runs.append(run)
                    run = []
            runs.append(run)
            for run in runs:
                i = 0
                while len(run) - i >= 2:
                    n = min(rng.choice((2, 3)), len(run) - i)
                    _wrap(run[i:i + n], _new_wrapper(rng))
                    i += n
        _wrap_block(lay.body_el, rng)
    if lay.article_el is not None and lay.article_el.tag not in ("html", "body"):
        _wrap_block(lay.article_el, rng)
    return serialize(tree, encoding)


def meta_below_body(html: bytes, expected: Mapping, seed: str = "") -> bytes:
    """The info lines above the body (date, author, hits, category: each line's outermost element
    inside the article container that holds neither the title nor the body) moved, in their
    order, to just after the body container, inside the same article container. A line that was
    inline gets a ``<div>`` of its own so it stays a line; table rows move as rows."""
    tree, encoding = parse(html)
    lay = analyse(tree, expected)
    if lay.body_el is None or not lay.meta:
        return serialize(tree, encoding)
    body_el = lay.body_el
    order = {el: i for i, el in enumerate(tree.getroot().iter())}  # holds the proxies: stable keys
    blocks = []
    for _kind, el, _slot in lay.meta:
        block = el
        while True:
            parent = block.getparent()
            if parent is None or parent is lay.article_el or _inside(lay.title_el, parent) \
                    or _inside(body_el, parent):
                break
            block = parent
        if block is lay.article_el or _inside(body_el, block) or order[block] > order[body_el]:
            continue
        if _inside(lay.title_el, block) or _inside(block, lay.title_el):
            continue
        blocks.append(block)
    blocks = sorted(set(blocks), key=lambda b: order[b])
    blocks = [b for b in blocks if not any(o is not b and _inside(b, o) for o in blocks)]
    anchor = body_el
    for block in blocks:
        _detach(block)
        if body_el.tag == "tr":
            if block.tag != "tr":
                row = etree.Element("tr")
                cell = etree.SubElement(row, "td")
                cell.append(block)
                block = row
        elif block.tag in ("tr", "td", "th"):
            cells = [block] if block.tag != "tr" else [c for c in block if _is_element(c)]
            div = etree.Element("div")
            div.text = cells[0].text if len(cells) == 1 else None
            for c in cells:
                if len(cells) > 1:
                    inner = etree.SubElement(div, "div")
                    inner.text = c.text
                    for x in list(c):
                        inner.append(x)
                else:
                    for x in list(c):
                        div.append(x)
            block = div
        elif block.tag not in BLOCK_TAGS:
            div = etree.Element("div")
            div.append(block)
            block = div
        block.tail = "\n"
        anchor.addnext(block)
        anchor = block
    return serialize(tree, encoding)


def _detach(el) -> None:
    """Remove ``el`` from its parent, leaving its tail text where it was."""
    parent = el.getparent()
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    el.tail = None
    parent.remove(el)


def all_together(html: bytes, expected: Mapping, seed: str = "") -> bytes:
    """Every transform above, one after the other: labels, digits, layout, wrappers, names."""
    for step in (synonym_labels, thai_digits_in_meta, meta_below_body, extra_wrappers, rename_classes_and_ids):
        html = step(html, expected, seed)
    return html


TRANSFORMS: dict[str, Transform] = {
    "rename_classes_and_ids": rename_classes_and_ids,
    "thai_digits_in_meta": thai_digits_in_meta,
    "synonym_labels": synonym_labels,
    "extra_wrappers": extra_wrappers,
    "meta_below_body": meta_below_body,
    "all_together": all_together,
}


# ---------------------------------------------------------------------------------------------
# the pages to transform, and how a record is compared with the expected one
# ---------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
GENERATED_DIR = ROOT / "fixtures" / "pages"
HANDWRITTEN_DIR = ROOT / "fixtures" / "handwritten"

#: Compared on generated pages: every record field but these three (a transform may change how
#: the date is shown, so its raw text and its source; warnings are an audit aid).
EXEMPT = ("published_raw", "date_source", "warnings")
RECORD_FIELDS = ("id", "url", "site", "office", "title", "published", "published_raw", "modified", "date_source",
                 "province_code", "province", "bangkok_area", "fiscal_year", "month",
                 "author", "hits", "category", "body", "attachments", "images", "language", "word_count",
                 "content_hash", "scraped_at", "schema_version", "warnings")
#: The fields a hand-written expected file lists (besides its ``url`` and ``article`` flag).
HANDWRITTEN_FIELDS = ("title", "published", "author", "hits", "category", "body", "attachments", "images")


@dataclass
class Case:
    name: str  # "pages/001" or "handwritten/<family>/<name>"
    origin: str  # "generated" or "handwritten"
    html_path: Path
    expected: dict
    article: bool = True

    @property
    def seed(self) -> str:
        """The file name (``001.html``; ``<family>/<name>.html`` for hand-written pages)."""
        return self.html_path.name if self.origin == "generated" else f"{self.html_path.parent.name}/{self.html_path.name}"

    def fields(self) -> tuple[str, ...]:
        if self.origin == "generated":
            return tuple(f for f in RECORD_FIELDS if f not in ("date_source", "warnings"))
        return tuple(f for f in HANDWRITTEN_FIELDS if f in self.expected)


def _load(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def generated_cases() -> list[Case]:
    """fixtures/pages/NNN.html + NNN.json: made by the project's own generator (scraper/demo)."""
    return [Case(f"pages/{p.stem}", "generated", p, _load(p.with_suffix(".json")))
            for p in sorted(GENERATED_DIR.glob("*.html")) if p.with_suffix(".json").exists()]


def handwritten_cases(articles_only: bool = True) -> list[Case]:
    """fixtures/handwritten/<family>/<name>.html + .json, written by hand (none yet is fine)."""
    out = []
    if HANDWRITTEN_DIR.is_dir():
        for p in sorted(HANDWRITTEN_DIR.glob("*/*.html")):
            j = p.with_suffix(".json")
            if not j.exists():
                continue
            exp = _load(j)
            article = bool(exp.get("article", True))
            if articles_only and not article:
                continue
            out.append(Case(f"handwritten/{p.parent.name}/{p.stem}", "handwritten", p, exp, article))
    return out


def compare(record: dict, case: Case) -> dict[str, tuple[object, object]]:
    """``field -> (got, expected)`` for every field that differs (published_raw: only whether it
    is null must agree)."""
    diff = {}
    for f in case.fields():
        got, want = record.get(f), case.expected.get(f)
        if f == "published_raw":
            if (got is None) != (want is None):
                diff[f] = (got, want)
        elif got != want:
            diff[f] = (got, want)
    return diff


def format_diff(diff: dict[str, tuple[object, object]]) -> str:
    lines = []
    for f, (got, want) in diff.items():
        if isinstance(got, str) and isinstance(want, str) and len(want) > 120:
            sm = difflib.SequenceMatcher(None, want, got, autojunk=False)
            ops = [op for op in sm.get_opcodes() if op[0] != "equal"][:3]
            detail = "; ".join(f"{tag} expected[{i1}:{i2}]={want[i1:i2][:80]!r} got[{j1}:{j2}]={got[j1:j2][:80]!r}"
                               for tag, i1, i2, j1, j2 in ops)
            lines.append(f"{f}: differs ({len(got)} vs {len(want)} chars): {detail}")
        else:
            lines.append(f"{f}: got      {got!r}\n{' ' * len(f)}  expected {want!r}")
    return "\n".join(lines)
