"""Info lines whose icons say nothing (their class names replaced, as ``rename_classes_and_ids``
does), each beside the case that must not change:

- a bare count beside the date is the views once the article's own names (its category's and
  author's links) are taken out of the line, on either side of the date;
- a file's download count ("ดาวน์โหลด 27 ครั้ง") is never the views;
- an unlabelled name beside the date is the author without the count or items after it; a
  unit's own number ("พื้นที่ 4") stays in its name;
- a byline's link joined to the category's by "ใน" / "in" is the author alone, and so is a name
  in plain text before the category's link;
- a name on the line right before the date's (each item on a line of its own), or linked to a
  Drupal user's page, is the author;
- the post navigation printed as a list ("ก่อนหน้า: <a>…</a>") is not text;
- an author box whose heading links the author's page (Publii's ``/authors/``) among related
  posts is no listing's teaser;
- a count after a labelled name is the views (three digits or more), and so is a small one after
  a name beside the date; a unit's own number ("พื้นที่ 4", "สรพ.2") stays in its name;
- a date badge's day on a line of its own over its month and year is one date;
- an item after the date in a line of info items is not the title; the info in the title's
  ``<small>`` names the author too; a byline glued to the category's link is the name alone;
- a count alone in a block right after the text is the views (Post Views Counter's box); an
  ordered list of links from home is a trail, its last link the category.
"""

from __future__ import annotations

import pytest

from scraper.extract import extract_one

URL = "https://kalasin.labour.go.th/news.php?id=745"
TITLE = "สสค.กาฬสินธุ์ จัดสัมมนาชี้แจงสิทธิและหน้าที่กรณีเลิกจ้างและค่าชดเชยตามกฎหมายคุ้มครองแรงงาน"
TEXT = ("<p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดกาฬสินธุ์ จัดสัมมนาชี้แจงสิทธิและหน้าที่ของนายจ้างและลูกจ้าง "
        "กรณีเลิกจ้างและการจ่ายค่าชดเชยตามพระราชบัญญัติคุ้มครองแรงงาน ให้แก่สถานประกอบกิจการในพื้นที่</p>"
        "<p>ทั้งนี้ นายจ้างที่มีข้อสงสัยสามารถสอบถามได้ที่สำนักงาน ในวันและเวลาราชการ หรือสายด่วน 1546</p>")
ICON = '<i class="t9"></i> '  # an icon whose class name says nothing
CATEGORY = '<a href="/news.php?cat=3">ข่าวกิจกรรม</a>'


