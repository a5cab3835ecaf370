"""Forms of the info met in the thirty-seventh to thirty-ninth blind sets, each beside the case
that must not change:

- a news credit ("ข่าว :", "ข่าว/ภาพ :") in the info names the author; "ผู้บันทึก" labels one;
- "เผยแพร่:" before a weekday labels the date; "ปรับปรุงข้อมูลล่าสุด" a modification;
- a like counter (a heart icon, "ถูกใจ 5") is not the views; WP-PostRatings' votes are not text;
- an ``<aside>`` of the article's info inside its ``<article>`` is read; an embedded post there is not;
- an author's box: its heading names the author, not its "all posts" link or its bio;
- related posts and files boxes printed as ``<dl>`` under their ``<dt>`` caption are not text;
- a schedule (most lines open with a date) is not one article.
"""

from __future__ import annotations

import pytest

from scraper.extract import extract_one
from scraper.parsers.errors import NotAnArticle
from scraper.parsers.fields import is_edge_noise
from scraper.parsers.labels import split_labelled

URL = "https://kalasin.labour.go.th/news.php?id=745"
TITLE = "สสค.กาฬสินธุ์ จัดสัมมนาชี้แจงสิทธิและหน้าที่กรณีเลิกจ้างและค่าชดเชยตามกฎหมายคุ้มครองแรงงาน"
TEXT = ("<p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดกาฬสินธุ์ จัดสัมมนาชี้แจงสิทธิและหน้าที่ของนายจ้างและลูกจ้าง "
        "กรณีเลิกจ้างและการจ่ายค่าชดเชยตามพระราชบัญญัติคุ้มครองแรงงาน ให้แก่สถานประกอบกิจการในพื้นที่</p>"
        "<p>ทั้งนี้ นายจ้างที่มีข้อสงสัยสามารถสอบถามได้ที่สำนักงาน ในวันและเวลาราชการ หรือสายด่วน 1546</p>")


def page(article: str, title: str = TITLE) -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{title}</title></head>
<body><div class="x1"><a href="/">หน้าแรก</a> สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดกาฬสินธุ์</div>
<div class="x0">{article}</div>
<div class="x4">โทร. 0 4381 1234 © 2562</div></body></html>""".encode()


@pytest.mark.parametrize(("line", "kinds"), [
    ("เผยแพร่: วันพุธ, 21 พฤษภาคม 2014 08:00", [("published", "วันพุธ, 21 พฤษภาคม 2014 08:00")]),
    ("ปรับปรุงข้อมูลล่าสุด : 2 พ.ค. 2567 โดย admin", [("modified", "2 พ.ค. 2567"), ("author", "admin")]),
    ("ผู้บันทึก จิราพร ทองคำ", [("author", "จิราพร ทองคำ")]),
    ("ผู้บันทึกภาพ ฝ่ายบริหารงานทั่วไป", []),  # a photographer, not the author
    ("Likes 12 Views 340", [("likes", "12"), ("hits", "340")]),
    ("ถูกใจ 48 · ความคิดเห็น 3", [("likes", "48 ·"), ("comments", "3")]),
    # not labels: a sentence's words
    ("เผยแพร่ความรู้ด้านกฎหมายแรงงาน", []),
    ("ลูกจ้างถูกใจในสวัสดิการ", []),
])
def test_info_forms_split_at_their_labels(line, kinds):
    assert [(s.kind, s.value) for s in split_labelled(line)[1]] == kinds


def test_a_credit_in_the_info_below_the_text_names_the_author():
    """A pen icon before "ข่าว : กลุ่มงาน…", the photo credit and the views beside it."""
    credit = ('<div><span><i class="fas fa-pen"></i> ข่าว : กลุ่มงานคุ้มครองแรงงาน</span> | '
              '<span><i class="fas fa-camera"></i> ภาพ : ฝ่ายบริหารงานทั่วไป</span> | <span>ผู้ชม : 214</span></div>')
    article = f'<h1>{TITLE}</h1><div>วันที่ 5 กรกฎาคม พ.ศ. 2567</div><div class="k2">{TEXT}{credit}</div>'
    record = extract_one(page(article), URL)
    assert (record["author"], record["hits"], record["published"]) == ("กลุ่มงานคุ้มครองแรงงาน", 214, "2024-07-05")


def test_a_credit_line_after_the_date_names_a_long_unit():
    article = (f'<div><h1>{TITLE}</h1><ul><li>วันที่ 3 ก.ค. 2568 เวลา 14.20 น.</li>'
               '<li><i class="fa-solid fa-camera"></i> ข่าว/ภาพ : กลุ่มประชาสัมพันธ์ สำนักงานปลัดกระทรวงแรงงาน</li></ul></div>'
               f'<div class="k2">{TEXT}</div>')
    assert extract_one(page(article), URL)["author"] == "กลุ่มประชาสัมพันธ์ สำนักงานปลัดกระทรวงแรงงาน"


def test_a_credit_in_the_text_stays_text():
    article = f'<h1>{TITLE}</h1><div>วันที่ 5 กรกฎาคม พ.ศ. 2567</div><div class="k2">{TEXT}<p>ข่าว : กลุ่มงานคุ้มครองแรงงาน</p></div>'
    record = extract_one(page(article), URL)
    assert record["body"].endswith("ข่าว : กลุ่มงานคุ้มครองแรงงาน") and record["author"] is None


def test_a_heart_icons_count_is_no_views():
    """Jupiter's like counter: an <svg data-name="mk-icon-heart"> before its "12"."""
    info = ('<div>Posted 3 เมษายน 2567</div><div><a href="#"><svg data-name="mk-icon-heart" viewBox="0 0 10 10"></svg>'
            '<span>12</span></a></div>')
    record = extract_one(page(f'<h1>{TITLE}</h1>{info}<div class="k2">{TEXT}</div>'), URL)
    assert (record["published"], record["hits"]) == ("2024-04-03", None)


