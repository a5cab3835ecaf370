"""scraper.parsers.listing: listing pages, feeds and sitemaps -> articles (with the date and hits
each listing shows), next pages and sections. Hand-written pages of each layout family."""

from __future__ import annotations

import pytest

from scraper.parsers.errors import ExtractionError
from scraper.parsers.listing import Listing, ListingEntry, parse_feed, parse_listing

# -- listing pages ---------------------------------------------------------------------------------

JOOMLA_BLOG = """<html><head><title>ข่าว</title>
<link href="/index.php/news?format=feed&amp;type=rss" rel="alternate" type="application/rss+xml"></head><body>
<nav><ul class="nav menu"><li><a href="/index.php/news">ข่าว</a></li>
<li><a href="/index.php/announcements">ประกาศ</a></li></ul></nav>
<div class="blog" itemscope itemtype="https://schema.org/Blog">
 <div class="items-row"><div class="item" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">
  <div class="page-header"><h2 itemprop="name"><a href="/index.php/news/1234-ita" itemprop="url">ประกาศผล ITA</a></h2></div>
  <dl class="article-info"><dd class="published">เผยแพร่เมื่อ: 30 สิงหาคม 2564</dd><dd class="hits">ฮิต: 31</dd></dl>
  <p>ข้อความนำ</p></div></div>
 <div class="items-row"><div class="item" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">
  <div class="page-header"><h2 itemprop="name"><a href="/index.php/news/1235-wage" itemprop="url">ค่าจ้างขั้นต่ำ</a></h2></div>
  <dl class="article-info"><dd class="published">เผยแพร่เมื่อ: 1 กันยายน 2564</dd><dd class="hits">ฮิต: 1,204</dd></dl>
  <p>ข้อความนำ</p></div></div>
 <div class="pagination"><ul><li><a href="/index.php/news">1</a></li><li><a href="/index.php/news?start=10">2</a></li>
  <li><a href="/index.php/news?start=20">3</a></li><li><a title="ถัดไป" href="/index.php/news?start=10">ถัดไป</a></li></ul></div>
</div></body></html>""".encode()

JOOMLA_LIST = """<html><body><table class="category table"><tbody>
<tr><td class="list-title"><a href="/index.php?option=com_content&amp;view=article&amp;id=55:order-1&amp;catid=8&amp;Itemid=101">คำสั่ง ที่ 1/2564</a></td>
 <td class="list-date">30 ส.ค. 2564</td><td class="list-hits">ฮิต: 1,234</td></tr>
<tr><td class="list-title"><a href="/index.php?option=com_content&amp;view=article&amp;id=56:order-2&amp;catid=8&amp;Itemid=101">คำสั่ง ที่ 2/2564</a></td>
 <td class="list-date">31 ส.ค. 2564</td><td class="list-hits">ฮิต: 7</td></tr>
</tbody></table>
<div class="pagination"><ul><li>
<a href="/index.php?option=com_content&amp;view=category&amp;id=8&amp;Itemid=101&amp;limitstart=20">2</a></li></ul></div>
</body></html>""".encode()

K2_ITEMLIST = """<html><body><div id="k2Container" class="itemListView"><div class="itemList">
<div class="itemContainer"><div class="catItemView groupLeading">
 <div class="catItemHeader"><span class="catItemDateCreated">วันจันทร์, 30 สิงหาคม 2564 10:15</span>
 <h3 class="catItemTitle"><a href="/index.php/component/k2/item/1001-labour-rights">สิทธิแรงงาน</a></h3></div>
 <div class="catItemBody">ข้อความ</div><div class="catItemHitsBlock"><span class="catItemHits">อ่าน 1,234 ครั้ง</span></div>
</div></div>
<div class="itemContainer"><div class="catItemView groupLeading">
 <div class="catItemHeader"><span class="catItemDateCreated">วันอังคาร, 31 สิงหาคม 2564 09:00</span>
 <h3 class="catItemTitle"><a href="/index.php/component/k2/item/1002-safety">ความปลอดภัย</a></h3></div>
</div></div></div>
<div class="k2Pagination"><ul class="pagination">
<li><a href="/index.php/component/k2/itemlist/category/3-news?start=10">2</a></li></ul></div>
</div></body></html>""".encode()

