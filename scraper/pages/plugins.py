"""Markup of documented CMS plugins and modules, recognized by their published names.

These are not layout guesses: each name is what the plugin's own templates print, so a page
that uses the plugin carries it whatever its theme.

* Joomla's Breadcrumbs module (``mod_breadcrumbs``: ``breadcrumb``/``breadcrumbs``/``pathway``;
  Joomla 4 wraps it in ``<nav aria-label="Breadcrumbs">``; schema.org ``BreadcrumbList``);
* the vvisit_counter visitors-counter module (``vvisit_counter``);
* WordPress Post Views Counter (``post-views-count`` inside ``post-views``) and WP-PostViews;
* Jetpack sharing and related posts (``sharedaddy``, ``jp-relatedposts``), AddThis;
* AddToAny share buttons; the screen-reader-only text of WordPress, Bootstrap and Joomla
  (``screen-reader-text``, ``sr-only``, ``visually-hidden``, ``element-invisible``);
* Joomla's Attachments extension (``attachmentsContainer``/``attachmentsList``);
* Drupal's Statistics counter link (``statistics_counter``);
* WP-PostRatings' stars and votes (``post-ratings``, ``post-ratings-loading``);
* TYPO3 news' category (``news-list-category``) and SharePoint's by-line (``by-line``).
"""

from __future__ import annotations

import re

from lxml import etree

from scraper.pages.selectors import token_test
from scraper.parsers.fields import hits_from_text, is_trail
from scraper.parsers.labels import COMMENT_WORDS, is_label_alone, split_labelled
from scraper.parsers.text import clean, collapse, element_text, is_ligature_icon

#: Class tokens (and ids) of plugin blocks that are never the article's text nor its files.
PLUGIN_NOISE = frozenset(
    "vvisit_counter breadcrumb breadcrumbs pathway mod-breadcrumbs sharedaddy jp-relatedposts addthis_toolbox"
    " addtoany_share_save_container a2a_kit post-ratings post-ratings-loading"
    " screen-reader-text visually-hidden sr-only element-invisible".split()
)
#: Screen-reader-only text: hidden from sight, but a label there still names the value beside it.
SCREEN_READER_ONLY = frozenset("screen-reader-text visually-hidden sr-only element-invisible".split())
#: Google's Material icon fonts, whose text is a ligature: the icon's name ("person", "visibility").
LIGATURE_ICONS = frozenset(
    "material-icons material-icons-outlined material-icons-round material-icons-sharp material-icons-two-tone"
    " material-symbols-outlined material-symbols-rounded material-symbols-sharp".split()
)
#: Blocks of the Joomla Attachments extension and K2: the article's files, never its text.
#: Attachment blocks: K2's, Attachments for Joomla's, dFactory's Download Attachments for WordPress.
ATTACHMENT_BLOCKS = frozenset("attachmentsContainer attachmentsList itemAttachmentsBlock download-attachments".split())

