"""Blind set 83 (info away from the title): a post among its related posts printed with the same
markup, a views count after a published and an updated date, and the article's info in a
sidebar block captioned as such.
Each page is hand-written after the theme it names; class names are left out where the rule
must hold without them."""

from __future__ import annotations

import pytest

from scraper.extract import extract_one
from scraper.parsers.errors import ExtractionError
from scraper.parsers.fields import hits_from_lines

URL = "https://lamphun.labour.go.th/2025/07/24/longan-drying-child-labour-inspection/"
TITLE = "สสค.ลำพูน ตรวจสถานประกอบการอบลำไย ป้องกันการใช้แรงงานเด็กช่วงฤดูเก็บเกี่ยว"
SITE = "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดลำพูน"
STORY = ["เมื่อวันที่ 23 กรกฎาคม 2568 เจ้าหน้าที่สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดลำพูน ออกตรวจสถานประกอบการอบลำไย "
         "ในเขตอำเภอเมืองลำพูนและอำเภอป่าซาง เพื่อป้องกันการใช้แรงงานเด็กในช่วงฤดูเก็บเกี่ยว",
         "จากการตรวจไม่พบการจ้างเด็กอายุต่ำกว่า 15 ปี แต่พบลูกจ้างเด็กอายุ 16-17 ปี ทำงานในเวลากลางคืน "
         "เจ้าหน้าที่จึงแนะนำให้นายจ้างจัดเวลาทำงานให้ถูกต้องตามพระราชบัญญัติคุ้มครองแรงงาน",
         "ทั้งนี้ หากพบเห็นการใช้แรงงานเด็กที่ไม่เป็นธรรม สามารถแจ้งได้ที่สายด่วน 1546 ตลอด 24 ชั่วโมง"]
PARAS = "".join(f"<p>{p}</p>" for p in STORY)


def shell(body: str, body_class: str = "post-template-default single single-post postid-2841") -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE} - {SITE}</title></head>
<body class="{body_class}"><header><a href="/" rel="home">{SITE}</a>
<nav><ul><li><a href="/">หน้าแรก</a></li><li><a href="/category/news/">ข่าวกิจกรรม</a></li></ul></nav></header>
{body}<footer>{SITE} ถนนเจริญราษฎร์ อำเภอเมือง 51000</footer></body></html>""".encode()


def teaser(n: int, title: str) -> str:
    return f"""<article class="post-{n} post type-post hentry"><header><h2 class="entry-title"><a href="/2025/07/{n}/">{title}</a></h2>
<div>โดย <a href="/author/pr-lamphun/">pr-lamphun</a></div></header>
<div class="entry-content"><p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดลำพูน ร่วมให้บริการ{title}</p></div>
<a href="/2025/07/{n}/">อ่านต่อ</a></article>"""


def test_the_post_among_its_related_posts_printed_as_posts():
    """Meks Typology: the post and its "คุณอาจสนใจ" (you may like) posts are each an
    ``<article class="post hentry">`` with an ``entry-content``; the related ones are headed by
    links to other posts, the post is not: it is the article, not a listing of three."""
    page = shell(f"""<div><article id="post-2841" class="post-2841 post type-post hentry"><header><h1>{TITLE}</h1>
<div>โดย <a href="/author/protection/">ฝ่ายคุ้มครองแรงงาน</a> <span>24 กรกฎาคม 2025</span></div></header>
<div class="entry-content">{PARAS}</div></article></div>
<div><h3>คุณอาจสนใจ</h3>{teaser(2829, "หน่วยบริการเคลื่อนที่อำเภอป่าซาง")}{teaser(2817, "สัปดาห์ความปลอดภัยภาคเหนือ")}</div>""")
    record = extract_one(page, URL)
    assert (record["title"], record["published"], record["author"]) == (TITLE, "2025-07-24", "ฝ่ายคุ้มครองแรงงาน")
    assert record["body"] == "\n\n".join(STORY)


def test_three_posts_each_headed_by_a_link_are_still_a_listing():
    """The rule needs the one post not headed by a link: an archive's entries all are."""
    page = shell(f"""<div><h1>ข่าวกิจกรรม</h1>{teaser(2841, TITLE)}{teaser(2829, "หน่วยบริการเคลื่อนที่อำเภอป่าซาง")}
{teaser(2817, "สัปดาห์ความปลอดภัยภาคเหนือ")}</div>""")
    with pytest.raises(ExtractionError):
        extract_one(page, "https://lamphun.labour.go.th/category/news-activity/page/2/")