WORDPRESS_ARCHIVE = """<html><body><div id="primary">
<article id="post-77" class="post-77 post type-post hentry"><header class="entry-header">
 <h2 class="entry-title"><a href="https://osh.labour.go.th/2021/08/30/labour-rights/" rel="bookmark">สิทธิแรงงาน</a></h2>
 <div class="entry-meta"><time class="entry-date published" datetime="2021-08-30T10:15:00+07:00">30 สิงหาคม 2564</time>
 <span class="post-views">เข้าชม 45 ครั้ง</span></div></header></article>
<article id="post-78" class="post-78 post type-post hentry"><header class="entry-header">
 <h2 class="entry-title"><a href="https://osh.labour.go.th/2021/09/01/safety/" rel="bookmark">ความปลอดภัย</a></h2>
 <div class="entry-meta"><time class="entry-date published" datetime="2021-09-01T08:00:00+07:00">1 กันยายน 2564</time></div>
</header></article>
<nav class="navigation pagination"><div class="nav-links"><span class="page-numbers current">1</span>
 <a class="page-numbers" href="https://osh.labour.go.th/category/news/page/2/">2</a>
 <a class="next page-numbers" href="https://osh.labour.go.th/category/news/page/2/">ถัดไป »</a></div></nav>
</div><aside><ul><li class="cat-item"><a href="https://osh.labour.go.th/category/announcements/">ประกาศ</a></li></ul>
</aside></body></html>""".encode()

