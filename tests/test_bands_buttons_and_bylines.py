"""Blind sets 68-71: a title in the site's header band, the page's buttons beside a title cell,
a byline ending in a weekday's letters, word-count items, a count after the author's name, names
linked to the author's page, the edges of a flat post (tags, sharing, pager) and an archive's
timeline.
Each page is hand-written after the theme it names; class names are left out where the rule
must hold without them."""

from __future__ import annotations

import pytest

from scraper.extract import extract_one
from scraper.parsers.errors import ExtractionError

URL = "https://songkhla.labour.go.th/index.php/news/128-inspect.html"
STORY = ("<p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดสงขลา ออกตรวจสถานประกอบกิจการแปรรูปสัตว์น้ำและห้องเย็น "
         "ในเขตอำเภอสิงหนคร เพื่อให้คำแนะนำนายจ้างเรื่องการจ่ายค่าจ้างขั้นต่ำและวันหยุดตามประเพณี</p>"
         "<p>จากการตรวจพบว่า สถานประกอบกิจการส่วนใหญ่ปฏิบัติถูกต้องตามพระราชบัญญัติคุ้มครองแรงงาน "
         "และได้แจกเอกสารความรู้ให้แก่ลูกจ้างที่มาร่วมรับฟังกว่า 120 คน</p>")
TITLE = "สสค.สงขลา ออกตรวจสถานประกอบกิจการแปรรูปสัตว์น้ำและห้องเย็น อำเภอสิงหนคร"
SITE = "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดสงขลา"


def shell(body: str, *, head_title: str = TITLE, head: str = "") -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{head_title}</title>{head}</head>
<body>{body}
<div><h3>ข่าวล่าสุด</h3><ul><li><a href="/index.php/news/127-wage.html">ประชุมคณะอนุกรรมการค่าจ้าง</a> 5 มี.ค. 2552</li></ul></div>
<footer>{SITE} ถนนราชดำเนิน อำเภอเมือง 90000 โทร. 0 7431 3523</footer></body></html>""".encode()


def test_a_title_in_the_sites_header_band_that_the_head_names_as_the_page_part():
    """ThemeGrill Esteem: the headline is printed in the header's page-title bar, under the site's
    name and menu, and the <title> is "page - site"; the site's name beside it tells the parts."""
    page = shell(f"""<header id="masthead" role="banner"><div><h3><a href="/" rel="home">{SITE}</a></h3></div>
<nav><ul><li><a href="/">หน้าแรก</a></li><li><a href="/news">ข่าว</a></li></ul></nav>
<section><div><h1>{TITLE}</h1></div></section></header>
<div id="main"><article class="post type-post hentry"><div class="entry-content">{STORY}
<p>Post Views: 418</p></div>
<div><span><a href="/author/songkhla">songkhla</a></span> <span><a href="/archives/128" title="16:35">18 พฤศจิกายน 2016</a></span></div>
</article></div>""", head_title=f"{TITLE} - {SITE}")
    record = extract_one(page, URL)
    assert record["title"] == TITLE and record["published"] == "2016-11-18"
    # the site's name in the header is never the title: "site - page" with the site's heading
    reversed_head = shell(f"""<header><h1>{SITE}</h1><nav><a href="/">หน้าแรก</a></nav></header>
<div id="main"><article class="post hentry"><h2>{TITLE}</h2><p>18 พฤศจิกายน 2016</p><div class="entry-content">{STORY}</div></article></div>""",
                          head_title=f"{SITE} - {TITLE}")
    assert extract_one(reversed_head, URL)["title"] == TITLE


def test_a_title_cell_beside_the_pages_pdf_print_and_mail_buttons():
    """Joomla 1.5's title row, its class names gone: the PDF button's link (".pdf") beside the
    print and e-mail buttons does not make the row a table of files, and the cell the <title>
    names whole is the title, not the section's name under it."""
    page = shell(f"""<div><table><tr><td width="100%">{TITLE}</td>
<td align="right"><a href="/index.php/news/128-inspect.pdf" title="PDF"><img src="/images/M_images/pdf_button.png" alt="PDF"></a></td>
<td align="right"><a href="/index.php/news/128-inspect.html?tmpl=component&amp;print=1" title="พิมพ์"><img src="/images/M_images/printButton.png" alt="พิมพ์"></a></td>
<td align="right"><a href="/index.php/component/mailto/?tmpl=component&amp;link=aHR0" title="อีเมล"><img src="/images/M_images/emailButton.png" alt="อีเมล"></a></td></tr></table>
<table><tr><td><span>ข่าวประชาสัมพันธ์</span></td></tr>
<tr><td><span>เขียนโดย งานประชาสัมพันธ์</span></td></tr>
<tr><td>วันพฤหัสบดีที่ 12 มีนาคม 2552 เวลา 14:20 น.</td></tr>
<tr><td>{STORY}</td></tr></table>
<div style="text-align: right">เปิดอ่าน 347 ครั้ง</div></div>""")
    record = extract_one(page, URL)
    assert (record["title"], record["hits"], record["author"]) == (TITLE, 347, "งานประชาสัมพันธ์")


