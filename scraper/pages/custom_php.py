"""Custom PHP office sites (``news_detail.php?id=N``): table layouts, often TIS-620.

A ``table.news_detail``: the title in ``td.news_topic`` (bold) or ``h3.news-title``, an info row
(``td.news_info`` "วันที่ลงข่าว : ... ผู้ลงข่าว : ... จำนวนผู้อ่าน : N ครั้ง", or label/value cells),
the text in ``td.news_detail``/``div.news-content``. Everything else comes from the generic
object's labelled lines.
"""

from __future__ import annotations

from scraper.pages.layout import LayoutArticlePage


class CustomPhpArticlePage(LayoutArticlePage):
    layout = "custom_php"
    #: The text's own block first; the detail container (title, info and text together, or the
    #: text cell of a table layout) when there is none.
    BODY = ((("news-content", "news_content", "news-body", "news_body", "news-text", "news_text", "content-detail", "content_detail",
              "article-body"),
             (), False),
            (("detail",), (), False),
            (("news-detail", "news_detail"), (), False))
    TITLE_CLASSES = ("news-title", "news_topic", "news-topic", "article-title", "topic")
    AUTHOR_CLASSES = ("news-author",)
    HITS_CLASSES = ("news-hits",)
    CATEGORY_CLASSES = ("news-category",)
    NOISE_CLASSES = frozenset("left_menu menu_head".split())
