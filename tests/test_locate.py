"""scraper.pages.rules.locate_article, through its public contract only: a page in; out
an object with ``.root`` (the article's block), ``.body`` (its text block, or None when the page
marks none) and ``.layout`` (how it was found), or :class:`NotAnArticle` for listings and pages
without an article. Hand-written pages, one per layout family; no layout names are asserted."""

from __future__ import annotations

import pytest

from scraper.pages.rules import locate_article
from scraper.parsers.errors import ExtractionError, NotAnArticle

PARA1 = ("สำนักงานสวัสดิการและคุ้มครองแรงงานกรุงเทพมหานครพื้นที่ 10 ได้รับการประเมินคุณธรรมและความโปร่งใส"
         "ในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2564")
PARA2 = "ผลการประเมินอยู่ในระดับดีมาก ได้รับคะแนน 95.59 คะแนน ซึ่งเป็นผลจากความร่วมมือของเจ้าหน้าที่ทุกคน"
SIDEBAR = """<div class="moduletable"><h3>สถิติผู้เยี่ยมชม</h3><table><tr><td>Today</td><td>85</td></tr>
<tr><td>All days</td><td>123456</td></tr></table>Your IP: 192.168.2.69 2021-10-24 05:50</div>
<div class="moduletable"><h3>ข่าวล่าสุด</h3><ul class="latestnews">
<li><a href="/index.php/news/999-other">ข่าวอื่น 1 ก.ย. 2564</a></li></ul></div>"""
SIDEBAR_WORDS = ("Today", "Your IP", "ข่าวอื่น")

ARTICLES = {
    "joomla3": f"""<html><head><title>ITA | area10</title></head><body>
<ul class="nav menu"><li><a href="/">หน้าแรก</a></li></ul>
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<div class="page-header"><h2 itemprop="headline">ประกาศผล ITA</h2></div>
<dl class="article-info"><dd class="published">Post on 30 สิงหาคม 2564</dd><dd class="hits">ฮิต: 31</dd></dl>
<div itemprop="articleBody"><p>{PARA1}</p><p>{PARA2}</p></div></div>
{SIDEBAR}</body></html>""",
    "wordpress": f"""<html><body><div id="primary"><article id="post-77" class="post-77 post type-post hentry">
<header class="entry-header"><h1 class="entry-title">ประกาศผล ITA</h1>
<time class="entry-date" datetime="2021-08-30">30 สิงหาคม 2564</time></header>
<div class="entry-content"><p>{PARA1}</p><p>{PARA2}</p></div><footer class="entry-footer">หมวด: ข่าว</footer>
</article></div><aside class="widget-area">{SIDEBAR}</aside></body></html>""",
    "joomla15": f"""<html><body><table width="100%"><tr><td valign="top" class="left">{SIDEBAR}</td><td valign="top">
<table class="contentpaneopen"><tr><td class="contentheading" width="100%">ประกาศผล ITA</td></tr></table>
<table class="contentpaneopen">
<tr><td class="createdate" valign="top" colspan="2">วันจันทร์ที่ 30 สิงหาคม 2564 เวลา 10:15 น.</td></tr>
<tr><td valign="top" colspan="2"><p>{PARA1}</p><p>{PARA2}</p></td></tr>
<tr><td class="modifydate" colspan="2">แก้ไขล่าสุด ( วันอังคารที่ 31 สิงหาคม 2564 )</td></tr></table>
</td></tr></table></body></html>""",
    "k2": f"""<html><body><div id="k2Container" class="itemView">
<div class="itemHeader"><span class="itemDateCreated">วันจันทร์, 30 สิงหาคม 2564 10:15</span>
<h2 class="itemTitle">ประกาศผล ITA</h2></div>
<div class="itemBody"><div class="itemFullText"><p>{PARA1}</p><p>{PARA2}</p></div></div>
<div class="itemHitsBlock">อ่าน 1,234 ครั้ง</div></div>{SIDEBAR}</body></html>""",
    # custom PHP: no CMS markup at all, only the Thai info labels
    "custom_php": f"""<html><body><table><tr><td class="leftmenu"><a href="/">หน้าแรก</a></td><td>
<div><h1>ประกาศผล ITA</h1><div>วันที่ลงข่าว 30/08/2564 จำนวนผู้อ่าน 12</div><p>{PARA1}</p><p>{PARA2}</p></div>
</td></tr></table>{SIDEBAR}</body></html>""",
}

