"""K2 items (``components/com_k2/templates/default/item.php``).

``div.itemView``; ``h2.itemTitle``; ``span.itemDateCreated``, ``span.itemAuthor``,
``span.itemHits`` ("อ่าน N ครั้ง"), ``span.itemCategory``/``div.itemCategory``; text in
``div.itemIntroText`` + ``div.itemFullText``; files in ``div.itemAttachmentsBlock``.
"""

from __future__ import annotations

from lxml import etree

from scraper.pages.layout import LayoutArticlePage
from scraper.pages.selectors import with_class


class K2ArticlePage(LayoutArticlePage):
    layout = "k2"
    ROOT = etree.XPath(with_class("itemView"))
    BODY = (((), ("articleBody",), True), (("itemIntroText", "itemFullText"), (), True))
    TITLE_CLASSES = ("itemTitle",)
    DATE_CLASSES = {"itemDateCreated": ("published", "text"), "itemDateModified": ("modified", "label")}
    AUTHOR_CLASSES = ("itemAuthor",)
    #: The item image (``div.itemImageBlock``) is the article's own picture: its images count.
    IMAGE_CLASSES = ("itemImageBlock",)
    HITS_CLASSES = ("itemHits",)
    CATEGORY_CLASSES = ("itemCategory",)
    NOISE_CLASSES = frozenset(
        """itemHeader itemToolbar itemLinks itemRatingBlock itemAuthorBlock itemRelated itemNavigation itemComments
        itemSocialSharing itemAttachmentsBlock itemBackToTop itemDateModified itemCategory itemTagsBlock
        itemVideoBlock itemImageGallery itemExtraFields itemHitsTwitter itemAuthorLatest""".split()
    )
