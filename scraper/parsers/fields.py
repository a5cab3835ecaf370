"""One function per record field: where each raw value is found on the page.

Every function takes the parsed document and/or the located :class:`ArticleBlock` and returns
raw strings; typing (dates, integers, ids) happens in ``pipelines/normalize.py``.
Structured markers (microdata, CMS classes) are tried before visible labels.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from scraper.parsers.labels import hits_value, split_labelled, strip_label
from scraper.parsers.locate import ArticleBlock, is_noise
from scraper.parsers.text import clean, collapse, element_text, paragraphs
from scraper.parsers.thaidate import find_date

# --- title -------------------------------------------------------------------------------------

#: Title markers, strongest first (document order decides only within one marker): microdata
#: headline, the CMSs' title classes, a page header's last heading, then any title-like class.
_TITLE_CLASSES = ("itemTitle", "entry-title", "contentheading", "article-title", "news-title", "post-title")
_PAGE_HEADER_TITLE = etree.XPath(
    ".//*[contains(@class, 'page-header')]//*[self::h1 or self::h2][not(following-sibling::*)]"
    " | .//*[contains(@class, 'page-header')][not(*)]"
)
_GENERIC_TITLE = etree.XPath(
    ".//*[contains(@class, 'topic') or contains(@class, 'title') or contains(@class, 'heading')]"
    "[not(self::body)][not(contains(@class, 'module'))]"
)
_HEADINGS = etree.XPath(".//h1 | .//h2 | .//h3")
_META_TITLE = etree.XPath("//meta[@property='og:title']/@content")
_TITLE_TAG = etree.XPath("//title")


def _title_candidates(block: ArticleBlock):
    """``(elements, generic)`` per title marker, strongest first.

    The class markers are looked up in the block's element index; an XPath runs only when some
    class token of the block holds its substring (a class-substring scan of every element is
    the costly part of finding a title).
    """
    index, root = block.index, block.root
    yield [el for el in index.find(itemprops=("headline",)) if el.get("itemprop") == "headline" and el is not root], False
    yield [el for el in index.find(_TITLE_CLASSES) if el is not root], False
    if any("page-header" in token for token in index.by_class):
        yield _PAGE_HEADER_TITLE(root), False
    if any("topic" in token or "title" in token or "heading" in token for token in index.by_class):
        yield _GENERIC_TITLE(root), True


def title(doc, block: ArticleBlock) -> tuple[str | None, object | None]:
    """The article heading (and its element, so the body can leave it out)."""
    for elements, generic in _title_candidates(block):
        for el in elements:
            if el.tag == "meta" or (block.body is not None and _inside(el, block.body)):
                continue
            if generic and (is_noise(el) or any(is_noise(a) for a in _ancestors_until(el, block.root))):
                continue
            text = clean(element_text(el))
            if text and len(text) > 3:
                return text, el
    for el in _HEADINGS(block.root):
        if block.body is not None and _inside(el, block.body):
            continue
        if is_noise(el):
            continue
        text = clean(element_text(el))
        if text and len(text) > 3:
            return text, el
    for text in _META_TITLE(doc):
        if clean(text):
            return clean(text), None
    for el in _TITLE_TAG(doc):
        text = clean("".join(el.itertext()))
        if text:
            parts = re.split(r"\s+[-|–:]{1,2}\s+", text)
            return max(parts, key=len), None
    return None, None


def _inside(el, ancestor) -> bool:
    while el is not None:
        if el is ancestor:
            return True
        el = el.getparent()
    return False


# --- info lines (author, dates, hits, category live here) --------------------------------------


#: Info lines are short; a long line is article text even when a label word occurs in it.
MAX_INFO_LINE = 160


def info_lines(block: ArticleBlock, title_el) -> list[str]:
    """Short text lines of the article block outside its body and title."""
    skip_set = {id(b) for b in [block.body, *block.extra_bodies, title_el] if b is not None}
    lines = paragraphs(block.root, skip=lambda el: id(el) in skip_set)
    return [line for line in lines if len(line) <= MAX_INFO_LINE]


# --- dates -------------------------------------------------------------------------------------

_MICRODATA_DATE_PROPS = ("datePublished", "dateCreated", "dateModified")
_TIME_ELEMENTS = etree.XPath(".//time[@datetime][not(@itemprop)]")
_HEAD_DATES = etree.XPath(
    "//meta[@property='article:published_time' or @property='article:modified_time'"
    " or @name='article:published_time']"
)
_DATE_CLASSES = ("createdate", "itemDateCreated", "create", "modifydate", "itemDateModified", "modified")
_MICRODATA_KIND = {"datePublished": "published", "dateCreated": "created", "dateModified": "modified"}


def _candidate(kind: str, source: str, raw: str | None, machine: str | None) -> dict:
    return {"kind": kind, "source": source, "raw": raw or None, "machine": machine or None}


def _visible_date(el, kind: str) -> str | None:
    text = collapse(element_text(el))
    if not text:
        return None
    head, segments = split_labelled(text)
    if segments and not head:
        text = segments[0].value
    found = find_date(text)
    return found.matched if found.matched else (text or None)


_DIGIT = re.compile(r"[0-9๐-๙]")


def dates(doc, block: ArticleBlock, lines: list[str]) -> list[dict]:
    """Every date the article block offers, as candidates ``{kind, source, raw, machine}``.

    ``kind`` is published, created or modified; ``source`` is where it came from
    (microdata, time, meta, label, created, text). The pipeline picks by priority.
    """
    out: list[dict] = []
    root = block.root
    for el in block.index.find(itemprops=_MICRODATA_DATE_PROPS):
        if block.body is not None and _inside(el, block.body):
            continue
        kind = _MICRODATA_KIND[el.get("itemprop")]
        machine = el.get("datetime") or el.get("content")
        raw = None if el.tag == "meta" else _visible_date(el, kind)
        source = "microdata" if kind != "created" else "created"
        out.append(_candidate(kind, source, raw, machine))
    for el in _TIME_ELEMENTS(root):
        if block.body is not None and _inside(el, block.body):
            continue
        classes = (el.get("class") or "").split()
        kind = "modified" if "updated" in classes and "published" not in classes else "published"
        out.append(_candidate(kind, "time", _visible_date(el, kind), el.get("datetime")))
    for el in _HEAD_DATES(doc):
        kind = "modified" if "modified" in el.get("property", "") else "published"
        out.append(_candidate(kind, "meta", None, el.get("content")))
    for el in block.index.find(classes=_DATE_CLASSES):
        classes = el.get("class") or ""
        # Joomla 1.5's td.createdate and K2's itemDateCreated are the only date these layouts
        # show, unlabelled: a header-area date ("text"), not a "สร้างเมื่อ" created date.
        kind = "modified" if "odif" in classes else "published"
        raw = _visible_date(el, kind)
        if raw and find_date(raw):
            out.append(_candidate(kind, "text" if kind == "published" else "label", raw, None))
    for line in lines:
        head, segments = split_labelled(line)
        for seg in segments:
            if seg.kind in ("published", "created", "modified"):
                found = find_date(seg.value)
                if found.matched or _DIGIT.search(seg.value):
                    source = "created" if seg.kind == "created" else "label"
                    out.append(_candidate(seg.kind, source, found.matched or seg.value[:60], None))
        if not segments or head:
            text = head if segments else line
            found = find_date(text)
            if found.matched and len(text) <= 120:
                out.append(_candidate("published", "text", found.matched, None))
    return out


# --- author, hits, category ---------------------------------------------------------------------

_AUTHOR_CLASSES = ("createdby", "itemAuthor", "author", "byline", "post-author", "entry-author", "news-author")
_HITS_PROPS = ("interactionCount", "userInteractionCount")
_HITS_CLASSES = ("hits", "itemHits", "post-views", "entry-views", "views", "view-count", "news-hits")
_CATEGORY_CLASSES = ("category-name", "itemCategory", "cat-links", "entry-category", "news-category")
_HITS_IN_TEXT = re.compile(r"(?:UserPageVisits|PageVisits)\s*:\s*([\d๐-๙,]+)")


def _not_in_body(block: ArticleBlock, el) -> bool:
    return block.body is None or not _inside(el, block.body)


def author(block: ArticleBlock, lines: list[str]) -> str | None:
    for el in block.index.find(_AUTHOR_CLASSES, ("author",)):
        if not _not_in_body(block, el):
            continue
        names = el.xpath(".//*[@itemprop='name']")
        text = element_text(names[0]) if names else element_text(el)
        text = strip_label(collapse(text), "author")
        if text:
            return clean(text)
    for line in lines:
        for seg in split_labelled(line)[1]:
            if seg.kind == "author" and seg.value and len(seg.value) <= 80:
                return clean(seg.value)
    return None


def hits(block: ArticleBlock, lines: list[str]) -> str | None:
    """The page's own view counter, raw (``'1,234'``, ``'๓๑'``, ``'UserPageVisits:31'``)."""
    for content in (el.get("content") or "" for el in block.index.find(itemprops=_HITS_PROPS)):
        m = _HITS_IN_TEXT.search(content)
        if m:
            return m.group(1)
    for el in block.index.find(_HITS_CLASSES):
        if not _not_in_body(block, el):
            continue
        text = collapse(element_text(el))
        _, segments = split_labelled(text)
        for seg in segments:
            if seg.kind == "hits" and hits_value(seg.value):
                return hits_value(seg.value)
        value = hits_value(text)
        if value:
            return value
    for line in lines:
        for seg in split_labelled(line)[1]:
            if seg.kind == "hits":
                value = hits_value(seg.value)
                if value:
                    return value
    return None


