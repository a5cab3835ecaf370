"""Crawler traps: URLs and link chains that never end, and what bounds them.

Three shapes seen on old portals, each bounded here and counted in the summary (``traps``):

* **Session ids in links** (``?sid=<random>``, ``PHPSESSID``, ``;jsessionid=``, ``osCsid``): every
  page renders its links with a new id, so the same page has endless URLs and Scrapy's duplicate
  filter never sees a repeat. :func:`strip_session_ids` removes them from every URL the spider
  requests (the servers that write them do not need them: they start a new session).
* **Pagination that never stops** (a "ถัดไป" link on every page, the items repeating): paging
  stops after ``LABOUR_TRAP_STALE_PAGES`` consecutive listing pages that bring no article new to
  this run (the spider counts this along each chain of next-page links).
* **Calendars** (a "next month" link on every month, day links on every day): endless chains of
  listing-like URLs that differ only in their numbers. :class:`PatternBudget` allows at most
  ``LABOUR_TRAP_PATTERN_BUDGET`` listing requests per URL pattern (host, path and query names with
  every run of digits made ``#``). Pagination URLs (``?start=``, ``/page/N``) are exempt: a long
  category is not a trap, and repeating pages are caught by the rule above.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from w3lib.url import url_query_cleaner

#: Query arguments that carry a session id (compared case-insensitively).
SESSION_ARGS = frozenset({
    "sid", "sessid", "sessionid", "session_id", "phpsessid", "jsessionid", "aspsessionid", "cfid",
    "cftoken", "oscsid", "zenid", "xtcsid", "s_id", "sess", "sessionkey",
})
#: Names that some CMSs also use for content: PHP-Nuke's ``modules.php?name=News&sid=123`` is a
#: story id. These are dropped only when the value does not look like a short number.
_AMBIGUOUS = frozenset({"sid", "s_id", "sess"})
#: ``;jsessionid=...`` style path parameters (Java servlets, and a few PHP setups).
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid|sessionid)=[^/?#;]*", re.I)
_DIGITS = re.compile(r"\d+")


def strip_session_ids(url: str) -> str:
    """The URL without session-id arguments and path parameters; otherwise unchanged (argument
    order, encoding and fragment kept, so that a URL without session ids is returned as is)."""
    parts = urlsplit(url)
    path = _PATH_SESSION.sub("", parts.path) if ";" in parts.path else parts.path
    query = parts.query
    if query:
        names = {k for k, v in parse_qsl(query, keep_blank_values=True) if _is_session_arg(k, v)}
        if names:
            # w3lib compares names exactly, so the names as this URL spells them are passed
            query = urlsplit(url_query_cleaner(url, sorted(names), remove=True, keep_fragments=True)).query
    if path == parts.path and query == parts.query:
        return url
    return urlunsplit((parts.scheme, parts.netloc, path, query, parts.fragment))


def _is_session_arg(name: str, value: str) -> bool:
    name = name.lower()
    if name not in SESSION_ARGS:
        return False
    return name not in _AMBIGUOUS or not (value.isdigit() and len(value) < 12)


def url_pattern(url: str) -> str:
    """``host/path?names`` with every run of digits made ``#``: the months of a calendar
    (``?month=2025-03``, ``/events/2025/03/``) share one pattern."""
    parts = urlsplit(url)
    names = sorted({f"{k}={_DIGITS.sub('#', v)}" for k, v in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{(parts.hostname or '').lower()}{_DIGITS.sub('#', parts.path)}?{'&'.join(names)}"


class PatternBudget:
    """At most ``budget`` distinct listing URLs per URL pattern (0 or less: no limit).

    Only patterns that contain a number are budgeted: ``/index.php/news`` and its siblings
    differ by name, not by number, and are bounded by the section depth already. A URL already
    counted is always allowed again (the duplicate filter drops it), so that links back to a
    page seen (a calendar's "previous month") do not use up the budget.
    """

    def __init__(self, budget: int):
        self.budget = budget
        self.urls: dict[str, set[str]] = {}

    def take(self, url: str) -> bool:
        """Whether ``url`` fits in its pattern's budget (and count it)."""
        if self.budget <= 0:
            return True
        pattern = url_pattern(url)
        if "#" not in pattern:
            return True
        seen = self.urls.setdefault(pattern, set())
        if url in seen:
            return True
        if len(seen) >= self.budget:
            return False
        seen.add(url)
        return True