CUSTOM_PHP = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874"></head>
<body><table width="100%">
<tr><td class="news-title"><a href="news_detail.php?id=1003">ประชุมคณะกรรมการ</a></td><td>30/08/2564</td><td>อ่าน 12 ครั้ง</td></tr>
<tr><td class="news-title"><a href="news_detail.php?id=1004">อบรมความปลอดภัย</a></td><td>01/09/2564</td><td>อ่าน 3 ครั้ง</td></tr>
</table><div class="pagenav"><a href="news_list.php?page=2">หน้าถัดไป</a></div></body></html>""".encode("cp874")


def test_joomla_category_blog():
    url = "https://area10.labour.go.th/index.php/news"
    got = parse_listing(JOOMLA_BLOG, url)
    assert got.articles == [
        ListingEntry(f"{url}/1234-ita", "ประกาศผล ITA", "30 สิงหาคม 2564", "31"),
        ListingEntry(f"{url}/1235-wage", "ค่าจ้างขั้นต่ำ", "1 กันยายน 2564", "1,204"),
    ]
    assert got.next_pages == [f"{url}?start=10", f"{url}?start=20"]  # once each; page 1 is this page
    assert got.sections == ["https://area10.labour.go.th/index.php/announcements",  # menu
                            f"{url}?format=feed&type=rss"]  # the category's feed
    assert not got.is_sitemap


def test_joomla_category_list_with_limitstart():
    url = "https://area5.labour.go.th/index.php?option=com_content&view=category&id=8&Itemid=101"
    got = parse_listing(JOOMLA_LIST, url)
    base = "https://area5.labour.go.th/index.php?option=com_content&view=article"
    assert got.articles == [
        ListingEntry(f"{base}&id=55:order-1&catid=8&Itemid=101", "คำสั่ง ที่ 1/2564", "30 ส.ค. 2564", "1,234"),
        ListingEntry(f"{base}&id=56:order-2&catid=8&Itemid=101", "คำสั่ง ที่ 2/2564", "31 ส.ค. 2564", "7"),
    ]
    assert got.next_pages == [f"{url}&limitstart=20"]
    assert got.sections == []


def test_k2_itemlist():
    url = "https://nakhonratchasima.labour.go.th/index.php/component/k2/itemlist/category/3-news"
    got = parse_listing(K2_ITEMLIST, url)
    item = "https://nakhonratchasima.labour.go.th/index.php/component/k2/item"
    assert got.articles == [
        ListingEntry(f"{item}/1001-labour-rights", "สิทธิแรงงาน", "วันจันทร์, 30 สิงหาคม 2564 10:15", "1,234"),
        ListingEntry(f"{item}/1002-safety", "ความปลอดภัย", "วันอังคาร, 31 สิงหาคม 2564 09:00", None),  # no counter
    ]
    assert got.next_pages == [f"{url}?start=10"]


def test_wordpress_archive():
    """WordPress permalinks carry no article id: the entry titles say which links are articles."""
    got = parse_listing(WORDPRESS_ARCHIVE, "https://osh.labour.go.th/category/news/")
    assert got.articles == [
        ListingEntry("https://osh.labour.go.th/2021/08/30/labour-rights/", "สิทธิแรงงาน", "30 สิงหาคม 2564", "45"),
        ListingEntry("https://osh.labour.go.th/2021/09/01/safety/", "ความปลอดภัย", "1 กันยายน 2564", None),
    ]
    assert got.next_pages == ["https://osh.labour.go.th/category/news/page/2/"]
    assert got.sections == ["https://osh.labour.go.th/category/announcements/"]


def test_custom_php_list_in_windows_874():
    url = "http://www.example.labour.go.th/news/news_list.php"
    got = parse_listing(CUSTOM_PHP, url)  # the charset comes from the page's meta
    detail = "http://www.example.labour.go.th/news/news_detail.php"
    assert got.articles == [
        ListingEntry(f"{detail}?id=1003", "ประชุมคณะกรรมการ", "30/08/2564", "12"),
        ListingEntry(f"{detail}?id=1004", "อบรมความปลอดภัย", "01/09/2564", "3"),
    ]
    assert got.next_pages == [f"{url}?page=2"]


def test_declared_encoding_is_used():
    html = CUSTOM_PHP.replace(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-874">', b"")
    got = parse_listing(html, "http://www.example.labour.go.th/news/news_list.php", "tis-620")
    assert [a.title for a in got.articles] == ["ประชุมคณะกรรมการ", "อบรมความปลอดภัย"]


def test_links_are_resolved_against_base_and_other_hosts_kept():
    html = b"""<html><head><base href="https://area5.labour.go.th/portal/"></head><body>
    <div class="blog"><h2 class="entry-title"><a href="index.php/news/7-a#top">A</a></h2>
    <h2 class="entry-title"><a href="https://www.labour.go.th/index.php/news/8-b">B</a></h2>
    <a href="mailto:x@labour.go.th">mail</a><a href="javascript:void(0)">js</a><a href="#top">top</a></div></body></html>"""
    got = parse_listing(html, "https://area5.labour.go.th/portal/news.html")
    assert [a.url for a in got.articles] == ["https://area5.labour.go.th/portal/index.php/news/7-a",
                                             "https://www.labour.go.th/index.php/news/8-b"]  # the spider filters hosts
    assert got.next_pages == [] and got.sections == []


def test_page_without_links_is_an_empty_listing():
    page = "<html><body><p>ยินดีต้อนรับ</p></body></html>".encode()
    assert parse_listing(page, "https://area5.labour.go.th/") == Listing()


def test_unreadable_page_is_an_extraction_error():
    with pytest.raises(ExtractionError):
        parse_listing(b"", "https://area5.labour.go.th/index.php/news")


# -- feeds and sitemaps ----------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>ข่าว</title>
<link>https://area5.labour.go.th/index.php/news</link>
<atom:link rel="self" type="application/rss+xml" href="https://area5.labour.go.th/index.php/news?format=feed&amp;type=rss"/>
<item><title>ประกาศผล ITA</title><link>https://area5.labour.go.th/index.php/news/192-ita</link>
 <guid isPermaLink="true">https://area5.labour.go.th/index.php/news/192-ita</guid>
 <pubDate>Mon, 30 Aug 2021 03:15:00 +0000</pubDate></item>
<item><title>ค่าจ้าง</title><guid>/index.php/news/193-wage</guid><pubDate>Wed, 01 Sep 2021 08:00:00 +0700</pubDate></item>
</channel></rss>""".encode()

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>ข่าว</title><link rel="self" href="https://osh.labour.go.th/feed/atom/"/>
<entry><title>สิทธิแรงงาน</title>
 <link rel="replies" href="https://osh.labour.go.th/2021/08/30/labour-rights/#comments"/>
 <link rel="alternate" type="text/html" href="https://osh.labour.go.th/2021/08/30/labour-rights/"/>
 <published>2021-08-30T10:15:00+07:00</published><updated>2021-08-31T10:15:00+07:00</updated></entry>