def category(block: ArticleBlock, lines: list[str]) -> str | None:
    for el in block.index.find(_CATEGORY_CLASSES, ("articleSection", "genre")):
        if not _not_in_body(block, el):
            continue
        text = strip_label(collapse(element_text(el)), "category")
        if text:
            return clean(text)
    for line in lines:
        for seg in split_labelled(line)[1]:
            if seg.kind == "category" and seg.value and len(seg.value) <= 80:
                return clean(seg.value)
    return None


# --- body ---------------------------------------------------------------------------------------

_NAV_WORD = (r"(ก่อนหน้า|ถัดไป|ย้อนกลับ|กลับหน้าหลัก|กลับสู่หน้าหลัก|กลับ|อ่านต่อ|อ่านเพิ่มเติม|พิมพ์หน้านี้|พิมพ์|อีเมล"
             r"|ส่งต่อ|Print|Email|Back|Next|Prev(?:ious)?|แชร์|Share|Tweet|Like)")
#: A line made only of navigation words, arrows and brackets ("[พิมพ์หน้านี้] [กลับ]", "« ก่อนหน้า").
_EDGE_NOISE = re.compile(rf"^(?:[\s\[\]()<>«»‹›|/-]*{_NAV_WORD}[\s\[\]()<>«»‹›|/-]*)+$|^[<>«»‹›]+$", re.IGNORECASE)


