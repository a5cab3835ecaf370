"""Thai (and English) date parsing for labour-office pages.

Every date on these portals is one of a small set of forms (see DESIGN.md, "Thai dates"):
``30 สิงหาคม 2564``, ``30 ส.ค. 64``, ``๓๐ ส.ค. ๖๔``, ``วันจันทร์ที่ 30 สิงหาคม พ.ศ. 2564 เวลา 10:15 น.``,
``30/08/2564``, ``2564-08-30``, English UI dates and ISO attribute values.  A single regex compiled at
import time recognises all of them (the "fast path"); :func:`parse_date` falls back to dateparser for
anything else.  Rules:

* a 4-digit year >= 2400 is Buddhist era (BE = CE + 543); a 4-digit year < 2400 is CE;
  ``พ.ศ.`` forces BE and ``ค.ศ.`` forces CE;
* a 2-digit year in Thai text or in a numeric ``d/m/yy`` date is BE: ``64`` -> 2564 BE -> 2021 CE;
* numeric dates are day first;
* the calendar date and the time are validated; an impossible one gives ``value=None`` and a reason,
  never a guess.  A BE year is never let through (also not from dateparser).

Values are :class:`datetime.date`, or an aware :class:`datetime.datetime` in Asia/Bangkok when a time
is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from pythainlp.util import thai_digit_to_arabic_digit

__all__ = ["BANGKOK", "ThaiDate", "find_date", "parse_date", "parse_iso"]

BANGKOK = ZoneInfo("Asia/Bangkok")

BE_OFFSET = 543
#: A 4-digit year at or above this is Buddhist era.
BE_THRESHOLD = 2400
#: Accepted Gregorian years after conversion (2400 BE = 1857 CE must be accepted).
MIN_YEAR, MAX_YEAR = 1800, 2200
#: The first two-digit Buddhist-era year of an office's web page (2538, 1995); below it a
#: two-digit year is Christian-era (07 is 2007, not 2507).
_FIRST_WEB_BE_YY = 38


@dataclass(frozen=True, slots=True)
class ThaiDate:
    """Result of a parse.  ``matched`` is also set for a recognised but impossible date."""

    value: date | datetime | None
    raw: str
    matched: str | None = None
    reason: str | None = None

    def isoformat(self) -> str | None:
        if self.value is None:
            return None
        if isinstance(self.value, datetime):
            return self.value.isoformat(timespec="seconds")
        return self.value.isoformat()

    def __bool__(self) -> bool:
        return self.value is not None


# --------------------------------------------------------------------------------------------------
# Fast path.
#
# Digits: the regex accepts Thai and Arabic digits in any mix ([0-9๐-๙]) and captured numbers are
# converted with int(), which accepts every Unicode decimal digit (int("๖๔") == 64).  The text itself
# is therefore never normalised on the fast path: that keeps `matched` a plain slice of the raw text
# and saves an O(len(text)) copy in find_date on long pages (pythainlp's thai_digit_to_arabic_digit is
# itself a str.translate with a dict table, ~1 ms per 10 kB of Thai text).  Where a normalised string
# is really needed (parse_iso, dateparser input) pythainlp's utility is used; its speed is fine there.
# --------------------------------------------------------------------------------------------------

_D = "[0-9๐-๙]"
_S = r"[\s\u200b-\u200d\u2060\ufeff]"  # whitespace incl. NBSP and zero-width characters
_THAI_CHAR = "[\u0e01-\u0e4e]"  # Thai letters, vowels and tone marks (not digits)
# A number must not continue a digit run or a dotted/slashed/coloned number (IPs, versions, times).
_NUM_START = rf"(?<!{_D})(?<!{_D}[./:\-])"
# A year must not run on into more digits or into a time/decimal (``30 ส.ค. 10:15`` is no date).
_YEAR_END = rf"(?!{_D})(?![:.]{_D})"

_TH_FULL = {
    "มกราคม": 1, "กุมภาพันธ์": 2, "มีนาคม": 3, "เมษายน": 4, "พฤษภาคม": 5, "มิถุนายน": 6,
    "กรกฎาคม": 7, "กรกฏาคม": 7, "สิงหาคม": 8, "กันยายน": 9, "ตุลาคม": 10, "พฤศจิกายน": 11,
    "ธันวาคม": 12,
    # colloquial short forms
    "มกรา": 1, "กุมภา": 2, "มีนา": 3, "เมษา": 4, "พฤษภา": 5, "มิถุนา": 6, "กรกฎา": 7, "กรกฏา": 7,
    "สิงหา": 8, "กันยา": 9, "ตุลา": 10, "พฤศจิกา": 11, "ธันวา": 12,
}
_TH_ABBR = {
    ("ม", "ค"): 1, ("ก", "พ"): 2, ("มี", "ค"): 3, ("เม", "ย"): 4, ("พ", "ค"): 5, ("มิ", "ย"): 6,
    ("ก", "ค"): 7, ("ส", "ค"): 8, ("ก", "ย"): 9, ("ต", "ค"): 10, ("พ", "ย"): 11, ("ธ", "ค"): 12,
}
# month token with dots and spaces removed -> month number
_TH_MONTH = dict(_TH_FULL)
_TH_MONTH.update({"".join(parts): n for parts, n in _TH_ABBR.items()})
_TH_MONTH.update({".".join(parts) + ".": n for parts, n in _TH_ABBR.items()})  # the usual ส.ค.
_STRIP_DOTS = str.maketrans("", "", ". \u00a0\t\u200b\u200c\u200d\u2060\ufeff")

_th_alts = sorted(_TH_FULL, key=len, reverse=True) + [
    # ส.ค. / ส.ค / สค / ส. ค.
    rf"{a}(?:\.{_S}?)?{b}\.?" for a, b in _TH_ABBR
]
_TH_MONTH_RE = "|".join(_th_alts)

_EN_MONTH = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_EN_MONTH_RE = (
    "(?i:january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)

_TH_WEEKDAY = rf"(?:วัน{_S}*)?(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัสฯ|พฤหัส|ศุกร์|เสาร์|อาทิตย์)(?:{_S}*ที่)?"
_EN_WEEKDAY = (
    r"(?<![a-zA-Z])(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?"
)
_ERA = rf"(?:(?P<be>พ\.?{_S}?ศ\.?)|(?P<ce>ค\.?{_S}?ศ\.?)){_S}*"
_ORD = "(?i:st|nd|rd|th)?"

# Searching one big pattern position by position is slow on long pages (~1.4 µs per character), so
# find_date only tries the anchored pattern at digit runs (every date has a day or a year in digits),
# looks back from there for an English month name (``August 30, 2021``) and, once a date is found,
# for a weekday prefix.  About 0.05 µs per character plus ~1 µs per digit run.
_DIGITS_RE = re.compile("[0-9๐-๙]+")
_EN_TAIL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")  # last char of "Aug." etc.
_EN_MONTH_BEFORE_RE = re.compile(rf"(?<![a-zA-Z])(?=[a-zA-Z]){_EN_MONTH_RE}\.?{_S}*\Z")
# the lookahead makes the many failing start positions cheap
_TH_MONTH_BEFORE_RE = re.compile(rf"(?:{_TH_MONTH_RE}){_S}*\Z")
_WEEKDAY_BEFORE_RE = re.compile(rf"(?=[วจอพศเสmtwfsMTWFS])(?:{_TH_WEEKDAY}|{_EN_WEEKDAY}"
                                rf"|(?<![ก-๙.])(?:อา|พฤ|จ|อ|พ|ศ|ส)(?:\.{_S}*,?|{_S}*,)){_S}*(?:,{_S}*)?\Z")  # ("พ., ", Drupal's "ศ, ")
_CORE_RE = re.compile(
    rf"""
    (?P<date>
        {_NUM_START}
        (?:
            # 2564-08-30, 2021/08/30
            (?P<iy>{_D}{{4}})(?P<is>[/\-])(?P<im>{_D}{{1,2}})(?P=is)(?P<id>{_D}{{1,2}})(?!{_D})
          | (?P<d>{_D}{{1,2}})(?!{_D})
            (?:
                # 30/08/2564, 30-08-64, 30.08.2564 (dots only with a 4-digit year)
                (?P<ns>[/\-])(?P<nm>{_D}{{1,2}})(?P=ns)(?P<ny>{_D}{{4}}|{_D}{{2}}){_YEAR_END}
              | \.(?P<nm2>{_D}{{1,2}})\.(?P<ny2>{_D}{{4}}){_YEAR_END}
                # 22.02.54: Joomla 1.5's "%d.%m.%y" of its category lists (every part two digits)
              | (?<={_D}{_D})\.(?P<nm3>{_D}{{2}})\.(?P<ny3>{_D}{{2}})(?![\d๐-๙]|\.[\d๐-๙])
                # 30 สิงหาคม 2564 / 30 ส.ค. 64 / 30 สิงหาคม พ.ศ. 2564 / 30 สิงหาคม ค.ศ. 2021 / 30 ส.ค. ปี 64
                # (or joined by hyphens: "18-พ.ย.-67", a PHP date('j-M-y') with Thai months)
              | (?:{_S}*-{_S}*|{_S}*)(?:เดือน{_S}*)?(?=[มกเพสตธ])(?P<tm>{_TH_MONTH_RE})
                (?!(?![พคป]){_THAI_CHAR}){_S}*(?:[,\-]{_S}*)?(?:ปี{_S}*)?(?:{_ERA})?(?P<ty>{_D}{{4}}|{_D}{{2}}){_YEAR_END}
                # 30 August 2021, 30th of Aug. 2021, 30-Aug-2021
              | {_ORD}(?:{_S}+|{_S}*-{_S}*)(?:(?i:of){_S}+)?(?=[a-zA-Z])(?P<em>{_EN_MONTH_RE})\.?
                (?![a-zA-Z]){_S}*(?:[,\-]{_S}*)?(?P<ey>{_D}{{4}}){_YEAR_END}
            )
        )
        # มี.ค. 5, 2024 / กรกฎาคม 2nd, 2024 (themes that print WordPress's default "F j, Y" in Thai)
      | (?=[มกเพสตธ])(?P<tfm>{_TH_MONTH_RE})(?!(?![พคป]){_THAI_CHAR}){_S}*(?P<tfd>{_D}{{1,2}}){_ORD}(?!{_D})
        {_S}*,?{_S}*(?P<tfy>{_D}{{4}}){_YEAR_END}
        # August 30, 2021
      | (?=[a-zA-Z])(?<![a-zA-Z])(?P<fm>{_EN_MONTH_RE})\.?(?![a-zA-Z]){_S}*(?P<fd>{_D}{{1,2}}){_ORD}(?!{_D})
        {_S}*(?:,{_S}*)?(?P<fy>{_D}{{4}}){_YEAR_END}
    )
    (?:
        # "18 ต.ค. 2019 : 14:05" (e107), "12 มีนาคม 2013 @ 10:15:22" (PHP-Nuke), "• 9:30AM" (Concrete)
        (?:{_S}*(?:[,|@\-:•·]{_S}*)?(?:(?i:at){_S}+)?|[Tt])
        (?P<wela>เวลา{_S}*)?
        (?P<hh>{_D}{{1,2}})(?P<tsep>[:.])(?P<mi>{_D}{{2}})
        # a bare numeric offset only after seconds (``10:00-12:00`` is a range, not an offset)
        (?:(?P=tsep)(?P<ss>{_D}{{2}})(?:[.,]{_D}+)?(?:{_S}?(?P<tz>[+\-]{_D}{{2}}(?::?{_D}{{2}})?))?)?
        (?!{_D})
        (?:{_S}*(?P<ampm>[aApP]\.?[mM]\.?)(?![a-zA-Z])
          |{_S}*(?P<na>น\.|นาฬิกา|น(?!{_THAI_CHAR}))
          |{_S}?(?P<tz2>[zZ](?![a-zA-Z])|(?:GMT|UTC)(?:[+\-]{_D}{{1,2}}(?::?{_D}{{2}})?(?!{_D}))?(?![a-zA-Z]))
        )?
    )?
    """,
    re.VERBOSE,
)


def _year(text: str, era: str | None = None) -> int:
    """Gregorian year from a 2- or 4-digit year as written (Thai or Arabic digits)."""
    y = int(text)
    if len(text) == 2:
        # A two-digit year is Buddhist-era ("๕ ก.ย. ๔๙": 2549), unless as one it falls before
        # the web (2500 + 37 is 1994): "18/12/07" on a blog of 2007 is Christian-era.
        return 2000 + y if era == "ce" or era is None and y < _FIRST_WEB_BE_YY else 2500 + y - BE_OFFSET
    if era == "be" or (era is None and y >= BE_THRESHOLD):
        return y - BE_OFFSET
    return y


def _tz(text: str) -> timezone:
    """``Z``, ``GMT``, ``UTC+7``, ``+07:00``, ``-0330`` -> fixed offset."""
    text = text.upper().removeprefix("GMT").removeprefix("UTC")
    if text in ("", "Z"):
        return timezone.utc
    digits = text[1:].replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if hours > 23 or minutes > 59:
        raise ValueError(text)
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if text[0] == "-" else delta)


def _search(text: str) -> tuple[re.Match[str], int] | None:
    """First date in ``text``: the core match and the start of the match incl. any weekday prefix."""
    for run in _DIGITS_RE.finditer(text):
        s = run.start()
        n = run.end() - s
        if n == 3 or n > 4:  # a day has 1-2 digits, a leading year 4 (counters like 332229 are skipped)
            # (but a numeric date glued to the name before it, a theme's CSS the space between
            # them: "pr_area315/06/2023", Jannah's author and date items)
            if s and (text[s - 1].isalpha() or text[s - 1] == "_") and text[run.end():run.end() + 1] in ("/", "-", "."):
                for day_start in (run.end() - 2, run.end() - 1):
                    # (the glued digit blanked: the pattern's look-behind refuses a day after a digit)
                    m = _CORE_RE.match(f"{text[:day_start - 1]} {text[day_start:]}", day_start)
                    if m is not None and m["d"] is not None and (m["nm"] or m["nm2"]) \
                            and _from_match(text, m, day_start).value is not None:  # (a possible date only: not "abc123-45-6789")
                        return m, day_start
            continue
        m = None
        if n <= 2:
            j = s - 1
            while j >= 0 and s - j <= 4 and (text[j].isspace() or text[j] == ","):
                j -= 1
            if j >= 0 and text[j] in _EN_TAIL:  # cheap test before looking for "August 30"
                before = _EN_MONTH_BEFORE_RE.search(text, max(0, s - 16), s)
                if before is not None:
                    m = _CORE_RE.match(text, before.start())
            if m is None and j >= 0 and ("\u0e01" <= text[j] <= "\u0e4e" or text[j] == "."):  # "มี.ค. 5, 2024"
                before = _TH_MONTH_BEFORE_RE.search(text, max(0, s - 16), s)
                if before is not None:
                    m = _CORE_RE.match(text, before.start())
        if m is None:
            m = _CORE_RE.match(text, s)
        if m is not None:
            start = m.start()
            weekday = _WEEKDAY_BEFORE_RE.search(text, max(0, start - 40), start)
            return m, (start if weekday is None else weekday.start())
    return None


def _from_match(raw: str, m: re.Match[str], start: int) -> ThaiDate:
    era = None
    day = m["d"]
    if day is not None:
        if m["tm"] is not None:
            tm = m["tm"]
            month = _TH_MONTH.get(tm) or _TH_MONTH[tm.translate(_STRIP_DOTS)]
            ytext = m["ty"]
            era = "be" if m["be"] is not None else "ce" if m["ce"] is not None else None
        elif m["nm"] is not None:
            month, ytext = int(m["nm"]), m["ny"]
            if month > 12 and int(day) <= 12:  # 03/18/2024: month first (Drupal's and US formats)
                day, month = str(month), int(day)
        elif m["nm2"] is not None:
            month, ytext = int(m["nm2"]), m["ny2"]
        elif m["nm3"] is not None:
            month, ytext = int(m["nm3"]), m["ny3"]
        else:
            month, ytext = _EN_MONTH[m["em"][:3].lower()], m["ey"]
    elif m["iy"] is not None:
        day, month, ytext = m["id"], int(m["im"]), m["iy"]
    elif m["tfm"] is not None:
        tm = m["tfm"]
        day, month, ytext = m["tfd"], _TH_MONTH.get(tm) or _TH_MONTH[tm.translate(_STRIP_DOTS)], m["tfy"]
    else:
        day, month, ytext = m["fd"], _EN_MONTH[m["fm"][:3].lower()], m["fy"]

    # A dotted time (10.15) counts only with เวลา / น. / am-pm; otherwise it may be money (12.50 บาท).
    has_time = m["hh"] is not None and (m["tsep"] == ":" or m["wela"] or m["na"] or m["ampm"])
    end = m.end() if has_time else m.end("date")
    matched = raw[start:end]

    year = _year(ytext, era)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return ThaiDate(None, raw, matched, f"year out of range: {matched}")
    try:
        d = date(year, month, int(day))
    except ValueError:
        return ThaiDate(None, raw, matched, f"impossible date: {matched}")
    if m["nm"] is not None and month <= 12 and int(day) <= 12 and month != int(day):
        # 05/12/2010 after its weekday: the order the weekday agrees with ("พ., 05/12/2010", Drupal's
        # month-first default format: 12 May 2010 is a Wednesday, 5 December a Sunday)
        weekday = _weekday_number(raw[max(0, m.start() - 24):m.start()])
        if weekday is not None and d.weekday() != weekday and date(year, int(day), month).weekday() == weekday:
            d = date(year, int(day), month)
    if not has_time:
        # a time printed before the date ("14.35 น. วันที่ 6 มี.ค. 67"), with its น. (not money)
        before = _TIME_BEFORE.search(raw, max(0, start - 30), start)
        if before is None:
            return ThaiDate(d, raw, matched, None)
        matched = raw[before.start():end]
        try:
            value = datetime(d.year, d.month, d.day, int(before["hh"]), int(before["mi"]), int(before["ss"] or 0),
                             tzinfo=BANGKOK)
        except ValueError:
            return ThaiDate(None, raw, matched, f"impossible time: {matched}")
        return ThaiDate(value, raw, matched, None)

    hour, minute, second = int(m["hh"]), int(m["mi"]), int(m["ss"] or 0)
    ampm = m["ampm"]
    if ampm is not None:
        pm = ampm[0] in "pP"
        if pm and 13 <= hour <= 23:
            pass  # a 24-hour time with a PM after it (.NET's "HH:mm tt" in a Thai culture): "14:10 PM"
        elif not 1 <= hour <= 12:
            return ThaiDate(None, raw, matched, f"impossible time: {matched}")
        else:
            hour = hour % 12 + (12 if pm else 0)
    try:
        tz = m["tz"] or m["tz2"]
        tzinfo = _tz(tz) if tz else BANGKOK
        value = datetime(d.year, d.month, d.day, hour, minute, second, tzinfo=tzinfo)
    except ValueError:
        return ThaiDate(None, raw, matched, f"impossible time: {matched}")
    if tzinfo is not BANGKOK:
        value = value.astimezone(BANGKOK)
    return ThaiDate(value, raw, matched, None)


#: A weekday's name or abbreviation (as ``_WEEKDAY_BEFORE_RE`` finds it before a date) -> its
#: number, Monday 0: Thai, full or abbreviated ("พ.", Drupal's dotless "ศ"), and English.
_WEEKDAY_NAMES = {"จันทร์": 0, "อังคาร": 1, "พุธ": 2, "พฤหัสบดี": 3, "พฤหัส": 3, "พฤหัสฯ": 3, "ศุกร์": 4, "เสาร์": 5,
                  "อาทิตย์": 6, "จ": 0, "อ": 1, "พ": 2, "พฤ": 3, "ศ": 4, "ส": 5, "อา": 6,
                  "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _weekday_number(text: str) -> int | None:
    """The weekday ending ``text`` (the words right before a date), by its number; else None."""
    found = _WEEKDAY_BEFORE_RE.search(text)
    if found is None:
        return None
    name = found.group().strip().strip(",.").strip().removeprefix("วัน").strip().removesuffix("ที่").strip(" .")
    return _WEEKDAY_NAMES.get(name, _WEEKDAY_NAMES.get(name[:3].lower()))


_TIME_BEFORE = re.compile(r"(?:เวลา\s*)?(?<![\d.:])(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<ss>\d{2}))?\s*(?:น\.|นาฬิกา)"
                          r"\s*[,|]?\s*(?:วันที่\s*)?$")


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@lru_cache(maxsize=4096)
def find_date(text: str) -> ThaiDate:
    """The first date in ``text`` (fast path only, no dateparser; cheap on long text).

    If the first date-shaped substring is impossible (``31 ก.พ. 2564``) the result carries it in
    ``matched`` with ``value=None`` and a reason; later dates are not tried.

    Cached: every field (dates, author, hits, category) and every edge test asks about the same
    info lines, half the calls of a page repeat one; the result is immutable.
    """
    found = _search(text)
    if found is None:
        return ThaiDate(None, text, None, f"no date found in {_short(text)!r}")
    return _from_match(text, *found)


# --------------------------------------------------------------------------------------------------
# ISO attribute values
# --------------------------------------------------------------------------------------------------

_ISO_RE = re.compile(
    r"""
    (?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})
    (?:[T\x20](?P<hh>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<ss>[0-9]{2})(?P<frac>[.,][0-9]+)?)?
       \x20?(?P<tz>Z|[+\-][0-9]{2}(?::?[0-9]{2})?)?
       (?:\x20(?:[A-Z]{2,5}|[+\-][0-9]{2,4}))?)?  # Go's time.String(), Hugo's default: "… +0700 +07", "… +0000 UTC"
    """,
    re.IGNORECASE | re.VERBOSE,
)


_ISO_GATE_RE = re.compile(r"\s*[0-9๐-๙]{4}-")


def _iso(raw: str, value: str) -> ThaiDate | None:
    """Parse a strict ISO 8601 string; None when ``value`` is not ISO-shaped at all."""
    if _ISO_GATE_RE.match(value) is None:
        return None
    norm = thai_digit_to_arabic_digit(value.strip()) if value else ""
    m = _ISO_RE.fullmatch(norm)
    if m is None:
        return None
    matched = value.strip()
    year = _year(m["y"])  # >= 2400 is BE
    if not MIN_YEAR <= year <= MAX_YEAR:
        return ThaiDate(None, raw, matched, f"year out of range: {matched}")
    try:
        d = date(year, int(m["m"]), int(m["d"]))
    except ValueError:
        return ThaiDate(None, raw, matched, f"impossible date: {matched}")
    if m["hh"] is None:
        return ThaiDate(d, raw, matched, None)
    try:
        tzinfo = _tz(m["tz"]) if m["tz"] else BANGKOK  # naive = Bangkok local time
        # fractional seconds are dropped: records carry whole seconds
        value_dt = datetime(d.year, d.month, d.day, int(m["hh"]), int(m["mi"]), int(m["ss"] or 0),
                            tzinfo=tzinfo)
    except ValueError:
        return ThaiDate(None, raw, matched, f"impossible time: {matched}")
    # Convert to Bangkok first, then the date is whatever the Bangkok wall clock says.
    return ThaiDate(value_dt.astimezone(BANGKOK), raw, matched, None)


def parse_iso(value: str) -> ThaiDate:
    """Parse a machine attribute value (``datePublished``, ``<time datetime>``, meta content).

    ``2021-08-30`` -> date; ``2021-08-30T10:15:00+07:00`` / ``...Z`` / ``...+00:00`` -> aware datetime
    converted to Asia/Bangkok; naive datetimes are Bangkok time; a year >= 2400 is BE.
    """
    result = _iso(value, value)
    if result is None:
        result = _js_date(value)
    if result is None:
        return ThaiDate(None, value, None, f"not an ISO 8601 date: {_short(value)!r}")
    return result


#: JavaScript's ``Date.prototype.toString()``, which a static site's template may print into
#: ``<time datetime>`` (Astro's AstroWind): "Mon Nov 18 2024 02:00:00 GMT+0000 (Coordinated Universal Time)".
_JS_DATE_RE = re.compile(r"\s*[A-Z][a-z]{2}\s+(?P<mon>[A-Z][a-z]{2})\s+(?P<d>\d{1,2})\s+(?P<y>\d{4})"
                         r"\s+(?P<hh>\d{2}):(?P<mi>\d{2}):(?P<ss>\d{2})\s+GMT(?P<tz>[+\-]\d{4})(?:\s+\([^)]*\))?\s*$")


def _js_date(value: str) -> ThaiDate | None:
    m = _JS_DATE_RE.match(value)
    month = _EN_MONTH.get(m["mon"].lower()) if m else None
    if month is None:
        return None
    try:
        moment = datetime(int(m["y"]), month, int(m["d"]), int(m["hh"]), int(m["mi"]), int(m["ss"]), tzinfo=_tz(m["tz"]))
    except ValueError as exc:
        return ThaiDate(None, value, value.strip(), f"impossible date {value.strip()!r}: {exc}")
    return ThaiDate(moment.astimezone(BANGKOK), value, value.strip())


# --------------------------------------------------------------------------------------------------
# dateparser fallback (parse_date only)
# --------------------------------------------------------------------------------------------------

_LABEL_RE = re.compile(
    rf"""^{_S}*(?:
        post(?:ed)?{_S}+on|published(?:{_S}+on)?|created(?:{_S}+on)?|written{_S}+on|last{_S}+updated(?:{_S}+on)?
        |date|updated(?:{_S}+on)?
        |เผยแพร่(?:เมื่อ)?|วันที่ลงข่าว|วันที่เผยแพร่|ลงวันที่|วันที่|สร้างเมื่อ|แก้ไขล่าสุด|แก้ไขเมื่อ
        |อัพเดทล่าสุด|อัปเดตล่าสุด|ประกาศเมื่อ|ประกาศ{_S}+ณ{_S}+วันที่|เมื่อ
    ){_S}*:?{_S}*""",
    re.IGNORECASE | re.VERBOSE,
)
_YEAR4_RE = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
_ERA_TOKEN_RE = re.compile(r"(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*")
_TIME_HINT_RE = re.compile(r"(?<![0-9])[0-9]{1,2}[:.][0-9]{2}(?![0-9])|[0-9]\s*[ap]\.?m\b", re.IGNORECASE)
_THAI_LETTER_RE = re.compile("[\u0e01-\u0e2e]")

_ddp = None


def _date_data_parser():
    global _ddp
    if _ddp is None:
        from dateparser.date import DateDataParser  # lazy: importing dateparser costs ~0.2 s

        _ddp = DateDataParser(
            languages=["th", "en"],
            settings={
                "DATE_ORDER": "DMY",
                "PREFER_LOCALE_DATE_ORDER": False,
                # Day, month and year must all be in the text: no filling in from "today".
                # (This makes PREFER_DAY_OF_MONTH / PREFER_DATES_FROM irrelevant.)
                "REQUIRE_PARTS": ["day", "month", "year"],
                "TIMEZONE": "Asia/Bangkok",
                "TO_TIMEZONE": "Asia/Bangkok",
                "RETURN_AS_TIMEZONE_AWARE": True,
            },
        )
    return _ddp


def _be_to_ce(m: re.Match[str]) -> str:
    y = int(m.group())
    return str(y - BE_OFFSET) if y >= BE_THRESHOLD else m.group()


def _fallback(raw: str) -> ThaiDate:
    label = _LABEL_RE.match(raw)
    text = raw[label.end():] if label else raw
    text = text.strip()
    if not text:
        return ThaiDate(None, raw, None, f"no date found in {_short(raw)!r}")
    # dateparser knows neither BE years (#588, #1063: it returns year 2564 and validates 29 February
    # against the wrong calendar year) nor "พ.ศ.": convert years and drop era tokens before it sees them.
    prepared = _ERA_TOKEN_RE.sub("", _YEAR4_RE.sub(_be_to_ce, thai_digit_to_arabic_digit(text)))
    try:
        result = _date_data_parser().get_date_data(prepared).date_obj
    except Exception as exc:  # dateparser raises assorted errors on odd input
        return ThaiDate(None, raw, None, f"dateparser failed on {_short(text)!r}: {exc}")
    if result is None:
        return ThaiDate(None, raw, None, f"no date found in {_short(raw)!r}")

    # Never trust the year blindly: it must be written in the text (relative dates such as
    # "เมื่อวานนี้" or "2 days ago" come back as today even with REQUIRE_PARTS).
    year = result.year
    has_time = _TIME_HINT_RE.search(prepared) is not None
    written = {int(y) for y in _YEAR4_RE.findall(prepared)}
    if year >= BE_THRESHOLD:  # defensive: a BE year that slipped through
        year -= BE_OFFSET
    elif year not in written and not (has_time and written & {year - 1, year + 1}):
        # (±1: a time zone conversion may cross New Year.)  Otherwise a two-digit year, or none.
        yy = f"{year % 100:02d}"
        if not re.search(rf"(?<![0-9]){yy}(?![0-9])", prepared):
            return ThaiDate(None, raw, None, f"no explicit year in {_short(text)!r}")
        if _THAI_LETTER_RE.search(prepared):
            year = 2500 + int(yy) - BE_OFFSET  # two-digit year in Thai text is BE
    if not MIN_YEAR <= year <= MAX_YEAR:
        return ThaiDate(None, raw, text, f"year out of range: {text}")
    try:
        d = date(year, result.month, result.day)
    except ValueError:
        return ThaiDate(None, raw, text, f"impossible date: {text}")
    if not has_time:
        return ThaiDate(d, raw, text, None)
    value = datetime(d.year, d.month, d.day, result.hour, result.minute, result.second, tzinfo=BANGKOK)
    return ThaiDate(value, raw, text, None)


def parse_date(text: str) -> ThaiDate:
    """Parse a date field (possibly with a label such as ``เผยแพร่เมื่อ:`` and a weekday).

    Order: strict ISO value -> fast path (first date in the text) -> dateparser fallback.
    An impossible date found by the fast path is reported, not handed to dateparser.
    """
    iso = _iso(text, text)
    if iso is not None:
        return iso
    found = _search(text)
    if found is not None:
        return _from_match(text, *found)
    return _fallback(text)
