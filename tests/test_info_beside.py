"""An article's info where no label or class marks it as such, each case beside the one that
must stay empty:

- views shown as a bare number beside the date (``ArticlePage._bare_count``): an icon font's eye
  whose class names say nothing (a theme of its own, or renamed) leaves only the number; not a
  comment count, a number that a word follows, a count below the text after a caption;
- the info in a box of the column beside the article (``ArticlePage._info_box_beside``); not a
  sidebar's list of latest news with their dates.
"""

from __future__ import annotations

import pytest

from scraper.extract import extract_one
from scraper.parsers.errors import StaticPage

URL = "https://chainat.labour.go.th/index.php/news/item/45"
STORY = ("สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดชัยนาท ลงพื้นที่ตรวจสถานประกอบกิจการในเขตอำเภอเมือง "
         "เพื่อให้คำแนะนำนายจ้างเรื่องการจ่ายค่าจ้างขั้นต่ำและวันหยุดตามประเพณี พร้อมแจกเอกสารความรู้แก่ลูกจ้าง")
TEXT = f"<p>{STORY}</p><p>ทั้งนี้ นายจ้างที่มีข้อสงสัยสามารถสอบถามได้ที่สำนักงาน ในวันและเวลาราชการ</p>"
TITLE = "ตรวจสถานประกอบกิจการในเขตอำเภอเมือง"


def page(meta: str, after: str = "", beside: str = "") -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><div class="x1"><a href="/">หน้าแรก</a> สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดชัยนาท</div>
<div class="x0"><div class="x2"><h1>{TITLE}</h1>{meta}<div class="x3">{TEXT}</div>{after}</div>
<div class="x5">{beside}</div></div>
<div class="x4">โทร. 0 5641 1712 © 2567</div></body></html>""".encode()


@pytest.mark.parametrize(("meta", "hits"), [
    # the number ending the date's line (TZ Portfolio's eye icon, renamed)
    ('<div class="k1"><span>นายวีระพงษ์ ทองดี</span> <span>15 สิงหาคม 2562</span> <i class="k2"></i> 152</div>', 152),
    # lines of numbers alone right after the date, Thai digits (a vendor's fa-eye, renamed)
    ('<div class="k1"><span>๑๓ ส.ค. ๖๓</span></div><div class="k1"><i class="k2"></i>๑,๒๐๕</div>', 1205),
    # tagDiv: the comments' "0" and the views, each beside an icon: the larger is the views
    ('<div class="k1"><span>12 มีนาคม 2567</span></div><div>0</div><div>1207</div>', 1207),
])
def test_a_bare_count_beside_the_date_is_the_views(meta, hits):
    assert extract_one(page(meta), URL)["hits"] == hits


def test_a_bare_count_beside_the_date_below_the_text_is_the_views():
    """tagDiv's info row moved below the text: the numbers right after the date still count."""
    after = '<div class="k5"><span>by admin</span></div><div>๑๔ กุมภาพันธ์ ๒๕๖๗</div><div>2,157</div><div>0</div>'
    assert extract_one(page("", after), URL)["hits"] == 2157


@pytest.mark.parametrize("meta", [
    # a comment count after its bubble icon (e107's fa-comments), or named by its link's tooltip
    '<div class="k1">18 ต.ค. 2562 โดย admin <a href="#comments"><i class="fa fa-comments"></i> 3</a></div>',
    '<div class="k1">18 ต.ค. 2562 โดย admin</div><div><a title="3 ความคิดเห็น" href="#comments"><i class="k2"></i> 3</a></div>',
])
def test_a_comment_count_beside_the_date_is_not_the_views(meta):
    assert extract_one(page(meta), URL)["hits"] is None


@pytest.mark.parametrize(("meta", "after"), [
    # a count that a word follows is not bare ("3 Comments")
    ('<div class="k1">12 มีนาคม 2567 | 3 Comments</div>', ""),
    # a comment count alone is 0 on government sites: no views
    ('<div class="k1">12 มีนาคม 2567</div><div>0</div>', ""),
    # below the text only a number ending the date's line counts: one on a line of its own there
    # follows a caption (comments)
    ("", '<div class="k5">12 มีนาคม 2567 โดย admin</div><h3>ความคิดเห็น</h3><div>3</div>'),
    # the date's year is not a count
    ('<div class="k1">12 มีนาคม 2567</div><div>2567</div>', ""),
])
def test_numbers_that_are_not_a_bare_count_give_no_hits(meta, after):
    assert extract_one(page(meta, after), URL)["hits"] is None


