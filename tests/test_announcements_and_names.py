"""Blind sets 80-83 and the renamed gaps read this session: an announcement's dating line, and
words that read as a name but are not one.
Each page is hand-written after the theme it names; class names are left out where the rule
must hold without them."""

from __future__ import annotations

import pytest

from scraper.extract import extract_one
from scraper.parsers.fields import is_person_name

URL = "https://phrae.labour.go.th/index.php/announce/412-recruit.html"
TITLE = "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการทั่วไป"
SITE = "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดแพร่"
STORY = ["ด้วยสำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดแพร่ ประสงค์จะรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการทั่วไป "
         "ตำแหน่งเจ้าพนักงานธุรการ จำนวน 1 อัตรา",
         "ผู้ประสงค์จะสมัครให้ยื่นใบสมัครด้วยตนเองที่สำนักงาน ตั้งแต่วันที่ 8 – 19 พฤศจิกายน 2553 ในวันและเวลาราชการ"]


def shell(body: str) -> bytes:
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{TITLE} - {SITE}</title></head>
<body><div><h3>{SITE}</h3><ul><li><a href="/">หน้าแรก</a></li><li><a href="/index.php/announce">ประกาศ</a></li></ul></div>
{body}
<div><h3>ข่าวล่าสุด</h3><ul><li><a href="/index.php/news/411-wage.html">ประชุมคณะอนุกรรมการค่าจ้าง</a> 2 พ.ย. 2553</li></ul></div>
<div>{SITE} ถนนไชยบูรณ์ อำเภอเมือง 54000</div></body></html>""".encode()


def test_an_announcements_dating_line_opening_its_text_is_text_and_its_date():
    """Joomla 3's print view of an announcement pasted from Word, its class names gone: the text
    opens with "ประกาศ ณ วันที่ 5 พฤศจิกายน 2553" ("announced on"), the only date the page shows.
    It is the record's date and stays the text's first line; "ประกาศ ณ" is no author's name."""
    dating = "ประกาศ ณ วันที่ 5 พฤศจิกายน 2553"
    page = shell(f"""<div><div><h2 itemprop="headline">{TITLE}</h2></div>
<dl><dt>รายละเอียด</dt><dd>หมวด: <a href="/index.php/announce">ประกาศ</a></dd><dd>ฮิต: 1587</dd></dl>
<div itemprop="articleBody"><p style="text-align: right;"><font size="2"><i>{dating}</i></font></p>
<p>{STORY[0]}</p><p>{STORY[1]}</p></div></div>""")
    record = extract_one(page, URL)
    assert (record["published"], record["author"], record["hits"]) == ("2010-11-05", None, 1587)
    assert record["body"] == "\n\n".join([dating, *STORY])


def test_a_line_opening_with_other_words_before_its_date_is_still_the_info():
    """The rule is the announcement's formula only: a byline-like line over the text is info."""
    page = shell(f"""<div><h2>{TITLE}</h2>
<div><p>เผยแพร่ วันที่ 5 พฤศจิกายน 2553</p><p>{STORY[0]}</p><p>{STORY[1]}</p></div></div>""")
    record = extract_one(page, URL)
    assert record["published"] == "2010-11-05"
    assert record["body"] == "\n\n".join(STORY)


def test_a_given_name_before_a_preposition_is_not_a_persons_name():
    """"ประกาศ" is a given name in pythainlp's corpus too; "ณ" opens a surname ("ณ อยุธยา"),
    never ends one."""
    assert not is_person_name("ประกาศ ณ")
    assert is_person_name("สมชาย ณ อยุธยา")
    assert is_person_name("ศิริพร แก้วมณี")


def test_a_category_badge_opening_an_info_line_of_labelled_items():
    """An Angular page rendered on the server: the category's badge, then the labelled date (its
    era "ค.ศ."), author and views as inline items of one line, their icons Bootstrap's; the badge
    does not make the line a sentence of the text."""
    page = shell(f"""<div><article><h1>{TITLE}</h1><div><span>ประกาศ</span><span><i class="bi bi-calendar3"></i> เผยแพร่เมื่อ
วันพฤหัสบดีที่ 8 กุมภาพันธ์ ค.ศ. 2024</span><span><i class="bi bi-person"></i> โดย กลุ่มงานคุ้มครองแรงงาน</span>
<span><i class="bi bi-eye"></i> เข้าชม 1,024 ครั้ง</span></div><div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></article></div>""")
    record = extract_one(page, URL)
    assert (record["published"], record["author"], record["hits"]) == ("2024-02-08", "กลุ่มงานคุ้มครองแรงงาน", 1024)
    assert record["body"] == "\n\n".join(STORY)


