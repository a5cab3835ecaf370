"""Pages of a portal that are not news: told by what the page found as its "article" holds.

A portal has pages that look like one article to the block finder (a heading, some text, a date
or pictures) but are not news: a staff directory, a photo album, a sign-in form, a list of dated
PDF links, a grid of cards, an "about us" page. Each check below is one named signal, a pure
function of the page object and the raw fields it read, and returns the reason or None;
:func:`check_is_news` runs them in order and raises :class:`StaticPage` with the first reason.

None of them reads a class or id name: the same page with its names replaced is judged the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from scraper.pages.generic import _POSTAL_LINE, _in_semantic_noise, _inside
from scraper.parsers import fields
from scraper.parsers.errors import StaticPage
from scraper.parsers.labels import split_labelled
from scraper.parsers.text import clean, element_text, paragraphs

#: A title that names the page a notice or news (ประกาศ..., คำสั่ง..., ข่าว...): such a page is news
#: even when it shows no date, author or hit count (a notice saved from Word as .htm).
_NOTICE_TITLE = re.compile(r"^\s*(?:ประกาศ|คำสั่ง|ข่าว|แถลงการณ์|แถลงข่าว|หนังสือเวียน|Announcement|News|Press)", re.I)

#: A news report's opening: "เมื่อวันพฤหัสบดีที่ 14 มีนาคม 2562 …", "วันที่ 5 มิ.ย. 67 …", "On 3 May …"
#: (an about or contact page never opens with the day something happened).
_REPORT_OPENING = re.compile(r"^(?:เมื่อ|ระหว่าง)?\s*วัน\S{0,12}?ที่|^On\s", re.I)


def _opens_as_a_report(paragraphs: list[str]) -> bool:
    """The text opens with the date of what it reports (the webmaster turned the info line off)."""
    first = paragraphs[0][:80] if paragraphs else ""
    return bool(_REPORT_OPENING.match(first)) and fields.find_date(first).matched is not None


#: A person's name and nothing else (a directory's or an executive's page): a Thai title of
#: address, a given name and a family name.
_PERSON = re.compile(r"^(?:นาย|นางสาว|นาง|น\.ส\.|ว่าที่\s*ร(?:\.ต|้อยตรี)\.?(?:หญิง)?|ดร\.|Mr\.|Mrs\.|Ms\.)\s*\S+\s+\S+$")

#: How long a picture's caption is at most (one line under a thumbnail).
MAX_CAPTION = 100
#: The longest line read as a date alone ("วันพฤหัสบดีที่ 26 ธันวาคม พ.ศ. 2567 เวลา 10:30 น.").
MAX_DATE_LINE = 80
#: The most text a list of notices has besides the list (a line of introduction).
MAX_LIST_INTRO = 200
#: Pictures, each with its caption, that make a page an album rather than a story with photos.
MIN_ALBUM = 6
#: The most text an album's page has (its description).
MAX_ALBUM_TEXT = 300


def sign_in_form(page, raw: dict) -> str | None:
    """A password field in the article's block: a sign-in page (an e-service's login, with a
    notice beside it), whatever heading and text stand around it. A login module in a sidebar
    is outside the article's block and does not count."""
    root = page.root
    if root is None or "assword" not in page.decoded[0] and "ASSWORD" not in page.decoded[0]:
        return None
    for field in root.iter("input"):
        if (field.get("type") or "").lower() == "password":
            return "a sign-in page (a password field in the page's main block), not news"
    return None


#: A file's size as a file's page prints it among its details ("ขนาดไฟล์: 186.52 kB", "Filesize 2 MB").
_FILE_SIZE_LINE = re.compile(r"(?:ขนาดไฟล์|ขนาด|File\s*size|Size)\s*:?\s*[\d๐-๙][\d๐-๙.,]*\s*[KMG]i?B\b", re.IGNORECASE)
_DOWNLOAD_HANDLER = re.compile(r"[?&](?:sdm_process_download=1|wpdmdl=\d)")
_DOWNLOAD_WORDS = re.compile(r"^\s*(?:ดาวน์โหลด|ดาวโหลด|Download)(?:\s*(?:ไฟล์|file|now))?\s*$", re.IGNORECASE)