def record(info: str, after_text: str = "", text: str = TEXT) -> dict:
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><div class="t1"><a href="/">หน้าแรก</a> สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดกาฬสินธุ์</div>
<div class="t0"><h1>{TITLE}</h1><div class="t3">{info}</div><div class="t2">{text}</div>{after_text}</div>
<div class="t4">โทร. 0 4381 1234 © 2562</div></body></html>"""
    return extract_one(html.encode(), URL)


@pytest.mark.parametrize(("info", "hits"), [
    # the category's link after the count
    (f"{ICON}24 ม.ค. 2566 {ICON}1,024 {ICON}{CATEGORY}", 1024),
    # the byline's and the category's links, then the count, then the date and its update
    (f'{ICON}<a href="/author/admin3">ฝ่ายบริหารงานทั่วไป</a> {ICON}{CATEGORY} {ICON}1,024 '
     f"{ICON}8 สิงหาคม 2024 {ICON}9 สิงหาคม 2024 {ICON}0", 1024),
    (f"{ICON}24 ม.ค. 2566 {ICON}{CATEGORY}", None),  # no count
    (f"{ICON}24 ม.ค. 2566 {ICON}ข่าวที่ 1,024 {ICON}{CATEGORY}", None),  # a words' number, not a count
])
def test_a_bare_count_beside_the_articles_names_is_the_views(info, hits):
    assert record(info)["hits"] == hits


@pytest.mark.parametrize(("info", "after_text", "hits"), [
    (f"{ICON}24 ม.ค. 2566", '<div><a href="/files/a.pdf">กำหนดการ</a> <span>(ดาวน์โหลด 27 ครั้ง)</span></div>', None),
    (f"{ICON}24 ม.ค. 2566", '<div><a href="/files/a.pdf">กำหนดการ</a> <span>(ดาวน์โหลด 27 ครั้ง)</span></div>'
                           '<div>อ่าน <b>318</b> ครั้ง</div>', 318),
    (f"{ICON}24 ม.ค. 2566 {ICON}27 ครั้ง", "", 27),
])
def test_a_files_downloads_are_not_the_views(info, after_text, hits):
    assert record(info, after_text)["hits"] == hits


@pytest.mark.parametrize(("info", "author"), [
    (f"{ICON}05 พ.ย. 2567 {ICON}Admin {ICON}1,043", "Admin"),
    (f"11 มี.ค. 2567 | {ICON}กลุ่มงานคุ้มครองแรงงาน | {ICON}156 ครั้ง | {ICON}{CATEGORY}", "กลุ่มงานคุ้มครองแรงงาน"),
    (f"{ICON}05 พ.ย. 2567 {ICON}ฝ่ายประชาสัมพันธ์ พื้นที่ 4", "ฝ่ายประชาสัมพันธ์ พื้นที่ 4"),  # the unit's number
])
def test_an_unlabelled_name_beside_the_date_ends_before_the_count(info, author):
    assert record(info)["author"] == author


@pytest.mark.parametrize("joiner", ["ใน", "in"])
def test_a_bylines_link_joined_to_the_categorys_is_the_author(joiner):
    info = (f'เผยแพร่ 12 กรกฎาคม 2024 โดย <a href="/author/lpg-pr/" rel="author">งานประชาสัมพันธ์ สสค.ลำปาง</a> '
            f'{joiner} <a href="/category/activities/" rel="category tag">ข่าวกิจกรรม</a>')
    got = record(info)
    assert (got["author"], got["category"]) == ("งานประชาสัมพันธ์ สสค.ลำปาง", "ข่าวกิจกรรม")


def test_a_plain_name_before_the_categorys_link_is_the_author():
    info = 'พฤหัสบดี, 10 มิถุนายน 2010 09:30 <span>เขียนโดย งานประชาสัมพันธ์</span> <span><a href="/index.php/news">ข่าวกิจกรรม</a></span>'
    assert record(info)["author"] == "งานประชาสัมพันธ์"


@pytest.mark.parametrize(("info", "author"), [
    # Oxygen's meta, one item a line, its icons gone
    ("<div>กลุ่มงานประชาสัมพันธ์</div><div>12 มี.ค. 2568</div><div>ข่าวกิจกรรม</div><div>1,482</div>", "กลุ่มงานประชาสัมพันธ์"),
    # Drupal's author field, a link to the user's page
    ('<div>20 สิงหาคม 2024</div><div><a href="/user/5">srn_pr</a></div><div><a href="/taxonomy/term/3">ข่าวประชาสัมพันธ์</a></div>',
     "srn_pr"),
    ("<div>สรุปผลการประชุม</div><div>12 มี.ค. 2568</div>", None),  # words, not a name
])
def test_a_name_beside_the_dates_line_is_the_author(info, author):
    assert record(info)["author"] == author


def test_the_post_navigation_as_a_list_is_not_text():
    nav = ('<ul><li>ก่อนหน้า: <a href="/news/2024-11-a/">ตรวจความปลอดภัยร้านจำหน่ายอุปกรณ์งานลอยกระทง</a></li>'
           '<li>ถัดไป: <a href="/news/2024-12-b/">ประชุมคณะอนุกรรมการค่าจ้าง</a></li></ul>')
    body = record("<div>24 ม.ค. 2566</div>", text=TEXT + nav)["body"]  # (inside the text's block)
    assert "ก่อนหน้า" not in body and body.endswith("หรือสายด่วน 1546")


def test_an_author_box_among_related_posts_is_no_listing():
    """Publii: the post's author box (a heading linked to /authors/…) inside the post, related
    posts after it each an <article> with its <time> and title link."""
    related = "".join(f'<article><time datetime="2023-0{i}-01T09:40">{i} พฤษภาคม 2023</time>'
                      f'<h3><a href="/post-{i}/">ข่าวที่เกี่ยวข้องเรื่องที่ {i} ของสำนักงาน</a></h3></article>' for i in (1, 2))
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><main><article><header><time datetime="2023-05-20T10:15">20 พฤษภาคม 2023</time><h1>{TITLE}</h1></header>
<div>{TEXT}</div><div><h3><a href="/authors/thidarat/">ธิดารัตน์ หมัดอาหลี</a></h3><p>เจ้าหน้าที่ประชาสัมพันธ์</p></div>
</article><div><h2>You should also read:</h2>{related}</div></main></body></html>"""
    assert extract_one(html.encode(), URL)["title"] == TITLE