def test_a_bylines_weekday_letters_with_no_dot_are_not_the_name():
    """Drupal's Thai short weekdays carry no dot: "admin_krabi เมื่อ ศ, 05/13/2011 - 09:42"."""
    for weekday in ("ศ", "พฤ"):
        page = shell(f"""<div id="main"><h1>{TITLE}</h1>
<div>ส่งโดย <a href="/user/3">admin_krabi</a> เมื่อ {weekday}, 05/13/2011 - 09:42</div>
<div>{STORY}</div><div>เปิดอ่าน 87 ครั้ง</div></div>""", head_title=f"{TITLE} | {SITE}")
        record = extract_one(page, URL)
        assert (record["author"], record["published"]) == ("admin_krabi", "2011-05-13T09:42:00+07:00")


def test_word_count_and_reading_time_items_end_the_category():
    """NexT (Hexo): "📁 In ข่าวกิจกรรม" then hexo-word-counter's items on the same line."""
    page = shell(f"""<div id="main"><article><header><h1>{TITLE}</h1>
<div><span><i class="far fa-calendar"></i> Posted on <time datetime="2024-07-05T14:20:00+07:00">2024-07-05</time></span>
<span><i class="far fa-folder"></i> In <a href="/news/categories/activities/">ข่าวกิจกรรม</a></span>
<span title="Symbols count in article"><i class="far fa-file-word"></i> Symbols count in article: 1.3k</span>
<span title="Reading time"><i class="far fa-clock"></i> Reading time ≈ 1 mins.</span></div></header>
<div>{STORY}</div></article></div>""", head_title=f"{TITLE} | {SITE}")
    assert extract_one(page, URL)["category"] == "ข่าวกิจกรรม"


def test_a_count_after_the_authors_name_under_the_headline_its_icons_gone():
    """W3.CSS news page, class names gone: the date above the headline, "👤 ผู้ดูแลระบบ 👁 ๒๓๔"
    under it. The headline the <title> names is the title, and the count is the views."""
    page = shell(f"""<div id="main"><div><div><span>ข่าวกิจกรรม</span> วันจันทร์ที่ ๒๕ พ.ย. ๖๗ | ๐๙.๓๐ น.</div>
<h1>{TITLE}</h1>
<div><i class="c1"></i> ผู้ดูแลระบบ &nbsp; <i class="c2"></i> ๒๓๔</div><hr>
<div>{STORY}</div></div></div>""", head_title=f"{TITLE} - {SITE}")
    record = extract_one(page, URL)
    assert (record["title"], record["author"], record["hits"]) == (TITLE, "ผู้ดูแลระบบ", 234)


def test_a_name_linked_to_the_authors_page_glued_to_the_items_after_it():
    """Inspiro: "by <a>ptl-admin</a><span>in <a>ข่าวกิจกรรม</a></span><span>on …" with no space
    between the items; its category block opens with the connective "in"."""
    page = shell(f"""<div id="main"><article class="post type-post hentry"><header><h1 class="entry-title">{TITLE}</h1>
<div><span>by <a href="/author/ptl-admin/">ptl-admin</a></span><span class="cat-links">in <a href="/category/activities/" rel="category tag">ข่าวกิจกรรม</a></span><span>on <time datetime="2024-02-15T11:20:31+07:00">15/02/2024</time></span></div></header>
<div class="entry-content">{STORY}</div></article></div>""", head_title=f"{TITLE} – {SITE}")
    record = extract_one(page, URL)
    assert (record["author"], record["category"]) == ("ptl-admin", "ข่าวกิจกรรม")


