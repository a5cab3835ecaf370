"""Since: with ``--since``, a record published before that date is dropped (counted as
``skipped_before_since``), whichever way its page was reached.

The spider already stops paging at listings older than ``since``, but menus, modules ("latest
news", "most read") and old listings still lead to older articles; only the record, with its
typed ``published`` date, can say for sure. A record without a published date is kept.
"""

from __future__ import annotations

from scrapy.exceptions import DropItem


class SincePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item, spider=None):
        since = getattr(self.crawler.spider, "since", None)
        if since is None or not isinstance(item, dict) or not item.get("published"):
            return item
        # ISO text: the date part compares as the date (published is in Bangkok time)
        if item["published"][:10] < since.isoformat():
            self.stats.inc_value("labour/skipped_before_since")
            raise DropItem(f"published {item['published'][:10]} before --since {since}: {item['url']}",
                           log_level="DEBUG")
        return item
