"""``labour-scraper savefixture URL``: fetch one live page and save it as a hand-checkable fixture.

Writes ``<dir>/<family>/<name>.html`` (the exact bytes fetched) and ``<name>.json`` holding the record
the extractor gives today (or ``article: false`` and the reason it refused the page), so a user can
correct the JSON by hand and turn a wrong record on a real portal into a test
(``tests/test_handwritten.py`` reads the same layout).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from scraper.parsers.decode import MAX_HTML_BYTES, decode_html
from scraper.parsers.errors import ExtractionError

FAMILIES = ("joomla15", "joomla3", "joomla4", "k2", "wordpress", "custom_php")
DEFAULT_DIR = "fixtures/handwritten"
TIMEOUT = 30.0
#: The record fields a fixture's expected JSON holds (tests/test_handwritten.py compares these).
FIELDS = ("title", "published", "author", "hits", "category", "body", "attachments", "images")


class UsageError(Exception):
    """A user mistake: ``str(err)`` is one line naming the argument at fault."""


def _user_agent() -> str:
    from scraper.settings import USER_AGENT

    return USER_AGENT


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"URL {url!r}: only http:// and https:// URLs with a host can be fetched")
    return url


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_HTML_BYTES) -> tuple[bytes, str | None, str]:
    """``(body bytes, charset from Content-Type or None, final URL)``; UsageError on any failure."""
    check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": _user_agent(), "Accept": "text/html,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final_url = response.geturl() or url
            check_url(final_url)
            charset = response.headers.get_content_charset()
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise UsageError(f"URL {url}: the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise UsageError(f"URL {url}: cannot fetch it ({exc.reason})") from None
    except TimeoutError:
        raise UsageError(f"URL {url}: no answer within {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise UsageError(f"URL {url}: cannot fetch it ({exc})") from None
    if len(data) > max_bytes:
        raise UsageError(f"URL {url}: the page exceeds the {max_bytes / 1e6:.0f} MB page limit")
    return data, charset, final_url


def guess_family(data: bytes, charset: str | None) -> str:
    """The fixture family from the page's generator meta and markup."""
    try:
        text, _ = decode_html(data, charset)
    except ExtractionError:
        return "custom_php"
    low = text[:300_000].lower()
    generator = re.search(r"<meta[^>]+name=[\"']generator[\"'][^>]*content=[\"']([^\"']*)", low)
    gen = generator.group(1) if generator else ""
    if "wordpress" in gen or "/wp-content/" in low or "wp-embed" in low:
        return "wordpress"
    if "joomla" in gen or "/media/system/js/" in low or "option=com_" in low or "contentpaneopen" in low:
        if "k2container" in low or "com_k2" in low or "itemview" in low:
            return "k2"
        if "joomla! 1.5" in gen or "contentpaneopen" in low:
            return "joomla15"
        if "com-content-article" in low or "/media/templates/site/" in low:
            return "joomla4"
        return "joomla3"
    return "custom_php"


def guess_name(url: str) -> str:
    """``<host label>-<article id>`` when the URL shows one, else ``<host label>-<sha1 prefix>``."""
    parts = urlsplit(url)
    label = re.sub(r"[^a-z0-9]+", "-", (parts.hostname or "page").split(".")[0].lower()).strip("-") or "page"
    query = parse_qs(parts.query)
    for key in ("id", "p"):
        value = (query.get(key) or [""])[0]
        match = re.match(r"(\d+)", value)
        if match:
            return f"{label}-{match.group(1)}"
    match = re.search(r"/(?:item/)?(\d+)-[^/]*/?$", parts.path)
    if match:
        return f"{label}-{match.group(1)}"
    return f"{label}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:12]}"


def expected_record(data: bytes, url: str, charset: str | None) -> dict:
    """What the extractor gives now, in the layout of a hand-written fixture's JSON."""
    from scraper.extract import extract_one

    try:
        record = extract_one(data, url, encoding=charset)
    except ExtractionError as exc:
        return {"url": url, "article": False, "reason": str(exc)}
    return {"url": url, "article": True, **{field: record.get(field) for field in FIELDS}}


def save_fixture(url: str, *, family: str | None = None, name: str | None = None, directory: str = DEFAULT_DIR,
                 force: bool = False, timeout: float = TIMEOUT) -> tuple[Path, Path, dict]:
    """Fetch ``url`` and write the page and its current record; returns both paths and the JSON."""
    if name is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,100}", name):
        raise UsageError(f"--name {name!r}: use letters, digits, '.', '_' and '-' only")
    data, charset, final_url = fetch(url, timeout=timeout)
    family = family or guess_family(data, charset)
    name = name or guess_name(final_url)
    folder = Path(directory) / family
    html_path, json_path = folder / f"{name}.html", folder / f"{name}.json"
    existing = [p for p in (html_path, json_path) if p.exists()]
    if existing and not force:
        raise UsageError(f"--name {name!r}: {existing[0]} already exists (give --force to overwrite)")
    expected = expected_record(data, final_url, charset)
    expected["_declared_encoding"] = charset
    expected["_saved_from"] = url
    expected["_fetched_at"] = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    expected["_modelled_on"] = "a live page saved by `labour-scraper savefixture`; correct the fields above by hand"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        html_path.write_bytes(data)
        json_path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--dir {directory!r}: cannot write the fixture there ({exc.strerror or exc})") from None
    return html_path, json_path, expected


def cmd_savefixture(args) -> int:
    try:
        html_path, json_path, expected = save_fixture(
            args.url, family=args.family, name=args.name, directory=args.dir, force=args.force, timeout=args.timeout)
    except UsageError as exc:
        print(f"labour-scraper: savefixture: {exc}", file=sys.stderr)
        return 2
    what = "article" if expected["article"] else f"refused ({expected['reason']})"
    print(f"labour-scraper: saved {html_path} and {json_path}: {what}", file=sys.stderr)
    return 0


def add_subcommand(sub) -> None:
    p = sub.add_parser("savefixture", help="fetch one live page and save it with its current record as a fixture")
    p.add_argument("url", metavar="URL", help="an http(s) article page")
    p.add_argument("--family", choices=FAMILIES, help="layout family (default: guessed from the page)")
    p.add_argument("--name", metavar="NAME", help="file name without suffix (default: from the URL's article id)")
    p.add_argument("--dir", default=DEFAULT_DIR, metavar="DIR", help=f"fixture root (default: {DEFAULT_DIR})")
    p.add_argument("--force", action="store_true", help="overwrite an existing fixture of that name")
    p.add_argument("--timeout", type=float, default=TIMEOUT, metavar="SECONDS", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_savefixture)