def test_wp_postratings_votes_and_loader_are_not_text():
    ratings = ('<div class="post-ratings"><img src="/wp-content/plugins/wp-postratings/images/stars/rating_on.gif" alt="1 ดาว">'
               ' (12 โหวต, เฉลี่ย: 4.50 จาก 5)</div><div class="post-ratings-loading">กำลังโหลด...</div>')
    record = extract_one(page(f'<h1>{TITLE}</h1><div>12 มีนาคม 2567</div><div class="k2">{TEXT}{ratings}</div>'), URL)
    assert record["body"].endswith("สายด่วน 1546") and record["images"] == []


@pytest.mark.parametrize(("line", "noise"), [
    ("(12 โหวต, เฉลี่ย: 4.50 จาก 5)", True),  # WP-PostRatings
    ("(3 votes, average: 4.67 out of 5)", True),
    ("กำลังโหลด...", True),
    ("186แชร์", True),  # Novashare's total share count
    ("142แชร์44LINE", True),  # its per-network counts, glued to the networks' names
    ("1.2K Share", True),
    ("ความคิดเห็น (0)", True),
    ("รับลิงก์", True),  # Blogger's share menu
    ("ผลการประเมินเฉลี่ย 4.50 จาก 5 คะแนน ในการอบรม 12 ครั้ง", False),
    ("186 คน", False),
    ("แชร์ความรู้เรื่องสิทธิลูกจ้าง 12 ข้อ", False),
])
def test_ratings_share_counts_and_buttons_are_edge_noise(line, noise):
    assert is_edge_noise(line) is noise


META_COLUMN = ('<aside><div><span>๒๓</span> <span>ก.ค.</span> <span>๖๗</span></div><ul>'
               '<li><span>ผู้เขียน</span> <span>กลุ่มงานคุ้มครองแรงงาน</span></li>'
               '<li><span>เปิดอ่าน</span> <span>๔๕๖ ครั้ง</span></li></ul></aside>')