_BREADCRUMBS = etree.XPath(
    "//@itemtype[contains(., 'BreadcrumbList')]/parent::*"
    " | //@aria-label[contains(translate(., 'BREADCUMS', 'breadcums'), 'breadcrumb')]/parent::nav"
    # (or labelled by its own hidden heading: Drupal's <nav aria-labelledby="system-breadcrumb">)
    " | //nav[@aria-labelledby][.//*[@id = ancestor::nav[1]/@aria-labelledby]"
    "[contains(translate(., 'BREADCUMS', 'breadcums'), 'breadcrumb')]]"
    f" | //@class[{token_test('.', 'breadcrumb')} or {token_test('.', 'breadcrumbs')} or {token_test('.', 'pathway')}]"
    "/parent::*"
)
#: Links whose text may be a home link (the exact test is ``_HOME_WORDS``): XPath picks the few
#: candidates in C instead of reading the text of every link of the page in Python.
_HOME_LINK_CANDIDATES = etree.XPath(
    "//a[contains(., 'หน้าแรก') or contains(., 'หน้าหลัก') or contains(translate(., 'HOME', 'home'), 'home')]"
)
#: A block whose own text opens with an unlinked home crumb ("หน้าหลัก » <a>ข่าว…</a> » …").
_HOME_TEXT_CANDIDATES = etree.XPath(
    "//*[text()[1][starts-with(normalize-space(), 'หน้าแรก') or starts-with(normalize-space(), 'หน้าหลัก')"
    " or starts-with(normalize-space(), 'Home')]]"
)
#: The source of an unlinked home crumb: the word, then an arrow ("หน้าหลัก &raquo; <a ...").
_UNLINKED_HOME = re.compile(r"(?:หน้าหลัก|หน้าแรก|Home)\s*(?:&raquo;|»|&gt;|›|&rsaquo;)")
#: A line of links that starts at the home page: breadcrumbs told by what they say.
_HOME_WORDS = re.compile(r"^(หน้าแรก|หน้าหลัก|Home|หน้าแรกเว็บไซต์)$", re.I)
#: A trail's last item that names the page's kind, not the article ("news details").
_GENERIC_CRUMB = re.compile(r"^(?:รายละเอียดข่าว|รายละเอียด|อ่านข่าว|เนื้อหา|News\s+Details?|Details?)$", re.I)
_TRAIL_SPLIT = re.compile(r"\s*[>»›|]+\s*|\s+/\s+")  # (">>" too: "หน้าแรก >> ข่าวประชาสัมพันธ์")
#: Post Views Counter prints ``span.post-views-count`` inside ``div.post-views``; themes print
#: WP-PostViews' ``the_views()`` ("1,234 views") inside their own ``post-views`` span.
_VIEW_COUNT_TOKENS = ("post-views-count", "post-views", "td-post-views", "meta-views", "jeg_views_count")
# tagDiv Newspaper's own counter: <div class="td-post-views"><i class="td-icon-views"></i><span>1207</span>
# TieLabs Jannah: <span class="meta-views meta-item"><span class="tie-icon-fire"></span> 612</span>
# JNews's share bar: <div class="jeg_views_count"><div class="counts">845</div><span>VIEWS</span>
_VIEW_COUNT = etree.XPath(
    "//@class[" + " or ".join(token_test(".", name) for name in _VIEW_COUNT_TOKENS) + "]/parent::*"
)
_SEPARATORS = re.compile(r"^[\s»>›/|\\-]*$")


def is_plugin_noise(el, attachments: bool = True) -> bool:
    """A plugin block that holds no article text (``attachments=False``: the files' blocks excepted)."""
    classes = el.get("class")
    if classes:
        tokens = classes.split()
        if (not PLUGIN_NOISE.isdisjoint(tokens) or not LIGATURE_ICONS.isdisjoint(tokens)
                or attachments and not ATTACHMENT_BLOCKS.isdisjoint(tokens)):
            return True
    if el.tag == "i" and is_ligature_icon(el):
        return True  # (a Material icon whose class names are gone: its text is the icon's name)
    return el.get("id") == "vvisit_counter"


def view_count(doc, tokens: frozenset[str] | None = None) -> str | None:
    """The number of a documented view counter: Post Views Counter / WP-PostViews
    (``<span class="post-views-count">1,234</span>``), tagDiv Newspaper's ``td-post-views``.

    ``tokens`` (the page's class tokens, when the caller has them) skips the search on the pages
    without any counter's class."""
    if tokens is not None and tokens.isdisjoint(_VIEW_COUNT_TOKENS):
        return None
    return _first_read(_VIEW_COUNT(doc), hits_from_text)


def _first_read(elements, read) -> str | None:
    """``read`` of the first of ``elements`` whose text gives something."""
    for el in elements:
        found = read(element_text(el))
        if found:
            return found
    return None


#: Drupal core's Statistics module adds the node's counter to its links ("เข้าชม 523 ครั้ง",
#: "312 reads"), which themes may wrap in <nav>: read inside the article only, where a sidebar's
#: teasers cannot lend theirs.
_STATISTICS_COUNTER = etree.XPath(f".//@class[{token_test('.', 'statistics_counter')}]/parent::*")


def statistics_count(scope) -> str | None:
    """The hit count of Drupal's Statistics module link inside ``scope`` (the article's block)."""
    return _first_read(_STATISTICS_COUNTER(scope), hits_from_text)


#: Fields printed without a label, known by the class their CMS gives them: TYPO3 news
#: (tx_news) prints the categories as ``span.news-list-category``; SharePoint 2013's article page
#: layouts print the ArticleByLine field as ``div.by-line`` beside ``div.date-line``.
NAMED_CATEGORY = "news-list-category"
NAMED_AUTHOR = "by-line"
_NAMED = {name: etree.XPath(f"//@class[{token_test('.', name)}]/parent::*") for name in (NAMED_CATEGORY, NAMED_AUTHOR)}