def download_page(page, raw: dict) -> str | None:
    """One file's page: its details among the info lines (its size) and a form whose button
    downloads it (Phoca Download's, jDownloads' file view), outside the site's menus and sidebars:
    a document's page, not news. A post with an attachment links the file; it posts no form to
    fetch it."""
    if not _FILE_SIZE_LINE.search(" ".join(page.info_lines)):  # (the label on a line of its own, the size under it)
        return _download_manager_page(page)
    for form in page.doc.iter("form"):
        if _in_semantic_noise(form) or form.get("role") == "search":
            continue  # (a sidebar's search, a login module)
        for button in form.iter("input", "button"):
            if (button.get("type") or "submit").lower() == "submit" and _DOWNLOAD_WORDS.match(
                    button.get("value") or clean(element_text(button)) or ""):
                return "a file's download page (its size among the details, a form to download it), not news"
    return _download_manager_page(page)


def _download_manager_page(page) -> str | None:
    """A download manager's item page: its handler linked as the page's button (Simple Download
    Monitor's "?sdm_process_download=1&download_id=2207", WordPress Download Manager's
    "?wpdmdl=…") and the file's size among the article block's words. Looked for only when the
    page's source names such a handler: every page that shows no file size comes here."""
    html = page.decoded[0]
    if "sdm_process_download" not in html and "wpdmdl" not in html:
        return None
    for a in page.root.iter("a"):
        if _DOWNLOAD_HANDLER.search(a.get("href") or "") and not _in_semantic_noise(a) \
                and _FILE_SIZE_LINE.search(element_text(page.root)):
            return "a file's download page (its size among the details, a download manager's button), not news"
    return None


def record_fields(page, raw: dict) -> str | None:
    """The text found is one field's value in a table of labelled fields ("เรื่อง | …", "วิธีการ
    จัดหา | …", "วงเงินงบประมาณ | …": an e-GP notice's record, a form's): the page shows a record,
    not a story. A news table of details under its text leaves the text outside the table."""
    body = page.body_elements
    text = raw.get("paragraphs") or []
    if len(body) != 1 or body[0].tag != "td" or not text or sum(map(len, text)) > 300:
        return None
    row = body[0].getparent()
    table = next(row.iterancestors("table"), None) if row is not None else None
    if table is None:
        return None
    labelled = 0
    for tr in table.iter("tr"):
        cells = [c for c in tr if c.tag in ("td", "th")]
        if len(cells) == 2 and 0 < len(clean(element_text(cells[0])) or "") <= 30:
            labelled += 1
    if labelled >= 5 and body[0] is not row[0]:
        return f"a record of {labelled} labelled fields in a table (a notice's, a form's), not news"
    return None


#: A title that is an uploaded picture's file name: a camera's ("IMG_4821", "DSC01234", "PXL_2024…")
#: or any name with a picture's extension ("โปสเตอร์.jpg").
_FILE_NAME_TITLE = re.compile(r"^\s*(?:(?:IMG|DSC|DSCN|DSCF|PXL|P|MVIMG|Photo|image)[_-]?\d[\w-]*|\S+\.(?:jpe?g|png|gif|webp|heic))\s*$",
                              re.IGNORECASE)


def media_page(page, raw: dict) -> str | None:
    """The title is an uploaded picture's file name, or the address is a picture's own
    ("…/heat-stroke-2567.jpg.html", Zenphoto's image page): a picture's own page (WordPress's
    attachment page, a gallery's photo view), not news."""
    title = raw.get("title") or ""
    if _FILE_NAME_TITLE.match(title):
        return f"a picture's page (its title the file name {title!r}), not news"
    if _PICTURE_PAGE_PATH.search(urlsplit(page.page_url).path):
        return "a picture's page (its address the picture's file name), not news"
    return None


_PICTURE_PAGE_PATH = re.compile(r"\.(?:jpe?g|png|gif|webp)\.(?:html?|php)$", re.IGNORECASE)