def test_an_aside_of_the_articles_info_inside_its_article_is_read():
    article = f'<article><h1>{TITLE}</h1><div>{META_COLUMN}<div class="k2">{TEXT}</div></div></article>'
    record = extract_one(page(article), URL)
    assert (record["published"], record["author"], record["hits"]) == ("2024-07-23", "กลุ่มงานคุ้มครองแรงงาน", 456)


def test_an_aside_outside_the_article_or_an_embedded_post_is_not_its_info():
    embedded = ('<aside><h2>โพสต์จากเพจ Facebook</h2><blockquote><p>สสค.กาฬสินธุ์ ลงพื้นที่ให้ความรู้ผู้รับงานไปทำที่บ้าน '
                'กลุ่มทอผ้าและตัดเย็บ 35 คน</p>โพสต์โดย <a href="https://www.facebook.com/KalasinLabour">สำนักงานจังหวัด</a>'
                '</blockquote><p>ถูกใจ 48 · ความคิดเห็น 3</p></aside>')
    inside = f'<article><h1>{TITLE}</h1><div>เผยแพร่เมื่อ: 16 พ.ค. 2567</div><div class="k2">{TEXT}</div>{embedded}</article>'
    assert extract_one(page(inside), URL)["author"] is None
    outside = f'{META_COLUMN}<article><h1>{TITLE}</h1><div>เผยแพร่เมื่อ: 16 พ.ค. 2567</div><div class="k2">{TEXT}</div></article>'
    record = extract_one(page(outside), URL)
    assert (record["author"], record["hits"]) == (None, None)


def test_an_author_box_gives_its_heading_not_its_all_posts_link():
    box = ('<div><h4>ณัฐธยา คำปัน</h4><p>นักวิชาการแรงงานชำนาญการ กลุ่มงานสวัสดิการแรงงาน สำนักงานสวัสดิการและคุ้มครองแรงงาน'
           'จังหวัดกาฬสินธุ์</p><div><a href="/author/nattaya/">เรื่องทั้งหมดของผู้เขียน</a></div></div>')
    article = f'<h1>{TITLE}</h1><div class="k2">{TEXT}</div>{box}<div><p>20 กุมภาพันธ์ 2024</p></div>'
    assert extract_one(page(article), URL)["author"] == "ณัฐธยา คำปัน"


def test_related_and_files_boxes_as_definition_lists_are_not_text():
    """tt_news: <dl><dt>ข่าวที่เกี่ยวข้อง:</dt><dd>…</dd></dl>, then the files' list with its icon."""
    boxes = ('<dl><dt>ข่าวที่เกี่ยวข้อง:</dt><dd><a href="/index.php?id=25&amp;tt_news=298">ตรวจความปลอดภัยในการทำงาน'
             'สถานประกอบกิจการเซรามิก</a></dd></dl><dl><dt>ไฟล์แนบ:</dt><dd><a href="/uploads/media/handbook.pdf">'
             '<img src="/typo3/gfx/fileicons/pdf.gif" width="18" height="16" alt=""></a> <a href="/uploads/media/handbook.pdf">'
             'handbook.pdf</a></dd></dl>')
    article = f'<h1>{TITLE}</h1><div>12.03.2014 10:21</div><div class="k2">{TEXT}{boxes}</div>'
    record = extract_one(page(article), URL)
    assert record["body"].endswith("สายด่วน 1546") and record["images"] == []
    assert [a["url"] for a in record["attachments"]] == ["https://kalasin.labour.go.th/uploads/media/handbook.pdf"]


def test_a_schedule_is_not_an_article():
    rows = "".join(f"<tr><td>{d} พ.ค. 2567</td><td>09.00 น.</td><td>{what}</td><td>หอประชุมจังหวัดกาฬสินธุ์</td></tr>"
                   for d, what in ((1, "ร่วมงานวันแรงงานแห่งชาติ"), (7, "ตรวจแรงงานสถานประกอบกิจการ"),
                                   (9, "อบรมเจ้าหน้าที่ความปลอดภัยในการทำงาน"), (15, "ประชุมคณะอนุกรรมการค่าจ้าง"),
                                   (22, "ประชุมประจำเดือนของสำนักงาน")))
    article = (f'<h1>กิจกรรมประจำเดือน พฤษภาคม 2567</h1><div>ปรับปรุงข้อมูลล่าสุด : 2 พ.ค. 2567 โดย admin | ผู้เข้าชม 1,203 ครั้ง</div>'
               f'<div class="k2"><table><tr><th>วันที่</th><th>เวลา</th><th>กิจกรรม</th><th>สถานที่</th></tr>{rows}</table></div>')
    with pytest.raises(NotAnArticle, match="dated rows"):
        extract_one(page(article, title="ปฏิทินกิจกรรม"), "https://kalasin.labour.go.th/calendar.php?m=5&y=2567")


