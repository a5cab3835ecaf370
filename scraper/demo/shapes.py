"""Article pages in the seven page shapes of Thai labour-office portals, with their ground truth.

An :class:`Article` is the ground truth of one article plus the presentation options (``opts``) that
decide what the page shows (date format, which info fields, URL form, encoding, ...). A renderer
``render(article, *, rng, sidebar_items) -> RenderedPage`` turns it into HTML bytes and the expected
record (docs/record.md). The ``rng`` only adds cosmetic noise (entities, NBSP, zero-width spaces,
indentation, wrappers) that never changes the expected record.

Shapes: joomla3_override, joomla3_default, joomla4, joomla15_table, wordpress, custom_php, k2.
Nothing here imports the extractor (scraper.parsers): expected records come from the ground truth.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from html import escape as _escape
from urllib.parse import quote, urljoin, urlsplit

from scraper.derived import SCHEMA_VERSION, derive

from . import corpus
from .truth import (
    BANGKOK,
    DateStyle,
    canonical,
    clean_title,
    content_hash,
    format_date,
    format_number,
    host_for_site,
    iso,
    join_body,
    record_id,
    shown_iso,
    site_for_host,
    thai_digits,
    word_count,
)

SHAPES = (
    "joomla3_override",
    "joomla3_default",
    "joomla4",
    "joomla15_table",
    "wordpress",
    "custom_php",
    "k2",
)
DOC_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar", ".7z", ".odt",
                  ".ods", ".txt", ".csv")  # fmt: skip
#: K2 serves attachments through ``.../item/download/<id>_<md5>`` URLs whose path does not end in a
#: document extension, so under docs/record.md they are not attachments. Flip if the rule changes.
K2_DOWNLOADS_ARE_ATTACHMENTS = True


# --- ground truth ----------------------------------------------------------------------------------
@dataclass
class Attachment:
    filename: str  # ascii file name with extension
    text: str  # link text for body links (the extension table shows the file name)
    downloads: int = 0
    size_kb: int = 0
    k2_id: int = 0


@dataclass
class Block:
    """One piece of body content. ``kind``: p, lines, ul, ol, table, img, heading, doclink."""

    kind: str
    texts: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    header: list[str] | None = None
    src: str = ""  # img: path from the host root (/images/...)
    alt: str = ""
    attachment: Attachment | None = None
    icon: bool = False  # doclink: the link holds only an icon image
    indent: bool = False  # seed-style "&nbsp; &nbsp; &nbsp;" first-line indentation


@dataclass
class SidebarItem:
    title: str
    url: str
    date: datetime


@dataclass
class Article:
    shape: str
    site: str | None
    host: str
    article_id: int
    alias: str
    topic: str
    title: str
    category: str | None  # None: not shown
    catid: int
    itemid: int
    published: datetime  # aware, the real publication instant
    created: datetime
    modified: datetime | None  # None: not shown
    author: str | None  # None: not shown
    hits: int | None  # None: not shown
    blocks: list[Block]
    attachments: list[Attachment]  # extension table (Joomla) / K2 attachment block
    opts: dict = field(default_factory=dict)

    @property
    def office(self) -> str | None:
        return site_for_host(self.host)[1]


@dataclass
class RenderedPage:
    html: bytes
    encoding: str
    url: str
    expected: dict


# --- noise: HTML text with entities, NBSP, zero-width spaces ----------------------------------------
def esc(text: str) -> str:
    return _escape(text, quote=True)


def _is_base(ch: str) -> bool:
    return not ch.isspace() and unicodedata.category(ch) not in ("Mn", "Mc")


def noisy(text: str, rng: random.Random, *, zw: float = 0.25, nbsp: float = 0.04, newline: float = 0.03) -> str:
    """HTML for ``text`` that a browser shows as ``text`` modulo the body rules' normalization."""
    chars = list(text)
    if zw and rng.random() < zw and len(chars) > 4:
        spots = [i for i in range(1, len(chars)) if _is_base(chars[i - 1]) and _is_base(chars[i])]
        if spots:
            i = rng.choice(spots)
            chars.insert(i, rng.choice(["\u200b", "\u200b", "\ufeff", "\u200c"]))
    quot = rng.random() < 0.5
    curly = rng.random() < 0.3
    out = []
    for ch in chars:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;" if quot else '"')
        elif ch == "“" and curly:
            out.append("&ldquo;")
        elif ch == "”" and curly:
            out.append("&rdquo;")
        elif ch == " ":
            r = rng.random()
            if r < nbsp:
                out.append(rng.choice(["&nbsp;", "&nbsp; ", " &nbsp;", "\u00a0"]))
            elif r < nbsp + newline:
                out.append("\n\t\t")
            else:
                out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _wrap_inline(html: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.15:
        return f'<span style="font-size: 14pt;">{html}</span>'
    if r < 0.25:
        return f'<span style="font-family: \'TH SarabunPSK\', tahoma, sans-serif;">{html}</span>'
    return html


# --- body -------------------------------------------------------------------------------------------
@dataclass
class BodyResult:
    html: str
    paragraphs: list[str]
    images: list[str]
    attachments: list[dict]


def render_body(blocks: list[Block], page_url: str, rng: random.Random, *, flavor: str = "joomla") -> BodyResult:
    """HTML of the article text and what a reader gets from it (paragraphs, images, file links).

    ``flavor``: joomla (TinyMCE/JCE markup), wordpress (block editor), plain (hand-written PHP).
    """
    parts: list[str] = []
    paras: list[str] = []
    images: list[str] = []
    links: list[dict] = []
    p_open = rng.choice(['<p style="text-align: justify;">', "<p>", "<p>"]) if flavor != "wordpress" else "<p>"
    for block in blocks:
        k = block.kind
        if k == "p":
            text = block.texts[0]
            inner = noisy(text, rng)
            if block.indent:
                inner = "&nbsp; &nbsp; &nbsp;" + inner
            elif flavor != "wordpress" and rng.random() < 0.2:
                inner = rng.choice(["&nbsp; &nbsp; &nbsp; &nbsp;", "\u00a0\u00a0\u00a0\u00a0\u00a0", "&nbsp; &nbsp; "]) + inner
            inner = _wrap_inline(inner, rng) if flavor != "wordpress" else inner
            tag_open = "<div>" if flavor == "plain" and rng.random() < 0.3 else p_open
            tag_close = "</div>" if tag_open == "<div>" else "</p>"
            parts.append(f"{tag_open}{inner}{tag_close}")
            paras.append(text)
            if flavor != "wordpress" and rng.random() < 0.12:
                parts.append(rng.choice(["<p>&nbsp;</p>", "<p> </p>", "<p><br /></p>", "<div>&nbsp;</div>"]))
        elif k == "lines":
            brs = [rng.choice(["<br />", "<br>", "<br/>"]) for _ in block.texts]
            inner = "".join(noisy(t, rng, zw=0.1) + ("\n" + brs[i] if i < len(block.texts) - 1 else "")
                            for i, t in enumerate(block.texts))  # fmt: skip
            if rng.random() < 0.3:
                inner += "<br />"
            parts.append(f"{p_open}{inner}</p>")
            paras.extend(block.texts)
        elif k in ("ul", "ol"):
            cls = ' class="wp-block-list"' if flavor == "wordpress" else ""
            items = "\n".join(f"\t<li>{noisy(t, rng, zw=0.1)}</li>" for t in block.texts)
            parts.append(f"<{k}{cls}>\n{items}\n</{k}>")
            paras.extend(block.texts)
        elif k == "heading":
            text = block.texts[0]
            if flavor == "plain" or rng.random() < 0.4:
                parts.append(f"<p><strong>{noisy(text, rng, zw=0)}</strong></p>")
            else:
                parts.append(f"<h3>{noisy(text, rng, zw=0)}</h3>")
            paras.append(text)
        elif k == "table":
            rows_html = []
            if block.header:
                cells = "".join(f"<th>{esc(c)}</th>" for c in block.header)
                rows_html.append(f"<thead>\n<tr>{cells}</tr>\n</thead>")
                paras.append(" ".join(block.header))
            body_rows = []
            for row in block.rows:
                cells = "".join(f'<td style="width: {100 // len(row)}%;">{noisy(c, rng, zw=0, newline=0)}</td>'
                                for c in row)  # fmt: skip
                body_rows.append(f"<tr>\n{cells}\n</tr>")
                paras.append(" ".join(row))
            rows_html.append("<tbody>\n" + "\n".join(body_rows) + "\n</tbody>")
            table = ('<table class="table table-bordered" border="1" cellspacing="0" cellpadding="5" '
                     'style="width: 100%;">\n' + "\n".join(rows_html) + "\n</table>")  # fmt: skip
            if flavor == "wordpress":
                table = f'<figure class="wp-block-table">{table}</figure>'
            parts.append(table)
        elif k == "img":
            src = block.src
            absolute = urljoin(page_url, src)
            if flavor == "wordpress":
                parts.append(f'<figure class="wp-block-image size-large"><img decoding="async" width="1024" '
                             f'height="683" src="{esc(src)}" alt="{esc(block.alt)}" class="wp-image-{rng.randint(100, 9999)}" />'
                             "</figure>")  # fmt: skip
            else:
                style = rng.choice(['style="display: block; margin-left: auto; margin-right: auto;"', 'width="600" height="400"', ""])
                parts.append(f'<p style="text-align: center;"><img src="{esc(src)}" alt="{esc(block.alt)}" {style} /></p>')
            if absolute not in images:
                images.append(absolute)
        elif k == "doclink":
            att = block.attachment
            assert att is not None
            href = block.src
            absolute = urljoin(page_url, href)
            lead = block.texts[0] if block.texts else ""
            if block.icon:
                icon_src = "/images/icons/pdf-icon.png"
                parts.append(f'<p>{noisy(lead, rng, zw=0)} <a href="{esc(href)}" target="_blank" rel="noopener">'
                             f'<img src="{icon_src}" alt="" width="32" height="32" /></a></p>')  # fmt: skip
                link_text = href.rsplit("/", 1)[-1]
                icon_abs = urljoin(page_url, icon_src)
                if icon_abs not in images:
                    images.append(icon_abs)
                paras.append(lead)
            else:
                parts.append(f'<p>{noisy(lead, rng, zw=0)} <a href="{esc(href)}" target="_blank">'
                             f"{esc(att.text)}</a></p>")  # fmt: skip
                link_text = att.text
                paras.append(f"{lead} {att.text}".strip())
            if absolute not in {x["url"] for x in links}:
                links.append({"url": absolute, "text": link_text})
        else:  # pragma: no cover
            raise ValueError(k)
    return BodyResult("\n".join(parts), paras, images, links)


# --- article factory -------------------------------------------------------------------------------
SHAPE_SITES = {
    "joomla3_override": ["area10", "area3", "area7", "area9"],
    "joomla3_default": ["area5", "area1", "area2", "labour", "area8"],
    "joomla4": ["osh", "labour", "area4", "area6"],
    "joomla15_table": ["nakhonratchasima", "area2", "area8", "khonkaen", "songkhla"],
    "wordpress": ["area6", "area9", "nakhonratchasima", "chiangmai", "phuket"],
    "custom_php": ["nakhonratchasima", "area3", "area4", "chonburi", "udonthani"],
    "k2": ["area5", "area7", "area1", "osh"],
}
#: Hosts that must not be in sites.toml (checked when used): site and office are null, ids use the host.
UNREGISTERED_HOSTS = ["www.mol.go.th", "news.dlpw.example.org"]
TOPIC_SLUGS = {
    "wage": "minimum-wage", "protection": "labour-rights", "safety": "safety-training",
    "informal": "informal-workers", "inspection": "labour-inspection", "fund": "employee-welfare-fund",
    "child": "child-labour", "ita": "ita", "mayday": "labour-day", "relations": "labour-relations",
    "covid": "covid-19", "office": "office-news", "fishing": "fishing-vessel",
}  # fmt: skip


def random_datestyle(rng: random.Random, *, allow_time: bool = True, numeric: bool = False) -> DateStyle:
    month = rng.choice(["full", "full", "full", "abbr"] + (["num", "num", "isobe"] if numeric else []))
    digits = "thai" if rng.random() < 0.25 else "arabic"
    year = "be2" if month == "abbr" and rng.random() < 0.5 else "be4"
    weekday = rng.choice(["", "", "thi", "comma"]) if month in ("full", "abbr") else ""
    pho_so = month == "full" and weekday == "thi" and rng.random() < 0.5
    time = ""
    if allow_time and rng.random() < 0.4:
        time = rng.choice(["colon", "wela", "wela_dot"] + (["sec"] if month == "isobe" else []))
    return DateStyle(month=month, digits=digits, year=year, weekday=weekday, pho_so=pho_so, time=time,
                     zero_pad=rng.random() < 0.2)  # fmt: skip


def _doc_attachment(rng: random.Random, used: set[str]) -> Attachment:
    while True:
        stem, text = rng.choice(corpus.DOCUMENTS)
        ext = rng.choice(corpus.DOC_EXTS)
        name = f"{stem}.{ext}"
        if name not in used:
            used.add(name)
            return Attachment(name, text, downloads=rng.randint(3, 900), size_kb=rng.randint(40, 4800),
                              k2_id=rng.randint(10, 400))  # fmt: skip


def make_blocks(rng: random.Random, topic: str, *, kind: str = "normal", features: set[str] | None = None,
                year: int = 2021, used_docs: set[str] | None = None) -> list[Block]:  # fmt: skip
    """Body blocks for an article of ``topic``. kind: normal | image_only | long | seed."""
    features = set(features or ())
    used_docs = used_docs if used_docs is not None else set()
    img_dir = f"/images/news/{year + 543}"
    if kind == "seed":
        return [Block("p", [t], indent=True) for t in corpus.SEED_PARAGRAPHS]
    if kind == "image_only":
        names = rng.sample(corpus.IMAGE_NAMES, rng.randint(1, 4))
        return [Block("img", src=f"{img_dir}/{n}", alt="") for n in names]
    pool = list(corpus.PARAGRAPHS[topic])
    if kind == "long":
        everything = corpus.all_paragraphs()
        texts = [everything[i % len(everything)] for i in range(rng.randint(0, 50), 260)]
        blocks = [Block("p", [t]) for t in texts[:210]]
        blocks.insert(40, Block("ul", rng.sample(corpus.LIST_ITEMS, 5)))
        return blocks
    n = rng.randint(2, min(5, len(pool)))
    texts = rng.sample(pool, n)
    blocks: list[Block] = [Block("p", [t]) for t in texts]
    if "img" in features:
        for name in rng.sample(corpus.IMAGE_NAMES, rng.randint(1, 3)):
            blocks.insert(rng.randint(0, len(blocks)), Block("img", src=f"{img_dir}/{name}", alt=name.split(".")[0]))
    if "heading" in features:
        blocks.insert(1, Block("heading", ["สาระสำคัญ"]))
    if "list" in features:
        blocks.insert(rng.randint(1, len(blocks)), Block(rng.choice(["ul", "ol"]), rng.sample(corpus.LIST_ITEMS, rng.randint(2, 5))))
    if "table" in features:
        if rng.random() < 0.5:
            blocks.insert(rng.randint(1, len(blocks)), Block("table", rows=rng.sample(corpus.TABLE_ROWS, 4), header=list(corpus.TABLE_HEADER)))
        else:
            blocks.insert(rng.randint(1, len(blocks)), Block("table", rows=[list(r) for r in corpus.SCHEDULE_ROWS]))
    if "lines" in features:
        blocks.append(Block("lines", list(corpus.CONTACT_LINES[: rng.randint(2, 4)])))
    if "doclink" in features:
        att = _doc_attachment(rng, used_docs)
        blocks.append(Block("doclink", [rng.choice(["ดาวน์โหลดเอกสาร:", "รายละเอียดตามเอกสารแนบ", "ไฟล์แนบ"])],
                            src=f"/images/doc/{att.filename}", attachment=att))  # fmt: skip
    if "doclink_icon" in features:
        att = _doc_attachment(rng, used_docs)
        blocks.append(Block("doclink", ["คลิกเพื่อดาวน์โหลด"], src=f"/images/doc/{att.filename}", attachment=att, icon=True))
    return blocks


def make_article(rng: random.Random, shape: str, *, site: str | None = "", **opts) -> Article:
    """A random article for ``shape``; ``opts`` override the random presentation choices.

    ``site=""`` picks a site for the shape; ``site=None`` uses an unregistered host.
    Recognized opts (all optional): topic, title, published, author, hits, category, modified,
    body_kind, features, n_attachments, date_style, url_style, alias_style, encoding, charset_label,
    plus the shape-specific ones read by each renderer.
    """
    if site == "":
        site = rng.choice(SHAPE_SITES[shape])
    host = host_for_site(site) if site else rng.choice(UNREGISTERED_HOSTS)
    if not site and site_for_host(host)[0] is not None:
        raise ValueError(f"{host} is now in sites.toml; pick another unregistered host")
    topic = opts.pop("topic", None) or rng.choice(list(corpus.TITLES))
    title = opts.pop("title", None) or rng.choice(corpus.TITLES[topic])
    year = rng.choice([2019, 2020, 2021, 2021, 2022, 2022, 2023, 2024])
    published = opts.pop("published", None)
    if published is None:
        day = datetime(year, 1, 1, tzinfo=BANGKOK) + timedelta(days=rng.randint(0, 364))
        published = day.replace(hour=rng.randint(8, 16), minute=rng.randint(0, 59), second=rng.randint(0, 59))
    created = published - timedelta(days=rng.choice([0, 0, 1, 3]), hours=rng.randint(0, 5), minutes=rng.randint(0, 50))
    if created.hour < 1:
        created = created.replace(hour=8)
    modified = opts.pop("modified", "random")
    if modified == "random":
        modified = published + timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 3)) if rng.random() < 0.35 else None
    if modified is not None and modified.hour > 16:
        modified = modified.replace(hour=16)
    if modified is not None and modified <= published:
        raise ValueError(f"modified {modified} is not after published {published}")
    author = opts.pop("author", "random")
    if author == "random":
        author = rng.choice(corpus.AUTHORS + [site or "admin"]) if rng.random() < 0.8 else None
    hits = opts.pop("hits", "random")
    if hits == "random":
        hits = int(rng.choice([rng.randint(3, 99), rng.randint(100, 999), rng.randint(1000, 25000)])) if rng.random() < 0.85 else None
    category = opts.pop("category", "random")
    if category == "random":
        category = rng.choice(corpus.CATEGORIES) if rng.random() < 0.7 else None
    features = set(opts.pop("features", None) or rng.sample(
        ["img", "list", "table", "lines", "doclink", "heading"], rng.randint(0, 3)))  # fmt: skip
    body_kind = opts.pop("body_kind", "normal")
    used: set[str] = set()
    blocks = make_blocks(rng, topic, kind=body_kind, features=features, year=published.year, used_docs=used)
    n_att = opts.pop("n_attachments", None)
    if n_att is None:
        n_att = rng.choice([0, 0, 0, 1, 2]) if shape in ("joomla3_override", "joomla3_default", "joomla4", "k2") else 0
    attachments = [_doc_attachment(rng, used) for _ in range(n_att)]
    article_id = opts.pop("article_id", None) or rng.randint(120, 4800)
    alias_style = opts.pop("alias_style", None) or rng.choice(["date", "slug"])
    if alias_style == "date":
        c = created.astimezone(timezone.utc)
        alias = c.strftime("%Y-%m-%d-%H-%M-%S")
    elif alias_style == "slug":
        alias = TOPIC_SLUGS[topic]
    else:
        alias = alias_style
    art = Article(
        shape=shape, site=site, host=host, article_id=article_id, alias=alias, topic=topic, title=title,
        category=category, catid=rng.randint(8, 40), itemid=rng.randint(101, 180), published=published,
        created=created, modified=modified, author=author, hits=hits, blocks=blocks, attachments=attachments,
    )  # fmt: skip
    opts.setdefault("features", sorted(features))
    opts.setdefault("body_kind", body_kind)
    art.opts = opts
    return art


