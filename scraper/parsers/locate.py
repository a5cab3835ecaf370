"""Find the article's own block in a page, apart from sidebars, modules, menus and footers.

The strongest markers come first (microdata, the CMS's article containers); pages without them
are located by their info labels (เผยแพร่เมื่อ, วันที่ลงข่าว, ...) and, last, by text density.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from scraper.parsers.errors import NotAnArticle


def _token_test(attr: str, name: str) -> str:
    """XPath test: the class string ``attr`` holds the token ``name``.

    The cheap substring test runs first; XPath's ``and`` skips the costly exact test for the
    strings that fail it, i.e. nearly all.
    """
    return f"(contains({attr}, '{name}') and contains(concat(' ', normalize-space({attr}), ' '), ' {name} '))"


def _cls(name: str) -> str:
    """XPath predicate: the element's class attribute holds the token ``name``."""
    return _token_test("@class", name)


def _with_class(name: str, tag: str = "*") -> str:
    """XPath of the page's ``tag`` elements whose class holds the token ``name``.

    Walks the page's class attributes rather than its elements: a third of the cost.
    """
    return f"//@class[{_token_test('.', name)}]/parent::{tag}"


#: Article containers by strength; a page with two or more matches of one is a listing.
ROOT_XPATHS: tuple[tuple[str, etree.XPath], ...] = tuple(
    (name, etree.XPath(expr))
    for name, expr in (
        ("joomla4", _with_class("com-content-article")),
        ("joomla3", _with_class("item-page")),
        ("k2", _with_class("itemView")),
        ("microdata", "//*[contains(@itemtype, 'schema.org/Article') or contains(@itemtype, 'schema.org/NewsArticle')"
                      " or contains(@itemtype, 'schema.org/BlogPosting')][not(@itemprop='blogPost')]"),
        ("wordpress", "//article[contains(@class, 'post') or starts-with(@id, 'post-')]"
                      f" | {_with_class('hentry')}"),
        ("joomla15", f"{_with_class('contentpaneopen', 'table')}/.."),
    )
)

#: Markers of listing pages (blog/category layouts, archives).
LISTING_XPATH = etree.XPath(
    f"//*[@itemprop='blogPost'] | {_with_class('items-row')} | {_with_class('catItemView')}"
    f" | {_with_class('blog-item')} | {_with_class('category', 'table')}//a"
    f" | {_with_class('itemListView')}//*[{_cls('catItemTitle')}]"
)

#: Article bodies inside a located root, by strength: (class tokens, itemprops, tables allowed).
#: Looked up in the root's :class:`ElementIndex`, built once and needed by the fields anyway.
BODY_MARKERS: tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...] = (
    ((), ("articleBody",), True),
    (("com-content-article__body",), (), True),
    (("itemFullText", "itemIntroText"), (), True),
    (("entry-content",), (), True),
    (("post-content", "article-content", "news-content", "news_content", "news-detail", "news_detail",
      "article-body", "content-detail", "content_detail", "detail"), (), False),
)

#: Class tokens of blocks that are never the article's text (inside or outside the root).
NOISE_CLASSES = frozenset(
    """article-info article-info-term page-header entry-header entry-meta entry-footer post-meta postmetadata
    itemHeader itemToolbar itemLinks itemRatingBlock itemAuthorBlock itemRelated itemNavigation itemComments
    itemSocialSharing itemAttachmentsBlock itemBackToTop itemDateModified itemCategory itemTagsBlock
    itemImageBlock itemVideoBlock itemImageGallery itemExtraFields itemHitsTwitter itemAuthorLatest
    pager pagenav pagination pager-nav post-navigation navigation nav-links breadcrumb breadcrumbs
    attachmentsContainer attachmentsList attachments buttonheading icons btn-group actions tags
    createdby createdate modifydate contentheading article-aside content_rating content_vote
    sharedaddy jp-relatedposts addthis_toolbox share social fb-like print email comments-area
    related moduletable module widget sidebar mod-articles-latest latestnews visitors counter""".split()
)
NOISE_IDS = frozenset("comments sidebar left right footer header menu nav breadcrumbs".split())
NOISE_TAGS = frozenset(("nav", "aside", "footer", "form"))