INFO_BOX = ('<div class="c1"><div class="c2">ข้อมูลข่าว</div><ul><li><i class="c3"></i> วันที่ลงข่าว : 2 ก.พ. 2566</li>'
            '<li>ผู้ลงข่าว : สุภาพร ใจดี</li><li>อ่าน 1,234 ครั้ง</li></ul></div>')
LATEST = ('<div class="c1"><div class="c2">ข่าวล่าสุด</div><ul><li><a href="/news/44">ประชุมคณะอนุกรรมการค่าจ้าง</a> 6 ก.พ. 2566</li>'
          '<li><a href="/news/43">ประกาศวันหยุดตามประเพณี</a> 27 ม.ค. 2566</li></ul></div>')


def test_the_info_box_in_the_column_beside_the_article_is_its_info():
    record = extract_one(page("", beside=LATEST + INFO_BOX), URL)
    assert (record["published"], record["author"], record["hits"]) == ("2023-02-02", "สุภาพร ใจดี", 1234)


def test_a_list_of_latest_news_beside_the_article_is_not_its_info():
    record = extract_one(page('<div class="k1">โดย สุภาพร ใจดี</div>', beside=LATEST), URL)
    assert (record["published"], record["author"], record["hits"]) == (None, "สุภาพร ใจดี", None)


@pytest.mark.parametrize(("meta", "author"), [
    # a label for screen readers only still names the value beside it (OpenCms Mercury)
    ('<div class="k1"><div class="sr-only">วันที่:</div><div>25 มิ.ย. 2024</div></div>'
     '<div class="k1"><div class="sr-only">โดย:</div><div>งานประชาสัมพันธ์ สสค.ชัยนาท</div></div>', "งานประชาสัมพันธ์ สสค.ชัยนาท"),
    # hidden text that is not a label says nothing ("ข่าว" is the visible line's topic, not a label)
    # (words that read as no name without a label: a unit's or a person's name there is the
    # byline anyway)
    ('<div class="k1"><div class="sr-only">ข่าวที่เกี่ยวข้อง</div><div>บรรยากาศการประชุมคณะทำงาน</div>'
     '<div>25 มิ.ย. 2024</div></div>', None),
])
def test_a_screen_reader_label_names_its_value(meta, author):
    assert extract_one(page(meta), URL)["author"] == author


def test_a_published_time_glued_to_the_updated_one_still_ends_the_name():
    """Twenty Nineteen prints both <time>s with nothing between them (CSS hides one)."""
    meta = ('<div class="k1"><span>โพสต์โดย</span> <a href="/x">งานประชาสัมพันธ์</a> '
            '<time datetime="2024-10-16">16 ตุลาคม 2024</time><time datetime="2024-10-17">17 ตุลาคม 2024</time>'
            ' แสดงความเห็น</div>')
    assert extract_one(page(meta), URL)["author"] == "งานประชาสัมพันธ์"


@pytest.mark.parametrize("byline", [
    "ผู้เขียน เจ้าหน้าที่ประชาสัมพันธ์ 2 วันที่แล้ว",  # Laravel's diffForHumans, its <time> unmarked
    "โดย เจ้าหน้าที่ประชาสัมพันธ์ ยังไม่มีความคิดเห็น",  # Ashe: the comment count after the byline
    "Posted by เจ้าหน้าที่ประชาสัมพันธ์ 3 Comments",
])
def test_a_relative_date_or_a_comment_count_ends_the_name(byline):
    meta = f'<div class="k1">12 มีนาคม 2567</div><div class="k1">{byline}</div>'
    assert extract_one(page(meta), URL)["author"] == "เจ้าหน้าที่ประชาสัมพันธ์"


@pytest.mark.parametrize(("meta", "author"), [
    # a unit's name after the date, its icon's name gone (DGA Drupal 8 renamed)
    ('<div class="k1">18 ก.ย. 2567 ฝ่ายบริหารงานทั่วไป เข้าชม 356 ครั้ง</div>', "ฝ่ายบริหารงานทั่วไป"),
    # a list of info items: the date, a name, a category link, a count
    ('<ul class="k1"><li>21 ส.ค. 2566</li><li>ฝ่ายบริหารงานทั่วไป</li><li><a href="/news/category/2">ข่าวกิจกรรม</a></li>'
     '<li>357</li></ul>', "ฝ่ายบริหารงานทั่วไป"),
    # the name a link to the page's own author anchor (W3Layouts' "#author", its icon renamed)
    ('<ul class="k1"><li>05-02-2568</li><li><a href="#author">งานประชาสัมพันธ์</a></li><li>จำนวนผู้เข้าชม : ๓๑๒</li></ul>',
     "งานประชาสัมพันธ์"),
    # a category link after the date is no name, nor words that do not read as one
    ('<div class="k1">18 ก.ย. 2567 <a href="/news/category/2">กลุ่มงานข่าว</a></div>', None),
    ('<div class="k1">18 ก.ย. 2567 ข่าวกิจกรรม</div>', None),
])
def test_an_unlabelled_name_beside_the_date_is_the_author_when_it_reads_as_one(meta, author):
    assert extract_one(page(meta), URL)["author"] == author