def is_metadata_line(line: str) -> bool:
    """A short line made only of info labels with their values and dates (not article text)."""
    if len(line) > 200:
        return False
    head, segments = split_labelled(line)
    if segments:
        return len(head) <= 3 or bool(find_date(head).matched) and len(head) < 60
    found = find_date(line)
    return bool(found.matched) and len(line) - len(found.matched) <= 12


def body(block: ArticleBlock, title_text: str | None, title_el) -> list[str]:
    """The article's own paragraphs."""
    if block.body is not None:
        parts = []
        for el in (block.body, *block.extra_bodies):
            parts.extend(paragraphs(el, skip=is_noise))
        return parts
    skip_ids = {id(title_el)} if title_el is not None else set()
    parts = paragraphs(block.root, skip=lambda el: id(el) in skip_ids or is_noise(el))
    # Trim the info block and navigation at both edges.
    while parts and (parts[0] == title_text or is_metadata_line(parts[0]) or _EDGE_NOISE.match(parts[0])):
        parts.pop(0)
    while parts and (is_metadata_line(parts[-1]) or _EDGE_NOISE.match(parts[-1])):
        parts.pop()
    return parts


# --- attachments and images ---------------------------------------------------------------------

DOCUMENT_EXTENSIONS = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods|odp|txt|csv)$", re.IGNORECASE)
_ATTACHMENT_BLOCKS = frozenset(
    "attachmentsContainer attachmentsList itemAttachmentsBlock itemAttachments attachments".split()
)
_LINK_EXCLUDE = frozenset(
    "moduletable module widget itemRelated itemAuthorLatest related sidebar jp-relatedposts pagenav pager".split()
)