def named_field(doc, tokens: frozenset[str], name: str) -> str | None:
    """The text of the first element of class ``name`` (``NAMED_CATEGORY``, ``NAMED_AUTHOR``)."""
    return _first_read(_NAMED[name](doc), clean) if name in tokens else None


#: Icon fonts that stand for a label in meta lines ("<i class="fa fa-eye"></i> 1,043"): Font
#: Awesome 4-6, Bootstrap 3's Glyphicons, Bootstrap Icons (``bi-*``), WordPress's Dashicons. The words are labels the info
#: lines know (scraper/parsers/labels.py).
ICON_LABELS = {
    **dict.fromkeys(("fa-calendar", "fa-calendar-o", "fa-calendar-alt", "fa-calendar-days", "fa-clock-o", "fa-clock",
                     "glyphicon-calendar", "glyphicon-time", "dashicons-calendar", "dashicons-calendar-alt",
                     "bi-calendar", "bi-calendar3", "bi-calendar-event", "bi-calendar-date", "bi-clock"), "Date:"),
    **dict.fromkeys(("fa-user", "fa-user-o", "fa-user-circle", "fa-user-circle-o", "fa-pencil", "fa-pen",
                     "glyphicon-user", "dashicons-admin-users", "bi-person", "bi-person-circle", "bi-person-fill"), "by"),
    **dict.fromkeys(("fa-eye", "glyphicon-eye-open", "dashicons-visibility", "bi-eye", "bi-eye-fill"), "Views"),
    **dict.fromkeys(("fa-folder", "fa-folder-o", "fa-folder-open", "fa-folder-open-o", "glyphicon-folder-open",
                     "dashicons-category", "bi-folder", "bi-folder2", "bi-folder2-open"), "Category:"),
    # a comment count's bubble: its number is never the views ("💬 3" beside "👁 687")
    **dict.fromkeys(("fa-comment", "fa-comments", "fa-comment-o", "fa-comments-o", "fa-comment-dots", "glyphicon-comment",
                     "dashicons-admin-comments", "bi-chat", "bi-chat-dots", "bi-chat-left-text"), "Comments"),
}


#: Heroicons (Tailwind's icon set, inline ``<svg>``; v1 outline, as its documentation prints
#: them): the opening of each icon's path data -> the label it stands for.
HEROICON_LABELS = {
    "M8 7V3m8 4V3m-9 8h10M5 21h14": "Date:",  # calendar
    "M12 8v4l3 3m6-3a9 9 0 11-18 0": "Date:",  # clock
    "M16 7a4 4 0 11-8 0 4 4 0 018 0zM12 14a7 7 0 00-7 7h14": "by",  # user
    "M15 12a3 3 0 11-6 0 3 3 0 016 0z": "Views",  # eye
    "M3 7v10a2 2 0 002 2h14a2 2 0 002-2V9": "Category:",  # folder
    # Heroicons 2 (outline, 24 px): the same icons redrawn (their arcs' flags written "0 1 1" or,
    # in the first releases, "0 11": the openings stop before them)
    "M6.75 3v2.25M17.25 3v2.25M3 18.75V7.5": "Date:",  # calendar, calendar-days
    "M12 6v6h4.5m4.5 0a9 9 0 1": "Date:",  # clock
    "M15.75 6a3.75 3.75 0 1": "by",  # user
    "M2.036 12.322a1.012 1.012 0 0": "Views",  # eye
    "M2.25 12.75V12A2.25 2.25 0 0": "Category:",  # folder
}

_ICON_TAGS = frozenset(("i", "span", "em"))
_COMMENTS_TIP = re.compile(rf"^\s*[\d๐-๙]+\s*(?:{COMMENT_WORDS})\s*$", re.IGNORECASE)
ICON_MARK = "\ue000"  # icon_label wraps the label in it: resolve_icons keeps it where no label follows


def _marked(words: str) -> str:
    return f"{ICON_MARK}{words}{ICON_MARK}"


