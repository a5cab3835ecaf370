"""Scrapy's in-memory stats collector without its per-call wrapper (``STATS_CLASS``).

Scrapy 2.13+ routes every attribute of its stats collector through a Python ``__getattribute__``
that wraps the public methods to warn about their deprecated ``spider`` argument; the collector's
own ``self._stats`` then goes through it too, by a caught AttributeError each time. A crawl of many
portals counts a few dozen stats a page (Scrapy's own and ours): about 2% of the reactor's time
went there. This class is MemoryStatsCollector with plain attribute access: same methods, same
stats; a ``spider`` argument is accepted and ignored, without the deprecation warning.
"""

from __future__ import annotations

from scrapy.statscollectors import MemoryStatsCollector


class PlainStatsCollector(MemoryStatsCollector):
    __getattribute__ = object.__getattribute__