def test_a_count_between_the_name_and_the_section_splits_the_line():
    """Foundation's info line, its icons renamed: date, unit, views, section, one line."""
    got = record(f"{ICON}5 ก.ย. 2557 {ICON}ฝ่ายบริหารงานทั่วไป {ICON}1,204 {ICON}ข่าวประชาสัมพันธ์",
                 after_text="<div><h4>ข่าวอื่นๆ ในหมวดเดียวกัน</h4></div>")
    assert (got["author"], got["hits"], got["category"]) == ("ฝ่ายบริหารงานทั่วไป", 1204, "ข่าวประชาสัมพันธ์")


def test_a_modified_date_between_the_date_and_the_count_is_passed_over():
    info = "<div>11 กุมภาพันธ์ 2025</div><div>12 กุมภาพันธ์ 2025</div><div>1204</div>"
    assert record(info)["hits"] == 1204


def test_a_pictures_caption_or_a_related_cards_heading_is_not_the_title():
    """Rowling: the featured picture and its caption, then "Read Next" cards (each an <a> around
    a picture and an <h3>) between the title and the text; the <title> adds the site's name."""
    cards = "".join(f'<a href="/2024/06/{i}/"><img src="/t{i}.jpg" alt=""><p>ข่าวกิจกรรม</p>'
                    f'<h3>อบรมหลักสูตรเจ้าหน้าที่ความปลอดภัยในการทำงาน รุ่นที่ {i}</h3></a>' for i in (1, 2))
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE} – สสค.ลำพูน</title></head>
<body><div class="t1"><h1><a href="/">สสค.ลำพูน</a></h1></div><div class="t0"><div><h1>{TITLE}</h1>
<div>โดย <a href="/author/pr/">ฝ่ายประชาสัมพันธ์</a> 5 กรกฎาคม 2024</div></div>
<div><img src="/p.jpg" alt=""><p>พิธีเปิดงานสัปดาห์ความปลอดภัยในการทำงานระดับจังหวัดลำพูน 4 ก.ค. 2567</p></div>
<div><p>Read Next →</p><div>{cards}</div></div><div>{TEXT}</div></div></body></html>"""
    assert extract_one(html.encode(), URL)["title"] == TITLE


def test_a_nav_labelled_breadcrumb_by_its_hidden_heading_gives_the_category():
    trail = ('<nav role="navigation" aria-labelledby="x7"><h2 id="x7">Breadcrumb</h2>'
             '<ol><li><a href="/">หน้าแรก</a></li><li><a href="/activities">ข่าวกิจกรรม</a></li></ol></nav>')
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body>{trail}<div class="t0"><h1>{TITLE}</h1><div>20 สิงหาคม 2024</div><div>{TEXT}</div></div></body></html>"""
    assert extract_one(html.encode(), URL)["category"] == "ข่าวกิจกรรม"


# --- renamed variants of older hand-written pages ------------------------------------------------

@pytest.mark.parametrize(("byline", "author", "hits"), [
    ("โดย กลุ่มงานคุ้มครองแรงงาน ๒๔๕", "กลุ่มงานคุ้มครองแรงงาน", 245),  # the views after the name, their icon gone
    ("โดย ฝ่ายประชาสัมพันธ์ พื้นที่ 4", "ฝ่ายประชาสัมพันธ์ พื้นที่ 4", None),  # a unit's own number
], ids=["count", "unit-number"])
def test_a_count_after_a_labelled_name(byline, author, hits):
    got = record(f"<div>{ICON}๒๓ มิ.ย. ๒๕๖๖</div><div>{ICON}{byline}</div>")
    assert (got["author"], got["hits"]) == (author, hits)


def test_a_date_badge_of_a_day_over_its_month_and_year():
    """Bootstrap's date badge: the day on a line of its own over the month and the two-digit year."""
    got = record(f"<div><div>๒๓</div><div>มิ.ย. ๖๖</div></div><div>{ICON}โดย กลุ่มงานคุ้มครองแรงงาน {ICON}๒๔๕</div>")
    assert (got["published"], got["author"], got["hits"]) == ("2023-06-23", "กลุ่มงานคุ้มครองแรงงาน", 245)


@pytest.mark.parametrize(("line", "author", "hits"), [
    ("21/11/2557 13:45 น. งานประชาสัมพันธ์ 87", "งานประชาสัมพันธ์", 87),  # a small count after the name
    ("21/11/2557 13:45 น. ฝ่ายประชาสัมพันธ์ พื้นที่ 4", "ฝ่ายประชาสัมพันธ์ พื้นที่ 4", None),
], ids=["count", "unit-number"])
def test_a_small_count_after_a_name_beside_the_date(line, author, hits):
    got = record(f"<div>{CATEGORY}</div><div>{line}</div>")
    assert (got["author"], got["hits"]) == (author, hits)