def icon_label(el) -> str | None:
    """The label an empty icon element stands for, if its icon font names one (marked, so that
    ``resolve_icons`` can drop it before a written label: "📅 วันที่ประกาศ : ..."); likewise an
    icon picture whose ``alt`` is a label (``<img src="icon_eye.gif" alt="จำนวนผู้อ่าน">``), a
    tooltip that is a label (``title="วันที่ลงข่าว"``), and an inline ``<svg>`` icon: Font
    Awesome's SVG (``data-icon="eye"``) or a Heroicon's path."""
    tag = el.tag
    if tag != "svg" and not el.attrib:
        return None  # (an element with no attributes stands for no label: most of a page's elements)
    tip = el.get("title") or el.get("data-bs-title") or el.get("data-original-title")
    if tip and tag != "a" and len(tip) <= 30:
        # a tooltip that names the value ("<span title='จำนวนผู้อ่าน'>👁 345</span>")
        if is_label_alone(collapse(tip)):
            return _marked(collapse(tip))
    if tip and _COMMENTS_TIP.match(tip):
        return _marked("Comments")  # a link's tooltip "3 ความคิดเห็น" over its bare "3" (e107)
    if tag == "img":
        alt = collapse(el.get("alt") or "")
        if alt and len(alt) <= 30 and is_label_alone(alt):
            return _marked(alt)
        src = el.get("src") or ""
        if not alt and is_small(el) or "icon" in src.lower():
            # an icon picture named for what it stands for: ".../icon/eye.png", "icon_calendar.gif"
            words = _icon_words(re.split(r"[/\\]", src.split("?")[0])[-1].rsplit(".", 1)[0].lower())
            if words:
                return _marked(words)
        return None
    if tag == "svg":
        name = el.get("data-icon")
        if name and f"fa-{name}" in ICON_LABELS:
            return _marked(ICON_LABELS[f"fa-{name}"])
        # an icon set's sprite name on the <svg> (Artbees' data-name="mk-icon-heart")
        named = _SVG_ICON_NAME.search(el.get("data-name") or "")
        words = _icon_words(named.group(1)) if named else None
        if words:
            return _marked(words)
        for path in el.iter("{*}path", "path"):
            d = " ".join((path.get("d") or "").split())
            for opening, words in HEROICON_LABELS.items():
                if d.startswith(opening):
                    return _marked(words)
            break  # an icon's first path tells it
        return None
    classes = el.get("class")
    if classes and not SCREEN_READER_ONLY.isdisjoint(classes.split()) and not len(el):
        # a label for screen readers only (OpenCms Mercury's "<div class='sr-only'>โดย:</div>"
        # before the author): hidden, but it still says what the value beside it is
        text = collapse(el.text or "")
        return _marked(text) if text and len(text) <= 30 and is_label_alone(text) else None
    if tag not in _ICON_TAGS or len(el):
        return None
    if not classes:
        return None
    tokens = classes.split()
    if not LIGATURE_ICONS.isdisjoint(tokens) or is_ligature_icon(el):
        # Google's Material icons are ligatures: the element's text is the icon's name
        # ("<i class='material-icons'>visibility</i>"); the text itself is never the page's
        words = _icon_words((el.text or "").strip().lower())
        return _marked(words) if words else None
    if (el.text or "").strip():
        return None
    for token in tokens:
        if token in ICON_LABELS:
            return _marked(ICON_LABELS[token])
    # other icon fonts, by the icon's name: a prefixed token ("tp-eye", "ti-calendar", "mdi-account"),
    # or a bare name on an <i> or beside "icon" (Semantic UI's "user icon")
    bare = tag == "i" or "icon" in tokens
    for token in tokens:
        prefixed = _ICON_PREFIX.match(token)
        if prefixed or bare:
            words = _icon_words(token[prefixed.end():] if prefixed else token)
            if words:
                return _marked(words)
    return None


#: An icon font's class prefix ("fa-", "bi-", "ti-", "la-", "mdi-", "icon-", "tp-", ...).
_ICON_PREFIX = re.compile(r"^(?:fa[srlbd]?|bi|glyphicon|dashicons|ti|la[srb]?|mdi|icon|icons|ion|ionicons|tp|uk-icon"
                          r"|feather|ri|bx|bxs|bxl|pe-7s|lnr|icofont|et|gi|ci|fi|fui|flaticon|im|zmdi|typcn|oi|material-icons)[-_]")
