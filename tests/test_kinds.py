"""Pages of a portal that are not news (scraper/pages/kinds.py), each check beside the article
it must not refuse: the same shape with what makes it news (a date, a story, an author)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_one
from scraper.pages import kinds
from scraper.pages.rules import page_for, parse_listed_article
from scraper.parsers.errors import ExtractionError, StaticPage

URL = "https://chainat.labour.go.th/index.php/page"
STORY = ("สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดชัยนาท ลงพื้นที่ตรวจสถานประกอบกิจการในเขตอำเภอเมือง "
         "เพื่อให้คำแนะนำนายจ้างเรื่องการจ่ายค่าจ้างขั้นต่ำและวันหยุดตามประเพณี พร้อมแจกเอกสารความรู้แก่ลูกจ้าง")
TEXT = f"<p>{STORY}</p><p>ทั้งนี้ นายจ้างที่มีข้อสงสัยสามารถสอบถามได้ที่สำนักงาน ในวันและเวลาราชการ</p>"


def page(main: str, *, head_title: str = "สสค.ชัยนาท", aside: str = "") -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{head_title}</title></head>
<body><div id="top"><img src="/logo.png" alt="logo"> สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดชัยนาท</div>
<nav><ul><li><a href="/">หน้าแรก</a></li><li><a href="/news">ข่าว</a></li><li><a href="/about">เกี่ยวกับเรา</a></li></ul></nav>
<div id="main">{main}</div>
<div id="side">{aside}</div>
<div id="bottom">สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดชัยนาท ถนนพรหมประเสริฐ อำเภอเมือง 17000 โทร. 0 5641 1712 © 2567</div>
</body></html>""".encode()


def refused(html: bytes) -> str:
    with pytest.raises(StaticPage) as err:
        extract_one(html, URL)
    return str(err.value)


def test_sign_in_form_in_the_main_block_is_refused_a_login_module_beside_an_article_is_not():
    form = ('<form action="/login" method="post"><label>ชื่อผู้ใช้</label><input type="text" name="u">'
            '<label>รหัสผ่าน</label><input type="password" name="p"><button>เข้าสู่ระบบ</button></form>')
    sign_in = page(f"<h1>ระบบยื่นคำร้องออนไลน์ (e-Service)</h1>{TEXT}{form}")
    assert "sign-in" in refused(sign_in)
    article = page(f"<h1>ตรวจสถานประกอบกิจการในเขตอำเภอเมือง</h1><p>วันที่ 5 มิ.ย. 2567 | ฮิต: 58</p>{TEXT}",
                   aside=f"<aside><h3>สมาชิก</h3>{form}</aside>")
    assert extract_one(article, URL)["title"] == "ตรวจสถานประกอบกิจการในเขตอำเภอเมือง"


def test_a_person_named_as_the_heading_is_a_directory_page():
    directory = page(f"<h1>นายวีระพงษ์ ศรีสมบูรณ์</h1><p>สวัสดิการและคุ้มครองแรงงานจังหวัดชัยนาท</p>{TEXT}"
                     "<p>เข้าชม 2318 ครั้ง</p>")
    assert "person" in refused(directory)
    # a story about a person is news: the heading says more than a name
    story = page(f"<h1>นายวีระพงษ์ ศรีสมบูรณ์ มอบเกียรติบัตรสถานประกอบกิจการดีเด่น</h1><p>เข้าชม 2318 ครั้ง</p>{TEXT}")
    assert extract_one(story, URL)["hits"] == 2318


def test_a_page_with_no_date_author_or_hits_is_a_static_page_unless_its_title_names_a_notice():
    about = page(f"<h1>ประวัติความเป็นมาของสำนักงาน</h1>{TEXT}<p>แก้ไขล่าสุด: 3 ม.ค. 2566</p>")
    assert "static page" in refused(about)
    notice = page(f"<h1>ประกาศสำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดชัยนาท เรื่อง รับสมัครพนักงานราชการ</h1>"
                  f"{TEXT}")
    assert extract_one(notice, URL)["published"] is None
    dated = page(f"<h1>ประวัติความเป็นมาของสำนักงาน</h1><p>เผยแพร่เมื่อ: 3 ม.ค. 2566</p>{TEXT}")
    assert extract_one(dated, URL)["published"] == "2023-01-03"


