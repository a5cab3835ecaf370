"""Quarantine: failures are written to a JSON Lines file with URL, stage and reason, then dropped.

Nothing is dropped silently: every article URL the spider fetched ends as a record or here.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from scrapy.exceptions import DropItem

from pipelines.jsonlines import AppendOnlyJsonLines, sidecar_path
from pipelines.normalize import url_key


def quarantined_urls(path: str) -> set[str]:
    """url_key of each URL in a quarantine file (whole lines only)."""
    keys: set[str] = set()
    try:
        fh = open(path, encoding="utf-8")
    except FileNotFoundError:
        return keys
    with fh:
        for line in fh:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and entry.get("url"):
                keys.add(url_key(entry["url"]))
    return keys


class QuarantinePipeline:
    def __init__(self, path: str | None, stats):
        self.path = path
        self.stats = stats
        self.file: AppendOnlyJsonLines | None = None
        self.listed: set[str] = set()  # url_key of every URL already in the quarantine file

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        path = settings.get("LABOUR_QUARANTINE") or sidecar_path(settings.get("LABOUR_OUTPUT"), ".quarantine.jsonl")
        return cls(path, crawler.stats)

    def open_spider(self, spider=None):
        if self.path:
            self.file = AppendOnlyJsonLines(self.path)  # repairs a torn tail first
            self.listed = quarantined_urls(self.path)

    def close_spider(self, spider=None):
        if self.file:
            self.file.close()

    def process_item(self, item, spider=None):
        from scraper.items import Failure

        if not isinstance(item, Failure):
            return item
        entry = {
            "url": item.url,
            "site": item.site_id,
            "stage": item.stage,
            "reason": item.reason,
            "at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            **item.extra,
        }
        key = url_key(item.url)
        if key in self.listed:
            # once per URL per output: a resumed run that meets the same failure again (or one URL
            # failing twice in a run) counts it, but does not append the same line again
            self.stats.inc_value("labour/quarantine_already_listed")
        elif self.file:
            self.file.append(json.dumps(entry, ensure_ascii=False, default=str))
        self.listed.add(key)
        self.stats.inc_value("labour/quarantined")
        self.stats.inc_value(f"labour/quarantined/{item.stage}")
        raise DropItem(f"quarantined ({item.stage}): {item.url}: {item.reason}", log_level="INFO")
