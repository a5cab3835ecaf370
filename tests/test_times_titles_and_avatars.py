"""Blind sets 92-95: a time of day under its date, dates glued to a name, names given only by a
picture, a list's shortened title over the article's own, and a one-sentence notice under its
menu's page heading. Each page is hand-written after the theme it names; class names are left
out where the rule must hold without them."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from scraper.extract import extract_one
from scraper.parsers.errors import NotAnArticle
from scraper.parsers.fields import author_name, dates_from_lines, is_action_button
from scraper.parsers.labels import split_labelled
from scraper.parsers.thaidate import find_date, parse_iso

URL = "https://phichit.labour.go.th/news_detail.php?id=418"
TITLE = "ประกาศวันหยุดตามประเพณีที่เปลี่ยนแปลง เนื่องในโอกาสวันหยุดชดเชยเดือนกันยายน 2563"
SITE = "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดพิจิตร"
STORY = ["สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดพิจิตร ขอแจ้งให้นายจ้างและลูกจ้างในจังหวัดพิจิตรทราบว่า "
         "คณะรัฐมนตรีได้มีมติให้เลื่อนวันหยุดชดเชยสงกรานต์มาเป็นวันที่ 4 และ 7 กันยายน 2563",
         "กรณีนายจ้างให้ลูกจ้างทำงานในวันหยุดตามประเพณี นายจ้างต้องจ่ายค่าทำงานในวันหยุดตามที่กฎหมายกำหนด "
         "สอบถามรายละเอียดเพิ่มเติมได้ที่กลุ่มงานคุ้มครองแรงงาน"]


def shell(body: str, head: str = "", title: str = SITE) -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><div><h3>{SITE}</h3><ul><li><a href="/">หน้าแรก</a></li><li><a href="/news.php?type=1">ข่าวประชาสัมพันธ์</a></li></ul></div>
{body}
<footer>{SITE} ถนนบุษบา อำเภอเมือง 66000</footer></body></html>""".encode()


# --- dates -------------------------------------------------------------------------------------

def test_a_time_of_day_on_the_line_under_its_date_is_the_dates():
    """A hand-made PHP page prints the date and the time in sibling spans, each after its own
    icon: "๒๘ ก.พ. ๖๗" then "๑๓.๔๕ น."; the time is the date's, one candidate."""
    (found,) = dates_from_lines(["๒๘ ก.พ. ๖๗", "๑๓.๔๕ น."])
    assert found["raw"] == "๒๘ ก.พ. ๖๗ ๑๓.๔๕ น."
    assert find_date(found["raw"]).isoformat() == "2024-02-28T13:45:00+07:00"
    (labelled,) = dates_from_lines(["วันที่: 28 ก.พ. 2567", "เวลา 13:45 น."])
    assert labelled["raw"] == "28 ก.พ. 2567 เวลา 13:45 น."


def test_a_number_under_a_date_is_not_its_time():
    """Only a time of day alone joins the date: a count or a second date on the next line does not."""
    assert [c["raw"] for c in dates_from_lines(["28 ก.พ. 2567", "1,245"])] == ["28 ก.พ. 2567"]
    assert [c["raw"] for c in dates_from_lines(["28 ก.พ. 2567 10:20 น.", "13.45 น."])] == ["28 ก.พ. 2567 10:20 น."]


def test_a_numeric_date_glued_to_the_name_before_it():
    """Jannah prints the author's and the date's items with no space between them (its CSS spaces
    them): "pr_area315/06/2023" is "pr_area3" then 15/06/2023; a code of digits and dashes that
    is no possible date is not read as one."""
    assert find_date("pr_area315/06/2023").isoformat() == "2023-06-15"
    assert author_name("pr_area315/06/2023") == "pr_area3"
    assert find_date("abc123-45-6789 และ 5 มี.ค. 2567").isoformat() == "2024-03-05"
    assert find_date("เลขที่ 315/2566").matched is None


