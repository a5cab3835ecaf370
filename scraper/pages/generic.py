"""The generic article page: every field from what the page says, with no class or id names.

Signals, in the order each field tries them:

* **body**: microdata ``articleBody``; else the block of prose found by text density
  (readability's scoring: each paragraph of prose credits its parent and grandparent, links
  discount it; the best block's siblings of comparable prose join it);
* **title**: microdata ``headline``; else the nearest element above the body that is a heading or
  that the page's ``<title>``/OpenGraph title agrees with; else ``og:title``; else ``<title>``;
* **dates, author, hits, category**: microdata, ``<time datetime>``, ``article:*_time`` meta, then
  the labelled info lines between the title and the body and just below the body (every Thai
  and English label of :mod:`scraper.parsers.labels`), breadcrumbs for the category;
* **attachments, images**: document links and images of the article, wherever they sit.

Documented plugin markup (WordPress Post Views Counter, WP-PostViews, Joomla's breadcrumbs and
visitors counter) is recognized by its published names in :mod:`scraper.pages.plugins`.
Layout families (:mod:`scraper.pages.joomla3` ...) subclass this and override only the hooks
their markup states precisely; whatever they cannot find falls back to this class's answer.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cached_property, wraps
from urllib.parse import urljoin, urlsplit

from lxml import etree
from w3lib.url import canonicalize_url
from web_poet import WebPage, field

from scraper.pages import plugins
from scraper.parsers import fields
from scraper.parsers.decode import decode_html
from scraper.parsers.errors import ExtractionError, NotAnArticle
from scraper.parsers.html import attribute_values, check_complete, parse_html, tagged
from scraper.parsers.labels import COMMENT_WORDS, is_label_alone, split_labelled
from scraper.parsers.text import clean, collapse, element_text, paragraphs

#: Semantic containers that never hold the article's own text.
NOISE_TAGS = frozenset(("nav", "aside", "footer", "form", "script", "style", "noscript", "template"))
NOISE_ROLES = frozenset(("navigation", "complementary", "contentinfo", "search", "banner"))
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
#: Elements whose text belongs to the paragraph around them.
INLINE_TAGS = frozenset("a span b strong i em u font small big sub sup abbr cite code mark label q s strike time".split())
#: Paragraph elements: their prose credits the block that holds them.
PARAGRAPH_TAGS = frozenset(("p", "li", "dd", "dt", "pre", "blockquote", "h4", "h5", "h6", "figcaption", "center"))
#: A text run shorter than this is not prose (labels, counters, menu words).
MIN_PROSE = 25
#: Info lines are short; a longer line is text even when a label word occurs in it.
MAX_INFO_LINE = 160
#: A title that is not a heading element is at least this long (a cell or bold line of a few
#: characters is a label or a button).
MIN_TITLE = 15
#: How many short lines below the body are read as info lines (a meta line moved below the text).
LINES_BELOW_BODY = 8

_BODY_MARK = "\x00body"
_ARTICLE_BODY = etree.XPath("//*[@itemprop='articleBody'][not(ancestor::*[@itemprop='blogPost'])]")
_HEADLINE = etree.XPath("//*[@itemprop='headline' or @itemprop='name'][ancestor::*[@itemscope][1]"
                        "[contains(@itemtype, 'Article') or contains(@itemtype, 'BlogPosting')"
                        " or contains(@itemtype, 'CreativeWork')]]"
                        "[not(self::meta)][not(ancestor::*[@itemprop='blogPost'])]")
_MICRODATA = etree.XPath("//@itemprop/..")  # (from the attributes, in C: a third of //*[@itemprop]'s cost)


# The page's head tags and <time> elements, by lxml's tag walk (see ``tagged``): a few us each,
# where an XPath call costs 20-30.
def _meta_titles(doc) -> list[str]:
    """``//meta[@property='og:title' or @name='twitter:title' or @name='title']/@content``"""
    return attribute_values(tagged(doc, "meta", lambda el: el.get("property") == "og:title"
                                   or el.get("name") in ("twitter:title", "title")), "content")


def _meta_authors(doc) -> list[str]:
    """``//meta[@name='author']/@content``"""
    return attribute_values(tagged(doc, "meta", lambda el: el.get("name") == "author"), "content")


def _time_elements(doc) -> list:
    """``//time[@datetime][not(@itemprop)]``"""
    return tagged(doc, "time", lambda el: el.get("datetime") is not None and el.get("itemprop") is None)


#: OpenGraph's article times, and the "og:"-prefixed names some generators print (Beautiful Jekyll,
#: Hugo themes: "og:article:published_time").
_HEAD_DATE_NAMES = frozenset(("article:published_time", "article:modified_time",
                              "og:article:published_time", "og:article:modified_time"))


def _head_dates(doc) -> list:
    """``//meta[@property='article:published_time' or @property='article:modified_time'
    or @name='article:published_time']`` (or their "og:" names)"""
    return tagged(doc, "meta", lambda el: el.get("property") in _HEAD_DATE_NAMES or el.get("name") == "article:published_time")


