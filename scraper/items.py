"""What the spider hands to the pipelines: an article page's raw fields, or a failure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class ArticlePage:
    """Raw fields of one fetched article page (from :func:`scraper.pages.rules.parse_article`)."""

    url: str
    raw: dict
    site: object | None  # scraper.registry.Site
    scraped_at: datetime
    key: str | None = None  # the spider's article key of the request (see Record)
    #: the record, when the worker that parsed the page normalized it in the same task (the spider
    #: does, see scraper/spiders/portal.py: parse_and_normalize); else NormalizePipeline builds it
    record: dict | None = None
    #: why normalizing failed in that task (``RecordError: no title``); the page then is a Failure
    normalize_error: str | None = None


class Record(dict):
    """A record (a plain dict to every stage and output) that remembers the spider's article key
    of the request it came from, so that the spider can tell which listing links led to which
    stored article (``request_key``; None outside a crawl)."""

    request_key: str | None = None


@dataclass
class Failure:
    """An article URL that did not become a record, and why; goes to the quarantine file."""

    url: str
    stage: str  # fetch | extract | normalize | validate
    reason: str
    site_id: str | None = None
    extra: dict = field(default_factory=dict)
    key: str | None = None  # the spider's article key of the request, when known


@dataclass
class ListingHits:
    """A hit counter shown by a listing page for a known article that was not refetched."""

    article_id: str
    hits_raw: str  # as the listing shows it; typed by the store pipeline
    observed_at: datetime
