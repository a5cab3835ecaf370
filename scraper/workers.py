"""Worker processes for the CPU-bound steps of a crawl: parsing pages and normalizing records.

Scrapy runs callbacks and pipelines on its single reactor thread, so extraction (lxml, Thai text
normalization, word segmentation) competes with the downloader for one core. With
``LABOUR_WORKERS = N`` (N >= 1) those steps run in N worker processes and the reactor only
awaits their results; with 0 (the default, enough for polite crawls) they run in-process.
The spider and the pipelines share one pool per crawler.
"""

from __future__ import annotations

import multiprocessing
import signal
import weakref
from concurrent.futures import Future, ProcessPoolExecutor

from twisted.internet.defer import Deferred

_POOLS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group: workers leave the graceful stop to Scrapy.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm_up() -> bool:
    import pipelines.normalize  # noqa: F401  (lxml, pythainlp, the schema: imported once per worker)
    import scraper.parsers.article  # noqa: F401

    pipelines.normalize._tokenizer()
    return True


class WorkerPool:
    """Run a picklable function with arguments, in a worker process or inline; await the result."""

    def __init__(self, workers: int):
        self.workers = max(0, workers)
        self.executor: ProcessPoolExecutor | None = None
        if self.workers:
            self.executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                initializer=_ignore_sigint)
            for _ in range(self.workers):
                self.executor.submit(_warm_up)

    @classmethod
    def for_crawler(cls, crawler) -> WorkerPool:
        pool = _POOLS.get(crawler)
        if pool is None:
            pool = cls(crawler.settings.getint("LABOUR_WORKERS", 0))
            _POOLS[crawler] = pool
            from scrapy import signals

            crawler.signals.connect(pool.close, signal=signals.engine_stopped)
        return pool

    async def run(self, fn, *args):
        if self.executor is None:
            return fn(*args)
        return await _deferred(self.executor.submit(fn, *args))

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def _deferred(future: Future) -> Deferred:
    from twisted.internet import reactor

    d: Deferred = Deferred()

    def settle(f: Future) -> None:
        exc = f.exception()
        if exc is not None:
            d.errback(exc)
        else:
            d.callback(f.result())

    future.add_done_callback(lambda f: reactor.callFromThread(settle, f))
    return d