_SVG_ICON_NAME = re.compile(r"(?:^|-)(?:icon|moon|li|jupiter-icon)-([a-z-]+)$")
#: An icon's name -> the label it stands for.
_ICON_NAMES = (
    (re.compile(r"^(?:calendar|clock|time|date|schedule|event)(?![a-z])"), "Date:"),
    (re.compile(r"^(?:user|person|author|pencil|pen|account|writer|profile)(?![a-z])"), "by"),
    (re.compile(r"^(?:eye|view|views|visibility|visible|seen)(?![a-z])"), "Views"),
    (re.compile(r"^(?:folder|category|categories)(?![a-z])"), "Category:"),
    (re.compile(r"^(?:tag|tags)(?![a-z])"), "Tags:"),  # (ends a category's value: "📁 ข่าว 🏷 วันแรงงาน")
    (re.compile(r"^(?:comment|comments|chat|bubble|speech)(?![a-z])"), "Comments"),  # (Simple Line Icons' icon-speech)
    (re.compile(r"^(?:heart|love|like|likes|thumbs-up)(?![a-z])"), "Likes"),
)


def _icon_words(name: str) -> str | None:
    name = re.sub(r"^(?:ico|icon|icons)[-_]?", "", name)
    for pattern, words in _ICON_NAMES:
        if pattern.match(name):
            return words
    return None


def is_small(img) -> bool:
    """A picture the page sizes as an icon (32 pixels or less)."""
    for side in (img.get("width"), img.get("height")):
        if side and side.strip().rstrip("px").isdigit() and int(side.strip().rstrip("px")) <= 32:
            return True
    return False


_ICON_WORDS = re.compile(f"{ICON_MARK}([^{ICON_MARK}]*){ICON_MARK}\\s*")


def strip_icons(line: str) -> str:
    """The line without its icons' words (a text's line, as a reader sees it)."""
    return collapse(_ICON_WORDS.sub(" ", line)) if ICON_MARK in line else line


def resolve_icons(line: str) -> str:
    """An icon's label where no label is written after it; nothing where one is."""
    if ICON_MARK not in line:
        return line

    used: set[str] = set()

    def words(m: re.Match) -> str:
        head, labelled = split_labelled(line[m.end():])
        if (not head and labelled) or m.group(1) in used:
            return ""  # a label is written after it, or the line has this label already (🕓 after 📅)
        used.add(m.group(1))
        return f"{m.group(1)} "

    return _ICON_WORDS.sub(words, line).strip()


def _crumbs(el) -> list[str]:
    """The crumbs of a breadcrumb trail: its links, then a last unlinked item."""
    items = el.xpath(".//*[@itemprop='itemListElement']")
    if items:
        # (a divider printed inside each item, "<span class=divider> » </span>", is not its name)
        return [t for t in (clean(element_text(i).strip(" »>›/|\\-")) for i in items) if t]
    out = [t for t in (clean(element_text(a)) for a in el.iter("a")) if t]
    # the last unlinked words, but not the trail's own (hidden) heading, "เส้นทางนำทาง"/"You are here"
    last = el.xpath("(.//text()[normalize-space()][not(ancestor::a)]"
                    "[not(ancestor::h1 or ancestor::h2 or ancestor::h3 or ancestor::h4)])[last()]")
    links = el.xpath("(.//a)[last()]")
    if last and links:
        order = {node: i for i, node in enumerate(el.iter())}
        if order.get(last[-1].getparent(), -1) < order[links[0]]:
            last = []  # (words before the links: a site's name above its menu, not the trail's end)
    if last:
        tail = clean(str(last[-1]).strip().lstrip(">»›/|\\-").strip())
        if tail and not _SEPARATORS.match(tail) and tail not in out:
            out.append(tail)
    return out


def _category_of(crumbs: list[str], title: str | None, marked: bool = False) -> str | None:
    """The crumb before the article's: in a trail from home, or (``marked``: breadcrumb markup)
    in one that ends with the article's own crumb (Moodle starts at the course or forum) or with
    a generic one standing for it ("รายละเอียดข่าว", its home crumb an icon with no words)."""
    if len(crumbs) < 2:
        return None
    home = bool(_HOME_WORDS.match(crumbs[0]))
    if not home and not (marked and (crumbs[-1] == title or _is_title_crumb(crumbs[-1], title) or _GENERIC_CRUMB.match(crumbs[-1]))):
        return None
    middle = [c for c in crumbs[1 if home else 0:] if c != title and not _GENERIC_CRUMB.match(c) and not _is_title_crumb(c, title)]
    return middle[-1] if middle else None


