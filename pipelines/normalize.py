"""Normalize: raw article fields (strings from ``scraper.parsers``) -> the typed record.

Here, and only here, dates become ISO strings, hit counters integers, and the id, word count
and content hash are computed. The rules are in ``docs/record.md``.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from datetime import date, datetime, timezone
from functools import cache
from itertools import accumulate
from urllib.parse import urlsplit

from w3lib.url import canonicalize_url, url_query_cleaner

from scraper.derived import SCHEMA_VERSION, derive
from scraper.parsers.thaidate import ThaiDate, find_date, parse_date, parse_iso
from scraper.traps import strip_session_ids

#: Priority of the places a published date can come from (lower wins); see docs/record.md.
DATE_SOURCE_PRIORITY = {"microdata": 0, "time": 1, "meta": 2, "label": 3, "created": 4, "text": 5}

#: Tracking arguments; session ids are the crawl's one list (scraper/traps.py), which knows a
#: PHP-Nuke story's numeric ``sid`` from a session's.
_TRACKING_ARGS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "fbclid", "gclid",
                  "mibextid")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


class RecordError(ValueError):
    """A raw article that cannot become a record; ``str(err)`` says why."""


def canonical(url: str) -> str:
    """Canonical absolute URL: fragment dropped, arguments sorted, tracking arguments removed."""
    if url.startswith("file:"):
        return url
    cleaned = url_query_cleaner(strip_session_ids(url), _TRACKING_ARGS, remove=True, keep_fragments=False)
    return canonicalize_url(cleaned)


def url_key(url: str) -> str:
    """A URL as an output remembers it across runs: the canonical URL without scheme and port, so
    that a rerun of the local demo portal (served on another random port) recognizes it."""
    if not url or url.startswith("file:"):
        return url or ""
    parts = urlsplit(canonical(url))
    return f"{(parts.hostname or '').removeprefix('www.')}{parts.path}?{parts.query}"


def record_url(raw: dict) -> str:
    """The page's own ``<link rel="canonical">`` when it is on the fetched page's host (menus
    reach one article by several URLs; this names it once), else the article's SEF URL when the
    crawl saw one (``sef_url``: a listing's ``/index.php/news/731-alias`` for a page fetched
    through a module's ``index.php?option=...&id=731`` link), else the fetched URL.

    Kept as the portal writes it (only the fragment and tracking/session arguments dropped): a
    reader follows this link, and sorting its arguments (``canonical``) would name a URL the
    portal never shows. Ids and duplicate checks use :func:`canonical`/:func:`url_key` instead.
    """
    fetched = raw["url"]
    if fetched.startswith("file:"):
        return fetched
    for candidate in (raw.get("canonical_url"), raw.get("sef_url")):
        if candidate and _host(candidate) == _host(fetched):
            return as_written(candidate)
    return as_written(fetched)


def as_written(url: str) -> str:
    """The URL with its fragment and tracking/session arguments dropped and its percent-escapes
    in upper case (RFC 3986's equivalent form: WordPress writes them in lower case); otherwise
    untouched: arguments in the portal's order, ``:`` in ``id=731:alias`` not escaped."""
    cleaned = url_query_cleaner(strip_session_ids(url), _TRACKING_ARGS, remove=True, keep_fragments=False)
    return _ESCAPE.sub(lambda m: m.group(0).upper(), cleaned)


_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.lower() if host else None


def record_id(prefix: str, article_id: str | None, url: str) -> str:
    """``<prefix>:<article id>``, else ``<prefix>:`` + 12 hex digits of sha1(canonical url)."""
    if article_id:
        return f"{prefix}:{int(article_id)}"
    return f"{prefix}:{hashlib.sha1(url.encode('utf-8')).hexdigest()[:12]}"


def _parse_candidate(cand: dict, fallback: bool = True) -> ThaiDate | None:
    """A candidate's date: its machine value, else its visible text (dateparser only if ``fallback``)."""
    result = None
    if cand.get("machine"):
        result = parse_iso(cand["machine"])
        if result:
            return result
    if cand.get("raw"):
        result = parse_date(cand["raw"]) if fallback else find_date(cand["raw"])
    return result


def _iso(value: date | datetime) -> str:
    return value.isoformat()


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


#: Date sources that are text as the page shows it (not an attribute for machines).
_VISIBLE_SOURCES = ("label", "text")


def choose_date(candidates: list[dict], kinds: tuple[str, ...], warnings: list[str], field: str):
    """Pick the strongest parseable candidate of ``kinds``: ``(iso, raw, source)``.

    Disagreements between sources and unparseable dates are added to ``warnings``.
    """
    ordered = sorted(
        (c for c in candidates if c["kind"] in kinds),
        key=lambda c: DATE_SOURCE_PRIORITY.get(c["source"], 99),
    )
    chosen, chosen_value = None, None
    failures = []
    for cand in ordered:
        parsed = _parse_candidate(cand)
        if parsed is not None and parsed.value is not None:
            chosen, chosen_value = cand, parsed.value
            break
        failures.append((cand, parsed.reason if parsed is not None else "empty"))
    if chosen is None:
        for cand, reason in failures[:1]:
            warnings.append(f"{field}: {cand['source']} date rejected: {reason}")
        raw = failures[0][0].get("raw") or failures[0][0].get("machine") if failures else None
        return None, raw, None
    day = _day(chosen_value)
    if not isinstance(chosen_value, datetime) and chosen["source"] in _VISIBLE_SOURCES:
        # the same day shown again, from a source as strong, with its time of day (Blogger's date
        # header over the post's "posted by … @ 3/14/2006 10:24:00 AM"): the date with its time
        for cand in ordered:
            if cand is not chosen and cand["kind"] == chosen["kind"] and cand["source"] == chosen["source"]:
                timed = _parse_candidate(cand, fallback=False)
                if timed is not None and isinstance(timed.value, datetime) and _day(timed.value) == day:
                    chosen, chosen_value = cand, timed.value
                    break
    disagreeing: list[tuple[str, date]] = []
    for cand in ordered:
        if cand is chosen or cand["kind"] != chosen["kind"]:  # a created date may differ from published
            continue
        other = _parse_candidate(cand, fallback=False)  # a cross-check: the fast path is enough
        if other is not None and other.value is not None and _day(other.value) != day:
            disagreeing.append((cand["source"], _day(other.value)))
    if chosen.get("machine") and chosen.get("raw"):  # the visible text of the chosen element itself
        shown = find_date(chosen["raw"])
        if shown.value is not None and _day(shown.value) != day and all(d != _day(shown.value) for _, d in disagreeing):
            disagreeing.insert(0, (chosen["source"], _day(shown.value)))
    for source, other_day in disagreeing:
        msg = f"{field}: {chosen['source']} {day.isoformat()} != {source} {other_day.isoformat()}"
        if msg not in warnings:
            warnings.append(msg)
    return _iso(chosen_value), chosen.get("raw") or chosen.get("machine"), chosen["source"]


def parse_hits(raw: str | None, warnings: list[str]) -> int | None:
    if raw is None:
        return None
    digits = raw.translate(_THAI_DIGITS).replace(",", "").replace(".", "").strip()
    if digits.isdigit():
        return int(digits)
    warnings.append(f"hits: not a number: {raw!r}")
    return None


#: pythainlp's newmm word segmentation in its Rust implementation (pythainlp engine "nlpo3", same
#: algorithm and dictionary as the pure-Python "newmm", about 4x faster; counts agree to within
#: 0.05% on long bodies). The dictionary is loaded once per process.
WORD_ENGINE = "nlpo3"


#: A token holding a letter or digit: ``[^\W_]`` is exactly ``str.isalnum`` per character.
_HAS_ALNUM = re.compile(r"[^\W_]").search

#: The formatted numbers (12:30, 1,234.5, 127.0.0.1) that ``word_tokenize`` rejoins into one
#: token. The same matches as pythainlp's ``(\d+[\.\,:])+\d+`` (tests/test_normalize.py checks
#: it), written to open with ``\d`` so the regex engine skips non-digits in C: twice as fast.
_FORMATTED_NUMBER = re.compile(r"\d+(?:[.,:]\d+)+")


@cache
def _segmenter():
    from pythainlp.tokenize.nlpo3 import segment

    segment("ก")  # load the dictionary now, once
    return segment


def word_count(text: str) -> int:
    """Thai-aware word count: the tokens of ``word_tokenize(text, engine="nlpo3",
    keep_whitespace=False)`` that contain a letter or digit.

    Computed from the engine's raw segments without building that token list, which cost as
    much as the segmentation itself on long bodies: each distinct segment is tested once, and
    the formatted numbers ``word_tokenize`` would rejoin are counted as one token each, found by
    offset (``bisect``) rather than by its per-token loop. ``tests/test_normalize.py`` checks
    equality with ``word_tokenize``.
    """
    if not text:
        return 0
    segments = _segmenter()(text)
    total = sum(n for segment, n in Counter(segments).items() if _HAS_ALNUM(segment))
    first_number = _FORMATTED_NUMBER.search(text)
    if first_number is None:
        return total
    # The grouping of pythainlp's rejoin_formatted_num: for each match, in order, the group starts
    # at the first unconsumed segment beginning at or after the match and takes every segment
    # beginning before the match's end; a group counts as one token if any part of it counted.
    joined = "".join(segments)
    starts = [0, *accumulate(map(len, segments))]
    n = len(segments)
    first = 0
    # The segments partition the text, so the search can resume at the first match.
    for match in _FORMATTED_NUMBER.finditer(joined, first_number.start() if joined == text else 0):
        begin = bisect_left(starts, match.start(), first, n)
        if begin >= n:
            break
        first = bisect_left(starts, match.end(), begin, n)
        parts = sum(1 for segment in segments[begin:first] if _HAS_ALNUM(segment))
        if parts > 1:
            total -= parts - 1
    return total


def warm_up() -> None:
    """Load what a crawl worker needs before its first page (``LABOUR_WORKER_WARM_UP``): the
    article parser's modules and the word-segmentation dictionary. Raises if either is broken."""
    import scraper.pages.rules  # noqa: F401  (lxml, the page objects and parsers, imported once per worker)

    if word_count("กรมสวัสดิการและคุ้มครองแรงงานได้รับคะแนน") < 2:
        raise RuntimeError("word segmentation found no words in a Thai sentence")


def content_hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\n\n{body}".encode()).hexdigest()


def _utc(ts: datetime | None) -> str | None:
    if ts is None:
        return None
    return ts.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_record(raw: dict, *, site=None, scraped_at: datetime | None = None) -> dict:
    """Turn the parser's raw fields into a record of ``scraper/schema/record.schema.json``.

    ``site`` is a registry :class:`scraper.registry.Site` (looked up by host when omitted).
    """
    url = record_url(raw)
    if site is None:
        site = _site_for(raw["url"]) or _site_for(raw.get("canonical_url"))
    prefix = site.id if site else (_host(url) or _host(raw.get("canonical_url")) or "local")
    warnings: list[str] = list(raw.get("warnings", ()))
    candidates = raw.get("dates", [])
    published, published_raw, date_source = choose_date(
        candidates, ("published", "created"), warnings, "published"
    )
    modified, _, _ = choose_date(candidates, ("modified",), warnings, "modified")
    title = raw.get("title")
    if not title:
        raise RecordError("no title")
    body = "\n\n".join(raw.get("paragraphs", ()))
    # the id of an article without a numeric id: from the canonical form of its canonical link or
    # fetched URL (never the SEF URL a crawl happened to see: the id must not depend on that)
    declared = raw.get("canonical_url")
    if url.startswith("file:"):
        id_url = canonical(declared) if declared else url
    else:
        id_url = canonical(declared if declared and _host(declared) == _host(raw["url"]) else raw["url"])
    site_id, office = (site.id, site.office) if site else (None, None)
    return {
        "id": record_id(prefix, raw.get("article_id"), id_url),
        "url": url,
        "site": site_id,
        "office": office,
        "title": title,
        "published": published,
        "published_raw": published_raw,
        "modified": modified,
        "date_source": date_source,
        **derive(site_id, office, published),
        "author": raw.get("author"),
        "hits": parse_hits(raw.get("hits"), warnings),
        "category": raw.get("category"),
        "body": body,
        "attachments": list(raw.get("attachments", ())),
        "images": list(raw.get("images", ())),
        "language": "th",
        "word_count": word_count(body),
        "content_hash": content_hash(title, body),
        "scraped_at": _utc(scraped_at),
        "schema_version": SCHEMA_VERSION,
        "warnings": warnings,
    }


def _build_record(raw: dict, site, scraped_at):
    return build_record(raw, site=site, scraped_at=scraped_at)


def _site_for(url: str | None):
    if not url or url.startswith("file:"):
        return None
    from scraper.registry import site_for_url

    return site_for_url(url)


class NormalizePipeline:
    """Scrapy stage: :class:`~scraper.items.ArticlePage` -> record dict (or a Failure).

    Runs in the crawl's worker processes when ``LABOUR_WORKERS`` > 0 (see scraper/workers.py).
    The portal spider normalizes in the same worker task that parses the page (one round trip a
    page, :func:`parse_and_normalize`): such an item comes with its record, or with the reason it
    has none, and only becomes a Record or a Failure here.
    """

    def __init__(self, workers):
        self.workers = workers

    @classmethod
    def from_crawler(cls, crawler):
        from scraper.workers import WorkerPool

        return cls(WorkerPool.for_crawler(crawler))

    async def process_item(self, item, spider=None):
        from scraper.items import ArticlePage, Failure

        if not isinstance(item, ArticlePage):
            return item
        from scraper.items import Record

        if item.normalize_error is not None:
            return Failure(item.url, "normalize", item.normalize_error, getattr(item.site, "id", None), key=item.key)
        if item.record is not None:
            record = Record(item.record)
        else:
            try:
                record = Record(await self.workers.run(_build_record, item.raw, item.site, item.scraped_at))
            except NORMALIZE_ERRORS as exc:
                return Failure(item.url, "normalize", f"{type(exc).__name__}: {exc}",
                               getattr(item.site, "id", None), key=item.key)
        record.request_key = item.key
        return record


#: What a raw article that cannot become a record raises in :func:`build_record`.
NORMALIZE_ERRORS = (RecordError, ValueError, KeyError)


def parse_and_normalize(parse, body: bytes, url: str, encoding: str | None, site, scraped_at, sef_url: str | None):
    """``parse(body, url, encoding)`` (the article parser), then the record: one worker task for
    both (a page's raw fields then never cross between processes).

    Returns ``(raw, record, error)``: the record and no error, or no record and the reason
    normalizing failed; ``raw`` only then (the record has everything of it). The parser's own
    exceptions (not an article, unreadable) are raised to the caller as they are."""
    raw = parse(body, url, encoding)
    if sef_url:
        raw = {**raw, "sef_url": sef_url}
    try:
        return None, build_record(raw, site=site, scraped_at=scraped_at), None
    except NORMALIZE_ERRORS as exc:
        return raw, None, f"{type(exc).__name__}: {exc}"