def test_a_views_count_after_a_published_and_an_updated_date():
    """Pixwell's info line with its icons gone: "27 มิถุนายน 2025 30 มิถุนายน 2025 เข้าชม 2316
    ครั้ง" (published, then updated): the year of the second date is not a count before "เข้าชม"."""
    line = "Posted by ณัฐวุฒิ พรหมมา 27 มิถุนายน 2025 30 มิถุนายน 2025 เข้าชม 2316 ครั้ง"
    assert hits_from_lines([line]) == "2316"
    assert hits_from_lines(["ณัฐวุฒิ พรหมมา 1,204 เข้าชม"]) == "1,204"


SIDEBAR = """<div><aside role="complementary"><div><h2>{caption}</h2><div><div>
<div><span>วันที่เผยแพร่: </span><span><time datetime="2025-04-03T06:45:00Z">3 เม.ย. 2025 - 13:45</time></span></div>
<div><span>ผู้เขียน: </span><span><a href="/user/12">กนกวรรณ สมบูรณ์</a></span></div>
<div><span>หมวดหมู่: </span><span><a href="/taxonomy/term/4">ข่าวประชาสัมพันธ์</a></span></div>
<div><span>จำนวนผู้อ่าน: </span><span>1,046 ครั้ง</span></div></div></div></div>
<div><h2>ข่าวล่าสุด</h2><ul><li><a href="/node/387">ประชุมคณะอนุกรรมการค่าจ้าง</a> 1 เม.ย. 2025</li></ul></div>
<div><h2>สถิติผู้เข้าชม</h2><p>วันนี้: 211</p><p>ทั้งหมด: 152,904</p></div></aside></div>"""


@pytest.mark.parametrize("caption", ["ข้อมูลข่าว", "Post details"])
def test_the_articles_info_in_a_sidebar_block_captioned_as_such(caption):
    """Drupal 10 on a Barrio sub-theme: the title in a hero band, the node's own info switched off,
    and the info in a Views block "ข้อมูลข่าว" of the second sidebar, far from the node's text."""
    page = shell(f"""<div><section><h1><span>{TITLE}</span></h1></section></div>
<div><div><main><section><div><div><article class="node node--type-article"><div class="node__content">{PARAS}</div></article></div></div></section></main>
{SIDEBAR.format(caption=caption)}</div></div>""", body_class="path-node page-node-388")
    record = extract_one(page, URL)
    assert (record["author"], record["hits"], record["category"]) == ("กนกวรรณ สมบูรณ์", 1046, "ข่าวประชาสัมพันธ์")
    assert record["published"] == "2025-04-03T13:45:00+07:00"


def test_a_sidebar_block_under_another_caption_lends_nothing():
    """Only the caption makes a distant sidebar's rows the article's: the same rows under
    "ข่าวเด่น" (featured news) are another post's."""
    page = shell(f"""<div><section><h1><span>{TITLE}</span></h1></section></div>
<div><div><main><section><div><div><article class="node node--type-article"><div class="node__content">{PARAS}</div></article></div></div></section></main>
{SIDEBAR.format(caption="ข่าวเด่น")}</div></div>""", body_class="path-node page-node-388")
    record = extract_one(page, URL)
    assert (record["author"], record["hits"]) == (None, None)