def test_a_name_after_the_date_linked_to_its_users_page():
    """Drupal 5's Garland: "14 ส.ค. 2008 - 10:15 — <a href="/user/3">chaiyaphum</a>"; a name that
    reads as no name, but its link leads to the user's page."""
    page = shell(f"""<div id="main"><h2>{TITLE}</h2>
<div><span>14 ส.ค. 2008 - 10:15 — <a href="/user/3">chaiyaphum</a></span></div>
<div>{STORY}</div><div><a href="/node/45">อ่าน 245 ครั้ง</a></div></div>""", head_title=f"{TITLE} | {SITE}")
    record = extract_one(page, URL)
    assert (record["author"], record["hits"]) == ("chaiyaphum", 245)


def test_a_flat_posts_tags_sharing_and_arrow_pager_are_not_its_text():
    """Mezzanine's blog post: the paragraphs sit in the column beside the byline ("Posted by: <a>…</a>
    2 สัปดาห์, 3 วัน ago", Django's timesince half translated), then "<li>Tags:</li>" and a list
    of tags, "Share on Twitter", and a pager of the posts before and after, each by its arrow."""
    page = shell(f"""<div id="main"><div><h1>{TITLE}</h1>
<h6>Posted by: <a href="/blog/author/somying/">สมหญิง ใจงาม</a> 2 สัปดาห์, 3 วัน ago</h6>
{STORY}
<ul><li>Tags:</li><li><a href="/blog/tag/safety/">ความปลอดภัย</a>, </li><li><a href="/blog/tag/construction/">ก่อสร้าง</a></li></ul>
<a href="https://twitter.com/intent/tweet?url=x">Share on Twitter</a> <a href="https://www.facebook.com/sharer/sharer.php?u=x">Share on Facebook</a>
<ul><li><a href="/blog/minimum-wage-400-hearing/">&larr; รับฟังความคิดเห็นการปรับอัตราค่าจ้างขั้นต่ำ 400 บาท</a></li>
<li><a href="/blog/world-day-against-child-labour-2567/">กิจกรรมวันต่อต้านการใช้แรงงานเด็กสากล ปี 2567 &rarr;</a></li></ul>
</div></div>""", head_title=f"{TITLE} | {SITE}")
    record = extract_one(page, URL)
    assert record["author"] == "สมหญิง ใจงาม"
    assert record["body"].endswith("กว่า 120 คน")


def test_an_archives_timeline_of_linked_titles_is_a_listing():
    """NexT's archive page: an <article> per post, each its date ("07-19") and its title as a link,
    no heading in them."""
    posts = "".join(f"""<article itemscope itemtype="http://schema.org/Article"><header><div>
<time itemprop="dateCreated" datetime="2024-07-{d:02d}T11:00:00+07:00">07-{d:02d}</time></div>
<div><a href="/news/2024/07/{d:02d}/{slug}/" itemprop="url"><span itemprop="name">{name}</span></a></div></header></article>"""
                    for d, slug, name in ((19, "heat", "รณรงค์ป้องกันโรคจากความร้อนในการทำงานกลางแจ้ง"),
                                          (12, "fishing", "ตรวจแรงงานในงานประมงทะเล อำเภอคลองใหญ่"),
                                          (5, "safety", "สสค.ตราด จัดกิจกรรมสัปดาห์ความปลอดภัยในการทำงาน ระดับจังหวัด"),
                                          (1, "wage", "ประชุมคณะอนุกรรมการค่าจ้างจังหวัดตราด ครั้งที่ 2/2567")))
    page = shell(f"""<div id="main"><div class="post-block"><div class="post-content"><div><span>OK! 86 posts in total. Keep on posting.</span></div>
<div><span>2024</span></div>{posts}</div></div></div>""", head_title=f"Archives | {SITE}")
    with pytest.raises(ExtractionError, match="entries"):
        extract_one(page, "https://trat.labour.go.th/news/archives/")


def test_a_views_label_alone_over_its_value():
    """SEBLOD's fields: each label in a block of its own over its value; "เข้าชม" (the synonym of
    its "จำนวนผู้เข้าชม") alone on its line labels the count under it."""
    fields = "".join(f"<div><div><label>{label}</label></div><div>{value}</div></div>"
                     for label, value in (("วันที่เผยแพร่", "12 ก.พ. 2568"), ("ผู้เขียน", "งานประชาสัมพันธ์"), ("เข้าชม", "184")))
    page = shell(f"""<div id="main"><h2>{TITLE}</h2><div>{fields}</div><div>{STORY}</div></div>""", head_title=f"{TITLE} - {SITE}")
    record = extract_one(page, URL)
    assert (record["hits"], record["author"], record["published"]) == (184, "งานประชาสัมพันธ์", "2025-02-12")