def test_when_before_a_weekday_labels_the_date_after_a_name():
    """Umbraco's Clean Starter Kit: "โพสต์โดย … เมื่อ วันจันทร์ที่ 15 มกราคม 2567 เวลา 10:30 น.". A
    paragraph that opens with "เมื่อวันศุกร์ที่…" ("on Friday…") is a sentence of the text, not a label."""
    _, segments = split_labelled("โพสต์โดย จิราพร วงศ์ใหญ่ เมื่อ วันจันทร์ที่ 15 มกราคม 2567 เวลา 10:30 น.")
    assert [s.kind for s in segments] == ["author", "published"]
    assert segments[0].value.strip() == "จิราพร วงศ์ใหญ่"
    head, segments = split_labelled("เมื่อวันศุกร์ที่ 2 กุมภาพันธ์ 2567 สำนักงานฯ จัดประชุม")
    assert not any(s.kind == "published" for s in segments)


# --- author --------------------------------------------------------------------------------------

def test_when_with_its_colon_or_before_an_unrendered_date_ends_a_name():
    """Tiki's byline "โดย: ธีรวัฒน์ เมื่อ: พฤ. 13 ก.ค., 2017 14:20"; Pagekit's Vue filter left
    unrendered before its script runs ("เมื่อ {{ … | date "longDate" }}")."""
    assert author_name("โดย: ธีรวัฒน์ เมื่อ: พฤ. 13 ก.ค., 2017 14:20") == "ธีรวัฒน์"
    assert author_name('เขียนโดย ณัฐวุฒิ ทองดี เมื่อ {{ "2017-03-14T10:25:00+07:00" | date "longDate" }}') == "ณัฐวุฒิ ทองดี"


def test_a_person_of_pictures_alone_is_named_by_its_avatars_alt():
    """Joomla 4's T4 author block after the text: the microdata Person holds only the avatar,
    whose alt is the name (here the only place the page gives it)."""
    page = shell(f"""<div itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">{TITLE}</h1>
<div><time datetime="2023-04-20T10:32:05+07:00" itemprop="datePublished">20 เมษายน 2566</time></div>
<div itemprop="articleBody"><p>{STORY[0]}</p><p>{STORY[1]}</p></div>
<div><div itemprop="author" itemscope itemtype="https://schema.org/Person"><span><img src="/images/avatars/w.jpg"
alt="นายวีระพงษ์ ชัยมงคล"></span></div><div><div>นักวิชาการแรงงานชำนาญการพิเศษ</div></div></div></div>""")
    assert extract_one(page, URL)["author"] == "นายวีระพงษ์ ชัยมงคล"


def test_a_more_posts_link_to_the_authors_page_is_not_a_name():
    """Ghost's Alto: the author's box under the post ends with "More posts", a link to the
    author's page; the name is the box's heading."""
    page = shell(f"""<article><h1>{TITLE}</h1><div><time datetime="2023-11-06">06 พ.ย. 2023</time></div>
<section><p>{STORY[0]}</p><p>{STORY[1]}</p></section>
<section><img src="/content/images/chanida.jpg" alt="ชนิดา พรหมมา"><div><h4>ชนิดา พรหมมา</h4>
<div><a href="/author/chanida/">More posts</a></div></div></section></article>""")
    assert extract_one(page, URL)["author"] == "ชนิดา พรหมมา"


# --- title ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("listed", ["ประกาศวันหยุดตามประเพณีที่เปลี่ยนแปลง", "ประชุมคณะอนุกรรมการค่าจ้างจังหวัดพิจิตร"])
def test_a_news_tables_bold_title_row_over_its_text_row(listed):
    """A hand-made PHP news page: its <title> is the office's name; the table's first row holds
    the title in bold, the second the text, then rows of labels and values (seven rows in all:
    the table is still the article's block). The sidebar's latest-news box may link this very
    page by a shorter title: the fuller line is the article's."""
    rows = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in (
        ("ประเภทข่าว", "ข่าวประชาสัมพันธ์"), ("ผู้ประกาศ", "นางสาวกาญจนา พรหมมา"), ("วันที่ประกาศ", "12 ก.ย. 63"),
        ("จำนวนผู้อ่าน", "325 ครั้ง"), ("ไฟล์แนบ", "-")))
    page = shell(f"""<table><tr><td><table><tr><td>ข่าวล่าสุด</td></tr><tr><td><a href="news_detail.php?id=421">ประชุมคณะทำงาน
ป้องกันและแก้ไขปัญหาแรงงานเด็ก</a> (16 ก.ย. 63)<br><a href="news_detail.php?id=418">{listed}</a> (12 ก.ย. 63)</td></tr></table></td>
<td><table><tr><td colspan="2"><b>{TITLE}</b></td></tr><tr><td colspan="2">{STORY[0]}<br><br>{STORY[1]}</td></tr>{rows}</table></td></tr></table>""")
    record = extract_one(page, URL)
    assert (record["title"], record["published"], record["author"], record["hits"]) == (
        TITLE, "2020-09-12", "นางสาวกาญจนา พรหมมา", 325)
    assert record["body"] == "\n\n".join(STORY)