def test_a_text_that_opens_with_the_day_of_what_it_reports_is_news_though_no_info_is_shown():
    report = page(f"<h1>ลงพื้นที่ส่งเสริมการจัดสวัสดิการในสถานประกอบกิจการ</h1>"
                  f"<p>เมื่อวันพฤหัสบดีที่ 14 มีนาคม 2562 {STORY}</p>{TEXT}")
    record = extract_one(report, URL)
    assert record["published"] is None  # the day of the event, in the text: not the publication date
    history = page(f"<h1>ประวัติความเป็นมาของสำนักงาน</h1><p>สำนักงานก่อตั้งขึ้นเมื่อ พ.ศ. 2536 {STORY}</p>{TEXT}")
    assert "static page" in refused(history)


def test_a_date_the_figures_hold_for_is_not_a_publication_date():
    org = page(f"<h1>โครงสร้างองค์กรและอัตรากำลัง</h1><p>ข้อมูล ณ วันที่ 1 ตุลาคม 2567</p>{TEXT}")
    assert "static page" in refused(org)


def test_pictures_each_with_a_caption_are_an_album_a_story_with_pictures_is_news():
    pictures = "".join(f'<div><img src="/g/{i}.jpg"><p>ภาพกิจกรรมที่ {i} ณ ศาลากลางจังหวัด</p></div>' for i in range(8))
    album = page(f"<h1>ภาพกิจกรรมวันแรงงานแห่งชาติ 2567</h1><p>เผยแพร่เมื่อ 2 พ.ค. 2567</p><div>{pictures}</div>")
    assert "album" in refused(album)
    story = page(f"<h1>ภาพกิจกรรมวันแรงงานแห่งชาติ 2567</h1><p>เผยแพร่เมื่อ 2 พ.ค. 2567</p>"
                 f"<div>{TEXT}{''.join(f'<img src=/g/{i}.jpg>' for i in range(8))}</div>")
    assert len(extract_one(story, URL)["images"]) == 8


def test_structured_data_that_names_a_web_page_and_no_article_is_a_page_of_the_site():
    def ld(kind: str) -> str:
        return ('<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
                f'{{"@type":"{kind}","datePublished":"2024-05-01T09:00:00+07:00"}},{{"@type":"WebSite"}}]}}</script>')
    jobs = page(f"<h1>ตำแหน่งงานว่าง ประจำเดือนพฤษภาคม</h1>{TEXT}").replace(b"</head>", ld("WebPage").encode() + b"</head>")
    assert "WebPage" in refused(jobs)
    post = page(f"<h1>ตำแหน่งงานว่าง ประจำเดือนพฤษภาคม</h1>{TEXT}").replace(b"</head>", ld("Article").encode() + b"</head>")
    assert extract_one(post, URL)["published"] == "2024-05-01T09:00:00+07:00"
    # a listing linked it as news: the portal's own word outweighs its SEO plugin's
    assert parse_listed_article(jobs, URL)["title"] == "ตำแหน่งงานว่าง ประจำเดือนพฤษภาคม"


def test_a_web_page_that_opengraph_calls_a_published_article_is_news():
    """The SEO Framework gives a post a WebPage in its JSON-LD, and OpenGraph's article type with
    its published time: the post is news even with no author or counter shown."""
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
          '{"@type":"WebPage","datePublished":"2024-12-24T07:05:12+00:00"},{"@type":"WebSite"}]}</script>')
    og = ('<meta property="og:type" content="article">'
          '<meta property="article:published_time" content="2024-12-24T07:05:12+00:00">')
    html = page(f"<h1>ประกาศอัตราค่าจ้างขั้นต่ำจังหวัดชัยนาท</h1>{TEXT}")
    assert "WebPage" in refused(html.replace(b"</head>", ld.encode() + b"</head>"))
    post = html.replace(b"</head>", (ld + og).encode() + b"</head>")
    assert extract_one(post, URL)["published"] == "2024-12-24T14:05:12+07:00"