#: RDFa's creation date of the page's node (Drupal 7's submitted line: ``property="dc:date
#: dc:created"``), not a meta tag's in the head, nor a date field's (``property="dc:date"`` alone,
#: a date with no time of day).
_RDFA_DATES = etree.XPath(".//*[@content][not(self::meta)][contains(concat(' ', normalize-space(@property), ' '), ' dc:created ')]")
_CATEGORY_LINKS = etree.XPath(".//a[contains(concat(' ', normalize-space(@rel), ' '), ' category ')]")
#: Links to an author's, a category's or a tag's archive page.
_ARCHIVE_LINKS = etree.XPath(
    ".//a[re:test(@href, '/(?:author|categor(?:y|ies)|tags?)/[^/?#]+/?$|[?&](?:author|cat|tag)=[^&]+$', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
#: Category archive links by their permalink: WordPress ``/category/<slug>/`` and ``?cat=N``,
#: EasyBlog ``/blog/categories/<slug>``, K2 ``/itemlist/category/N-<slug>`` (not Drupal's
#: ``/taxonomy/term/N``: tags and categories alike).
_CATEGORY_ARCHIVE_LINKS = etree.XPath(
    # WordPress, K2, custom PHP; Joomla's non-SEF category view (not Drupal's taxonomy terms or
    # Blogger's labels: a post's one term or label is its category, several are tags, _TERM_LINKS)
    ".//a[re:test(@href, '/categor(?:y|ies)/[^/?#]+/?$|[?&]cat=\\d+$|/itemlist/category/\\d+"
    "|[?&](?:view=category|task=(?:blog)?category)(?:&|$)', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
_MICRODATA_KIND = {"datePublished": "published", "dateCreated": "created", "dateModified": "modified"}
_READ_MORE = re.compile(r"^\s*(อ่านเพิ่มเติม|อ่านต่อ|อ่านรายละเอียด|รายละเอียดเพิ่มเติม|Read more|Read on|more)\b", re.I)
#: Author archive links: rel="author" (HTML), WordPress ``/author/<name>/`` and ``?author=``,
#: K2's ``/itemlist/user/<id>-<name>``.
_AUTHOR_LINKS = etree.XPath(
    ".//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')"
    " or re:test(@href, '/author/[^/?#]+/?$|[?&]author=\\d+$|/itemlist/user/\\d+', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
#: Visitor statistics: "วันนี้ 57 | เดือนนี้ 1,842 | ทั้งหมด 96,310".
_STATS_LINE = re.compile(r"^(?:[^\d๐-๙|]{1,20}\s*[\d๐-๙][\d๐-๙,]*\s*(?:คน|ครั้ง)?\s*[|/,]?\s*){2,}$")
_PROSE_LIKE = re.compile(r"[.!?。:;]\s*$|\s\S+\s\S+\s\S+\s")
#: ``<article>`` elements outside sidebars: a listing shows several, each headed by a link to it.
_ENTRIES = etree.XPath("//article[not(ancestor::aside or ancestor::nav or ancestor::footer)]")
_LINKED_ITEMS = etree.XPath(".//li[.//a]")
#: What a name reads like in an office's info line: a person's title, a unit of the office, a
#: site's admin account ("นางสาว…", "ฝ่ายบริหารงานทั่วไป", "กลุ่มงานสวัสดิการแรงงาน", "admin").
_NAME_LIKE = re.compile(r"^(?:นาย|นาง|นางสาว|น\.ส\.|ว่าที่|ดร\.|ฝ่าย|กลุ่มงาน|กลุ่ม|งาน(?!วัน)|ส่วน|สำนักงาน|ศูนย์|สสค\.|สรจ\.|เจ้าหน้าที่"
                        r"|admin|administrator|webmaster|ผู้ดูแลระบบ|Super\s+User"
                        r"|[a-z][a-z0-9]*_[a-z0-9_]+$)", re.IGNORECASE)  # (an account: "surin_pr")
#: What a news section's name reads like ("ข่าวกิจกรรม", "ข่าวประชาสัมพันธ์", "ประกาศจัดซื้อจัดจ้าง").
#: A count ending an info item: with its unit ("1,234 ครั้ง"), or of three digits or more ("1,043";
#: a number of one or two is a unit's own: "ฝ่ายประชาสัมพันธ์ พื้นที่ 4", Bangkok's area offices).
_TRAILING_COUNT = re.compile(r"\s+(?:[\d๐-๙][\d๐-๙,]*\s*(?:ครั้ง|views?|hits?|reads?)|[\d๐-๙]{1,3}(?:,[\d๐-๙]{3})+|[\d๐-๙]{3,})\s*$",
                             re.IGNORECASE)
#: The date's time opening the rest of its line ("09:41:27 งานคุ้มครองแรงงาน").
_LEADING_CLOCK = re.compile(r"^\s*(?:เวลา\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:น\.)?")
#: A word that takes a number after it: the number is the word's, not a count ("ข่าวที่ 12").
_NUMBERED = re.compile(r"(?:ที่|ฉบับ|No\.?|เลข)\s*$", re.IGNORECASE)
#: A site's account name, digits and all ("admin01", "pr_area4").
_ACCOUNT = re.compile(r"^(?:admin|webmaster|pr)[a-z0-9_.-]*$|^[a-z][a-z0-9]*_[a-z0-9_]+$", re.IGNORECASE)
#: A count of one or two digits ending a name beside the date ("งานประชาสัมพันธ์ 87").
#: A count alone on its line, of two digits or more ("412", "1,024"): a counter whose icon is gone.
_LONE_COUNT = re.compile(r"^[\d๐-๙]{1,3}(?:,[\d๐-๙]{3})+$|^[\d๐-๙]{2,}$")
_SMALL_COUNT = re.compile(r"\s+[\d๐-๙]{1,2}$")
_A_YEAR = re.compile(r"^(?:19|20|25)\d\d$")
#: A unit's own number ending its name: Bangkok's area offices ("ฝ่ายประชาสัมพันธ์ พื้นที่ 4",
#: "เจ้าหน้าที่ประชาสัมพันธ์ สรพ.2").
_UNIT_NUMBER = re.compile(r"(?:พื้นที่|เขต|area) ?[\d๐-๙]{1,2}$|(?:^|(?<=\s))สรพ\. ?[\d๐-๙]{1,2}$", re.IGNORECASE)
#: Separators between the items of an info line, and a count between two of them, their icons
#: gone ("ฝ่ายบริหารงานทั่วไป 1,204 ข่าวประชาสัมพันธ์").
_ITEM_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s+(?:[\d๐-๙]{1,3}(?:,[\d๐-๙]{3})+|[\d๐-๙]{3,})\s+")
#: A word joining a byline's link to the category's: "in", "ใน".
_LINK_JOINER = re.compile(r"^(?:ใน|in|[|·•])\s+", re.IGNORECASE)
#: A trail's caption ("คุณอยู่ที่: หน้าแรก <img> ข่าวประชาสัมพันธ์ <img> …", its arrows pictures).
_YOU_ARE_HERE = re.compile(r"^\s*(?:คุณอยู่ที่|ตำแหน่งปัจจุบัน|You\s+are\s+here)\s*:", re.IGNORECASE)
_PAGE_ITEM = re.compile(r"^(?:[«»‹›<>]+|\d{1,3}|เริ่มต้น|ก่อนหน้า|ถัดไป|สุดท้าย|หน้าแรก|หน้าสุดท้าย|Start|First|Prev(?:ious)?|Next|End|Last)$",
                        re.IGNORECASE)
_COMMENTS_ANCHOR = re.compile(r"^#(?:comments?|respond|disqus_thread|reply)", re.IGNORECASE)
_LOGO = re.compile(r"logo[^/]*$", re.IGNORECASE)
_SECTION_AFTER = re.compile(r"(?<=[\d๐-๙])\s+(?:ข่าว|ประกาศ|กิจกรรม|บทความ)\S*\s*$")
_SECTION_LIKE = re.compile(r"^(?:ข่าว|ประกาศ|กิจกรรม|บทความ)\S*$")
_AUTHOR_HREF = re.compile(r"/authors?/|[?&]author=|rel=author|^#author|profile\.php\?lookup=|/user/\d+/?$", re.IGNORECASE)  # (Drupal's /user/5)
_COMMENTS_CAPTION = re.compile(rf"{COMMENT_WORDS}|Responses?", re.IGNORECASE)
_AVATAR_WORDS = re.compile(r"^\s*(?:avatar\s+(?:of|for)|รูปประจำตัว(?:ของ)?|รูปโปรไฟล์(?:ของ)?)\s+|\s*(?:'s)?\s+avatar\s*$",
                           re.IGNORECASE)
_AUTHOR_CAPTION = re.compile(r"^(?:About\s+(?:the\s+)?Author|เกี่ยวกับผู้เขียน)\s*:?$", re.IGNORECASE)
#: A subject's label, alone in its cell or its bold words ("เรื่อง :", "หัวข้อ :", "Subject:").
_SUBJECT_LABEL = re.compile(r"^(?:เรื่อง|หัวข้อ(?:ข่าว)?|Subject|Topic)\s*[:：]$", re.IGNORECASE)
_SUBJECT_HOLDERS = etree.XPath("//td[string-length(normalize-space()) < 16] | //th[string-length(normalize-space()) < 16]"
                               " | //b[string-length(normalize-space()) < 16] | //strong[string-length(normalize-space()) < 16]"
                               " | //label[string-length(normalize-space()) < 16]")
_PREVIOUS_NEXT = re.compile(r"^[\s«‹<]*(?:ข่าว|เรื่อง)?(?:ก่อนหน้า|ถัดไป)(?:นี้)?[\s»›>:]*$|^[\s«‹<]*(?:Previous|Prev|Next)(?:\s+(?:post|article|news))?[\s»›>:]*$",
                            re.IGNORECASE)
_SHORT_CELL = etree.XPath("string-length(normalize-space()) <= 20")
_AFTER_BANNER = etree.XPath("boolean(preceding::*[@role='banner'])")
_ARTICLE_TYPE = re.compile(r"schema\.org/(?:Article|NewsArticle|BlogPosting|CreativeWork|Report|WebPage)\b")
_COMMENT_TYPE = re.compile(r"schema\.org/(?:Comment|Review|Answer|Question)\b")
_COLUMN_HEADINGS = etree.XPath("boolean(.//tr[count(th) >= 2])")  # a table of columns, not a module's one heading
_HEADINGS = etree.XPath("//body//*[self::h1 or self::h2 or self::h3 or self::h4]")
_CLASSES = etree.XPath("//@class", smart_strings=False)
_ITEMPROPS = etree.XPath("//@itemprop", smart_strings=False)
_BLOG_POSTS = etree.XPath('//@itemprop[. = "blogPost"]/..')
_FIRST_ARTICLE_TAG = etree.XPath("/html/head/meta[@property='article:tag'][1]/@content")
#: Links to a label's or a term's page: Blogger's label archive ("/search/label/ข่าวกิจกรรม"),
#: Drupal's taxonomy terms ("/taxonomy/term/4"), these systems' only ways to file a post.
_TERM_LINKS = etree.XPath(".//a[contains(@href, '/search/label/') or contains(@href, '/taxonomy/term/')]")


def _linked_headings(scope) -> list:
    """The headings h1-h6 in ``scope`` holding a link, in document order (lxml's tag iterator
    finds the headings in C; an XPath ``self::`` test of every element cost ten times more)."""
    return [h for h in scope.iter(*HEADING_TAGS) if h.find(".//a[@href]") is not None]


def _has_own_linked_heading(entry, to_article=lambda el: True) -> bool:
    """The entry is headed by a link to another article (a teaser of a listing), not only holding
    teasers of others (a post with its related posts nested inside it); a heading linked to this
    very page (Artisteer's post title) or to an author's page (an author box) is no teaser's."""
    for heading in _linked_headings(entry):
        owner = next((a for a in heading.iterancestors("article")), None)
        if owner is entry and to_article(heading):
            return True
    return False
_ARCHIVE_PATH = re.compile(r"/(?:authors?|category|categories|tag|tags)/|/tag:", re.IGNORECASE)  # (Kirby's "notes/tag:MOU"; Publii's /authors/)
#: A site search's results: Joomla's com_search and com_finder, WordPress's "?s=", a search path.
_SEARCH_QUERY = re.compile(r"(?:^|&)(?:option=com_(?:search|finder)|searchword=|s=[^&]|view=search(?:&|$))")
_SEARCH_PATH = re.compile(r"/(?:search|ค้นหา)(?:\.php|\.aspx?|\.html?)?/?$", re.IGNORECASE)
#: Joomla's and K2's list views, by their non-SEF address: a section's, a category's, the archive
#: (Joomla 1.5-3's "view=category", Joomla 1.0's "task=blogcategory", K2's "view=itemlist").
_LIST_VIEW = re.compile(r"(?:^|&)(?:view=(?:section|category|categories|archive|itemlist)"
                        r"|task=(?:section|category|blogsection|blogcategory|archivecategory|archivesection))(?:&|$)")
#: A webboard's thread, by the address its software gives it: MyBB's and vBulletin's
#: showthread.php, phpBB's viewtopic.php, Discuz's viewthread.php, SMF's "index.php?topic=87.0".
_FORUM_THREAD = re.compile(r"/(?:showthread|viewtopic|viewthread|showtopic)\.php$", re.IGNORECASE)
#: (SMF's "topic=12.0"; Atomymaxsite's webboard module: "name=webboard&file=read", its news being
#: "name=news"; a vendor's "/webboard/" path may hold the news board: not told by its path)
_FORUM_TOPIC = re.compile(r"(?:^|&)(?:topic=\d+(?:\.\d+)?|name=webboard)(?:&|$)")
_HOME_PATH = re.compile(r"^/?(?:index\.(?:php|html?))?/?$")
#: A member's profile: PHP-Nuke's and PostNuke's "user.php?op=userinfo&uname=…", Drupal's "/user/5".
_MEMBER_QUERY = re.compile(r"(?:^|&)op=userinfo(?:&|$)")
_MEMBER_PATH = re.compile(r"^/user/\d+/?$")
#: The page of one member's posts: Drupal's blog module titles it "บล็อกของ <name>" ("<name>'s blog").
_AUTHORS_BLOG = re.compile(r"^\s*(?:บล็อกของ\s*\S+|\S+'s\s+blog)\s*$", re.IGNORECASE)


#: is_noise's answers for the page being read: every element is asked about many times (each
#: walk of the page, and in_noise for each of its descendants). Emptied when a page is parsed
#: (``ArticlePage.doc``) and when it grows large; an element's answer depends on its page only,
#: which is never changed, so a stale entry can only be one of a page no longer read.
_NOISE_MEMO: dict = {}


def is_noise(el) -> bool:
    """Navigation, sidebars, footers and forms, told by their HTML semantics or a documented plugin."""
    judged = _NOISE_MEMO.get(el)
    if judged is None:
        if len(_NOISE_MEMO) > 20000:
            _NOISE_MEMO.clear()
        judged = _NOISE_MEMO[el] = _is_noise(el)
    return judged


def _is_noise(el) -> bool:
    if el.tag in NOISE_TAGS:
        if el.tag == "form":
            return not _is_page_form(el)
        # A footer inside an <article> is that article's footer (its categories, tags, views):
        # HTML scopes a footer to its nearest sectioning ancestor. An aside there that labels the
        # article's info (a meta column: "ผู้เขียน …", "เปิดอ่าน … ครั้ง") is the article's too.
        if el.tag == "footer":
            return not any(a.tag == "article" for a in el.iterancestors())
        return el.tag != "aside" or not _is_info_aside(el)
    if el.tag == "table" and (is_files_table(el) or _is_contents_table(el)):
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True  # hidden from the reader ("visibility:hidden": BlogEngine's rating data)
    if el.tag == "a" and _COMMENTS_ANCHOR.match(el.get("href") or "") and _ONLY_COUNTS.match(clean(element_text(el)) or ""):
        return True  # a comment count linked to the comments below ("<a href='#comments'>0</a>", its icon gone)
    role = el.get("role")
    if role and role in NOISE_ROLES:
        # a second "banner" after the site's header is the post's hero band (Kadence's title above
        # the content), not the site's
        return role != "banner" or not _AFTER_BANNER(el)
    if el.tag in ("div", "section", "dl"):  # (tt_news prints its related and files boxes as <dl>s)
        if el.get("itemprop") == "author" and el.get("itemscope") is not None and _text_len(el) > 80:
            return True  # the author's box (a Person item: name, picture, biography; Simple Author Box)
        first, picture = _first_words(el)
        if first is not None and (_is_link_box(el, first, picture) or _is_files_box(el, first)
                                  or _is_related_box(el, first, picture) or _is_tags_box(el, first)
                                  or _is_author_box(el, first) or _is_post_navigation(el, first)
                                  or (picture or first.tag == "a" and first.find(".//img") is not None) and _is_bio_box(el)):
            return True
    elif el.tag in ("ul", "ol"):
        first, _ = _first_words(el)  # (the post navigation as a list: Eleventy's "links-nextprev")
        if first is not None and (_is_post_navigation(el, first) or _is_trail_list(el, first) or _is_pagination(el)
                                  or _is_tags_box(el, first) or _is_arrow_pager(el)):
            return True
    return plugins.is_plugin_noise(el)


def _is_bio_box(el) -> bool:
    """The author's box under the text with no caption (Shapely's "author-bio"): an avatar first,
    the name, and a short biography, no date. A byline with an avatar has no such paragraph."""
    length = _text_len(el)
    if not 40 <= length <= 400:
        return False
    avatar = next((img for img in el.iter("img") if fields.is_avatar(img.get("src") or "")), None)
    if avatar is None:
        return False
    lines = paragraphs(el)
    long = [line for line in lines if len(line) >= 40]
    return 2 <= len(lines) <= 3 and len(long) == 1 and lines[0] is not long[0] \
        and not fields.find_date(" ".join(lines)).matched


def _is_author_box(el, first) -> bool:
    """A box about the author under its caption ("ผู้เขียน", "About the author": PublishPress
    Authors, a theme's author bio) with a link to the author's page: the byline's, not the text."""
    if first.tag not in HEADING_TAGS or first.tag == "h1":
        return False
    caption = clean(element_text(first)) or ""
    if not (_AUTHOR_CAPTION.match(caption) or len(caption) <= 20 and is_label_alone(caption)
            and split_labelled(caption)[1][0].kind == "author"):
        return False
    if _text_len(el) - len(caption) < 80:
        return False  # a caption and a name: the byline itself (DNN Blog's "Written by" box)
    return any(a.get("rel") == "author" or "/author/" in (a.get("href") or "") for a in el.iter("a"))


def _first_words(el) -> tuple[object, bool]:
    """The first element of ``el`` with words of its own (or a link), and whether a picture came
    before it: what a box opens with. One walk for the three kinds of boxes below (is_noise asks
    about every block of a page)."""
    picture = False
    for node in el.iter():
        if node is el or not isinstance(node.tag, str):
            continue
        if node.tag == "img":
            picture = True
        elif (node.text or "").strip() or node.tag == "a":
            return node, picture
    return None, picture


def _is_link_box(el, first, picture: bool) -> bool:
    """A box of links under its own heading (a table of contents, a "latest news" module): the
    first words (``_first_words``) are a heading and nearly all the rest is links."""
    if picture:  # a picture first: the article's (its sharing box may follow)
        return False
    if first.tag not in HEADING_TAGS or first.tag == "h1":  # an h1 heads the page's article
        return False
    if len(_LINKED_ITEMS(el)) < 2:  # a list of links, not a title's meta line of links
        return False
    rest = _text_len(el) - len(element_text(first).strip())
    return rest > 0 and _link_len(el) >= 0.8 * rest


def _topic_prefix(title_el, text: str) -> tuple[str, str] | None:
    """``(topic, title)`` of a title line that starts with its topic's link and a colon (XOOPS's
    news: "<a>ข่าวประชาสัมพันธ์</a>: สสค.สงขลา ตรวจ..."): the topic is the category."""
    a = title_el.find(".//a")
    topic = clean(element_text(a)) if a is not None else None
    if not topic or len(topic) > 40 or not text.startswith(topic):
        return None
    rest = text[len(topic):].lstrip()
    if not rest.startswith(":"):
        return None
    rest = rest[1:].strip()
    return (topic, rest) if len(rest) >= MIN_TITLE else None


def _modules_alike(parent, chosen: list) -> list:
    """A text cut into a page builder's modules (Beaver Builder, Elementor, WPBakery: text,
    heading, photo modules side by side): when the blocks of prose found share a class, every
    sibling of that class from the first on (a heading module, a photo with its caption) is the
    text's too, up to the first sibling that is not one of them."""
    if len(chosen) < 2:
        return chosen
    common = set((chosen[0].get("class") or "").split())
    for el in chosen[1:]:
        if el.tag != chosen[0].tag:
            return chosen
        common &= set((el.get("class") or "").split())
    if not common:
        return chosen
    out, started = [], False
    for sibling in parent:
        if sibling is chosen[0]:
            started = True
        if not started or not isinstance(sibling.tag, str):
            continue
        alike = sibling.tag == chosen[0].tag and not common.isdisjoint((sibling.get("class") or "").split())
        if not alike or is_noise(sibling) or _link_len(sibling) >= 0.5 * max(_text_len(sibling), 1):
            break
        out.append(sibling)
    # every block found by its prose stays, whatever stood between
    return out if all(any(el is o for o in out) for el in chosen) else chosen


#: A reading time ("2 min read", "อ่าน 1 นาที") or a relative date ("3 วัน ago", "2 วันที่แล้ว"):
#: words of an info line, never of a title.
_READ_OR_AGO = re.compile(r"[\d๐-๙]+\s*(?:min(?:ute)?s?\s+read\b|นาที(?:ในการอ่าน)?$)|อ่าน\s*[\d๐-๙]+\s*นาที"
                          r"|[\d๐-๙]+\s*(?:วินาที|นาที|ชั่วโมง|ชม\.|วัน|สัปดาห์|เดือน|ปี)(?:ที่)?\s*(?:แล้ว|ago\b)"
                          r"|\d+\s+(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?)\s+ago\b", re.I)
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:;|!|$)", re.I)
#: WordPress's plain-permalink archives: "?cat=3", "?tag=…", "?author=2".
_QUERY_ARCHIVE = re.compile(r"[?&](?:cat|tag|author|m|s|paged)=", re.I)
_CATEGORY_PATH = re.compile(r"/categor(?:y|ies)/", re.I)
#: "ข้อมูล ณ วันที่ 30 มิถุนายน 2564": the date a text's figures hold for, a line of the text
#: (under its table), not the article's info line, though it is read as no publication date.
_AS_OF = re.compile(r"^\s*(?:ข้อมูล\s*ณ|As\s+of)\b", re.I)
#: "ประกาศ ณ วันที่ 5 พฤศจิกายน 2553": an announcement's own dating line ("announced on"), typed
#: as its first or last line; a line of its text, though its date is the article's.
_ANNOUNCED_ON = re.compile(r"^\s*ประกาศ\s*ณ\s*วันที่")
_DIGIT = re.compile(r"[\d๐-๙]")
#: A link back to a list ("← ข่าวทั้งหมด", "ดูทั้งหมด", "View all"): not a category's name.
#: A text block's siblings that are never more of its text: headings, and a table's head, foot
#: and caption around its body (a PHP page's news table: the title in <thead>, the info in <tfoot>).
_NOT_PROSE_SIBLINGS = frozenset(HEADING_TAGS) | {"thead", "tfoot", "caption"}
#: A link to an author's archive that says so, not who: "เรื่องทั้งหมดของผู้เขียน", "View all posts by".
_GROUP_TRAIL_SPLIT = re.compile(r"\s*(?:>>|»|›|>)\s*")
_RDFA_SECTION = etree.XPath("//body//*[@property='articleSection']")
_ALL_POSTS_OF = re.compile(r"ทั้งหมดของ|^(?:View|See)\s+all\b|^All\s+posts\b|^(?:More\s+)?posts(?:\s+by\b|\s*$)|^More\s+(?:from|by)\b", re.I)
_SEE_ALL = re.compile(r"^[←→«»‹›<>]|ทั้งหมด\s*$|^(?:View|See)\s+all\b", re.I)


def _is_post_navigation(el, first) -> bool:
    """One or two links to other posts, with no words but "ก่อนหน้า"/"ถัดไป" (Previous/Next)
    around them: the post navigation under the text (Concrete CMS's next-previous block). It
    opens with such a word (``first``, its first words), which spares the walk of every other box."""
    if first.tag == "a" or not _PREVIOUS_NEXT.match(first.text or ""):
        return False
    links = el.findall(".//a")
    if not 1 <= len(links) <= 2:
        return False
    words = [t.strip() for t in el.xpath(".//text()[not(ancestor::a)]") if t.strip()]
    return bool(words) and all(_PREVIOUS_NEXT.match(w) for w in words)


def _is_arrow_pager(el) -> bool:
    """A list of one or two links to the posts before and after, each pointed by its arrow and
    nothing else in it ("← รับฟังความคิดเห็น…", "กิจกรรมวันต่อต้าน… →": Bootstrap's pager)."""
    items = [li for li in el if li.tag == "li"]
    if not 1 <= len(items) <= 2 or len(items) != len(el):
        return False
    for li in items:
        links = li.findall(".//a")
        text = clean(element_text(li)) or ""
        if len(links) != 1 or clean(element_text(links[0])) != text or not _ARROWED.match(text):
            return False
    return True


_ARROWED = re.compile(r"^[←«‹⟵]\s*\S.*|.*\S\s*[→»›⟶]$")


def _is_pagination(el) -> bool:
    """A list of page links ("« เริ่มต้น ก่อนหน้า 1 2 ถัดไป สุดท้าย »": Joomla's pagination of a
    split article): page numbers and the words to move between pages, nothing else."""
    items = 0
    numbered = False
    for li in el:  # (asked of every list of the page: the first item that is no page link ends it)
        if li.tag != "li":
            continue
        text = clean(element_text(li)) or ""
        if not _PAGE_ITEM.match(text):
            return False
        items += 1
        numbered = numbered or text.isdigit()
    return items >= 3 and numbered


def _is_trail_list(el, first) -> bool:
    """A breadcrumb trail as a list (UIkit's "uk-breadcrumb" with its class names unknown): a
    link home first, every item but the last a link, the last the article's own, unlinked."""
    if first.tag != "a" or not plugins.is_home_link_text(clean(element_text(first)) or ""):
        return False
    items = [li for li in el if li.tag == "li"]
    return 2 <= len(items) <= 8 and all(li.find(".//a") is not None for li in items[:-1]) \
        and items[-1].find(".//a") is None


def _is_tags_box(el, first) -> bool:
    """A block of nothing but tag links (``rel="tag"``, HTML's link type for a tag of the
    article; not WordPress's ``rel="category tag"``): the post's tags, not its text, even with
    no caption before them."""
    if first.tag != "a" and len(first.text.strip()) <= 12 and _TAGS_LINE.match(f"{clean(element_text(first))}:"):
        # under its caption, "แท็ก" in a heading of its own (Concrete CMS's tags block), or a
        # list's first item (Mezzanine's "<li>Tags:</li>" before an item per tag)
        return _link_len(el) >= 0.8 * (_text_len(el) - len(element_text(first).strip())) > 0
    return (first.tag == "a" and _is_tag_link(first) and all(_is_tag_link(a) for a in el.iter("a"))
            and _link_len(el) >= _text_len(el))


def _is_tag_link(a) -> bool:
    # (WordPress's category links are rel="category tag", a block theme's rel="tag" to /category/)
    rel = (a.get("rel") or "").split()
    return "tag" in rel and "category" not in rel and not _CATEGORY_PATH.search(a.get("href") or "")


def _is_related_box(el, first, picture: bool) -> bool:
    """A box under a caption that says it is not the article: related or other posts ("ข่าวที่
    เกี่ยวข้อง", "Related"), sharing or liking buttons ("แบ่งปันสิ่งนี้:", "ถูกใจสิ่งนี้:")."""
    if picture or not (first.text or "").strip():
        return False
    heading = first.getparent()  # "<h3><span>2</span> ความคิดเห็น</h3>": the heading around the first words
    if first.tag not in HEADING_TAGS and heading is not None and heading is not el and heading.tag in HEADING_TAGS:
        first = heading
    if not ((first.tag in HEADING_TAGS or first.tag in ("em", "strong", "b", "dt")) and _BOX_CAPTION.match(element_text(first))):
        return False
    # a caption deep inside heads its own small box, not a block that holds the text beside it
    # (DNN Blog's post content: a "Share" box, then the author, tags, date and the text)
    part = next((a for a in _ancestors(first) if a.getparent() is el), first)
    return part is first or 2 * _text_len(part) >= _text_len(el)


def _is_files_box(el, first) -> bool:
    """A box of the article's files under its own caption ("เอกสารแนบ", "Attachments"): its first
    words are that heading and every link in it is a document. Its links are the attachments
    (found apart, see ``is_link_noise``); its file-type icons are not the article's pictures."""
    if not (first.text or "").strip() or not _FILES_CAPTION.match(element_text(first)):
        return False  # (the caption: a heading, or a field's label)
    for node in el.iter():
        if node is first:
            break
        if node.tag == "img" and not fields.is_icon(node) and not _inside_link(node):
            return False  # a picture before the caption: the text of a scanned notice, its files under it
    hrefs = [a.get("href") or "" for a in el.iter("a")]
    return bool(hrefs) and all(fields.is_document_link(h) for h in hrefs)


def _ancestors(el):
    while el is not None:
        yield el
        el = el.getparent()


def is_files_table(table) -> bool:
    """A table listing the article's files (name, description, size): its linked rows link to
    documents only, they are at least half of its rows, and it holds no paragraph of prose."""
    headed = _has_files_header(table)  # (a download handler's links name no file: "/download-attachment/2254/")
    if not headed and not any(fields.is_document_link(a.get("href") or "") for a in table.iter("a")):
        return False  # (the quick answer for layout tables)
    linked = rows = 0
    for row in table.iter("tr"):
        texts = [t.strip() for t in row.itertext() if t.strip()]
        if not texts:
            continue
        if any(len(t) >= 100 for t in texts):
            return False
        rows += 1
        hrefs = [a.get("href") or "" for a in row.iter("a")]
        if not hrefs or any(fields.is_action_link(h) for h in hrefs):
            continue  # (the page's buttons beside its title: Joomla 1.5's PDF, print and e-mail)
        if not headed and not any(fields.is_document_link(h) or _IMAGE_FILE.search(urlsplit(h).path) for h in hrefs):
            return False  # (a picture's file may be one of them: the Attachments extension lists a .jpg too)
        linked += 1
    return linked > 0 and 2 * linked >= rows


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)
#: The column headings of a files table: a file's name and its size ("ชื่อไฟล์ | ขนาดไฟล์", "File |
#: File size | Downloads": the Attachments extension, WordPress's Download Attachments).
_FILE_NAME_HEADING = re.compile(r"^(?:ชื่อไฟล์|ไฟล์|ชื่อเอกสาร|เอกสาร|File(?:\s*name)?|Title)$", re.IGNORECASE)
_FILE_SIZE_HEADING = re.compile(r"^(?:ขนาด(?:ไฟล์)?|File\s*size|Size)$", re.IGNORECASE)


def _has_files_header(table) -> bool:
    heads = [clean(element_text(th)) or "" for th in table.iter("th")][:8]
    return any(_FILE_NAME_HEADING.match(h) for h in heads) and any(_FILE_SIZE_HEADING.match(h) for h in heads)


def in_noise(el) -> bool:
    return any(is_noise(a) for a in _ancestors(el) if isinstance(a.tag, str))


def _in_sidebar(el) -> bool:
    """Inside navigation, a sidebar or a footer (by HTML semantics), not merely inside a form."""
    return any(a.tag in ("nav", "aside", "footer") or a.get("role") in NOISE_ROLES for a in _ancestors(el))


def _box_heading(el) -> str | None:
    """The short heading of the box around ``el`` (up to three levels up): an author box's name."""
    for level, box in enumerate(el.iterancestors()):
        if level >= 3:
            break
        for heading in box.iter(*HEADING_TAGS):
            text = clean(element_text(heading))
            if text and len(text) <= 40 and not _DIGIT.search(text) and not _inside(el, heading):
                return text
    return None


def _credited_name(lines: list[str]) -> str | None:
    """The name of a news credit among the info lines ("ข่าว: นางสาวศิริพร แสงทอง", a field of its
    own outside the text; in the text a credit stays text, and is no info line)."""
    for line in lines:
        if fields.is_credit(line):
            name = fields.name_value(line)
            if name and len(name) <= fields.MAX_NAME and not _DIGIT.search(name):
                return name
    return None


def _label_before(el) -> str | None:
    """The label printed right before ``el``'s block, in a sibling of its own (a field's label:
    ``<div>ผู้เขียน:</div><div><div>name</div></div>``), up to two levels up."""
    for level, node in enumerate(_ancestors(el)):
        if level > 2 or node.tag in ("body", "html"):
            break
        prev = node.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        if prev is not None:
            text = clean(element_text(prev))
            return text if text and len(text) <= 30 and is_label_alone(text) else None
    return None


#: A box's caption that calls it the article's info (a sidebar block of the node's fields).
_ARTICLE_INFO_CAPTION = re.compile(r"^(?:ข้อมูล(?:ข่าว|บทความ|การเผยแพร่)|รายละเอียด(?:ข่าว|บทความ)|(?:Article|Post|News)\s+(?:info(?:rmation)?|details))\s*:?$",
                                   re.IGNORECASE)


def _labelled_info(box, skip=lambda el: False) -> list[str]:
    """The lines of ``box`` when they are a few labelled info lines, one of them a date (read with
    their icons' labels); else ``[]``."""
    lines = fields.join_label_lines([plugins.resolve_icons(line) for line in paragraphs(box, skip=skip, label=plugins.icon_label)])
    if 2 <= len(lines) <= 8 and all(len(line) <= MAX_INFO_LINE and split_labelled(line)[1] for line in lines) \
            and any(fields.find_date(line).matched for line in lines):
        return lines
    return []


def _is_info_aside(el) -> bool:
    """An ``<aside>`` inside an ``<article>``, short, all of whose lines are the article's info
    (a meta column: the date, "ผู้เขียน …", "เปิดอ่าน … ครั้ง"), not an embedded post or a box."""
    if not any(a.tag == "article" for a in el.iterancestors()) or _text_len(el) > 400:
        return False
    # (read with its icons' and tooltips' labels: "<dd title='Hits'>👁 647</dd>", Turquoise's)
    lines = [plugins.resolve_icons(line) for line in paragraphs(el, label=plugins.icon_label)]
    return bool(lines) and all(fields.is_metadata_line(line) or fields.is_edge_noise(line) for line in lines) \
        and any(seg.kind in ("author", "hits") for line in lines for seg in split_labelled(line)[1])


def _is_page_form(form) -> bool:
    """ASP.NET WebForms wrap the whole page in one ``<form>`` right under ``<body>``: that form is
    the page, not a search box or a comment form."""
    parent = form.getparent()
    return parent is not None and parent.tag == "body"


def is_link_noise(el) -> bool:
    """Blocks whose links are not the article's files: menus, sidebars, related posts, sharing."""
    if el.tag in NOISE_TAGS:
        return not (el.tag == "form" and _is_page_form(el))
    role = el.get("role")
    return bool(role and role in NOISE_ROLES) or plugins.is_plugin_noise(el, attachments=False)


def _inside(el, ancestor) -> bool:
    return el is not None and (el is ancestor or ancestor in el.iterancestors())  # (the walk and the test in C)


#: The separator between the parts of a "page – section – site" ``<title>``.
_TITLE_PARTS = re.compile(r"\s+[-|–:»]{1,2}\s+")


def _teaser_blocks(headings: list, text: list) -> list:
    """Each heading's teaser: its largest ancestor that holds no other of ``headings`` and none
    of the blocks of ``text`` (a job board's entry: the linked title, an excerpt and the posting
    date under it)."""
    shared: dict = {}
    for heading in headings:
        for ancestor in heading.iterancestors():
            shared[ancestor] = shared.get(ancestor, 0) + 1
    around_text = {ancestor for block in text for ancestor in (block, *block.iterancestors())}
    blocks = []
    for heading in headings:
        block = heading
        for ancestor in heading.iterancestors():
            if shared[ancestor] > 1 or ancestor in around_text:
                break
            block = ancestor
        blocks.append(block)
    return blocks


def _text_len(el) -> int:
    return sum(len(t.strip()) for t in el.itertext())


def _text_len_upto(el, limit: int) -> int:
    """``_text_len(el)``, counted only until it exceeds ``limit`` (a big block is not read through)."""
    total = 0
    for t in el.itertext():
        total += len(t.strip())
        if total > limit:
            break
    return total


def _link_len(el) -> int:
    return sum(len(t.strip()) for a in el.iter("a") for t in a.itertext())


_BODY = object()  # first_prose's default: the body itself


def _once(method):
    """A field computed once per page. web-poet's ``@field(cached=True)`` does the same with an
    ``lru_cache`` built per page and field (about 17 us each, a few percent of a page's time)."""
    name = f"_once_{method.__name__}"

    @wraps(method)
    def once(self):
        cache = self.__dict__
        if name not in cache:
            cache[name] = method(self)
        return cache[name]

    return once


class ArticlePage(WebPage):
    """An article page read from layout-free signals; the fallback of every layout family."""

    #: The layout family's name, reported in the raw fields for audits.
    layout = "generic"

    # --- noise: a hook families extend with their own module classes -------------------------

    def is_noise(self, el) -> bool:
        return is_noise(el)

    def in_noise(self, el) -> bool:
        return any(self.is_noise(a) for a in _ancestors(el) if isinstance(a.tag, str))

    def is_link_noise(self, el) -> bool:
        return is_link_noise(el)

    def in_link_noise(self, el) -> bool:
        return any(self.is_link_noise(a) for a in _ancestors(el) if isinstance(a.tag, str))

    # --- inputs -----------------------------------------------------------------------------

    @cached_property
    def declared_encoding(self) -> str | None:
        content_type = self.response.headers.get("Content-Type") or ""
        m = re.search(r"charset=([\w.:-]+)", content_type, re.I)
        return m.group(1) if m else None

    @cached_property
    def decoded(self) -> tuple[str, str]:
        text, encoding = decode_html(bytes(self.response.body), self.declared_encoding)
        check_complete(text)
        return text, encoding

    @cached_property
    def doc(self):
        _NOISE_MEMO.clear()  # the answers about the previous page's elements
        return parse_html(self.decoded[0])

    @cached_property
    def tokens(self) -> frozenset[str]:
        """Every class token and itemprop on the page: a plugin or a listing whose names are
        absent needs no search of the page."""
        return frozenset(f"{self.class_text} {' '.join(self.itemprops)}".split())

    @cached_property
    def itemprops(self) -> list[str]:
        """Every ``itemprop`` value of the page (none: the page has no microdata to search)."""
        return _ITEMPROPS(self.doc)

    @cached_property
    def entries(self) -> list:
        """The page's ``<article>`` elements outside sidebars (``_ENTRIES``), searched once, and not
        at all on a page without an ``<article>`` (lxml's tag walk, in C, tells it for a fifth of
        the XPath's cost)."""
        return _ENTRIES(self.doc) if next(self.doc.iter("article"), None) is not None else []

    @cached_property
    def class_text(self) -> str:
        """All the page's class attributes, one string (layout families are told by substrings)."""
        return " ".join(_CLASSES(self.doc))

    @cached_property
    def page_url(self) -> str:
        return str(self.response.url)

    @cached_property
    def base(self) -> str:
        return fields.base_url(self.doc, self.page_url)

    # --- where the article is: hooks that layout families override ----------------------------

    def find_body(self) -> list:
        """The article's body elements (document order), or ``[]``."""
        marked = [el for el in _ARTICLE_BODY(self.doc) if not self.in_noise(el)]
        if marked:
            return _outermost(marked)
        prose = self.prose_blocks
        entries = self.entries if prose else []
        if len(entries) == 1 and any(b is not entries[0] and _inside(entries[0], b) for b in prose):
            # the text found is a block around the page's one <article> (a main column with its
            # breadcrumbs): the text is inside the article
            prose = self.prose_blocks_in(entries[0]) or prose
        # the post's header beside its text (Mediumish's author box and title heading), a block of
        # comparable prose to it: not the text, and its heading is the title
        while len(prose) > 1 and self._is_post_header(prose[0], prose[1:]):
            prose = prose[1:]
        anchored = self.anchored_block()
        if anchored and not any(_inside(anchored[0], b) or b.getparent() is anchored[0].getparent()
                                or _inside(b, anchored[0]) and _holds_title_and_info(anchored[0]) for b in prose):
            # (prose found inside a block that holds its own title and info line is the text)
            return anchored
        return self.by_density(prose)

    def _is_post_header(self, block, rest: list) -> bool:
        """``block`` holds a heading the page's head names as the page's, with little else (an
        author's box, an info line), and the blocks after it hold the longer text."""
        for heading in block.iter("h1", "h2", "h3"):
            text = clean(element_text(heading)) or ""
            if self._head_names(text):
                own = _text_len(block) - len(text)
                return own < 400 and own * 2 < sum(_text_len(b) for b in rest)
        return False

    def anchored_block(self) -> list:
        """A short article's text told by its place: the block right after a heading and its info
        line ("ลงประกาศ : 5 ก.พ. 2567 (อ่าน 45)"), when too little prose stands there for text
        density to find it (a notice that is one line and a PDF)."""
        for heading in _HEADINGS(self.doc):
            text = clean(element_text(heading)) or ""
            if len(text) < MIN_TITLE or in_noise(heading) or _GENERIC_HEADING.match(text) or heading.find(".//a") is not None:
                continue
            following = [s for s in heading.itersiblings() if isinstance(s.tag, str) and (_text_len(s) or s.find(".//img") is not None)]
            if len(following) < 2:
                continue
            # (a credit, "ข่าว: … ภาพ: …", is info beside a title; inside the text it stays text)
            info = [_is_info(line) or len(line) <= MAX_INFO_LINE and fields.is_credit(line)
                    for line in (clean(element_text(s)) or "" for s in following[:3])]
            if info[0] and info[1]:
                block = following[2] if len(info) > 2 and not info[2] else None  # (the date, then the credits)
            elif info[0]:
                block = following[1]  # the info above the text
            elif info[1] and not any(_text_len(b) > _text_len(following[0]) and not _inside(b, following[0])
                                     for b in [*following[2:], *self._prose_after(heading, following[1])]):
                block = following[0]  # the info below it (not a lead over the info and a longer text: Casper's excerpt)
            else:
                block = None
            if block is not None and not is_noise(block) and block.tag not in HEADING_TAGS and _continues_text(block) \
                    and not _SECTION_LIKE.match(clean(element_text(block)) or ""):  # (a section's badge is no text)
                return [block]
        return []

    def _prose_after(self, heading, info) -> list:
        """The prose blocks after ``info`` within the heading's ``<article>`` (its text after its
        header), as HTML scopes them; none is looked for on a page without one."""
        scope = next((a for a in heading.iterancestors() if a.tag in ("article", "main")), None)
        if scope is None:
            return []
        return [b for b in self.prose_blocks if _inside(b, scope) and _follows(b, info)]

    def find_title(self):
        """The title element, or None (then ``og:title``/``<title>`` give the text)."""
        body = self.body_elements[0] if self.body_elements else None
        for el in _HEADLINE(self.doc):
            if body is not None and _inside(el, body) or in_site_scope(el):
                continue
            scope = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
            if body is not None and scope is not None and not _inside(body, scope):
                continue  # another article's name (a "latest news" module's teaser)
            if clean(element_text(el)):
                return el
        for el in self.microdata:
            # the post's headline in the site's header band (Roseta's "header titles", a WPHeader's
            # headline): the post's when the head names the page so, else the site's name
            if el.get("itemprop") == "headline" and el.tag != "meta" and in_site_scope(el) \
                    and self._head_names(clean(element_text(el)) or ""):
                return el
        if body is None:
            return None
        start = body
        if self.body_is_prose:
            start = self.first_prose(body, default=None)
            if start is None and len(self.body_elements) > 1:
                # the first block holds only the title and its info line (a table row of its own)
                start = self.first_prose(self.body_elements[1])
            start = body if start is None else start
        found = self._fuller_line(self.title_above(start), start)
        if found is not None and clean(element_text(found)) in self.title_texts:
            return found
        if found is None:
            banded = self._header_band_title()
            if banded is not None:
                return banded
        subject = self._subject_value(body)
        if subject is not None:
            named = self._named_heading(body)  # (a heading that the <title> names still wins)
            return named if named is not None else subject
        opening = self._title_opening_text(body)
        if opening is not None:
            return opening
        if found is None:
            return self._title_row()
        if found.tag in HEADING_TAGS:
            return found
        # A line that is not a heading and that the page's <title> does not name: the first line
        # of a block whose other lines are info lines (PHP-Nuke's title cell), or else a heading
        # above that the <title> names (a SharePoint page title over a free-text by-line).
        for better in (self._first_line_title(found), self._named_heading(body)):
            if better is not None:
                return better
        return found

    def _fuller_line(self, found, start):
        """A link to this very page above the text whose words the line opening the text goes on
        from (a latest-news box's "ประกาศ วันหยุดตามประเพณีที่เปลี่ยนแปลง" over the title row's
        "ประกาศ วันหยุดตามประเพณีที่เปลี่ยนแปลง เนื่องในโอกาส…"): the box's shortened title; the
        fuller line, the element that holds it alone, is the article's."""
        if found is None or start is None or found.tag not in INLINE_TAGS or not self._links_to_itself(found):
            return found
        text = clean(element_text(found)) or ""
        lines = paragraphs(start)
        if len(lines) < 2 and start is self.body_elements[0] and len(self.body_elements) < 2:
            return found  # (the text's only line is no title over it)
        line = lines[0] if lines else ""
        if not (len(text) < len(line) <= 250 and line.startswith(text.rstrip(".…").rstrip()) and not _is_info(line)):
            return found
        return next((el for el in start.iter() if isinstance(el.tag, str) and clean(element_text(el)) == line), found)

    def _header_band_title(self):
        """The page's heading printed in the site's header, under its menu (ThemeGrill Esteem's
        page-title bar): a heading that the ``<title>``'s page part names, in a header that also
        prints the site's name, the ``<title>``'s last part ("page – site"). The site's name
        printed beside it tells which part of the ``<title>`` is the page's."""
        parts = next((parts for el in tagged(self.doc, "title")
                      if len(parts := [p for p in _TITLE_PARTS.split(collapse("".join(el.itertext()))) if p]) >= 2), None)
        if parts is None or parts[0] == parts[-1] or len(parts[0]) < MIN_TITLE:
            return None
        page, site = parts[0], parts[-1]
        for heading in self.doc.iter(*HEADING_TAGS):
            if heading.find(".//a") is not None or clean(element_text(heading)) != page:
                continue
            band = None
            for ancestor in heading.iterancestors():
                if ancestor.tag in ("body", "html"):
                    break
                if is_noise(ancestor):
                    band = ancestor  # (the outermost: the site's header around its title bar)
            if band is not None and any(clean(element_text(el)) == site for el in band.iter(*HEADING_TAGS, "a", "p")):
                return heading
        return None

    def _head_names(self, text: str) -> bool:
        """The page's head gives ``text`` as the page's own name: its OpenGraph or Twitter title,
        or the first part of a "page – site" ``<title>`` (never the site's part after it)."""
        if not text:
            return False
        if text in {collapse(t) for t in _meta_titles(self.doc)}:
            return True
        for el in tagged(self.doc, "title"):
            parts = [p for p in _TITLE_PARTS.split(collapse("".join(el.itertext()))) if p]
            if len(parts) >= 2 and parts[0] == text:
                return True
        return False

    @cached_property
    def _whole_titles(self) -> set[str]:
        """The page's title as its head gives it whole: og/twitter titles and ``<title>``."""
        return {collapse(t) for t in _meta_titles(self.doc)} | {collapse("".join(el.itertext())) for el in tagged(self.doc, "title")}

    def _subject_value(self, body):
        """The value after a "เรื่อง :" / "หัวข้อ :" label above the text (a webboard topic's head
        row, an e-Office form's subject row): the title, where no heading gives it."""
        for el in _SUBJECT_HOLDERS(self.doc):
            if not _SUBJECT_LABEL.match(clean(element_text(el)) or "") or in_noise(el) or not _follows(body, el):
                continue
            value = next((s for s in el.itersiblings() if isinstance(s.tag, str)), None)
            text = clean(element_text(value)) if value is not None else None
            if text and 10 <= len(text) <= 250 and not fields.find_date(text).matched and not split_labelled(text)[1]:
                return value
        return None

    def _title_opening_text(self, body):
        """The text's first line when it is the page's title as its ``<title>`` gives it whole
        (Joomla 1.5 with "Show Title" off: the officer typed the headline as a bold first
        paragraph): the element holding it, else None."""
        lines = paragraphs(body, skip=is_noise)
        if not lines or not 10 <= len(lines[0]) <= 250:
            return None
        if lines[0] not in self._whole_titles:
            return None
        holders = [d for d in body.iter() if isinstance(d.tag, str) and clean(element_text(d)) == lines[0]]
        return holders[-1] if holders else None

    def _title_row(self):
        """The first of the text's blocks when it is one line in bold and nothing else (a PHP news
        table's title row over its text row, the <title> the office's name alone): read when
        nothing above the text is a title."""
        blocks = self.body_elements
        if len(blocks) < 2:
            return None
        lines = paragraphs(blocks[0], skip=is_noise)
        if len(lines) != 1 or not 10 <= len(lines[0]) <= 250 or _is_info(lines[0]):
            return None
        bold = [el for el in blocks[0].iter("b", "strong", *HEADING_TAGS) if clean(element_text(el)) == lines[0]]
        return bold[-1] if bold else None

    def _first_line_title(self, el):
        """The element holding the first line of ``el`` when every line after it is an info line."""
        lines = paragraphs(el, skip=is_noise)
        if len(lines) < 2 or not all(_is_info(line) for line in lines[1:]):
            return None
        holders = [d for d in el.iter() if d is not el and isinstance(d.tag, str) and clean(element_text(d)) == lines[0]]
        return holders[-1] if holders else None

    def _named_heading(self, body):
        """The nearest heading above ``body`` whose text the page's <title> or og:title gives
        whole (a part of a "site :: page" <title> may be the site's name); a table's heading cell
        is one (Joomla 1.5's title cell, its class name gone, beside its buttons' cells)."""
        named = self._whole_titles
        for looked, el in enumerate(_preceding(body)):
            if looked > 400:
                break
            if el.tag not in HEADING_TAGS and el.tag != "td":
                continue
            text = clean(element_text(el)) or ""
            if text in named and not _GENERIC_HEADING.match(text) and not in_noise(el):
                return el
        return None

    @property
    def body_is_prose(self) -> bool:
        """Whether the body was found by text density (then it may hold the title and info lines)."""
        return bool(self.body_elements) and self.body_elements is self.__dict__.get("_density_body")

    def by_density(self, blocks: list) -> list:
        """``blocks`` (found by text density) as the body: :attr:`body_is_prose` then holds."""
        self.__dict__["_density_body"] = blocks
        return blocks

    def first_prose(self, body, default=_BODY):
        """The first paragraph of prose in ``body`` that is not an info line (where the text starts);
        a line followed at once by an info line is a title printed inside the text's block."""
        title_seen = False
        title_line = None
        for el, _ in _prose_runs(body):
            text = clean(element_text(el)) or ""
            if _is_info(text):
                continue
            if not title_seen and len(text) <= 250 and (_followed_by_info(el, body) or _ruled_off(el)):
                title_line = el
                continue  # a title line inside the text's block
            if not title_seen and len(text) <= 150 and el.tag in ("b", "strong", "font") and _stands_alone(el):
                title_seen = True  # a title line over a lead and the info line (MaxSite)
                continue
            return el
        if title_line is not None and self._named_heading_before(body, title_line):
            return title_line  # the one line of text under a heading the head names (a one-sentence notice)
        return body if default is _BODY else default

    def _named_heading_before(self, body, el) -> bool:
        """A heading of ``body`` before ``el`` whose text the page's head names: the title."""
        for node in body.iter():
            if node is el:
                return False
            if node.tag in HEADING_TAGS and (clean(element_text(node)) or "") in self.title_texts:
                return True
        return False

    def find_root(self):
        """The element holding the title, the info lines and the body."""
        body = self.body_elements[0] if self.body_elements else None
        if body is None:
            return self.doc.find("body") if self.doc.find("body") is not None else self.doc
        title = self.title_element
        if title is None:
            parent = body.getparent()
            return parent if parent is not None and parent.tag not in ("html",) else body
        common = _common_ancestor(title, body)
        # the <article> around them is the article's block, meta lines below its text included
        article = next((a for a in _ancestors(common) if a.tag == "article"), None)
        if article is not None:
            return article
        if common.tag == "tr":
            # one row of a short table: its other rows hold the article's info (Joomla 1.5's
            # second contentpaneopen, its byline, date and text rows, when the title is in the text)
            # (or a longer one whose other rows are all short: a PHP news table's label and value
            # rows, "ประเภทข่าว", "ผู้ประกาศ", "วันที่ประกาศ", "จำนวนผู้อ่าน", "ไฟล์แนบ", under its text)
            table = next((a for a in common.iterancestors() if a.tag == "table"), None)
            rows = table.xpath("./tr | ./tbody/tr") if table is not None else []
            if rows and (len(rows) <= 6 or len(rows) <= 12 and all(
                    _text_len(row) <= MAX_INFO_LINE for row in rows if row is not common and row not in self.body_elements)):
                return table
        return common

    @cached_property
    def json_ld(self) -> dict:
        """The article's schema.org object from the page's JSON-LD (``{}`` when there is none)."""
        return fields.json_ld_article(self.doc)

    @cached_property
    def microdata(self) -> list:
        """The page's ``itemprop`` elements, but those of other posts: a blog listing's teasers
        (``itemprop="blogPost"``) speak for their own posts, unless this article is one of them
        (Blogger marks the post of a post page so)."""
        if not self.itemprops:
            return []  # (no itemprop anywhere: the search of every element for one is spared)
        body = self.body_elements[0] if self.body_elements else None
        # the article's own item (schema.org/Article, CreativeWork...) around its text: a date of
        # the page's item around it (a Blog on <body>) printed after it then belongs to another
        # post (Astra's related posts, each printing a bare datePublished; a banner above the
        # article, Astra's layout 2, still prints its own)
        own = next((a for a in body.iterancestors() if a.get("itemscope") is not None), None) if body is not None else None
        own = own if own is not None and _ARTICLE_TYPE.search(own.get("itemtype") or "") else None
        # the one post of a page whose text holds it (an article drawn in a category blog's markup,
        # its text straight under the post's item) is the article
        posts = _BLOG_POSTS(self.doc) if body is not None else []
        alone = posts[0] if len(posts) == 1 and _inside(posts[0], body) else None
        out = []
        orphans: set[int] = set()  # (the itemprops in no itemscope, and their values by itemprop)
        values: dict[str, set] = {}
        for el in _MICRODATA(self.doc):
            post = next((a for a in el.iterancestors() if a.get("itemprop") == "blogPost"), None)
            if post is not None and post is not alone and not (body is not None and _inside(body, post)):
                continue
            scope = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
            if scope is not None and _COMMENT_TYPE.search(scope.get("itemtype") or ""):
                continue  # a comment's author and date (Komento's schema.org/Comment) are not the article's
            if own is not None and scope is not None and scope is not own and el.get("itemprop") in _MICRODATA_KIND \
                    and (_follows(el, own) if _inside(own, scope) else _ARTICLE_TYPE.search(scope.get("itemtype") or "")):
                continue  # (or another post's own item outside the article's: Blocksy's related posts)
            out.append(el)
            if scope is None:
                orphans.add(id(el))
                values.setdefault(el.get("itemprop"), set()).add(el.get("content") or el.get("datetime") or clean(element_text(el)))
        # itemprops in no itemscope say nothing of whose they are: when they disagree (SP Page
        # Builder's article teasers, each a "datePublished" of its own), none is the article's
        mixed = {prop for prop, seen in values.items() if len(seen) > 1}
        return [el for el in out if id(el) not in orphans or el.get("itemprop") not in mixed] if mixed else out

    @cached_property
    def body_elements(self) -> list:
        return self.find_body()

    @cached_property
    def title_element(self):
        return self.find_title()

    @cached_property
    def root(self):
        return self.find_root()

    # --- generic locating ----------------------------------------------------------------------

    @cached_property
    def prose_blocks(self) -> list:
        """The block of prose with the best readability score, with its siblings of comparable prose."""
        doc_body = self.doc.find("body")
        if doc_body is None:
            return []
        return self.prose_blocks_in(doc_body)

    def prose_blocks_in(self, doc_body) -> list:
        """:meth:`prose_blocks` within ``doc_body`` (the page's ``<body>``, or an article's block)."""
        bounded = doc_body.tag != "body"  # an article's block: nothing around it is scored or chosen
        scores: dict = {}
        for el, length in _prose_runs(doc_body):
            owner = el
            while owner.tag in INLINE_TAGS and owner.getparent() is not None:
                owner = owner.getparent()
            credit = 1 + min(length / 100, 3)
            if owner.tag in ("li", "dd", "dt"):  # a list is one paragraph-level unit of its block
                owner = next((a for a in _ancestors(owner) if a.tag in ("ul", "ol", "dl")), owner)
            if owner.tag in PARAGRAPH_TAGS or owner.tag in ("ul", "ol", "dl"):
                targets = (owner.getparent(), owner.getparent().getparent() if owner.getparent() is not None else None)
            else:
                targets = (owner, owner.getparent())
            if targets[0] is None or is_noise(targets[0]):  # a footer's paragraphs credit nothing around it
                continue
            for share, target in zip((1.0, 0.5), targets, strict=True):
                if target is not None and target.tag not in ("html",) and (not bounded or _inside(target, doc_body)):
                    scores[target] = scores.get(target, 0.0) + credit * share
        best, best_score = None, 0.0
        for el, score in scores.items():
            if in_noise(el):
                continue
            total = _text_len(el)
            density = _link_len(el) / total if total else 1.0
            adjusted = score * (1 - density)
            scores[el] = adjusted
            if adjusted > best_score and not _is_site_footer(el):
                best, best_score = el, adjusted
        if best is None or best_score < 2:
            return self._image_block(doc_body)
        parent = best.getparent()
        # A wrapper around the block alone is the block: its siblings are the block's siblings.
        while (parent is not None and parent.tag not in ("body", "html") and best is not doc_body
               and _text_len(parent) == _text_len(best)):
            best, parent = parent, parent.getparent()
            best_score = max(best_score, scores.get(best, 0.0))
        if parent is None or best.tag == "body" or best is doc_body:
            return [best]
        chosen = []
        for sibling in parent:
            if sibling is best:
                chosen.append(sibling)
            elif isinstance(sibling.tag, str) and not is_noise(sibling) and sibling.tag not in _NOT_PROSE_SIBLINGS:
                score = scores.get(sibling, 0.0)
                # a section under its own heading is another box, unless the text is cut in
                # sections alike (<section>s side by side, each under its subheading)
                if _link_len(sibling) >= 0.25 * max(_text_len(sibling), 1) or (
                        _opens_with_heading(sibling) and (sibling.tag != best.tag or sibling.tag == "div")) \
                        or _is_contact_block(sibling) or _is_title_over_info(sibling):
                    continue
                # readability's rule: a sibling of comparable prose, or one long paragraph (an intro)
                if score >= max(2.0, 0.2 * best_score) or max((n for _, n in _prose_runs(sibling)), default=0) >= 80:
                    chosen.append(sibling)
        chosen = _modules_alike(parent, chosen)
        # The text goes on in the paragraphs right after it, however short ("คลิกเพื่อดาวน์โหลด",
        # a contact block), until something that is not a paragraph of the article.
        for sibling in chosen[-1].itersiblings():
            if not isinstance(sibling.tag, str) or is_noise(sibling) or sibling.tag == "footer":
                if isinstance(sibling.tag, str):
                    break  # (an article's <footer> is its info, never more of its text)
                continue
            lines = paragraphs(sibling, skip=is_noise) if _text_len(sibling) else []
            if lines and _is_contact_block(sibling):
                break
            if all(_is_info(line) for line in lines):
                # a picture between paragraphs (with, at most, a sharing box or a counter), or a spacer
                if (not lines and (sibling.find(".//img") is not None or sibling.tag == "img")) or _has_picture(sibling):
                    chosen.append(sibling)
                    continue
                if not lines:
                    continue
                break
            if not _continues_text(sibling):
                break
            chosen.append(sibling)
        # pictures standing between the chosen blocks are the text's too
        if len(chosen) > 1:
            picked = {id(el) for el in chosen}
            between, inside = [], False
            for sibling in parent:
                if id(sibling) in picked:
                    inside = True
                    between.append(sibling)
                elif inside and isinstance(sibling.tag, str) and (sibling.tag == "img" or sibling.find(".//img") is not None) and (
                        not _text_len(sibling) or _text_len(sibling) <= 150 and _has_picture(sibling)
                        and len(paragraphs(sibling, skip=is_noise)) == 1):
                    between.append(sibling)  # (with its caption, one line: Umbraco's image row between its text rows)
                if sibling is chosen[-1]:
                    break
            chosen = between
        return chosen

    def _image_block(self, doc_body) -> list:
        """An article of pictures: the block holding the most images outside navigation and modules."""
        counts: dict = {}
        for img in doc_body.iter("img"):
            if in_noise(img) or _inside_link(img):
                continue
            holder = img.getparent()
            while holder is not None and holder.tag in INLINE_TAGS | {"figure", "p"}:
                holder = holder.getparent()
            if holder is not None:
                counts[holder] = counts.get(holder, 0) + 1
        best = max(counts, key=counts.get, default=None)
        return [best] if best is not None and counts[best] >= 2 else []

    @cached_property
    def title_texts(self) -> tuple[str, ...]:
        """What the page's head says its title is: og/twitter title, ``<title>`` and its parts."""
        out: list[str] = []
        for text in _meta_titles(self.doc):
            if collapse(text):
                out.append(collapse(text))
        for el in tagged(self.doc, "title"):
            text = collapse("".join(el.itertext()))
            if text:
                out.append(text)
                out.extend(p for p in re.split(r"\s+[-|–:»]{1,2}\s+", text) if p)
        return tuple(dict.fromkeys(out))

    @cached_property
    def _meta_title_texts(self) -> tuple[str, ...]:
        """The titles the head's meta tags give (og:title, twitter:title, ``<meta name="title">``)."""
        return tuple(collapse(text) for text in _meta_titles(self.doc) if collapse(text))

    def title_above(self, body):
        """The nearest heading or text line above ``body`` that is not an info line, link or module.

        The article's title is what stands right above its info lines and text, whatever element
        holds it (``h1``, a bold cell, a table cell): lines of labels and dates are passed over,
        so are navigation, breadcrumbs and link lists.
        """
        looked, most = 0, 40
        first = None  # the nearest line that passes, while the one the <title> ends with is looked for above it
        for el in _preceding(body):
            if el.tag in ("head", "title"):
                break  # nothing in the head is a line of the page (its <title> is read apart)
            if el.tag not in HEADING_TAGS and (el.tag in INLINE_TAGS and not _stands_alone(el)
                                               or _has_block_child(el, but=("br", "img"))):
                continue  # (an icon before it does not make a line a block: "<th><img src=icon_news.gif> title</th>")
            text = clean(element_text(el))
            if not text or len(text) <= 3 or el.tag == "dt" or in_noise(el) or _GENERIC_HEADING.match(text):
                continue
            if len(text) <= 20 and (is_label_alone(text) or _TAGS_LINE.match(f"{text}:") or _BOX_CAPTION.match(text)):
                continue  # a caption of the article's info ("Written by", "Tags", "Share": DNN Blog's h5s)
            looked += 1
            if looked > most:
                break
            if el.tag not in HEADING_TAGS and len(text) < (MIN_TITLE if el.tag not in INLINE_TAGS else 2 * MIN_TITLE):
                continue  # a short line is a title only as a heading; a short <span> is a widget's caption
            if el.tag not in HEADING_TAGS and sum(c.isdigit() for c in text) > sum(c.isalpha() for c in text):
                continue  # figures with a unit, not words: "4,850,000.00 บาท" (a procurement notice's budget row)
            line = clean(element_text(el.getparent())) if el.tag in ("td", "th") else text
            if el.tag == "address" or el.getparent() is not None and el.getparent().tag == "address":
                continue  # HTML's <address>: the contact of the article's author, never its title
            if el.tag not in HEADING_TAGS and _is_caption(el):
                continue  # a picture's caption (Rowling's "post-image-caption" under the featured image)
            heading = next((a for a in el.iterancestors(*HEADING_TAGS)), None)
            if heading is not None and (heading.text or "").strip():
                continue  # a heading's subheading ("<h1>title<div class='sub header'>office</div></h1>"): the heading is next
            if el.tag == "dd":  # a value under its term: "ประเภทข่าว" / "ข่าวประชาสัมพันธ์" is an info line
                term = el.getprevious()
                while term is not None and term.tag != "dt":
                    term = term.getprevious()
                line = f"{clean(element_text(term)) or ''} {text}" if term is not None else text
                if _info_list(el.getparent()):
                    continue  # a value of a list of the article's info (its date, its counter)
            if el.tag == "li" and _info_items(el.getparent()):
                continue  # an item of a short list whose other items are the date and a counter (icons renamed)
            if el.tag not in HEADING_TAGS and _item_of_info_line(el, text):
                continue  # an item after others in a line of the article's info, its icon gone
            if el.tag in ("td", "th", "li", "a") and _in_link_table(el):
                continue  # an entry of a table of contents (a paged article's first page links its title)
            label = _label_before(el)
            if label and _is_info(f"{label} {text}"):
                continue  # a field's value beside its label ("ผู้เขียน:" | "นางวิไลวรรณ …": Drupal's inline fields)
            # (a heading may be long: Olivero's h1 of a project's whole name, some 330 characters)
            if len(text) > (500 if el.tag in HEADING_TAGS else 300) or _is_info(text) or (line != text and _is_info(line or "")) \
                    or _YOU_ARE_HERE.match(text):
                continue  # (a trail under its caption: "คุณอยู่ที่: หน้าแรก <img> ข่าวประชาสัมพันธ์ <img> …")
            if len(text) <= MAX_INFO_LINE and _is_info(_shown_line(el)):
                continue  # an info line of icons or tooltips ("📅 8 ก.พ. 2566  👤 นิตยา  👁 245")
            if _link_len(el) >= 0.5 * len(text) and not self._links_to_itself(el) \
                    and not (el.tag in HEADING_TAGS and text in self.title_texts):
                # a link, or buttons (a linked title to this very page is still its title, so is a
                # heading linked to the article that the <title> names: a printer-friendly page's)
                continue
            if text not in self.title_texts and _in_link_elsewhere(el, self.page_url, self.base):
                continue  # inside a link to another page: a card of a related post (Rowling's "Read Next")
            if first is not None:
                if text == self._title_tail:
                    return _over_subtitle(el, self.title_texts, self._meta_title_texts)
                nearest = len(clean(element_text(first)) or "")
                if el.tag in HEADING_TAGS and (len(text) > nearest or nearest > 150) \
                        and (text in self.title_texts or self._head_names(text)):
                    # (over a line the head does not name: shorter, or a sentence of the text)
                    return _over_subtitle(el, self.title_texts, self._meta_title_texts)
                if len(text) >= 20 and text in self._whole_titles:
                    # a line the head gives whole (og:title), over a subtitle it does not name
                    # (Odoo's blog post cover: the post's name, then its subtitle, both <div>s)
                    return el
                continue
            first = el
            if text in self.title_texts or self._head_names(text) or not self._title_tail and el.tag in HEADING_TAGS:
                break
            # a few lines more above it: Moodle's subject over its byline and audience; or, over a
            # line that is no heading and that the head does not name, a heading that it names (an
            # info line of icons whose class names are gone: "ผู้ดูแลระบบ ๒๓๔" under the headline)
            most = looked + (6 if self._title_tail else 4)
        return _over_subtitle(first, self.title_texts, self._meta_title_texts) if first is not None else None

    @cached_property
    def _title_tail(self) -> str | None:
        """The last part of a ``<title>`` of three or more parts parted by colons ("site: section:
        page", Moodle's "e-Learning สสค.ภูเก็ต: บล็อก: <the entry's subject>"): the page's own name.
        (Parted by dashes or bars, the last part is the site's: "page - section - site".)"""
        for el in tagged(self.doc, "title"):
            parts = [p for p in re.split(r"\s*:\s+", collapse("".join(el.itertext()))) if p]
            if len(parts) >= 3 and len(parts[-1]) >= MIN_TITLE:
                return parts[-1]
        return None

    # --- the article's info lines ----------------------------------------------------------------

    @cached_property
    def _lines(self) -> tuple[list[str], list[str]]:
        """Short text lines of the root outside the body and title: ``(above the body, below it)``."""
        body_ids = {id(b) for b in self.body_elements}
        title = self.title_element

        def skip(el) -> bool:
            return id(el) in body_ids or el is title or is_noise(el)

        marked = {id(self.body_elements[0])} if self.body_elements else set()
        lines = paragraphs(self.root, skip=skip, mark=lambda el: id(el) in marked, mark_text=_BODY_MARK,
                           label=plugins.icon_label)
        lines = [plugins.resolve_icons(line) for line in lines]
        if _BODY_MARK in lines:
            cut = lines.index(_BODY_MARK)
            above, below = lines[:cut], lines[cut + 1:]
        else:
            above, below = lines, []
        if self.body_is_prose:
            # A density-found body may hold the title and the info lines above its first paragraph.
            start = self.first_prose(self.body_elements[0])
            inner = paragraphs(self.body_elements[0], skip=lambda el: el is title or is_noise(el),
                               mark=lambda el: el is start, mark_text=_BODY_MARK, stop_at_mark=True)
            if _BODY_MARK in inner:
                above = above + inner[: inner.index(_BODY_MARK)]
        short = [line for line in above if len(line) <= MAX_INFO_LINE]
        short = self._meta_beside_root(preceding=True) + short
        below = below + self._meta_beside_root()
        below_short: list[str] = []
        counted = 0
        for line in below:
            if line == _BODY_MARK:
                continue
            caption = _COMMENTS_CAPTION.match(line)
            if caption and (caption.group(1) or caption.group(2) or "1").strip("0๐"):
                break  # the comments under their caption: their bylines and dates are not the article's
            if len(line) > MAX_INFO_LINE and not fields.is_metadata_line(line):
                break  # (a long line that is info still is: WordPress's "This entry was posted on …")
            below_short.append(line)
            # (captions and buttons, "เอกสารแนบ", "แชร์ข่าวนี้ :", say nothing; a label alone is one
            # line with its value, a <dt> over its <dd>)
            counted += not (fields.is_edge_noise(line) or is_label_alone(line))
            if counted >= LINES_BELOW_BODY:
                break
        return short, below_short

    def _meta_beside_root(self, preceding: bool = False) -> list[str]:
        """The meta line printed in the block right after the article's block (a Bootstrap
        panel's footer: "🕓 05 พ.ย. 2567  👤 Admin  👁 1,043"), or right before it (Tiki's
        "Category: <a>ข่าวกิจกรรม</a>" over its <article>), when it is nothing but meta."""
        for sibling in self.root.itersiblings(preceding=preceding):
            if not isinstance(sibling.tag, str):
                continue
            # (two short lines at most: a column of modules beside the article is not read through)
            if self.is_noise(sibling) or not 0 < _text_len_upto(sibling, 2 * MAX_INFO_LINE + 40) <= 2 * MAX_INFO_LINE + 40:
                return []
            lines = [plugins.resolve_icons(line) for line in paragraphs(sibling, skip=is_noise, label=plugins.icon_label)]
            if 0 < len(lines) <= 2 and all(len(line) <= MAX_INFO_LINE and fields.is_metadata_line(line) for line in lines):
                return lines
            return []
        return []

    @cached_property
    def _info_in_title(self) -> list:
        """The title's ``<small>`` that holds the article's info, not its words (Bootstrap 3's
        page-header: "<h1>title<br><small>🕓 2567-12-06 09:41 👤 งาน… 👁 1,234 ครั้ง</small></h1>")."""
        el = self.title_element
        if el is None:
            return []
        return [s for s in el.iter("small") if s is not el and _is_info(_shown_line(s, skip=is_noise))]

    @cached_property
    def info_lines(self) -> list[str]:
        above, below = self._lines
        top, _, bottom = self._body_split
        in_title = [_shown_line(s, skip=is_noise) for s in self._info_in_title]
        lines = fields.join_label_lines(in_title + above + top + bottom + below) + self._column_info_lines()
        if not any(fields.find_date(line).matched for line in lines):
            lines += self._info_box_beside()
        return lines

    def _info_box_beside(self) -> list[str]:
        """The article's info in a box of the column beside its block (a hand-made PHP site's
        "ข้อมูลข่าว" card: "วันที่ลงข่าว : 2 ก.พ. 2566", "ผู้ลงข่าว : …", "อ่าน 1,234 ครั้ง"): a list whose
        lines are all labelled info, one of them a date. A sidebar's other lists (latest news,
        a visitors counter) are not labelled so. Read only when the article's own lines hold no date."""
        columns = [*self.root.itersiblings(), *self.root.itersiblings(preceding=True)]
        parent = self.root.getparent()
        if parent is not None and parent.tag not in ("body", "html"):
            columns += [*parent.itersiblings(), *parent.itersiblings(preceding=True)]
        for column in columns:
            if not isinstance(column.tag, str):
                continue
            for box in column.iter("ul", "ol", "dl", "table", "div"):
                if box.tag == "div" and (len(box) < 2 or _text_len(box) > 400):
                    continue  # (a block of a few labelled rows: Drupal's Views block of the node's fields)
                lines = _labelled_info(box)
                if lines:
                    return lines
        # further away (a sidebar beside the main column, Barrio's "sidebar_second"): only a box
        # that its caption calls the article's info ("ข้อมูลข่าว", "Post details"), climbing from the
        # text's block (the article's block may be the whole page, its title in a hero band)
        ancestor = (self.body_elements or [self.root])[0].getparent()
        while ancestor is not None and ancestor.tag not in ("body", "html"):
            for column in [*ancestor.itersiblings(), *ancestor.itersiblings(preceding=True)]:
                if not isinstance(column.tag, str):
                    continue
                for heading in column.iter(*HEADING_TAGS):
                    if _ARTICLE_INFO_CAPTION.match(clean(element_text(heading)) or ""):
                        lines = _labelled_info(heading.getparent(), skip=lambda e, h=heading: e is h)
                        if lines:
                            return lines
            ancestor = ancestor.getparent()
        return []

    def _column_info_lines(self) -> list[str]:
        """The info as a table of one row under column headings that are labels ("ผู้ประกาศ |
        วันที่ประกาศ | จำนวนผู้อ่าน" over the values): each heading with its value, as a line."""
        if self.root.find(".//th") is None:
            return []
        out: list[str] = []
        for table in self.root.iter("table"):
            rows = [tr for tr in table.iter("tr")]
            if len(rows) != 2 or any(_inside(table, b) or _inside(b, table) for b in self.body_elements):
                continue
            heads = [clean(element_text(c)) or "" for c in rows[0] if isinstance(c.tag, str)]
            values = [clean(element_text(c)) or "" for c in rows[1] if isinstance(c.tag, str)]
            if len(heads) != len(values) or not 2 <= len(heads) <= 8:
                continue
            if all(is_label_alone(h) for h in heads):
                out.extend(f"{h} {v}" for h, v in zip(heads, values, strict=True) if v)
        return out

    # --- fields ------------------------------------------------------------------------------------

    @field
    @_once
    def url(self) -> str:
        return self.page_url

    @field
    @_once
    def canonical_url(self) -> str | None:
        return fields.canonical_url(self.doc, self.page_url)

    @field
    @_once
    def article_id(self) -> str | None:
        return fields.article_id(self.doc, self.page_url)

    @field
    @_once
    def title(self) -> str | None:
        el = self.title_element
        if el is not None:
            names = el.xpath(".//*[@itemprop='name']") if el.get("itemprop") != "headline" and "name" in self.tokens else []
            el = names[0] if names else el
            dated = [d for d in el.iterdescendants("time", "span", "abbr") if d.tag == "time" or d.get("itemprop") in _MICRODATA_KIND]
            dated += self._info_in_title  # Bootstrap's "<h1>title<br><small>📅 date 👤 name</small></h1>"
            # a badge in superscript after the words (K2's featured "<sup>แนะนำ</sup>") is not the title's
            dated += [d for d in el.iter("sup") if d is not el and len(clean(element_text(d)) or "") <= 20
                      and not (d.tail or "").strip() and d.getnext() is None]
            # a date printed inside the heading (Bridge's "15 มี.ค." badge, a <time>) is not the title's
            text = clean(" ".join(paragraphs(el, skip=lambda d: d in dated)) if dated else element_text(el))
            if text and text not in self.title_texts and _has_block_child(el, but=("br", "img")):
                # a heading over its subheading's block ("<h1>title<div class='sub header'>office</div>"):
                # its first line, when the page's <title> names that line
                first = paragraphs(el)[:1]
                text = first[0] if first and first[0] in self.title_texts else text
            if text:
                topic = _topic_prefix(el, text)
                return topic[1] if topic else text
        for text in self.title_texts[:1]:
            return clean(text)
        return None

    def date_candidates(self) -> list[dict]:
        """Date candidates from layout-free markup and the info lines (see ``fields.dates``)."""
        out: list[dict] = []
        body = self.body_elements
        top, _, bottom = self._body_split
        edges = top + bottom
        lines = self.info_lines
        after_post = self._lines_after_post
        post_lines = [line for line in lines if line not in after_post]
        # (a post shown inside a page, its date in its own block: the page's date after it is not the post's)
        post_dated = bool(after_post) and any(c["kind"] == "published" for c in fields.dates_from_lines(post_lines))
        for el in self.microdata:
            prop = el.get("itemprop")
            if prop not in _MICRODATA_KIND or any(_inside(el, b) for b in body) and not _on_lines(el, edges):
                continue
            kind = _MICRODATA_KIND[prop]
            # <abbr title="2024-01-15T14:42:00+07:00">14:42</abbr>: the abbr pattern (Blogger)
            machine = el.get("datetime") or el.get("content") or (el.get("title") if el.tag == "abbr" else None)
            raw = None if el.tag in ("meta", "abbr") else fields.visible_date(el)
            out.append(fields.candidate(kind, "microdata" if kind != "created" else "created", raw, machine))
        times = []
        for el in _time_elements(self.doc):
            if not _inside(el, self.root) or in_noise(el):
                continue
            if any(_inside(el, b) for b in body) and not _on_lines(el, edges):
                continue  # inside the text's block only on its info lines (an info block printed in the text)
            if body and _follows(el, body[-1]) and self._teaser_time(el):
                continue  # a recent or related post's date after the text, beside the link to it
            if post_dated and not _inside(el, self._post_block) and _follows(el, self._post_block):
                continue  # the date of the page that shows the post, after the post's own block
            times.append((el, (el.get("class") or "").split()))
        # hAtom's "updated" beside a "published" time is the modification date; alone, or with
        # "published"/"post-published" in its own classes, it is the post's date (The7, Publisher)
        dated = any("updated" not in classes or any("published" in c for c in classes) for _, classes in times)
        for el, classes in times:
            kind = "modified" if "updated" in classes and not any("published" in c for c in classes) and dated else "published"
            _, labelled = split_labelled(clean(element_text(el.getparent())) or "")
            if not labelled:  # the label a block of its own before it (a block theme's "แก้ไขล่าสุด" paragraph)
                before = el.getparent().getprevious() if el.getprevious() is None else None
                text = clean(element_text(before)) if before is not None else None
                labelled = split_labelled(text)[1] if text and is_label_alone(text) else ()
            if labelled and labelled[0].kind in ("created", "modified") and len(labelled) == 1:
                kind = labelled[0].kind  # <time> under "สร้างเมื่อ:" / "แก้ไขล่าสุด:"
            source = "created" if kind == "created" else "time"  # a creation date only when nothing is published
            out.append(fields.candidate(kind, source, fields.visible_date(el), el.get("datetime")))
        for el in _RDFA_DATES(self.root):
            # Drupal 7's RDFa on the submitted line: <span property="dc:date dc:created"
            # content="2016-03-08T10:15:00+07:00">ส่งโดย … เมื่อ อ., 03/08/2016 - 10:15</span>, the
            # machine's date beside a numeric one whose order the page does not say
            if not in_noise(el) and not any(_inside(el, b) for b in body) and not times:
                out.append(fields.candidate("published", "time", None, el.get("content")))
                break  # (the node's: its comments' come after it)
        for el in _head_dates(self.doc):
            kind = "modified" if "modified" in el.get("property", "") else "published"
            out.append(fields.candidate(kind, "meta", None, el.get("content")))
        article = self.json_ld
        for prop, kind in (("datePublished", "published"), ("dateModified", "modified")):
            if isinstance(article.get(prop), str):  # structured data in the head, like the meta tags
                out.append(fields.candidate(kind, "meta", None, article[prop]))
        out.extend(fields.dates_from_lines(post_lines if post_dated else lines))
        if not any(c["kind"] == "published" for c in out):
            dated_title = _TITLE_DATE.search(self.title or "")  # "ประชุม … (4 ธ.ค. 67)": the header's only date
            found = fields.find_date(dated_title.group(1)) if dated_title else None
            if found and found.value is not None and found.matched == dated_title.group(1).strip():
                out.append(fields.candidate("published", "text", found.matched, None))
        return _modified_by_meta(out)

    @cached_property
    def _post_block(self):
        """The smallest block holding the title and the text, when the article's block holds more
        after it (a post shown inside a page: GetSimple's News Manager in the news page, whose
        footer dates the page); else None."""
        title, body = self.title_element, self.body_elements
        if title is None or not body:
            return None
        block = _common_ancestor(title, body[0])
        if block is self.root or not _inside(block, self.root) or not all(_inside(b, block) for b in body):
            return None
        return block

    @cached_property
    def _lines_after_post(self) -> set[str]:
        """The lines after the post's block (``_post_block``) in the article's block."""
        el, out = self._post_block, set()
        while el is not None and el is not self.root:
            for sibling in el.itersiblings():
                if isinstance(sibling.tag, str) and not self.is_noise(sibling):
                    out.update(plugins.resolve_icons(line)
                               for line in paragraphs(sibling, skip=is_noise, label=plugins.icon_label))
            el = el.getparent()
        return out

    @field
    @_once
    def dates(self) -> list[dict]:
        return self.date_candidates()

    @field
    @_once
    def author(self) -> str | None:
        return self.find_author()

    def find_author(self) -> str | None:
        for el in self.microdata:
            if el.get("itemprop") != "author" or any(_inside(el, b) for b in self.body_elements):
                continue
            names = el.xpath(".//*[@itemprop='name']")
            if names or el.get("content"):
                text = clean(element_text(names[0]) if names else el.get("content"))
                if text:
                    return fields.author_name(text)
            text = clean(element_text(el))
            if text:
                return fields.author_name(text)
            # a Person of pictures alone: its avatar's alt names the person (T4's author block)
            for img in el.iter("img"):
                name = clean(_AVATAR_WORDS.sub("", img.get("alt") or ""))
                if name and len(name) <= 60 and (_NAME_LIKE.match(name) or fields.is_person_name(name)):
                    return fields.author_name(name)
        found = fields.author_from_lines(self.info_lines)
        if found:
            # (the name a link to the author's page gives, the items after it glued on: Inspiro's
            # "by <a>ptl-admin</a><span>in <a>ข่าวกิจกรรม</a></span><span>on …", no space between)
            prefix = next((name for name in self._author_link_names if len(name) >= 3 and found.startswith(name)), None)
            return prefix or self._first_link_of(found)  # (the byline's link, then the category's: "โดย <a>…</a> <a>ข่าว…</a>")
        found = (_credited_name(self.info_lines) or _name_under_initials(self.info_lines) or self._avatar_name()
                 or self._name_beside_date())
        if found:
            return found
        found = plugins.named_field(self.doc, self.tokens, plugins.NAMED_AUTHOR)
        if found:
            return fields.author_name(found)
        for el in self.root.iter("address"):
            # HTML's <address> in an article is its author's contact: the byline (not the page
            # footer's address of the office, outside the article's block)
            text = clean(element_text(el))
            if text and len(text) <= 60 and not in_noise(el) and not any(_inside(el, b) for b in self.body_elements):
                return fields.author_name(text)
        for name in _meta_authors(self.doc):
            # the <meta name="author"> shown as a line of the article's own (an unlabelled byline)
            name = clean(name)
            if name and len(name) <= 60 and (name in self.info_lines or any(
                    clean(element_text(el)) == name for el in self.root.iter("span", "a", "div", "p", "small", "em")
                    if not in_noise(el) and not any(_inside(el, b) for b in self.body_elements))):
                return fields.author_name(name)
        for a in _AUTHOR_LINKS(self.root):  # rel="author", or a link to the author's archive
            text = clean(element_text(a))
            if text and _ALL_POSTS_OF.search(text):
                text = _box_heading(a)  # "เรื่องทั้งหมดของผู้เขียน" under the name's heading (an author's box)
            # (outside the text, or a line of links at its edge: a byline inside the post's block)
            if text and not in_noise(a) and (not any(_inside(a, b) for b in self.body_elements)
                                             or text in self._body_split[0] or text in self._body_split[2]):
                return fields.author_name(text)
        # the author's box alone names the author (Olsen Light: no byline, the box under the post
        # navigation): a rel="author" link in the article's block, outside sidebars, one name only
        named = {clean(element_text(a)) for a in self.root.iter("a") if "author" in (a.get("rel") or "").split()
                 and not _in_sidebar(a)} - {None}
        if len(named) == 1:
            (text,) = named
            if len(text) <= 60 and not _ALL_POSTS_OF.search(text):
                return fields.author_name(text)
        author = self.json_ld.get("author")  # last: JSON-LD often names the office, not the byline
        author = author[0] if isinstance(author, list) and author else author
        name = author.get("name") if isinstance(author, dict) else author if isinstance(author, str) else None
        return clean(name) if isinstance(name, str) and clean(name) else None

    @field
    @_once
    def hits(self) -> str | None:
        return self.find_hits()

    def find_hits(self) -> str | None:
        for el in self.microdata:
            if el.get("itemprop") in ("interactionCount", "userInteractionCount"):
                found = fields.hits_from_microdata(el.get("content") or element_text(el))
                if found:
                    return found
        found = plugins.view_count(self.doc, self.tokens)
        if found:
            return found
        if "statistics_counter" in self.tokens:
            found = plugins.statistics_count(self.root)
            if found:
                return found
        found = fields.hits_from_lines(self.info_lines)
        if found:
            return found
        for line in self.info_lines:
            found = fields.counter_value(line)
            if found:
                return found
        # the article's own links in a <nav> inside its <article> (Drupal themes print the node's
        # links there: "เข้าชม 523 ครั้ง"); the nav is not text, its counter is the article's
        for nav in self.root.iter("nav"):
            if any(a.tag == "article" for a in nav.iterancestors()):
                found = fields.hits_from_lines(paragraphs(nav))
                if found:
                    return found
        return self._bare_count()

    def _bare_count(self) -> str | None:
        """The views shown as a bare number in the info beside the date, its label an icon that
        says nothing once its class names are not known ("๑๓ ส.ค. ๖๓ / ๑,๒๐๕", "27 ม.ค. 2560
        ข่าวประชาสัมพันธ์ 1024"): numbers ending the date's line, or lines of numbers alone right
        after it (a caption between them and the date, "ความคิดเห็น", makes them something else).
        Of several (tagDiv's comments "0" beside its views), the largest; none when all are 0 (a
        comment count), nor one that a comment label or icon names. A last resort: any labelled
        count comes first."""
        (above, below), (top, _, bottom) = self._lines, self._body_split
        names = [name for name in (self.category, self.author) if name]
        for block, lines_after in ((above + top, 3), (bottom + below, 3)):
            dated = _first_dated_line(block)
            if dated is None:
                continue
            at, date, before, after = dated
            year = date.value.year if date.value else None
            # the article's own names on the line, their icons gone, are not counts' captions:
            # "24 ม.ค. 2566 1,024 ข่าวกิจกรรม", "ฝ่ายบริหารงานทั่วไป ข่าวกิจกรรม 1,024 8 สิงหาคม 2024"
            for name in names:
                after, before = after.replace(name, " "), before.replace(name, " ")
            after = _SECTION_AFTER.sub("", after)  # (a section's name ending it, its link or icon gone)
            before = before.strip(" |·•-/")
            words = _COMMENT_COUNT.sub(" ", after).replace("(", " ").replace(")", " ").split()
            while words and fields.is_edge_noise(words[-1]):
                words.pop()  # (a button's word ending the line: "1,024 2 ความคิดเห็น พิมพ์")
            trailing = _TRAILING_COUNTS.search(" " + " ".join(words))
            if trailing and _NUMBERED.search(" " + " ".join(words), 0, trailing.start(1)):
                trailing = None  # a number a word takes ("ข่าวที่ 1,024", "ฉบับที่ 12"): no count
            counts = trailing.group(1).split() if trailing else []
            if names and before and _ONLY_COUNTS.match(before):
                counts += before.split()  # (else a number before the date is a title's)
            head = split_labelled(after)[0].strip(" |·•-/") if not counts else ""
            if head and _ONLY_COUNTS.match(head):
                counts = head.split()  # (numbers between the date and a label: "17 ก.พ. 2565 1,245 หมวดหมู่: …")
            for line in block[at + 1:at + 1 + lines_after]:
                head, labelled = split_labelled(line)
                if not head.strip() and len(labelled) == 1 and labelled[0].kind == "author":
                    value = labelled[0].value
                    for name in names:
                        value = value.replace(name, " ")
                    if _ONLY_COUNTS.match(value.strip()):
                        counts.extend(value.split())  # the byline's line, a count after the name ("โดย กลุ่มงาน… ๒๔๕")
                        continue
                if line in names:
                    continue  # the author's or the category's line, its icon gone ("เจ้าหน้าที่… สรพ.2" / "645")
                rest = next((line[len(name):] for name in names if line.startswith(name + " ")), "")
                if rest and _ONLY_COUNTS.match(rest.strip()):
                    counts.extend(rest.split())  # a count after the name, their icons gone ("ผู้ดูแลระบบ ๒๓๔")
                    continue
                if not _ONLY_COUNTS.match(line):
                    if len(line) <= 40 and not _DIGIT.search(line) and not _COMMENTS_CAPTION.search(line):
                        continue  # an item between (a name, a category), its icon gone: not a caption
                    if len(line) <= 120 and labelled and not _DIGIT.search(_COMMENT_COUNT.sub(" ", line)):
                        continue  # the byline between, with its own comment count ("Posted By: … 2 Comments tags")
                    if len(line) <= 40 and fields.find_date(line).matched == line:
                        continue  # another date alone (the modified one, its icon gone)
                    break
                counts.extend(line.split())
            values = [int(c.replace(",", "")) for c in counts]
            # (not the year, nor the year glued to a count after it: "10 พฤศจิกายน 2023" + "0")
            values = [v for v in values if year is None or v not in (year, year + 543)
                      and not (len(str(v)) > 4 and str(v).startswith((str(year), str(year + 543))))]
            if values and max(values) > 0:
                return str(max(values))
            break  # (the first dated block's: none)
        # a count alone in a block of its own right after the text, its icon gone (Post Views
        # Counter's "after content" box: "<span class=dashicons…></span> 412")
        if bottom and _LONE_COUNT.match(bottom[0]):
            return bottom[0].replace(",", "")
        return None

    @field
    @_once
    def category(self) -> str | None:
        return self.find_category()

    def find_category(self) -> str | None:
        # Joomla marks the parent category and the category both as ``genre``, parent first:
        # the last one is the article's own.
        sections = [clean(el.get("content") or element_text(el)) for el in self.microdata
                    if el.get("itemprop") in ("articleSection", "genre")
                    and not any(_inside(el, b) for b in self.body_elements)]
        sections = [text for text in sections if text]
        if not sections and "articleSection" in self.decoded[0]:
            # (RDFa's property="articleSection", VuePress's theme-hope page info: a meta by the section's name)
            sections = [clean(el.get("content") or element_text(el)) for el in _RDFA_SECTION(self.doc)]
            sections = [text for text in sections if text]
        if sections:
            return fields.category_name(sections[-1])
        found = fields.category_from_lines(self.info_lines)
        if found:
            return self._first_link_of(found)
        for line in self.info_lines:
            if ">" in line or "»" in line or "›" in line:
                group = self._group_trail(line, self._root_link_texts | self._body_link_texts)
                if group:
                    return group[-1]
        found = plugins.named_field(self.doc, self.tokens, plugins.NAMED_CATEGORY)
        if found:
            return found
        title_el = self.title_element
        # (in the title's block even in the site's header band: Septera's "pretitle" category above it)
        title_block = title_el.getparent() if title_el is not None else None
        for a in _CATEGORY_LINKS(self.root):  # rel="category tag": WordPress core's category links
            if (not in_noise(a) or title_block is not None and _inside(a, title_block)) and clean(element_text(a)):
                return clean(element_text(a))
        for a in _CATEGORY_ARCHIVE_LINKS(self.root):  # a link to the category's archive page
            text = clean(element_text(a))
            if (text and not fields.is_edge_noise(text) and not _SEE_ALL.search(text) and not in_noise(a)
                    # (not "กลับหน้ารวมข่าว", back, nor a button "ข่าวทั้งหมด", all news)
                    and (not any(_inside(a, b) for b in self.body_elements)
                         or any(text in (line, _LINK_JOINER.sub("", line)) for line in (*self._body_split[0], *self._body_split[2])))):
                return text  # (outside the text, or a line of the info at its edges: "ใน <a>ข่าวกิจกรรม</a>")
        labels = {clean(element_text(a)) for a in _TERM_LINKS(self.root) if not _in_semantic_noise(a)} - {None}
        if len(labels) == 1:
            return labels.pop()  # a post's one label or term is its category (of several, each is a tag)
        # the article's info (its info row, a pill by its title) before the breadcrumb (record.md)
        found = (self._meta_row_category() or self._category_beside_date()
                 or plugins.breadcrumb_category(self.doc, self.title, self.decoded[0]) or self._primary_tag())
        if found:
            return found
        title_el = self.title_element
        topic = _topic_prefix(title_el, clean(element_text(title_el)) or "") if title_el is not None else None
        return topic[0] if topic else None

    def _primary_tag(self) -> str | None:
        """The post's first tag (``article:tag``, Ghost's primary tag) shown as a link just above
        or below the title: a site that files its posts by tags alone names their section so."""
        title_el = self.title_element
        first = _FIRST_ARTICLE_TAG(self.doc)
        if title_el is None or not first:
            return None
        tag = clean(first[0])
        near = _neighbours(title_el, 2)
        for el in near:
            for a in el.iter("a"):
                if clean(element_text(a)) == tag and not in_noise(a):
                    return tag
        return None

    def _meta_row_category(self) -> str | None:
        """An unlabelled link to a section of the site printed in the article's info row (beside
        its date: "14 กันยายน 2023 · ผู้ดูแล · <a>ข่าวกิจกรรม</a>") or as a pill right above or
        below the title: the category, when nothing labels or trails it. A section is a page of
        the portal that is not an article, not home, not an author's or a tag's page."""
        title_el = self.title_element
        if title_el is None:
            return None
        host = urlsplit(self.page_url).netloc
        near = _neighbours(title_el, 3)
        title, author = self.title, self.author
        links = list(self.root.iter("a"))
        if not _inside(title_el, self.root):  # the title in a page header above the post (Salient): its pill there too
            links += [a for el in near if not _inside(el, self.root) for a in el.iter("a")]
        for a in links:
            text = clean(element_text(a)) or ""
            href = (a.get("href") or "").strip()
            # a section's name: short, no digits (another post's title in a "latest" list has its year)
            if (not text or len(text) > 30 or _DIGIT.search(text) or text in (title, author) or fields.is_edge_noise(text)
                    or text.startswith("#")  # (a hashtag is a tag: Tumblr's "#ค่าจ้างขั้นต่ำ #จันทบุรี")
                    or _SEE_ALL.search(text)
                    or not href or href.startswith(("#", "javascript:", "mailto:"))):
                continue
            target = urljoin(self.base, href)
            parts = urlsplit(target)
            if (parts.netloc != host or _HOME_PATH.match(parts.path) and not parts.query or _ARCHIVE_PATH.search(parts.path)
                    and not _CATEGORY_PATH.search(parts.path) or fields.article_id_from_url(target)
                    or fields.is_document_link(href) or same_page(target, self.page_url)):
                continue
            if _inside(a, title_el) or any(_inside(a, b) for b in self.body_elements) or in_noise(a):
                continue
            if next(a.iter(*HEADING_TAGS), None) is not None:
                continue  # a link around a heading: another post's title (Umbraco's "post-preview" teasers)
            if a in near or a.getparent() in near and a.getparent().tag in INLINE_TAGS \
                    and clean(element_text(a.getparent())) == text:
                return text  # a pill standing beside the title itself (or its <span>)
            line_el = a
            while line_el.tag in INLINE_TAGS and line_el.getparent() is not None:
                line_el = line_el.getparent()
            line = clean(element_text(line_el)) or ""
            if fields.is_trail(line) or len(line) > MAX_INFO_LINE:
                continue
            if line == text and line_el in near:
                return text  # a pill beside the title
            # the info row: the nearest block around the link, up to four levels, that holds a date
            block, dated = line_el, None
            for _ in range(4):
                text_of = clean(element_text(block)) or ""
                if len(text_of) > MAX_INFO_LINE:
                    break
                if fields.find_date(text_of).matched:
                    dated = text_of
                    break
                block = block.getparent()
                if block is None or block is self.root:
                    break
            if dated and not any(seg.kind == "tags" and text in seg.value for seg in split_labelled(dated)[1]):
                return text
        return None

    @cached_property
    def _author_link_names(self) -> list[str]:
        """The names that links to an author's page give (``/author/…``, Drupal's ``/user/5``),
        longest first; not "all posts of the author" (an author box's link)."""
        names = {clean(element_text(a)) or "" for a in self.root.iter("a") if _AUTHOR_HREF.search(a.get("href") or "")}
        return sorted((n for n in names if n and len(n) <= 40 and not _ALL_POSTS_OF.search(n)), key=lambda t: (-len(t), t))

    def _first_link_of(self, value: str) -> str:
        """A labelled value whose line runs on into the next link (Liferay prints the tags right
        after the categories: "ประเภทข่าว: <a>ข่าวความปลอดภัย</a> <a>ฟ้าผ่า</a>"; an author's link, then
        the category's, their icons gone): the first link's text when the value is two links'
        texts side by side."""
        links = {clean(element_text(a)) for a in self.root.iter("a")} - {None}
        if value in links:
            return value
        for text in sorted(links, key=lambda t: (-len(t), t)):  # (one answer whatever the set's order)
            # (the category's link after a word that joins them: "โดย <a>…</a> ใน <a>ข่าวกิจกรรม</a>")
            if value.startswith(text + " ") and _LINK_JOINER.sub("", value[len(text) + 1:]) in links:
                return text
            # the sentence goes on after it: "posted in <a>ข่าวประชาสัมพันธ์</a>. Bookmark the permalink."
            if text and value.startswith(text) and (value[len(text):len(text) + 2] in (". ", ", ", "; ", " |")
                                                    or value[len(text):] == "."):
                return text
        for text in sorted(links, key=lambda t: (-len(t), t)):
            # a name in plain text, then the category's link: "เขียนโดย งานประชาสัมพันธ์ <a>ข่าวกิจกรรม</a>"
            if text and value.endswith(" " + text) and len(value) > len(text) + 1:
                return value[: -len(text) - 1].rstrip(" |·•-/—–")
            # (or glued to it, the space between them the theme's CSS: "ทีมประชาสัมพันธ์ สสค.สุรินทร์<a>ข่าวกิจกรรม</a>")
            if text and _SECTION_LIKE.match(text) and value.endswith(text) and len(value) > len(text) + 3 \
                    and not value[-len(text) - 1].isspace():
                return value[: -len(text)].rstrip(" |·•-/—–")
        return value

    @cached_property
    def _body_split(self) -> tuple[list[str], list[str], list[str]]:
        """The body's lines as ``(info lines at its top, its paragraphs, info lines at its bottom)``.

        Info and navigation lines at both edges of the body are not its text; the labelled ones
        among them (a date and counter line under a title inside the same cell) are info lines.
        """
        title_el, title = self.title_element, self.title
        # headings above the title in the text's block (a menu's page heading) are not text
        above_title: set = set()
        if title_el is not None and title_el.tag in HEADING_TAGS:
            for el in self.body_elements:
                if not _inside(title_el, el):
                    continue
                for heading in el.iter(*HEADING_TAGS):
                    if heading is title_el:
                        break
                    above_title.add(heading)
        # the lines as read with their icons' labels (an info line of icons moved below the text:
        # "📅 7 มี.ค. 2568  👁 1,024  👤 กลุ่มงาน..."), and as text (no icon words in the text)
        parts: list[str] = []
        for el in self.body_elements:
            parts.extend(paragraphs(el, skip=lambda e: e is title_el or e in above_title or self.is_noise(e),
                                    label=plugins.icon_label))
        plain = parts
        if any(plugins.ICON_MARK in line for line in parts):
            plain = [plugins.strip_icons(line) for line in parts]
            parts = [plugins.resolve_icons(line) for line in parts]
        plain = list(plain)  # popped alongside parts: the text is what remains of it
        top: list[str] = []
        bottom: list[str] = []

        edges_plain = self.__dict__.setdefault("_edge_plain_lines", [])  # as shown, for find_images

        def take(i: int) -> str:
            edges_plain.append(plain.pop(i))
            return parts.pop(i)

        archive_line = self._archive_line
        while parts and (parts[0] == title or _is_info(parts[0]) and not _ANNOUNCED_ON.match(parts[0])
                         or _is_info_heading(parts) or archive_line(parts[0])
                         or self._caption_and_files(parts[0]) or self._group_trail(parts[0], self._body_link_texts)):
            top.append(take(0))
        if len(parts) > 1 and _LONE_COUNT.match(parts[0]) and not _A_YEAR.match(parts[0]) and self._lines[0]:
            top.append(take(0))  # (the views alone over the text, under the info lines, its icon gone: ColorNews)
        if parts and _ANNOUNCED_ON.match(parts[0]) and _is_info(parts[0]):
            top.append(parts[0])  # (read as the date's line, and kept as the text's)
        # a lead, then the info line, then the text (MaxSite prints its headline above the info)
        if len(parts) > 2 and fields.is_metadata_line(parts[1]) and split_labelled(parts[1])[1] \
                and fields.find_date(parts[1]).matched and not _is_info(parts[0]):
            top.append(take(1))
        # (the title repeated below the text is hAtom's hidden entry-title, Spacious/Astra)
        while parts and (fields.is_metadata_line(parts[-1]) and not _AS_OF.match(parts[-1]) or fields.is_edge_noise(parts[-1])
                         or _LONE_COUNT.match(parts[-1])
                         or parts[-1] == title or fields.is_counter_line(parts[-1]) or _TAGS_LINE.match(parts[-1])
                         or archive_line(parts[-1]) or _name_under_initials(parts[-2:]) == parts[-1]
                         or bottom and _ARTICLE_INFO_CAPTION.match(parts[-1])  # ("ข้อมูลการเผยแพร่" over its rows)
                         or bottom and _name_under_initials([parts[-1], bottom[0]]) == bottom[0]
                         # a label on a line of its own over its value (a <dt> over its <dd>: "ฮิต:" / "627")
                         or len(parts) >= 2 and len(parts[-1]) <= 60 and is_label_alone(parts[-2])
                         or bottom and is_label_alone(parts[-1]) and fields.is_metadata_line(f"{parts[-1]} {bottom[0]}")):
            bottom.insert(0, take(-1))  # (a name under its avatar's initials: the byline, then its initials)
        # a news credit that is a block of its own after the text's ("ข่าว/ภาพ : กลุ่มงาน…" under it,
        # and the info lines already taken with it); a paragraph of the text is the text's
        last = self.body_elements[-1] if self.body_elements else None
        if len(self.body_elements) > 1 and parts and fields.is_credit(parts[-1]) and last.tag != "p" \
                and next(last.iter("p"), None) is None and clean(element_text(last)) == " ".join([parts[-1], *bottom]):
            bottom.insert(0, take(-1))
        files = self._files_list_at_end(parts) or self._files_list_at_end(parts, _TOPICS_CAPTION)
        if files:
            self.__dict__["_files_lines"] = parts[-files:]  # (their icons are not the text's pictures)
            del parts[-files:], plain[-files:]
            while parts and (fields.is_metadata_line(parts[-1]) or fields.is_edge_noise(parts[-1])):
                bottom.insert(0, take(-1))
        return top, plain, bottom

    def _avatar_name(self) -> str | None:
        """An info line that is the name beside its avatar: a picture whose ``alt`` is that name
        (given and family names), the name alone its block's text (Wagtail's bakerydemo)."""
        lines = set(self.info_lines)
        for img in self.root.iter("img"):
            alt = clean(img.get("alt"))
            name = clean(_AVATAR_WORDS.sub("", alt)) if alt else None
            # (a picture from the site's avatars, "/files/avatars/7.jpg", names an account: one word)
            avatar = fields.is_avatar(img.get("src") or "")
            if name and name != alt and avatar and name not in lines and len(name) <= 60 and not in_noise(img) \
                    and self.body_elements and _follows(self.body_elements[0], img):
                return name  # (the post's avatar block above the text, its alt "<name> Avatar" the only name shown: Frost)
            if not name or name not in lines or len(name) > 60 or len(name.split()) < 2 and not avatar \
                    or fields.is_edge_noise(name):
                continue
            # the name alone beside it (a print icon's "พิมพ์" is no name), or an alt that says it
            # is the avatar of that name ("ภาวิณี ศรีสุข Avatar": WordPress's avatar block)
            if name != alt or avatar or clean(element_text(img.getparent())) == alt:
                return name
        return None

    def _category_beside_date(self) -> str | None:
        """An unlabelled, unlinked section name in the info beside the date (a badge "ข่าวกิจกรรม"
        before it, a line of it under the date): taken when it reads as a news section's name."""
        lines = self.info_lines
        dated = _first_dated_line(lines)
        if dated is None or not _is_info(lines[dated[0]]):
            return None
        at, _, before, after = dated
        # (each up to its label, "Date:", if any; the next line only from the same block of lines,
        # not a sidebar's caption after the text)
        above, below = self._lines
        top, _, bottom = self._body_split
        following = [line for line in lines[at + 1:at + 2]
                     if any(_one_after(group, lines[at], line) for group in (above, top, bottom, below))]
        head = clean(split_labelled(after)[0].strip(" |·•-/")) or ""
        # (or the last of the items after the date, a name or a count before it: "ฝ่ายบริหารงานทั่วไป
        # 1,204 ข่าวประชาสัมพันธ์", "กลุ่มงานสวัสดิการแรงงาน ข่าวกิจกรรม")
        last = _ITEM_SEPARATOR.split(head)[-1]
        name, _, word = head.rpartition(" ")
        if last == head and name and _NAME_LIKE.match(name) and not _DIGIT.search(name):
            last = word
        for text in (split_labelled(before)[0], head, last, *following):
            text = clean(text.strip(" |·•-/")) or ""
            if text and len(text) <= 30 and not _DIGIT.search(text) and _SECTION_LIKE.match(text) \
                    and not split_labelled(text)[1]:
                return text
        return None

    def _name_beside_date(self) -> str | None:
        """An unlabelled name in the info beside the date, its icon's name gone ("18 ก.ย. 2567
        ฝ่ายบริหารงานทั่วไป เข้าชม 356 ครั้ง", a list item under the date): taken only when it reads
        as a name (a person's title, an office's unit, a site's admin account), never a link's text
        other than an author's (a category's)."""
        (above, below), (top, _, bottom) = self._lines, self._body_split
        # (the title's <small> holding the info first: "<h1>title<small>2567-12-06 09:41:27 งาน… 1,234 ครั้ง</small></h1>")
        block = [_shown_line(s, skip=is_noise) for s in self._info_in_title] + above + top
        dated = _first_dated_line(block)
        if dated is None:  # (the info below the text only when none is above it)
            block = bottom + below
            dated = _first_dated_line(block)
        if dated is None:
            return None
        at, _, before, after = dated
        segments = split_labelled(block[at])[1]
        if segments and segments[0].kind == "modified" and not split_labelled(block[at])[0].strip():
            return None  # (the date the article's, not "ข้อมูล ณ วันที่")
        # the name after a second date, the updated one ("7 สิงหาคม 2567 อัปเดตล่าสุด : 9 สิงหาคม 2567
        # ว่าที่ ร.ต.ธนากร บุญมา": Lightning's info line, its icons gone)
        updated = fields.find_date(after) if any(seg.kind == "modified" for seg in segments) else None
        after_updated = after[after.find(updated.matched) + len(updated.matched):] if updated and updated.matched else ""
        line = block[at]
        if not _is_info(line) and not (len(line) <= 100 and len(before.strip()) <= 40 and _NAME_LIKE.match(before.strip())):
            return None  # (the date's line an info line, or a name then the date: not a sentence)
        head = split_labelled(_COMMENT_COUNT.sub(" ", after))[0]  # (past a comment count: "• 2 ความเห็น นิตยา ชัยศรี")
        links = sorted({clean(element_text(a)) or "" for a in self.root.iter("a") if not _AUTHOR_HREF.search(a.get("href") or "")},
                       key=lambda t: (-len(t), t))
        # (a name linked to its user's page reads as a name whatever it is: Drupal's "— chaiyaphum")
        accounts = set(self._author_link_names)
        # (the section's name unlinked, its icon gone: not self.category, which asks for the author)
        section = self._category_beside_date()
        endings = [*links, section] if section else links
        # (the name after the date, or before it: PHP-Fusion's "admin_nan มีนาคม 05 2021 …")
        # (or on a line of its own right before the date's, each item on its own line: Oxygen's
        # "กลุ่มงานประชาสัมพันธ์ / 12 มี.ค. 2568 / ข่าวกิจกรรม / 1,482", its icons gone)
        for text in [head, fields.without_weekday(split_labelled(before)[0]), after_updated, *block[at + 1:at + 4],
                     *block[max(at - 1, 0):at]]:
            # (a news credit, "ข่าว/ภาพ : กลุ่มประชาสัมพันธ์ …", labels its name: a longer one is taken)
            credited = fields.is_credit(text)
            # (the first of the line's items, and not the count after it, its icon gone: "Admin 1,043",
            # "กลุ่มงานคุ้มครองแรงงาน | 156 ครั้ง | ข่าวกิจกรรม")
            text = _ITEM_SEPARATOR.split(_LEADING_CLOCK.sub("", text).strip(" |·•-/—–"))[0]
            text = fields.name_value(_TRAILING_COUNT.sub("", text))
            if not _UNIT_NUMBER.search(text):
                text = _SMALL_COUNT.sub("", text)  # (a small count too: "งานประชาสัมพันธ์ 87", not "พื้นที่ 4")
            stripped = True
            while stripped:  # links ending it, last first: "กลุ่มงานสวัสดิการแรงงาน <a>ข่าวกิจกรรม</a> <a>0</a>"
                ending = next((link for link in endings if link and text.endswith(" " + link)), None)
                if ending is None:  # (a section's link glued on, the space the theme's CSS: "ฝ่าย…ข่าวประชาสัมพันธ์")
                    ending = next((link for link in endings if link and _SECTION_LIKE.match(link) and text.endswith(link)
                                   and len(text) > len(link) + 3), None)
                stripped = ending is not None
                if stripped:
                    text = text[: -len(ending)].strip()
            if text and len(text) <= (fields.MAX_NAME if credited else 40) and text not in links and (not _DIGIT.search(_UNIT_NUMBER.sub("", text)) or _ACCOUNT.match(text)) \
                    and (credited or _NAME_LIKE.match(text) or fields.is_person_name(text) or text in accounts):
                return text
        return None

    @cached_property
    def _archive_links(self) -> list[str]:
        """Texts of the links in the body to an author's, a category's or a tag's archive (a
        byline, a category or tags printed as bare links at the text's edges: django CMS's
        aldryn-newsblog). Looked for only when the page's source has such an address."""
        html = self.decoded[0]
        if "author" not in html and "tag" not in html and "categor" not in html:
            return []
        texts = (clean(element_text(a)) for b in self.body_elements for a in _ARCHIVE_LINKS(b))
        return sorted({t for t in texts if t}, key=len, reverse=True)

    def _archive_line(self, line: str) -> bool:
        """The line is nothing but links to archives (and separators): info, not text."""
        if not self._archive_links:
            return False
        for text in self._archive_links:
            line = line.replace(text, " ")
        return not line.strip(" ,|·/•")

    @staticmethod
    def _group_trail(line: str, link_texts: set) -> list[str]:
        """The parts of a line of two or three links parted by arrows and nothing else, a news
        module's "page >> group" line (WebsiteBaker's post header, EWT's group line): no home
        crumb, no title after it; its last part is the article's group. Else ``[]``."""
        parts = _GROUP_TRAIL_SPLIT.split(line)
        if not 2 <= len(parts) <= 3 or not all(0 < len(part) <= 40 and part in link_texts and not _DIGIT.search(part)
                                               for part in parts):
            return []
        return parts

    @cached_property
    def _root_link_texts(self) -> set[str | None]:
        """The texts of the links in the article's block."""
        return {clean(element_text(a)) for a in self.root.iter("a") if a.get("href")}

    @cached_property
    def _body_link_texts(self) -> set[str | None]:
        """The texts of the links in the text's block (a files list's lines are nothing else)."""
        return {clean(element_text(a)) for b in self.body_elements for a in b.iter("a") if a.get("href")}

    def _caption_and_files(self, line: str) -> bool:
        """A files caption and the files' links on one line ("เอกสารแนบ <a>กำหนดการ.pdf</a>", an
        info table's row above the text): the attachments (found apart), not the text."""
        found = _CAPTION_FILES.match(line)
        if not found:
            return False
        link_texts = self._body_link_texts
        return all(_SIZE.sub("", f).strip() in link_texts for f in re.split(r"\s+[|,]\s+", found.group(1)))

    def _files_list_at_end(self, parts: list[str], caption: re.Pattern | None = None) -> int:
        """How many of the last lines are a list of the article's files: a caption on its own line
        ("เอกสารแนบ", "ไฟล์แนบ", "Attachments") and under it only lines that are whole links. They
        are the attachments (found apart), not the text. With ``caption`` (``_TOPICS_CAPTION``):
        a list of the article's topics or tags ("หัวข้อ", "Tags"), links to their archives."""
        caption = caption or _FILES_CAPTION
        link_texts = self._body_link_texts
        n = 0
        for line in reversed(parts):
            if caption.match(line):
                return n + 1 if n else 0
            labelled = _CAPTION_THEN.match(line) if caption is _FILES_CAPTION else None
            if labelled and all(_SIZE.sub("", f).strip() in link_texts for f in re.split(r"\s+[|,]\s+", labelled.group(1))):
                return n + 1  # "เอกสารแนบ : <a>กำหนดการ...</a>": the caption and a file on one line
            if _DOWNLOADS_AFTER.sub("", _SIZE.sub("", line)).strip() not in link_texts:
                return 0
            n += 1
        return 0

    @field
    @_once
    def paragraphs(self) -> list[str]:
        return self._body_split[1]

    @field
    @_once
    def attachments(self) -> list[dict]:
        scopes = [self.root, *[b for b in self.body_elements if not _inside(b, self.root)], *self._files_box_after_root()]
        # the page itself as a PDF (Joomla 1.5's PDF button with SEF suffixes: "245-alias.pdf"
        # beside "245-alias.html") is a button, not one of the article's files
        page = urlsplit(self.page_url)

        def as_pdf(a) -> bool:
            link = urlsplit(urljoin(self.base, (a.get("href") or "").strip()))
            return (link.netloc == page.netloc and not link.query and link.path.endswith(".pdf")
                    and "." in page.path.rsplit("/", 1)[-1] and link.path[:-4] == page.path.rsplit(".", 1)[0])

        def skip(a) -> bool:
            return self.in_link_noise(a) or as_pdf(a)

        return fields.attachments(scopes, self.base, skip=skip)

    def _files_box_after_root(self) -> list:
        """The block right after the article's block that opens with a files caption ("เอกสารแนบ"
        over the list of the article's files, a card's footer): the article's files too."""
        for sibling in self.root.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if _text_len(sibling) > 2000:
                return []  # (a column of modules, not a box of files)
            # (its first line, the caption maybe after an icon: "<i class='bi-paperclip'></i> เอกสารแนบ")
            # (the box itself may be told as a box of files: Dotclear's "#attachments" under its post)
            lines = paragraphs(sibling, skip=lambda el, box=sibling: el is not box and is_noise(el))
            return [sibling] if lines and _FILES_CAPTION.match(lines[0]) else []
        return []

    @field
    @_once
    def images(self) -> list[str]:
        return self.find_images()

    def find_images(self) -> list[str]:
        title = self.title_element
        lines = (set(self._body_split[0]) | set(self._body_split[2]) | {self.title} | set(self.__dict__.get("_files_lines", ()))
                 | set(self.__dict__.get("_edge_plain_lines", ())))

        # a logo above the title in the text's block is the site's (a print page's "logo.gif"; a
        # cover picture there is the article's)
        above_title: set = set()
        for block in self.body_elements if title is not None else ():
            if _inside(title, block):
                for el in block.iter():
                    if el is title:
                        break
                    if el.tag == "img" and _LOGO.search(el.get("src") or ""):
                        above_title.add(el)

        def skip(el) -> bool:
            # the icons on the title's line and on the info lines ("📅 12 มิ.ย. 56  👁 อ่าน 327 ครั้ง"),
            # and a block that is one info line with its picture (the author's avatar by the name)
            if self.is_noise(el) or el is title:
                return True
            if el.tag in INLINE_TAGS or (el.tag in ("div", "p", "li") and el.find(".//img") is not None):
                text = clean(element_text(el))
                return text in lines and (el.tag in INLINE_TAGS or text != self.title)
            return False

        return fields.images(self.picture_blocks(), self.base, skip=skip, left_out=above_title)

    def picture_blocks(self) -> list:
        """The body and the blocks of pictures right beside it: a gallery after the text, and a
        lead picture before it when the body is a group of sibling blocks (K2's intro and full
        text); textless siblings that hold images, with nothing in between but spacers. Before a
        single text block stands another field (a featured image, an image field), not its picture."""
        body = self.body_elements
        if not body:
            return []
        before: list = []
        for sibling in (body[0].itersiblings(preceding=True) if len(body) >= 2 else ()):
            if not isinstance(sibling.tag, str):
                continue
            if _text_len(sibling):
                break
            if any(not _GIF.search(img.get("src") or "") for img in sibling.iter("img")):
                before.insert(0, sibling)  # a photo (a .gif over a text is a section's caption image)
        after: list = []
        for sibling in body[-1].itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if _text_len(sibling):
                break
            if sibling.find(".//img") is not None or sibling.tag == "img":
                after.append(sibling)
        return [*before, *body, *after]

    @field
    @_once
    def encoding(self) -> str:
        return self.decoded[1]

    # --- the whole ----------------------------------------------------------------------------

    def check_is_article(self) -> None:
        """Refuse home pages and intros (a "read more" link to the full article)."""
        parts = urlsplit(self.page_url)
        query = parts.query.lower()
        if parts.scheme in ("http", "https") and _HOME_PATH.match(parts.path) and (
            not query or "view=frontpage" in query or "view=featured" in query
        ):
            raise NotAnArticle("home page, not an article")
        if "view=frontpage" in query or "view=featured" in query:
            raise NotAnArticle("home page (featured articles), not an article")
        if _SEARCH_QUERY.search(query) or _SEARCH_PATH.search(parts.path) and "=" in query:
            raise NotAnArticle("search results page, not an article")
        if _LIST_VIEW.search(query):
            raise NotAnArticle("a list of a section's or category's items (Joomla's, K2's list view), not an article")
        if _FORUM_THREAD.search(parts.path) or _FORUM_TOPIC.search(query):
            raise NotAnArticle("a webboard's thread (members' posts), not an article")
        if _MEMBER_QUERY.search(query) or _MEMBER_PATH.match(parts.path):
            raise NotAnArticle("a member's profile (its account, its posts), not an article")
        if _ARCHIVE_PATH.search(parts.path):
            # (an archive showing one post whole, a tag's only post: still the tag's page)
            raise NotAnArticle("a category's, a tag's or an author's archive (by its address), not an article")
        title = self.title or ""
        if len(title) <= 80 and _AUTHORS_BLOG.match(title):
            raise NotAnArticle(f"an author's blog ({title!r}: Drupal's blog module), not an article")
        if len(title) <= 80 and _NOT_FOUND.search(title):
            raise NotAnArticle(f"a 'page not found' page ({title!r}), not an article")
        if self._calendar() is not None:
            raise NotAnArticle("an events calendar (a month grid), not an article")
        html = self.decoded[0]
        toggles = [el for el in _TOGGLES(self.root) if not in_noise(el)] if "aria-expanded" in html or "<details" in html else []
        if len(toggles) >= 3:
            raise NotAnArticle(f"a list of {len(toggles)} questions or items that fold open (an FAQ), not an article")
        files = self._files_rows()
        if files >= 3:
            raise NotAnArticle(f"a downloads list ({files} files with their sizes and dates), not an article")
        entries = self.entries
        if len(entries) >= 2 and self.body_elements and any(
            _inside(self.body_elements[0], entry) and _has_own_linked_heading(entry, lambda h: self._links_elsewhere(h, article=True))
            for entry in entries
        ):
            raise NotAnArticle(f"listing page: {len(entries)} article entries, not one article")
        if len(entries) >= 3 and self.body_elements:
            # entries that are each a link to another article by its title and little else (an
            # archive's timeline: NexT's "07-19 <a>title</a>" per <article>, no heading in them)
            linked = [entry for entry in entries if _inside(entry, self.body_elements[0])
                      and self._titled_link(entry) and _link_len(entry) >= 0.5 * _text_len(entry)]
            if len(linked) >= 3:
                raise NotAnArticle(f"listing page: {len(linked)} article entries, each a link by its title, not one article")
        posts = self._headed_dated_posts()
        if posts >= 3:
            raise NotAnArticle(f"a list of {posts} posts, each under its own heading with its own dated byline "
                               "(a guestbook, a board), not an article")
        teasers = self.teaser_headings()
        if teasers:
            raise NotAnArticle(f"listing page: {teasers} teasers headed by links, not one article")
        rows = self.listing_rows()
        if rows:
            raise NotAnArticle(f"listing page: a table of {rows} dated links to articles, not one article")
        for scope in self.body_elements or [self.root]:
            for a in scope.iter("a"):
                if _READ_MORE.match(collapse(element_text(a))) and a.get("href"):
                    target = urljoin(self.base, a.get("href"))
                    if fields.article_id_from_url(target) and not same_page(target, self.page_url):
                        raise NotAnArticle("an article's intro with a read-more link, not the article")

    def _headed_dated_posts(self) -> int:
        """How many blocks alike stand beside the title's, each opening with a heading of the
        title's kind over its own short dated line (Phoca Guestbook's posts: "<h4>title</h4>
        โดย <b>name</b> 15 มีนาคม 2021 10:32", then the message): a list of posts. An article's
        sections under their subheadings carry no dated line each."""
        title = self.title_element
        box = title.getparent() if title is not None and title.tag in HEADING_TAGS else None
        parent = box.getparent() if box is not None else None
        if parent is None or box.tag in ("body", "html") or next(iter(box), None) is not title:
            return 0
        alike = [sibling for sibling in parent
                 if sibling.tag == box.tag and next(iter(sibling), None) is not None and sibling[0].tag == title.tag]
        if len(alike) < 3:
            return 0  # (the cheap test first: most titles head one block alone)
        return sum(any(len(line) <= MAX_INFO_LINE and fields.find_date(line).value is not None
                       for line in paragraphs(sibling, skip=is_noise)[1:3]) for sibling in alike)

    def _calendar(self):
        """A month grid: a table whose first row names the seven weekdays, with links in its days,
        holding more of the page's text than the text found."""
        for table in self.doc.iter("table"):
            row = table.find(".//tr")
            if row is None:
                continue
            cells = [c for c in row if isinstance(c.tag, str)]
            if len(cells) != 7:
                continue
            days = [clean(element_text(c)) or "" for c in cells]
            if all(_WEEKDAY_CELL.match(d) for d in days) and table.find(".//a[@href]") is not None:
                # a month grid under its own heading is what the page shows (is_noise may call it a
                # box of links): only a sidebar's or a footer's calendar, told by HTML semantics, is not
                if not _in_semantic_noise(table) and _text_len(table) >= sum(
                        _text_len(b) for b in self.body_elements if not _inside(b, table)) / 2:
                    return table
        return None

    def _files_rows(self) -> int:
        """How many lines of the page's text list a file with its size and a date (a downloads
        module's category), or how many times a file size is labelled ("ขนาดไฟล์:")."""
        html = self.decoded[0]
        lines = self._body_split[1] + self._lines[0]
        # every unit of a size has a "b"/"B" or is "...ไบต์": the search (from each digit, ~0.6 ms on
        # a 32,000-character text) runs on the few lines with one
        sized = sum(1 for line in lines if ("B" in line or "b" in line or "ไบต์" in line)
                    and _FILE_SIZE.search(line) and fields.find_date(line).matched)
        labelled = 0
        if ("ขนาดไฟล์" in html or "ขนาด:" in html or "ขนาด :" in html or "ile size" in html or "ilesize" in html) \
                and _MAY_LABEL_FILE_SIZE(self.doc):  # ("ขนาด:": jDownloads' "วันที่สร้าง: … | ขนาด: 182.41 KB")
            labelled = sum(1 for text in _FILE_SIZE_TEXTS(self.doc)
                           if _FILE_SIZE_LABEL.match(text) and not in_noise(text.getparent()))
        return max(sized, labelled)

    def teaser_headings(self) -> int:
        """The number of teasers when the text found is one of several (a tag archive, a Views
        list): its own heading is a link to another page, like two or more headings beside it."""
        if not self.body_elements:
            return 0
        # teasers: headings that link to other articles, outside sidebars and menus (a list form's
        # teasers count: Joomla prints its tag and category lists inside a filter <form>)
        linked = [h for h in _linked_headings(self.doc) if not _in_sidebar(h) and self._links_elsewhere(h, article=True)]
        if len(linked) < 2:
            return 0
        own = next((el for el in _preceding(self.body_elements[0])
                    if el.tag in HEADING_TAGS and not in_noise(el) and clean(element_text(el))), None)
        if own is not None and self._links_elsewhere(own, article=True):
            return len(linked)
        # or the page is mostly those teasers: the text found (a tag's description, a job board's
        # intro) is shorter than they are, each teaser read whole (its heading, excerpt and dates)
        if self._titled_and_dated():
            return 0  # the article's own title and info line over a short text, "other news" under it
        blocks = _teaser_blocks(linked, self.body_elements)
        teasers = sum(map(_text_len, blocks))
        inside = sum(_text_len(block) for block in blocks if any(_inside(block, b) for b in self.body_elements))
        text = sum(_text_len(b) for b in self.body_elements) - inside
        return len(linked) if len(linked) >= 3 and text < teasers else 0

    def _titled_and_dated(self) -> bool:
        """The text found has a heading of its own that the head names as the page's, unlinked,
        and a labelled date between them (an article's title and info line, however short its
        text and however many teasers follow it)."""
        el = self.title_element
        if el is None or el.tag not in HEADING_TAGS or el.find(".//a") is not None \
                or not self._head_names(clean(element_text(el)) or ""):
            return False
        return any(seg.kind == "published" and fields.find_date(seg.value).matched
                   for line in self._lines[0] for seg in split_labelled(line)[1])

    def listing_rows(self) -> int:
        """Rows of a table listing other articles (a category list): each links an article and
        shows a date, and the page says little besides."""
        headed = next(self.doc.iter("th", "thead"), None) is not None  # (one walk, not two)
        own_id = fields.article_id_from_url(self.page_url)
        for table in self.doc.iter("table"):
            # a list has column headings (title, date, author, hits), in <th>s or in a first row of
            # labels ("วันที่ประกาศ | ผู้ประกาศ | จำนวนผู้อ่าน" in bold <td>s); a layout table (the
            # article inside it, or tables inside it) or a sidebar's "latest news" is not a list
            # (the tests in C first: a layout table, one around the text, one of a row or none)
            if (table.find(".//table") is not None or any(_inside(b, table) for b in self.body_elements)
                    or len(table.findall(".//tr")) < 2
                    or _in_sidebar(table) or not (headed and (_COLUMN_HEADINGS(table) or table.find("thead") is not None)
                                                  or _label_row(table))):
                continue
            rows = 0
            for tr in table.iter("tr"):
                links = [(urljoin(self.base, (a.get("href") or "").strip()), a) for a in tr.iter("a") if a.get("href")]
                # (an article's page, or a notice's document: a list of notices links their PDFs; or
                # a page of the site linked by a title, its address a slug: Drupal's path aliases)
                ids = {fields.article_id_from_url(t) or (t if fields.is_document_link(t) or self._titled_slug(t, a) else None)
                       for t, a in links} - {None, own_id}
                if not ids:
                    continue  # (the row's text is read only for the rows that link an article)
                text = clean(element_text(tr)) or ""
                # a date, or a labelled count (a webboard's "ผู้ชม: 311", "ตอบกลับ: 2")
                if fields.find_date(text).matched or split_labelled(text)[1]:
                    rows += 1
            if rows >= 2:
                outside = sum(_text_len(b) for b in self.body_elements if not _inside(table, b) and not _inside(b, table))
                # little text besides (a sidebar's list is not it); a long list outweighs a welcome
                # marquee and the footer that a page of links leaves as its "text"
                # (a page's worth of rows, eight or more, outweighs a welcome line and a footer read as text)
                if outside < min(_text_len(table), 300) or rows >= 5 and outside < 0.5 * _text_len(table) \
                        or rows >= 8 and outside < _text_len(table):
                    return rows
        return 0

    def _titled_slug(self, target: str, a) -> bool:
        """``a`` links another page of this site by its title (words, not a date or a button):
        an article whose address is a slug ("/jobs/2567/contract-labour-inspector-assistant")."""
        parts = urlsplit(target)
        return (parts.netloc == urlsplit(self.page_url).netloc and parts.path.count("/") >= 2
                and not _HOME_PATH.match(parts.path) and not _ARCHIVE_PATH.search(parts.path)
                and len(clean(element_text(a)) or "") >= MIN_TITLE and not same_page(target, self.page_url))

    def _links_to_itself(self, el) -> bool:
        """Every link of ``el`` leads to this page (a title linked to its own article)."""
        links = [(a.get("href") or "").strip() for a in el.iter("a")]
        # (a link to a part of this page, "#respond", is a button, not a title's link)
        return bool(links) and all(h and "#" not in h and not h.startswith("javascript:")
                                   and same_page(urljoin(self.base, h), self.page_url) for h in links)

    def _teaser_time(self, el) -> bool:
        """A ``<time>`` in a list of posts after the text: two or more sibling blocks, each with a
        ``<time>`` and a link to another article by its title (Butterfly's "Recent Post" list, a
        related-posts row). The article's own info line moved below its text is one block alone."""
        for level, item in enumerate(el.iterancestors()):
            if level > 2:
                break
            parent = item.getparent()
            if parent is None or _text_len(item) > 300:
                break
            teasers = [sib for sib in parent if isinstance(sib.tag, str) and next(sib.iter("time"), None) is not None
                       and self._titled_link(sib)]
            if len(teasers) >= 2 and item in teasers:
                return True
        return False

    def _titled_link(self, block) -> bool:
        """``block`` links another article by its title (not by a date, nor an archive's name)."""
        for a in block.iter("a"):
            text = clean(element_text(a)) or ""
            if len(text) >= 15 and not fields.find_date(text).matched and next(a.iter("time"), None) is None \
                    and not _QUERY_ARCHIVE.search(a.get("href") or "") and self._links_elsewhere(a, article=True):
                return True
        return False

    def _links_elsewhere(self, heading, article: bool = False) -> bool:
        """A heading that is a link to another page of this site (not to this one, not an anchor);
        with ``article``, to another article (not home, not an author's, category's or tag's page)."""
        text = clean(element_text(heading)) or ""
        for a in heading.iter("a"):
            href = (a.get("href") or "").strip()
            if not href or href.startswith("#") or len(clean(element_text(a)) or "") < 0.5 * len(text):
                continue
            target = urljoin(self.base, href)
            if same_page(target, self.page_url):
                continue
            if not article:
                return True
            path = urlsplit(target).path
            if _HOME_PATH.match(path) and not urlsplit(target).query or _ARCHIVE_PATH.search(path):
                continue
            return True
        return False

    def to_raw(self) -> dict:
        """The raw fields (``pipelines/normalize.py`` types them), or :class:`ExtractionError`."""
        self.decoded  # noqa: B018  (decoding errors first: they name the input's real problem)
        if not self.body_elements and self.title_element is None:
            raise NotAnArticle("no article found: no article heading or text block")
        self.check_is_article()
        raw = {
            "url": self.url,
            "canonical_url": self.canonical_url,
            "article_id": self.article_id,
            "title": self.title,
            "dates": self.dates,
            "author": self.author,
            "hits": self.hits,
            "category": self.category,
            "paragraphs": self.paragraphs,
            "attachments": self.attachments,
            "images": self.images,
            "layout": self.layout,
            "encoding": self.encoding,
        }
        if not raw["title"]:
            raise ExtractionError(f"no article title found ({self.layout} layout)")
        if not raw["paragraphs"] and not raw["images"] and not raw["attachments"]:
            raise ExtractionError(f"no article text, images or attachments found ({self.layout} layout)")
        return raw


_SITE_SCOPES = re.compile(r"(?:WPHeader|WPFooter|WPSideBar|WebSite|Organization|SiteNavigationElement)$")


def in_site_scope(el) -> bool:
    """Microdata of the site (its header, footer, sidebar, the organisation), not of the article:
    a theme marks the site's name as a ``headline`` of ``WPHeader``."""
    for a in el.iterancestors():
        if a.get("itemscope") is not None:
            return bool(_SITE_SCOPES.search((a.get("itemtype") or "").rstrip("/")))
    return False


def _is_info(text: str) -> bool:
    """An info line (labels, dates, a counter, visitor statistics) or navigation words: never a title."""
    return (fields.is_metadata_line(text) or _is_label_line(text) or fields.is_edge_noise(text)
            or bool(_STATS_LINE.match(text)) or fields.is_counter_line(text) or _opens_with_date(text)
            or len(text) <= 80 and bool(_READ_OR_AGO.search(text)))


def _opens_with_date(text: str) -> bool:
    """A short line that opens with a whole date, a few words after it: an info line whose icons
    say nothing ("๕ มิ.ย. ๖๗ กลุ่มงานสวัสดิการแรงงาน ข่าวกิจกรรม"), not a title; or a few words
    around a date with its time ("surin_pr พ., 03/20/2024 - 10:21 ข่าวประชาสัมพันธ์"): a title
    may name a day, never the minute."""
    if len(text) > MAX_INFO_LINE:
        return False
    if not text[:1].isdigit():
        if not _CLOCK.search(text):
            return False
        date = fields.find_date(text)
        if date.value is None or not _CLOCK.search(date.matched):
            return False
        rest = text.replace(date.matched, " ", 1).split()
        return len(rest) <= 4 and all(len(w) <= 20 for w in rest)  # (a name, a section: a Thai title's run of words is longer)
    date = fields.find_date(text)
    return (date.value is not None and text.startswith(date.matched)
            and sum(1 for word in text[len(date.matched):].split() if word not in _SEPARATORS) <= 4)


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
_SEPARATORS = frozenset("|·•/-")


def _is_info_heading(parts: list[str]) -> bool:
    """A short caption over the info lines ("รายละเอียด", "Details", the category's name) at the
    top of a body: a line of a few words followed at once by an info line."""
    return (len(parts) > 1 and len(parts[0]) <= 30 and not _PROSE_LIKE.search(parts[0])
            and fields.is_metadata_line(parts[1]))


_NOT_FOUND = re.compile(r"ไม่พบหน้า|ไม่พบเพจ|Page\s+not\s+found|^\s*(?:Error\s+)?404\b|\b404\s+(?:Not\s+Found|Error)", re.I)
_WEEKDAY_CELL = re.compile(
    r"^(?:อา|จ|อ|พ|พฤ|ศ|ส|อาทิตย์|จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|Sun|Mon|Tue|Wed|Thu|Fri|Sat"
    r"|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Su|Mo|Tu|We|Th|Fr|Sa)\.?$", re.I)
_FILE_SIZE = re.compile(r"\d[\d.,]*\s*(?:[KMGkmg][Bb]|[Bb]ytes|กิโลไบต์|เมกะไบต์)(?![A-Za-z])")
#: Items that fold open: ARIA accordion buttons (Bootstrap, Drupal Views) and <details>.
_TOGGLES = etree.XPath(".//*[@aria-controls and @aria-expanded][not(self::a[starts-with(@href, 'http')])] | .//details[summary]")


def _name_under_initials(lines: list[str]) -> str | None:
    """The name beside its avatar's initials ("ศก" then "ศิริพร แก้วมณี": Liferay's user sticker,
    Gmail-style avatars): the initials are the first letters of the name's words, so the line is
    a person's name, unlabelled. A Thai word's initial is its first consonant (a leading vowel
    is written before it: "แก้วมณี" -> "ก")."""
    for initials, name in zip(lines, lines[1:], strict=False):
        words = name.split()
        if 2 <= len(initials) <= 3 and initials.isalpha() and len(words) == len(initials) \
                and all(word.lstrip("เแโใไ")[:1].upper() == letter.upper() for word, letter in zip(words, initials, strict=True)):
            return name
    return None


#: Counts standing alone: digits (Thai or Arabic), thousands separated or not.
_COUNT = r"\d{1,3}(?:,\d{3})+|\d+"
#: The numbers that end a line, each a word of its own ("นายวีระพงษ์ ทองดี 152").
_TRAILING_COUNTS = re.compile(rf"(?:^|\s)((?:(?:{_COUNT})\s*)+)$")
#: A comment count with its label or icon ("Comments 3", "3 ความคิดเห็น"): never the views.
_COMMENT_COUNT = re.compile(rf"(?:{COMMENT_WORDS})\s*:?\s*(?:{_COUNT})|(?:{_COUNT})\s*(?:{COMMENT_WORDS})",
                            re.IGNORECASE)
#: A line of counts and nothing else ("0 687", "๑,๒๐๕").
_ONLY_COUNTS = re.compile(rf"^(?:{_COUNT})(?:\s+(?:{_COUNT}))*$")
_FILE_SIZE_TEXTS = etree.XPath("//body//text()[contains(., 'ขนาด') or contains(., 'ile size') or contains(., 'ilesize')]")
#: Whether any of those texts has a colon, as a label has: one boolean in C, where the list above
#: makes a Python object for every text found (a files table's "ขนาดไฟล์" heading is no label).
_MAY_LABEL_FILE_SIZE = etree.XPath("boolean(//body//text()[contains(., ':')]"
                                   "[contains(., 'ขนาด') or contains(., 'ile size') or contains(., 'ilesize')])")
_FILE_SIZE_LABEL = re.compile(r"^\s*(?:ขนาดไฟล์|ขนาด|File\s*size|Filesize|Size)\s*:", re.I)
_BOX_CAPTION = re.compile(
    r"^\s*(?:(?:ข่าว|เรื่อง|บทความ|โพสต์|กิจกรรม)?(?:ที่เกี่ยวข้อง|อื่น\s*ๆ|อื่นๆ ในหมวดนี้)|เกี่ยวข้อง"
    r"|(?:Related|More)(?:\s+(?:Posts?|Articles?|News|Stories|Items?))?|You\s+(?:may|might)\s+also\s+like"
    r"|แบ่งปันสิ่งนี้|แชร์(?:ข่าวนี้|บทความนี้)?|Share(?:\s+this)?|ถูกใจสิ่งนี้|Like\s+this"
    # comments: "2 ความคิดเห็น", "ความคิดเห็น (2)", "แสดงความคิดเห็น", "3 Comments", "Leave a Reply"
    r"|(?:[\d๐-๙]+\s*)?ความคิดเห็น(?:\s*\(\s*[\d๐-๙]+\s*\))?|แสดงความคิดเห็น|(?:\d+\s+)?Comments?|Leave\s+a\s+(?:Reply|Comment))"
    r"\s*:?\s*$", re.I)
#: The caption over the comments ("ความคิดเห็น (2)", "2 Comments"), its count in group 1 or 2.
_COMMENTS_CAPTION = re.compile(r"^\s*(?:([\d๐-๙]+)\s*)?(?:ความคิดเห็น|Comments?|Responses?)(?:\s*\(\s*([\d๐-๙]+)\s*\))?\s*:?\s*$", re.I)
_GIF = re.compile(r"\.gif(?:$|\?)", re.I)
_FILES_CAPTION = re.compile(r"^\s*(?:(?:ดาวน์โหลด)?(?:เอกสารแนบ|ไฟล์แนบ|ไฟล์เอกสารแนบ|เอกสารประกอบ|ไฟล์เอกสารประกอบ)|Attachments?|Files?)\s*:?\s*$",
                            re.I)
_CAPTION_FILES = re.compile(r"^\s*(?:เอกสารแนบ|ไฟล์แนบ|ไฟล์เอกสารแนบ|Attachments?)\s*:?\s*(.+)$", re.I)
_CAPTION_THEN = re.compile(r"^\s*(?:เอกสารแนบ|ไฟล์แนบ|ไฟล์เอกสารแนบ|Attachments?)\s*:\s*(.+)$", re.I)
_TOPICS_CAPTION = re.compile(r"^\s*(?:หัวข้อ|Topics?|Tags?|แท็ก|ป้ายกำกับ|คำค้น|คำสำคัญ)\s*:?\s*$", re.I)
_SIZE = re.compile(r"\s*(?:[(\[](?:(?:PDF|DOCX?|XLSX?|PPTX?|ZIP|RAR)\s*,?\s*)?[\d.,]+\s*[KMG]?B[)\]]|\s[\d.,]+\s*[KMG]B)\s*$",
                   re.I)  # ("(182 KB)", "(PDF 182 KB)", a badge beside the link: "412 KB")
#: A file's download count beside its link: "(ดาวน์โหลด 41 ครั้ง)", "(Downloads: 12)" (K2's attachments).
_DOWNLOADS_AFTER = re.compile(r"\s*[(\[]\s*(?:ดาวน์โหลด|ดาวโหลด|Downloads?|Downloaded)\s*:?\s*[\d๐-๙,]+\s*(?:ครั้ง|times)?\s*[)\]]\s*$", re.I)

#: Headings of a page's section, not of an article ("news details", "blog").
_GENERIC_HEADING = re.compile(
    r"^[\s.:\-=*|«»\[\]]*(?:รายละเอียดข่าว|รายละเอียด|ข่าวสาร|บล็อก|Blog|News\s+Details?|Details?)[\s.:\-=*|«»\[\]]*$", re.IGNORECASE)


def _over_subtitle(heading, named: tuple[str, ...] = (), meta: tuple[str, ...] = ()):
    """The title over a subtitle: a heading right after a higher-ranked one (``h1`` then ``h2``)
    is the article's subtitle, and the higher one its title; unless the page's ``<title>``
    (``named``) gives the lower one whole and not the higher (an ``<hgroup>`` of the menu's page
    heading over the article's title: Joomla's beez5), or its meta title (``meta``: og:title,
    ``<meta name="title">``) does so while the ``<title>`` names the menu's page (Joomla 1.5's beez)."""
    if heading.tag not in HEADING_TAGS:
        return heading
    text = clean(element_text(heading)) or ""
    for names in (named, meta):
        if names and text in names:
            prev = heading.getprevious()
            if prev is None or (clean(element_text(prev)) or "") not in names:
                return heading
    prev = heading.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if (prev is not None and prev.tag in HEADING_TAGS and prev.tag < heading.tag
            and len(clean(element_text(prev)) or "") > 3 and not in_noise(prev)):
        return prev
    return heading


def _stands_alone(el) -> bool:
    """An inline element used as a line of its own among blocks (a title in a ``<span>`` between
    ``<div>``s, as ASP.NET labels print it)."""
    parent = el.getparent()
    if parent is None or not _has_block_child(parent):
        return False
    prev = el.getprevious()
    before = (prev.tail if prev is not None else parent.text) or ""
    nxt = el.getnext()
    # (an inline info line after it is its meta line: "<span>title</span> <span>โพสต์โดย : admin |...</span>")
    return (not before.strip() and not (el.tail or "").strip()
            and (prev is None or prev.tag not in INLINE_TAGS)
            and (nxt is None or nxt.tag not in INLINE_TAGS or nxt.tag == "br" or _is_info(clean(element_text(nxt)) or "")))


def _ruled_off(el) -> bool:
    """A line standing alone with a rule (``<hr>``) under it: a heading drawn without a heading tag."""
    if not (el.tag in INLINE_TAGS and _stands_alone(el)):
        return False
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    return nxt is not None and nxt.tag == "hr"


def _followed_by_info(el, scope) -> bool:
    """The next line after ``el`` (inside ``scope``) is an info line (labels, dates, counters)."""
    if (el.tail or "").strip():
        return False
    node = el
    while node is not None and node is not scope:
        if node is not el and (node.tail or "").strip():
            return False
        for sib in node.itersiblings():
            if not isinstance(sib.tag, str):
                continue
            text = clean(element_text(sib))
            if text:
                if _is_info(text) or (len(text) <= MAX_INFO_LINE and fields.is_metadata_line(text)):
                    return True
                # icons that stand for labels ("<img alt='วันที่ประกาศ'> 15 ม.ค. 2567 <img alt='จำนวนผู้อ่าน'> 87")
                if len(text) <= MAX_INFO_LINE and next(sib.iter("img", "i", "svg"), None) is not None:
                    shown = _shown_line(sib)
                    return shown != text and fields.is_metadata_line(shown)
                return False
            if (sib.tail or "").strip():
                return False
        node = node.getparent()
    return False


def _is_label_line(text: str) -> bool:
    head, segments = split_labelled(text)
    return bool(segments) and len(head) <= 3


def _has_block_child(el, but: tuple[str, ...] = ("br",)) -> bool:
    """Whether ``el`` holds a child other than inline ones and ``but``."""
    return any(isinstance(c.tag, str) and c.tag not in INLINE_TAGS and c.tag not in but for c in el)


def _preceding(el):
    """Elements before ``el`` in document order, nearest first (ancestors excluded)."""
    node = el
    while node is not None:
        for sib in node.itersiblings(preceding=True):
            if not isinstance(sib.tag, str):
                continue
            yield from reversed(list(sib.iter()))
        node = node.getparent()


def _outermost(elements: list) -> list:
    chosen = set(elements)
    return [el for el in elements if not any(a in chosen for a in _ancestors(el.getparent()))]


def _common_ancestor(a, b):
    seen = set(_ancestors(a))
    for anc in _ancestors(b):
        if anc in seen:
            return anc
    return b


_FILE_NAME = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|odt|ods)\s*(?:\([^)]*\))?\s*$", re.I)
#: The post's tags under its text: "Tags: ความปลอดภัย จป.", "แท็ก: ..."
_TAGS_LINE = re.compile(r"^\s*(?:Tags?|Tagged\s+with|แท็ก|ป้ายกำกับ|คำค้น)\s*:", re.IGNORECASE)
_CALL_TO_ACTION = re.compile(r"^\s*(?:คลิกที่นี่|คลิก|ที่นี่|ดาวน์โหลด|click\s+here|here|download)\s*$", re.I)
#: The units of an article's text: paragraphs, table cells, list items, captions.
_TEXT_UNITS = ("p", "td", "th", "li", "figcaption", "blockquote")
#: What ends an article's text: a new page section (h1/h2) or a form (comments, search).
_CLOSES_TEXT = etree.XPath("boolean(descendant-or-self::*[self::h1 or self::h2 or self::form or self::textarea])")