#: A line of the office's telephone (``_POSTAL_LINE``, generic's: one of its address).
_TELEPHONE = re.compile(r"โทร|\bTel\b|\bPhone\b", re.IGNORECASE)


def address_only(page, raw: dict) -> str | None:
    """The text found is the office's address and telephone and nothing else: what is left of a
    page whose content is not text (a form's, a map's, the contact page): a page of the site."""
    text = raw.get("paragraphs") or []
    if text and sum(map(len, text)) <= 400 and all(_POSTAL_LINE.search(line) or _TELEPHONE.search(line) for line in text) \
            and any(_POSTAL_LINE.search(line) for line in text):
        return "no article text: the text found is the office's address and telephone (a page of the site), not news"
    return None


#: A section of the site that is a reference, not news, by its address: the FAQ (Ultimate FAQs'
#: "/ufaqs/…"), the law library ("/law/…"), the calendar ("/calendar/holiday.php",
#: "/holiday-calendar/"), the video library (All-in-One Video Gallery's "/video/<clip>/").
_REFERENCE_SECTION = re.compile(r"/(?:u?faqs?|laws?|[\w-]*calendar|videos?)/", re.IGNORECASE)


def reference_page(page, raw: dict) -> str | None:
    """A page of the site's FAQ, law library, calendar or video library, told by its address: a
    standing answer, a law's text, a year's holidays, a clip, each dated and counted like news but
    kept as a reference."""
    path = unquote(urlsplit(page.page_url).path)
    found = _REFERENCE_SECTION.search(path)
    if found:
        return f"a page of the site's {found.group(0).strip('/')} section (by its address), not news"
    return None


def person_page(page, raw: dict) -> str | None:
    """The heading is a person's name alone: a directory's or an executive's page."""
    title = raw.get("title") or ""
    if _PERSON.match(title.strip()):
        return f"a person's page ({title!r}: a name, as in a staff directory), not news"
    return None


def static_page(page, raw: dict) -> str | None:
    """No publication date, author or hit count anywhere the article's lines are read, and a
    title that does not name a notice: a page of the site (about us, contact, history), not news.
    A modification date alone ("แก้ไขล่าสุด") does not date news: static pages show it too."""
    if raw.get("author") or raw.get("hits"):
        return None
    dates = raw.get("dates") or ()
    if any(candidate["kind"] != "modified" for candidate in dates):
        return None
    title = raw.get("title") or ""
    # (a section's name alone, "ข่าวล่าสุด", "ข่าวสาร", names a box of the page, not a notice)
    if _NOTICE_TITLE.match(title) and (len(title) > 20 or " " in title.strip()) or _opens_as_a_report(raw.get("paragraphs") or []):
        return None
    if dates and any(seg.kind == "category" for line in page.info_lines for seg in split_labelled(line)[1]):
        return None  # an article's info block showing its category and when it was changed (Joomla, author and hits off)
    if _NEWS_ADDRESS.search(unquote(urlsplit(page.page_url).path)):
        return None  # filed under the site's news by its address ("/news/<slug>", "news_detail.php"): a post whose info is off
    return "a page with no publication date, author or hit count (a static page of the site), not news"


#: An address that files the page under the site's news: a post's slug or number right below a
#: news section ("/news/songkran-safety-campaign-2567", not a section's "/news/activities") or
#: a news script's page ("news_detail.php", "newsview.php").
_NEWS_ADDRESS = re.compile(r"/(?:news|ข่าว[^/]*)/[^/.]*[-_\d][^/.]*/?$|/news[_-]?(?:detail|view|read|show)\w*\.\w+$", re.IGNORECASE)