def test_a_one_sentence_notice_under_its_menus_page_heading():
    """Joomla 1.5's beez: the <title> and the h1 name the menu's page ("ข่าวประชาสัมพันธ์"), the
    h2 linked to the article and ``<meta name="title">`` name the article; the text is one
    sentence, followed by its modified date."""
    title = "แจ้งเปลี่ยนหมายเลขโทรศัพท์สำนักงาน"
    sentence = "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดพิจิตร ขอแจ้งเปลี่ยนหมายเลขโทรศัพท์สำนักงานเป็น 0 5661 1106 ตั้งแต่วันที่ 1 เมษายน 2556"
    url = "https://phichit.labour.go.th/index.php?option=com_content&view=article&id=152&Itemid=50"
    page = shell(f"""<div><h1>ข่าวประชาสัมพันธ์</h1><h2><a href="{url}">{title}</a></h2>
<p><span><a href="/index.php?option=com_content&amp;view=category&amp;id=1&amp;Itemid=50">ข่าวประชาสัมพันธ์</a></span></p>
<p><span>เขียนโดย Administrator</span> <span>วันพฤหัสบดี, 14 มีนาคม 2013 09:12</span></p>
<p>{sentence}</p><p>ปรับปรุงล่าสุด ( วันพฤหัสบดี, 14 มีนาคม 2013 09:20 )</p></div>""",
                 head=f'<meta name="title" content="{title}">', title="ข่าวประชาสัมพันธ์")
    record = extract_one(page, url)
    assert (record["title"], record["published"], record["author"]) == (title, "2013-03-14T09:12:00+07:00", "Administrator")
    assert record["body"] == sentence


# --- category, text, pictures --------------------------------------------------------------------

def test_a_category_line_right_before_the_articles_block():
    """Tiki prints the category path in its own block right above the <article>."""
    page = shell(f"""<div><div>Category: <a href="tiki-browse_categories.php?parentId=4">ข่าวกิจกรรม</a></div>
<article><header><h2>{TITLE}</h2><span>โดย: ธีรวัฒน์ เมื่อ: พฤ. 13 ก.ค., 2017 14:20 (389 Reads)</span></header>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></article></div>""")
    record = extract_one(page, URL)
    assert (record["category"], record["author"], record["hits"]) == ("ข่าวกิจกรรม", "ธีรวัฒน์", 389)


def test_a_link_around_another_posts_heading_is_not_a_category():
    """Umbraco's latest-articles previews after the text: each a link around its post's h2 over
    its byline and date; none of them is the article's section."""
    page = shell(f"""<header><h1>{TITLE}</h1><span>โพสต์โดย จิราพร วงศ์ใหญ่ เมื่อ วันจันทร์ที่ 15 มกราคม 2567 เวลา 10:30 น.</span></header>
<section><div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></section>
<section><h2>ข่าวล่าสุด</h2><div><a href="/news/new-year-holiday-notice/"><h2>ประกาศวันหยุดช่วงเทศกาลปีใหม่</h2></a>
<p>โพสต์โดย ธนากร ศรีวิไล เมื่อ วันพฤหัสบดีที่ 28 ธันวาคม 2566 เวลา 09:00 น.</p></div></section>""")
    record = extract_one(page, URL)
    assert (record["published"], record["author"], record["category"]) == ("2024-01-15T10:30:00+07:00", "จิราพร วงศ์ใหญ่", None)