def test_a_files_card_whose_sizes_are_badges_is_not_text():
    """A Bootstrap card after the text, read with it (its class names the news' files):
    "เอกสารแนบ", then each file's link with its size in a badge beside it, no brackets ("412 KB")."""
    page = shell(f"""<div id="main"><h1>{TITLE}</h1><div>เผยแพร่ 12 ก.พ. 2568</div>
<div class="news-content">{STORY}</div>
<div class="card news-files"><div class="card-header">เอกสารแนบ</div><ul><li><a href="/media/news/1532/wage-12.pdf">ประกาศคณะกรรมการค่าจ้าง (ฉบับที่ 12)</a>
<span>412 KB</span></li></ul></div></div>""", head_title=f"{TITLE} | {SITE}")
    record = extract_one(page, URL)
    assert record["body"].endswith("กว่า 120 คน")
    assert [a["text"] for a in record["attachments"]] == ["ประกาศคณะกรรมการค่าจ้าง (ฉบับที่ 12)"]


def test_a_thai_posted_in_label_and_sharing_words_under_the_text():
    """Pagelayer's post: "โพสต์ใน <a>ข่าวประชาสัมพันธ์</a>" (Thai for "Posted in"), and its share
    buttons' words under the text ("แชร์", "LINE", "ทวีต")."""
    page = shell(f"""<div id="main"><h1>{TITLE}</h1>
<div><span>โพสต์ใน <a href="/category/pr/">ข่าวประชาสัมพันธ์</a></span> <span>05/09/2024</span></div>
<div>{STORY}<p>แชร์</p><p><a href="https://social-plugins.line.me/lineit/share?url=x">LINE</a></p>
<p><a href="https://twitter.com/intent/tweet?url=x">ทวีต</a></p></div></div>""", head_title=f"{TITLE} – {SITE}")
    record = extract_one(page, URL)
    assert record["category"] == "ข่าวประชาสัมพันธ์" and record["body"].endswith("กว่า 120 คน")


def test_the_heading_the_head_names_over_a_long_first_sentence():
    """Visual Composer's rows, class names gone: the author and date above the title, the
    title in a heading, and the text's first paragraph (a long sentence) in a row of its own
    right under them. The heading the <title> names is the title, not the sentence."""
    first = ("วันที่ 12 มิถุนายน 2567 สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดสงขลา ร่วมกับสำนักงานแรงงานจังหวัดสงขลา "
             "และองค์การบริหารส่วนจังหวัดสงขลา จัดกิจกรรมรณรงค์เนื่องในวันต่อต้านการใช้แรงงานเด็กโลก ประจำปี 2567 "
             "ณ ลานหน้าศาลากลางจังหวัด โดยมีรองผู้ว่าราชการจังหวัดเป็นประธานในพิธีเปิด")
    page = shell(f"""<div id="main"><div><div><span>งานประชาสัมพันธ์</span></div><div><span>12/06/2024</span></div></div>
<div><div><h2>{TITLE}</h2></div></div>
<div><div><p>{first}</p></div></div>
<div><div>{STORY}</div></div></div>""", head_title=f"{TITLE} - {SITE}")
    assert extract_one(page, URL)["title"] == TITLE


def test_a_cover_bands_post_name_over_its_subtitle_and_a_section_line_under_the_text():
    """Odoo's blog post: the name and the subtitle are <div>s in the cover band, the name the one
    og:title gives; "ใน <a>ข่าวประชาสัมพันธ์</a>" on a line of its own under the text."""
    subtitle = "ประชาสัมพันธ์อัตราค่าจ้างขั้นต่ำใหม่ให้นายจ้างและลูกจ้างในตลาดและย่านการค้าของอำเภอเมือง"
    page = shell(f"""<div id="main"><div><div><div>{TITLE}</div><div>{subtitle}</div></div>
<div><span><img src="/web/image/avatar" alt="งานประชาสัมพันธ์"></span><span>งานประชาสัมพันธ์</span> <span>ม.ค. 18, 2024</span></div></div>
<div><div><section><div>{STORY}</div></section></div><div><div>ใน <a href="/blog/1"><b>ข่าวประชาสัมพันธ์</b></a></div></div></div>
<div><h4>ข่าวล่าสุด</h4><ul><li><a href="/blog/1/post-2">ตรวจแรงงานในสถานประกอบกิจการ</a></li></ul></div></div>""",
                 head_title=f"{TITLE} | {SITE}", head=f'<meta property="og:title" content="{TITLE}">'
                 '<meta property="article:published_time" content="2024-01-18T10:15:42+07:00">')
    record = extract_one(page, URL)
    assert (record["title"], record["category"]) == (TITLE, "ข่าวประชาสัมพันธ์")


