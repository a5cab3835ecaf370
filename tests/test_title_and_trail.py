"""Where the title, the date and the category stand when the page prints them oddly, each case
beside the one that must not change:

- a paged article's table of contents (Joomla's page-break plugin) repeats the title as a link:
  neither the title nor the text;
- with "Show Title" off, the title is only the text's first paragraph, typed in bold, which the
  page's ``<title>`` gives whole; a first paragraph that the ``<title>`` does not give is text;
- a date box printing the day and the year in elements of their own ("14" "2014");
- a trail that stops at the section, unlinked ("Home → ข่าวประชาสัมพันธ์"), not at the article.
"""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.extract import extract_one
from scraper.parsers.text import paragraphs

URL = "http://phrae.labour.go.th/index.php?option=com_content&view=article&id=187&Itemid=56"
TITLE = "ผลการดำเนินงานด้านการคุ้มครองแรงงาน ไตรมาสที่ 2 ปีงบประมาณ 2556"
STORY = ("สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดแพร่ ขอรายงานผลการดำเนินงานด้านการคุ้มครองแรงงาน "
         "ในรอบไตรมาสที่ 2 ของปีงบประมาณ พ.ศ. 2556 ซึ่งได้นำเสนอต่อที่ประชุมคณะกรมการจังหวัดแพร่")
MORE = "พนักงานตรวจแรงงานได้ออกตรวจสถานประกอบกิจการในพื้นที่ จำนวน 62 แห่ง ลูกจ้างได้รับความคุ้มครอง 2,418 คน"


def page(article: str, title: str = TITLE, crumbs: str = "") -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{title}</title></head>
<body><div class="x1"><a href="/">หน้าแรก</a> สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดแพร่</div>{crumbs}
<div class="x0">{article}</div>
<div class="x4">โทร. 0 5451 1055 © 2556</div></body></html>""".encode()


TOC = f"""<table class="k9"><tr><th>สารบัญบทความ</th></tr>
<tr><td><a href="{URL}">{TITLE}</a></td></tr>
<tr><td><a href="{URL}&amp;limitstart=1">ผลการตรวจแยกตามประเภทกิจการ</a></td></tr>
<tr><td><a href="{URL}&amp;limitstart=2">ผลการตรวจความปลอดภัยในการทำงาน</a></td></tr>
<tr><td><a href="{URL}&amp;showall=1">แสดงทุกหน้า</a></td></tr></table>"""


def test_a_table_of_contents_repeating_the_title_is_neither_title_nor_text():
    article = f"""<h2 class="k1">{TITLE}</h2>
<div class="k2"><span>วันพุธที่ 19 มิถุนายน 2013 เวลา 09:41 น.</span> <span>เขียนโดย งานประชาสัมพันธ์</span></div>
<div class="k3">{TOC}<div>หน้า 1 จาก 3</div><p>{STORY}</p><p>{MORE}</p></div>"""
    record = extract_one(page(article), URL)
    assert (record["title"], record["published"], record["author"]) == (TITLE, "2013-06-19T09:41:00+07:00", "งานประชาสัมพันธ์")
    assert record["body"].startswith(STORY) and "สารบัญบทความ" not in record["body"]


def test_a_table_of_linked_rows_without_a_caption_row_stays_text():
    """Links the officer listed in the text (the laws it cites), no caption cell: still the text."""
    laws = "".join(f'<tr><td><a href="/index.php/law/{i}">พระราชบัญญัติคุ้มครองแรงงาน ฉบับที่ {i}</a></td></tr>' for i in range(1, 4))
    article = f"""<h2>{TITLE}</h2><div>19 มิถุนายน 2556</div>
<div class="k3"><p>{STORY}</p><table>{laws}</table><p>{MORE}</p></div>"""
    assert "พระราชบัญญัติคุ้มครองแรงงาน ฉบับที่ 2" in extract_one(page(article), URL)["body"]


def _joomla15_without_title(first: str) -> str:
    return f"""<table class="k1"><tr><td class="k2"><a href="/pdf"><img src="/pdf_button.png" alt="PDF"></a></td></tr></table>
<table class="k1"><tr><td><span class="k3">เขียนโดย Administrator</span></td></tr>
<tr><td class="k4">วันพฤหัสบดีที่ 14 สิงหาคม 2014 เวลา 10:25 น.</td></tr>
<tr><td><p style="text-align:center"><strong>{first}</strong></p><p>{STORY}</p><p>{MORE}</p></td></tr>
<tr><td class="k5">ปรับปรุงล่าสุด ( วันศุกร์ที่ 15 สิงหาคม 2014 เวลา 08:40 น. )</td></tr></table>
<div class="k6"><h3>ผู้เยี่ยมชม</h3><div>วันนี้ 41</div></div>"""


def test_a_bold_first_paragraph_that_the_head_titles_is_the_title():
    record = extract_one(page(_joomla15_without_title(TITLE)), URL)
    assert (record["title"], record["published"], record["author"]) == (TITLE, "2014-08-14T10:25:00+07:00", "Administrator")
    assert record["body"].startswith(STORY)


def test_a_bold_first_paragraph_the_head_does_not_title_stays_text():
    lead = "ข่าวเด่นประจำสัปดาห์ของสำนักงานจังหวัด"
    record = extract_one(page(_joomla15_without_title(lead)), URL)
    assert record["title"] != lead and record["body"].startswith(lead)


def test_a_year_in_its_own_element_after_the_day_is_read_apart():
    line = lxml_html.fromstring('<div><span>มี.ค.</span> <span>14</span><span>2014</span></div>')
    assert paragraphs(line) == ["มี.ค. 14 2014"]
    count = lxml_html.fromstring('<div>ผู้ชม <span>1</span><span>203</span> คน</div>')
    assert paragraphs(count) == ["ผู้ชม 1203 คน"]  # (not a year: digits split by markup stay one number)


def _trail(last: str) -> str:
    return f"""<ul class="k8"><li><a href="index.php">Home</a></li>
<li class="k7"><span class="fa fa-arrow-right" aria-hidden="true"></span> {last} </li></ul>"""


ARTICLE = f"""<h3>{TITLE}</h3><ul><li>05-02-2568</li><li>เข้าชม 312</li></ul><div class="k3"><p>{STORY}</p><p>{MORE}</p></div>"""


def test_a_trail_stopping_at_its_section_names_the_category():
    assert extract_one(page(ARTICLE, crumbs=_trail("ข่าวประชาสัมพันธ์")), URL)["category"] == "ข่าวประชาสัมพันธ์"


def test_a_trail_ending_with_the_article_or_a_generic_crumb_names_no_category():
    for last in (TITLE, "รายละเอียดข่าว", "]"):
        assert extract_one(page(ARTICLE, crumbs=_trail(last)), URL)["category"] is None, last