def test_an_ita_disclosure_item_is_not_news():
    """An OIT item of the integrity assessment: its indicator and the disclosure form's data owner
    named, with a date and a counter like a post's. A post about the office's ITA report is news."""
    fields = ("<table><tr><th>ข้อมูล</th><td>รายงานผลการจัดซื้อจัดจ้างประจำปี</td></tr>"
              "<tr><th>ผู้รับผิดชอบข้อมูล</th><td>ฝ่ายบริหารงานทั่วไป</td></tr>"
              "<tr><th>ผู้อนุมัติให้เผยแพร่</th><td>นายสมพงษ์ เรืองศรี</td></tr></table>")
    item = page(f"<p>ITA 2568 » ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล</p><h1>O15 รายงานผลการจัดซื้อจัดจ้างประจำปี</h1>"
                f"<p>เผยแพร่เมื่อ 8 ตุลาคม 2567 | เข้าชม 87 ครั้ง</p>{TEXT}{fields}")
    assert "ITA" in refused(item)
    news = page("<h1>O12 รายงานผลการดำเนินงานประจำปี</h1><p>เผยแพร่เมื่อ 8 ตุลาคม 2567 | เข้าชม 87 ครั้ง</p>"
                f"{TEXT}<p>ผู้รับผิดชอบข้อมูล ฝ่ายบริหารงานทั่วไป</p>")
    assert extract_one(news, URL)["hits"] == 87


@pytest.mark.parametrize("query", ["option=com_search&searchword=ค่าจ้าง", "s=ค่าจ้าง", "option=com_finder&view=search&q=x"])
def test_a_site_searchs_results_are_not_an_article(query):
    from scraper.parsers.errors import NotAnArticle
    html = page(f"<h1>ค้นหา</h1><p>เผยแพร่เมื่อ 8 ตุลาคม 2567</p>{TEXT}")
    with pytest.raises(NotAnArticle, match="search results"):
        extract_one(html, f"https://chainat.labour.go.th/index.php?{query}")
    assert extract_one(html, "https://chainat.labour.go.th/index.php?option=com_content&id=5")["title"] == "ค้นหา"


def test_linked_thumbnails_beside_a_short_description_are_an_album():
    thumbs = "".join(f'<a href="/gallery/photo/{i}"><img src="/g/t{i}.jpg" alt=""></a>' for i in range(10))
    album = page(f"<h1>ภาพกิจกรรมสัปดาห์ความปลอดภัยในการทำงาน 2567</h1>"
                 f"<p>ภาพบรรยากาศการจัดงานสัปดาห์ความปลอดภัยในการทำงานแห่งชาติ ครั้งที่ 38 ณ ศาลากลางจังหวัดชัยนาท</p>"
                 f"<p>เข้าชม 58 ครั้ง</p><div>{thumbs}</div>")
    assert "thumbnails" in refused(album)
    # the same pictures inside a story's text are its gallery
    story = page(f"<h1>ภาพกิจกรรมสัปดาห์ความปลอดภัยในการทำงาน 2567</h1><p>เผยแพร่เมื่อ 2 ก.ค. 2567</p>"
                 f"<div>{TEXT}{thumbs}</div>")
    assert len(extract_one(story, URL)["images"]) == 10


def test_cards_of_a_heading_over_its_date_are_a_list():
    cards = "".join(f'<div><img src="/i/{i}.jpg"><h4>สิทธิของลูกจ้างตามกฎหมาย ตอนที่ {i}</h4><p>{i + 1} มีนาคม 2567</p></div>'
                    for i in range(4))
    grid = page(f"<h1>อินโฟกราฟิกความรู้ด้านแรงงาน</h1><div>{cards}</div>")
    assert "dated entries" in refused(grid)