def _shown_line(el, skip=None) -> str:
    """An element's text with the labels its icons and tooltips stand for (``skip``: what to
    leave out, as ``paragraphs`` takes it)."""
    lines = paragraphs(el, label=plugins.icon_label) if skip is None else paragraphs(el, skip=skip, label=plugins.icon_label)
    return plugins.resolve_icons(" ".join(lines))


def _holds_title_and_info(el) -> bool:
    """The block opens with a line and an info line under it (read with its icons' labels): the
    article's whole block (title, info, text), not its text alone."""
    lines = [plugins.resolve_icons(line) for line in paragraphs(el, skip=is_noise, label=plugins.icon_label)[:2]]
    return len(lines) == 2 and not _is_info(lines[0]) and _is_info(lines[1])


def _instant(value: str | None):
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value and "T" in value else None
    except ValueError:
        return None


def _modified_by_meta(candidates: list[dict]) -> list[dict]:
    """Two ``<time>`` elements that nothing tells apart (no class, no label): the one at the
    instant the page's meta tags give as modified, and not as published, is the modification
    date (a theme printing "updated" before "published")."""
    times = [c for c in candidates if c["source"] == "time" and c["kind"] == "published"]
    if len(times) < 2:
        return candidates
    meta = {c["kind"]: _instant(c["machine"]) for c in candidates if c["source"] == "meta"}
    modified, published = meta.get("modified"), meta.get("published")
    if modified is None or published is None or modified == published:
        return candidates
    for c in times:
        if _instant(c["machine"]) == modified:
            c["kind"] = "modified"
    return candidates