def _is_section_crumb(crumb: str, title: str | None) -> bool:
    """A last crumb that names a section, not the article: short, not its title or a part of it,
    not a generic "รายละเอียดข่าว"."""
    return (len(crumb) <= 40 and sum(ch.isalpha() for ch in crumb) >= 2 and not _GENERIC_CRUMB.match(crumb) and not _is_title_crumb(crumb, title)
            and not (title and (crumb in title or title in crumb)))


def _is_title_crumb(crumb: str, title: str | None) -> bool:
    """The article's own crumb: its title, whole or cut short ("สสค.ร้อยเอ็ด รณรงค์ป้องกัน...")."""
    if not title or len(crumb) <= 20:
        return False
    cut = crumb.rstrip(".…").rstrip()
    return crumb in title or title in crumb or (cut != crumb and len(cut) > 20 and title.startswith(cut))


def _separated(el) -> bool:
    """Between the trail's links stand only separators (">", "»", "/")."""
    texts = [el.text or ""] + [child.tail or "" for child in el if child.tag == "a"][:-1]
    return all(_SEPARATORS.match(t) for t in texts)



def _may_have_breadcrumbs(html: str) -> bool:
    """Whether the page's source names a breadcrumb's markup at all (a few substring tests on the
    source cost a tenth of the XPath over every attribute they spare)."""
    return "rumb" in html or "RUMB" in html or "pathway" in html


def _may_have_unlinked_home(html: str) -> bool:
    """``_UNLINKED_HOME`` in the page's source, tried only where its words are: most pages name
    home only in their menu's links, and the pattern's search of every character costs twice the
    substring scans."""
    for word in ("หน้าหลัก", "หน้าแรก", "Home"):
        at = html.find(word)
        while at >= 0:
            if _UNLINKED_HOME.match(html, at):
                return True
            at = html.find(word, at + 1)
    return False


def is_home_link_text(text: str) -> bool:
    """A link's words that lead home: "หน้าแรก", "หน้าหลัก", "Home"."""
    return bool(_HOME_WORDS.match(text))


def breadcrumb_category(doc, title: str | None, html: str | None = None) -> str | None:
    """The category of the article: the last breadcrumb before the article itself (``html``:
    the page's source, when at hand, spares the markup's search on pages that cannot have it)."""
    for el in _BREADCRUMBS(doc) if html is None or _may_have_breadcrumbs(html) else ():
        if el.tag == "a" and el.getparent() is not None:
            el = el.getparent()  # each crumb a link of that class (Materialize): the trail is their block
        crumbs = _crumbs(el)
        if crumbs:
            return _category_of(crumbs, title, marked=True)
    # a trail told by what it says: the blocks around a link home ("หน้าแรก", "Home")
    for a in _HOME_LINK_CANDIDATES(doc):
        if not _HOME_WORDS.match(collapse(element_text(a))):
            continue
        for level, el in enumerate(a.iterancestors()):
            if level >= 3 or el.tag in ("body", "html"):
                break
            text = collapse(element_text(el))
            if len(text) > _TRAIL_MAX:
                break  # (its ancestors hold all of it: none is a trail)
            found = _trail_category(el, title, text)
            if found:
                return found
            if is_trail(text) and len([p for p in _TRAIL_SPLIT.split(text) if p]) >= 3:
                break  # a whole line of links from home, judged: a menu ("หน้าหลัก | เกี่ยวกับกรม | ...")
    for el in _HOME_TEXT_CANDIDATES(doc) if html is None or _may_have_unlinked_home(html) else ():
        text = collapse(element_text(el))
        if el.tag not in ("a", "body", "html") and el.find(".//a") is not None and _TRAIL_ARROW.search(text):
            found = _trail_category(el, title, text)  # (arrows only: "หน้าหลัก | ..." is a menu)
            if found:
                return found
    return _list_trail(doc, title) or _titled_trail(doc, title, html)


#: A block of links whose own text holds a trail's arrow ("ข่าวสาร &gt; <a>ข่าวกิจกรรม</a> &gt; title").
_ARROWED_LINKS = etree.XPath("//*[a][text()[contains(., '>') or contains(., '»') or contains(., '›')]]")


