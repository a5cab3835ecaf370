"""Views shown as a bare number beside the date (``ArticlePage._bare_count``): an icon font's eye
whose class names say nothing (a theme of its own, or renamed) leaves only the number. Each case
beside the one that must stay empty: a comment count, a number that a word follows, a count
below the text after a caption."""

from __future__ import annotations

import pytest

from scraper.extract import extract_one

URL = "https://chainat.labour.go.th/index.php/news/item/45"
STORY = ("สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดชัยนาท ลงพื้นที่ตรวจสถานประกอบกิจการในเขตอำเภอเมือง "
         "เพื่อให้คำแนะนำนายจ้างเรื่องการจ่ายค่าจ้างขั้นต่ำและวันหยุดตามประเพณี พร้อมแจกเอกสารความรู้แก่ลูกจ้าง")
TEXT = f"<p>{STORY}</p><p>ทั้งนี้ นายจ้างที่มีข้อสงสัยสามารถสอบถามได้ที่สำนักงาน ในวันและเวลาราชการ</p>"
TITLE = "ตรวจสถานประกอบกิจการในเขตอำเภอเมือง"


def page(meta: str, after: str = "") -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><div class="x1"><a href="/">หน้าแรก</a> สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดชัยนาท</div>
<div class="x2"><h1>{TITLE}</h1>{meta}<div class="x3">{TEXT}</div>{after}</div>
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