def test_dated_links_to_documents_are_a_list_of_notices_not_an_article():
    """The check alone, on the fields a page gave (a page this bare has no text block at all, and
    is refused before it: see the next test)."""
    items = "".join(f'<li><a href="/files/p-{i}.pdf">ประกาศ สสค.ชัยนาท เรื่อง จ้างเหมาบริการทำความสะอาด ครั้งที่ {i}</a> '
                    f'({i + 1} ก.ย. 67)</li>' for i in range(5))
    notices = page_for(page(f"<h1>ประกาศจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2568</h1><ul>{items}</ul>"), URL)
    intro = {"title": "ประกาศจัดซื้อจัดจ้าง", "dates": [], "author": None, "hits": None,
             "paragraphs": ["ประกาศเชิญชวนของสำนักงาน เรียงตามวันที่ประกาศ"]}
    assert "5 dated links" in kinds.dated_file_links(notices, intro)
    # the page's own date, an author, or a text of its own make the list a part of an article
    assert kinds.dated_file_links(notices, {**intro, "dates": [{"kind": "published", "source": "label"}]}) is None
    assert kinds.dated_file_links(notices, {**intro, "author": "admin"}) is None
    assert kinds.dated_file_links(notices, {**intro, "paragraphs": [STORY, STORY]}) is None
    # an article dated by its own label, with a "latest news" list of dated links below it
    article = page(f"<h1>ตรวจสถานประกอบกิจการในเขตอำเภอเมือง</h1><p>วันที่ลงข่าว : 5 มิ.ย. 2567</p>{TEXT}"
                   f"<ul>{items}</ul>")
    assert extract_one(article, URL)["published"] == "2024-06-05"


def test_the_site_footer_is_never_the_text():
    """A page whose only text block is the site's footer (address, telephone, ©) has no article."""
    with pytest.raises(Exception, match="no article"):
        extract_one(page("<h2>วิดีโอกิจกรรม</h2><iframe src='https://www.youtube.com/embed/x'></iframe>"), URL)


# --- from the sixtieth to sixty-second blind sets ----------------------------------------------------

def test_a_files_page_with_a_download_form_is_refused_a_post_linking_its_file_is_not():
    """Phoca Download's file view: the file's details (its size among them) and a form whose
    button downloads it; a news post with an attachment links the file."""
    details = ('<h3>แบบ คร.7 คำร้องต่อพนักงานตรวจแรงงาน</h3><div><div>ขนาดไฟล์:</div><div>186.52 kB</div>'
               '<div>ผู้เขียน:</div><div>กลุ่มงานคุ้มครองแรงงาน</div><div>วันที่:</div><div>10 มกราคม 2024</div></div>')
    form = '<form action="/download/file/27" method="post"><input type="submit" value="ดาวน์โหลด"><input type="hidden" name="download" value="27"></form>'
    assert "download page" in refused(page(f"{details}<div>{TEXT}</div>{form}"))
    post = (f"<h1>ตรวจสถานประกอบกิจการในเขตอำเภอเมือง</h1><p>วันที่ 10 ม.ค. 2567 | ขนาดไฟล์แนบ: 186 kB</p>{TEXT}"
            '<p><a href="/files/kr7.pdf">ดาวน์โหลดแบบ คร.7</a></p>')
    assert extract_one(page(post), URL)["attachments"]


def test_an_album_of_pictures_each_with_its_views_under_a_description():
    """Coppermine's thumbnails page: the album's description, then each picture's views and caption."""
    thumbs = "".join(f'<td><a href="displayimage.php?pid={i}"><img src="/albums/{i}.jpg" alt=""></a>'
                     f"<br>ดู {30 + i} ครั้ง<br>ภาพกิจกรรมที่ {i}</td>" for i in range(1, 9))
    description = f"<p>{STORY} ณ ศูนย์ราชการจังหวัดชัยนาท โดยมีผู้ว่าราชการจังหวัดเป็นประธานในพิธีเปิด</p>"
    html = page(f"<h2>งานวันแรงงานแห่งชาติ 2567</h2><p>เผยแพร่เมื่อ 2 พ.ค. 2567</p>{description}<table><tr>{thumbs}</tr></table>")
    assert "photo album" in refused(html)