def default_sidebar(rng: random.Random, article: Article, n: int = 5) -> list[SidebarItem]:
    items = []
    titles = [t for _, t in corpus.all_titles() if t != article.title]
    for i, t in enumerate(rng.sample(titles, n)):
        d = article.published - timedelta(days=rng.randint(0, 40) + i, hours=rng.randint(0, 3))
        aid = article.article_id - rng.randint(1, 60) - i
        items.append(SidebarItem(t, f"https://{article.host}/index.php/{aid}-{TOPIC_SLUGS['office']}", d))
    # a newer item too: a sidebar date after the article's own
    items.insert(0, SidebarItem(rng.choice(titles), f"https://{article.host}/index.php/{article.article_id + 7}-news",
                                article.published + timedelta(days=rng.randint(2, 30))))  # fmt: skip
    return items


# --- expected record -------------------------------------------------------------------------------
def build_expected(
    article: Article,
    url: str,
    *,
    published: str | None,
    published_raw: str | None,
    date_source: str | None,
    modified: str | None,
    body: BodyResult,
    attachments: list[dict],
    id_exposed: bool = True,
    warnings: list[str] | None = None,
    meta: dict | None = None,
    truth: bool = True,
) -> dict:
    """The expected record. ``truth=False`` skips the costly parts (body, word_count, content_hash are None)."""
    canon = canonical(url)
    host = urlsplit(url).hostname or ""
    site, office = site_for_host(host)
    title = clean_title(article.title)
    body_text = join_body(body.paragraphs) if truth else None
    seen: set[str] = set()
    atts = []
    for a in body.attachments + attachments:
        if a["url"] not in seen:
            seen.add(a["url"])
            atts.append(a)
    rec = {
        "id": record_id(site, host, article.article_id if id_exposed else None, canon),
        "url": canon,
        "site": site,
        "office": office,
        "title": title,
        "published": published,
        "published_raw": published_raw,
        "modified": modified,
        "date_source": date_source,
        **derive(site, office, published),
        "author": article.author,
        "hits": article.hits,
        "category": article.category,
        "body": body_text,
        "attachments": atts,
        "images": list(body.images),
        "language": "th",
        "word_count": word_count(body_text) if body_text is not None else None,
        "content_hash": content_hash(title, body_text) if body_text is not None else None,
        "scraped_at": None,
        "schema_version": SCHEMA_VERSION,
        "warnings": list(warnings or []),
    }
    extra = {"_shape": article.shape, "_url": url}
    extra.update({f"_{k}" if not k.startswith("_") else k: v for k, v in (meta or {}).items()})
    rec.update(extra)
    return rec