def test_a_sentence_with_a_date_and_a_by_is_still_text():
    """The badge is one short word: a sentence before the labelled items stays text."""
    sentence = "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดแพร่ได้จัดประชุมชี้แจง เผยแพร่เมื่อ 8 กุมภาพันธ์ 2567 โดย กลุ่มงานคุ้มครองแรงงาน"
    page = shell(f"""<div><article><h1>{TITLE}</h1><p>วันที่ 8 กุมภาพันธ์ 2567</p>
<div><p>{sentence}</p><p>{STORY[0]}</p><p>{STORY[1]}</p></div></article></div>""")
    assert extract_one(page, URL)["body"] == "\n\n".join([sentence, *STORY])


def test_post_views_counters_thai_label_with_its_class_names_gone():
    """Post Views Counter in Thai prints "การดู 312" under the text; its classes gone, the label
    still says what the number is ("การดูแล", care, is a word of the text, not the label)."""
    page = shell(f"""<div><article><h1>{TITLE}</h1><p>5 พฤศจิกายน 2553</p><div><p>{STORY[0]}</p><p>{STORY[1]}</p>
<p>การดูแลลูกจ้าง 2 คน</p><div><span></span> <span>การดู </span> <span>312</span></div></div></article></div>""")
    record = extract_one(page, URL)
    assert record["hits"] == 312
    assert record["body"] == "\n\n".join([*STORY, "การดูแลลูกจ้าง 2 คน"])


def test_views_alone_over_the_text_after_a_byline_with_its_comment_count():
    """ColorNews with Post Views Counter "before content", their class names gone: the byline's
    line holds the comment count ("2 Comments"), then the views stand alone over the text. The
    byline between is no caption of the views, and the views' line is not text."""
    page = shell(f"""<div><article><div><a href="/index.php/announce">ข่าวกิจกรรม</a></div><h1>{TITLE}</h1>
<div><span>5 พฤศจิกายน 2553</span></div>
<div>Posted By: <a href="/author/pr/">cpn-pr</a> <a href="#comments">2 Comments</a> <a href="/tag/wage/">ค่าจ้างขั้นต่ำ</a></div>
<div><div><span></span> <span>1,045</span></div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></article></div>""")
    record = extract_one(page, URL)
    assert (record["hits"], record["author"]) == (1045, "cpn-pr")
    assert record["body"] == "\n\n".join(STORY)


def test_share_this_post_ends_the_text_and_the_views_line_before_it_is_info():
    """Blocksy's post bottom, its class names gone: "จำนวนผู้เข้าชม 1,087" then "แชร์โพสต์นี้"."""
    page = shell(f"""<div><article><h1>{TITLE}</h1><p>5 พฤศจิกายน 2553</p><div><p>{STORY[0]}</p><p>{STORY[1]}</p>
<p>จำนวนผู้เข้าชม 1,087</p><div><span>แชร์โพสต์นี้</span><a href="https://www.facebook.com/sharer.php?u=x"></a></div></div></article></div>""")
    record = extract_one(page, URL)
    assert record["hits"] == 1087 and record["body"] == "\n\n".join(STORY)


def test_a_section_badge_and_a_bare_count_before_the_updated_date_end_the_text():
    """Start Bootstrap Clean Blog's footer strip, its icons gone: "ข่าวประชาสัมพันธ์ 534 แก้ไขล่าสุด 19
    ธ.ค. 2567" is info, not the text's last paragraph."""
    page = shell(f"""<div><article><h1>{TITLE}</h1><p>โพสต์โดย งานประชาสัมพันธ์ เมื่อ 18 ธันวาคม 2567</p>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p><hr><div><span>ข่าวประชาสัมพันธ์</span> <span>534</span>
<span>แก้ไขล่าสุด 19 ธ.ค. 2567</span></div></div></article></div>""")
    assert extract_one(page, URL)["body"] == "\n\n".join(STORY)