def test_a_story_with_captioned_photos_is_news():
    photos = "".join(f'<p><img src="/images/{i}.jpg" alt=""><br>ภาพกิจกรรมที่ {i}</p>' for i in range(1, 9))
    html = page(f"<h1>งานวันแรงงานแห่งชาติ 2567</h1><p>เผยแพร่เมื่อ 2 พ.ค. 2567</p>{TEXT}{photos}")
    assert extract_one(html, URL)["title"] == "งานวันแรงงานแห่งชาติ 2567"


@pytest.mark.parametrize("url", ["https://sakaeo.labour.go.th/webboard/showthread.php?tid=87",
                                 "https://sakaeo.labour.go.th/forum/viewtopic.php?t=12",
                                 "https://sakaeo.labour.go.th/board/index.php?topic=87.0"])
def test_a_webboards_thread_is_not_an_article(url):
    from scraper.parsers.errors import NotAnArticle

    html = page(f"<h1>สอบถามเรื่องค่าชดเชยกรณีเลิกจ้าง</h1><p>โพสต์เมื่อ 12 มี.ค. 2567</p>{TEXT}")
    with pytest.raises(NotAnArticle, match="webboard"):
        extract_one(html, url)


@pytest.mark.parametrize("query", ["option=com_content&view=section&id=1&Itemid=11", "option=com_content&task=blogcategory&id=3",
                                   "option=com_k2&view=itemlist&layout=category&task=category&id=2"])
def test_joomlas_and_k2s_list_views_are_not_articles(query):
    from scraper.parsers.errors import NotAnArticle

    html = page(f"<h1>ข่าวประชาสัมพันธ์</h1><p>เผยแพร่เมื่อ 12 มี.ค. 2567</p>{TEXT}")
    with pytest.raises(NotAnArticle, match="list view"):
        extract_one(html, f"https://chainat.labour.go.th/index.php?{query}")
    assert extract_one(html, "https://chainat.labour.go.th/index.php?option=com_content&view=article&id=5&catid=3")


def test_a_page_of_dated_rows_under_plain_column_headings_is_a_listing():
    """A hand-made archive page: "ลำดับ | หัวข้อข่าว | วันที่ | อ่าน" in bold cells over ten rows,
    and a welcome line read as the page's text."""
    from scraper.parsers.errors import NotAnArticle

    rows = "".join(f'<tr><td>{i}</td><td><a href="news_detail.php?id={400 + i}">ข่าวกิจกรรมของสำนักงาน เรื่องที่ {i} ประจำเดือน</a></td>'
                   f"<td>{i:02d}/04/56</td><td>{90 + i}</td></tr>" for i in range(1, 11))
    table = f"<table><tr><td><b>ลำดับ</b></td><td><b>หัวข้อข่าว</b></td><td><b>วันที่</b></td><td><b>อ่าน</b></td></tr>{rows}</table>"
    welcome = "<p>ยินดีต้อนรับสู่เว็บไซต์สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดชัยนาท " * 3 + "</p>"
    with pytest.raises(NotAnArticle, match="listing"):
        extract_one(page(f"{welcome}{table}"), "https://chainat.labour.go.th/news_all.php?page=3")


@pytest.mark.parametrize(("url", "refused_as_static"), [
    ("https://lopburi.labour.go.th/news/songkran-safety-campaign-2567", False),  # a post's slug under /news/
    ("https://lopburi.labour.go.th/news_detail.php?id=412", False),  # a news script's page
    ("https://lopburi.labour.go.th/news/activities", True),  # a section's name is no post's address
    ("https://lopburi.labour.go.th/about/history-2567", True),
])
def test_a_post_whose_info_is_off_is_news_when_its_address_files_it_under_news(url, refused_as_static):
    """Plone's News Item with no byline: no date, author or hits shown, the page's address alone
    files it under the site's news."""
    html = page(f"<h1>สสค.ลพบุรี จัดกิจกรรมรณรงค์ลดอุบัติเหตุจากการทำงาน ช่วงเทศกาลสงกรานต์</h1>{TEXT}")
    if refused_as_static:
        with pytest.raises(StaticPage):
            extract_one(html, url)
    else:
        assert extract_one(html, url)["published"] is None