#: A title that is the name of one of the site's own pages, whole: about, history, contact, the
#: organisation, the site map. (Not an ITA item's "O1 โครงสร้าง" by its title: offices file news
#: about their ITA reports, "O12 รายงานผลการดำเนินงาน…", too; ``ita_item`` tells the items.)
_SITE_PAGE_TITLE = re.compile(
    r"^\s*(?:ติดต่อ(?:เรา|สำนักงาน|หน่วยงาน)?|Contact(?:\s+us)?|ประวัติ(?:ความเป็นมา|สำนักงาน|หน่วยงาน)?"
    r"|เกี่ยวกับ(?:เรา|หน่วยงาน|สำนักงาน)|About(?:\s+us)?|แผนผังเว็บไซต์|Site\s*map|โครงสร้าง(?:องค์กร|หน่วยงาน|สำนักงาน)?"
    r"|อำนาจหน้าที่|วิสัยทัศน์(?:\s*(?:และ\s*)?พันธกิจ)?|ทำเนียบผู้บริหาร|ผู้บริหาร|บุคลากร)\s*$",
    re.IGNORECASE,
)


def site_page_title(page, raw: dict) -> str | None:
    """The title is the name of one of the site's own pages ("ประวัติสำนักงาน", "ติดต่อเรา"): a page
    of the site even when its template shows an author, a date and a counter (Joomla's
    single-article menu items do), not news."""
    title = raw.get("title") or ""
    if _SITE_PAGE_TITLE.match(title):
        return f"a page of the site ({title!r} names the site's own page), not news"
    return None


#: An ITA indicator ("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", "ตัวชี้วัดย่อยที่ 9.1") and the data owner's
#: field that the assessment's disclosure form asks for ("ผู้รับผิดชอบข้อมูล").
_ITA_INDICATOR = re.compile(r"ตัวชี้วัด(?:ย่อย)?ที่\s*[\d๐-๙]")
_ITA_DATA_OWNER = re.compile(r"ผู้รับผิดชอบข้อมูล|ผู้อนุมัติ(?:ให้)?(?:การ)?เผยแพร่")


def ita_item(page, raw: dict) -> str | None:
    """An item of the integrity and transparency assessment (ITA's "OIT" items: "O1 โครงสร้าง",
    "O15 รายงานผลการจัดซื้อจัดจ้าง…"): the page names its indicator and the item's data owner,
    the fields of the assessment's disclosure form. A disclosure filed on the site, whatever
    date, author and counter its template shows, not news. (Offices also post news about their
    ITA reports: without the indicator and the form's fields, a post stays news.)"""
    html = page.decoded[0]
    if "ตัวชี้วัด" not in html or not _ITA_DATA_OWNER.search(html) or not _ITA_INDICATOR.search(html):
        return None
    return "an ITA disclosure item (its indicator and data owner named), not news"


def structured_web_page(page, raw: dict) -> str | None:
    """The page's JSON-LD describes a ``WebPage`` and no article (SEO plugins such as Yoast give a
    post its ``Article``; a page of the site, "ตำแหน่งงานว่าง", gets only ``WebPage``), and the page
    shows no author or hits: a page of the site, not news."""
    if raw.get("author") or raw.get("hits"):
        return None
    metas = {el.get("property") or el.get("name"): el.get("content") for el in page.doc.iter("meta")}
    if metas.get("og:type") == "article" and (metas.get("article:published_time") or metas.get("og:article:published_time")):
        return None  # (its OpenGraph calls it a published article: The SEO Framework's post)
    types = page.json_ld.get("@type")
    types = types if isinstance(types, list) else [types]
    if "WebPage" in types and not any(isinstance(t, str) and (t.endswith("Article") or t in _NEWS_TYPES) for t in types):
        return "a page the site's structured data calls a WebPage, not an article, with no author or hits: not news"
    return None


_NEWS_TYPES = frozenset(("BlogPosting", "Report"))