def test_a_picture_row_with_its_caption_between_text_rows_is_the_texts():
    """Umbraco's block list: rich-text rows and, between them, an image row with its caption."""
    caption = "บรรยากาศการประชุมชี้แจง ณ สำนักงานเขตบางซื่อ"
    page = shell(f"""<header><h1>{TITLE}</h1><span>โพสต์โดย จิราพร วงศ์ใหญ่ เมื่อ วันจันทร์ที่ 15 มกราคม 2567</span></header>
<main><section><div><p>{STORY[0]}</p></div></section>
<section><div><img src="/media/meeting.jpg?width=800" alt="ประชุม"><span>{caption}</span></div></section>
<section><div><p>{STORY[1]}</p></div></section></main>""")
    record = extract_one(page, URL)
    assert record["body"] == "\n\n".join([STORY[0], caption, STORY[1]])
    assert record["images"] == ["https://phichit.labour.go.th/media/meeting.jpg?width=800"]


def test_a_files_box_right_after_the_post_is_its_files():
    """Dotclear's "#attachments" box after the post's block: a caption over a list of links."""
    page = shell(f"""<div><div><h2>{TITLE}</h2><p>By สุดารัตน์ on Tuesday, March 12 2019, 10:20</p>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></div>
<div><h3>Attachments</h3><ul><li><a href="/blog/public/checklist.pdf" title="checklist.pdf (184.2 KB)">แบบตรวจความปลอดภัย</a></li></ul></div></div>""")
    record = extract_one(page, URL)
    assert record["attachments"] == [{"url": "https://phichit.labour.go.th/blog/public/checklist.pdf", "text": "แบบตรวจความปลอดภัย"}]
    assert record["body"] == "\n\n".join(STORY)


def test_a_buttons_picture_named_print_is_no_picture_of_the_article():
    """Zikula's News: the printer icon links to the story in its printer theme ("theme=Printer")."""
    link = lxml_html.fromstring('<p><a href="index.php?module=News&amp;func=display&amp;sid=57&amp;theme=Printer" '
                                'title="print story"><img src="printer.png" alt="print story"></a></p>')
    assert is_action_button(link.find(".//img"))
    picture = lxml_html.fromstring('<p><a href="/images/pic-norm.jpg"><img src="pic-thumb.jpg" alt="ภาพกิจกรรม"></a></p>')
    assert not is_action_button(picture.find(".//img"))


def test_a_scanned_notices_picture_over_its_files_is_its_text():
    """Joomla 3 and the Attachments extension, class names gone: the article's text is a scanned
    notice (one picture), then the files table under its caption "ไฟล์แนบ:". The block is the
    text (its picture the record's), not a box of files."""
    page = shell(f"""<div itemscope itemtype="https://schema.org/Article"><h2 itemprop="headline">{TITLE}</h2>
<dl><dd><time datetime="2020-02-05T10:31:22+07:00" itemprop="datePublished">เผยแพร่: 05 กุมภาพันธ์ 2563</time></dd>
<dd>ฮิต: 215</dd></dl><div itemprop="articleBody"><p><img src="/images/news/prakat.jpg" alt="ประกาศ" width="800" height="1131"></p>
<div><table><caption>ไฟล์แนบ:</caption><tr><td><a href="/attachments/article/118/prakat.pdf">prakat.pdf</a></td>
<td>(245 kB)</td><td>37 ดาวน์โหลด</td></tr></table></div></div></div>""")
    record = extract_one(page, URL)
    assert (record["body"], record["hits"]) == ("", 215)
    assert record["images"] == ["https://phichit.labour.go.th/images/news/prakat.jpg"]
    assert record["attachments"] == [{"url": "https://phichit.labour.go.th/attachments/article/118/prakat.pdf", "text": "prakat.pdf"}]


def test_the_comments_under_their_caption_date_nothing_of_the_article():
    """Joomla 1.0 with AkoComment: under the text, "ความคิดเห็น (2)" over the comments, each with
    its "เขียนโดย … เมื่อ 14-06-2007 13:12" line; the article's own date is an unlabelled line."""
    page = shell(f"""<table><tr><td><b>{TITLE}</b></td></tr><tr><td>เขียนโดย กนกพร ศรีสุข</td></tr>
<tr><td>วันพฤหัสบดีที่ 14 มิถุนายน 2007 09:45</td></tr><tr><td><p>{STORY[0]}</p><p>{STORY[1]}</p></td></tr>
<tr><td>ความคิดเห็น (2)</td></tr><tr><td><b>ขอบคุณครับ</b><br>เขียนโดย ผู้ประกอบการ เมื่อ 14-06-2007 13:12<br>ขอบคุณเจ้าหน้าที่</td></tr>
<tr><td><b>สอบถาม</b><br>เขียนโดย สมใจ เมื่อ 15-06-2007 08:40<br>จะมีการอบรมอีกเมื่อไหร่</td></tr></table>""")
    record = extract_one(page, URL)
    assert (record["published"], record["author"]) == ("2007-06-14T09:45:00+07:00", "กนกพร ศรีสุข")