def test_a_story_around_its_schedule_is_an_article():
    rows = "".join(f"<tr><td>{d} พ.ค. 2567</td><td>อบรมหลักสูตรที่ {d}</td></tr>" for d in (7, 9, 15, 22))
    article = f'<h1>{TITLE}</h1><div>วันที่ 2 พ.ค. 2567</div><div class="k2">{TEXT}<table>{rows}</table>{TEXT}</div>'
    assert extract_one(page(article), URL)["title"] == TITLE


def test_a_gallery_picture_opening_in_a_component_view_is_a_picture_and_the_mail_button_is_not():
    """Phoca Gallery opens each picture in "?tmpl=component&detail=5"; Joomla's e-mail button
    opens com_mailto in one."""
    gallery = ('<div><a href="/index.php/gallery/category/7-safety/detail/96-sw-01?tmpl=component&amp;detail=5">'
               '<img src="/images/phocagallery/thumbs/phoca_thumb_m_sw-01.jpg" width="100" height="100" alt="sw-01"></a></div>')
    mail = ('<div><a href="/index.php?option=com_mailto&amp;tmpl=component&amp;link=abc">'
            '<img src="/media/system/images/emailButton.png" alt="อีเมล"></a></div>')
    record = extract_one(page(f'<h1>{TITLE}</h1><div>12 มีนาคม 2567</div>{mail}<div class="k2">{TEXT}{gallery}</div>'), URL)
    assert record["images"] == ["https://kalasin.labour.go.th/images/phocagallery/thumbs/phoca_thumb_m_sw-01.jpg"]


def test_an_info_line_of_icons_renamed_is_no_title_and_names_its_account():
    """Drupal's Tara: "<i user> surin_pr <i calendar> พ., 03/20/2024 - 10:21 <i> ข่าวประชาสัมพันธ์,"
    in the node's header, the page title in a band above the node; the icons' names unknown."""
    article = ('<div><h1>' + TITLE + '</h1></div><div><article><header><div><i class="k9"></i> <span>surin_pr</span> '
               '<i class="k8"></i> <span><time datetime="2024-03-20T03:21:45Z">พ., 03/20/2024 - 10:21</time></span> '
               '<i class="k7"></i> <a href="/taxonomy/term/4">ข่าวประชาสัมพันธ์</a>,</div></header>'
               f'<div class="k2">{TEXT}</div></article></div>')
    record = extract_one(page(article), URL)
    assert (record["title"], record["author"], record["published"]) == (TITLE, "surin_pr", "2024-03-20T10:21:45+07:00")


def test_a_title_naming_its_day_stays_the_title():
    article = '<h1>ประชุมคณะอนุกรรมการค่าจ้างจังหวัด (4 ธ.ค. 67)</h1><div>เผยแพร่เมื่อ: 5 ธ.ค. 2567</div>' + f'<div class="k2">{TEXT}</div>'
    assert extract_one(page(article, title="ประชุมคณะอนุกรรมการค่าจ้างจังหวัด (4 ธ.ค. 67)"), URL)["title"] == \
        "ประชุมคณะอนุกรรมการค่าจ้างจังหวัด (4 ธ.ค. 67)"


