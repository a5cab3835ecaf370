"""Forms of the info and of the boxes around the text met in the twenty-eighth to thirtieth
blind sets, each beside the case that must not change:

- bylines: "name on <date>" with no label (e107), "ในหมวด", "ผู้เผยแพร่", "Posted:", "วันที่โพสต์";
- a subject's label ("เรื่อง :", "หัวข้อ :") gives the title where no heading does;
- dates: a modified date's label printed as a block of its own before its ``<time>``; itemprops
  in no itemscope that disagree (builder teasers) are nobody's;
- boxes after the text: a tags box under its own heading, the post navigation
  ("ก่อนหน้า"/"ถัดไป"), a byline's avatar picture.
"""

from __future__ import annotations

import pytest

from scraper.extract import extract_one
from scraper.parsers.errors import StaticPage
from scraper.parsers.labels import split_labelled

URL = "https://trang.labour.go.th/news.php?item.87"
TITLE = "สสค.ตรัง รณรงค์ยุติการใช้แรงงานเด็ก เนื่องในวันต่อต้านการใช้แรงงานเด็กโลก"
TEXT = ("<p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดตรัง จัดกิจกรรมรณรงค์ยุติการใช้แรงงานเด็กในสถานประกอบกิจการ "
        "พร้อมแจกเอกสารความรู้ด้านกฎหมายคุ้มครองแรงงานแก่นายจ้างและลูกจ้างในพื้นที่</p>"
        "<p>ทั้งนี้ นายจ้างที่มีข้อสงสัยสามารถสอบถามได้ที่สำนักงาน ในวันและเวลาราชการ หรือสายด่วน 1546</p>")