def _neighbours(el, n: int) -> set:
    """The elements up to ``n`` blocks before and after ``el`` among its and its parent's siblings
    (a category pill printed just above or below the title)."""
    out: set = set()
    for node in (el, el.getparent()):
        if node is None:
            continue
        for step in (node.itersiblings(preceding=True), node.itersiblings()):
            for i, sib in enumerate(s for s in step if isinstance(s.tag, str)):
                if i >= n:
                    break
                out.add(sib)
                out.update(d for d in sib if isinstance(d.tag, str) and d.tag not in INLINE_TAGS)
    return out


def _info_list(dl) -> bool:
    """A ``<dl>`` one of whose values is an info line (a date, a labelled count): the article's
    info block, every value of it an info value."""
    return dl is not None and any(_is_info(clean(element_text(dd)) or "") for dd in dl.iter("dd"))


def _one_after(lines: list[str], first: str, then: str) -> bool:
    """``then`` is the line right after ``first`` in ``lines`` (a widget printing the same byline
    as the article's, then its caption, does not make that caption the article's)."""
    return any(line == first and lines[i + 1] == then for i, line in enumerate(lines[:-1]))


def _on_lines(el, lines) -> bool:
    """``el`` shows text, all of it on one of ``lines`` (the info lines above or below the text)."""
    shown = clean(element_text(el))
    return bool(shown) and any(shown in line for line in lines)


