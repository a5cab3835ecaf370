"""Info lines whose icons say nothing (their class names replaced, as ``rename_classes_and_ids``
does), each beside the case that must not change:

- a bare count beside the date is the views once the article's own names (its category's and
  author's links) are taken out of the line, on either side of the date;
- a file's download count ("ดาวน์โหลด 27 ครั้ง") is never the views;
- an unlabelled name beside the date is the author without the count or items after it; a
  unit's own number ("พื้นที่ 4") stays in its name;
- a byline's link joined to the category's by "ใน" / "in" is the author alone.
"""

from __future__ import annotations

import pytest

from scraper.extract import extract_one

URL = "https://kalasin.labour.go.th/news.php?id=745"
TITLE = "สสค.กาฬสินธุ์ จัดสัมมนาชี้แจงสิทธิและหน้าที่กรณีเลิกจ้างและค่าชดเชยตามกฎหมายคุ้มครองแรงงาน"
TEXT = ("<p>สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดกาฬสินธุ์ จัดสัมมนาชี้แจงสิทธิและหน้าที่ของนายจ้างและลูกจ้าง "
        "กรณีเลิกจ้างและการจ่ายค่าชดเชยตามพระราชบัญญัติคุ้มครองแรงงาน ให้แก่สถานประกอบกิจการในพื้นที่</p>"
        "<p>ทั้งนี้ นายจ้างที่มีข้อสงสัยสามารถสอบถามได้ที่สำนักงาน ในวันและเวลาราชการ หรือสายด่วน 1546</p>")
ICON = '<i class="t9"></i> '  # an icon whose class name says nothing
CATEGORY = '<a href="/news.php?cat=3">ข่าวกิจกรรม</a>'


def record(info: str, after_text: str = "") -> dict:
    html = f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><div class="t1"><a href="/">หน้าแรก</a> สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดกาฬสินธุ์</div>
<div class="t0"><h1>{TITLE}</h1><div class="t3">{info}</div><div class="t2">{TEXT}</div>{after_text}</div>
<div class="t4">โทร. 0 4381 1234 © 2562</div></body></html>"""
    return extract_one(html.encode(), URL)


@pytest.mark.parametrize(("info", "hits"), [
    # the category's link after the count
    (f"{ICON}24 ม.ค. 2566 {ICON}1,024 {ICON}{CATEGORY}", 1024),
    # the byline's and the category's links, then the count, then the date and its update
    (f'{ICON}<a href="/author/admin3">ฝ่ายบริหารงานทั่วไป</a> {ICON}{CATEGORY} {ICON}1,024 '
     f"{ICON}8 สิงหาคม 2024 {ICON}9 สิงหาคม 2024 {ICON}0", 1024),
    (f"{ICON}24 ม.ค. 2566 {ICON}{CATEGORY}", None),  # no count
    (f"{ICON}24 ม.ค. 2566 {ICON}ข่าวที่ 1,024 {ICON}{CATEGORY}", None),  # a words' number, not a count
])
def test_a_bare_count_beside_the_articles_names_is_the_views(info, hits):
    assert record(info)["hits"] == hits


@pytest.mark.parametrize(("info", "after_text", "hits"), [
    (f"{ICON}24 ม.ค. 2566", '<div><a href="/files/a.pdf">กำหนดการ</a> <span>(ดาวน์โหลด 27 ครั้ง)</span></div>', None),
    (f"{ICON}24 ม.ค. 2566", '<div><a href="/files/a.pdf">กำหนดการ</a> <span>(ดาวน์โหลด 27 ครั้ง)</span></div>'
                           '<div>อ่าน <b>318</b> ครั้ง</div>', 318),
    (f"{ICON}24 ม.ค. 2566 {ICON}27 ครั้ง", "", 27),
])
def test_a_files_downloads_are_not_the_views(info, after_text, hits):
    assert record(info, after_text)["hits"] == hits


@pytest.mark.parametrize(("info", "author"), [
    (f"{ICON}05 พ.ย. 2567 {ICON}Admin {ICON}1,043", "Admin"),
    (f"11 มี.ค. 2567 | {ICON}กลุ่มงานคุ้มครองแรงงาน | {ICON}156 ครั้ง | {ICON}{CATEGORY}", "กลุ่มงานคุ้มครองแรงงาน"),
    (f"{ICON}05 พ.ย. 2567 {ICON}ฝ่ายประชาสัมพันธ์ พื้นที่ 4", "ฝ่ายประชาสัมพันธ์ พื้นที่ 4"),  # the unit's number
])
def test_an_unlabelled_name_beside_the_date_ends_before_the_count(info, author):
    assert record(info)["author"] == author


@pytest.mark.parametrize("joiner", ["ใน", "in"])
def test_a_bylines_link_joined_to_the_categorys_is_the_author(joiner):
    info = (f'เผยแพร่ 12 กรกฎาคม 2024 โดย <a href="/author/lpg-pr/" rel="author">งานประชาสัมพันธ์ สสค.ลำปาง</a> '
            f'{joiner} <a href="/category/activities/" rel="category tag">ข่าวกิจกรรม</a>')
    got = record(info)
    assert (got["author"], got["category"]) == ("งานประชาสัมพันธ์ สสค.ลำปาง", "ข่าวกิจกรรม")