@pytest.mark.parametrize(("title", "media"), [("IMG_4821", True), ("DSC01234", True), ("โปสเตอร์วันแรงงาน.jpg", True),
                                              ("ตรวจสถานประกอบกิจการในเขตอำเภอเมือง", False)])
def test_a_pictures_own_page_is_titled_by_its_file_name(title, media):
    """WordPress's attachment page of a photo: the file's name as the title, the picture and its
    caption, the upload date."""
    html = page(f'<h1>{title}</h1><p>เผยแพร่เมื่อ 20 พ.ย. 2567</p><p><img src="/uploads/IMG_4821.jpg" alt=""></p>{TEXT}')
    if media:
        assert "picture's page" in refused(html)
    else:
        assert extract_one(html, URL)["title"] == title


@pytest.mark.parametrize(("url", "reference"), [
    ("https://phetchabun.labour.go.th/ufaqs/sick-leave-days/", True),  # Ultimate FAQs' entry
    ("https://ubonratchathani.labour.go.th/law/hazardous-work-young-workers-2566", True),  # a law library's node
    ("https://area3.labour.go.th/calendar/holiday.php?year=2568", True),
    ("https://lamphun.labour.go.th/video/stop-child-labour-clip-2567/", True),  # All-in-One Video Gallery's clip
    ("https://area5.labour.go.th/holiday-calendar/", True),  # a page of Simple Calendar's holidays
    ("https://phetchabun.labour.go.th/2567/06/sick-leave-seminar/", False),
])
def test_a_page_of_the_sites_faq_law_library_calendar_or_videos_is_not_news(url, reference):
    html = page(f"<h1>ลูกจ้างลาป่วยได้กี่วันต่อปี และได้รับค่าจ้างหรือไม่</h1><p>เผยแพร่เมื่อ 12 มี.ค. 2567</p>{TEXT}")
    if reference:
        with pytest.raises(StaticPage, match="section"):
            extract_one(html, url)
    else:
        assert extract_one(html, url)["published"] == "2024-03-12"



def _job_entries(excerpt: str) -> str:
    """Three entries of a job board (Simple Job Board's list view, class names left out), each
    title nested deep in its entry, beside its excerpt, type, place and posting date."""
    return "".join(
        f'<div><div><header><div><a href="/jobs/{slug}/"><img src="/logo-100.png" alt="logo"></a></div>'
        f'<div><div><h4><a href="/jobs/{slug}/">{name}</a></h4></div><div><p>{excerpt}</p></div></div>'
        f'<div><div><div>เต็มเวลา</div></div><div><div>อำเภอเมืองชัยนาท</div></div>'
        f'<div><div>ประกาศเมื่อ {day} กุมภาพันธ์ 2025</div></div></div></header></div></div>'
        for slug, name, day in (("labour-academic", "นักวิชาการแรงงาน (พนักงานราชการทั่วไป)", 10),
                                ("driver", "พนักงานขับรถยนต์ (จ้างเหมาบริการ)", 5),
                                ("data-entry", "พนักงานบันทึกข้อมูล ศูนย์บริการร่วมกระทรวงแรงงาน", 3)))


