"""``--max-pages N``: at most N requests leave for the network.

Scrapy's ``CLOSESPIDER_PAGECOUNT`` counts responses and then closes the spider, but everything
already handed to the downloader by then is still fetched: with 16 requests in flight,
``--max-pages 3`` fetched 17 pages. This middleware keeps ``CLOSESPIDER_PAGECOUNT`` (the finish
reason ``closespider_pagecount`` and the closing stay Scrapy's) and refuses to send request N+1:
a request is counted when it passes here on its way to the download handler, after robots.txt,
the host policy and the HTTP cache had their say (a cached page costs the server nothing).
Retries count (each is a fetch); robots.txt fetches count too (the server sees them, and
``pages_fetched`` in the summary counts them), so ``--max-pages 1`` fetches robots.txt only.
"""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest


class PageBudgetSpent(IgnoreRequest):
    """A request not sent because ``--max-pages`` (CLOSESPIDER_PAGECOUNT) pages were fetched."""


class PageBudgetMiddleware:
    def __init__(self, crawler, limit: int):
        self.crawler = crawler
        self.limit = limit
        self.sent = 0

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.getint("CLOSESPIDER_PAGECOUNT", 0))

    def process_request(self, request, spider=None):
        if self.limit <= 0:
            return None
        if self.sent >= self.limit:
            self.crawler.stats.inc_value("labour/max_pages_not_sent")
            raise PageBudgetSpent(f"--max-pages {self.limit} reached: {request.url}")
        self.sent += 1
        return None