def test_a_trail_of_links_ending_with_the_title_and_no_home_crumb():
    """XOOPS SmartSection's path over the item: the module's name, the category, the title."""
    page = shell(f"""<div><div><span><a href="/modules/smartsection/">ข่าวสาร</a></span> &gt;
<a href="/modules/smartsection/category.php?categoryid=3">ข่าวกิจกรรม</a> &gt; {TITLE}</div>
<table><tr><td><h2>{TITLE}</h2></td></tr><tr><td>เผยแพร่เมื่อ 4 ก.ค. 2551 (อ่าน 256 ครั้ง)</td></tr>
<tr><td><p>{STORY[0]}</p><p>{STORY[1]}</p></td></tr></table></div>""")
    record = extract_one(page, URL)
    assert (record["category"], record["hits"]) == ("ข่าวกิจกรรม", 256)


# --- blind sets 96-99 ----------------------------------------------------------------------------

def test_javascripts_date_string_in_a_time_element():
    """Astro's AstroWind prints ``Date.prototype.toString()`` into ``<time datetime>``."""
    assert parse_iso("Mon Nov 18 2024 02:00:00 GMT+0000 (Coordinated Universal Time)").isoformat() == "2024-11-18T09:00:00+07:00"
    assert parse_iso("Mon Nov 31 2024 02:00:00 GMT+0700").value is None  # (no 31 November)


def test_items_opening_with_their_svg_icons_are_apart():
    """Tailwind's gap spaces a byline's items: "<span><svg/>โดย …</span><span><svg/>อ่าน 3 นาที</span>",
    no white space between them in the source; the reading time is no part of the name."""
    page = shell(f"""<main><article><header><h1>{TITLE}</h1><div><span><svg viewBox="0 0 24 24"><path d="M8 7"/></svg>
<span>เผยแพร่เมื่อ</span> <time datetime="2025-01-06">6 มกราคม 2568</time></span><span><svg viewBox="0 0 24 24"><path d="M1 1"/></svg><span>โดย
งานประชาสัมพันธ์ สรจ.สงขลา</span></span><span><svg viewBox="0 0 24 24"><path d="M2 2"/></svg><span>อ่าน 3 นาที</span></span></div></header>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></article></main>""")
    record = extract_one(page, URL)
    assert (record["published"], record["author"], record["hits"]) == ("2025-01-06", "งานประชาสัมพันธ์ สรจ.สงขลา", None)


@pytest.mark.parametrize(("line", "name"), [
    ("กลุ่มงานสวัสดิการแรงงาน...", "กลุ่มงานสวัสดิการแรงงาน"),  # VuePress's pageviews before its script fills them
    ("Posted by สมศักดิ์ แสงทอง (somsak) on 14.03.2012", "สมศักดิ์ แสงทอง"),  # WebsiteBaker: display name (login)
    ("โดย ศิริพร (ประชาสัมพันธ์)", "ศิริพร (ประชาสัมพันธ์)"),  # a unit in Thai is the display name's
    ("โดย สสค.", "สสค."),
])
def test_what_stands_after_a_name(line, name):
    assert author_name(line) == name


def test_who_last_updated_it_is_not_the_author():
    """The Last Modified Info plugin's line inside the text: "Last Updated on … by <a>…</a>"."""
    page = shell(f"""<article><h1>{TITLE}</h1><div><span>February 20, 2024</span> / <span>กิตติพงษ์ แสงอรุณ</span></div>
<div><p>Last Updated on February 22, 2024 by <a href="/author/somying/">สมหญิง พรหมมา</a></p><p>{STORY[0]}</p><p>{STORY[1]}</p></div></article>""")
    assert extract_one(page, URL)["author"] != "สมหญิง พรหมมา"
    _, segments = split_labelled("Last changed: 15.03.2012 at 09:12")
    assert [s.kind for s in segments] == ["modified"]


