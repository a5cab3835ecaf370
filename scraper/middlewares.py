"""Downloader middleware: Scrapy's retries, plus exponential backoff and ``Retry-After``.

Scrapy's own RetryMiddleware re-schedules a failed request at once; a struggling government
server deserves a pause. This subclass keeps all of Scrapy's retry logic (codes, exceptions,
``max_retry_times``, stats) and only adds the wait before the retried request is sent.
"""

from __future__ import annotations

import email.utils
import random
import time

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.asyncio import sleep

_DELAY_KEY = "labour_retry_delay"


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class BackoffRetryMiddleware(RetryMiddleware):
    """Retry with a wait: ``Retry-After`` when the server gives one, else base * 2**n (jittered)."""

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 300.0)

    async def process_request(self, request, spider=None):
        delay = request.meta.pop(_DELAY_KEY, None)
        if delay:
            await sleep(delay)
        return None

    def process_response(self, request, response, spider=None):
        result = super().process_response(request, response)
        if result is not response:  # a retry request
            wait = retry_after_seconds(response.headers.get(b"Retry-After"))
            if wait is not None:
                result.meta[_DELAY_KEY] = min(wait, self.retry_after_max)
                self.crawler.stats.inc_value("labour/retry_after_honoured")
            else:
                result.meta[_DELAY_KEY] = self._backoff(result)
        return result

    def process_exception(self, request, exception, spider=None):
        result = super().process_exception(request, exception)
        if result is not None:
            result.meta[_DELAY_KEY] = self._backoff(result)
        return result

    def _backoff(self, request) -> float:
        attempt = max(1, request.meta.get("retry_times", 1))
        wait = min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1))
        return wait * random.uniform(0.8, 1.2)