@pytest.mark.parametrize("line", [
    "Posted on 5 พฤศจิกายน 2553 by pr-phrae Posted in ประกาศ Tagged แรงงานเด็ก",  # AccessPress's, its spans apart
    "Posted in ประกาศ; Tagged แรงงานเด็ก; Posted 05/11/2010 4:35pm by pr-phrae",  # SilverStripe Blog's
], ids=["accesspress", "silverstripe"])
def test_tagged_ends_the_category_and_posted_before_a_date_labels_it(line):
    """WordPress themes' "Posted in <category> Tagged <tags>", and SilverStripe Blog's entry meta
    whose date follows a bare "Posted": the tags are not the category's, the date is read."""
    page = shell(f"""<div><article><h1>{TITLE}</h1><div><p>{STORY[0]}</p><p>{STORY[1]}</p></div>
<p>{line}</p></article></div>""")
    record = extract_one(page, URL)
    assert (record["category"], record["author"], record["published"][:10]) == ("ประกาศ", "pr-phrae", "2010-11-05")
    assert record["body"] == "\n\n".join(STORY)


@pytest.mark.parametrize("edge", [
    "<p><a href='/index.php/announce/411'>&lt; ย้อนกลับ</a></p><p><a href='/index.php/announce/413'>ต่อไป &gt;</a></p>",
    "<div><h3>ถูกใจ:</h3><p>ถูกใจ กำลังโหลด...</p></div>",
    "<ul><li>{{t.name}}</li></ul>",
], ids=["pager", "jetpack-likes", "angularjs-binding"])
def test_a_pager_a_like_buttons_placeholder_and_an_unrendered_binding_end_the_text(edge):
    """Gantry's pager "< ย้อนกลับ | ต่อไป >", Jetpack's like bar before its script runs, an
    AngularJS template's binding the server left: none is the text's last paragraph."""
    page = shell(f"""<div><article><h1>{TITLE}</h1><p>5 พฤศจิกายน 2553</p>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p>{edge}</div></article></div>""")
    assert extract_one(page, URL)["body"] == "\n\n".join(STORY)


def test_a_sentence_ending_in_tor_pai_stays_text():
    """"ต่อไป" ("further") ends many a Thai sentence: only with a pager's arrow is it navigation."""
    last = "สำนักงานจะติดตามผลการดำเนินงาน ต่อไป"
    page = shell(f"""<div><article><h1>{TITLE}</h1><p>5 พฤศจิกายน 2553</p>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p><p>{last}</p></div></article></div>""")
    assert extract_one(page, URL)["body"] == "\n\n".join([*STORY, last])


@pytest.mark.parametrize("box", [
    # Shapely's author-bio: the avatar, the name in bold, a paragraph
    """<div><div><img alt="" src="https://secure.gravatar.com/avatar/5b1f0c9e2a7d?s=100&amp;d=mm"></div>
<div><b>phrae-admin</b><p>ผู้ดูแลเว็บไซต์ สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดแพร่ ฝ่ายบริหารงานทั่วไป</p></div></div>""",
    # Foxiz's: the avatar linked to the author's page, the name and the description as divs
    """<div><div><a href="/author/phrae-admin/"><img alt="phrae-admin" src="https://secure.gravatar.com/avatar/6b0b1c?s=100"></a></div>
<div><div><a href="/author/phrae-admin/">phrae-admin</a></div><div>ผู้ดูแลเว็บไซต์ สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดแพร่ ฝ่ายบริหารงานทั่วไป</div></div></div>""",
], ids=["shapely", "foxiz"])
def test_an_author_box_under_the_text_with_no_caption_is_not_text(box):
    page = shell(f"""<div><article><h1>{TITLE}</h1><p>5 พฤศจิกายน 2553 by <a href="/author/phrae-admin/">phrae-admin</a></p>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div>{box}</article></div>""")
    record = extract_one(page, URL)
    assert record["body"] == "\n\n".join(STORY) and record["author"] == "phrae-admin"


def test_a_byline_with_an_avatar_and_its_date_is_not_an_authors_box():
    """An avatar, a name and a date over the text is the byline: its date is still read."""
    page = shell(f"""<div><article><h1>{TITLE}</h1><div><img alt="" src="https://secure.gravatar.com/avatar/5b1f?s=40">
<b>phrae-admin</b><p>เผยแพร่เมื่อ 5 พฤศจิกายน 2553 สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดแพร่</p></div>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></article></div>""")
    assert extract_one(page, URL)["published"] == "2010-11-05"