def test_kubricks_entry_sentence_inside_the_text_dates_the_post():
    """WordPress's Kubrick prints "This entry was posted on Thursday, August 13th, 2009 at 2:35 pm
    and is filed under …" in p.postmetadata inside div.entry: the post's info, not its text."""
    sentence = ("This entry was posted on Thursday, August 13th, 2009 at 2:35 pm and is filed under "
                '<a href="/?cat=3" rel="category">ข่าวประชาสัมพันธ์</a>. You can follow any responses to this entry through the RSS 2.0 feed.')
    page = shell(f"""<div class="post hentry" id="post-57"><h2>{TITLE}</h2><div class="entry"><p>{STORY[0]}</p><p>{STORY[1]}</p>
<p class="postmetadata alt"><small>{sentence}</small></p></div></div>""")
    record = extract_one(page, "https://phichit.labour.go.th/?p=57")
    assert (record["published"], record["category"]) == ("2009-08-13T14:35:00+07:00", "ข่าวประชาสัมพันธ์")
    assert record["body"] == "\n\n".join(STORY)


def test_a_hashtag_is_no_category():
    """Tumblr's post footer: its date line, then the post's hashtags, each a link to its tag page."""
    page = shell(f"""<article><h2>{TITLE}</h2><div><p>{STORY[0]}</p><p>{STORY[1]}</p></div>
<div><p>Posted Tuesday, March 5th, 2013 · 12 notes</p><p><a href="/tagged/wage">#ค่าจ้างขั้นต่ำ</a> <a href="/tagged/province">#จันทบุรี</a></p></div></article>""")
    assert extract_one(page, URL)["category"] is None


def test_a_guestbooks_posts_are_no_article():
    """Phoca Guestbook: posts, each a block with its own heading, "โดย <b>name</b>" and a dated
    line, then the message. Several of them are a list of posts."""
    posts = "".join(f"""<div><h4>{subject}</h4><div>โดย <strong>{name}</strong> <span>{day} มีนาคม 2021 10:32</span></div>
<div><p>{message}</p></div></div>""" for subject, name, day, message in (
        ("สอบถามเรื่องค่าชดเชยกรณีเลิกจ้าง", "สุนทร", 15, "ทำงานมา 4 ปี บริษัทแจ้งเลิกจ้างโดยไม่บอกล่วงหน้า จะได้รับค่าชดเชยเท่าไหร่ครับ"),
        ("ขอบคุณเจ้าหน้าที่", "วันเพ็ญ", 11, "ขอบคุณเจ้าหน้าที่ที่ช่วยติดตามค่าจ้างค้างจ่ายให้ ได้รับเงินครบแล้วค่ะ"),
        ("วันหยุดพักผ่อนประจำปี", "ธีรวัฒน์", 8, "ลูกจ้างทดลองงานมีสิทธิลาพักร้อนไหมครับ ทำงานมาได้ 5 เดือนแล้ว")))
    page = shell(f"""<div><h1>สมุดเยี่ยม</h1><div>{posts}</div><div>หน้า 1 จาก 6</div></div>""")
    with pytest.raises(NotAnArticle):
        extract_one(page, "https://phichit.labour.go.th/index.php/guestbook")


def test_an_rdfa_article_section_names_the_category():
    """VuePress's theme-hope page info: the category an unlinked item, with its RDFa meta
    ``<meta property="articleSection">`` beside it."""
    page = shell(f"""<main><div><h1>{TITLE}</h1><div><span>กลุ่มงานสวัสดิการแรงงาน</span><span>15/1/2568</span>
<span><span>ข่าวกิจกรรม</span><meta property="articleSection" content="ข่าวกิจกรรม"></span></div></div>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></main>""")
    assert extract_one(page, URL)["category"] == "ข่าวกิจกรรม"


# --- blind sets 100-103 --------------------------------------------------------------------------

