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


@dataclass
class Failure:
    """An article URL that did not become a record, and why; goes to the quarantine file."""

    url: str
    stage: str  # fetch | extract | normalize | validate
    reason: str
    site_id: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class ListingHits:
    """A hit counter shown by a listing page for a known article that was not refetched."""

    article_id: str
    hits_raw: str  # as the listing shows it; typed by the store pipeline
    observed_at: datetime