def _classes_of(el) -> set[str]:
    return set((el.get("class") or "").split())


def _ancestor_classes(el, stop) -> set[str]:
    out: set[str] = set()
    while el is not None and el is not stop:
        out |= _classes_of(el)
        el = el.getparent()
    return out


def base_url(doc, url: str) -> str:
    base = doc.xpath("//base/@href")
    return urljoin(url, base[0].strip()) if base else url


def attachments(block: ArticleBlock, page_base: str) -> list[dict]:
    found: dict[str, dict] = {}
    for a in block.root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        classes = _ancestor_classes(a, block.root)
        if classes & _LINK_EXCLUDE:
            continue
        absolute = urljoin(page_base, href)
        path = urlsplit(absolute).path
        in_block = bool(classes & _ATTACHMENT_BLOCKS)
        is_doc = bool(DOCUMENT_EXTENSIONS.search(path)) or "com_attachments" in absolute
        if not (is_doc or (in_block and "download" in absolute.lower())):
            continue
        text = clean(element_text(a)) or ""
        if absolute in found:
            if text and found[absolute]["_fallback"]:
                found[absolute].update(text=text, _fallback=False)
            continue
        fallback = not text
        if fallback:
            text = unquote(path.rsplit("/", 1)[-1]) or absolute
        found[absolute] = {"url": absolute, "text": text, "_fallback": fallback}
    return [{"url": v["url"], "text": v["text"]} for v in found.values()]


def images(block: ArticleBlock, page_base: str) -> list[str]:
    scopes = [block.body, *block.extra_bodies] if block.body is not None else [block.root]
    out: list[str] = []
    for scope in scopes:
        for img in scope.iter("img"):
            src = (img.get("src") or img.get("data-src") or "").strip()
            if not src or src.startswith("data:"):
                continue
            if _ancestor_classes(img, scope) & (_LINK_EXCLUDE | _ATTACHMENT_BLOCKS) or any(
                is_noise(a) for a in _ancestors_until(img, scope)
            ):
                continue
            absolute = urljoin(page_base, src)
            if absolute not in out:
                out.append(absolute)
    return out


def _ancestors_until(el, stop):
    el = el.getparent()
    while el is not None and el is not stop:
        yield el
        el = el.getparent()


# --- article id ---------------------------------------------------------------------------------

_QUERY_ID = re.compile(r"(?:^|[?&;])(?:id|p|article_id|news_id|newsid|nid)=(\d+)", re.IGNORECASE)
_SEF_ID = re.compile(r"/(?:item/)?(\d+)-[^/]+?(?:\.html?)?/?$")
_ARCHIVE_ID = re.compile(r"/archives/(\d+)/?$")
_SHORTLINK = etree.XPath("//link[@rel='shortlink']/@href")
_CANONICAL = etree.XPath("//link[@rel='canonical']/@href")
_BODY_CLASS = etree.XPath("//body/@class")
_POSTID = re.compile(r"\bpostid-(\d+)\b")


def article_id_from_url(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.query:
        m = _QUERY_ID.search(parts.query)
        if m:
            return m.group(1)
    m = _SEF_ID.search(parts.path) or _ARCHIVE_ID.search(parts.path)
    return m.group(1) if m else None


def canonical_url(doc, page_url: str) -> str | None:
    for href in _CANONICAL(doc):
        if href.strip():
            return urljoin(page_url, href.strip())
    return None


def article_id(doc, url: str) -> str | None:
    """The CMS's numeric article id, from the URL, the canonical link, or the page."""
    found = article_id_from_url(url)
    if found:
        return found
    for href in (*_CANONICAL(doc), *_SHORTLINK(doc)):
        found = article_id_from_url(href.strip())
        if found:
            return found
    for classes in _BODY_CLASS(doc):
        m = _POSTID.search(classes)
        if m:
            return m.group(1)
    return None