def test_by_alone_over_the_name():
    """WordPress's post-author block: "โดย" in one paragraph, the name in the next (class names gone)."""
    page = shell(f"""<main><div><h1>{TITLE}</h1><div><div><time datetime="2026-01-14T09:00:00+07:00">14 มกราคม 2026</time></div>
<div><p>โดย</p><p>อรพิน แก้วมณี</p></div></div><div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></div></main>""")
    assert extract_one(page, URL)["author"] == "อรพิน แก้วมณี"


def test_a_comment_count_after_its_label_is_not_the_views():
    """AccessPress Mag: the comments' icon then "2", the eye icon then "263", no space between."""
    page = shell(f"""<article><h1>{TITLE}</h1><div><time datetime="2015-08-24T10:42:10+07:00">24 สิงหาคม 2015</time>
<span><a href="/?author=3">กาญจนา ศรีสุข</a></span><span><i class="fa fa-comments"></i>2</span><span><i class="fa fa-eye"></i>263</span></div>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></article>""")
    assert extract_one(page, URL)["hits"] == 263


def test_figures_with_a_unit_are_no_title_line():
    """A Yii2 DetailView over the notice's text: its rows' values (a budget of "4,850,000.00 บาท")
    are not the title; the h1 above the table is."""
    rows = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in (
        ("เลขที่โครงการ (e-GP)", "67089415203"), ("วิธีการจัดหา", "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)"),
        ("วงเงินงบประมาณ", "4,850,000.00 บาท"), ("วันที่ประกาศ", "19 ส.ค. 2567 10:05:00"), ("จำนวนผู้เข้าชม", "188")))
    page = shell(f"""<div><h1>{TITLE}</h1><table>{rows}</table><div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></div>""",
                 title=f"{TITLE} | {SITE}")
    record = extract_one(page, URL)
    assert (record["title"], record["published"], record["hits"]) == (TITLE, "2024-08-19T10:05:00+07:00", 188)


def test_a_persons_name_before_labelled_items_is_an_info_line():
    """RocketTheme's article info on Joomla 2.5: the author's name unlabelled, then labelled items."""
    page = shell(f"""<div><h1>{TITLE}</h1><div><span>สุนันทา แก้วประเสริฐ</span> <span>เผยแพร่เมื่อ 15 มิถุนายน 2012</span>
<span>ฮิต: 3817</span> <span>หมวด: <a href="/index.php/news">ข่าวกิจกรรม</a></span></div>
<p>{STORY[0]}</p><p>{STORY[1]}</p></div>""")
    record = extract_one(page, URL)
    assert (record["author"], record["hits"], record["body"]) == ("สุนันทา แก้วประเสริฐ", 3817, "\n\n".join(STORY))


def test_a_long_heading_is_still_the_title():
    """Olivero's h1 of a project's whole name, longer than any line the title search takes
    elsewhere; the <title> and og:title cut it short."""
    long_title = " ".join([TITLE] * 4)
    page = shell(f"""<main><article><h1>{long_title}</h1><div>15 มี.ค. 2022 - 10:24</div>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></article></main>""", title=long_title[:95] + "…")
    assert extract_one(page, URL)["title"] == long_title


def test_a_thai_file_name_is_escaped_as_a_browser_requests_it():
    page = shell(f"""<main><h1>{TITLE}</h1><div><p>{STORY[0]}</p><p>{STORY[1]}</p>
<p><a href="/upload/หนังสือเชิญ.pdf">หนังสือเชิญเข้าร่วมอบรม</a></p></div></main>""")
    assert extract_one(page, URL)["attachments"] == [
        {"url": "https://phichit.labour.go.th/upload/%E0%B8%AB%E0%B8%99%E0%B8%B1%E0%B8%87%E0%B8%AA%E0%B8%B7%E0%B8%AD"
                "%E0%B9%80%E0%B8%8A%E0%B8%B4%E0%B8%8D.pdf", "text": "หนังสือเชิญเข้าร่วมอบรม"}]


