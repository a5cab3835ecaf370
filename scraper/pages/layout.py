"""The shared machinery of layout-family page objects: selectors declared, fallbacks inherited.

A family module (``joomla3.py``, ``k2.py`` ...) subclasses :class:`LayoutArticlePage` and declares
its selectors as class attributes: the article container, the body, the title, the info elements
(dates, author, hits, category) and its own noise blocks. Each field looks in the family's
elements first; when they give nothing the generic page object's answer is used, so a template
change degrades to the generic extractor, not to nothing.
"""

from __future__ import annotations

from functools import cached_property

from lxml import etree

from scraper.pages.generic import (
    ArticlePage,
    _common_ancestor,
    _has_own_linked_heading,
    _holds_title_and_info,
    _inside,
    _outermost,
    _text_len,
    in_site_scope,
    is_noise,
)
from scraper.pages.selectors import ElementIndex
from scraper.parsers import fields
from scraper.parsers.errors import NotAnArticle
from scraper.parsers.labels import is_label_alone
from scraper.parsers.text import clean, element_text, paragraphs

_PAGE_TAGS = frozenset(("body", "html"))


#: Link-noise class tokens that page builders also give the blocks of a post's text.
_BUILDER_BLOCKS = frozenset(("widget", "module"))


class LayoutArticlePage(ArticlePage):
    """An article page of one layout family (see the module docstring)."""

    layout = "layout"
    #: The article container(s); two or more with a body each make the page a listing.
    ROOT: etree.XPath | None = None
    #: Body markers, strongest first: (class tokens, itemprops, tables allowed).
    BODY: tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...] = ()
    TITLE_CLASSES: tuple[str, ...] = ()
    TITLE_XPATH: etree.XPath | None = None
    #: Date element class -> (kind, source) of its candidate.
    DATE_CLASSES: dict[str, tuple[str, str]] = {}
    AUTHOR_CLASSES: tuple[str, ...] = ()
    HITS_CLASSES: tuple[str, ...] = ()
    CATEGORY_CLASSES: tuple[str, ...] = ()
    #: Class tokens of this family's blocks that are never the article's text.
    NOISE_CLASSES: frozenset[str] = frozenset()
    #: Of those, the article's own info blocks (not its text, but its date's and author's lines).
    INFO_CLASSES: frozenset[str] = frozenset()

    # --- locating ------------------------------------------------------------------------------

    @cached_property
    def containers(self) -> list:
        # (a sidebar's "latest posts" widget prints its items with the same markup as posts)
        found = _outermost(self.ROOT(self.doc)) if self.ROOT is not None else []
        if len(found) < 2:
            return found
        kept = [el for el in found if not self.in_noise(el)]
        # one post left that holds no text of this family is a teaser too: judge them all
        return found if len(kept) == 1 and not self._body_in(kept[0]) else kept

    @cached_property
    def container(self):
        found = self.containers
        if len(found) > 1:
            with_body = [el for el in found if self._body_in(el)]
            if len(with_body) == 1:
                return with_body[0]
            if not with_body and any(not any(_inside(b, el) for el in found) for b in self._body_in(self.doc)):
                return None  # the post itself is not wrapped (block themes); these are its "more posts"
            if with_body and self._teasers_beside_text(found):
                return None  # a builder's posts module under the post (Divi's blog grid), each teaser's excerpt its "post-content"
            post = self._post_among_teasers(found)
            if post is not None:
                return post
            if not with_body:
                # the post (its text in a block this family does not name) and teasers of related posts
                sizes = sorted(((_text_len(el), i) for i, el in enumerate(found)), reverse=True)
                if sizes[0][0] >= 3 * sizes[1][0]:
                    return found[sizes[0][1]]
                prose = self.prose_blocks
                if prose and all(not _inside(b, el) and not _inside(el, b) for b in prose for el in found) \
                        and sum(_text_len(b) for b in prose) >= 2 * sizes[0][0]:
                    return None  # the post's text stands outside them all (a page builder's template): they are teasers
            raise NotAnArticle(f"listing page: {len(found)} {self.layout} article blocks, not one article")
        return found[0] if found else None

    def _post_among_teasers(self, found: list):
        """The one of ``found`` not headed by a link to another post, when every other one is and
        it holds three times the text of the longest of them: the post, and its "you may also
        like" teasers printed with the same markup (Typology's related posts under the post)."""
        teasers = [el for el in found if _has_own_linked_heading(el, lambda h: not self._links_to_itself(h))]
        if len(teasers) != len(found) - 1:
            return None
        post = next(el for el in found if el not in teasers)
        return post if _text_len(post) >= 3 * max(_text_len(el) for el in teasers) else None

    def _teasers_beside_text(self, found: list) -> bool:
        """Each of ``found`` is headed by a link to another post, and the page's prose stands
        outside them all, twice as long as the longest: they are teasers, the post is that prose."""
        if not all(_has_own_linked_heading(el, lambda h: not self._links_to_itself(h)) for el in found):
            return False
        prose = self.prose_blocks
        return bool(prose) and all(not _inside(b, el) and not _inside(el, b) for b in prose for el in found) \
            and sum(_text_len(b) for b in prose) >= 2 * max(_text_len(el) for el in found)

    @cached_property
    def index(self) -> ElementIndex:
        scope = self.container if self.container is not None else self.doc
        return ElementIndex(scope)

    def _body_in(self, root, index: ElementIndex | None = None) -> list:
        index = index if index is not None else ElementIndex(root)
        for classes, itemprops, tables in self.BODY:
            bodies = _outermost([el for el in index.find(classes, itemprops)
                                 if el is not root and (tables or el.tag != "table")])
            if bodies:
                return bodies
        return []

    #: Blocks outside the body whose images are the article's own (K2's item image).
    IMAGE_CLASSES: tuple[str, ...] = ()

    def find_images(self) -> list[str]:
        own = self.index.find(self.IMAGE_CLASSES)
        found = fields.images(own, self.base) if own else []
        return found + [u for u in super().find_images() if u not in found]

    def is_noise(self, el) -> bool:
        if super().is_noise(el):
            return True
        classes = el.get("class")
        # (<body>'s classes describe the page, "sidebar" in Twenty Thirteen: never a block's)
        if not classes or el.tag in _PAGE_TAGS:
            return False
        named = self.NOISE_CLASSES.intersection(classes.split())
        # the article's info block printed inside its text (Kubrick's "postmetadata" sentence in
        # div.entry) is read as the text's info lines, as the layout-free reading does
        return bool(named) and not (named <= self.INFO_CLASSES
                                    and any(_inside(el, b) for b in self.__dict__.get("body_elements", ())))

    #: Class tokens of this family's blocks whose links are not the article's files.
    LINK_NOISE_CLASSES: frozenset[str] = frozenset(
        "moduletable module widget itemRelated itemAuthorLatest related sidebar jp-relatedposts pagenav pager".split()
    )

    def is_link_noise(self, el) -> bool:
        if super().is_link_noise(el):
            return True
        classes = el.get("class")
        if not classes or el.tag in _PAGE_TAGS:
            return False
        named = self.LINK_NOISE_CLASSES.intersection(classes.split())
        if named and named <= _BUILDER_BLOCKS and any(_inside(el, b) for b in self.body_elements):
            return False  # a page builder's widget inside the text (SiteOrigin's button) is the text's
        if named and any(_inside(b, el) for b in self.body_elements):
            return False  # a block around the text is the article's (Extra's <article class="module …">)
        return bool(named)

    def find_root(self):
        container = self.container
        if container is None:
            return super().find_root()
        title = self.title_element
        if title is not None and not _inside(title, container):
            # the title printed above the post's block (Kadence's "title above content" hero band,
            # its info line under it): the block around both is the article's
            common = _common_ancestor(title, container)
            if common is not None and common.tag not in ("body", "html"):
                return common
        return container

    def find_body(self) -> list:
        if self.container is not None:
            found = self._body_in(self.container, self.index)
        else:
            # no container of this family: its text's class names are looked for inside the page's
            # one <article>, if it has one (the same names in a sidebar's teasers are not the text)
            entries = self.entries
            found = self._body_in(entries[0]) if len(entries) == 1 else self._body_in(self.doc, self.index)
            posts = self.containers
            if found and len(posts) > 1 and all(any(_inside(b, el) for el in posts) for b in found) \
                    and self._teasers_beside_text(posts):
                found = []  # only the teasers' excerpts: the post's text is the prose beside them
        if len(found) == 1 and next(found[0].iter("h1", "h2", "h3"), None) is not None and _holds_title_and_info(found[0]):
            # the block this family's names call the text holds the title and the info line (a
            # theme's "post-content" around the whole post): the text is inside it
            found = self.by_density(self.prose_blocks_in(found[0])) or found
        found = found or super().find_body()
        container = self.container
        if container is not None and any(b is not container and _inside(container, b) for b in found):
            # the text found by density is a block around the article's container (the page's
            # main column, breadcrumbs and all): the text is inside the container
            return self.by_density(self.prose_blocks_in(container)) or found
        return found

    def find_title(self):
        body = self.body_elements
        in_text = not self.body_is_prose  # a density-found body may hold the title
        found = []
        for el in self.index.find(self.TITLE_CLASSES, ("headline",)):
            if (el is self.container or el.tag == "meta" or in_text and any(_inside(el, b) for b in body)
                    or in_site_scope(el)):
                continue
            if any(a.tag == "a" for a in el.iterancestors()):
                continue  # a title inside a link: a teaser's or the next post's
            text = clean(element_text(el))
            if text and len(text) > 3:
                found.append(el)
        if len(found) >= 1 and body:
            # a page's own headline (a blog's "บล็อก" bar) may come first: the article's is the
            # one nearest above its text
            position = self.index.position
            if body[0] in position:  # both in the index: its positions are in document order
                above = [el for el in found if position[el] < position[body[0]]]
            else:
                wanted, above = set(found), []
                for el in self.doc.iter():  # document order, up to the text only
                    if el is body[0]:
                        break
                    if el in wanted:
                        above.append(el)
            if above:
                return above[-1]
            found = []  # only titles below the text: of other posts, not this one
        if found:
            return found[0]
        if self.TITLE_XPATH is not None:
            for el in self.TITLE_XPATH(self.container if self.container is not None else self.doc):
                if not any(_inside(el, b) for b in body) and len(clean(element_text(el)) or "") > 3:
                    return el
        return super().find_title()

    # --- fields ----------------------------------------------------------------------------------

    def _family_elements(self, classes: tuple[str, ...]) -> list:
        # (a body that is the post's whole block, its info blocks inside it, does not hide them)
        bodies = [b for b in self.body_elements if b is not self.container]
        return [el for el in self.index.find(classes) if not any(_inside(el, b) for b in bodies) or self._in_info_block(el)]

    def _in_info_block(self, el) -> bool:
        """Inside one of the family's info blocks (``INFO_CLASSES``), even when the text holds it
        (Sela's "entry-meta" footer printed inside its entry-content)."""
        return bool(self.INFO_CLASSES) and any(not self.INFO_CLASSES.isdisjoint((a.get("class") or "").split())
                                               for a in el.iterancestors())

    def date_candidates(self) -> list[dict]:
        out: list[dict] = []
        for el in self._family_elements(tuple(self.DATE_CLASSES)):
            kind, source = next(v for k, v in self.DATE_CLASSES.items() if k in (el.get("class") or "").split())
            raw = fields.visible_date(el)
            if raw and fields.find_date(raw):
                out.append(fields.candidate(kind, source, raw, None))
        return out + super().date_candidates()

    def family_author(self) -> str | None:
        for el in self._family_elements(self.AUTHOR_CLASSES):
            if next(el.iter("button"), None) is not None:
                continue  # a share widget among the bylines (Blogger's "byline post-share-buttons")
            names = el.xpath(".//*[@itemprop='name']")
            text = fields.author_name(visible_text(names[0] if names else el))
            if text and not names:
                # an author's box (Baskerville's post-author: the name's heading, a bio, a link to
                # the author's posts; Blowfish's caption, name and job title): its first line
                # after a caption is the name
                lines = [line for line in paragraphs(el, skip=is_noise) if not is_label_alone(line)]
                if len(lines) > 1:
                    text = fields.author_name(lines[0])
                elif len(text) > fields.MAX_NAME:
                    text = None
            if text:
                return text
        return None

    def family_hits(self) -> str | None:
        for el in self._family_elements(self.HITS_CLASSES):
            found = fields.hits_from_text(visible_text(el))
            if found:
                return found
        return None

    def family_category(self) -> str | None:
        for el in self._family_elements(self.CATEGORY_CLASSES):
            text = fields.category_name(visible_text(el))
            if text:
                return text
        return None

    def find_author(self) -> str | None:
        return self.family_author() or super().find_author()

    def find_hits(self) -> str | None:
        return self.family_hits() or super().find_hits()

    def find_category(self) -> str | None:
        return self.family_category() or super().find_category()


def visible_text(el) -> str:
    """An element's text as a reader sees it: screen-reader-only and plugin blocks left out."""
    return " ".join(paragraphs(el, skip=is_noise))