def _follows(el, block) -> bool:
    """``el`` comes after the whole of ``block`` in the document."""
    for ancestor in _ancestors(block):
        for sibling in ancestor.itersiblings():
            if sibling is el or _inside(el, sibling):
                return True
    return False


def _in_link_table(el) -> bool:
    """``el`` is an entry of a table or list of three or more rows that are each a link alone (a
    paged article's table of contents, a menu): one of its links repeating the title is not it."""
    box = next((a for a in _ancestors(el) if a.tag in ("table", "ul", "ol")), None)
    return box is not None and _link_rows(box) is not None


def _link_rows(box) -> list | None:
    """The rows of a table or list (``<tr>``/``<li>``) when three or more of them are each a link
    alone and at most one is not (its caption), else None. (A layout table's rows hold many links:
    they are told apart without reading their text, and the second such row ends the search.)"""
    rows: list = []
    linked = unlinked = 0
    for row in box.iter("tr", "li"):
        links = row.findall(".//a")
        if len(links) > 1:
            unlinked += 1
        else:
            size = _text_len(row)
            if not size:
                continue
            if links and _link_len(row) >= 0.8 * size:
                linked += 1
            else:
                unlinked += 1
        rows.append(row)
        if unlinked > 1:
            return None
    return rows if linked >= 3 else None