def test_the_posts_header_beside_its_text_is_not_text():
    """Mediumish: the post's header block (the author's box, then the title heading) stands beside
    the text's block as prose of its own; the site's header above prints the blog's name and its
    motto. The header block is not text, and its heading is the title, not the motto."""
    blog = "บล็อกข่าว สสค.ลำพูน"
    page = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE} | {blog}</title></head>
<body><nav><a href="/blog/">{blog}</a><ul><li><a href="/blog/">หน้าแรก</a></li></ul></nav>
<div><div><h1>{blog}</h1><p>ข่าวสารและกิจกรรมของสำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดลำพูน</p></div>
<div><div><div><div><img src="/blog/assets/images/authors/natwadee.jpg" alt="ณัฐวดี ปัญญาวงศ์"></div>
<div><a href="/blog/about">ณัฐวดี ปัญญาวงศ์</a><a href="https://www.facebook.com/lamphun.labour">Follow</a>
<span>นักวิชาการแรงงานชำนาญการ ผู้รับผิดชอบงานประชาสัมพันธ์ สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดลำพูน</span></div></div>
<h1>{TITLE}</h1></div>
<div>{PARAS}</div>
<p><small><time datetime="2024-06-12">12 Jun 2024</time></small></p></div></div>
<footer>{SITE}</footer></body></html>""".encode()
    record = extract_one(page, URL)
    assert record["title"] == TITLE
    assert record["body"] == "\n\n".join(STORY)
    assert record["published"] == "2024-06-12"


FILES_ROW = '<tr><td>{i}</td><td><a href="{href}">{text}</a></td><td>{size}</td><td>{n}</td></tr>'


@pytest.mark.parametrize("rows", [
    # the Attachments extension for Joomla: a picture's file among the documents
    [("/attachments/article/642/wage-board-announcement.pdf", "ประกาศคณะกรรมการค่าจ้าง"),
     ("/attachments/article/642/minimum-wage-infographic.jpg", "อินโฟกราฟิกค่าจ้างขั้นต่ำ")],
    # WordPress's Download Attachments: a download handler's links, no file named, under file headings
    [("/download-attachment/2254/", "แบบ คร.11 แบบแสดงสภาพการจ้าง"), ("/download-attachment/2255/", "คู่มือการยื่นแบบ")],
], ids=["attachments-with-a-picture", "download-handler"])
def test_a_files_table_is_not_text_with_its_class_names_gone(rows):
    table = ('<h3>Attachments</h3><table><thead><tr><th>#</th><th>File</th><th>File size</th><th>Downloads</th></tr></thead><tbody>'
             + "".join(FILES_ROW.format(i=i, href=h, text=t, size="412 KB", n=12) for i, (h, t) in enumerate(rows, 1))
             + "</tbody></table>")
    page = shell(f"""<div><article><h1>{TITLE}</h1><p>24 กรกฎาคม 2025</p><div>{PARAS}{table}</div></article></div>""",
                 body_class="")
    record = extract_one(page, URL)
    assert record["body"] == "\n\n".join(STORY)
    assert record["images"] == []


def test_a_table_of_links_without_file_headings_stays_text():
    """A table of links to other pages with no file column headings is the text's."""
    table = ("<table><tr><th>หน่วยงาน</th><th>เว็บไซต์</th></tr>"
             '<tr><td>สำนักงานจัดหางานจังหวัดลำพูน</td><td><a href="https://lamphun.doe.go.th/">lamphun.doe.go.th</a></td></tr></table>')
    page = shell(f"""<div><article><h1>{TITLE}</h1><p>24 กรกฎาคม 2025</p><div>{PARAS}{table}</div></article></div>""",
                 body_class="")
    assert extract_one(page, URL)["body"] == "\n\n".join([*STORY, "หน่วยงาน เว็บไซต์", "สำนักงานจัดหางานจังหวัดลำพูน lamphun.doe.go.th"])


