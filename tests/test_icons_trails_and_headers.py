"""Forms met in the fifty-first to fifty-third blind sets, each beside the case that must not
change:

- Google's Material icons are ligatures: an ``<i>``'s text "visibility" is an icon's name, read
  as its label, never words of the page (with or without its class name); a chevron between
  crumbs is the trail's separator;
- a site's name before its menu's links is no trail's last crumb;
- a breadcrumb trail printed as a list (a link home first, the article's own item unlinked) is
  not the text;
- PHP-Nuke's "หัวข้อ:" before a section's name is the category; before other words, a subject;
- a picture above the title in the text's block is the site's (a print page's logo);
- the post's headline in the site's header band is the title when the page's head names it so;
- Joomla 1.5's cell of section and category links is not the text beside a poster.

And from the fifty-fourth to fifty-sixth:

- "Updated:" labels a modification date (AstroPaper shows only that one);
- Flat UI's ``fui-`` icons name their label; an officer ("เจ้าหน้าที่…") reads as a name;
- a files caption and its file's link on one line above the text are the attachments' row;
- a split article's pagination list ("« เริ่มต้น ก่อนหน้า 1 2 ถัดไป สุดท้าย »") is not text;
- Download Attachments' block is not text, and a file type's icon (alt="pdf") no picture.
"""

from __future__ import annotations

import pytest

from scraper.extract import extract_one
from scraper.parsers.labels import split_labelled

URL = "https://narathiwat.labour.go.th/news_detail.php?id=318"
TITLE = "สรจ.นราธิวาส ส่งเสริมการจัดมุมนมแม่ในสถานประกอบกิจการ"
TEXT = ("<p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดนราธิวาส ลงพื้นที่ส่งเสริมการจัดมุมนมแม่ในสถานประกอบกิจการ "
        "เพื่อให้ลูกจ้างหญิงที่กลับมาทำงานหลังคลอดสามารถเลี้ยงลูกด้วยนมแม่ได้อย่างต่อเนื่อง</p>"
        "<p>ทั้งนี้ สถานประกอบกิจการที่สนใจสามารถติดต่อขอคำแนะนำได้ที่สำนักงาน ในวันและเวลาราชการ</p>")