def _is_contents_table(table) -> bool:
    """A table of links under a caption row of its own (``<th>สารบัญบทความ</th>``: Joomla's
    page-break table of contents, a box of related links): navigation, never the text."""
    first = next(table.iter("tr"), None)
    if first is None or first.find("th") is None or first.find(".//a") is not None:
        return False
    rows = _link_rows(table)
    return rows is not None and rows[0] is first


def _is_caption(el) -> bool:
    """``el`` is a picture's caption: a ``<figcaption>``, or a paragraph right after a photo (an
    ``<img>``, or a link or block holding only one) in the same block; not a line after an icon
    (a title after its arrow, "<img src='arrow_wr.gif'> <font>title</font>")."""
    if el.tag == "figcaption":
        return True
    if el.tag not in ("p", "div"):
        return False
    previous = el.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()  # (a comment between)
    if previous is None or (previous.tail or "").strip():
        return False
    picture = previous if previous.tag == "img" else previous.find(".//img") \
        if previous.tag in ("a", "picture", "figure", "span", "div") and not _text_len(previous) else None
    return picture is not None and not _GIF.search(picture.get("src") or "") and not plugins.is_small(picture)


def same_page(url: str, other: str) -> bool:
    """The two addresses name one page: equal but for a fragment, the case of their percent
    escapes (WordPress links a Thai slug as "%e0%b8%95…", a crawl asks for "%E0%B8%95…") and
    the order of their query's arguments (w3lib's ``canonicalize_url``)."""
    url, other = url.split("#")[0], other.split("#")[0]
    return url == other or canonicalize_url(url) == canonicalize_url(other)


