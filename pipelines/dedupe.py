"""Dedupe: one record per article id, within a run and across a resumed run's existing output."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from pipelines.jsonlines import existing_records


class DedupePipeline:
    def __init__(self, output: str | None, stats):
        self.output = output
        self.stats = stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("LABOUR_OUTPUT") or None, crawler.stats)

    def open_spider(self, spider=None):
        if self.output:
            ids, _urls = existing_records(self.output)
            self.seen |= ids

    def process_item(self, item, spider=None):
        if not isinstance(item, dict):
            return item
        if item["id"] in self.seen:
            self.stats.inc_value("labour/duplicates")
            raise DropItem(f"duplicate id {item['id']} ({item['url']})", log_level="DEBUG")
        self.seen.add(item["id"])
        return item
