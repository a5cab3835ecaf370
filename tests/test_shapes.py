"""Sanity tests of the page generator (scraper.demo): never of the extractor.

A small independent reading of each generated page (lxml, per-shape body selectors known to the
generator) checks that the expected body, images and attachments really are what the page shows.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import re
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import html as lxml_html
from pythainlp.util import normalize as thai_normalize

from scraper.demo import corpus
from scraper.demo.build_fixtures import FIXTURE_PLAN, fixture_pages, holdout_pages, write_pages
from scraper.demo.shapes import DOC_EXTENSIONS, SHAPES, RenderedPage
from scraper.demo.truth import RECORD_KEYS, clean_paragraph
from scraper.schema import record_schema

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "pages"
SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "seed"  # the seed dump, beside the repo
ZW = "\u200b\u200c\u200d\u2060\ufeff"


@pytest.fixture(scope="module")
def pages() -> list[RenderedPage]:
    return fixture_pages()


@pytest.fixture(scope="module")
def holdout() -> list[RenderedPage]:
    return holdout_pages(seed=7, n=70)


# --- generator properties --------------------------------------------------------------------------
def test_fixture_plan_covers_every_shape_six_times(pages):
    assert len(pages) == len(FIXTURE_PLAN) + 1 >= 42
    counts = {s: 0 for s in SHAPES}
    for p in pages:
        counts[p.expected["_shape"]] += 1
    assert all(c >= 6 for c in counts.values()), counts


def test_deterministic(pages):
    again = fixture_pages()
    assert [p.html for p in again] == [p.html for p in pages]
    assert [p.expected for p in again] == [p.expected for p in pages]
    h1, h2 = holdout_pages(3, 14), holdout_pages(3, 14)
    assert [p.html for p in h1] == [p.html for p in h2]
    assert [p.html for p in holdout_pages(4, 14)] != [p.html for p in h1]


def test_holdout_covers_all_shapes(holdout):
    assert {p.expected["_shape"] for p in holdout} == set(SHAPES)
    fixture_urls = {p.url for p in fixture_pages()}
    assert sum(p.url in fixture_urls for p in holdout) <= 2  # unseen pages


def test_committed_fixtures_are_up_to_date(pages, tmp_path):
    write_pages(pages, tmp_path)
    for i, _ in enumerate(pages, start=1):
        for ext in (".html", ".json"):
            name = f"{i:03d}{ext}"
            assert (FIXTURES / name).read_bytes() == (tmp_path / name).read_bytes(), f"{name} is stale: rebuild"
    assert len(list(FIXTURES.glob("*.html"))) == len(pages)


def _all(pages, holdout):
    return list(pages) + list(holdout)


def test_expected_has_all_record_keys(pages, holdout):
    for p in _all(pages, holdout):
        e = p.expected
        assert tuple(k for k in e if not k.startswith("_")) == RECORD_KEYS
        assert e["language"] == "th" and e["schema_version"] == 2 and e["scraped_at"] is None
        assert isinstance(e["body"], str) and isinstance(e["word_count"], int)
        assert e["hits"] is None or isinstance(e["hits"], int)
        assert all(set(a) == {"url", "text"} for a in e["attachments"])
        assert e["content_hash"] == hashlib.sha256((e["title"] + "\n\n" + e["body"]).encode()).hexdigest()
        assert (e["word_count"] == 0) == (e["body"] == "")
        assert not any(ch in e["body"] for ch in ZW)
        assert unicodedata.normalize("NFC", e["body"]) == e["body"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d\+07:00)?", e["published"])
        assert e["modified"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d\+07:00)?", e["modified"])
        assert e["date_source"] in {"microdata", "time", "meta", "label", "created", "text"}
        assert e["id"].split(":", 1)[0] == (e["site"] or p.url.split("/")[2])
        assert (e["site"] is None) == (e["office"] is None)


def test_records_validate_against_schema(pages):
    import jsonschema

    schema = record_schema()
    for p in pages:
        jsonschema.validate({k: v for k, v in p.expected.items() if not k.startswith("_")}, schema)


def test_warnings_only_in_documented_fixtures(pages):
    warned = [p for p in pages if p.expected["warnings"]]
    assert 1 <= len(warned) <= 2
    assert all("deliberate" in p.expected.get("_note", "") for p in warned)


def test_encodings_round_trip(pages, holdout):
    seen = set()
    for p in _all(pages, holdout):
        text = p.html.decode(p.encoding)  # strict
        assert text.encode(p.encoding) == p.html
        seen.add(p.encoding)
        head = text[:2000].lower()
        if p.encoding == "cp874":
            assert "charset=tis-620" in head or "charset=windows-874" in head
        else:
            assert 'charset="utf-8"' in head
    assert seen == {"utf-8", "cp874"}
    cp = [p for p in pages if p.encoding == "cp874"]
    assert len(cp) >= 5 and any(b"charset=tis-620" in p.html for p in cp)


def test_page_001_is_the_seed(pages):
    e, html = pages[0].expected, pages[0].html.decode("utf-8")
    assert e["_shape"] == "joomla3_override" and e["site"] == "area10"
    assert e["title"] == corpus.SEED_TITLE
    assert (e["published"], e["published_raw"], e["author"], e["hits"]) == ("2021-08-30", "30 สิงหาคม 2564", "area10", 31)
    assert e["body"].split("\n\n") == corpus.SEED_PARAGRAPHS
    assert "Post on 30 สิงหาคม 2564" in html and "by area10" in html and "ฮิต: 31" in html
    for label, value in corpus.SEED_COUNTER.items():
        assert f"<td>{label}</td><td align=\"right\">{value}</td>" in html
    assert "Your IP: 192.168.2.69" in html and "2021-10-24 05:50" in html
    if SEED_DIR.exists():
        raw = next(SEED_DIR.glob("*.txt")).read_text(encoding="utf-8")
        seed_paras = [" ".join(line.split()) for line in raw.splitlines() if line.startswith("\u00a0")]
        assert seed_paras == corpus.SEED_PARAGRAPHS
        assert corpus.SEED_TITLE in raw


def test_corpus_is_clean_and_large_enough():
    texts = corpus.all_paragraphs() + [t for _, t in corpus.all_titles()] + corpus.LIST_ITEMS + corpus.AUTHORS
    for t in texts:
        assert unicodedata.normalize("NFC", thai_normalize(t)) == t, t
        assert not any(ch in t for ch in ZW)
    assert len(corpus.all_titles()) >= 40 and len(corpus.all_paragraphs()) >= 100


def test_noise_is_present(pages):
    htmls = [p.html.decode(p.encoding) for p in pages]
    assert sum("\u200b" in h or "&#8203;" in h or "\ufeff" in h or "&#65279;" in h for h in htmls) >= 10
    assert any("&nbsp;" in h for h in htmls) and any("&quot;" in h for h in htmls)


# --- an independent reading of the generated pages -------------------------------------------------
BODY_XPATH = {
    "joomla3_override": "//div[@class='article-content']",
    "joomla3_default": "//div[@itemprop='articleBody']",
    "joomla4": "//div[contains(@class, 'com-content-article__body')]",
    "joomla15_table": "(//table[@class='contentpaneopen'])[2]/tr/td[@valign='top' and @colspan='2' and not(@class)]",
    "wordpress": "//div[@class='entry-content']",
    "custom_php": "//td[@class='news_detail']",
    "k2": "//div[@class='itemIntroText'] | //div[@class='itemFullText']",
}
EXCLUDE = {"attachmentsContainer", "sharedaddy"}
BLOCKS = set("p div li ul ol h1 h2 h3 h4 h5 h6 tr table thead tbody blockquote figure figcaption".split())


def _paragraphs(root) -> list[str]:
    out, buf = [], []

    def flush():
        text = clean_paragraph("".join(buf))
        buf.clear()
        if text:
            out.append(text)

    def walk(el):
        if not isinstance(el.tag, str):
            return
        classes = set((el.get("class") or "").split())
        if classes & EXCLUDE or el.tag in ("script", "style"):
            return
        if el.tag == "br":
            flush()
        elif el.tag in BLOCKS:
            flush()
        if el.tag in ("td", "th") and buf:
            buf.append(" ")
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                buf.append(child.tail)
        if el.tag in BLOCKS:
            flush()

    walk(root)
    flush()
    return out


def _read(page: RenderedPage):
    doc = lxml_html.document_fromstring(page.html.decode(page.encoding))
    base = doc.xpath("//base/@href")
    base_url = urljoin(page.url, base[0]) if base else page.url
    bodies = doc.xpath(BODY_XPATH[page.expected["_shape"]])
    assert bodies, page.url
    paras, images, links = [], [], []
    for b in bodies:
        paras += _paragraphs(b)
        for el in b.iter():
            if not isinstance(el.tag, str):
                continue
            anc = {c for a in el.iterancestors() for c in (a.get("class") or "").split()}
            if anc & EXCLUDE:
                continue
            if el.tag == "img":
                u = urljoin(base_url, el.get("src"))
                if u not in images:
                    images.append(u)
            if el.tag == "a" and el.get("href", "").lower().endswith(DOC_EXTENSIONS):
                links.append((urljoin(base_url, el.get("href")), " ".join(el.text_content().split())))
    for a in doc.xpath("//table[@class='attachmentsList']//a[@href]"):
        links.append((urljoin(base_url, a.get("href")), " ".join(a.text_content().split())))
    # K2's attachments block: download links without a file extension (docs/record.md)
    for a in doc.xpath("//*[contains(@class,'itemAttachmentsBlock')]//a[contains(@href,'/download/')]"):
        links.append((urljoin(base_url, a.get("href")), " ".join(a.text_content().split())))
    atts, seen = [], set()
    for u, t in links:
        if u not in seen:
            seen.add(u)
            atts.append({"url": u, "text": t or u.rsplit("/", 1)[-1]})
    return doc, "\n\n".join(paras), images, atts


def test_expected_body_images_attachments_match_the_page(pages, holdout):
    for p in _all(pages, holdout):
        _, body, images, atts = _read(p)
        e = p.expected
        assert body == e["body"], (e["_url"], e.get("_variant"))
        assert images == e["images"], e["_url"]
        assert atts == e["attachments"], e["_url"]


def test_visible_fields_are_on_the_page(pages, holdout):
    for p in _all(pages, holdout):
        e = p.expected
        doc, *_ = _read(p)
        text = " ".join(htmllib.unescape(doc.text_content()).split())
        assert e["title"] in text
        assert e["published_raw"] in text
        if e["author"]:
            assert e["author"] in text
        if e["category"]:
            assert e["category"] in text
        if e["hits"] is not None:
            digits = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
            assert f"{e['hits']:,}" in text.translate(digits) or str(e["hits"]) in text.translate(digits)