def is_noise(el) -> bool:
    """True for elements that are metadata, navigation or modules, never body text."""
    if el.tag in NOISE_TAGS:
        return True
    classes = el.get("class")
    if classes and not NOISE_CLASSES.isdisjoint(classes.split()):
        return True
    el_id = el.get("id")
    return bool(el_id) and el_id.lower() in NOISE_IDS


def _outermost(elements: list) -> list:
    """Drop elements nested inside another element of the list."""
    chosen = set(elements)
    out = []
    for el in elements:
        parent = el.getparent()
        nested = False
        while parent is not None:
            if parent in chosen:
                nested = True
                break
            parent = parent.getparent()
        if not nested:
            out.append(el)
    return out


_INDEXED = etree.XPath("descendant-or-self::*[@class or @itemprop]")


class ElementIndex:
    """The elements of a block by class token and by ``itemprop``, in document order.

    Built in one pass, so each field lookup is a dictionary access instead of an XPath
    ``contains(concat(...))`` scan of every element (profiling showed those scans dominating).
    The pass visits only the elements that have a class or itemprop (chosen by XPath, in C).
    """

    def __init__(self, root):
        self.by_class: dict[str, list] = {}
        self.by_itemprop: dict[str, list] = {}
        self.position: dict = {}
        for pos, el in enumerate(_INDEXED(root)):
            self.position[el] = pos
            classes = el.get("class")
            if classes:
                for token in classes.split():
                    self.by_class.setdefault(token, []).append(el)
            prop = el.get("itemprop")
            if prop:
                for token in prop.split():
                    self.by_itemprop.setdefault(token, []).append(el)

    def find(self, classes: tuple[str, ...] = (), itemprops: tuple[str, ...] = ()) -> list:
        """Elements with any of the class tokens or itemprops, in document order, once each."""
        found = {}
        for name in classes:
            for el in self.by_class.get(name, ()):
                found[self.position[el]] = el
        for name in itemprops:
            for el in self.by_itemprop.get(name, ()):
                found[self.position[el]] = el
        return [found[k] for k in sorted(found)]


@dataclass
class ArticleBlock:
    """The located article: its root, its body element (if the CMS marks one), how it was found."""

    root: object
    body: object | None
    layout: str
    extra_bodies: list = field(default_factory=list)
    _index: ElementIndex | None = field(default=None, repr=False)

    @property
    def index(self) -> ElementIndex:
        if self._index is None:
            self._index = ElementIndex(self.root)
        return self._index


_LABEL_RE = re.compile(
    r"(เผยแพร่เมื่อ|วันที่ลงข่าว|Post(?:ed)? on|สร้างเมื่อ|ลงข่าวเมื่อ|วันที่ประกาศ|ผู้ลงข่าว|จำนวนผู้อ่าน|ฮิต\s*:?)",
    re.I,
)
_TEXT_NODES = etree.XPath("//body//text()[normalize-space()]")


def _ancestors(el):
    while el is not None:
        yield el
        el = el.getparent()


def _text_len(el) -> int:
    return sum(len(t) for t in el.itertext())


#: Substrings one of which a page's class/itemtype attributes or tags must hold for a layout's
#: XPath to match: one C-level pass collects them, so absent layouts cost no document scan.
_ROOT_MARKERS = {
    "joomla4": ("com-content-article",), "joomla3": ("item-page",), "k2": ("itemView",),
    "microdata": ("schema.org/",), "wordpress": ("<article>", "hentry"), "joomla15": ("contentpaneopen",),
}
_MARKER_ATTRS = etree.XPath("//@class | //@itemtype", smart_strings=False)
_HAS_ARTICLE_TAG = etree.XPath("boolean(//article)")


