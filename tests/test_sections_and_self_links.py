"""Forms met in the fifty-seventh to sixty-second blind sets, each beside the case that must not
change (from the fifty-ninth: an author box's name is its first line after the caption, not the
job title under it; a page whose only text is the office's address is no article; from the
sixtieth to sixty-second: the title the ``<title>`` ends with, above a byline and an audience
line; a theme's "module" block around the text; a rating widget's caption):

- a title linked to its own page is no teaser, whatever the case of the link's percent escapes
  (WordPress links a Thai slug as "%e0%b8…", the crawl asks for "%E0%B8…");
- "In <a>ข่าวกิจกรรม</a>." on a line of its own is the category (Pelican's notmyidea); an English
  sentence opening with "In" is not.

Two more rules of those sets are held by their pages alone (tests/test_handwritten.py and
tests/test_metamorphic.py): WordPress's ``rel="category tag"`` link beside a title printed in
the site's header band (Septera), and a files box whose sizes name the type ("(PDF 182 KB)").
"""

from __future__ import annotations

import pytest

from scraper.extract import extract_one

SLUG = "%E0%B8%95%E0%B8%A3%E0%B8%A7%E0%B8%88%E0%B9%81%E0%B8%A3%E0%B8%87%E0%B8%87%E0%B8%B2%E0%B8%99"
URL = f"https://phayao.labour.go.th/2024/08/27/{SLUG}/"
TITLE = "สสค.พะเยา ตรวจแรงงานต่างด้าวในสวนลำไย อำเภอเชียงคำ"
TEXT = ("<p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดพะเยา ออกตรวจสถานประกอบกิจการที่จ้างแรงงานต่างด้าวในสวนลำไย "
        "เพื่อให้นายจ้างปฏิบัติตามกฎหมายคุ้มครองแรงงานในงานเกษตรกรรม</p>"
        "<p>ทั้งนี้ นายจ้างที่มีข้อสงสัยสามารถสอบถามได้ที่สำนักงาน ในวันและเวลาราชการ หรือสายด่วน 1546</p>")


def page(main: str, *, head: str = "", before: str = "") -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE}</title>{head}</head>
<body>{before}<div class="t0">{main}</div><div class="t9">โทร. 0 5444 9123 © 2567</div></body></html>""".encode()


def related(n: int) -> str:
    return "".join(f'<div><h4><a href="https://phayao.labour.go.th/2024/08/{i}/x{i}/">ข่าวกิจกรรมที่เกี่ยวข้อง เรื่องที่ {i}</a></h4></div>'
                   for i in range(1, n + 1))


@pytest.mark.parametrize("href", [URL.lower().replace("https://phayao", "https://phayao"), URL], ids=["lower-escapes", "same"])
def test_a_title_linked_to_its_own_page_is_no_teaser(href):
    main = (f'<h1><a href="{href}">{TITLE}</a></h1><div>โดย ฝ่ายประชาสัมพันธ์ เมื่อ 27 สิงหาคม 2567</div>'
            f"<div>{TEXT}</div><div><h3>เรื่องที่เกี่ยวข้อง</h3>{related(2)}</div>")
    assert extract_one(page(main), URL)["title"] == TITLE


def test_a_title_linked_to_another_page_among_teasers_is_a_listing():
    from scraper.parsers.errors import NotAnArticle

    main = (f'<h1><a href="https://phayao.labour.go.th/2024/08/26/other/">{TITLE}</a></h1><div>27 สิงหาคม 2567</div>'
            f"<div>{TEXT}</div><div>{related(2)}</div>")
    with pytest.raises(NotAnArticle):
        extract_one(page(main), URL)


@pytest.mark.parametrize(("line", "category"), [
    ('In <a href="/category/khaawkickrrm.html">ข่าวกิจกรรม</a>.', "ข่าวกิจกรรม"),
    ("In the meeting.", None),
], ids=["section", "sentence"])
def test_in_a_section_on_a_line_of_its_own(line, category):
    info = (f'<footer><abbr title="2022-09-15T10:00:00+07:00">Published: พฤ. 15 กันยายน 2022</abbr>'
            f"<address>By สสค.พะเยา</address><p>{line}</p></footer>")
    got = extract_one(page(f"<article><header><h1>{TITLE}</h1></header><div>{info}{TEXT}</div></article>"), URL)
    assert got["category"] == category and "In ข่าวกิจกรรม" not in got["body"]


# --- from the fifty-ninth blind set ----------------------------------------------------------------

def test_an_author_box_of_a_caption_a_name_and_a_job_title():
    """Blowfish's author block (class "author", which the WordPress family reads): the caption, the
    name, then the author's job title on a line of its own; the name alone is the author."""
    box = ('<div class="flex author"><img src="/img/author.jpg" alt="ศิริพร แก้วมณี"><div><div>ผู้เขียน</div>'
           '<div>ศิริพร แก้วมณี</div><div>เจ้าพนักงานธุรการชำนาญงาน ผู้ดูแลเว็บไซต์สำนักงาน</div></div></div>')
    main = f'<article class="hentry"><h1>{TITLE}</h1><time datetime="2025-01-14T09:00:00+07:00">14 มกราคม 2025</time>' \
           f"<div>{TEXT}</div><footer>{box}</footer></article>"
    assert extract_one(page(main), URL)["author"] == "ศิริพร แก้วมณี"