<entry><title>ความปลอดภัย</title><link href="/2021/09/01/safety/"/><updated>2021-09-01T08:00:00+07:00</updated></entry>
</feed>""".encode()

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://area10.labour.go.th/index.php/news/1234-ita</loc><lastmod>2021-08-30</lastmod></url>
<url><loc>https://area10.labour.go.th/index.php?option=com_content&amp;view=article&amp;id=55&amp;catid=8</loc></url>
<url><loc>https://area10.labour.go.th/index.php?option=com_content&amp;view=category&amp;id=8</loc></url>
</urlset>"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://area10.labour.go.th/sitemap-news.xml</loc><lastmod>2021-08-30</lastmod></sitemap>
<sitemap><loc>/sitemap-pages.xml</loc></sitemap></sitemapindex>"""


def test_rss():
    got = parse_feed(RSS, "https://area5.labour.go.th/index.php/news?format=feed&type=rss")
    assert got.articles == [
        ListingEntry("https://area5.labour.go.th/index.php/news/192-ita", "ประกาศผล ITA",
                     "Mon, 30 Aug 2021 03:15:00 +0000"),
        ListingEntry("https://area5.labour.go.th/index.php/news/193-wage", "ค่าจ้าง",  # guid when no link
                     "Wed, 01 Sep 2021 08:00:00 +0700"),
    ]
    assert got.next_pages == [] and got.sections == [] and not got.is_sitemap


def test_atom():
    got = parse_feed(ATOM, "https://osh.labour.go.th/feed/atom/")
    assert got.articles == [
        ListingEntry("https://osh.labour.go.th/2021/08/30/labour-rights/", "สิทธิแรงงาน",
                     "2021-08-30T10:15:00+07:00"),  # published, not updated; the alternate link, not replies
        ListingEntry("https://osh.labour.go.th/2021/09/01/safety/", "ความปลอดภัย", "2021-09-01T08:00:00+07:00"),
    ]
    assert not got.is_sitemap


def test_sitemap():
    got = parse_feed(SITEMAP, "https://area10.labour.go.th/sitemap.xml")
    assert got.is_sitemap
    assert got.articles == [
        ListingEntry("https://area10.labour.go.th/index.php/news/1234-ita", None, "2021-08-30"),
        ListingEntry("https://area10.labour.go.th/index.php?option=com_content&view=article&id=55&catid=8"),
    ]
    assert got.sections == ["https://area10.labour.go.th/index.php?option=com_content&view=category&id=8"]


def test_sitemap_index():
    got = parse_feed(SITEMAP_INDEX, "https://area10.labour.go.th/sitemap.xml")
    assert got.is_sitemap and got.articles == []
    assert got.sections == ["https://area10.labour.go.th/sitemap-news.xml",
                            "https://area10.labour.go.th/sitemap-pages.xml"]


BROKEN_FEEDS = {
    "truncated rss": b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>ITA</ti',
    "truncated sitemap": b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lo',
    "not xml after the declaration": b'<?xml version="1.0"?>\x00\x01\x02 binary',
    "an html error page": b'<?xml version="1.0"?><html><body><h1>500 Internal Server Error</h1></body></html>',
}


@pytest.mark.parametrize("name", sorted(BROKEN_FEEDS))
def test_broken_feed_is_a_clear_error(name):
    with pytest.raises(ExtractionError) as raised:
        parse_feed(BROKEN_FEEDS[name], "https://area5.labour.go.th/index.php/news?format=feed&type=rss")
    message = str(raised.value)
    assert message and "\n" not in message


def test_valid_feed_without_items_is_an_empty_listing():
    """The difference the error above must keep: an empty feed is not a broken one."""
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>news</title></channel></rss>'
    assert parse_feed(empty, "https://area5.labour.go.th/index.php/news?format=feed&type=rss") == Listing()