def test_a_name_under_the_date_its_figures_hold_for_is_no_byline():
    """"ข้อมูล ณ วันที่" dates an organisation chart's figures: the head's name under it does not
    make the page news (it stays a static page of the site)."""
    with pytest.raises(StaticPage):
        extract_one(page('<div class="k1">ข้อมูล ณ วันที่ 1 ตุลาคม 2567</div><div>นายประเสริฐ คำแสน</div>'), URL)


def test_a_comments_microdata_author_is_not_the_articles():
    after = ('<ul><li itemscope itemtype="https://schema.org/Comment"><span itemprop="author">สมพร ใจดี</span>'
             '<p itemprop="text">ขอบคุณสำหรับข้อมูลครับ</p></li></ul>')
    assert extract_one(page('<div class="k1">12 มีนาคม 2567</div>', after), URL)["author"] is None


def test_an_address_and_telephone_frame_after_the_text_is_not_text():
    after = ('</div><div class="x9"><p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดชัยนาท ศาลากลางจังหวัดชัยนาท ถนนพรหมประเสริฐ '
             'ตำบลในเมือง อำเภอเมือง จังหวัดชัยนาท 17000</p><p>โทร. 0 5641 1712</p>')
    record = extract_one(page('<div class="k1">12 มีนาคม 2567</div>', after), URL)
    assert "17000" not in record["body"] and record["body"].startswith("สำนักงานสวัสดิการ")


def test_info_in_the_titles_small_is_info_not_title():
    """Bootstrap 3's page-header: the info printed in a <small> inside the h1."""
    html = page("").replace(f"<h1>{TITLE}</h1>".encode(), (
        f'<h1>{TITLE}<br><small><span class="glyphicon glyphicon-time"></span> 2567-12-06 09:41:27 '
        '<span class="glyphicon glyphicon-eye-open"></span> 1,234 ครั้ง</small></h1>').encode())
    record = extract_one(html, URL)
    assert (record["title"], record["published"], record["hits"]) == (TITLE, "2024-12-06T09:41:27+07:00", 1234)


def test_a_date_ending_the_title_is_the_published_date_when_nothing_else_dates_it():
    html = page('<div class="k1">หมวด: ข่าวกิจกรรม ฮิต: 143</div>').replace(
        f"<h1>{TITLE}</h1>".encode(), f"<h1>{TITLE} (4 ธ.ค. 67)</h1>".encode())
    assert extract_one(html, URL)["published"] == "2024-12-04"


@pytest.mark.parametrize(("meta", "category"), [
    ('<div class="k1"><span>ข่าวกิจกรรม</span> <span>28 พ.ย. 67 14:05</span> <span>โดย admin_area7</span></div>', "ข่าวกิจกรรม"),
    ('<div class="k1"><span>28 พ.ย. 67 14:05</span> <span>โดย admin_area7</span></div>', None),
])
def test_an_unlinked_section_badge_beside_the_date_is_the_category(meta, category):
    assert extract_one(page(meta), URL)["category"] == category


def test_an_accounts_name_before_the_date_below_the_text_is_the_author():
    """PHP-Fusion's icon-only info box under the text, renamed: the account's profile link, the
    date, the views, the comment count and the print button."""
    after = ('<div class="k5"><span><i class="k6"></i> <a href="/profile.php?lookup=1">admin_nan</a></span> '
             '<span><i class="k7"></i> มีนาคม 05 2021</span> <span><i class="k8"></i> 1,024</span> '
             '<span><a href="#comments">2 ความคิดเห็น</a></span> <span><a href="/print.php?type=N&amp;item_id=45">พิมพ์</a></span></div>')
    record = extract_one(page("", after), URL)
    assert (record["author"], record["hits"], record["category"]) == ("admin_nan", 1024, None)