def test_a_news_modules_page_and_group_line_names_the_category():
    """WebsiteBaker's News module prints "<a>page</a> >> <a>group</a>" in the post's header, no
    home crumb and no title after it: the group is the category, and the line is not text."""
    page = shell(f"""<table><tr><td><h1>{TITLE}</h1></td></tr><tr><td><b>Posted by สมศักดิ์ แสงทอง on 14.03.2012</b></td></tr>
<tr><td><a href="/pages/news.php">ข่าวสาร</a> &gt;&gt; <a href="/pages/news.php?g=2">ข่าวฝึกอบรม</a></td></tr></table>
<p>{STORY[0]}</p><p>{STORY[1]}</p>""")
    record = extract_one(page, URL)
    assert (record["category"], record["body"]) == ("ข่าวฝึกอบรม", "\n\n".join(STORY))


def test_a_featured_badge_in_superscript_is_not_the_titles():
    """K2's item title prints "<sup>แนะนำ</sup>" (featured) after the words."""
    page = shell(f"""<div><h2>{TITLE} <sup>แนะนำ</sup></h2><div>วันพุธที่ 12 ตุลาคม 2554 เวลา 10:20 น.</div>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></div>""")
    assert extract_one(page, URL)["title"] == TITLE


def test_and_after_a_category_before_the_tags_is_not_the_categorys():
    """Twenty Eleven's "This entry was posted in <a>…</a> and tagged <a>…</a> by <a>…</a>"."""
    page = shell(f"""<article><h1>{TITLE}</h1><div><time datetime="2012-05-14T10:00:00+07:00">14 พฤษภาคม 2555</time></div>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div><footer>This entry was posted in <a href="/?cat=3">ข่าวผู้บริหาร</a> and tagged
<a href="/?tag=wage" rel="tag">ค่าจ้างขั้นต่ำ</a> by <a href="/?author=1">สมศักดิ์ ใจดี</a>.</footer></article>""")
    assert extract_one(page, URL)["category"] == "ข่าวผู้บริหาร"


def test_extravotes_stars_and_score_are_a_rating_widgets_line():
    """ExtraVote's stars read as their numbers, then the score: a widget's line, never text."""
    from scraper.parsers.fields import is_edge_noise

    assert is_edge_noise("1 2 3 4 5 คะแนน: 4.4/5 (12 โหวต)")
    assert not is_edge_noise("1 2 3 4 5 ขั้นตอนการยื่นคำร้อง")


def test_the_same_day_shown_again_with_its_time_of_day():
    """Blogger's classic template: the date header over the post ("Tuesday, March 14, 2006"),
    then "posted by ดวงใจ @ 3/14/2006 10:24:00 AM" under it: the day with its time."""
    page = shell(f"""<div><h2>Tuesday, March 14, 2006</h2><div><h3>{TITLE}</h3><div>{STORY[0]}<br><br>{STORY[1]}</div>
<p>posted by ดวงใจ @ <a href="/2006/03/post.html">3/14/2006 10:24:00 AM</a></p></div></div>""")
    record = extract_one(page, URL)
    assert (record["published"], record["author"]) == ("2006-03-14T10:24:00+07:00", "ดวงใจ")


def test_the_posts_avatar_block_above_the_text_names_its_author():
    """Frost's meta row: WordPress's avatar block (alt "<name> Avatar", a Gravatar) and the date;
    the name is shown nowhere else."""
    page = shell(f"""<main><h1>{TITLE}</h1><div><div><a href="/author/somporn/"><img alt="สมพร แก้วมณี Avatar"
src="https://secure.gravatar.com/avatar/5f2c0e1a?s=40"></a></div><div><time datetime="2024-09-05T10:00:00+07:00">5 ก.ย. 2024</time></div></div>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></main>""")
    assert extract_one(page, URL)["author"] == "สมพร แก้วมณี"


def test_an_articles_footer_after_its_text_is_its_info_not_more_text():
    """A block theme's post: the text's block, then the article's <footer> with the date and
    "โดย" over the name. The footer is never read as more of the text."""
    page = shell(f"""<main><article><h1>{TITLE}</h1><div><p>{STORY[0]}</p><p>{STORY[1]}</p></div>
<footer><div><time datetime="2026-01-14T09:00:00+07:00">14 มกราคม 2026</time></div><div><p>โดย</p><p>อรพิน แก้วมณี</p></div>
</footer></article></main>""")
    record = extract_one(page, URL)
    assert (record["published"], record["author"], record["body"]) == ("2026-01-14T09:00:00+07:00", "อรพิน แก้วมณี", "\n\n".join(STORY))