def _in_link_elsewhere(el, here: str, base: str) -> bool:
    """``el`` is inside a link (``<a href>`` wrapping a whole card) to a page other than ``here``."""
    for a in el.iterancestors("a"):
        href = (a.get("href") or "").strip()
        return bool(href) and not href.startswith(("#", "javascript:")) and not same_page(urljoin(base, href), here)
    return False


def _item_of_info_line(el, text: str) -> bool:
    """``el`` comes after other items of a short block whose text is an info line: the name in
    "<div>๒๑ ส.ค. ๖๗</div><div>กลุ่มงาน…</div><div>ข่าวกิจกรรม</div>", its icon gone (a title
    comes before its info, never after the date in its line)."""
    parent, before = el.getparent(), el.getprevious()
    while before is not None and not (isinstance(before.tag, str) and element_text(before)):
        before = before.getprevious()
    if parent is None or before is None or len(text) > 40:
        return False  # (an item is a name or a section's; a title after a date in its block is longer)
    line = clean(element_text(parent)) or ""
    return len(text) < len(line) <= MAX_INFO_LINE and _is_info(line)


def _first_dated_line(lines: list[str]):
    """The first of ``lines`` that holds a date: ``(its index, the date found, the text before
    the date, the text after it)``, or None."""
    for i, line in enumerate(lines):
        date = fields.find_date(line)
        if date.matched:
            at = line.find(date.matched)
            return i, date, line[:at], line[at + len(date.matched):]
        if _DAY_ALONE.match(line) and i + 1 < len(lines):
            # a date badge: the day on a line of its own over the month and year ("๒๓" / "มิ.ย. ๖๖")
            joined = f"{line} {lines[i + 1]}"
            date = fields.find_date(joined)
            if date.matched and joined.startswith(date.matched):
                return i + 1, date, "", joined[len(date.matched):]
    return None


