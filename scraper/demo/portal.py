"""A generated mini portal of a labour office, for the demo and for crawl tests and benchmarks.

    python -m scraper.demo.portal OUT [--articles N] [--seed S] [--no-expected]

:func:`build_portal` writes a static site that :class:`scraper.demo.server.PortalServer` serves at
any address: every link the site makes is root-relative or page-relative, never with a host.

* ``/`` (and ``/index.php``): home page with the main menu (category listings, about, contact), the
  featured article's intro with its read-more link (the article's second URL), a latest-news
  module (Joomla articles by their SEF URL: a second URL of the same id), a featured module (list
  layout articles by their non-SEF URL, and one old URL that answers 301), an RSS alternate link.
* Six categories, each a paginated listing (10 articles a page, newest first) in its CMS's layout:

  ==========  ===============================================================  ====================
  key         page 1 / later pages                                             article shapes
  ==========  ===============================================================  ====================
  j3blog      ``/index.php?option=com_content&view=category&layout=blog&id=8``  joomla3_override,
              ``&Itemid=101``, ``...&start=10``                                  joomla3_default,
  j3list      ``/index.php/announcements``, ``?limitstart=10`` (table.category)  joomla4
  k2          ``/index.php/component/k2/itemlist/category/5-activities``,       k2
              ``?start=10``
  wp          ``/category/press/``, ``/category/press/page/2/``                 wordpress
  php         ``/news_list.php``, ``?page=2``                                   custom_php
  j15         ``/index.php?option=com_content&view=category&id=12&Itemid=60``,  joomla15_table
              ``&limit=10&limitstart=10`` (windows-874 bytes)
  ==========  ===============================================================  ====================

* Articles rendered by :func:`scraper.demo.shapes.render` with unique numeric ids (increasing with
  the publication date) in their URLs; cp874 pages get a ``.meta.json`` charset sidecar (a few
  declare no charset at all, so the page's ``<meta>`` decides).
* Menu-only static pages (``STATIC_PAGES``: about, contact): Joomla single-article pages without an
  id in their URL, never to become records (manifest ``static_pages``; ``home_intro``: the article
  the home page features).
* A category RSS 2.0 feed of the blog category (newest 20), ``/sitemap.xml`` (every listed article
  URL), ``/robots.txt``.
* Deliberate faults, listed in the manifest with the reason the crawler should give: two listed
  articles without a file (HTTP 404), one truncated page, one empty file; one old URL that
  answers 301 to an existing article (``_redirects.json``, loaded by PortalServer).
* ``_manifest.json``: the ground truth of the portal (see :func:`build_portal`); with
  ``expected_records`` also ``_expected.jsonl``, the full expected record of every article
  (``url``, ``images`` and attachment URLs root-relative: prefix the server's base URL).

Deterministic: the same seed and article count give the same bytes. Pages are written one by one
(nothing but a small plan per article is held in memory).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from pathlib import Path

from scraper.derived import derive

from . import corpus
from .server import REDIRECTS_FILE, SIDECAR_SUFFIX, target_to_filename
from .shapes import SHAPES, TOPIC_SLUGS, SidebarItem, counter_html, make_article, random_counter, render
from .truth import BANGKOK, DateStyle, format_date

SITE_ID = "demo"
OFFICE_SITE = "area5"  # the office whose name the page chrome shows
PER_PAGE = 10
FEED_SIZE = 20
MANIFEST = "_manifest.json"
EXPECTED = "_expected.jsonl"
FIRST_ID = 1001


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    flavor: str
    shapes: tuple[str, ...]

    def page_target(self, page: int) -> str:
        """Request target of listing page ``page`` (1-based), as the CMS links it."""
        start = (page - 1) * PER_PAGE
        if self.key == "j3blog":
            base = "/index.php?option=com_content&view=category&layout=blog&id=8&Itemid=101"
            return base if page == 1 else f"{base}&start={start}"
        if self.key == "j3list":
            return "/index.php/announcements" if page == 1 else f"/index.php/announcements?limitstart={start}"
        if self.key == "k2":
            base = "/index.php/component/k2/itemlist/category/5-activities"
            return base if page == 1 else f"{base}?start={start}"
        if self.key == "wp":
            return "/category/press/" if page == 1 else f"/category/press/page/{page}/"
        if self.key == "php":
            return "/news_list.php" if page == 1 else f"/news_list.php?page={page}"
        if self.key == "j15":
            base = "/index.php?option=com_content&view=category&id=12&Itemid=60"
            return base if page == 1 else f"{base}&limit={PER_PAGE}&limitstart={start}"
        raise ValueError(self.key)


JOOMLA_SHAPES = ("joomla3_override", "joomla3_default", "joomla4")
CATEGORIES = (
    Category("j3blog", "ข่าวประชาสัมพันธ์", "joomla3-blog", JOOMLA_SHAPES),
    Category("j3list", "ประกาศ", "joomla3-list", JOOMLA_SHAPES),
    Category("k2", "ข่าวกิจกรรม", "k2-itemlist", ("k2",)),
    Category("wp", "ข่าวผู้บริหาร", "wordpress-category", ("wordpress",)),
    Category("php", "ข่าวสาร", "custom-php", ("custom_php",)),
    Category("j15", "คำสั่ง", "joomla15-category", ("joomla15_table",)),
)
CATEGORY_BY_KEY = {c.key: c for c in CATEGORIES}
#: What a Joomla site's administrator switches off for every article page at once (Article
#: Options: "Show Hits", "Show Publish Date"); ``build_portal(hide=...)`` renders the portal after
#: that switch: the same articles, their pages without those lines (for the portal-health tests).
HIDEABLE = ("hits", "dates")
JOOMLA_FAMILY = (*JOOMLA_SHAPES, "k2", "joomla15_table")
#: The publish-date line of each Joomla-family article layout (scraper/demo/shapes.py).
_DATE_LINES = re.compile(
    r'<div class="post-date">.*?</div>'  # joomla3_override
    r'|[ \t]*<dd class="published">.*?</dd>'  # joomla3_default, joomla4
    r'|<tr><td valign="top" colspan="2" class="createdate">.*?</td></tr>'  # joomla15_table
    r'|[ \t]*<span class="itemDateCreated">.*?</span>',  # k2
    re.DOTALL,
)
SHAPE_CATEGORY = {"k2": "k2", "wordpress": "wp", "custom_php": "php", "joomla15_table": "j15"}
FEED_TARGET = CATEGORIES[0].page_target(1) + "&format=feed&type=rss"
FAULT_REASONS = {"missing": "HTTP 404", "truncated": "truncated HTML", "empty": "empty file"}
#: Menu-only pages (Joomla "Single Article" menu items, SEF URLs without an article id): they parse
#: as articles but are not news, so they must never become records. (target, title, paragraphs)
STATIC_PAGES = (
    ("/index.php/about-us", "เกี่ยวกับหน่วยงาน", (
        "สำนักงานสวัสดิการและคุ้มครองแรงงานพื้นที่ 5 เป็นหน่วยงานในสังกัดกรมสวัสดิการและคุ้มครองแรงงาน "
        "กระทรวงแรงงาน มีหน้าที่คุ้มครองแรงงานให้ได้รับค่าจ้างและสวัสดิการตามกฎหมาย",
        "วิสัยทัศน์ แรงงานมีคุณภาพชีวิตที่ดี ได้รับความคุ้มครองตามกฎหมาย "
        "และสถานประกอบกิจการมีแรงงานสัมพันธ์ที่ดี ทำงานอย่างปลอดภัยและมีสุขอนามัยที่ดี",
        "พันธกิจ กำกับ ดูแล ตรวจสอบ ให้นายจ้างและลูกจ้างปฏิบัติตามกฎหมายคุ้มครองแรงงาน "
        "ส่งเสริมการจัดสวัสดิการแรงงาน และพัฒนาระบบความปลอดภัยในการทำงาน",
    )),
    ("/index.php/contact-us", "ติดต่อเรา", (
        "ที่อยู่ อาคารสำนักงาน ชั้น 3 ถนนมิตรไมตรี แขวงดินแดง เขตดินแดง กรุงเทพมหานคร 10400",
        "โทรศัพท์ 0 2245 xxxx โทรสาร 0 2245 xxxx สายด่วนแรงงาน 1546 "
        "เปิดให้บริการวันจันทร์ถึงวันศุกร์ เวลา 08.30 - 16.30 น. เว้นวันหยุดราชการ",
    )),
)


@dataclass
class Slot:
    """The plan of one listed article (small: the page itself is rendered later, then dropped)."""

    index: int
    article_id: int
    shape: str
    cat: str
    topic: str
    title: str
    alias: str
    published: datetime
    hits: int
    target: str = ""
    alt_target: str | None = None  # a second URL reaching the same article (written only when linked)
    fault: str | None = None  # missing | truncated | empty


# --- the plan --------------------------------------------------------------------------------------
def _plan(n_articles: int, seed: int) -> list[Slot]:
    """Listed articles, oldest first: ``n_articles`` good ones plus the four fault slots."""
    rng = random.Random(seed)
    total = n_articles + 4
    start = datetime(2019, 1, 2, tzinfo=BANGKOK)
    span = (datetime(2024, 12, 28, tzinfo=BANGKOK) - start).total_seconds()
    stamps = sorted(rng.random() * span for _ in range(total))
    title_uses: dict[str, int] = {}
    slots: list[Slot] = []
    aid = FIRST_ID
    wp_slugs: set[str] = set()
    for i, sec in enumerate(stamps):
        day = start + timedelta(seconds=sec)
        published = day.replace(hour=rng.randint(8, 16), minute=rng.randint(0, 59), second=rng.randint(0, 59))
        shape = SHAPES[rng.randrange(len(SHAPES))]
        cat = SHAPE_CATEGORY.get(shape) or ("j3blog" if rng.random() < 0.55 else "j3list")
        topic = rng.choice(sorted(corpus.TITLES))
        base_title = rng.choice(corpus.TITLES[topic])
        k = title_uses[base_title] = title_uses.get(base_title, 0) + 1
        title = base_title if k == 1 else f"{base_title} (ครั้งที่ {k})"
        alias = (
            TOPIC_SLUGS[topic]
            if rng.random() < 0.6
            else published.astimezone(timezone.utc).strftime("%Y-%m-%d-%H-%M-%S")
        )
        hits = rng.choice([rng.randint(3, 99), rng.randint(100, 999), rng.randint(1000, 25000)])
        slot = Slot(i, aid, shape, cat, topic, title, alias, published, hits)
        slot.target, slot.alt_target = _targets(slot, rng, wp_slugs)
        slots.append(slot)
        aid += rng.choice([1, 1, 1, 2, 3])
    # faults: listed articles in different categories, away from the newest page
    older = slots[: len(slots) - min(40, len(slots) // 3)]  # not among the newest (home page modules)
    picks = rng.sample(older, 4)
    for slot, kind in zip(picks, ["missing", "missing", "truncated", "empty"], strict=True):
        slot.fault = kind
    return slots


def _targets(slot: Slot, rng: random.Random, wp_slugs: set[str]) -> tuple[str, str | None]:
    aid, alias = slot.article_id, slot.alias
    if slot.cat == "j3blog":
        return (f"/index.php?option=com_content&view=article&id={aid}&catid=8&Itemid=101",
                f"/index.php/news/{aid}-{alias}")  # fmt: skip
    if slot.cat == "j3list":
        return (f"/index.php/announcements/{aid}-{alias}",
                f"/index.php?option=com_content&view=article&id={aid}&catid=9&Itemid=102")  # fmt: skip
    if slot.cat == "k2":
        return f"/index.php/component/k2/item/{aid}-{alias}", None
    if slot.cat == "wp":
        if rng.random() < 0.5:
            return f"/?p={aid}", None
        p = slot.published
        slug = TOPIC_SLUGS[slot.topic]
        n = 1
        while f"{p:%Y/%m/%d}/{slug}" in wp_slugs:
            n += 1
            slug = f"{TOPIC_SLUGS[slot.topic]}-{n}"
        wp_slugs.add(f"{p:%Y/%m/%d}/{slug}")
        return (
            f"/{p.year}/{p.month:02d}/{p.day:02d}/{slug}/",
            f"/?p={aid}",
        )  # permalink; the shortlink also works
    if slot.cat == "php":
        if rng.random() < 0.7:
            return f"/news_detail.php?id={aid}", None
        return f"/news/news_detail.php?type=1&id={aid}", None
    if slot.cat == "j15":
        if rng.random() < 0.6:
            return f"/index.php?option=com_content&task=view&id={aid}&Itemid=60", None
        return f"/index.php?option=com_content&view=article&id={aid}&catid=12&Itemid=60", None
    raise ValueError(slot.cat)


# --- files ------------------------------------------------------------------------------------------
class _Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0
        self.bytes = 0

    def put(self, target: str, data: bytes, meta: dict | None = None) -> Path:
        path = self.root / target_to_filename(target)
        if path.is_dir():  # a listing whose URL is also the parent of its articles' URLs
            path = path / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.files += 1
        self.bytes += len(data)
        if meta is not None:
            path.with_name(path.name + SIDECAR_SUFFIX).write_text(
                json.dumps(meta, sort_keys=True), encoding="utf-8"
            )
        return path


def file_for_target(root: Path, target: str) -> Path:
    """The file PortalServer serves for ``target`` (a directory's ``index.html``)."""
    path = Path(root) / target_to_filename(target)
    return path / "index.html" if path.is_dir() else path


def _sidebar(slots: list[Slot], good: list[int], pos_in_cat: dict[int, tuple[list[int], int]], slot: Slot,
             rng: random.Random) -> list[SidebarItem]:  # fmt: skip
    """Newer and older article of the same category first (the renderers' next/previous links)."""
    members, pos = pos_in_cat[slot.index]
    picks: list[int] = []
    if pos + 1 < len(members):
        picks.append(members[pos + 1])
    if pos > 0:
        picks.append(members[pos - 1])
    while len(picks) < 5:
        j = good[rng.randrange(len(good))]
        if j != slot.index and j not in picks:
            picks.append(j)
    return [SidebarItem(slots[j].title, slots[j].target, slots[j].published) for j in picks]


def build_portal(
    root: Path, *, n_articles: int = 320, seed: int = 2564, expected_records: bool = True,
    hide: tuple[str, ...] = (),
) -> dict:
    """Write the portal into ``root`` (created; existing files are overwritten); return the manifest.

    ``hide`` (of :data:`HIDEABLE`): the Joomla-family article pages (:data:`JOOMLA_FAMILY`) without
    their hit counter and/or publish-date line, as after an administrator's switch; everything
    else (ids, texts, listings) is the same bytes as without it. The manifest's ``published`` and
    ``hits`` are then None for those articles, and no ``_expected.jsonl`` is written (where a date
    line was cut out, the generator does not know what a parser should still find).

    Manifest: ``{"seed", "n_articles", "site", "articles": [{"id": "demo:<article id>", "target",
    "shape", "category", "title", "published", "author", "hits", "encoding", "also_at"}], "faults":
    [{"target", "kind", "reason", "article_id", "category"}], "redirects": {old target: target},
    "feed", "sitemap", "home", "categories": [page-1 targets], "listings": [{"key", "name", "flavor",
    "target", "pages", "articles"}], "files", "bytes"}``. ``published``/``author``/``hits``/``category``
    are what the article's record should carry (docs/record.md), ``None`` where the page hides them.
    """
    if n_articles < 20:
        raise ValueError("n_articles: at least 20 (the faults and the modules need some articles)")
    unknown = set(hide) - set(HIDEABLE)
    if unknown:
        raise ValueError(f"hide: unknown {', '.join(sorted(unknown))} (one of {', '.join(HIDEABLE)})")
    hide = tuple(h for h in HIDEABLE if h in hide)
    if hide:
        expected_records = False
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    w = _Writer(root)
    slots = _plan(n_articles, seed)
    good = [s.index for s in slots if s.fault is None]
    by_cat: dict[str, list[int]] = {c.key: [] for c in CATEGORIES}
    for s in slots:
        by_cat[s.cat].append(s.index)
    pos_in_cat = {i: (members, k) for members in by_cat.values() for k, i in enumerate(members)}

    # links on the home page: second URLs (SEF / non-SEF) and the moved old URL
    newest_good = [slots[i] for i in reversed(good)]
    latest = newest_good[:10]
    featured = [s for s in newest_good[10:] if s.cat == "j3list"][:4]
    intro = next((s for s in latest if s.cat == "j3blog" and s.alt_target), latest[0])  # the home page's intro
    moved_to = next((s for s in newest_good[14:] if s.cat == "j3blog"), newest_good[-1])
    old_target = f"/index.php?option=com_content&task=view&id={FIRST_ID - 589}&Itemid=54"
    redirects = {old_target: moved_to.target}
    also_at: dict[int, list[str]] = {}
    for s in latest + featured:
        if s.alt_target and s.cat in ("j3blog", "j3list"):
            also_at.setdefault(s.index, []).append(s.alt_target)
    for s in slots:
        if s.cat == "wp" and s.alt_target and s.fault is None:
            also_at.setdefault(s.index, []).append(s.alt_target)  # WordPress answers ?p=N for every post
    also_at.setdefault(moved_to.index, []).append(old_target)

    articles: list[dict] = []
    faults: list[dict] = []
    expected_out = (root / EXPECTED).open("w", encoding="utf-8") if expected_records else None
    if not expected_records and (root / EXPECTED).exists():
        (root / EXPECTED).unlink()
    try:
        for slot in slots:
            rng = random.Random(seed * 1_000_003 + slot.index)
            if slot.fault == "missing":
                faults.append(_fault(slot))
                continue
            page, art = _render(
                slot, rng, _sidebar(slots, good, pos_in_cat, slot, rng), truth=expected_records, hide=hide
            )
            meta = None
            if page.encoding != "utf-8":
                label = art.opts.get("charset_label", "windows-874")
                meta = {"charset": None if rng.random() < 0.25 else label}
            data = page.html
            if slot.fault == "truncated":
                data = _truncate(data.decode(page.encoding), slot.title).encode(page.encoding)
                assert b"</body" not in data and b"</html" not in data
            elif slot.fault == "empty":
                data = b""
            w.put(slot.target, data, meta)
            if slot.fault:
                faults.append(_fault(slot))
                continue
            for other in also_at.get(slot.index, []):
                if other not in redirects:
                    w.put(other, data, meta)
            rec = page.expected
            dated = not ("dates" in hide and slot.shape in JOOMLA_FAMILY)
            articles.append({
                "id": f"{SITE_ID}:{slot.article_id}", "target": slot.target, "shape": slot.shape,
                "category": rec["category"], "listing": slot.cat, "title": rec["title"],
                "published": rec["published"] if dated else None, "author": rec["author"], "hits": rec["hits"],
                "encoding": page.encoding, "also_at": also_at.get(slot.index, []),
            })  # fmt: skip
            if expected_out is not None:
                out = {k: v for k, v in rec.items() if not k.startswith("_")}
                out.update(id=f"{SITE_ID}:{slot.article_id}", url=slot.target, site=SITE_ID, office=None)
                out.update(derive(SITE_ID, None, out["published"]))  # the demo portal's own place: none
                out["_shape"] = slot.shape
                expected_out.write(json.dumps(out, ensure_ascii=False) + "\n")
    finally:
        if expected_out is not None:
            expected_out.close()

    listings = []
    for cat in CATEGORIES:
        members = [slots[i] for i in reversed(by_cat[cat.key])]  # newest first
        pages = _write_listing(w, cat, members, seed)
        listings.append({"key": cat.key, "name": cat.name, "flavor": cat.flavor, "target": cat.page_target(1),
                         "pages": pages, "articles": len(members)})  # fmt: skip
    blog = [slots[i] for i in reversed(by_cat["j3blog"])][:FEED_SIZE]
    w.put(FEED_TARGET, _feed(blog), {"content_type": "application/rss+xml", "charset": "utf-8"})
    w.put("/sitemap.xml", _sitemap(slots))
    w.put("/robots.txt", b"User-agent: *\nDisallow: /administrator/\nDisallow: /cache/\nDisallow: /tmp/\n"
                         b"Sitemap: /sitemap.xml\n")  # fmt: skip
    home = _home(latest, featured, old_target, moved_to, intro, seed)
    for target, title, paragraphs in STATIC_PAGES:
        w.put(target, _static_page(target, title, paragraphs, seed))
    w.put("/", home)
    w.put("/index.php/", home)  # Joomla answers /index.php with the home page too
    (root / REDIRECTS_FILE).write_text(
        json.dumps(redirects, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )

    manifest = {
        "seed": seed, "n_articles": n_articles, "site": SITE_ID, "home": "/", "hidden": list(hide),
        "articles": articles, "faults": faults, "redirects": redirects, "feed": FEED_TARGET,
        "sitemap": "/sitemap.xml", "categories": [c.page_target(1) for c in CATEGORIES], "listings": listings,
        "static_pages": [t for t, _, _ in STATIC_PAGES],
        "home_intro": {"id": f"{SITE_ID}:{intro.article_id}", "read_more": intro.alt_target or intro.target},
        "files": w.files, "bytes": w.bytes,
    }  # fmt: skip
    (root / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def _truncate(text: str, title: str) -> str:
    """The page cut off inside the article text (after the heading, inside its first paragraph)."""
    heading = text.rfind(escape(title, quote=False))
    para = text.find("<p", heading) if heading >= 0 else -1
    cut = para + 60 if para >= 0 else len(text) // 2
    while text[cut - 1].isspace():
        cut += 1
    return text[:cut]


def _fault(slot: Slot) -> dict:
    assert slot.fault is not None
    return {"target": slot.target, "kind": slot.fault, "reason": FAULT_REASONS[slot.fault],
            "article_id": f"{SITE_ID}:{slot.article_id}", "category": slot.cat}  # fmt: skip


def _render(slot: Slot, rng: random.Random, sidebar: list[SidebarItem], *, truth: bool, hide: tuple[str, ...] = ()):
    opts: dict = {"url": slot.target, "topic": slot.topic, "title": slot.title, "published": slot.published,
                  "article_id": slot.article_id, "alias_style": slot.alias}  # fmt: skip
    cat = CATEGORY_BY_KEY[slot.cat]
    opts["category"] = cat.name if rng.random() < 0.8 else None
    opts["hits"] = slot.hits if rng.random() < 0.85 else None
    hidden = hide if slot.shape in JOOMLA_FAMILY else ()
    if "hits" in hidden:
        opts["hits"] = None  # after the draw above: the rest of the page is the same bytes
    r = rng.random()
    if r < 0.05:
        opts["body_kind"] = "image_only"
    elif r < 0.1:
        opts["body_kind"] = "long"
    if slot.shape == "wordpress":
        opts["permalink"] = "shortlink" if slot.target.startswith("/?p=") else "dated"
    elif slot.shape == "custom_php":
        opts["url_style"] = "news_dir" if slot.target.startswith("/news/") else "root"
    elif slot.shape == "joomla15_table":
        opts["joomla_version"] = "1.5" if "task=view" in slot.target else "2.5"
    elif slot.shape == "k2":
        opts["url_style"] = "component"
    elif slot.shape in JOOMLA_SHAPES:
        opts["url_style"] = "nonsef" if "?" in slot.target else "sef_menu"
        if slot.shape == "joomla4":
            opts["url_rewrite"] = False
    art = make_article(rng, slot.shape, site=OFFICE_SITE, **opts)
    art.catid, art.itemid = {"j3blog": (8, 101), "j3list": (9, 102), "k2": (5, 103), "j15": (12, 60)}.get(
        slot.cat, (art.catid, art.itemid)
    )
    page = render(art, rng=rng, sidebar_items=sidebar, relative_urls=True, truth=truth)
    if "dates" in hidden:
        html = page.html.decode(page.encoding)
        stripped, n = _DATE_LINES.subn("", html)
        if n != 1:
            raise AssertionError(f"{slot.shape} page {slot.target}: {n} publish-date lines (expected 1)")
        page = dataclasses.replace(page, html=stripped.encode(page.encoding))
    return page, art


# --- listings ---------------------------------------------------------------------------------------
def _pages(members: list[Slot]) -> list[list[Slot]]:
    return [members[i : i + PER_PAGE] for i in range(0, len(members), PER_PAGE)] or [[]]


def _intro(slot: Slot) -> str:
    text = corpus.PARAGRAPHS[slot.topic][slot.article_id % len(corpus.PARAGRAPHS[slot.topic])]
    return text[:160].rsplit(" ", 1)[0] + " ..."


def _write_listing(w: _Writer, cat: Category, members: list[Slot], seed: int) -> list[str]:
    chunks = _pages(members)
    n = len(chunks)
    targets = [cat.page_target(p) for p in range(1, n + 1)]
    for p, chunk in enumerate(chunks, start=1):
        rng = random.Random(f"{seed}:{cat.key}:{p}")
        html = {"j3blog": _joomla_blog, "j3list": _joomla_list, "k2": _k2_list, "wp": _wp_list,
                "php": _php_list, "j15": _j15_list}[cat.key](cat, chunk, p, n, rng)  # fmt: skip
        if cat.key == "j15":
            w.put(targets[p - 1], html.encode("cp874", errors="xmlcharrefreplace"), {"charset": "tis-620"})
        else:
            w.put(targets[p - 1], html.encode("utf-8"))
    return targets


def _window(p: int, n: int, size: int = 10) -> range:
    lo = max(1, min(p - size // 2, n - size + 1))
    return range(lo, min(n, lo + size - 1) + 1)


def _joomla_pagination(cat: Category, p: int, n: int) -> str:
    if n <= 1:
        return ""
    t = cat.page_target
    lis = []
    lis.append(f'<li><a title="หน้าแรก" href="{escape(t(1))}" class="pagenav">หน้าแรก</a></li>' if p > 1
               else '<li class="disabled"><a>หน้าแรก</a></li>')  # fmt: skip
    lis.append(f'<li><a title="ก่อนหน้า" href="{escape(t(p - 1))}" class="pagenav">ก่อนหน้า</a></li>' if p > 1
               else '<li class="disabled"><a>ก่อนหน้า</a></li>')  # fmt: skip
    for k in _window(p, n):
        lis.append(f'<li class="active"><a>{k}</a></li>' if k == p
                   else f'<li><a title="{k}" href="{escape(t(k))}" class="pagenav">{k}</a></li>')  # fmt: skip
    lis.append(f'<li><a title="ถัดไป" href="{escape(t(p + 1))}" class="pagenav">ถัดไป</a></li>' if p < n
               else '<li class="disabled"><a>ถัดไป</a></li>')  # fmt: skip
    lis.append(f'<li><a title="ท้ายสุด" href="{escape(t(n))}" class="pagenav">ท้ายสุด</a></li>' if p < n
               else '<li class="disabled"><a>ท้ายสุด</a></li>')  # fmt: skip
    return (f'<div class="pagination">\n<p class="counter pull-right">หน้า {p} จาก {n}</p>\n'
            '<ul class="pagination-list">\n' + "\n".join(lis) + "\n</ul>\n</div>")  # fmt: skip


def _chrome(title: str, main: str, rng: random.Random, *, body_class: str, head_extra: str = "",
            charset: str = "utf-8") -> str:  # fmt: skip
    """The portal template around a listing (Joomla 3 protostar-like)."""
    counter = random_counter(rng, datetime(2024, 12, 1, tzinfo=BANGKOK))
    meta = (f'<meta charset="{charset}" />' if charset == "utf-8"
            else f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />')  # fmt: skip
    return (
        f'<!DOCTYPE html>\n<html lang="th-th" dir="ltr">\n<head>\n{meta}\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n'
        f"<title>{escape(title)} - {escape(OFFICE_NAME)}</title>\n{head_extra}</head>\n"
        f'<body class="{body_class}">\n<header class="header"><a class="brand" href="/">{escape(OFFICE_NAME)}</a></header>\n'
        f'<nav class="navigation">{_menu()}</nav>\n'
        f'<div class="row-fluid">\n<main id="content" class="span9">\n{main}\n</main>\n'
        f'<div id="aside" class="span3">\n{counter_html(*counter, heading="สถิติผู้เข้าชม")}\n</div>\n</div>\n'
        f'<footer class="footer"><p>{escape(OFFICE_NAME)} โทร. 0 2xxx xxxx สายด่วน 1546</p>'
        "<p>สงวนลิขสิทธิ์ © พ.ศ. 2567</p></footer>\n</body>\n</html>\n"
    )


def _menu() -> str:
    items = ['<li class="item-100"><a href="/">หน้าหลัก</a></li>']
    for k, cat in enumerate(CATEGORIES):
        items.append(
            f'<li class="item-{101 + k}"><a href="{escape(cat.page_target(1))}">{escape(cat.name)}</a></li>'
        )
    for k, (target, title, _) in enumerate(STATIC_PAGES):
        items.append(f'<li class="item-{120 + k}"><a href="{escape(target)}">{escape(title)}</a></li>')
    return '<ul class="nav menu mod-list">\n' + "\n".join(items) + "\n</ul>"


def _joomla_blog(cat: Category, chunk: list[Slot], p: int, n: int, rng: random.Random) -> str:
    style = DateStyle()
    items = []
    for k, s in enumerate(chunk):
        url = escape(s.target)
        items.append(
            f'<div class="items-row cols-1 row-{k} row-fluid clearfix"><div class="span12">\n'
            '<div class="item column-1" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">\n'
            f'<div class="page-header"><h2 itemprop="name"><a href="{url}" itemprop="url">{escape(s.title)}</a></h2></div>\n'
            '<dl class="article-info muted"><dt class="article-info-term">รายละเอียด</dt>\n'
            f'<dd class="published"><span class="icon-calendar" aria-hidden="true"></span> <time datetime="{s.published.isoformat()}" '
            f'itemprop="datePublished">เผยแพร่เมื่อ: {escape(format_date(s.published, style))}</time></dd>\n'
            f'<dd class="hits"><span class="icon-eye-open" aria-hidden="true"></span> ฮิต: {s.hits}</dd></dl>\n'
            f'<p>{escape(_intro(s))}</p>\n'
            f'<p class="readmore"><a class="btn" href="{url}" itemprop="url"><span class="icon-chevron-right" aria-hidden="true">'
            f'</span> อ่านเพิ่มเติม: {escape(s.title)}</a></p>\n</div>\n</div></div>'
        )  # fmt: skip
    main = (f'<div class="blog" itemscope itemtype="https://schema.org/Blog">\n<div class="page-header"><h1>{escape(cat.name)}</h1></div>\n'
            '<div class="items-leading clearfix"></div>\n' + "\n".join(items) + "\n"
            + _joomla_pagination(cat, p, n) + "\n</div>")  # fmt: skip
    head = (
        f'<link href="{escape(FEED_TARGET)}" rel="alternate" type="application/rss+xml" title="RSS 2.0" />\n'
    )
    return _chrome(
        cat.name,
        main,
        rng,
        body_class="site com_content view-category layout-blog itemid-101",
        head_extra=head,
    )


def _joomla_list(cat: Category, chunk: list[Slot], p: int, n: int, rng: random.Random) -> str:
    rows = []
    for k, s in enumerate(chunk):
        rows.append(
            f'<tr class="cat-list-row{k % 2}">\n<td headers="categorylist_header_title" class="list-title">'
            f'<a href="{escape(s.target)}">{escape(s.title)}</a></td>\n'
            f'<td headers="categorylist_header_date" class="list-date small">{escape(format_date(s.published, DateStyle(month="abbr")))}</td>\n'
            f'<td headers="categorylist_header_hits" class="list-hits"><span class="badge badge-info">ฮิต: {s.hits}</span></td>\n</tr>'
        )  # fmt: skip
    main = (
        f'<div class="category-list">\n<div class="page-header"><h1>{escape(cat.name)}</h1></div>\n'
        f'<form action="{escape(cat.page_target(1))}" method="post" name="adminForm" id="adminForm" class="form-inline">\n'
        '<table class="category table table-striped table-bordered table-hover">\n<thead><tr>'
        '<th scope="col" id="categorylist_header_title">หัวข้อ</th><th scope="col" id="categorylist_header_date">วันที่เผยแพร่</th>'
        '<th scope="col" id="categorylist_header_hits">ฮิต</th></tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n"
        + _joomla_pagination(cat, p, n) + "\n</form>\n</div>"
    )  # fmt: skip
    return _chrome(cat.name, main, rng, body_class="site com_content view-category no-layout itemid-102")


def _k2_list(cat: Category, chunk: list[Slot], p: int, n: int, rng: random.Random) -> str:
    style = DateStyle(weekday="comma", time="colon")
    items = []
    for s in chunk:
        url = escape(s.target)
        items.append(
            '<div class="itemContainer" style="width:100.0%;">\n<div class="catItemView groupLeading">\n'
            f'<div class="catItemHeader">\n<span class="catItemDateCreated">{escape(format_date(s.published, style))}</span>\n'
            f'<h3 class="catItemTitle"><a href="{url}">{escape(s.title)}</a></h3>\n</div>\n'
            f'<div class="catItemBody"><div class="catItemIntroText"><p>{escape(_intro(s))}</p></div></div>\n'
            f'<div class="catItemHitsBlock"><span class="catItemHits">ฮิต <b>{s.hits}</b> ครั้ง</span></div>\n'
            f'<div class="catItemReadMore"><a class="k2ReadMore" href="{url}">อ่านต่อ...</a></div>\n</div>\n</div>'
        )  # fmt: skip
    t = cat.page_target
    pag = ""
    if n > 1:
        nums = [
            f'<li class="active"><a>{k}</a></li>' if k == p else f'<li><a href="{escape(t(k))}">{k}</a></li>'
            for k in _window(p, n)
        ]
        if p < n:
            nums.append(f'<li><a title="ถัดไป" href="{escape(t(p + 1))}">&raquo;</a></li>')
        if p > 1:
            nums.insert(0, f'<li><a title="ก่อนหน้า" href="{escape(t(p - 1))}">&laquo;</a></li>')
        pag = ('<div class="k2Pagination">\n<ul class="pagination-list">\n' + "\n".join(nums)
               + f'\n</ul>\n<div class="k2PaginationCounter">หน้า {p} จาก {n}</div>\n</div>')  # fmt: skip
    main = (f'<div id="k2Container" class="itemListView">\n<div class="itemListCategory"><h2>{escape(cat.name)}</h2></div>\n'
            '<div class="itemList">\n<div id="itemListLeading">\n' + "\n".join(items) + "\n</div>\n</div>\n" + pag + "\n</div>")  # fmt: skip
    return _chrome(cat.name, main, rng, body_class="site com_k2 view-itemlist task-category itemid-103")


def _wp_list(cat: Category, chunk: list[Slot], p: int, n: int, rng: random.Random) -> str:
    arts = []
    for s in chunk:
        url = escape(s.target)
        arts.append(
            f'<article id="post-{s.article_id}" class="post-{s.article_id} post type-post status-publish format-standard hentry">\n'
            f'<header class="entry-header"><h2 class="entry-title"><a href="{url}" rel="bookmark">{escape(s.title)}</a></h2>\n'
            f'<div class="entry-meta"><span class="posted-on">โพสต์เมื่อ <a href="{url}" rel="bookmark"><time class="entry-date published" '
            f'datetime="{s.published.isoformat()}">{escape(format_date(s.published, DateStyle()))}</time></a></span></div></header>\n'
            f'<div class="entry-summary"><p>{escape(_intro(s))}</p></div>\n</article>'
        )  # fmt: skip
    t = cat.page_target
    links = []
    if p > 1:
        links.append(f'<a class="prev page-numbers" href="{escape(t(p - 1))}">&laquo; ก่อนหน้า</a>')
    for k in _window(p, n):
        links.append(f'<span aria-current="page" class="page-numbers current">{k}</span>' if k == p
                     else f'<a class="page-numbers" href="{escape(t(k))}">{k}</a>')  # fmt: skip
    if p < n:
        links.append(f'<a class="next page-numbers" href="{escape(t(p + 1))}">ถัดไป &raquo;</a>')
    nav = ('<nav class="navigation pagination" aria-label="เรื่อง"><h2 class="screen-reader-text">การแบ่งหน้าเรื่อง</h2>'
           '<div class="nav-links">' + "\n".join(links) + "</div></nav>") if n > 1 else ""  # fmt: skip
    main = (f'<header class="page-header"><h1 class="page-title">หมวดหมู่: <span>{escape(cat.name)}</span></h1></header>\n'
            + "\n".join(arts) + "\n" + nav)  # fmt: skip
    return _chrome(cat.name, main, rng, body_class="archive category category-press")


def _php_list(cat: Category, chunk: list[Slot], p: int, n: int, rng: random.Random) -> str:
    rows = []
    for s in chunk:
        href = s.target.lstrip("/")  # page-relative, as hand-written PHP does
        rows.append(f'<tr><td class="news_date" width="90">{format_date(s.published, DateStyle(month="num"))}</td>'
                    f'<td><a href="{escape(href)}">{escape(s.title)}</a></td><td class="news_read">อ่าน {s.hits} ครั้ง</td></tr>')  # fmt: skip
    bits = []
    if n > 1:
        bits.append("หน้า:")
        for k in range(1, n + 1) if n <= 15 else _window(p, n, 15):
            href = "news_list.php" if k == 1 else f"news_list.php?page={k}"
            bits.append(f"<b>{k}</b>" if k == p else f'<a href="{href}">{k}</a>')
        if p < n:
            bits.append(f'<a href="news_list.php?page={p + 1}">ถัดไป &raquo;</a>')
    main = (f'<table width="100%" class="news_list"><tr><td colspan="3" class="news_topic"><b>{escape(cat.name)}</b></td></tr>\n'
            + "\n".join(rows) + f'\n</table>\n<div class="pager" align="center">{" ".join(bits)}</div>')  # fmt: skip
    return _chrome(cat.name, main, rng, body_class="news")


def _j15_list(cat: Category, chunk: list[Slot], p: int, n: int, rng: random.Random) -> str:
    rows = []
    for k, s in enumerate(chunk):
        rows.append(f'<tr class="sectiontableentry{k % 2 + 1}"><td align="right">{k + 1 + (p - 1) * PER_PAGE}</td>'
                    f'<td>{escape(format_date(s.published, DateStyle(month="abbr", year="be2")))}</td>'
                    f'<td><a href="{escape(s.target)}">{escape(s.title)}</a></td><td align="center">{s.hits}</td></tr>')  # fmt: skip
    t = cat.page_target
    pag = ""
    if n > 1:
        bits = [
            f'<a href="{escape(t(1))}" title="เริ่มต้น" class="pagenav">&laquo; เริ่มต้น</a>'
            if p > 1
            else '<span class="pagenav">&laquo; เริ่มต้น</span>'
        ]
        bits.append(
            f'<a href="{escape(t(p - 1))}" title="ก่อนหน้า" class="pagenav">&lt; ก่อนหน้า</a>'
            if p > 1
            else '<span class="pagenav">&lt; ก่อนหน้า</span>'
        )
        for k in _window(p, n):
            bits.append(
                f'<span class="pagenav">{k}</span>'
                if k == p
                else f'<a href="{escape(t(k))}" title="{k}" class="pagenav">{k}</a>'
            )
        bits.append(
            f'<a href="{escape(t(p + 1))}" title="ถัดไป" class="pagenav">ถัดไป &gt;</a>'
            if p < n
            else '<span class="pagenav">ถัดไป &gt;</span>'
        )
        bits.append(
            f'<a href="{escape(t(n))}" title="สุดท้าย" class="pagenav">สุดท้าย &raquo;</a>'
            if p < n
            else '<span class="pagenav">สุดท้าย &raquo;</span>'
        )
        pag = ('<tr><td align="center" colspan="4" class="sectiontablefooter"><del class="container"><div class="pagination">'
               + " ".join(bits) + f'</div></del></td></tr>\n<tr><td colspan="4" align="right" class="pagecounter">หน้า {p} จาก {n}</td></tr>')  # fmt: skip
    main = ('<div class="componentheading">' + escape(cat.name) + '</div>\n<table class="contentpane" width="100%">\n'
            '<tr><td class="sectiontableheader" width="5">#</td><td class="sectiontableheader">วันที่</td>'
            '<td class="sectiontableheader">หัวข้อ</td><td class="sectiontableheader">ฮิต</td></tr>\n'
            + "\n".join(rows) + "\n" + pag + "\n</table>")  # fmt: skip
    return _chrome(cat.name, main, rng, body_class="j15 category", charset="tis-620")


# --- feed, sitemap, home ----------------------------------------------------------------------------
def _feed(items: list[Slot]) -> bytes:
    entries = []
    for s in items:
        entries.append(f"<item>\n<title>{escape(s.title)}</title>\n<link>{escape(s.target)}</link>\n"
                       f"<guid isPermaLink=\"true\">{escape(s.target)}</guid>\n<description>{escape(_intro(s))}</description>\n"
                       f"<category>{escape(CATEGORY_BY_KEY[s.cat].name)}</category>\n"
                       f"<pubDate>{format_datetime(s.published.astimezone(timezone.utc))}</pubDate>\n</item>")  # fmt: skip
    newest = items[0].published if items else datetime(2024, 12, 28, tzinfo=BANGKOK)
    xml = ('<?xml version="1.0" encoding="utf-8"?>\n<!-- generator="Joomla! - Open Source Content Management" -->\n'
           '<rss version="2.0">\n<channel>\n'
           f"<title>{escape(CATEGORIES[0].name)} - {escape(OFFICE_NAME)}</title>\n<link>{escape(CATEGORIES[0].page_target(1))}</link>\n"
           f"<description>{escape(OFFICE_NAME)}</description>\n<language>th-th</language>\n"
           f"<lastBuildDate>{format_datetime(newest.astimezone(timezone.utc))}</lastBuildDate>\n"
           + "\n".join(entries) + "\n</channel>\n</rss>\n")  # fmt: skip
    return xml.encode("utf-8")


def _sitemap(slots: list[Slot]) -> bytes:
    urls = [f"<url><loc>{escape(s.target)}</loc><lastmod>{s.published.date().isoformat()}</lastmod></url>"
            for s in reversed(slots)]  # fmt: skip
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(urls) + "\n</urlset>\n").encode("utf-8")  # fmt: skip


def _home(latest: list[Slot], featured: list[Slot], old_target: str, moved_to: Slot, intro: Slot,
          seed: int) -> bytes:  # fmt: skip
    rng = random.Random(f"{seed}:home")
    style = DateStyle(month="abbr")
    lis = []
    for s in latest:
        href = s.alt_target if s.alt_target and s.cat in ("j3blog", "j3list") else s.target
        lis.append(f'<li><a href="{escape(href)}">{escape(s.title)}</a> '
                   f'<span class="mod-articles-date">{escape(format_date(s.published, style))}</span></li>')  # fmt: skip
    feat = [f'<li><a href="{escape(s.alt_target or s.target)}">{escape(s.title)}</a></li>' for s in featured]
    feat.append(f'<li><a href="{escape(old_target)}">{escape(moved_to.title)}</a></li>')
    # Joomla's featured view: the featured article's intro (title not linked) and its "read more"
    href = escape(intro.alt_target or intro.target)
    leading = (
        '<div class="blog-featured" itemscope itemtype="https://schema.org/Blog">\n<div class="items-leading clearfix">\n'
        '<div class="leading-0 clearfix" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">\n'
        f'<div class="page-header"><h2 itemprop="name">{escape(intro.title)}</h2></div>\n'
        '<dl class="article-info muted"><dt class="article-info-term">รายละเอียด</dt>\n'
        f'<dd class="published"><time datetime="{intro.published.isoformat()}" itemprop="datePublished">'
        f'เผยแพร่เมื่อ: {escape(format_date(intro.published, DateStyle()))}</time></dd></dl>\n'
        f'<p>{escape(_intro(intro))}</p>\n'
        f'<p class="readmore"><a class="btn" href="{href}" itemprop="url">อ่านเพิ่มเติม ...</a></p>\n'
        '</div>\n</div>\n</div>\n'
    )  # fmt: skip
    main = leading + ('<div class="moduletable latestnews">\n<h3>ข่าวล่าสุด</h3>\n<ul class="latestnews mod-list">\n' + "\n".join(lis) + "\n</ul>\n</div>\n"
            '<div class="moduletable featured">\n<h3>ข่าวเด่น</h3>\n<ul class="mostread mod-list">\n' + "\n".join(feat) + "\n</ul>\n</div>")  # fmt: skip
    head = (
        f'<link href="{escape(FEED_TARGET)}" rel="alternate" type="application/rss+xml" title="RSS 2.0" />\n'
    )
    return _chrome(
        "หน้าหลัก", main, rng, body_class="site com_content view-featured itemid-100", head_extra=head
    ).encode("utf-8")


def _static_page(target: str, title: str, paragraphs: tuple[str, ...], seed: int) -> bytes:
    """A menu-only Joomla "Single Article" page (about, contact): an article page, but not news."""
    rng = random.Random(f"{seed}:{target}")
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    main = ('<div class="item-page" itemscope itemtype="https://schema.org/Article">\n'
            '<meta itemprop="inLanguage" content="th-TH" />\n'
            f'<div class="page-header"><h2 itemprop="headline">{escape(title)}</h2></div>\n'
            f'<div itemprop="articleBody">\n{body}\n</div>\n</div>')  # fmt: skip
    return _chrome(title, main, rng, body_class="site com_content view-article itemid-120").encode("utf-8")


def _office_name() -> str:
    from .truth import host_for_site, site_for_host

    return site_for_host(host_for_site(OFFICE_SITE))[1] or "สำนักงานสวัสดิการและคุ้มครองแรงงาน"


OFFICE_NAME = _office_name()


# --- CLI --------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scraper.demo.portal", description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="output directory (e.g. fixtures/site)")
    ap.add_argument("--articles", type=int, default=320, help="number of good articles (default 320)")
    ap.add_argument("--seed", type=int, default=2564, help="random seed (default 2564)")
    ap.add_argument(
        "--no-expected", action="store_true", help="skip the expected records (_expected.jsonl): faster"
    )
    ap.add_argument("--hide", action="append", choices=HIDEABLE, default=[],
                    help="Joomla article pages without their hits / publish-date lines, as after an admin's "
                         "switch (repeatable)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        m = build_portal(
            args.out, n_articles=args.articles, seed=args.seed, expected_records=not args.no_expected,
            hide=tuple(args.hide),
        )
    except (OSError, ValueError) as exc:
        print(f"error: {args.out}: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {m['files']} files ({m['bytes'] / 1e6:.1f} MB) to {args.out}: {len(m['articles'])} articles, "
          f"{len(m['faults'])} faults, {len(m['categories'])} categories in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
