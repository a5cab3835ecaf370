"""Ground-truth record fields, computed from what the generator rendered (never from an extractor).

Each helper implements one rule of docs/record.md on the generator's own data: paragraph text,
body, word count, content hash, canonical URL, registry lookup, record id, ISO dates, Thai dates.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pythainlp.tokenize import word_tokenize
from pythainlp.util import normalize as thai_normalize
from w3lib.url import canonicalize_url

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

BANGKOK = timezone(timedelta(hours=7), "Asia/Bangkok")
SITES_TOML = Path(__file__).resolve().parent.parent / "sites.toml"

RECORD_KEYS = (
    "id",
    "url",
    "site",
    "office",
    "title",
    "published",
    "published_raw",
    "modified",
    "date_source",
    "province_code",
    "province",
    "bangkok_area",
    "fiscal_year",
    "month",
    "author",
    "hits",
    "category",
    "body",
    "attachments",
    "images",
    "language",
    "word_count",
    "content_hash",
    "scraped_at",
    "schema_version",
    "warnings",
)

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZW_TABLE = dict.fromkeys(map(ord, ZERO_WIDTH))
_WS = re.compile(r"\s+")  # Python's \s includes NBSP (U+00A0)


def collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


def clean_paragraph(text: str) -> str:
    """One body paragraph per the body rules: collapse, zero-width removed, pythainlp, NFC."""
    text = collapse(text.translate(_ZW_TABLE))
    return unicodedata.normalize("NFC", thai_normalize(text)).strip()


def clean_title(text: str) -> str:
    return unicodedata.normalize("NFC", collapse(text))


def join_body(paragraphs: list[str]) -> str:
    return "\n\n".join(p for p in (clean_paragraph(x) for x in paragraphs) if p)


def word_count(body: str) -> int:
    if not body:
        return 0
    tokens = word_tokenize(body, engine="nlpo3", keep_whitespace=False)  # per docs/record.md
    return sum(1 for t in tokens if any(ch.isalnum() for ch in t))


def content_hash(title: str, body: str) -> str:
    return hashlib.sha256((title + "\n\n" + body).encode("utf-8")).hexdigest()


def canonical(url: str) -> str:
    return canonicalize_url(url)


@lru_cache(maxsize=1)
def registry() -> dict[str, dict]:
    """host -> site entry, from scraper/sites.toml."""
    with open(SITES_TOML, "rb") as fh:
        data = tomllib.load(fh)
    out = {}
    for site in data.get("site", []):
        host = urlsplit(site["base_url"]).hostname
        out[host] = site
    return out


def site_for_host(host: str) -> tuple[str | None, str | None]:
    entry = registry().get(host)
    if entry is None:
        return None, None
    return entry["id"], entry["office"]


def host_for_site(site_id: str) -> str:
    for host, entry in registry().items():
        if entry["id"] == site_id:
            return host
    raise KeyError(site_id)


def record_id(site: str | None, host: str, article_id: int | None, canonical_url: str) -> str:
    prefix = site or host or "local"
    if article_id is not None:
        return f"{prefix}:{article_id}"
    return f"{prefix}:" + hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()[:12]


def iso(dt: datetime, with_time: bool) -> str:
    dt = dt.astimezone(BANGKOK)
    if not with_time:
        return dt.strftime("%Y-%m-%d")
    return dt.strftime("%Y-%m-%dT%H:%M:%S+07:00")


# --- Thai dates --------------------------------------------------------------------------------------
TH_MONTHS = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
]  # fmt: skip
TH_MONTHS_ABBR = [
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
]  # fmt: skip
EN_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
TH_WEEKDAYS = ["วันจันทร์", "วันอังคาร", "วันพุธ", "วันพฤหัสบดี", "วันศุกร์", "วันเสาร์", "วันอาทิตย์"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_digits(text: str) -> str:
    return text.translate(_THAI_DIGITS)


@dataclass(frozen=True)
class DateStyle:
    """How a page prints a date. ``shows_time`` tells whether the printed text carries a time."""

    month: str = "full"  # full | abbr | num (30/08/2564) | isobe (2564-08-30) | en (30 August 2021)
    digits: str = "arabic"  # arabic | thai
    year: str = "be4"  # be4 | be2 (two-digit BE, only with abbr)
    weekday: str = ""  # "" | thi (วันจันทร์ที่ 30 ...) | comma (วันจันทร์, 30 ...)
    pho_so: bool = False  # "พ.ศ. 2564"
    time: str = ""  # "" | colon (10:15) | wela (เวลา 10:15 น.) | wela_dot (เวลา 10.15 น.) | sec (10:15:22)
    zero_pad: bool = False

    @property
    def shows_time(self) -> bool:
        return bool(self.time)

    @property
    def shows_seconds(self) -> bool:
        return self.time == "sec"

    def describe(self) -> str:
        parts = [self.month, self.digits]
        if self.year != "be4":
            parts.append(self.year)
        if self.weekday:
            parts.append("wd-" + self.weekday)
        if self.pho_so:
            parts.append("พ.ศ.")
        if self.time:
            parts.append("t-" + self.time)
        return "/".join(parts)


def format_date(dt: datetime, style: DateStyle) -> str:
    dt = dt.astimezone(BANGKOK)
    be = dt.year + 543
    day = f"{dt.day:02d}" if style.zero_pad else str(dt.day)
    if style.month == "num":
        text = f"{dt.day:02d}/{dt.month:02d}/{be}"
    elif style.month == "isobe":
        text = f"{be}-{dt.month:02d}-{dt.day:02d}"
    elif style.month == "en":
        text = f"{day} {EN_MONTHS[dt.month - 1]} {dt.year}"
        if style.weekday:
            text = f"{EN_WEEKDAYS[dt.weekday()]}, {text}"
    else:
        month = TH_MONTHS[dt.month - 1] if style.month == "full" else TH_MONTHS_ABBR[dt.month - 1]
        year = str(be % 100).zfill(2) if style.year == "be2" else str(be)
        if style.pho_so:
            year = "พ.ศ. " + year
        text = f"{day} {month} {year}"
        if style.weekday == "thi":
            text = f"{TH_WEEKDAYS[dt.weekday()]}ที่ {text}"
        elif style.weekday == "comma":
            text = f"{TH_WEEKDAYS[dt.weekday()]}, {text}"
    if style.time == "colon":
        text += f" {dt.hour:02d}:{dt.minute:02d}"
    elif style.time == "sec":
        text += f" {dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}"
    elif style.time == "wela":
        text += f" เวลา {dt.hour:02d}:{dt.minute:02d} น."
    elif style.time == "wela_dot":
        text += f" เวลา {dt.hour:02d}.{dt.minute:02d} น."
    if style.digits == "thai":
        text = thai_digits(text)
    return text


def shown_iso(dt: datetime, style: DateStyle) -> str:
    """The ISO value a reader derives from the printed text (time only when printed)."""
    dt = dt.astimezone(BANGKOK)
    if not style.shows_time:
        return iso(dt, False)
    if not style.shows_seconds:
        dt = dt.replace(second=0)
    return iso(dt, True)


def format_number(n: int, *, thousands: bool, thai: bool) -> str:
    text = f"{n:,}" if thousands else str(n)
    return thai_digits(text) if thai else text