def test_a_trail_parted_by_double_arrows():
    """A hand-made page's trail "หน้าแรก >> ข่าวประชาสัมพันธ์", the article's own crumb left off."""
    page = shell(f"""<table><tr><td><a href="index.php">หน้าแรก</a> &gt;&gt; <a href="news.php?type=1">ข่าวประชาสัมพันธ์</a></td></tr>
<tr><td><b>{TITLE}</b></td></tr><tr><td>ลงวันที่ 5 ก.พ. 52 | โดย งานประชาสัมพันธ์ | เปิดอ่าน 215 ครั้ง</td></tr>
<tr><td>{STORY}</td></tr></table>""", head_title=f"{SITE} :: ข่าวประชาสัมพันธ์")
    assert extract_one(page, URL)["category"] == "ข่าวประชาสัมพันธ์"


def test_an_info_aside_whose_labels_are_tooltips_its_icons_gone():
    """Turquoise (Joomla 3): an <aside> in the <article> of <dd>s, each labelled by its tooltip
    ("Hits", "Author"), their icons' class names gone; each tooltip opens its own item's line."""
    items = "".join(f'<dd data-original-title="{tip}"><i class="c{i}"></i> {value}</dd>'
                    for i, (tip, value) in enumerate((("Published Date", '<time datetime="2023-11-21"></time> 21 พฤศจิกายน 2023'),
                                                      ("Hits", "647"), ("Category", '<a href="/index.php/news">ข่าวประชาสัมพันธ์</a>'),
                                                      ("Author", "กลุ่มงานคุ้มครองแรงงาน"))))
    page = shell(f"""<div id="main"><section><article><header><h2>{TITLE}</h2></header>
<aside><dl>{items}</dl></aside><div>{STORY}</div></article></section></div>""", head_title=f"{TITLE} - {SITE}")
    record = extract_one(page, URL)
    assert (record["published"], record["hits"], record["author"]) == ("2023-11-21", 647, "กลุ่มงานคุ้มครองแรงงาน")


def test_names_glued_to_the_date_and_to_the_sections_link():
    """Period: "12 มี.ค. 2024By pyo_admin"; Donovan, icons gone: "3 กรกฎาคม 2024ฝ่ายบริหารงานทั่วไป
    <a>ข่าวประชาสัมพันธ์</a>", the spaces between the items the theme's CSS."""
    period = shell(f"""<div id="main"><article><h1>{TITLE}</h1><div><span>12 มี.ค. 2024</span><span>By <a href="/u/pyo_admin">pyo_admin</a></span></div>
<div>{STORY}</div></article></div>""", head_title=f"{TITLE} - {SITE}")
    assert extract_one(period, URL)["author"] == "pyo_admin"
    donovan = shell(f"""<div id="main"><article><h1>{TITLE}</h1><div><span>3 กรกฎาคม 2024</span><span>ฝ่ายบริหารงานทั่วไป</span><span><a href="/category/pr/">ข่าวประชาสัมพันธ์</a></span></div>
<div>{STORY}</div></article></div>""", head_title=f"{TITLE} - {SITE}")
    assert extract_one(donovan, URL)["author"] == "ฝ่ายบริหารงานทั่วไป"


def test_a_name_after_the_updated_date_on_the_date_line():
    """Lightning G3, class names gone: "7 สิงหาคม 2567 อัปเดตล่าสุด : 9 สิงหาคม 2567 ว่าที่ ร.ต.ธนากร
    บุญมา" (the avatar's name last); a line that opens with the updated date names no author."""
    page = shell(f"""<div id="main"><article><h1>{TITLE}</h1>
<div><span>7 สิงหาคม 2567</span> <span>อัปเดตล่าสุด : 9 สิงหาคม 2567</span>
<span><img src="/wp-content/uploads/avatar.png" width="24" alt=""> ว่าที่ ร.ต.ธนากร บุญมา</span></div>
<div>{STORY}</div></article></div>""", head_title=f"{TITLE} | {SITE}")
    record = extract_one(page, URL)
    assert (record["author"], record["published"]) == ("ว่าที่ ร.ต.ธนากร บุญมา", "2024-08-07")