def photo_album(page, raw: dict) -> str | None:
    """Many pictures, each with its own one-line caption, and no paragraph of story: an album
    (Phoca Gallery, a WordPress gallery page). A news story with photos has its text."""
    images, captions = raw.get("images") or [], raw.get("paragraphs") or []
    if len(images) < MIN_ALBUM or len(captions) < 0.75 * len(images):
        return None
    long = [p for p in captions if len(p) > MAX_CAPTION and not _SITE_FOOTER.search(p)]
    if long:
        # the album's description above pictures that each show their views (Coppermine's
        # thumbnails: "ดู 57 ครั้ง" over each caption); a story's photos carry no counter
        viewed = sum(1 for p in captions if len(p) <= MAX_CAPTION and _VIEWS_ON.search(p))
        if len(long) > 1 or viewed < max(MIN_ALBUM, 0.75 * len(images)):
            return None
        return f"a photo album ({len(images)} pictures, {viewed} with their views, and a description), not news"
    return f"a photo album ({len(images)} pictures with {len(captions)} captions, no story), not news"


#: The site's footer line (its address, telephone, copyright) read with a page's text.
_SITE_FOOTER = re.compile(r"©|Copyright|สงวนลิขสิทธิ์|โทร\.?\s*[\d๐-๙]", re.IGNORECASE)
#: A picture's own view count beside its caption ("ดู 57 ครั้ง", "เข้าชม 12", "41 views").
_VIEWS_ON = re.compile(r"(?:ดู|เข้าชม|Views?|Hits?)\s*:?\s*[\d๐-๙][\d๐-๙,]*|[\d๐-๙][\d๐-๙,]*\s*(?:ครั้ง|views?|hits?)(?!\w)",
                       re.IGNORECASE)


def thumbnail_grid(page, raw: dict) -> str | None:
    """Six or more pictures that are links (thumbnails opening a photo or a page), outside the
    text found, beside a short text and no author: an album's page (JoomGallery, Phoca), whose
    "text" is the album's description. A story's gallery stands inside its text."""
    text = sum(len(p) for p in raw.get("paragraphs") or ())
    body = page.doc.find("body")
    if raw.get("author") or text > MAX_ALBUM_TEXT or body is None:
        return None
    inside = page.body_elements
    thumbs = 0
    for a in body.iter("a"):
        if a.get("href") and a.find(".//img") is not None and not _in_semantic_noise(a) and not any(
                _inside(a, b) for b in inside):
            thumbs += 1
    if thumbs >= MIN_ALBUM:
        return f"a page of {thumbs} thumbnails (an album), not news"
    return None


def _bare_date(text: str) -> bool:
    found = fields.find_date(text)
    if not found.matched:
        return False
    rest = text.replace(found.matched, " ", 1)
    return len(re.sub(r"[\s()\[\]|:,\-–]+", "", rest)) <= 8  # a weekday or "วันที่" at most


_DIGIT = re.compile(r"\d").search


def _date_line(text: str) -> bool:
    """A line that is a date and nothing else, labelled or not ("สร้างเมื่อ 26 ธันวาคม 2024")."""
    if _bare_date(text):
        return True
    head, labelled = split_labelled(text)
    return (not head.strip() and len(labelled) == 1 and labelled[0].kind in ("published", "created", "modified")
            and _bare_date(labelled[0].value))


def dated_cards(page, raw: dict) -> str | None:
    """Three or more lines of the text found are a date alone: entries of a list, each dated on a
    line of its own (a grid of cards, search results, a category's intros). No article of the
    hand-written or generated sets has even two such lines in its text."""
    short = [p for p in raw.get("paragraphs") or () if len(p) <= MAX_DATE_LINE and _DIGIT(p)]  # (a date has digits)
    if len(short) < 3:
        return None
    dates = sum(1 for p in short if _date_line(p))
    if dates >= 3:
        return f"a list of {dates} dated entries (cards, results or intros), not one article"
    return None


def dated_rows(page, raw: dict) -> str | None:
    """Four or more of the text's lines open with a date, and they are most of it: the rows of
    a schedule or a list ("1 พ.ค. 2567 08.30 น. ร่วมงานวันแรงงาน … หอประชุมจังหวัด"), each an
    entry of its own, not one story. (A story quoting a schedule has its own paragraphs around it.)"""
    lines = raw.get("paragraphs") or ()
    if len(lines) < 4:
        return None
    rows = sum(1 for p in lines if _DIGIT(p[:3]) and _starts_with_date(p))
    if rows >= 4 and rows >= 0.6 * len(lines):
        return f"a table of {rows} dated rows (a schedule or a list), not one article"
    return None