def _variant(article: Article, **more) -> str:
    bits = [f"{k}={v}" for k, v in sorted(more.items()) if v not in (None, "", False)]
    return ", ".join(bits)


# --- page chrome (modules outside the article) -----------------------------------------------------
def _office_name(article: Article) -> str:
    return article.office or ("สำนักงานสวัสดิการและคุ้มครองแรงงาน " + article.host.split(".")[0])


def menu_html(rng: random.Random, article: Article, cls: str = "nav menu") -> str:
    items = "\n".join(
        f'<li class="item-{101 + i}"><a href="/index.php/{corpus.CATEGORY_SLUGS.get(m, "page-" + str(i))}">{esc(m)}</a></li>'
        for i, m in enumerate(corpus.MENU_ITEMS)
    )
    return f'<ul class="{cls}">\n{items}\n</ul>'


def latest_news_html(items: list[SidebarItem], rng: random.Random, *, heading: str = "ข่าวล่าสุด",
                     time_tags: bool = False) -> str:  # fmt: skip
    style = random_datestyle(rng, allow_time=False)
    lis = []
    for it in items:
        date_txt = format_date(it.date, style)
        if time_tags:
            d = f'<time datetime="{it.date.isoformat()}">{esc(date_txt)}</time>'
        else:
            d = f'<span class="mod-articles-date">{esc(date_txt)}</span>'
        lis.append(f'<li><a href="{esc(it.url)}">{esc(it.title)}</a> {d}</li>')
    return (f'<div class="moduletable latestnews">\n<h3>{esc(heading)}</h3>\n<ul class="latestnews mod-list">\n'
            + "\n".join(lis) + "\n</ul>\n</div>")  # fmt: skip


def counter_html(counts: dict[str, int], ip: str, server_time: str, *, heading: str | None = None) -> str:
    total = str(counts["All days"])
    digits = "".join(f'<span class="vvc_digit">{d}</span>' for d in total)
    icons = {"Today": "vtoday", "Yesterday": "vyesterday", "This Week": "vweek", "Last Week": "vlweek",
             "This Month": "vmonth", "Last Month": "vlmonth", "All days": "vall"}  # fmt: skip
    rows = "\n".join(
        f'<tr align="left"><td><img src="/modules/mod_vvisit_counter/images/stats/{icons[k]}.png" alt="{k}" '
        f'title="{k}" /></td><td>{k}</td><td align="right">{v}</td></tr>'
        for k, v in counts.items()
    )
    head = f"<h3>{esc(heading)}</h3>\n" if heading else ""
    return (f'<div class="moduletable">\n{head}<div id="vvisit_counter" class="vvisit_counter">\n'
            f'<div style="text-align: center;">{digits}</div>\n'
            f'<div><table cellpadding="0" cellspacing="0" style="margin: 3px; text-align: center; width: 90%;" '
            f'class="vvisit_counter"><tbody align="center">\n{rows}\n</tbody></table></div>\n'
            f'<hr style="margin-bottom: 5px;" />\n<div>Your IP: {ip}</div>\n<div>{server_time}</div>\n</div>\n</div>')  # fmt: skip


def random_counter(rng: random.Random, when: datetime) -> tuple[dict[str, int], str, str]:
    total = rng.randint(40_000, 2_500_000)
    today = rng.randint(20, 900)
    counts = {"Today": today, "Yesterday": rng.randint(50, 1500), "This Week": today + rng.randint(0, 4000),
              "Last Week": rng.randint(1000, 9000), "This Month": rng.randint(3000, 30000),
              "Last Month": rng.randint(3000, 30000), "All days": total}  # fmt: skip
    server = (when + timedelta(days=rng.randint(20, 900))).astimezone(timezone.utc)
    return counts, f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", server.strftime("%Y-%m-%d %H:%M")


def executives_html(title: str = corpus.SEED_MODULE_TITLE) -> str:
    return (f'<div class="moduletable executives">\n<h3>{esc(title)}</h3>\n<div class="custom">'
            '<p><img src="/images/executive/director.jpg" alt="ผู้อำนวยการ" width="180" /></p></div>\n</div>')


def footer_html(rng: random.Random, article: Article) -> str:
    now = article.published + timedelta(days=rng.randint(30, 900))
    addr = rng.choice(corpus.FOOTER_ADDRESSES)
    styles = [
        f"Copyright © {now.year} {esc(_office_name(article))}. All rights reserved.",
        f"สงวนลิขสิทธิ์ © พ.ศ. {now.year + 543} {esc(_office_name(article))}",
        f"© {now.year - 3}-{now.year} กรมสวัสดิการและคุ้มครองแรงงาน",
    ]
    return (f'<footer class="footer">\n<p>{esc(_office_name(article))} {esc(addr)} โทร. 0 2xxx xxxx สายด่วน 1546</p>\n'
            f"<p>{rng.choice(styles)}</p>\n<p>ปรับปรุงข้อมูลล่าสุด: {format_date(now, DateStyle())}</p>\n</footer>")  # fmt: skip