def test_a_bare_count_between_the_date_and_a_label_is_the_views():
    """Warp 7's K2 override: "📅 17 ก.พ. 2565 👁 1,245 หมวดหมู่: …", its icons' names unknown."""
    info = '<div><span><i class="k7"></i> 17 ก.พ. 2565</span> <span><i class="k8"></i> 1,245</span> <span>หมวดหมู่: <a href="/news">ข่าวประชาสัมพันธ์</a></span></div>'
    record = extract_one(page(f'<h1>{TITLE}</h1>{info}<div class="k2">{TEXT}</div>'), URL)
    assert (record["published"], record["hits"]) == ("2022-02-17", 1245)


# --- the fortieth to forty-second blind sets ---------------------------------------------------


def test_a_fields_value_beside_its_label_is_no_title():
    """Drupal's inline field: <div>ผู้เขียน:</div><div><div>name</div></div> above the text, the
    page title in an <h1> higher up."""
    field = ('<div><div>ผู้เขียน:&nbsp;</div><div><div>นางวิไลวรรณ ศรีสมบัติ</div></div></div>'
             '<div><div>วันที่:&nbsp;</div><div><div>18 กุมภาพันธ์ 2020</div></div></div>')
    article = f'<h1>{TITLE}</h1><div><div>{field}<div class="k2">{TEXT}</div></div></div>'
    record = extract_one(page(article), URL)
    assert (record["title"], record["author"]) == (TITLE, "นางวิไลวรรณ ศรีสมบัติ")


def test_a_credit_field_after_the_title_names_the_author():
    fields_list = '<ul><li><span>ข่าว: </span><span>นางสาวศิริพร แสงทอง</span></li><li><span>ภาพ: </span><span>นายอนุชา บุญมา</span></li></ul>'
    article = f'<div><h1>{TITLE}</h1><div>เผยแพร่เมื่อ: 8 สิงหาคม 2567</div>{fields_list}</div><div class="k2">{TEXT}</div>'
    assert extract_one(page(article), URL)["author"] == "นางสาวศิริพร แสงทอง"


@pytest.mark.parametrize(("labels", "category"), [
    (["ข่าวกิจกรรม"], "ข่าวกิจกรรม"),  # a Blogger post's one label is its category
    (["กองทุนเพื่อผู้ใช้แรงงาน", "ข่าวกิจกรรม"], None),  # of several, each is a tag
])
def test_a_blogger_posts_one_label_is_its_category(labels, category):
    links = " ".join(f'<a href="https://blog.kalasin.labour.go.th/search/label/{i}" rel="tag">{t}</a>' for i, t in enumerate(labels))
    article = f'<h3>{TITLE}</h3><div>โดย สสค.กาฬสินธุ์ 21 พฤศจิกายน 2566</div><div class="k2">{TEXT}</div><div>ป้ายกำกับ: {links}</div>'
    assert extract_one(page(article), URL)["category"] == category


def test_a_recent_posts_time_after_the_text_is_not_the_articles():
    """Hexo's Butterfly: the post's own time labelled "Created" (a creation date), a Recent Post
    list after the text with each post's <time>; the head's meta date wins."""
    head = '<meta property="article:published_time" content="2024-08-05T02:40:00.000Z">'
    recent = ''.join(f'<div><a href="/posts/{i}/">ข่าวอื่นของสำนักงานลำดับที่ {i} เรื่องการตรวจแรงงาน</a>'
                     f'<time datetime="2024-08-0{i}T03:00:00.000Z">2024-08-0{i}</time></div>' for i in (8, 9))
    article = (f'<h1>{TITLE}</h1><div><span title="Created 2024-08-05 09:40:00">Created</span> '
               f'<time datetime="2024-08-05T02:40:00.000Z">2024-08-05</time></div><div class="k2">{TEXT}</div><div>{recent}</div>')
    html = page(article).replace(b"</head>", head.encode() + b"</head>")
    assert extract_one(html, URL)["published"] == "2024-08-05T09:40:00+07:00"


