"""Forms met in the fifty-fourth and fifty-fifth blind sets (known gaps until the next session),
each beside the case that must not change:

- a post shown inside a page (GetSimple's News Manager in the "news" page): the page's own date
  after the post's block ("Published on <time>", the page's last save) is not the post's, when
  the post's block dates it;
- Heroicons 2 (the outline set Tailwind sites paste as inline ``<svg>``) name their label, so a
  card of icon-only info in the column beside the article is the article's info.
"""

from __future__ import annotations

import pytest

from scraper.extract import extract_one

URL = "https://satun.labour.go.th/news/post/domestic-workers-meeting"
TITLE = "สสค.สตูล จัดประชุมชี้แจงสิทธิและหน้าที่ของนายจ้างและลูกจ้างทำงานบ้าน"
TEXT = ("<p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดสตูล จัดประชุมชี้แจงสิทธิและหน้าที่ตามกฎหมายคุ้มครองแรงงาน"
        "ให้แก่นายจ้างและลูกจ้างทำงานบ้าน จำนวน 60 คน ณ ห้องประชุมศาลากลางจังหวัดสตูล</p>"
        "<p>ทั้งนี้ ผู้สนใจสามารถสอบถามรายละเอียดเพิ่มเติมได้ที่สำนักงาน ในวันและเวลาราชการ</p>")


def html(main: str, *, side: str = "") -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>ข่าวประชาสัมพันธ์</title></head>
<body><div class="t1"><a href="/">หน้าแรก</a></div><div class="t2"><article class="t3">{main}</article>{side}</div>
<div class="t9">โทร. 0 7472 3567 © 2567</div></body></html>""".encode()


def post(date_line: str) -> str:
    return f'<div class="t4"><h3>{TITLE}</h3><p>{date_line}</p><div class="t5">{TEXT}</div></div>'


@pytest.mark.parametrize("page_date", ['<p>Published on <time datetime="2021-03-02">March 2nd, 2021</time></p>',
                                       "<p>Published on <span>March 2nd, 2021</span></p>"])
def test_the_page_date_after_the_post_is_not_the_posts(page_date):
    main = f"<section><h1>ข่าวประชาสัมพันธ์</h1>{post('เผยแพร่เมื่อ 18 กันยายน 2024')}<div class='t6'>{page_date}</div></section>"
    assert extract_one(html(main), URL)["published"] == "2024-09-18"


def test_a_date_after_the_post_is_taken_when_the_post_has_none():
    main = f"<section><h1>ข่าวประชาสัมพันธ์</h1>{post('')}<div class='t6'><p>เผยแพร่เมื่อ 2 มีนาคม 2564</p></div></section>"
    assert extract_one(html(main), URL)["published"] == "2021-03-02"


def test_a_time_after_the_text_in_the_posts_own_block_is_the_posts():
    main = (f'<div class="t4"><h3>{TITLE}</h3><div class="t5">{TEXT}</div>'
            f'<p>Posted on <time datetime="2024-09-18">18 กันยายน 2567</time></p></div>')
    assert extract_one(html(main), URL)["published"] == "2024-09-18"


def _svg(path: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" fill="none" viewBox="0 0 24 24" stroke-width="1.5" '
            f'stroke="currentColor" class="h-4 w-4"><path stroke-linecap="round" stroke-linejoin="round" d="{path}"/></svg>')


CALENDAR = ("M6.75 3v2.25M17.25 3v2.25M3 18.75V7.5a2.25 2.25 0 0 1 2.25-2.25h13.5A2.25 2.25 0 0 1 21 7.5v11.25m-18 0"
            "A2.25 2.25 0 0 0 5.25 21h13.5A2.25 2.25 0 0 0 21 18.75m-18 0v-7.5")
USER = "M15.75 6a3.75 3.75 0 1 1-7.5 0 3.75 3.75 0 0 1 7.5 0ZM4.501 20.118a7.5 7.5 0 0 1 14.998 0"
FOLDER = "M2.25 12.75V12A2.25 2.25 0 0 1 4.5 9.75h15A2.25 2.25 0 0 1 21.75 12v.75m-8.69-6.44-2.12-2.12"
EYE = "M2.036 12.322a1.012 1.012 0 0 1 0-.639C3.423 7.51 7.36 4.5 12 4.5c4.638 0 8.573 3.007 9.963 7.178"


def test_an_icon_only_info_card_beside_the_article():
    card = (f'<aside class="t7"><div><h2>ข้อมูลข่าว</h2><ul>'
            f'<li><span>{_svg(CALENDAR)} 3 ก.พ. 68</span></li><li><span>{_svg(USER)} กลุ่มงานคุ้มครองแรงงาน</span></li>'
            f'<li><span>{_svg(FOLDER)} ข่าวกิจกรรม</span></li><li><span>{_svg(EYE)} 1,245</span></li></ul></div></aside>')
    got = extract_one(html(f"<h1>{TITLE}</h1><div class='t5'>{TEXT}</div>", side=card), URL)
    assert (got["published"], got["author"], got["hits"]) == ("2025-02-03", "กลุ่มงานคุ้มครองแรงงาน", 1245)


def test_a_card_of_related_posts_beside_the_article_is_not_its_info():
    card = (f'<aside class="t7"><div><h2>ข่าวที่เกี่ยวข้อง</h2><ul>'
            f'<li><a href="/news/479">ประชุมคณะทำงานแก้ไขปัญหาแรงงานประมง</a> {_svg(CALENDAR)} 28 ม.ค. 68</li>'
            f'<li><a href="/news/471">อบรมนายจ้างเรือประมง</a> {_svg(CALENDAR)} 15 ม.ค. 68</li></ul></div></aside>')
    got = extract_one(html(f"<h1>{TITLE}</h1><p>เผยแพร่เมื่อ 3 ก.พ. 68</p><div class='t5'>{TEXT}</div>", side=card), URL)
    assert got["published"] == "2025-02-03"