def test_a_page_of_teasers_each_read_whole_with_its_excerpt_and_date_is_a_listing():
    """A static page whose text is an intro and a job board: each teaser is its whole entry (the
    largest block holding its title alone), so the board outweighs the intro."""
    excerpt = ("รับสมัครผู้สำเร็จการศึกษาระดับปริญญาตรีทุกสาขาวิชา จำนวน 1 อัตรา ค่าตอบแทนเดือนละ 18,000 บาท "
               "ปิดรับสมัคร 28 กุมภาพันธ์ 2568")
    board = page('<article class="page type-page hentry"><header class="entry-header"><h1 class="entry-title">'
                 'ตำแหน่งงานว่าง</h1></header><div class="entry-content"><p>สำนักงานประกาศรับสมัครบุคคลเพื่อปฏิบัติงาน'
                 'ในตำแหน่งต่าง ๆ ผู้สนใจคลิกที่ชื่อตำแหน่งเพื่อดูรายละเอียดและยื่นใบสมัครออนไลน์ได้</p>'
                 f'{_job_entries(excerpt)}</div></article>')
    with pytest.raises(ExtractionError, match="teasers"):
        extract_one(board, URL)
    # the same entries under a story of its own, inside its text: an article that ends with teasers
    story = page('<article class="post type-post hentry"><header class="entry-header"><h1 class="entry-title">'
                 'ตรวจสถานประกอบกิจการในเขตอำเภอเมือง</h1><p>เผยแพร่ 12 ก.พ. 2568</p></header>'
                 f'<div class="entry-content">{TEXT}{TEXT}{_job_entries("รับสมัคร 1 อัตรา")}</div></article>')
    assert extract_one(story, URL)["title"] == "ตรวจสถานประกอบกิจการในเขตอำเภอเมือง"


def test_a_notices_record_in_a_table_of_labelled_fields_is_not_news():
    """An e-GP notice's detail page: its text is the "เรื่อง" field's value, one of a table of
    labelled fields (method, project number, budget, winner, date, views); the notice is its PDF."""
    fields = (("เรื่อง", "ประกาศผู้ชนะการเสนอราคา จ้างเหมาบริการทำความสะอาดอาคารสำนักงาน ประจำปีงบประมาณ พ.ศ. 2568 โดยวิธีเฉพาะเจาะจง"),
              ("วิธีการจัดหา", "เฉพาะเจาะจง"), ("เลขที่โครงการ (e-GP)", "67099412876"), ("วงเงินงบประมาณ", "216,000.00 บาท"),
              ("ผู้ได้รับการคัดเลือก", "ห้างหุ้นส่วนจำกัด ชัยนาทคลีนนิ่ง"), ("วันที่ประกาศ", "20 ก.ย. 2567"),
              ("ผู้เข้าชม", "57 ครั้ง"))
    rows = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in fields)
    notice = page(f'<h5>รายละเอียดประกาศ</h5><table>{rows}</table><h6>เอกสารประกาศ</h6>'
                  '<a href="/uploads/procurement/win-2568.pdf">ดาวน์โหลดเอกสาร</a>')
    assert "labelled fields" in refused(notice)
    # a story with its details in such a table under it is news
    story = page(f'<h1>ตรวจสถานประกอบกิจการในเขตอำเภอเมือง</h1><p>เผยแพร่ 20 ก.ย. 2567</p>{TEXT}<table>{rows}</table>')
    assert extract_one(story, URL)["title"] == "ตรวจสถานประกอบกิจการในเขตอำเภอเมือง"


def test_a_webboards_thread_by_its_module_name_is_not_an_article():
    """Atomymaxsite's webboard ("index.php?name=webboard&file=read&id=58"); its news module is
    "name=news", and a vendor's news board may sit under a "/webboard/" path."""
    thread = page(f"<h1>ลูกจ้างถูกเลิกจ้างไม่ได้รับค่าชดเชย ทำอย่างไรได้บ้าง</h1><p>โพสต์เมื่อ 3 มี.ค. 2567</p>{TEXT}")
    with pytest.raises(ExtractionError, match="webboard"):
        extract_one(thread, "https://kalasin.labour.go.th/index.php?name=webboard&file=read&id=58")
    news = extract_one(thread, "https://kalasin.labour.go.th/index.php?name=news&file=readnews&id=58")
    assert news["published"] == "2024-03-03"
    assert extract_one(thread, "https://kalasin.labour.go.th/webboard/view_topic.php?board=news&id=482")["published"] == "2024-03-03"