def test_an_author_box_of_microdata_ends_the_text():
    """Simple Author Box inside the text block, after a3 Page Views Count's line."""
    box = ('<div itemprop="author" itemscope itemtype="http://schema.org/Person"><img src="https://secure.gravatar.com/avatar/ab" '
           'alt=""><span itemprop="name">ชญานิศ วงศ์ใหญ่</span><p>นักวิชาการแรงงานปฏิบัติการ กลุ่มงานคุ้มครองแรงงาน '
           'สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดกาฬสินธุ์</p></div>')
    article = f'<h1>{TITLE}</h1><div>16 กรกฎาคม 2567</div><div class="k2">{TEXT}<p>1,203 total views, 5 views today</p>{box}</div>'
    record = extract_one(page(article), URL)
    assert (record["hits"], record["body"].endswith("สายด่วน 1546")) == (1203, True)


def test_the_first_article_tag_shown_above_the_title_is_the_category():
    """Ghost files posts by tags alone: its primary tag, the first article:tag, is printed above the title."""
    head = '<meta property="article:tag" content="ข่าวกิจกรรม"><meta property="article:tag" content="ความปลอดภัย">'
    article = f'<div><a href="/tag/activity/">ข่าวกิจกรรม</a></div><h1>{TITLE}</h1><div>12 ก.พ. 2024</div><div class="k2">{TEXT}</div>'
    html = page(article).replace(b"</head>", head.encode() + b"</head>")
    assert extract_one(html, URL)["category"] == "ข่าวกิจกรรม"


def test_a_list_of_files_with_labelled_sizes_is_not_an_article():
    rows = "".join(f'<div><div><a href="/index.php/procurement/download/12/{i}-notice">ประกาศผู้ชนะการเสนอราคา รายการที่ {i}</a></div>'
                   f'<div><span>วันที่สร้าง:</span> {i}.08.2024 | <span>ขนาด:</span> 18{i}.41 KB | <span>ดาวน์โหลด:</span> 1{i}</div></div>'
                   for i in range(1, 5))
    article = f'<h2>ประกาศจัดซื้อจัดจ้าง ปีงบประมาณ 2567</h2><div class="k2"><p>{TEXT}</p></div><div>{rows}</div>'
    with pytest.raises(NotAnArticle, match="downloads list"):
        extract_one(page(article, title="ประกาศจัดซื้อจัดจ้าง ปีงบประมาณ 2567"), URL)


def test_a_reading_time_and_relative_date_line_is_no_title():
    """MoreNews, its class names replaced: the title's h1 unknown, the line under it "2 min read
    ฝ่ายประชาสัมพันธ์ 3 วัน ago" is the info, not the title (the <title> names the h1)."""
    article = (f'<div><div><a href="/category/activities/">ข่าวกิจกรรม</a></div><div class="k5">{TITLE}</div>'
               '<div><span>2 min read</span> <span>ฝ่ายประชาสัมพันธ์</span> <span>3 วัน ago</span></div></div>'
               f'<div class="k2">{TEXT}</div>')
    head = '<meta property="article:published_time" content="2024-08-27T03:10:00+00:00">'
    html = page(article).replace(b"</head>", head.encode() + b"</head>")
    assert extract_one(html, URL)["title"] == TITLE


@pytest.mark.parametrize(("title", "kept"), [
    ("อบรมหลักสูตรความปลอดภัย 3 วัน ณ จังหวัดกาฬสินธุ์", True),
    ("2 min read ฝ่ายประชาสัมพันธ์ 3 วัน ago", False),
])
def test_a_titles_days_are_no_relative_date(title, kept):
    from scraper.pages.generic import _is_info
    assert _is_info(title) is not kept


# --- the forty-third to forty-fifth blind sets -------------------------------------------------


def test_a_guestbook_of_dated_entries_is_not_an_article():
    entries = "".join(f'<tr><td><b>{name}</b><br>From: ชุมพร</td><td><div>Date: {day} มีนาคม 2012, 09:0{i}</div><hr>'
                      f'<p>สอบถามเรื่องค่าชดเชยกรณีเลิกจ้าง ทำงานมาแล้ว {i + 2} ปี จะได้รับค่าชดเชยเท่าใด และต้องติดต่อที่ใดครับ</p></td></tr>'
                      for i, (name, day) in enumerate((("นายวีระ", 15), ("สุภาพร", 12), ("ศิษย์เก่า", 3), ("หจก.ชุมพรการยาง", 1))))
    article = f'<h2>สมุดเยี่ยม</h2><table>{entries}</table>'
    with pytest.raises(NotAnArticle, match="entries"):
        extract_one(page(article, title="สมุดเยี่ยม"), "https://kalasin.labour.go.th/guestbook/index.php")