def test_top_10s_visited_count_under_the_text():
    """Top 10's "(Visited 1,482 times, 6 visits today)" under the text: the views, not text."""
    page = shell(f"""<div><article><h1>{TITLE}</h1><p>5 พฤศจิกายน 2553</p><div><p>{STORY[0]}</p><p>{STORY[1]}</p>
<div>(Visited 1,482 times, 6 visits today)</div></div></article></div>""")
    record = extract_one(page, URL)
    assert record["hits"] == 1482 and record["body"] == "\n\n".join(STORY)


def test_the_authors_box_alone_names_the_author():
    """Olsen Light prints no byline: the author's box under the post navigation names the author
    by a rel="author" link; a sidebar's rel="author" links are other posts'."""
    page = shell(f"""<div><article><h1>{TITLE}</h1><p>5 พฤศจิกายน 2553</p><div><p>{STORY[0]}</p><p>{STORY[1]}</p></div>
<div><a href="/2010/11/01/">Previous Post</a> <a href="/2010/11/09/">Next Post</a></div>
<div><figure><img alt="" src="https://secure.gravatar.com/avatar/3f9b?s=100"></figure>
<div><h4><a href="/author/nattaphon/" rel="author">ณัฐพล ศรีสุข</a></h4><p>นักวิชาการแรงงานชำนาญการ กลุ่มงานความปลอดภัยแรงงาน</p></div></div></article>
<aside><h3>เรื่องล่าสุด</h3><p><a href="/2010/10/01/">ประชุม</a> โดย <a href="/author/somchai/" rel="author">สมชาย</a></p></aside></div>""")
    record = extract_one(page, URL)
    assert record["author"] == "ณัฐพล ศรีสุข" and record["body"] == "\n\n".join(STORY)


def test_by_glued_to_the_dates_year_and_a_writers_caption_over_the_name():
    """A hand-made PHP page's info span: "วันที่ 8 ก.ค. 2553โดย วิไลวรรณ ศรีสุข" (no space before
    "โดย"); Material Kit's author card: "ผู้เขียนข่าว" over the name ("the news's writer", not a
    writer named "ข่าว")."""
    glued = shell(f"""<div><div><h2>{TITLE}</h2><p>วันที่ 8 ก.ค. 2553โดย วิไลวรรณ ศรีสุข</p>
<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div></div></div>""")
    assert extract_one(glued, URL)["author"] == "วิไลวรรณ ศรีสุข"
    card = shell(f"""<div><div><h2>{TITLE}</h2><p>Date: 21 สิงหาคม 2562</p><div><p>{STORY[0]}</p><p>{STORY[1]}</p></div>
<div><h6>ผู้เขียนข่าว</h6><h5>นายธีรวัฒน์ หมัดหมัน</h5></div></div></div>""")
    assert extract_one(card, URL)["author"] == "นายธีรวัฒน์ หมัดหมัน"


def test_wordpress_classic_post_metadata_sentence_gives_the_date():
    """Kubrick's and Arclite's "This entry was posted on 18 กุมภาพันธ์ 2010, 14:35 and is filed
    under …. You can follow any responses …" under the text: a long line, and an info line."""
    sentence = ("This entry was posted on 18 กุมภาพันธ์ 2010, 14:35 and is filed under <a href='/?cat=3' rel='category'>ข่าวกิจกรรม</a>."
                " You can follow any responses to this entry through the <a href='/?feed=rss2&amp;p=287'>RSS 2.0</a> feed."
                " You can <a href='#respond'>leave a response</a>, or <a href='/wp-trackback.php?p=287'>trackback</a> from your own site.")
    page = shell(f"""<div><div><h2>{TITLE}</h2><div><p>{STORY[0]}</p><p>{STORY[1]}</p></div>
<p>Tags: <a href="/?tag=fishery" rel="tag">ประมงทะเล</a></p><p>{sentence}</p></div></div>""")
    record = extract_one(page, URL)
    assert record["published"] == "2010-02-18T14:35:00+07:00" and record["body"] == "\n\n".join(STORY)