def test_a_files_list_under_its_caption_with_download_counts_is_not_text():
    """K2's attachments block, its class names gone: "ดาวน์โหลดไฟล์แนบ" over the files' links, each
    with its download count "(ดาวน์โหลด 41 ครั้ง)"."""
    files = ('<div><h4>ดาวน์โหลดไฟล์แนบ</h4><ul>'
             '<li><a href="/index.php/item/download/12_a1b2">ใบสมัครเข้ารับการอบรม</a> <span>(ดาวน์โหลด 41 ครั้ง)</span></li>'
             '<li><a href="/index.php/item/download/13_c3d4">กำหนดการอบรม</a> <span>(ดาวน์โหลด 37 ครั้ง)</span></li></ul></div>')
    page = shell(f"""<div><article><h1>{TITLE}</h1><p>24 กรกฎาคม 2025</p><div>{PARAS}{files}</div></article></div>""",
                 body_class="")
    record = extract_one(page, URL)
    assert record["body"] == "\n\n".join(STORY)
    assert [a["text"] for a in record["attachments"]] == ["ใบสมัครเข้ารับการอบรม", "กำหนดการอบรม"]


def test_a_publication_info_table_under_its_caption_below_the_text():
    """An ITA vendor's news page, its class names gone: under the text, "ข้อมูลการเผยแพร่" over a
    table of rows: date, publisher, unit ("หน่วยงาน"), category and views."""
    info = ("<table><caption>ข้อมูลการเผยแพร่</caption><tr><th>วันที่เผยแพร่</th><td>๒๔ กรกฎาคม ๒๕๖๘</td></tr>"
            "<tr><th>ผู้เผยแพร่</th><td>นางสาวพิมพ์ชนก ศรีสุข</td></tr><tr><th>หน่วยงาน</th><td>กลุ่มงานคุ้มครองแรงงาน</td></tr>"
            "<tr><th>หมวดหมู่</th><td>ข่าวประชาสัมพันธ์</td></tr><tr><th>จำนวนผู้เข้าชม</th><td>๓๔๕ ครั้ง</td></tr></table>")
    files = '<div><h5>เอกสารแนบ</h5><div><a href="/uploads/news/1187/files/minutes.pdf">รายงานการประชุม</a></div></div>'
    page = shell(f"""<div><div><h1>{TITLE}</h1><div>{PARAS}</div>{info}{files}</div></div>""", body_class="")
    record = extract_one(page, URL)
    assert (record["published"], record["author"], record["hits"]) == ("2025-07-24", "นางสาวพิมพ์ชนก ศรีสุข", 345)
    assert record["body"] == "\n\n".join(STORY)


def test_an_article_over_a_grid_of_other_news_is_the_article():
    """A hand-made Bootstrap 4 news page: the article's own heading (the head names it) and its
    labelled date over a short text, then a grid of 24 "ข่าวอื่นๆ" cards, each headed by a link."""
    cards = "".join(f'<div><div><h5><a href="/news_detail.php?id={n}">ข่าวกิจกรรมของสำนักงาน ลำดับที่ {n} ประจำเดือน</a></h5>'
                    f"<p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดลำพูน จัดกิจกรรมครั้งที่ {n} ร่วมกับภาคีเครือข่าย</p>"
                    f"<small>{n % 28 + 1} มิ.ย. 2568</small></div></div>" for n in range(100, 124))
    page = shell(f"""<div><h1>{TITLE}</h1><p>วันที่เผยแพร่ : 24 ก.ค. 2568 เวลา 10:15 น. | เข้าชม : 96 ครั้ง</p>
<div><p>{STORY[0]}</p></div><h4>ข่าวอื่นๆ</h4><div>{cards}</div></div>""", body_class="")
    record = extract_one(page, URL)
    assert (record["published"], record["hits"], record["body"]) == ("2025-07-24T10:15:00+07:00", 96, STORY[0])