def html(main: str, *, head: str = f"<title>{TITLE}</title>", before: str = "") -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">{head}</head>
<body>{before}<div class="t0">{main}</div><div class="t9">โทร. 0 7351 1234 © 2560</div></body></html>""".encode()


@pytest.mark.parametrize("icon_class", ["material-icons", "t5"])  # (its class name known, or replaced)
def test_material_icons_are_labels_not_words(icon_class):
    def icon(name: str) -> str:
        return f'<i class="{icon_class}">{name}</i>'
    main = (f'<div><a href="index.php">หน้าแรก</a> {icon("chevron_right")} <a href="news.php?cat=2">ข่าวกิจกรรม</a></div>'
            f'<h2>{TITLE}</h2><div><span>{icon("event")} 7 ก.ค. 2560</span> <span>{icon("person")} งานประชาสัมพันธ์</span> '
            f'<span>{icon("visibility")} 1,024</span></div><div class="t2">{TEXT}</div>'
            f'<div><a href="news.php?cat=2">{icon("arrow_back")} ย้อนกลับ</a></div>')
    got = extract_one(html(main), URL)
    assert (got["author"], got["hits"], got["category"]) == ("งานประชาสัมพันธ์", 1024, "ข่าวกิจกรรม")
    assert "visibility" not in got["body"] and "arrow_back" not in got["body"]


def test_an_italic_word_is_still_a_word():
    got = extract_one(html(f"<h2>{TITLE}</h2><div>7 ก.ค. 2560</div><div class='t2'>{TEXT}"
                           "<p>ลงทะเบียนผ่านระบบ <i>online</i> ได้ที่เว็บไซต์ของสำนักงาน</p></div>"), URL)
    assert got["body"].endswith("ลงทะเบียนผ่านระบบ online ได้ที่เว็บไซต์ของสำนักงาน")


def test_a_sites_name_before_its_menu_is_no_trails_end():
    """A drawer: the site's short name, then its menu's links from home (MDL's mdl-layout__drawer)."""
    drawer = ('<div><span>สรจ.นราธิวาส</span><nav><a href="index.php">หน้าแรก</a><a href="about.php">เกี่ยวกับเรา</a>'
              '<a href="news.php?cat=2">ข่าวกิจกรรม</a><a href="contact.php">ติดต่อเรา</a></nav></div>')
    got = extract_one(html(f"<h2>{TITLE}</h2><div>7 ก.ค. 2560</div><div class='t2'>{TEXT}</div>", before=drawer), URL)
    assert got["category"] is None


def test_a_trail_as_a_list_is_not_the_text():
    """UIkit's "uk-breadcrumb" list before the article, the article's own crumb unlinked."""
    title = "ประชาสัมพันธ์การฝึกอบรมหลักสูตรเจ้าหน้าที่ความปลอดภัยในการทำงานระดับหัวหน้างาน ประจำปีงบประมาณ ๒๕๕๘"
    trail = ('<ul><li><a href="index.php">หน้าแรก</a></li><li><a href="news.php?type=2">ข่าวประชาสัมพันธ์</a></li>'
             f"<li><span>{title}</span></li></ul>")
    got = extract_one(html(f"{trail}<article><h1>{title}</h1><p>เขียนโดย เจ้าหน้าที่ประชาสัมพันธ์ เมื่อ ๑๒ ก.พ. ๕๘ | อ่าน ๔๕๖ ครั้ง</p>"
                           f"{TEXT}</article>", head=f"<title>{title} :: สสค.กระบี่</title>"), URL)
    assert (got["title"], got["hits"], got["category"]) == (title, 456, "ข่าวประชาสัมพันธ์")
    assert got["body"].startswith("สำนักงานสวัสดิการ")


@pytest.mark.parametrize(("line", "kinds"), [
    ("หัวข้อ: ข่าวกิจกรรม", [("category", "ข่าวกิจกรรม")]),  # PHP-Nuke's topic
    ("หัวข้อ : ประชุมคณะกรรมการค่าจ้างจังหวัด", []),  # a subject: a title, not a label
])
def test_a_topic_label_before_a_sections_name_is_the_category(line, kinds):
    assert [(s.kind, s.value) for s in split_labelled(line)[1]] == kinds


def test_a_logo_above_the_title_in_the_texts_block_is_not_its_picture():
    """PHP-Nuke's print page: one cell holds the logo, the title, the info and the text."""
    cell = (f'<table><tr><td><center><img src="images/logo.gif" alt=""><br><br><b>{TITLE}</b><br>'
            "<b>วันที่:</b> วันอังคาร ที่ 17 พฤษภาคม 2005 @ 14:22:08 ICT<br><b>หัวข้อ:</b> ข่าวกิจกรรม</center>"
            f'{TEXT}<p><img src="images/news/87.jpg" alt=""></p></td></tr></table>')
    got = extract_one(html(cell), URL)
    assert got["images"] == ["https://narathiwat.labour.go.th/images/news/87.jpg"]
    assert (got["title"], got["category"]) == (TITLE, "ข่าวกิจกรรม")


@pytest.mark.parametrize(("head_title", "title"), [
    (f"{TITLE} – สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดนราธิวาส", TITLE),
    # the site's name as the header's headline (the <title> names it after the page's): not the title
    ("ข่าวกิจกรรมประจำเดือน – สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดนราธิวาส", None),
])
def test_the_posts_headline_in_the_sites_header_is_its_title_when_the_head_names_it(head_title, title):
    headline = TITLE if title else "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดนราธิวาส"
    header = (f'<header itemscope itemtype="http://schema.org/WPHeader"><h1 itemprop="headline">{headline}</h1>'
              '<div><time datetime="2024-11-26T13:05:12+07:00">26 พฤศจิกายน 2024</time></div>'
              "<div>อบรมผู้ประกอบการ 62 แห่ง ให้เข้าใจข้อกำหนดมาตรฐานแรงงานไทยและเชิญชวนยื่นขอรับการรับรอง</div></header>")
    got = extract_one(html(f"<article><div class='t2'>{TEXT}</div></article>", head=f"<title>{head_title}</title>",
                           before=header), URL)
    assert (got["title"] == TITLE) == (title == TITLE)


@pytest.mark.parametrize(("name", "author"), [
    ("วีระพงษ์ ศรีสุข", "วีระพงษ์ ศรีสุข"),  # a given name of pythainlp's corpora, then a family name
    ("ศิริพร (ประชาสัมพันธ์)", "ศิริพร (ประชาสัมพันธ์)"),
    ("บรรยากาศการประชุม", None),  # words, not a name
])
def test_a_persons_name_beside_the_date_is_the_author(name, author):
    info = f'<div><span class="t3"></span> 20 กุมภาพันธ์ 2568 14:05 น. <span class="t4"></span> {name} <span class="t5"></span> 156</div>'
    got = extract_one(html(f"<h2>{TITLE}</h2>{info}<div class='t2'>{TEXT}</div>"), URL)
    assert got["author"] == author


def test_a_persons_name_past_a_comment_count_is_the_author():
    """WPtouch's Bauhaus: "11 มีนาคม 2024 • 2 ความเห็น นิตยา ชัยศรี", its icons renamed."""
    info = '<div>11 มีนาคม 2024 • <a href="#comments">2 ความเห็น</a> <span class="t4"></span> นิตยา ชัยศรี</div>'
    assert extract_one(html(f"<h2>{TITLE}</h2>{info}<div class='t2'>{TEXT}</div>"), URL)["author"] == "นิตยา ชัยศรี"


def test_updated_labels_a_modification_date():
    info = ('<div><span>Updated:</span><span><time datetime="2024-08-09T02:30:00.000Z">9 ส.ค. 2567</time></span></div>')
    head = (f"<title>{TITLE}</title>"
            '<meta property="article:published_time" content="2024-08-07T03:00:00.000Z">')
    got = extract_one(html(f"<h1>{TITLE}</h1>{info}<div class='t2'>{TEXT}</div>", head=head), URL)
    assert got["published"] == "2024-08-07T10:00:00+07:00"


def test_flat_ui_icons_and_an_officers_name():
    info = ('<div><span class="fui-time"></span> 18 ก.ย. 57 10:30 น. <span class="fui-user"></span> เจ้าหน้าที่ประชาสัมพันธ์ '
            '<span class="fui-eye"></span> 412</div>')
    got = extract_one(html(f"<h1>{TITLE}</h1>{info}<div class='t2'>{TEXT}</div>"), URL)
    assert (got["author"], got["hits"]) == ("เจ้าหน้าที่ประชาสัมพันธ์", 412)


def test_a_files_row_above_the_text_is_not_text():
    """A label/value table above the text, its last row "เอกสารแนบ | <a>file</a>", in the text's block."""
    table = ("<table><tr><td>วันที่ประกาศ</td><td>๒๑ ก.ค. ๒๕๕๔</td></tr><tr><td>ประกาศโดย</td><td>งานประชาสัมพันธ์</td></tr>"
             '<tr><td>เอกสารแนบ</td><td><a href="/upload/file/1187_schedule.pdf">กำหนดการอบรมรายอำเภอ</a></td></tr></table>')
    got = extract_one(html(f"<h1>{TITLE}</h1><div>{table}<div>{TEXT}</div></div>"), URL)
    assert got["body"].startswith("สำนักงานสวัสดิการ")
    assert got["attachments"] == [{"url": "https://narathiwat.labour.go.th/upload/file/1187_schedule.pdf",
                                   "text": "กำหนดการอบรมรายอำเภอ"}]


def test_a_split_articles_pagination_is_not_text():
    pages = "".join(f"<li>{t}</li>" for t in ("&laquo;", "เริ่มต้น", "ก่อนหน้า", "1", "2", "ถัดไป", "สุดท้าย", "&raquo;"))
    got = extract_one(html(f"<h1>{TITLE}</h1><div>5 มิ.ย. 2556</div><div class='t2'>{TEXT}<ul>{pages}</ul></div>"), URL)
    assert got["body"].endswith("ในวันและเวลาราชการ")


def test_a_file_types_icon_is_no_picture():
    files = ('<div class="download-attachments"><h3>Attachments</h3><table><tr><td><img src="/plugins/ext/pdf.gif" alt="pdf"> '
             '<a href="/download-attachment/12/">แบบ คร.11</a></td><td>245 KB</td><td>31</td></tr></table></div>')
    got = extract_one(html(f"<h1>{TITLE}</h1><div>5 มิ.ย. 2556</div><div class='t2'>{TEXT}{files}</div>"), URL)
    assert got["images"] == [] and got["body"].endswith("ในวันและเวลาราชการ")


def test_an_account_name_with_digits_on_the_line_before_the_date():
    info = "<div>admin01</div><div>Aug 5, 2024</div><div>845 Views</div>"
    assert extract_one(html(f"<h1>{TITLE}</h1>{info}<div class='t2'>{TEXT}</div>"), URL)["author"] == "admin01"


def test_leave_a_comment_after_the_byline_is_not_the_name():
    """Genesis: "14 มิถุนายน 2011 By pr-ratchaburi Leave a Comment", "Comment" read as a label."""
    info = '<div>14 มิถุนายน 2011 By pr-ratchaburi <a href="#respond">Leave a Comment</a></div>'
    assert extract_one(html(f"<h1>{TITLE}</h1>{info}<div class='t2'>{TEXT}</div>"), URL)["author"] == "pr-ratchaburi"
