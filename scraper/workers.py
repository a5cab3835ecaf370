"""Worker processes for the CPU-bound steps of a crawl: parsing pages and normalizing records.

Scrapy runs callbacks and pipelines on its single reactor thread, so extraction (lxml, Thai text
normalization, word segmentation) competes with the downloader for one core. With
``LABOUR_WORKERS = N`` (N >= 1) those steps run in N worker processes and the reactor only
awaits their results; with 0 (the default, enough for polite crawls) they run in-process.
The spider and the pipelines share one pool per crawler.

This module imports nothing of the project: what a worker loads ahead of its first task is named
by the ``LABOUR_WORKER_WARM_UP`` setting (a dotted path, called in each worker). A warm-up that
fails is logged at ERROR as soon as it ends, and :meth:`WorkerPool.check_warm_up` raises it.

Workers end with the process that started them, even when it is SIGKILLed: on Linux through
``prctl(PR_SET_PDEATHSIG, SIGTERM)``, elsewhere through a thread watching the parent's pid.
"""

from __future__ import annotations

import ctypes
import importlib
import logging
import multiprocessing
import os
import resource
import signal
import sys
import threading
import weakref
from concurrent.futures import Future, ProcessPoolExecutor

from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)

_POOLS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

#: ``PR_SET_PDEATHSIG`` of ``<linux/prctl.h>``: the signal a process gets when its parent dies.
_PR_SET_PDEATHSIG = 1

#: ``ru_maxrss`` is in kilobytes on Linux, in bytes on macOS.
_MAXRSS_UNIT = 1 if sys.platform == "darwin" else 1024


class WarmUpError(RuntimeError):
    """A worker's warm-up raised; ``__cause__`` is the worker's exception."""


def _init_worker(parent_pid: int) -> None:
    # Ctrl-C reaches the whole process group: workers leave the graceful stop to Scrapy.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent(parent_pid)


def _exit_with_parent(parent_pid: int) -> None:
    """End this worker when ``parent_pid`` dies (SIGKILL included) instead of outliving it.

    PR_SET_PDEATHSIG fires when the *thread* that started the worker ends; the pool's workers are
    started by the thread that submits work (the reactor's, i.e. the main thread, in a crawl).
    """
    watched = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            watched = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
        except (OSError, AttributeError):
            watched = False
    if not watched:
        threading.Thread(target=_watch_parent, args=(parent_pid,), name="parent-watch", daemon=True).start()
    if os.getppid() != parent_pid:  # the parent died before the watch was in place
        os._exit(1)


def _watch_parent(parent_pid: int, interval: float = 1.0) -> None:
    stop = threading.Event()
    while not stop.wait(interval):
        if os.getppid() != parent_pid:  # reparented: the parent is gone
            os._exit(1)


def _measured(fn, *args):
    """Run ``fn`` in a worker and return its result with this worker's pid, CPU seconds so far and
    peak RSS (bytes): the crawl's summary counts the workers' CPU and memory (one getrusage call,
    about a microsecond, per task)."""
    result = fn(*args)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return result, os.getpid(), usage.ru_utime + usage.ru_stime, usage.ru_maxrss * _MAXRSS_UNIT


def call_by_name(path: str):
    """Import ``package.module.function`` and call it (in a worker: the warm-up)."""
    module, _, name = path.rpartition(".")
    if not module:
        raise ValueError(f"not a dotted path to a function: {path!r}")
    return getattr(importlib.import_module(module), name)()


class WorkerPool:
    """Run a picklable function with arguments, in a worker process or inline; await the result.

    ``warm_up``: dotted path of a function each worker calls once at start (imports, dictionaries).
    """

    def __init__(self, workers: int, warm_up: str | None = None):
        self.workers = max(0, workers)
        self.warm_up = warm_up
        self.executor: ProcessPoolExecutor | None = None
        self._warm_ups: list[Future] = []
        self._usage: dict[int, tuple[float, int]] = {}  # worker pid -> (CPU seconds, peak RSS bytes)
        if self.workers:
            self.executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                initializer=_init_worker, initargs=(os.getpid(),))
            if warm_up:
                for _ in range(self.workers):
                    future = self.executor.submit(call_by_name, warm_up)
                    future.add_done_callback(self._log_failed_warm_up)
                    self._warm_ups.append(future)

    @classmethod
    def for_crawler(cls, crawler) -> WorkerPool:
        pool = _POOLS.get(crawler)
        if pool is None:
            settings = crawler.settings
            pool = cls(settings.getint("LABOUR_WORKERS", 0), warm_up=settings.get("LABOUR_WORKER_WARM_UP") or None)
            _POOLS[crawler] = pool
            from scrapy import signals

            crawler.signals.connect(pool.close, signal=signals.engine_stopped)
        return pool

    @staticmethod
    def existing(crawler) -> WorkerPool | None:
        """The crawler's pool if one was made (for the summary), without making one."""
        return _POOLS.get(crawler)

    def _log_failed_warm_up(self, future: Future) -> None:
        if future.cancelled():
            return
        exc = future.exception()
        if exc is not None:
            logger.error("worker warm-up %s failed: %s: %s", self.warm_up, type(exc).__name__, exc, exc_info=exc)

    def check_warm_up(self, timeout: float | None = None) -> None:
        """Wait for the workers' warm-ups; raise :class:`WarmUpError` if one failed."""
        for future in self._warm_ups:
            exc = future.exception(timeout)
            if exc is not None:
                raise WarmUpError(f"worker warm-up {self.warm_up} failed: {type(exc).__name__}: {exc}") from exc

    async def run(self, fn, *args):
        if self.executor is None:
            return fn(*args)
        result, pid, cpu, rss = await _deferred(self.executor.submit(_measured, fn, *args))
        self._usage[pid] = (cpu, rss)
        return result

    def usage(self) -> dict:
        """The workers' share of the crawl: processes that ran a task, their CPU seconds and the sum
        of their peak RSS (MB), as of each one's latest task."""
        return {
            "processes": len(self._usage),
            "cpu_s": round(sum(cpu for cpu, _ in self._usage.values()), 3),
            "peak_rss_mb": round(sum(rss for _, rss in self._usage.values()) / 2**20, 1),
        }

    def close(self) -> None:
        """Stop the workers (waiting for running tasks); calling it again does nothing."""
        if self.executor is not None:
            executor, self.executor = self.executor, None
            executor.shutdown(wait=True, cancel_futures=True)


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