def test_hidden_text_is_not_text():
    hidden = '<div style="visibility:hidden">60b7d0f2-3f4a|0|.0|/blog/post/2017/03/08/fire-safety</div><div style="display: none">โหลด</div>'
    record = extract_one(page(f'<h1>{TITLE}</h1><div>12 มีนาคม 2567</div><div class="k2">{TEXT}{hidden}</div>'), URL)
    assert record["body"].endswith("สายด่วน 1546")


@pytest.mark.parametrize(("terms", "category"), [
    (["ข่าวกิจกรรม"], "ข่าวกิจกรรม"),  # a Drupal node's one taxonomy term is its category
    (["ความปลอดภัย", "ข่าวกิจกรรม"], None),  # of several, each is a tag
])
def test_a_nodes_one_term_is_its_category(terms, category):
    links = "".join(f'<li><a href="/taxonomy/term/{i}" rel="tag">{t}</a></li>' for i, t in enumerate(terms))
    article = (f'<h2>{TITLE}</h2><div><span>ส่งโดย trang_admin เมื่อ 6 สิงหาคม 2009 - 14:20</span><div><ul>{links}</ul></div>'
               f'<div class="k2">{TEXT}</div></div>')
    assert extract_one(page(article), URL)["category"] == category


def test_a_section_name_alone_is_no_notice_title():
    """A page whose only heading is a box's caption ("ข่าวล่าสุด") and whose text is the footer
    shows no date, author or hits: a page of the site, however its title starts (its text, the
    office's address, is no article text either)."""
    article = ('<h2>ข่าวล่าสุด</h2><div class="k2"><p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดจันทบุรี ศาลากลางจังหวัดจันทบุรี '
               'ถนนเลียบเนิน อำเภอเมือง จังหวัดจันทบุรี 22000 ให้บริการประชาชนในวันและเวลาราชการ</p></div>')
    with pytest.raises(NotAnArticle, match="static page|address"):
        extract_one(page(article, title="คลังข่าวทั้งหมด"), "https://kalasin.labour.go.th/archives/")


def test_a_year_glued_to_a_count_is_no_views():
    """Flash, its icons renamed: "… 10 พฤศจิกายน 2023" then the comment count "0", no space between."""
    info = '<div><span>admin_area2</span> <span>9 พฤศจิกายน 2023</span> <span>10 พฤศจิกายน 2023</span><span>0</span></div>'
    assert extract_one(page(f'<h1>{TITLE}</h1>{info}<div class="k2">{TEXT}</div>'), URL)["hits"] is None


@pytest.mark.parametrize(("line", "name"), [
    ("หมวด: ความปลอดภัยในการทำงาน ย้อนกลับ", "ความปลอดภัยในการทำงาน"),  # a back button on the category's line
    ("หมวด: ข่าวกิจกรรม [พิมพ์]", "ข่าวกิจกรรม"),
    ("หมวด: ข่าวประชาสัมพันธ์", "ข่าวประชาสัมพันธ์"),
])
def test_a_buttons_word_ending_the_line_is_not_the_value(line, name):
    from scraper.parsers.fields import category_from_lines
    assert category_from_lines([line]) == name


def test_a_headings_subheading_is_not_its_title():
    """Fomantic UI's "<h1 class='ui header'>title<div class='sub header'>office</div></h1>"."""
    article = (f'<h1>{TITLE}<div>Kalasin Provincial Labour Protection and Welfare Office</div></h1>'
               f'<div>๒๑ ส.ค. ๖๗</div><div class="k2">{TEXT}</div>')
    assert extract_one(page(article), URL)["title"] == TITLE