def test_a_page_whose_only_text_is_the_offices_address_is_no_article():
    """An RSForm! Pro questionnaire: the form is not text, and what is left is the footer's address."""
    from scraper.parsers.errors import NotAnArticle

    form = ('<form action="/index.php" method="post"><h3>แบบประเมินความพึงพอใจ</h3><label>เพศ</label>'
            '<input type="radio" name="g" value="1"> ชาย <input type="radio" name="g" value="2"> หญิง'
            '<input type="submit" value="ส่งแบบประเมิน"></form>')
    main = (f"<div>{form}</div><div><p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดแพร่ ศาลากลางจังหวัดแพร่ ถนนไชยบูรณ์ "
            "อำเภอเมืองแพร่ จังหวัดแพร่ 54000 โทร. 0 5451 1097</p></div>")
    with pytest.raises(NotAnArticle, match="address"):
        extract_one(page(main), "https://phrae.labour.go.th/index.php/survey")


# --- from the sixtieth to sixty-second blind sets ----------------------------------------------------

def test_the_title_the_head_ends_with_above_a_byline_and_an_audience_line():
    """Moodle's blog entry: the subject (a <div>), the byline, then "ทุกคนบนเว็บไซต์นี้" (who may
    read it) over the text; the <title> is "site: blog: subject"."""
    subject = "ชี้แจงอัตราค่าจ้างขั้นต่ำจังหวัดพะเยา 350 บาท มีผล 1 มกราคม 2567"
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>e-Learning สสค.พะเยา: บล็อก: {subject}</title></head>
<body><div class="t0"><h2>บล็อกของเว็บไซต์</h2><div><div><div>{subject}</div>
<div>โดย <a href="/user/view.php?id=3">กิตติพัฒน์ ทองคำ</a> - วันพฤหัสบดี, 14 ธันวาคม 2023, 10:05AM</div></div>
<div><div>ทุกคนบนเว็บไซต์นี้</div><div>{TEXT}</div></div></div></div></body></html>"""
    got = extract_one(html.encode(), "https://phayao.labour.go.th/elearning/blog/index.php?entryid=12")
    assert (got["title"], got["author"]) == (subject, "กิตติพัฒน์ ทองคำ")


def test_a_short_line_over_the_text_is_the_title_when_the_head_has_no_three_parts():
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>สสค.พะเยา</title></head>
<body><div class="t0"><h2>บล็อกของเว็บไซต์</h2><div>{TITLE}</div><div>27 สิงหาคม 2567</div><div>{TEXT}</div></div></body></html>"""
    assert extract_one(html.encode(), URL)["title"] == TITLE


def test_a_file_in_the_text_of_an_article_whose_block_a_theme_calls_module():
    """Extra's ``<article class="module single-post-module">``: "module" names a Joomla module's
    box (links that are not the article's files), never the block around the text."""
    main = (f'<article class="module single-post-module hentry"><h1>{TITLE}</h1><div>27 สิงหาคม 2567</div>'
            f'<div class="entry-content">{TEXT}<p>รายชื่อผู้เข้าร่วม (<a href="/wp-content/uploads/list.xlsx">ดาวน์โหลดรายชื่อ</a>)</p>'
            "</div></article>")
    got = extract_one(page(main), URL)
    assert got["attachments"] == [{"url": "https://phayao.labour.go.th/wp-content/uploads/list.xlsx", "text": "ดาวน์โหลดรายชื่อ"}]


@pytest.mark.parametrize("caption", ["ให้คะแนน:", "Rate this:"])
def test_a_rating_widgets_caption_ends_no_text(caption):
    got = extract_one(page(f"<h1>{TITLE}</h1><div>27 สิงหาคม 2567</div><div>{TEXT}<p>{caption}</p></div>"), URL)
    assert caption not in got["body"]


def test_a_files_card_after_the_article_its_caption_after_an_icon():
    card = ('<div class="t7"><div><i class="t8"></i> เอกสารแนบ</div><ul><li><a href="/uploads/minutes-3-2566.pdf">'
            "รายงานการประชุม ครั้งที่ 3/2566</a> <span>PDF 412 KB</span></li></ul></div>")
    main = f"<article><h1>{TITLE}</h1><div>27 สิงหาคม 2567</div><div>{TEXT}</div></article>{card}"
    got = extract_one(page(main), URL)
    assert got["attachments"] == [{"url": "https://phayao.labour.go.th/uploads/minutes-3-2566.pdf", "text": "รายงานการประชุม ครั้งที่ 3/2566"}]