def _markers(doc) -> str:
    text = " ".join(_MARKER_ATTRS(doc))
    return text + (" <article>" if _HAS_ARTICLE_TAG(doc) else "")


def locate_article(doc) -> ArticleBlock:
    """Return the article block of a parsed page, or raise :class:`NotAnArticle`."""
    markers = _markers(doc)
    for layout, xpath in ROOT_XPATHS:
        if not any(m in markers for m in _ROOT_MARKERS[layout]):
            continue
        found = _outermost(xpath(doc))
        if not found:
            continue
        if len(found) > 1 and layout != "joomla15":
            # Related-post boxes reuse the article markup: keep the one block with a full body.
            with_body = [b for b in (_with_body(el, layout) for el in found) if b.body is not None]
            if len(with_body) == 1:
                return with_body[0]
            raise NotAnArticle(f"listing page: {len(found)} {layout} article blocks, not one article")
        return _with_body(found[0], layout)
    listing = LISTING_XPATH(doc)
    if len(listing) >= 2:
        raise NotAnArticle(f"listing page: {len(listing)} article entries, not one article")
    root = _root_by_labels(doc)
    if root is not None:
        return _with_body(root, "labels")
    root = _root_by_density(doc)
    if root is not None:
        return _with_body(root, "density")
    raise NotAnArticle("no article found: no article container, info labels or text block")


def _with_body(root, layout: str) -> ArticleBlock:
    index = ElementIndex(root)
    for classes, itemprops, tables in BODY_MARKERS:
        bodies = _outermost([
            el for el in index.find(classes, itemprops) if el is not root and (tables or el.tag != "table")
        ])
        if bodies:
            return ArticleBlock(root, bodies[0], layout, bodies[1:], index)
    if layout == "joomla15":
        return ArticleBlock(root, _joomla15_body(root), layout, _index=index)
    return ArticleBlock(root, None, layout, _index=index)


def _joomla15_body(root):
    """Joomla 1.5: the body is the unclassed cell of the second ``contentpaneopen`` table."""
    best, best_len = None, 0
    for td in root.xpath(f".//table[{_cls('contentpaneopen')}]//td"):
        if td.get("class") or td.xpath("ancestor::td[ancestor::table[" + _cls("contentpaneopen") + "]]"):
            continue
        n = _text_len(td) + 40 * len(td.xpath(".//img"))
        if n > best_len:
            best, best_len = td, n
    return best


def _root_by_labels(doc):
    """Nearest ancestor of an info label that holds a substantial block of text."""
    for node in _TEXT_NODES(doc):
        if not _LABEL_RE.search(node):
            continue
        parent = node.getparent()
        if parent is None or any(is_noise(a) for a in _ancestors(parent)):
            continue
        for anc in _ancestors(parent):
            if anc.tag in ("body", "html"):
                break
            if _text_len(anc) >= 200 or anc.xpath(".//img"):
                if anc.tag in ("tr", "tbody"):
                    anc = anc.getparent() if anc.tag == "tr" else anc
                    if anc.tag == "tbody":
                        anc = anc.getparent()
                return anc
    return None


_DENSITY_CANDIDATES = etree.XPath("//body//div | //body//td | //body//section | //body//main")


def _root_by_density(doc):
    """The block with the most paragraph text outside links (trafilatura-like last resort)."""
    best, best_score = None, 300
    for el in _DENSITY_CANDIDATES(doc):
        if any(is_noise(a) for a in _ancestors(el)):
            continue
        text = sum(len(t) for p in el.xpath("./p | ./text()") for t in (p.itertext() if hasattr(p, "itertext") else [p]))
        links = sum(len(t) for a in el.xpath(".//a") for t in a.itertext())
        score = text - 2 * links
        if score > best_score:
            best, best_score = el, score
    return best