def head_html(title: str, charset: str, *, base: str | None = None, extra: str = "", generator: str = "") -> str:
    meta_charset = (f'<meta charset="{charset}" />' if charset == "utf-8"
                    else f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />')  # fmt: skip
    parts = [meta_charset]
    if base:
        parts.append(f'<base href="{esc(base)}" />')
    if generator:
        parts.append(f'<meta name="generator" content="{esc(generator)}" />')
    parts.append('<meta name="viewport" content="width=device-width, initial-scale=1.0" />')
    parts.append(f"<title>{esc(title)}</title>")
    if extra:
        parts.append(extra)
    return "<head>\n" + "\n".join(parts) + "\n</head>"


def _encode(html: str, encoding: str) -> bytes:
    return html.encode(encoding, errors="xmlcharrefreplace")


def _hits_text(article: Article, thousands: bool, thai: bool) -> str:
    assert article.hits is not None
    return format_number(article.hits, thousands=thousands, thai=thai)


def _page_title(article: Article, rng: random.Random) -> str:
    return rng.choice([article.title, f"{article.title} - {_office_name(article)}", _office_name(article)])


def _alias_url_part(article: Article) -> str:
    return f"{article.article_id}-{article.alias}"


def _menu_slug(article: Article) -> str:
    return corpus.CATEGORY_SLUGS.get(article.category or "", "news")


def _origin(article: Article, relative_urls: bool) -> str:
    """``https://host`` for absolute links, or "" for root-relative ones (a portal served at any address)."""
    return "" if relative_urls else f"https://{article.host}"


def attachments_table_html(article: Article, page_url: str, rng: random.Random, *,
                           relative_urls: bool = False) -> tuple[str, list[dict]]:
    """The Joomla 'Attachments' extension table (files under /attachments/article/<id>/)."""
    if not article.attachments:
        return "", []
    rows, found = [], []
    for i, att in enumerate(article.attachments):
        href = f"{_origin(article, relative_urls)}/attachments/article/{article.article_id}/{att.filename}"
        ext = att.filename.rsplit(".", 1)[-1]
        rows.append(
            f'<tr class="{"odd" if i % 2 == 0 else "even"}">'
            f'<td class="at_filename"><a class="at_icon" href="{href}" title="ดาวน์โหลดไฟล์แนบ: \'{att.filename}\'">'
            f'<img src="/media/attachments/icons/{ext}.gif" alt="ดาวน์โหลดไฟล์แนบ" /></a>'
            f'<a class="at_url" href="{href}" title="ดาวน์โหลดไฟล์แนบ: \'{att.filename}\'">{att.filename}</a></td>'
            f'<td class="at_description">{esc(att.text)}</td>'
            f'<td class="at_file_size">{att.size_kb} Kb</td>'
            f'<td class="at_downloads">{att.downloads} Downloads</td></tr>'
        )
        found.append({"url": href, "text": att.filename})
    html = (f'<div class="attachmentsContainer">\n<table class="attachmentsList" '
            f'id="attachmentsList_com_content_default_{article.article_id}">\n<caption>ไฟล์แนบ:</caption>\n'
            '<thead><tr><th class="at_filename">ไฟล์</th><th class="at_description">คำอธิบาย</th>'
            '<th class="at_file_size">ขนาดไฟล์</th><th class="at_downloads">ดาวน์โหลด</th></tr></thead>\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody>\n</table>\n</div>")  # fmt: skip
    return html, found


def _pager(items: list[SidebarItem], style: str = "j3") -> str:
    prev_it, next_it = items[1], items[0]
    if style == "j4":
        return ('<nav class="pagenavigation" aria-label="การนำทางหน้า">\n<span class="pagination ms-0">\n'
                f'<a class="btn btn-sm btn-secondary previous" href="{esc(prev_it.url)}" rel="prev">'
                f'<span class="visually-hidden">บทความก่อนหน้า: {esc(prev_it.title)}</span>'
                '<span class="icon-chevron-left" aria-hidden="true"></span> <span aria-hidden="true">ก่อนหน้า</span></a>\n'
                f'<a class="btn btn-sm btn-secondary next" href="{esc(next_it.url)}" rel="next">'
                f'<span class="visually-hidden">บทความถัดไป: {esc(next_it.title)}</span>'
                '<span aria-hidden="true">ถัดไป</span> <span class="icon-chevron-right" aria-hidden="true"></span></a>\n'
                "</span>\n</nav>")  # fmt: skip
    return ('<ul class="pager pagenav">\n'
            f'<li class="previous"><a class="hasTooltip" title="{esc(prev_it.title)}" aria-label="ก่อนหน้า: '
            f'{esc(prev_it.title)}" href="{esc(prev_it.url)}" rel="prev"><span class="icon-chevron-left" '
            'aria-hidden="true"></span> <span aria-hidden="true">ก่อนหน้า</span></a></li>\n'
            f'<li class="next"><a class="hasTooltip" title="{esc(next_it.title)}" aria-label="ถัดไป: '
            f'{esc(next_it.title)}" href="{esc(next_it.url)}" rel="next"><span aria-hidden="true">ถัดไป</span> '
            '<span class="icon-chevron-right" aria-hidden="true"></span></a></li>\n</ul>')  # fmt: skip


def _joomla_url(article: Article, style: str, *, rewrite: bool = False) -> str:
    base = f"https://{article.host}/" + ("" if rewrite else "index.php/")
    if style == "sef_menu":
        return f"{base}{_menu_slug(article)}/{_alias_url_part(article)}"
    if style == "sef_root":
        return f"{base}{_alias_url_part(article)}"
    if style == "nonsef":
        return (f"https://{article.host}/index.php?option=com_content&view=article&id={article.article_id}"
                f"&catid={article.catid}&Itemid={article.itemid}")  # fmt: skip
    raise ValueError(style)


def _shift(dt: datetime, days: int) -> datetime:
    return dt + timedelta(days=days)


def _opt(article: Article, rng: random.Random, key: str, choices):
    """A presentation option: the override in article.opts, else a random choice (recorded)."""
    if key not in article.opts:
        article.opts[key] = rng.choice(choices) if isinstance(choices, (list, tuple)) else choices(rng)
    return article.opts[key]


# --- (a) Joomla 3 with a template override (the seed) ----------------------------------------------
def render_joomla3_override(article: Article, *, rng: random.Random, sidebar_items: list[SidebarItem] | None = None,
                  relative_urls: bool = False, truth: bool = True) -> RenderedPage:
    o = article.opts
    url = o.get("url") or _joomla_url(article, _opt(article, rng, "url_style", ["sef_menu", "sef_menu", "sef_root", "nonsef"]))
    date_mode = _opt(article, rng, "date_mode", ["label", "label", "label", "time", "created"])
    style: DateStyle = _opt(article, rng, "date_style", lambda r: random_datestyle(r) if r.random() < 0.85 else DateStyle(month="en"))
    hits_thai = _opt(article, rng, "hits_thai", [False, False, False, True])
    hits_thousands = _opt(article, rng, "hits_thousands", [False, False, True])
    items = sidebar_items or default_sidebar(rng, article)
    counter = o.get("counter") or random_counter(rng, article.published)
    shown = format_date(article.published, style)
    if date_mode == "time":
        date_html = (f'<time datetime="{article.published.isoformat()}">Post on {esc(shown)}</time>')
        published, source = iso(article.published, True), "time"
    elif date_mode == "created":
        shown = format_date(article.created, style)
        date_html = f"สร้างเมื่อ: {esc(shown)}"
        published, source = shown_iso(article.created, style), "created"
    else:
        date_html = f"Post on {esc(shown)}"
        published, source = shown_iso(article.published, style), "label"
    meta_lines = [f'<div class="post-date"><span class="icon-calendar"></span> {date_html}</div>']
    if article.author:
        meta_lines.append(f'<div class="post-author"><span class="icon-user"></span> by {esc(article.author)}</div>')
    if article.category:
        meta_lines.append(f'<div class="post-category">หมวด: <a href="/index.php/{_menu_slug(article)}">{esc(article.category)}</a></div>')
    if article.hits is not None:
        meta_lines.append(f'<div class="post-hits"><span class="icon-eye-open"></span> ฮิต: {_hits_text(article, hits_thousands, hits_thai)}</div>')
    body = render_body(article.blocks, url, rng)
    att_html, att_found = attachments_table_html(article, url, rng, relative_urls=relative_urls)
    share_fb, share_line = (("#share-facebook", "#share-line") if relative_urls else
                            ("https://www.facebook.com/sharer/sharer.php", "https://social-plugins.line.me/lineit/share"))
    article_html = (
        '<div class="item-page">\n'
        f'<h2 class="contentheading">\n\t{esc(article.title)}\n</h2>\n'
        '<div class="article-meta">\n' + "\n".join(meta_lines) + "\n</div>\n"
        f'<div class="article-content">\n{body.html}\n{att_html}\n</div>\n'
        f'<div class="article-share"><a href="{share_fb}" class="share-facebook">แชร์ Facebook</a> '
        f'<a href="{share_line}" class="share-line">LINE</a></div>\n'
        "</div>"
    )
    left = counter_html(*counter) + "\n" + executives_html()
    right = latest_news_html(items, rng) + "\n" + '<div class="moduletable"><h3>เมนูหลัก</h3>\n' + menu_html(rng, article) + "</div>"
    html = (
        '<!DOCTYPE html>\n<html lang="th-th" dir="ltr">\n'
        + head_html(_page_title(article, rng), "utf-8", base=url, generator="Joomla! - Open Source Content Management")
        + f'\n<body class="site com_content view-article no-layout no-task itemid-{article.itemid}">\n'
        f'<div id="header"><a href="/"><img src="/images/logo.png" alt="logo" /></a><h1 class="site-title">{esc(_office_name(article))}</h1></div>\n'
        f'<div id="topmenu">{menu_html(rng, article, "menu-top")}</div>\n'
        f'<div id="wrapper">\n<div id="left">\n{left}\n</div>\n<div id="main">\n{article_html}\n</div>\n'
        f'<div id="right">\n{right}\n</div>\n</div>\n{footer_html(rng, article)}\n</body>\n</html>\n'
    )
    expected = build_expected(
        article, url, truth=truth, published=published, published_raw=shown, date_source=source, modified=None,
        body=body, attachments=att_found,
        meta={"variant": _variant(article, date=style.describe(), date_mode=date_mode, hits_thai=hits_thai),
              "encoding": "utf-8", "note": o.get("note")},
    )  # fmt: skip
    return RenderedPage(_encode(html, "utf-8"), "utf-8", url, _strip_none_meta(expected))


def _strip_none_meta(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if not (k.startswith("_") and v in (None, ""))}


# --- (b) Joomla 3 com_content default layout (Thai language pack) ----------------------------------
def _iso_attr(dt: datetime, utc: bool) -> str:
    return dt.astimezone(timezone.utc).isoformat() if utc else dt.astimezone(BANGKOK).isoformat()


def render_joomla3_default(article: Article, *, rng: random.Random, sidebar_items: list[SidebarItem] | None = None,
                  relative_urls: bool = False, truth: bool = True) -> RenderedPage:
    o = article.opts
    url = o.get("url") or _joomla_url(article, _opt(article, rng, "url_style", ["sef_menu", "sef_root", "nonsef"]))
    style: DateStyle = _opt(article, rng, "date_style", lambda r: r.choice([DateStyle(), DateStyle(weekday="comma", time="colon"), random_datestyle(r)]))
    utc_attr = _opt(article, rng, "utc_attr", [False, False, True])
    info_below = _opt(article, rng, "info_below", [False, False, False, True])
    page_heading = _opt(article, rng, "page_heading", [False, True])
    hits_thai = _opt(article, rng, "hits_thai", [False, False, True])
    shift = o.get("visible_shift_days", 0)  # deliberate disagreement (warning fixture)
    items = sidebar_items or default_sidebar(rng, article)
    shown = format_date(_shift(article.published, shift), style)
    dd = []
    if article.author:
        dd.append('\t\t<dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">\n'
                  f'\t\t\tเขียนโดย <span itemprop="name">{esc(article.author)}</span>\t</dd>')  # fmt: skip
    if article.category:
        dd.append('\t\t<dd class="category-name">\n'
                  f'\t\t\tหมวด: <a href="/index.php/{_menu_slug(article)}" itemprop="genre">{esc(article.category)}</a>\t</dd>')  # fmt: skip
    dd.append('\t\t<dd class="published">\n\t\t\t<span class="icon-calendar" aria-hidden="true"></span>\n'
              f'\t\t\t<time datetime="{_iso_attr(article.published, utc_attr)}" itemprop="datePublished">\n'
              f"\t\t\t\tเผยแพร่เมื่อ: {esc(shown)}\t\t\t</time>\n\t\t</dd>")  # fmt: skip
    tail_dd = []
    if article.modified:
        tail_dd.append('\t\t<dd class="modified">\n\t\t\t<span class="icon-calendar" aria-hidden="true"></span>\n'
                       f'\t\t\t<time datetime="{_iso_attr(article.modified, utc_attr)}" itemprop="dateModified">\n'
                       f"\t\t\t\tอัพเดทล่าสุดเมือ: {esc(format_date(article.modified, style))}\t\t\t</time>\n\t\t</dd>")  # fmt: skip
    if article.hits is not None:
        tail_dd.append('\t\t<dd class="hits">\n\t\t\t<span class="icon-eye-open" aria-hidden="true"></span>\n'
                       f'\t\t\t<meta itemprop="interactionCount" content="UserPageVisits:{article.hits}" />\n'
                       f"\t\t\tฮิต: {_hits_text(article, False, hits_thai)}\t\t</dd>")  # fmt: skip

    def dl(rows: list[str]) -> str:
        if not rows:
            return ""
        return ('<div class="article-info muted">\n\t<dl class="article-info muted">\n'
                '\t\t<dt class="article-info-term">รายละเอียด</dt>\n' + "\n".join(rows) + "\n\t</dl>\n</div>")  # fmt: skip

    above = dl(dd + ([] if info_below else tail_dd))
    below = dl(tail_dd) if info_below else ""
    body = render_body(article.blocks, url, rng)
    att_html, att_found = attachments_table_html(article, url, rng, relative_urls=relative_urls)
    heading = f'<div class="page-header"><h1> {esc(article.category or "ข่าวประชาสัมพันธ์")} </h1></div>\n' if page_heading else ""
    item = (
        '<div class="item-page" itemscope itemtype="https://schema.org/Article">\n'
        '\t<meta itemprop="inLanguage" content="th-TH" />\n'
        f"{heading}"
        f'\t<div class="page-header">\n\t\t<h2 itemprop="headline">\n\t\t\t{esc(article.title)}\t\t</h2>\n\t</div>\n'
        '<div class="icons"><div class="btn-group pull-right"><a class="btn dropdown-toggle" data-toggle="dropdown" href="#">'
        '<span class="icon-cog"></span><span class="caret"></span></a><ul class="dropdown-menu">'
        '<li class="print-icon"><a href="#" rel="nofollow"><span class="icon-print"></span>พิมพ์</a></li>'
        '<li class="email-icon"><a href="#" rel="nofollow"><span class="icon-envelope"></span>อีเมล</a></li></ul></div></div>\n'
        f"{above}\n"
        f'\t<div itemprop="articleBody">\n{body.html}\n{att_html}\n\t</div>\n'
        f"{below}\n{_pager(items)}\n</div>"
    )
    counter = random_counter(rng, article.published)
    aside = latest_news_html(items, rng, heading="ข่าวประชาสัมพันธ์ล่าสุด") + "\n" + counter_html(*counter, heading="สถิติผู้เข้าชม")
    html = (
        '<!DOCTYPE html>\n<html lang="th-th" dir="ltr">\n'
        + head_html(_page_title(article, rng), "utf-8", base=url, generator="Joomla! - Open Source Content Management",
                    extra='<link href="/templates/protostar/css/template.css" rel="stylesheet" />')
        + f'\n<body class="site com_content view-article no-layout no-task itemid-{article.itemid}">\n'
        '<div class="body">\n<div class="container">\n'
        f'<header class="header" role="banner"><div class="header-inner clearfix"><a class="brand pull-left" href="/">'
        f'<span class="site-title" title="{esc(_office_name(article))}">{esc(_office_name(article))}</span></a></div></header>\n'
        f'<nav class="navigation" role="navigation">{menu_html(rng, article)}</nav>\n'
        '<div class="row-fluid">\n<main id="content" role="main" class="span9">\n<div id="system-message-container">\n</div>\n'
        f"{item}\n</main>\n"
        f'<div id="aside" class="span3">\n{aside}\n</div>\n</div>\n</div>\n</div>\n{footer_html(rng, article)}\n</body>\n</html>\n'
    )
    warnings = []
    if shift:
        warnings.append(f"published: microdata {iso(article.published, False)} != label {iso(_shift(article.published, shift), False)}")
    expected = build_expected(
        article, url, truth=truth, published=iso(article.published, True), published_raw=shown, date_source="microdata",
        modified=iso(article.modified, True) if article.modified else None, body=body, attachments=att_found,
        warnings=warnings,
        meta={"variant": _variant(article, date=style.describe(), utc_attr=utc_attr, info_below=info_below,
                                  page_heading=page_heading, hits_thai=hits_thai),
              "encoding": "utf-8", "note": o.get("note")},
    )  # fmt: skip
    return RenderedPage(_encode(html, "utf-8"), "utf-8", url, _strip_none_meta(expected))


# --- (c) Joomla 4/5 Cassiopeia ---------------------------------------------------------------------
def render_joomla4(article: Article, *, rng: random.Random, sidebar_items: list[SidebarItem] | None = None,
                  relative_urls: bool = False, truth: bool = True) -> RenderedPage:
    o = article.opts
    microdata = _opt(article, rng, "microdata", [True, True, False])  # Joomla 4.x vs 5.x (microdata removed)
    rewrite = _opt(article, rng, "url_rewrite", [False, True])
    url = o.get("url") or _joomla_url(article, _opt(article, rng, "url_style", ["sef_menu", "sef_menu", "sef_root"]), rewrite=rewrite)
    style: DateStyle = _opt(article, rng, "date_style", lambda r: r.choice([DateStyle(), random_datestyle(r)]))
    utc_attr = _opt(article, rng, "utc_attr", [False, True])
    shift = o.get("visible_shift_days", 0)
    if not microdata:
        article.modified = None  # a bare <time> for "modified" would leave modified's precision ambiguous
    items = sidebar_items or default_sidebar(rng, article)
    shown = format_date(_shift(article.published, shift), style)
    md = {
        "author": ' itemprop="author" itemscope itemtype="https://schema.org/Person"',
        "name": ' itemprop="name"',
        "genre": ' itemprop="genre"',
        "published": ' itemprop="datePublished"',
        "headline": ' itemprop="headline"',
        "body": ' itemprop="articleBody"',
    }
    if not microdata:
        md = dict.fromkeys(md, "")
    dd = []
    if article.author:
        dd.append(f'<dd class="createdby"{md["author"]}>\n'
                  '    <span class="icon-user icon-fw" aria-hidden="true"></span>\n'
                  f'    เขียนโดย: <span{md["name"]}>{esc(article.author)}</span>\n</dd>')  # fmt: skip
    if article.category:
        dd.append('<dd class="category-name">\n    <span class="icon-folder-open icon-fw" aria-hidden="true"></span>\n'
                  f'    หมวด: <a href="/index.php/{_menu_slug(article)}"{md["genre"]}>{esc(article.category)}</a>\n</dd>')  # fmt: skip
    dd.append('<dd class="published">\n    <span class="icon-calendar icon-fw" aria-hidden="true"></span>\n'
              f'    <time datetime="{_iso_attr(article.published, utc_attr)}"{md["published"]}>\n'
              f"        เผยแพร่เมื่อ: {esc(shown)}\n    </time>\n</dd>")  # fmt: skip
    if article.modified:
        dd.append('<dd class="modified">\n    <span class="icon-calendar icon-fw" aria-hidden="true"></span>\n'
                  f'    <time datetime="{_iso_attr(article.modified, utc_attr)}" itemprop="dateModified">\n'
                  f"        อัพเดทล่าสุด: {esc(format_date(article.modified, style))}\n    </time>\n</dd>")  # fmt: skip
    if article.hits is not None:
        meta = f'    <meta itemprop="interactionCount" content="UserPageVisits:{article.hits}">\n' if microdata else ""
        dd.append(f'<dd class="hits">\n    <span class="icon-eye icon-fw" aria-hidden="true"></span>\n{meta}'
                  f"    ฮิต: {_hits_text(article, False, False)}\n</dd>")  # fmt: skip
    body = render_body(article.blocks, url, rng)
    att_html, att_found = attachments_table_html(article, url, rng, relative_urls=relative_urls)
    scope = ' itemscope itemtype="https://schema.org/Article"' if microdata else ""
    item = (
        f'<div class="com-content-article item-page"{scope}>\n'
        + ('    <meta itemprop="inLanguage" content="th-TH">\n' if microdata else "")
        + f'    <div class="page-header">\n        <h1{md["headline"]}>\n            {esc(article.title)}        </h1>\n    </div>\n'
        '    <dl class="article-info text-muted">\n            <dt class="article-info-term">\n                รายละเอียด            </dt>\n'
        + "\n".join(dd) + "\n    </dl>\n"
        f'    <div{md["body"]} class="com-content-article__body">\n{body.html}\n{att_html}\n    </div>\n'
        f"{_pager(items, 'j4')}\n</div>"
    )
    counter = random_counter(rng, article.published)
    sidebar = latest_news_html(items, rng, heading="ข่าวล่าสุด") + "\n" + counter_html(*counter, heading="สถิติการเข้าชม")
    html = (
        '<!DOCTYPE html>\n<html lang="th-th" dir="ltr">\n'
        + head_html(_page_title(article, rng), "utf-8", generator="Joomla! - Open Source Content Management",
                    extra='<link href="/media/templates/site/cassiopeia/css/template.min.css" rel="stylesheet">')
        + f'\n<body class="site com_content wrapper-static view-article no-layout no-task itemid-{article.itemid} has-sidebar-right">\n'
        '<header class="header container-header full-width">\n<div class="grid-child"><div class="navbar-brand">'
        f'<a class="brand-logo" href="/"><span title="{esc(_office_name(article))}">{esc(_office_name(article))}</span></a></div></div>\n'
        f'<div class="grid-child container-nav">{menu_html(rng, article, "mod-menu mod-list nav")}</div>\n</header>\n'
        '<div class="site-grid">\n<div class="grid-child container-component">\n<nav class="mod-breadcrumbs__wrapper" aria-label="Breadcrumbs">'
        f'<ol class="mod-breadcrumbs breadcrumb"><li class="mod-breadcrumbs__item breadcrumb-item"><a href="/">หน้าหลัก</a></li>'
        f'<li class="mod-breadcrumbs__item breadcrumb-item active"><span>{esc(article.title)}</span></li></ol></nav>\n'
        f'<main>\n{item}\n</main>\n</div>\n<div class="grid-child container-sidebar-right">\n{sidebar}\n</div>\n</div>\n'
        f'{footer_html(rng, article)}\n</body>\n</html>\n'
    )
    source = "microdata" if microdata else "time"
    warnings = []
    if shift:
        warnings.append(f"published: {source} {iso(article.published, False)} != label {iso(_shift(article.published, shift), False)}")
    expected = build_expected(
        article, url, truth=truth, published=iso(article.published, True), published_raw=shown, date_source=source,
        modified=iso(article.modified, True) if article.modified else None, body=body, attachments=att_found,
        warnings=warnings,
        meta={"variant": _variant(article, date=style.describe(), microdata=microdata, utc_attr=utc_attr, url_rewrite=rewrite),
              "encoding": "utf-8", "note": o.get("note")},
    )  # fmt: skip
    return RenderedPage(_encode(html, "utf-8"), "utf-8", url, _strip_none_meta(expected))


# --- (d) Joomla 1.5 / 2.5 table layout, windows-874 -----------------------------------------------
def render_joomla15_table(article: Article, *, rng: random.Random, sidebar_items: list[SidebarItem] | None = None,
                  relative_urls: bool = False, truth: bool = True) -> RenderedPage:
    o = article.opts
    version = _opt(article, rng, "joomla_version", ["1.5", "1.5", "2.5"])
    if version == "1.5":
        url = o.get("url") or f"http://{article.host}/index.php?option=com_content&task=view&id={article.article_id}&Itemid={article.itemid}"
    else:
        url = o.get("url") or (f"http://{article.host}/index.php?option=com_content&view=article&id={article.article_id}"
                               f"&catid={article.catid}&Itemid={article.itemid}")  # fmt: skip
    encoding = _opt(article, rng, "encoding", ["cp874", "cp874", "cp874", "utf-8"])
    charset = _opt(article, rng, "charset_label", ["tis-620", "tis-620", "windows-874"]) if encoding == "cp874" else "utf-8"
    style: DateStyle = _opt(article, rng, "date_style", lambda r: r.choice([
        DateStyle(weekday="thi", time="wela"), DateStyle(weekday="thi", time="wela", zero_pad=True),
        DateStyle(weekday="thi", pho_so=True), DateStyle(weekday="comma", time="colon"), random_datestyle(r)]))  # fmt: skip
    hits_thousands = _opt(article, rng, "hits_thousands", [True, True, False])
    hits_thai = _opt(article, rng, "hits_thai", [False, False, True])
    items = sidebar_items or default_sidebar(rng, article)
    article.category = None  # the J1.5 article view shows section/category only as breadcrumbs here
    shown = format_date(article.published, style)
    rows = []
    info = []
    if article.author:
        info.append(f'<td width="70%" align="left" valign="top" colspan="2" class="createdby"><span class="small">เขียนโดย {esc(article.author)}</span>&nbsp;&nbsp;</td>')
    if info:
        rows.append("<tr>" + "".join(info) + "</tr>")
    rows.append(f'<tr><td valign="top" colspan="2" class="createdate">\n\t\t{esc(shown)}\t</td></tr>')
    if article.hits is not None:
        rows.append(f'<tr><td valign="top" colspan="2" class="hits"><span class="small">อ่าน {_hits_text(article, hits_thousands, hits_thai)} ครั้ง</span></td></tr>')
    body = render_body(article.blocks, url, rng)
    rows.append(f'<tr><td valign="top" colspan="2">\n{body.html}\n</td></tr>')
    mod_style = DateStyle(weekday="thi", time="wela")
    if article.modified:
        rows.append(f'<tr><td colspan="2" align="left" class="modifydate">\n\t\tแก้ไขล่าสุด ( {esc(format_date(article.modified, mod_style))} )\t</td></tr>')
    rows.append('<tr><td colspan="2"><span class="article_separator">&nbsp;</span></td></tr>')
    content = (
        '<table class="contentpaneopen">\n<tr>\n'
        f'\t<td class="contentheading" width="100%">\n\t\t{esc(article.title)}\t</td>\n'
        '\t<td align="right" width="100%" class="buttonheading"><a href="#" title="PDF"><img src="/images/M_images/pdf_button.png" alt="PDF" /></a></td>\n'
        '\t<td align="right" width="100%" class="buttonheading"><a href="#" title="พิมพ์"><img src="/images/M_images/printButton.png" alt="พิมพ์" /></a></td>\n'
        "</tr>\n</table>\n"
        '<table class="contentpaneopen">\n' + "\n".join(rows) + "\n</table>"
    )
    counter = random_counter(rng, article.published)
    latest = "".join(f'<tr><td class="latestnews"><a href="{esc(it.url)}">{esc(it.title)}</a> '
                     f'<span class="small">({format_date(it.date, DateStyle(month="abbr", year="be2"))})</span></td></tr>' for it in items)  # fmt: skip
    html = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="th-th" lang="th-th" >\n'
        + head_html(_page_title(article, rng), charset, base=url, generator=f"Joomla! {version} - Open Source Content Management")
        + '\n<body>\n<table width="950" border="0" align="center" cellpadding="0" cellspacing="0" id="main">\n'
        f'<tr><td colspan="3" class="header"><img src="/templates/labour/images/banner.jpg" alt="{esc(_office_name(article))}" /></td></tr>\n'
        '<tr>\n<td width="200" valign="top" class="left">\n'
        f'<table class="moduletable"><tr><th>เมนูหลัก</th></tr><tr><td>{menu_html(rng, article, "menu")}</td></tr></table>\n'
        f'<table class="moduletable"><tr><th>ข่าวล่าสุด</th></tr>{latest}</table>\n'
        f"{counter_html(*counter, heading='สถิติผู้เยี่ยมชม')}\n"
        '</td>\n<td valign="top" class="content">\n'
        f'<span class="breadcrumbs pathway"><a href="/" class="pathway">หน้าแรก</a> <img src="/images/M_images/arrow.png" alt="" /> {esc(article.title)}</span>\n'
        f"{content}\n</td>\n</tr>\n"
        f'<tr><td colspan="3" class="footer">{footer_html(rng, article)}</td></tr>\n</table>\n</body>\n</html>\n'
    )
    expected = build_expected(
        article, url, truth=truth, published=shown_iso(article.published, style), published_raw=shown, date_source="text",
        modified=shown_iso(article.modified, mod_style) if article.modified else None, body=body, attachments=[],
        meta={"variant": _variant(article, joomla=version, date=style.describe(), charset=charset, hits_thai=hits_thai),
              "encoding": encoding, "note": o.get("note")},
    )  # fmt: skip
    return RenderedPage(_encode(html, encoding), encoding, url, _strip_none_meta(expected))


# --- (e) WordPress government theme ----------------------------------------------------------------
def _remap_blocks(blocks: list[Block], img, doc) -> list[Block]:
    """Copies of ``blocks`` with image/document paths rewritten for a CMS's upload layout."""
    out = []
    for b in blocks:
        if b.kind == "img":
            b = replace(b, src=img(b.src))
        elif b.kind == "doclink":
            b = replace(b, src=doc(b.src))
        out.append(b)
    return out


def _wp_slug(article: Article, thai: bool) -> str:
    if thai:
        return quote(article.title.replace(" ", "-")[:40].strip("-"), safe="-").lower()
    return TOPIC_SLUGS[article.topic]


def render_wordpress(article: Article, *, rng: random.Random, sidebar_items: list[SidebarItem] | None = None,
                  relative_urls: bool = False, truth: bool = True) -> RenderedPage:
    o = article.opts
    permalink = _opt(article, rng, "permalink", ["shortlink", "dated", "dated_thai"])
    p = article.published
    if permalink == "shortlink":
        url = o.get("url") or f"https://{article.host}/?p={article.article_id}"
    else:
        url = o.get("url") or f"https://{article.host}/{p.year}/{p.month:02d}/{p.day:02d}/{_wp_slug(article, permalink == 'dated_thai')}/"
    style: DateStyle = _opt(article, rng, "date_style", lambda r: r.choice([DateStyle(), DateStyle(month="abbr"), random_datestyle(r, allow_time=False)]))
    yoast = _opt(article, rng, "yoast_meta", [True, False])
    share = _opt(article, rng, "share_buttons", [True, False])
    hits_thousands = _opt(article, rng, "hits_thousands", [True, False])
    if not yoast:
        article.modified = None  # without article:modified_time no listed source carries "modified"
    items = sidebar_items or default_sidebar(rng, article)
    shown = format_date(p, style)
    origin = _origin(article, relative_urls)
    shortlink = f"{origin}/?p={article.article_id}"
    extra = [f"<link rel='shortlink' href='{shortlink}' />", f'<link rel="canonical" href="{esc(url)}" />']
    if yoast:
        extra.append(f'<meta property="og:title" content="{esc(article.title)}" />')
        extra.append(f'<meta property="article:published_time" content="{p.astimezone(timezone.utc).isoformat()}" />')
        if article.modified:
            extra.append(f'<meta property="article:modified_time" content="{article.modified.astimezone(timezone.utc).isoformat()}" />')
    meta_bits = [f'<span class="posted-on">โพสต์เมื่อ <a href="{esc(url)}" rel="bookmark">'
                 f'<time class="entry-date published" datetime="{p.isoformat()}">{esc(shown)}</time>'
                 + (f'<time class="updated" datetime="{article.modified.isoformat()}">{esc(format_date(article.modified, style))}</time>'
                    if article.modified else "") + "</a></span>"]  # fmt: skip
    if article.author:
        meta_bits.append(f'<span class="byline"> โดย <span class="author vcard"><a class="url fn n" href="{origin}/author/'
                         f'{quote(article.author)}/">{esc(article.author)}</a></span></span>')  # fmt: skip
    if article.hits is not None:
        meta_bits.append(f'<span class="post-views">เข้าชม {_hits_text(article, hits_thousands, False)} ครั้ง</span>')
    if article.category:
        meta_bits.append(f'<span class="cat-links">หมวดหมู่: <a href="{origin}/category/{_menu_slug(article)}/" rel="category tag">{esc(article.category)}</a></span>')
    uploads = f"{origin}/wp-content/uploads/{p.year}/{p.month:02d}/"
    blocks = _remap_blocks(article.blocks, lambda s: uploads + s.rsplit("/", 1)[-1], lambda s: uploads + s.rsplit("/", 1)[-1])
    body = render_body(blocks, url, rng, flavor="wordpress")
    share_html = ('<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social">'
                  '<h3 class="sd-title">แชร์:</h3><div class="sd-content"><ul><li class="share-facebook"><a class="share-facebook sd-button" '
                  'href="?share=facebook" target="_blank"><span>Facebook</span></a></li><li class="share-twitter"><a class="share-twitter sd-button" '
                  'href="?share=twitter" target="_blank"><span>X</span></a></li></ul></div></div></div>') if share else ""  # fmt: skip
    recent = "\n".join(
        f'<li><a href="{esc(it.url) if relative_urls else f"{origin}/?p={article.article_id - 3 - i}"}">{esc(it.title)}</a> '
        f'<time datetime="{it.date.isoformat()}" class="wp-block-latest-posts__post-date">{esc(format_date(it.date, style))}</time></li>'
        for i, it in enumerate(items)
    )
    art = (
        f'<article id="post-{article.article_id}" class="post-{article.article_id} post type-post status-publish format-standard hentry">\n'
        f'<header class="entry-header">\n<h1 class="entry-title">{esc(article.title)}</h1>\n'
        f'<div class="entry-meta">\n' + "\n".join(meta_bits) + "\n</div>\n</header>\n"
        f'<div class="entry-content">\n{body.html}\n{share_html}\n</div>\n'
        '<footer class="entry-footer"><span class="comments-link"><a href="#respond">แสดงความคิดเห็น</a></span></footer>\n'
        "</article>\n"
        '<nav class="navigation post-navigation" aria-label="เรื่อง"><h2 class="screen-reader-text">เมนูนำทาง เรื่อง</h2>'
        f'<div class="nav-links"><div class="nav-previous"><a href="{esc(items[1].url)}" rel="prev">{esc(items[1].title)}</a></div>'
        f'<div class="nav-next"><a href="{esc(items[0].url)}" rel="next">{esc(items[0].title)}</a></div></div></nav>'
    )
    html = (
        '<!doctype html>\n<html lang="th">\n'
        + head_html(_page_title(article, rng), "utf-8", generator="WordPress 6.4.3", extra="\n".join(extra))
        + f'\n<body class="post-template-default single single-post postid-{article.article_id} single-format-standard">\n'
        f'<div id="page" class="site">\n<header id="masthead" class="site-header"><p class="site-title"><a href="{origin}/" rel="home">'
        f'{esc(_office_name(article))}</a></p>\n<nav id="site-navigation" class="main-navigation">{menu_html(rng, article, "menu")}</nav></header>\n'
        f'<div id="content" class="site-content">\n<main id="primary" class="site-main">\n{art}\n</main>\n'
        '<aside id="secondary" class="widget-area">\n<section class="widget widget_block"><h2 class="widget-title">เรื่องล่าสุด</h2>'
        f'<ul class="wp-block-latest-posts__list wp-block-latest-posts">\n{recent}\n</ul></section>\n'
        '<section class="widget widget_archive"><h2 class="widget-title">คลังเก็บ</h2><ul>'
        f'<li><a href="{origin}/{p.year}/{p.month:02d}/">{format_date(p, DateStyle()).split(" ", 1)[1]}</a></li></ul></section>\n'
        f"</aside>\n</div>\n{footer_html(rng, article)}\n</div>\n</body>\n</html>\n"
    )
    expected = build_expected(
        article, url, truth=truth, published=iso(p, True), published_raw=shown, date_source="time",
        modified=iso(article.modified, True) if article.modified else None, body=body, attachments=[],
        meta={"variant": _variant(article, permalink=permalink, date=style.describe(), yoast=yoast, share=share),
              "encoding": "utf-8", "note": o.get("note")},
    )  # fmt: skip
    return RenderedPage(_encode(html, "utf-8"), "utf-8", url, _strip_none_meta(expected))


# --- (f) custom PHP news page in tables ------------------------------------------------------------
def render_custom_php(article: Article, *, rng: random.Random, sidebar_items: list[SidebarItem] | None = None,
                  relative_urls: bool = False, truth: bool = True) -> RenderedPage:
    o = article.opts
    url_style = _opt(article, rng, "url_style", ["root", "root", "news_dir", "hash"])
    if url_style == "root":
        url = o.get("url") or f"http://{article.host}/news_detail.php?id={article.article_id}"
    elif url_style == "news_dir":
        url = o.get("url") or f"http://{article.host}/news/news_detail.php?type=1&id={article.article_id}"
    else:
        url = o.get("url") or f"http://{article.host}/news/detail/{TOPIC_SLUGS[article.topic]}.html"
    encoding = _opt(article, rng, "encoding", ["utf-8", "cp874"])
    charset = _opt(article, rng, "charset_label", ["tis-620", "windows-874"]) if encoding == "cp874" else "utf-8"
    style: DateStyle = _opt(article, rng, "date_style", lambda r: r.choice([
        DateStyle(month="num"), DateStyle(month="abbr", year="be2", digits="thai"), DateStyle(month="num", time="colon"),
        DateStyle(month="isobe", time="sec"), DateStyle(month="abbr", time="wela_dot"), random_datestyle(r, numeric=True)]))  # fmt: skip
    layout = _opt(article, rng, "layout", ["one_cell", "label_cells"])
    article.category = None
    article.modified = None
    items = sidebar_items or default_sidebar(rng, article)
    shown = format_date(article.published, style)
    hits_txt = None if article.hits is None else format_number(article.hits, thousands=False, thai=style.digits == "thai")
    if layout == "one_cell":
        bits = [f"วันที่ลงข่าว : {esc(shown)}"]
        if article.author:
            bits.append(f"ผู้ลงข่าว : {esc(article.author)}")
        if hits_txt is not None:
            bits.append(f"จำนวนผู้อ่าน : {hits_txt} ครั้ง")
        info = f'<tr><td class="news_info" bgcolor="#EEEEEE">{" &nbsp;&nbsp; ".join(bits)}</td></tr>'
    else:
        cells = [f'<tr><td class="label" width="120">วันที่ลงข่าว :</td><td class="value">{esc(shown)}</td></tr>']
        if article.author:
            cells.append(f'<tr><td class="label">ผู้ลงข่าว :</td><td class="value">{esc(article.author)}</td></tr>')
        if hits_txt is not None:
            cells.append(f'<tr><td class="label">จำนวนผู้อ่าน :</td><td class="value">{hits_txt} ครั้ง</td></tr>')
        info = '<tr><td><table width="100%" border="0" class="news_info">' + "".join(cells) + "</table></td></tr>"
    # images are written relative to the page (the page sits at the site root or under /news/)
    blocks = _remap_blocks(article.blocks, lambda s: "images/news/" + s.rsplit("/", 1)[-1],
                           lambda s: "upload/files/" + s.rsplit("/", 1)[-1])  # fmt: skip
    body = render_body(blocks, url, rng, flavor="plain")
    heading = (f'<tr><td class="news_topic" bgcolor="#003399"><font color="#FFFFFF"><b>{esc(article.title)}</b></font></td></tr>'
               if rng.random() < 0.5 else f'<tr><td><h3 class="news-title">{esc(article.title)}</h3></td></tr>')  # fmt: skip
    latest = "".join(f'<tr><td>&raquo; <a href="{esc(it.url) if relative_urls else f"news_detail.php?id={article.article_id - i - 1}"}">{esc(it.title)}</a> '
                     f'<font size="1">[{format_date(it.date, DateStyle(month="num"))}]</font></td></tr>' for i, it in enumerate(items))  # fmt: skip
    html = (
        '<html>\n' + head_html(f"{_office_name(article)} :: ข่าวประชาสัมพันธ์", charset)
        + '\n<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0">\n'
        f'<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">\n<tr><td colspan="2"><img src="images/banner.jpg" width="980" alt="{esc(_office_name(article))}"></td></tr>\n'
        '<tr>\n<td width="220" valign="top">\n'
        f'<table width="100%" class="left_menu"><tr><td class="menu_head">ข่าวล่าสุด</td></tr>{latest}</table>\n'
        f'<table width="100%"><tr><td>ผู้เข้าชมวันนี้ {rng.randint(10, 500)} คน</td></tr><tr><td>ผู้เข้าชมทั้งหมด {rng.randint(10000, 900000):,} คน</td></tr>'
        f'<tr><td>นับตั้งแต่ 1 มกราคม {article.published.year + 543 - rng.randint(3, 8)}</td></tr></table>\n'
        '</td>\n<td valign="top">\n'
        f'<table width="100%" border="0" cellpadding="4" cellspacing="0" class="news_detail">\n{heading}\n{info}\n'
        f'<tr><td class="news_detail">\n{body.html}\n</td></tr>\n'
        '<tr><td align="right"><a href="javascript:window.print()">[พิมพ์หน้านี้]</a> <a href="javascript:history.back()">[กลับ]</a></td></tr>\n'
        "</table>\n</td>\n</tr>\n"
        f'<tr><td colspan="2" align="center" class="footer">{footer_html(rng, article)}</td></tr>\n</table>\n</body>\n</html>\n'
    )
    expected = build_expected(
        article, url, truth=truth, published=shown_iso(article.published, style), published_raw=shown, date_source="label",
        modified=None, body=body, attachments=[], id_exposed=url_style != "hash",
        meta={"variant": _variant(article, url=url_style, date=style.describe(), layout=layout, charset=charset),
              "encoding": encoding, "note": o.get("note")},
    )  # fmt: skip
    return RenderedPage(_encode(html, encoding), encoding, url, _strip_none_meta(expected))


# --- (g) Joomla 3 + K2 -----------------------------------------------------------------------------
def render_k2(article: Article, *, rng: random.Random, sidebar_items: list[SidebarItem] | None = None,
                  relative_urls: bool = False, truth: bool = True) -> RenderedPage:
    o = article.opts
    url_style = _opt(article, rng, "url_style", ["component", "menu"])
    if url_style == "component":
        url = o.get("url") or f"https://{article.host}/index.php/component/k2/item/{_alias_url_part(article)}"
    else:
        url = o.get("url") or f"https://{article.host}/index.php/{_menu_slug(article)}/item/{_alias_url_part(article)}"
    style: DateStyle = _opt(article, rng, "date_style", lambda r: r.choice([
        DateStyle(weekday="comma", time="colon", zero_pad=True), DateStyle(weekday="comma", time="colon"), DateStyle(), random_datestyle(r)]))  # fmt: skip
    split = _opt(article, rng, "intro_split", [False, True])
    counter_on = _opt(article, rng, "attachment_counter", [True, True, False])
    items = sidebar_items or default_sidebar(rng, article)
    shown = format_date(article.published, style)
    mod_style = DateStyle(weekday="comma", time="colon", zero_pad=True)
    author_html = ""
    if article.author:
        author_html = ('\t<span class="itemAuthor">\n\t\tเขียนโดย\t\t<a rel="author" href="/index.php/component/k2/itemlist/user/'
                       f'{rng.randint(40, 990)}-{quote(article.author)}">{esc(article.author)}</a>\n\t</span>\n')  # fmt: skip
    blocks = article.blocks
    if split and len(blocks) > 1:
        intro = render_body(blocks[:1], url, rng)
        full = render_body(blocks[1:], url, rng)
        body = BodyResult("", intro.paragraphs + full.paragraphs, intro.images + [i for i in full.images if i not in intro.images],
                          intro.attachments + full.attachments)  # fmt: skip
        text_html = (f'\t\t<div class="itemIntroText">\n{intro.html}\n\t\t</div>\n'
                     f'\t\t<div class="itemFullText">\n{full.html}\n\t\t</div>\n')  # fmt: skip
    else:
        body = render_body(blocks, url, rng)
        text_html = f'\t\t<div class="itemFullText">\n{body.html}\n\t\t</div>\n'
    footer_bits = []
    if article.hits is not None:
        footer_bits.append(f'\t\t\t<span class="itemHits">\n\t\t\t\tฮิต <b>{article.hits}</b> ครั้ง\t\t\t</span>\n')
    if article.modified:
        footer_bits.append(f'\t\t\t<span class="itemDateModified">\n\t\t\t\tแก้ไขล่าสุดเมื่อ {esc(format_date(article.modified, mod_style))}\t\t\t</span>\n')
    content_footer = ('\t\t<div class="itemContentFooter">\n' + "".join(footer_bits) + '\t\t\t<div class="clr"></div>\n\t\t</div>\n') if footer_bits else ""
    links = []
    if article.category:
        links.append(f'\t\t<div class="itemCategory">\n\t\t\t<span>เผยแพร่ใน</span>\n\t\t\t<a href="/index.php/{_menu_slug(article)}">{esc(article.category)}</a>\n\t\t</div>\n')
    k2_atts = []
    if article.attachments:
        lis = []
        for att in article.attachments:
            href = f"/index.php/component/k2/item/download/{att.k2_id}_{_fake_md5(rng)}"
            count = f"\n\t\t\t\t\t<span>({att.downloads} ดาวน์โหลด)</span>" if counter_on else ""
            lis.append(f'\t\t\t\t<li>\n\t\t\t\t\t<a title="{esc(att.filename)}" href="{href}">{esc(att.filename)}</a>{count}\n\t\t\t\t</li>')
            k2_atts.append({"url": urljoin(url, href), "text": att.filename})
        links.append('\t\t<div class="itemAttachmentsBlock">\n\t\t\t<span>ดาวน์โหลดไฟล์แนบ</span>\n\t\t\t<ul class="itemAttachments">\n'
                     + "\n".join(lis) + "\n\t\t\t</ul>\n\t\t</div>\n")  # fmt: skip
    item = (
        f'<span id="startOfPageId{article.article_id}"></span>\n'
        '<div id="k2Container" class="itemView">\n'
        '\t<div class="itemHeader">\n'
        f'\t\t<span class="itemDateCreated">\n\t\t\t{esc(shown)}\t\t</span>\n'
        f'\t\t<h2 class="itemTitle">\n\t\t\t{esc(article.title)}\n\t\t</h2>\n'
        f"{author_html}\t</div>\n"
        '\t<div class="itemToolbar">\n\t\t<ul>\n\t\t\t<li>\n\t\t\t\t<span class="itemTextResizerTitle">ขนาดตัวอักษร</span>\n'
        '\t\t\t\t<a href="#" id="fontDecrease"><span>ลดขนาดตัวอักษร</span></a>\n\t\t\t\t<a href="#" id="fontIncrease"><span>เพิ่มขนาดตัวอักษร</span></a>\n'
        '\t\t\t</li>\n\t\t\t<li><a class="itemPrintLink" rel="nofollow" href="#"><span>พิมพ์</span></a></li>\n'
        '\t\t\t<li><a class="itemEmailLink" rel="nofollow" href="#"><span>อีเมล</span></a></li>\n\t\t</ul>\n\t\t<div class="clr"></div>\n\t</div>\n'
        f'\t<div class="itemBody">\n{text_html}\t\t<div class="clr"></div>\n{content_footer}\t\t<div class="clr"></div>\n\t</div>\n'
        '\t<div class="itemSocialSharing"><div class="itemFacebookButton"><div class="fb-like" data-layout="button_count"></div></div></div>\n'
        + ('\t<div class="itemLinks">\n' + "".join(links) + '\t\t<div class="clr"></div>\n\t</div>\n' if links else "")
        + '\t<div class="itemNavigation">\n\t\t<span class="itemNavigationTitle">บทความอื่นๆ ในหมวดนี้:</span>\n'
        f'\t\t<a class="itemPrevious" href="{esc(items[1].url)}">&laquo; {esc(items[1].title)}</a>\n'
        f'\t\t<a class="itemNext" href="{esc(items[0].url)}">{esc(items[0].title)} &raquo;</a>\n\t</div>\n'
        "</div>\n<!-- End K2 Item Layout -->"
    )
    latest = "\n".join(f'<li><a class="moduleItemTitle" href="{esc(it.url)}">{esc(it.title)}</a>\n'
                       f'<span class="moduleItemDateCreated">{esc(format_date(it.date, DateStyle(weekday="comma", time="colon")))}</span></li>'
                       for it in items)  # fmt: skip
    counter = random_counter(rng, article.published)
    html = (
        '<!DOCTYPE html>\n<html lang="th-th" dir="ltr">\n'
        + head_html(_page_title(article, rng), "utf-8", base=url, generator="Joomla! - Open Source Content Management",
                    extra=f'<meta property="og:url" content="{esc(url)}" />\n<meta property="og:type" content="article" />\n'
                          f'<meta property="og:title" content="{esc(article.title)}" />\n<link href="/components/com_k2/css/k2.css?v=2.10.3" rel="stylesheet" />')
        + f'\n<body class="site com_k2 view-item no-layout no-task itemid-{article.itemid}">\n'
        f'<div id="sp-header"><div class="logo"><a href="/">{esc(_office_name(article))}</a></div>{menu_html(rng, article, "sp-megamenu-parent menu")}</div>\n'
        f'<div id="sp-main-body">\n<div id="sp-component" class="col-md-9">\n<div class="sp-column">\n{item}\n</div>\n</div>\n'
        '<div id="sp-right" class="col-md-3">\n<div class="sp-module"><h3 class="sp-module-title">ข่าวล่าสุด</h3>\n'
        f'<div id="k2ModuleBox{rng.randint(90, 200)}" class="k2ItemsBlock"><ul>\n{latest}\n</ul></div></div>\n'
        f"{counter_html(*counter, heading='สถิติผู้เข้าชม')}\n</div>\n</div>\n{footer_html(rng, article)}\n</body>\n</html>\n"
    )
    expected = build_expected(
        article, url, truth=truth, published=shown_iso(article.published, style), published_raw=shown, date_source="text",
        modified=shown_iso(article.modified, mod_style) if article.modified else None, body=body,
        attachments=k2_atts if K2_DOWNLOADS_ARE_ATTACHMENTS else [],
        meta={"variant": _variant(article, url=url_style, date=style.describe(), intro_split=split,
                                  attachment_counter=counter_on if article.attachments else None),
              "encoding": "utf-8",
              "note": o.get("note") or ("K2 attachment links are .../item/download/<id>_<hash> URLs, not file paths: "
                                        "not attachments under docs/record.md (see K2_DOWNLOADS_ARE_ATTACHMENTS)"
                                        if k2_atts and not K2_DOWNLOADS_ARE_ATTACHMENTS else None),
              "k2_download_links": k2_atts or None},
    )  # fmt: skip
    return RenderedPage(_encode(html, "utf-8"), "utf-8", url, _strip_none_meta(expected))


def _fake_md5(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(32))


RENDERERS = {
    "joomla3_override": render_joomla3_override,
    "joomla3_default": render_joomla3_default,
    "joomla4": render_joomla4,
    "joomla15_table": render_joomla15_table,
    "wordpress": render_wordpress,
    "custom_php": render_custom_php,
    "k2": render_k2,
}


def render(article: Article, *, rng: random.Random, sidebar_items: list[SidebarItem] | None = None,
                  relative_urls: bool = False, truth: bool = True) -> RenderedPage:
    """HTML bytes and expected record of ``article`` in its shape.

    ``relative_urls``: no host in any link the page makes itself (attachments, WordPress links, share
    buttons): root-relative paths, for a portal served at an unknown address; give ``opts["url"]`` as a
    root-relative target too. ``truth=False``: skip the costly ground truth (body, word_count,
    content_hash are None). Both default to the committed fixtures' behaviour.
    """
    return RENDERERS[article.shape](article, rng=rng, sidebar_items=sidebar_items, relative_urls=relative_urls,
                                    truth=truth)


def seed_article() -> Article:
    """The real article of ../shared/seed (area10, 30 สิงหาคม 2564, by area10, ฮิต: 31)."""
    published = datetime(2021, 8, 30, 10, 15, 0, tzinfo=BANGKOK)
    art = Article(
        shape="joomla3_override", site="area10", host="area10.labour.go.th", article_id=1286, alias="95-59-ita",
        topic="ita", title=corpus.SEED_TITLE, category=None, catid=17, itemid=127, published=published,
        created=published, modified=None, author="area10", hits=31,
        blocks=make_blocks(random.Random(0), "ita", kind="seed"), attachments=[],
    )  # fmt: skip
    art.opts = {
        "url": "https://area10.labour.go.th/index.php/executive/1286-95-59-ita",
        "url_style": "sef_menu",
        "date_mode": "label",
        "date_style": DateStyle(),
        "hits_thai": False,
        "hits_thousands": False,
        "counter": (dict(corpus.SEED_COUNTER), corpus.SEED_IP, corpus.SEED_SERVER_TIME),
        "features": [],
        "body_kind": "seed",
        "note": "the seed article (../shared/seed), as its portal renders it",
    }
    return art


__all__ = [
    "Article",
    "Attachment",
    "Block",
    "RenderedPage",
    "SHAPES",
    "SidebarItem",
    "default_sidebar",
    "make_article",
    "render",
    "seed_article",
    "thai_digits",
]