def test_a_fold_of_the_articles_info_under_the_text_its_terms_over_their_values():
    """Construc2: "<details><summary>รายละเอียด</summary><dl>" under the text, each <dt> over its <dd>,
    the class names gone: the created, modified and published dates apart, the caption no text."""
    info = ("<details><summary>รายละเอียด</summary><dl><dt>เขียนโดย </dt><dd>งานประชาสัมพันธ์</dd>"
            "<dt>สร้างเมื่อ </dt><dd>2013-05-13</dd><dt>ปรับปรุงล่าสุด </dt><dd>2013-05-16</dd>"
            "<dt>เผยแพร่: </dt><dd>2013-05-14</dd><dt>ฮิต: </dt><dd>627</dd></dl></details>")
    got = extract_one(page(f"<h2>{TITLE}</h2><div>{TEXT}{info}</div>"), URL)
    assert (got["published"], got["author"], got["hits"]) == ("2013-05-14", "งานประชาสัมพันธ์", 627)
    assert got["body"].endswith("สายด่วน 1546")


def test_joomla_3s_published_date_beside_its_created_date():
    """Joomla 3's article info shows dd.create and dd.published; a backdated article's are two dates."""
    info = ('<dl class="article-info"><dt>สร้างเมื่อ </dt><dd class="create">2013-05-13</dd>'
            '<dt>เผยแพร่: </dt><dd class="published">2013-05-14</dd></dl>')
    main = f'<div class="item-page"><div class="page-header"><h2>{TITLE}</h2></div>{info}<div itemprop="articleBody">{TEXT}</div></div>'
    assert extract_one(page(main), URL)["published"] == "2013-05-14"


def test_an_og_prefixed_published_time_is_the_heads_date():
    head = '<meta property="og:article:published_time" content="2025-02-14T10:30:00+07:00">'
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE}</title>{head}</head>
<body><div class="t0"><h1>{TITLE}</h1><div>Posted on 14 February 2025</div><div>{TEXT}</div></div></body></html>"""
    assert extract_one(html.encode(), URL)["published"] == "2025-02-14T10:30:00+07:00"


def test_a_block_of_labelled_rows_beside_the_article_is_its_info():
    """Drupal's Views block "ข้อมูลข่าว" in the sidebar: divs of label and value, one value under its label."""
    block = ('<div class="t7"><h2>ข้อมูลข่าว</h2><div><div><span>วันที่เผยแพร่: </span><span>20 มกราคม 2025 09:12 น.</span></div>'
             '<div><span>ผู้เผยแพร่: </span><a href="/user/7">งานประชาสัมพันธ์ สสค.พะเยา</a></div>'
             '<div><span>หมวดข่าว: </span><div><a href="/taxonomy/term/4">ข่าวกิจกรรม</a></div></div>'
             '<div><span>จำนวนผู้อ่าน: </span><span>1,083</span></div></div></div>')
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><div class="t1"><main class="t2"><section><h1>{TITLE}</h1><article>{TEXT}</article></section></main>
<div class="t3"><aside>{block}</aside></div></div></body></html>"""
    got = extract_one(html.encode(), URL)
    assert (got["author"], got["hits"], got["category"]) == ("งานประชาสัมพันธ์ สสค.พะเยา", 1083, "ข่าวกิจกรรม")


# --- from the sixty-sixth and sixty-seventh blind sets -----------------------------------------------

def test_drupal_7s_rdfa_created_date_beside_a_us_ordered_date():
    """Drupal 7's submitted line: "03/08/2016" in the theme's m/d/Y, its RDFa content the ISO date."""
    line = ('<span property="dc:date dc:created" content="2016-03-08T10:15:00+07:00" datatype="xsd:dateTime">'
            'ส่งโดย <span>nsw_admin</span> เมื่อ อ., 03/08/2016 - 10:15</span>')
    got = extract_one(page(f"<h1>{TITLE}</h1><div>{line}</div><div>{TEXT}</div>"), URL)
    assert (got["published"], got["author"]) == ("2016-03-08T10:15:00+07:00", "nsw_admin")


def test_a_footer_of_byline_section_and_comments_link_after_the_text():
    """FlatPress: "เขียนโดย trang_pr | ใน <a>ข่าวกิจกรรม</a>" then "ยังไม่มีความคิดเห็น" under the text."""
    footer = ('<ul><li>เขียนโดย trang_pr | ใน <a href="/blog/?cat=2" rel="tag">ข่าวกิจกรรม</a></li>'
              '<li><a href="/blog/?x=entry:1;comments:1#comments">ยังไม่มีความคิดเห็น</a></li></ul>')
    got = extract_one(page(f"<div><h3>วันพฤหัสบดี, 07 มีนาคม 2024</h3><h2>{TITLE}</h2>{TEXT}{footer}</div>"), URL)
    assert (got["author"], got["category"]) == ("trang_pr", "ข่าวกิจกรรม")
    assert got["body"].endswith("สายด่วน 1546")