#: Pages that show several articles, or none.
NOT_ARTICLES = {
    "joomla_blog": "<html><body><div class='blog'>" + "".join(
        f"<div class='items-row'><div class='item' itemprop='blogPost' itemscope "
        f"itemtype='https://schema.org/BlogPosting'><h2 itemprop='name'><a href='/index.php/news/{i}-a'>ข่าว {i}</a>"
        f"</h2><p>{PARA1}</p></div></div>" for i in range(3)) + "</div></body></html>",
    "joomla_list": "<html><body><table class='category table'>" + "".join(
        f"<tr><td class='list-title'><a href='/index.php/news/{i}-a'>ข่าว {i}</a></td><td>30 ส.ค. 2564</td></tr>"
        for i in range(5)) + "</table></body></html>",
    "k2_itemlist": "<html><body><div class='itemListView'>" + "".join(
        f"<div class='catItemView'><h3 class='catItemTitle'><a href='/index.php/component/k2/item/{i}-a'>ข่าว {i}</a>"
        f"</h3><div class='catItemIntroText'>{PARA1}</div></div>" for i in range(3)) + "</div></body></html>",
    "wordpress_archive": "<html><body>" + "".join(
        f"<article id='post-{i}' class='post-{i} post hentry'><h2 class='entry-title'><a href='/2021/08/{i}/x/'>x</a>"
        f"</h2><div class='entry-summary'><p>{PARA1}</p></div></article>" for i in range(3)) + "</body></html>",
    "home_page": f"<html><head><title>หน้าแรก</title></head><body><ul class='menu'><li><a href='/'>หน้าแรก</a></li>"
                 f"</ul>{SIDEBAR}</body></html>",
}


def locate(html: str):
    return locate_article(html, "https://area10.labour.go.th/index.php/news/1502-ita-2564")


def text(el) -> str:
    return " ".join("".join(el.itertext()).split())


@pytest.mark.parametrize("family", sorted(ARTICLES))
def test_article_block_holds_the_article_and_no_sidebar(family):
    block = locate(ARTICLES[family])
    assert isinstance(block.layout, str) and block.layout
    root = text(block.root)
    assert "ประกาศผล ITA" in root
    assert PARA1 in root and PARA2 in root
    assert not any(word in root for word in SIDEBAR_WORDS), root


@pytest.mark.parametrize("family", ["joomla3", "wordpress", "joomla15", "k2"])
def test_marked_body_is_the_text_alone(family):
    """Where the CMS marks the article's text, .body is that block: paragraphs, no metadata lines."""
    block = locate(ARTICLES[family])
    assert block.body is not None
    body = text(block.body)
    assert body.startswith(PARA1) and body.endswith(PARA2)
    for meta in ("Post on", "ฮิต", "หมวด", "2564 เวลา", "แก้ไขล่าสุด", "อ่าน 1,234", "ประกาศผล ITA"):
        assert meta not in body, (meta, body)


def test_body_is_inside_the_root():
    for family, html in ARTICLES.items():
        block = locate(html)
        if block.body is not None:
            assert block.body is block.root or block.root in block.body.iterancestors(), family


@pytest.mark.parametrize("page", sorted(NOT_ARTICLES))
def test_listings_and_home_pages_are_not_articles(page):
    with pytest.raises(NotAnArticle) as raised:
        locate(NOT_ARTICLES[page])
    assert isinstance(raised.value, ExtractionError)  # callers catch extraction errors as one family
    message = str(raised.value)
    assert message and "\n" not in message


def test_related_posts_reusing_the_article_markup_do_not_make_a_listing():
    """An article followed by 'related' teasers in the same markup is still one article."""
    teasers = "".join(f"<div class='item-page'><h3><a href='/index.php/news/{i}-x'>ข่าว {i}</a></h3></div>"
                      for i in range(2))
    html = ARTICLES["joomla3"].replace("</body>", teasers + "</body>")
    block = locate(html)
    assert block.body is not None and text(block.body).startswith(PARA1)