_DAY_ALONE = re.compile(r"^[\d๐-๙]{1,2}$")


def _info_items(ul) -> bool:
    """A short list (``<ul class="list-inline news-meta">``) of which an item is a date alone or a
    number alone: the article's info items, their icons' names gone."""
    if ul is None or ul.tag not in ("ul", "ol"):
        return False
    items = [clean(element_text(li)) or "" for li in ul if li.tag == "li"]
    return 2 <= len(items) <= 6 and any(_opens_with_date(t) or _ONLY_COUNTS.match(t) for t in items)


def _in_semantic_noise(el) -> bool:
    """Inside navigation, a sidebar or a footer as HTML marks them (tags and ARIA roles), whatever
    the page's boxes of links look like."""
    return any(a.tag in NOISE_TAGS or a.get("role") in NOISE_ROLES for a in el.iterancestors())


def _is_site_footer(el) -> bool:
    """A short block with the copyright line and the office's address or telephone: the site's
    footer, however it is marked up (a plain ``<div>`` on older sites), never the article's text."""
    if _text_len(el) > 400:
        return False
    text = element_text(el)
    return bool(_COPYRIGHT.search(text) and _ADDRESS.search(text))


def _label_row(table) -> bool:
    """A table's first row is column headings written as labels in plain cells: two or more of
    its cells are info labels alone ("วันที่ประกาศ", "ผู้ประกาศ", "จำนวนผู้อ่าน")."""
    for i, row in enumerate(table.iter("tr")):
        cells = [c for c in row if c.tag in ("td", "th")]
        if i == 0 and len(cells) == 1:
            continue  # (one cell over the columns first: "แสดง # [10]", the list's size)
        if not 3 <= len(cells) <= 8:
            return False
        texts = [clean(element_text(c)) or "" if _SHORT_CELL(c) else "" for c in cells]
        # (or three of a list's usual column headings: "ลำดับ | หัวข้อข่าว | วันที่ | อ่าน")
        return (sum(1 for c in texts if c and is_label_alone(c)) >= 2
                or sum(1 for c in texts if c and (is_label_alone(c) or _PLAIN_COLUMN_HEADING.match(c))) >= 3)
    return False


#: A list's column heading that is no info label alone ("ลำดับ", "หัวข้อข่าว", "อ่าน").
_PLAIN_COLUMN_HEADING = re.compile(r"^(?:ลำดับ(?:ที่)?|ที่|หัวข้อ(?:ข่าว)?|เรื่อง|ชื่อเรื่อง|วันที่|อ่าน|ผู้อ่าน|เข้าชม|ผู้เข้าชม"
                             r"|No\.?|#|Title|Subject|Date|Views|Hits|Reads)$", re.IGNORECASE)


#: A whole date in brackets ending a title.
_TITLE_DATE = re.compile(r"[(\[]([^()\[\]]{6,30})[)\]]\s*$")


def _is_title_over_info(el) -> bool:
    """One line with an info line right after it (a packaged CMS's "news-topic" div over its
    "ประกาศเมื่อ : ..." row): the title, not a paragraph of the text, however long."""
    nxt = next((s for s in el.itersiblings() if isinstance(s.tag, str) and _text_len(s)), None)
    if nxt is None or len(paragraphs(el, skip=is_noise)) != 1:
        return False
    lines = paragraphs(nxt, skip=is_noise)
    return 0 < len(lines) <= 3 and all(len(line) <= MAX_INFO_LINE and _is_info(line) for line in lines)


def _is_contact_block(el) -> bool:
    """A block of the office's address and telephone lines and nothing else (a page-builder's
    footer frame): not more of the text beside it. A text's own closing "สอบถามได้ที่ ... โทร."
    is a sentence, inside the text's block."""
    if _text_len(el) > 400:
        return False
    lines = paragraphs(el, skip=is_noise)
    return (1 <= len(lines) <= 5 and any(_PHONE_LINE.match(line) for line in lines)
            and all(_PHONE_LINE.match(line) or _POSTAL_LINE.search(line) for line in lines))


_PHONE_LINE = re.compile(r"^\s*(?:โทร(?:ศัพท์|สาร)?|Tel|Phone|Fax|E-?mail|อีเมล)\b", re.I)
_POSTAL_LINE = re.compile(r"(?:ถนน|ตำบล|อำเภอ|จังหวัด|แขวง|เขต|ต\.|อ\.|จ\.).*\b\d{5}\b")
_COPYRIGHT = re.compile(r"©|\bCopyright\b|สงวนลิขสิทธิ์", re.I)
_ADDRESS = re.compile(r"โทร|\bTel\b|ถนน|อำเภอ|เขต|ตำบล|แขวง|\b\d{5}\b", re.I)


def _has_picture(el) -> bool:
    """A picture of the article's own: not a button's icon, not a banner linking elsewhere, not in
    a module."""
    imgs = [el] if el.tag == "img" else list(el.iter("img"))
    return any(not fields.is_action_button(img) and not fields.is_icon(img) and not _inside_link(img) and not in_noise(img)
               for img in imgs)


def _opens_with_heading(el) -> bool:
    """A block whose first words are a heading starts a section of its own (a sidebar's box, the
    attachments' "เอกสารแนบ"), not a continuation of the text above it. Hidden words (Plone's
    ``display: none`` schema.org span before its title) are not its first words."""
    walker = etree.iterwalk(el, events=("start",))
    for _, node in walker:
        if not isinstance(node.tag, str):
            continue
        if "display:none" in (node.get("style") or "").replace(" ", "").lower():
            walker.skip_subtree()
            continue
        if node.tag in HEADING_TAGS:
            return True
        if (node.text or "").strip():
            return False
        if node is not el and (node.tail or "").strip():
            return False
    return False


def _continues_text(el) -> bool:
    """A block that carries on an article's text: paragraphs (not headings, lists of links,
    navigation or info lines), their links at most a quarter of their text."""
    if is_noise(el) or el.tag in HEADING_TAGS or _CLOSES_TEXT(el) or _opens_with_heading(el):
        return False
    paras = [el] if el.tag in _TEXT_UNITS else ([p for p in el.iter(*_TEXT_UNITS)] or [el])
    texts = [clean(element_text(p)) for p in paras if not in_noise(p)]
    texts = [t for t in texts if t]
    if not texts or all(_is_info(t) for t in texts):
        return False
    links = [clean(element_text(a)) or "" for a in el.iter("a") if a.get("href")]
    if links and all(_FILE_NAME.search(t) for t in links):  # a field listing files by name: attachments
        return False
    # links to the article's own documents are its text ("ไฟล์แนบ <a>แนวทาง...</a>"); others are navigation
    # and so are the text's own calls to action ("คลิกที่นี่", "click here")
    navigation = sum(len(t.strip()) for a in el.iter("a")
                     if not fields.is_document_link(a.get("href") or "") and not _CALL_TO_ACTION.match(element_text(a))
                     for t in a.itertext())
    return navigation < 0.25 * max(_text_len(el), 1)


def _prose_runs(root):
    """``(element, length)`` for every text run of prose: the element holding it, its length."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        text = el.text
        if text and len(text) >= MIN_PROSE and el.tag not in ("a", "script", "style", "title", "option"):
            n = len(text.strip())
            if n >= MIN_PROSE and not _in_link(el):
                yield el, n
        for child in el:
            tail = child.tail
            if tail and len(tail) >= MIN_PROSE and isinstance(child.tag, str):
                n = len(tail.strip())
                if n >= MIN_PROSE and not _in_link(el):
                    yield el, n


def _inside_link(el) -> bool:
    return any(a.tag == "a" for a in _ancestors(el))


def _in_link(el) -> bool:
    return any(a.tag in ("a", "h1", "h2", "h3", "script", "style", "button", "select") for a in _ancestors(el))