def test_a_bangkok_area_offices_abbreviation_and_a_count_on_lines_of_their_own():
    """Semantic UI's list of meta items, one a line: the date, the officer of "สรพ.2" (the Bangkok
    area office 2), the views."""
    got = record(f"<div>{CATEGORY}</div><div>{ICON}23 ส.ค. 2561 09:35 น.</div>"
                 f"<div>{ICON}เจ้าหน้าที่ประชาสัมพันธ์ สรพ.2</div><div>{ICON}645</div>")
    assert (got["author"], got["hits"]) == ("เจ้าหน้าที่ประชาสัมพันธ์ สรพ.2", 645)


def test_an_item_after_the_date_in_an_info_line_is_not_the_title():
    """Fomantic UI: the title's heading holds a subheading (the office's English name), and the
    info's items are blocks of one line ("<div class=item>"), their icons renamed."""
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE} | สสค.กาฬสินธุ์</title>
<meta property="og:title" content="{TITLE}"></head><body><div class="t0">
<h1>{TITLE}<div>Kalasin Provincial Labour Protection and Welfare Office</div></h1>
<div><div>{ICON}๒๑ ส.ค. ๖๗</div><div>{ICON}กลุ่มงานคุ้มครองแรงงาน</div><div>{ICON}{CATEGORY}</div>
<div>{ICON}เข้าชม ๔๑๒ ครั้ง</div></div><div>{TEXT}</div></div></body></html>"""
    got = extract_one(html.encode(), URL)
    assert (got["title"], got["author"], got["hits"]) == (TITLE, "กลุ่มงานคุ้มครองแรงงาน", 412)


def test_a_name_beside_the_date_in_the_titles_small():
    """Bootstrap 3's page header: the info in the title's <small>, the name between the date and the count."""
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><div class="t0"><h1>{TITLE}<br><small>{ICON}2567-12-06 09:41:27 {ICON}งานคุ้มครองแรงงาน {ICON}1,234 ครั้ง</small></h1>
<div>{TEXT}</div></div></body></html>"""
    got = extract_one(html.encode(), URL)
    assert (got["author"], got["hits"]) == ("งานคุ้มครองแรงงาน", 1234)


@pytest.mark.parametrize(("byline", "author"), [
    ("ทีมประชาสัมพันธ์ สสค.กาฬสินธุ์" + CATEGORY, "ทีมประชาสัมพันธ์ สสค.กาฬสินธุ์"),  # glued by the theme's CSS
    ('<a href="/author/pr/">กลุ่มงานประชาสัมพันธ์</a>', "กลุ่มงานประชาสัมพันธ์"),  # a name ending like a link is kept
], ids=["glued", "name-ends-like-a-link"])
def test_a_byline_glued_to_the_categorys_link(byline, author):
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><div class="t1"><a href="/">หน้าแรก</a> <a href="/pr">ประชาสัมพันธ์</a></div><div class="t0"><h1>{TITLE}</h1>
<div>20 สิงหาคม 2567</div><div>โดย {byline}</div><div>{TEXT}</div></div></body></html>"""
    assert extract_one(html.encode(), URL)["author"] == author


@pytest.mark.parametrize(("after", "hits"), [
    (f"<div>{ICON}412</div>", 412),  # Post Views Counter's box after the content, its icon gone
    ("<div>1</div>", None),  # a lone page number is no count of views
], ids=["count", "page-number"])
def test_a_count_alone_in_a_block_after_the_text(after, hits):
    got = record("<div>20 สิงหาคม 2567</div>", text=TEXT + after)
    assert got["hits"] == hits and not got["body"].endswith("412")


@pytest.mark.parametrize(("tag", "category"), [("ol", "ข่าวกิจกรรม"), ("ul", None)], ids=["ol", "ul"])
def test_an_ordered_list_of_links_from_home_is_a_trail(tag, category):
    """Bootstrap's breadcrumb <ol> in a Drupal title band, its class gone, every crumb a link; a
    menu of links from home is a <ul>."""
    trail = (f'<{tag}><li><a href="/">หน้าแรก</a></li><li><a href="/news">ข่าวสาร</a></li>'
             f'<li><a href="/news/activities">ข่าวกิจกรรม</a></li></{tag}>')
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><div class="t1">{trail}</div><div class="t0"><h1>{TITLE}</h1><div>ส่งโดย นิภาพร เมื่อ 19 มิ.ย. 2567</div>
<div class="t2">{TEXT}</div></div></body></html>"""
    assert extract_one(html.encode(), URL)["category"] == category