def _titled_trail(doc, title: str | None, html: str | None = None):
    """A trail told by its shape, with no home crumb: links parted by arrows, ending with the
    article's own title unlinked (XOOPS SmartSection's "ข่าวสาร > ข่าวกิจกรรม > title", the
    module's name first). (``html``: the page's source; a trail needs the title's first words there.)"""
    if not title or html is not None and title[:12] not in html:
        return None
    for el in _ARROWED_LINKS(doc):
        links = [collapse(element_text(a)) for a in el.iter("a")]
        crumbs = [c for c in _TRAIL_SPLIT.split(collapse(element_text(el))) if c]
        if 2 <= len(crumbs) <= 6 and crumbs[:-1] == links and (crumbs[-1] == title or _is_title_crumb(crumbs[-1], title)):
            return _category_of(crumbs, title, marked=True)
    return None


def _list_trail(doc, title: str | None):
    """A trail told by its shape: a short list of single links ending with the article's own
    title, unlinked (Moodle's starts at the forum, with no home crumb)."""
    if not title:
        return None
    for lst in doc.iter("ol", "ul"):
        items = [li for li in lst if li.tag == "li"]
        if lst.tag == "ol" and 2 <= len(items) <= 5 and all(len(li.findall(".//a")) == 1 for li in items):
            # an ordered list of links from home, none of them the article (Bootstrap's breadcrumb
            # <ol> in a Drupal title band, its class gone): a trail; a menu is a <ul>
            crumbs = [clean(element_text(li)) or "" for li in items]
            if _HOME_WORDS.match(crumbs[0]):
                return _category_of(crumbs, title, marked=True)
            continue
        if not 2 <= len(items) <= 8 or items[-1].find(".//a") is not None:
            continue
        last = clean(element_text(items[-1]))
        if last != title and not _is_title_crumb(last or "", title):
            continue
        links = [li.findall(".//a") for li in items[:-1]]
        if all(len(a) == 1 for a in links):
            return _category_of([clean(element_text(a[0])) or "" for a in links] + [last], title, marked=True)
    return None


#: The longest text a trail told by what it says can have.
_TRAIL_MAX = 300
_TRAIL_ARROW = re.compile(r"\s[>»›]{1,2}(?:\s|$)")


def _trail_category(el, title: str | None, text: str) -> str | None:
    """A trail told by what it says: "หน้าแรก > หมวด > (the article, or "รายละเอียดข่าว")", its
    crumbs linked but the last; the category is the last linked crumb that is not the article.
    ``text``: the element's text, collapsed."""
    if len(text) > _TRAIL_MAX:
        return None
    if not is_trail(text):
        # separated by pictures (Joomla 1.5's arrow.png): home first, the article's title last
        links = list(el.iter("a"))
        if not links or not _HOME_WORDS.match(collapse(element_text(links[0]))) or len(links) > 6:
            return None
        crumbs = _crumbs(el)
        # (or with a generic crumb standing for it: "รายละเอียดข่าว", a list trail's last item)
        ends_with_article = title and (crumbs[-1] == title or (len(crumbs[-1]) >= 8 and crumbs[-1] in title)) \
            or bool(_GENERIC_CRUMB.match(crumbs[-1]))
        if len(crumbs) >= 3 and ends_with_article and len(links) == len(crumbs) - 1 and _separated(el):
            return _category_of(crumbs, title)
        if len(crumbs) == 2 and len(links) == 1 and not ends_with_article and _is_section_crumb(crumbs[1], title):
            return crumbs[1]  # "Home → ข่าวประชาสัมพันธ์": a trail that stops at the section, unlinked
        return None
    parts = [p for p in _TRAIL_SPLIT.split(text) if p]
    linked = {collapse(element_text(a)) for a in el.iter("a")}
    if len(parts) == 2 and _TRAIL_ARROW.search(text) and parts[-1] in linked and parts[-1] != title:
        # "หน้าแรก > ข่าวประชาสัมพันธ์ (>)": the article's own crumb left off (Google Sites, a PHP
        # page's trail); arrows only ("หน้าแรก | ติดต่อเรา" is a menu)
        return parts[-1]
    if len(parts) < 3 or parts[-1] in linked and parts[-1] != title:
        return None
    for part in reversed(parts[1:]):
        if part in linked and part != title and not (title and len(part) > 20 and (part in title or title in part)):
            return part
    return None