def _starts_with_date(text: str) -> bool:
    """A whole date opens the line (its first two characters at most before it)."""
    found = fields.find_date(text[:40])
    return bool(found.matched) and text.find(found.matched) <= 2


def dated_entries(page, raw: dict) -> str | None:
    """Three or more lines of the article's block are the same label with a date of its own
    ("Date: วันจันทร์ 12 มีนาคม 2012, 09:02", once per entry): a guestbook's or a webboard's
    entries, each dated, not one article (an article has its date, maybe its change date, once).
    The block is read whole only when its info lines already show two such dates."""
    def most_dates(lines) -> int:
        by_label: dict[str, set] = {}
        for line in lines:
            head, labelled = split_labelled(line)
            if not head.strip() and len(labelled) == 1 and labelled[0].kind == "published" and _bare_date(labelled[0].value):
                by_label.setdefault(labelled[0].label.lower(), set()).add(fields.find_date(labelled[0].value).matched)
        return max((len(found) for found in by_label.values()), default=0)

    if most_dates(page.info_lines) < 2:
        return None  # (the info lines read at most a few lines below the text: the block is read whole only then)
    dates = most_dates(paragraphs(page.root, skip=page.is_noise))
    if dates >= 3:
        return f"a list of {dates} entries each dated on a line of its own (a guestbook, a webboard), not one article"
    return None


def dated_file_links(page, raw: dict) -> str | None:
    """A list of three or more links to files or pages, each with a date and nothing more, holding
    twice the text found and a short text at most (an intro), on a page with no author, hits or date of its own: a list of
    notices (procurement, announcements), each notice a document of its own. (A story of pictures
    beside a "latest news" list has its date.)"""
    body = page.doc.find("body")
    if raw.get("author") or raw.get("hits") or body is None or _dated(raw):
        return None
    text = sum(len(p) for p in raw.get("paragraphs") or ())
    if text > MAX_LIST_INTRO:
        return None
    for items in _lists(body):
        dated = 0
        for item in items:
            line = clean(element_text(item)) or ""
            links = " ".join(clean(element_text(a)) or "" for a in item.iter("a"))
            if links and len(links) >= 0.5 * len(line) and _bare_date(line.replace(links, " ")):
                dated += 1
        listed = sum(len(clean(element_text(item)) or "") for item in items)
        if dated >= 3 and dated >= 0.6 * len(items) and listed >= 2 * text:
            return f"a list of {dated} dated links to documents, not one article"
    return None


def _dated(raw: dict) -> bool:
    """The page dates itself: microdata, a ``<time>``, a meta tag or a labelled date."""
    return any(c["kind"] != "modified" and c["source"] != "text" for c in raw.get("dates") or ())


def _lists(root):
    for el in root.iter("ul", "ol"):
        items = [li for li in el if li.tag == "li"]
        # a list under its own heading is what the page shows (is_noise calls it a box of links):
        # only navigation, sidebars and footers by their HTML semantics are set aside
        if len(items) >= 3 and not _in_semantic_noise(el):
            yield items


#: The checks, cheapest and surest first.
CHECKS: tuple[Callable, ...] = (sign_in_form, download_page, record_fields, media_page, person_page, site_page_title, address_only, reference_page, ita_item, static_page, structured_web_page, photo_album,
                                dated_cards, dated_rows, dated_entries, dated_file_links, thumbnail_grid)


#: The checks that need the page alone to say it is news: a listing's own entry is news even
#: when every info field is hidden (``listed``).
UNLISTED_CHECKS = (site_page_title, reference_page, static_page, structured_web_page)


def check_is_news(page, raw: dict, *, listed: bool = False) -> None:
    """Raise :class:`StaticPage` when the page is one of the portal's pages that are not news.
    ``listed``: the portal's listing, feed or sitemap links it as an article."""
    for check in CHECKS:
        if listed and check in UNLISTED_CHECKS:
            continue
        reason = check(page, raw)
        if reason:
            raise StaticPage(reason)