def page(article: str, title: str = TITLE, head: str = "") -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><div class="x1"><a href="/">หน้าแรก</a> สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดตรัง</div>
<div class="x0">{article}</div>
<div class="x4">โทร. 0 7521 8437 © 2551</div></body></html>""".encode()


@pytest.mark.parametrize(("line", "kinds"), [
    ("trang_admin on ศุกร์ 13 มิถุนายน 2008 - 15:40:22", [("author", "trang_admin"), ("published", "ศุกร์ 13 มิถุนายน 2008 - 15:40:22")]),
    ("เขียนโดย Super User. ในหมวด ข่าวประชาสัมพันธ์", [("author", "Super User."), ("category", "ข่าวประชาสัมพันธ์")]),
    ("ผู้เผยแพร่ งานประชาสัมพันธ์", [("author", "งานประชาสัมพันธ์")]),
    ("Posted: 3/21/2024 2:05:00 PM", [("published", "3/21/2024 2:05:00 PM")]),
    ("วันที่โพสต์ : 9 ม.ค. 2566", [("published", "9 ม.ค. 2566")]),
    ("ข่าววันที่ 26 พ.ย. 2567 | ผู้ส่งข่าว area5 | อ่าน 154", [("published", "26 พ.ย. 2567"), ("author", "area5"), ("hits", "154")]),
    ("ประชาสัมพันธ์เมื่อวันอังคารที่ ๑๒ กุมภาพันธ์ ๒๕๕๑", [("published", "วันอังคารที่ ๑๒ กุมภาพันธ์ ๒๕๕๑")]),
    # WP-Print: "In" names the category after the time, never a word "In" of a sentence
    ("Posted By admin On 20 สิงหาคม 2015 @ 14:35 In ข่าวกิจกรรม", [("author", "admin On 20 สิงหาคม 2015 @ 14:35"), ("category", "ข่าวกิจกรรม")]),
    ("In 2015 the office trained 120 employers", []),
    ("ฮิต: 12 in total", [("hits", "12 in total")]),
    # not a byline: a sentence, a label's own "on", a category "in this section"
    ("Click on the link below", []),
    ("Post on 12 May 2024", [("published", "12 May 2024")]),
    ("ข่าวอื่นในหมวดนี้: ตรวจแรงงาน", []),
])
def test_byline_forms_split_at_their_labels(line, kinds):
    assert [(s.kind, s.value) for s in split_labelled(line)[1]] == kinds


def test_a_name_on_a_date_below_the_text_is_the_byline():
    """e107: "{NEWSAUTHOR} on {NEWSDATE}", then the comment count, under the text."""
    article = (f'<div class="k1">{TITLE}</div><div class="k2">{TEXT}<div><a href="/user.php?id.2">trang_admin</a> on '
               'ศุกร์ 13 มิถุนายน 2008 - 15:40:22<br><a href="/comment.php?comment.news.87">ความคิดเห็น (0)</a></div></div>')
    record = extract_one(page(article), URL)
    assert (record["published"], record["author"]) == ("2008-06-13T15:40:22+07:00", "trang_admin")
    assert "ความคิดเห็น" not in record["body"] and "trang_admin" not in record["body"]


ROWS = """<table><tr><td>{label}</td><td><b>{title}</b></td></tr>
<tr><td>วันที่ส่ง :</td><td>07/11/2565 13:45 น.</td></tr><tr><td>ผู้ส่ง :</td><td>นางสาวอรุณี ใจงาม</td></tr>
<tr><td>รายละเอียด :</td><td>{text}</td></tr></table>"""


def test_a_subject_label_gives_the_title_where_no_heading_does():
    article = f"<div><b>อ่านข่าวประชาสัมพันธ์</b></div>{ROWS.format(label='เรื่อง :', title=TITLE, text=TEXT)}"
    record = extract_one(page(article, title="e-Office :: สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดตรัง"), URL)
    assert (record["title"], record["author"]) == (TITLE, "นางสาวอรุณี ใจงาม")


def test_a_heading_title_is_kept_over_a_subject_row():
    article = f"<h1>{TITLE}</h1>{ROWS.format(label='เรื่อง :', title='ขอเชิญร่วมงานวันแรงงานแห่งชาติ ประจำปี 2566', text=TEXT)}"
    assert extract_one(page(article), URL)["title"] == TITLE


def test_a_modified_dates_label_in_a_block_of_its_own_marks_its_time():
    """Twenty Twenty-Five: "แก้ไขล่าสุด" in a paragraph, the modified-date block after it, the title,
    then the publish date."""
    article = (f'<div><p>แก้ไขล่าสุด</p><div><time datetime="2025-01-10T09:12:40+07:00">10 ม.ค. 2025</time></div></div>'
               f'<h1>{TITLE}</h1><div><div><time datetime="2025-01-08T14:05:33+07:00">8 ม.ค. 2025</time></div></div>'
               f'<div class="k2">{TEXT}</div>')
    assert extract_one(page(article), URL)["published"] == "2025-01-08T14:05:33+07:00"


def test_itemprops_in_no_itemscope_that_disagree_are_nobodys():
    teasers = "".join(f'<div><h3><a href="/news/{i}">ข่าวอื่นลำดับที่ {i} ของสำนักงาน</a></h3>'
                      f'<span itemprop="datePublished">{d} กันยายน 2567</span></div>' for i, d in ((1, 12), (2, 29)))
    article = f'<h1>{TITLE}</h1><div>วันที่เผยแพร่: 5 กันยายน 2567</div><div class="k2">{TEXT}</div><div>{teasers}</div>'
    assert extract_one(page(article), URL)["published"] == "2024-09-05"


def test_one_itemprop_in_no_itemscope_is_still_read():
    article = f'<h1>{TITLE}</h1><div><span itemprop="datePublished">5 กันยายน 2567</span></div><div class="k2">{TEXT}</div>'
    assert extract_one(page(article), URL)["published"] == "2024-09-05"


def test_tags_under_their_heading_and_the_post_navigation_are_not_text():
    after = ('<div><div><h5>แท็ก</h5></div><a href="/news/topic/safety">ความปลอดภัย</a> <a href="/news/topic/training">ฝึกอบรม</a></div>'
             '<div><div><h5>ก่อนหน้า</h5><a href="/news/a">ประชุมคณะอนุกรรมการค่าจ้างจังหวัด</a></div>'
             '<div><h5>ถัดไป</h5><a href="/news/b">ให้ความรู้สิทธิผู้รับงานไปทำที่บ้าน</a></div></div>')
    article = f'<h1>{TITLE}</h1><div>12 มีนาคม 2567</div><div class="k2">{TEXT}{after}</div>'
    body = extract_one(page(article), URL)["body"]
    assert body.endswith("สายด่วน 1546"), body


def test_a_link_to_a_file_under_its_caption_stays_text():
    """"ไฟล์แนบ <a>…</a>" is no post navigation: the text keeps its line."""
    article = (f'<h1>{TITLE}</h1><div>12 มีนาคม 2567</div><div class="k2">{TEXT}'
               '<div><p>ไฟล์แนบ <a href="/images/doc/summary.xlsx">สรุปสาระสำคัญ พ.ร.บ.</a></p></div></div>')
    assert "ไฟล์แนบ สรุปสาระสำคัญ พ.ร.บ." in extract_one(page(article), URL)["body"]


def test_a_bylines_avatar_names_its_account_and_is_no_picture_of_the_text():
    article = (f'<h1>{TITLE}</h1><div><div><img src="/application/files/avatars/7.jpg" alt="sk_pr"></div>'
               f'<div>sk_pr</div><div>March 12, 2024 • 9:30AM</div></div><div class="k2">{TEXT}</div>')
    record = extract_one(page(article), URL)
    assert (record["author"], record["published"], record["images"]) == ("sk_pr", "2024-03-12T09:30:00+07:00", [])


def test_a_heading_linked_to_the_article_the_head_titles_is_the_title():
    """A printer-friendly page (Drupal's print module) links its h2 to the article's own page."""
    article = (f'<div>เผยแพร่บน สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดตรัง (<a href="/">https://trang.labour.go.th</a>)</div>'
               f'<h2><a href="/news/2555/08/item-87">{TITLE}</a></h2><div>ส่งโดย admin เมื่อ 14 สิงหาคม 2555</div>'
               f'<div class="k2">{TEXT}</div>')
    assert extract_one(page(article, title=f"{TITLE} | สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดตรัง"), URL)["title"] == TITLE


def test_a_share_caption_ends_no_text():
    article = f'<h1>{TITLE}</h1><div>12 มีนาคม 2567</div><div class="k2">{TEXT}<div><div>แชร์ข่าวนี้</div><a href="https://www.facebook.com/sharer.php">Facebook</a></div></div>'
    assert extract_one(page(article), URL)["body"].endswith("สายด่วน 1546")


def test_an_amp_picture_is_a_picture_of_the_text():
    """AMP's legacy Reader mode prints <amp-img>, its <img> only in a <noscript> fallback."""
    picture = ('<p><amp-img src="/wp-content/uploads/2021/03/site-1.jpg" width="1024" height="683" layout="intrinsic">'
               '<noscript><img src="/wp-content/uploads/2021/03/site-1.jpg"></noscript></amp-img></p>')
    article = f'<h1>{TITLE}</h1><div>12 มีนาคม 2567</div><div class="k2">{TEXT}{picture}</div>'
    assert extract_one(page(article), URL)["images"] == ["https://trang.labour.go.th/wp-content/uploads/2021/03/site-1.jpg"]


def test_a_print_plugins_footer_ends_no_text():
    """WP-Print's footer under the text: where the article was printed from, its URL, the print
    link and the copyright line."""
    footer = ("<p>Article printed from สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดตรัง: <strong>https://trang.labour.go.th</strong></p>"
              "<p>URL to article: <strong>https://trang.labour.go.th/archives/1088</strong></p>"
              "<p>Click here to print.</p><p>Copyright © 2015 สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดตรัง.</p>")
    article = f'<h1>{TITLE}</h1><div>12 มีนาคม 2567</div><div class="k2">{TEXT}{footer}</div>'
    assert extract_one(page(article), URL)["body"].endswith("สายด่วน 1546")


@pytest.mark.parametrize("title", ["ประวัติสำนักงาน", "ติดต่อเรา", "About us"])
def test_a_page_titled_as_one_of_the_sites_own_is_not_news(title):
    """Joomla's single-article menu item shows an author, a date and hits on "ประวัติสำนักงาน" too."""
    article = (f'<h1>{title}</h1><div>เขียนโดย Super User | 12 มีนาคม 2567 | ฮิต: 1543</div>'
               f'<div class="k2">{TEXT}</div>')
    with pytest.raises(StaticPage):
        extract_one(page(article, title=title), URL)


def test_a_title_that_only_opens_with_a_sites_page_name_is_news():
    title = "ติดต่อราชการช่วงวันหยุดยาว สำนักงานเปิดให้บริการตามปกติ"
    article = f'<h1>{title}</h1><div>เขียนโดย Super User | 12 มีนาคม 2567 | ฮิต: 1543</div><div class="k2">{TEXT}</div>'
    assert extract_one(page(article, title=title), URL)["title"] == title


def test_an_info_list_under_a_files_box_below_the_text_is_read_whole():
    """A DGA-template card below the text: the files' caption and the share caption first, then
    each label over its value (<dt>/<dd>), the views last."""
    card = ('<div><h5>เอกสารแนบ</h5></div><div>แชร์ข่าวนี้ :</div><div><h5>ข้อมูลข่าว</h5><dl>'
            '<dt>วันที่เผยแพร่</dt><dd>๑๘ มีนาคม ๒๕๖๘</dd><dt>แก้ไขล่าสุด</dt><dd>๑๙ มี.ค. ๒๕๖๘ ๐๙:๑๒ น.</dd>'
            '<dt>ผู้เผยแพร่</dt><dd>กลุ่มงานคุ้มครองแรงงาน</dd><dt>หมวดหมู่</dt><dd>ข่าวประกาศ</dd>'
            '<dt>จำนวนผู้เข้าชม</dt><dd>๒๑๔ ครั้ง</dd></dl></div>')
    article = f'<h1>{TITLE}</h1><div class="k2">{TEXT}</div>{card}'
    record = extract_one(page(article), URL)
    assert (record["published"], record["author"], record["hits"]) == ("2025-03-18", "กลุ่มงานคุ้มครองแรงงาน", 214)


def test_the_one_post_of_a_blog_whose_text_holds_it_dates_the_article():
    """An article override copied from the category blog: one BlogPosting item, its info list with
    a microdata time, and the text straight under the item (no articleBody wrapper)."""
    info = ('<dl><dd>เขียนโดย งานประชาสัมพันธ์</dd><dd><time datetime="2024-07-05T09:12:30+07:00" '
            'itemprop="datePublished">เผยแพร่: 05 กรกฎาคม 2567</time></dd><dd>ฮิต: 214</dd></dl>')
    post = (f'<div itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">'
            f'<h2 itemprop="name"><a href="/news/87" itemprop="url">{TITLE}</a></h2>{info}{TEXT}</div>')
    article = f'<div itemscope itemtype="https://schema.org/Blog"><h1>ข่าวกิจกรรม</h1><div class="k3">{post}</div></div>'
    record = extract_one(page(article), URL)
    assert (record["title"], record["published"], record["hits"]) == (TITLE, "2024-07-05T09:12:30+07:00", 214)


def test_a_post_outside_the_text_still_speaks_for_itself():
    post = ('<div itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting"><h4>ข่าวอื่นของสำนักงาน</h4>'
            '<time datetime="2024-03-01T08:00:00+07:00" itemprop="datePublished">1/3/2567</time></div>')
    article = f'<h1>{TITLE}</h1><div>วันที่เผยแพร่: 5 กันยายน 2567</div><div class="k2">{TEXT}</div><div>{post}</div>'
    assert extract_one(page(article), URL)["published"] == "2024-09-05"


def test_a_widgets_caption_after_a_byline_like_the_articles_names_no_category():
    """A recent-posts widget whose first post has the article's own byline, the widget's caption
    right before it: the caption follows that byline only in the widget."""
    byline = "<p>Posted by sk_labour on สิงหาคม 24, 2566</p>"
    widget = (f'<div><h3>ข่าวล่าสุด</h3><div><a href="/blog/a"><h2>ประชุมเครือข่ายแรงงานสัมพันธ์ ครั้งที่ 2/2566</h2></a>'
              f'{byline}</div><div><a href="/blog/b"><h2>ตรวจแรงงานเชิงรุกในกิจการแปรรูปสัตว์น้ำ</h2></a>{byline}</div></div>')
    article = f'<h1>{TITLE}</h1>{byline}<div class="k2">{TEXT}</div>{widget}'
    record = extract_one(page(article), URL)
    assert (record["published"], record["author"], record["category"]) == ("2023-08-24", "sk_labour", None)


def test_a_breadcrumb_ending_in_a_generic_crumb_after_an_icon_home_names_the_category():
    """Metro UI: the home crumb an icon, the last crumb "รายละเอียดข่าว" linked to "#"."""
    trail = ('<nav class="breadcrumbs"><ul><li><a href="index.php"><i class="icon-home"></i></a></li>'
             '<li><a href="news.php?cat=1">ข่าวกิจกรรม</a></li><li class="active"><a href="#">รายละเอียดข่าว</a></li></ul></nav>')
    article = f'{trail}<h1>{TITLE}</h1><div>12 มีนาคม 2567</div><div class="k2">{TEXT}</div>'
    assert extract_one(page(article), URL)["category"] == "ข่าวกิจกรรม"