@pytest.mark.parametrize(("url", "title", "refusal"), [
    ("https://saraburi.labour.go.th/tag/minimum-wage/", "ประชาสัมพันธ์ประกาศอัตราค่าจ้างขั้นต่ำ", "archive"),  # a tag's only post, whole
    ("https://khonkaen.labour.go.th/author/somsak/", "ประชาสัมพันธ์ประกาศอัตราค่าจ้างขั้นต่ำ", "archive"),
    ("https://nakhonphanom.labour.go.th/blog/5", "บล็อกของ npm_editor", "blog"),  # Drupal's blog module
    ("https://chumphon.labour.go.th/gallery/infographic/heat-stroke-2567.jpg.html", "ประชาสัมพันธ์ประกาศอัตราค่าจ้างขั้นต่ำ",
     "picture"),  # Zenphoto's image page
    ("https://trang.labour.go.th/user.php?op=userinfo&uname=labour_trg", "ข่าว 10 ลำดับล่าสุดที่ส่งโดย labour_trg",
     "profile"),  # PostNuke's member page
    ("https://chaiyaphum.labour.go.th/user/3", "chaiyaphum", "profile"),  # Drupal's
    ("https://saraburi.labour.go.th/2567/12/minimum-wage-2568/", "ประชาสัมพันธ์ประกาศอัตราค่าจ้างขั้นต่ำ", None),
], ids=["tag-archive", "author-archive", "drupal-blog", "zenphoto-picture", "postnuke-member", "drupal-member", "the-post"])
def test_an_archive_an_authors_blog_or_a_pictures_page_showing_one_post_whole(url, title, refusal):
    """An archive or a member's blog holding one post shows it whole, like the post's own page; a
    member's profile lists the member's posts; the address (or Drupal's "บล็อกของ <name>" title)
    tells them apart."""
    html = page(f"<h1>{title}</h1><p>เผยแพร่เมื่อ 12 ธ.ค. 2567</p>{TEXT}")
    if refusal:
        with pytest.raises(ExtractionError, match=refusal):
            extract_one(html, url)
    else:
        assert extract_one(html, url)["published"] == "2024-12-12"


def test_a_download_managers_item_page_is_not_news():
    """Simple Download Monitor's item page: the file's thumbnail, its size, its counter, a
    published date and the handler's button ("?sdm_process_download=1&download_id=2207"). A post
    that links a PDF has no such handler."""
    story = "".join(f"<p>{p}</p>" for p in (
        "พระราชบัญญัติคุ้มครองแรงงาน พ.ศ. 2541 ฉบับรวมแก้ไขเพิ่มเติมถึงฉบับที่ 8 พ.ศ. 2562 สำหรับนายจ้าง ลูกจ้าง และผู้สนใจทั่วไป",
        "เอกสารนี้รวบรวมบทบัญญัติที่แก้ไขเพิ่มเติมทั้งหมด เพื่อความสะดวกในการศึกษาและอ้างอิงของผู้ใช้แรงงาน"))
    def page(button: str) -> bytes:
        return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>พระราชบัญญัติคุ้มครองแรงงาน - สสค.สกลนคร</title></head>
<body><article><h1>พระราชบัญญัติคุ้มครองแรงงาน</h1><div><p>เผยแพร่: 12 กุมภาพันธ์ 2024</p>{story}
<div><span>ขนาด: </span><span>2.4 MB</span></div><div>จำนวนดาวน์โหลด: 1362</div>{button}</div></article></body></html>""".encode()
    url = "https://sakonnakhon.labour.go.th/sdm_downloads/labour-protection-act/"
    with pytest.raises(ExtractionError, match="download"):
        extract_one(page('<a href="https://sakonnakhon.labour.go.th/?sdm_process_download=1&amp;download_id=2207">ดาวน์โหลดเลย!</a>'), url)
    record = extract_one(page('<a href="/wp-content/uploads/2024/02/lpa-2541.pdf">ดาวน์โหลดเลย!</a>'), url)
    assert record["attachments"][0]["url"].endswith("lpa-2541.pdf")
