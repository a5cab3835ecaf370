"""Tests for scraper.parsers.thaidate (fast path, ISO values, dateparser fallback, BE conversion)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.parsers import thaidate
from scraper.parsers.thaidate import BANGKOK, ThaiDate, find_date, parse_date, parse_iso

TH_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

TH_FULL = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
]
TH_ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
TH_WEEKDAY = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]  # date.weekday() order
EN_MONTH = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
EN_WEEKDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

D = date(2021, 8, 30)
DT = datetime(2021, 8, 30, 10, 15, tzinfo=BANGKOK)


def bkk(*args: int) -> datetime:
    return datetime(*args, tzinfo=BANGKOK)


# --------------------------------------------------------------------------------------------------
# The table of forms
# --------------------------------------------------------------------------------------------------

FORMS = [
    # (text, expected value, expected matched -- None means the whole text)
    ("30 สิงหาคม 2564", D, None),
    ("30 ส.ค. 2564", D, None),
    ("30 ส.ค.2564", D, None),
    ("30 สค 2564", D, None),
    ("30 ส.ค 64", D, None),
    ("30 ส. ค. 2564", D, None),
    ("30 ส.ค. 64", D, None),
    ("๓๐ ส.ค. ๖๔", D, None),
    ("๓๐ สิงหาคม ๒๕๖๔", D, None),
    ("3๐ ส.ค. 6๔", D, None),
    ("วันจันทร์ที่ 30 สิงหาคม พ.ศ. 2564", D, None),
    ("วันจันทร์ที่ ๓๐ สิงหาคม พ.ศ. ๒๕๖๔", D, None),
    ("วันจันทร์, 30 สิงหาคม 2564 10:15", DT, None),
    ("จันทร์ 30 สิงหาคม 2564", D, None),
    ("30 ส.ค. 2564 เวลา 10.15 น.", DT, None),
    ("วันจันทร์ที่ 30 สิงหาคม 2564 เวลา 10:15 น.", DT, None),
    ("30 ส.ค. 2564 10:15:30", bkk(2021, 8, 30, 10, 15, 30), None),
    ("30 ส.ค. 2564 10:15 น.", DT, None),
    ("30 ส.ค. 2564 10.15 น.", DT, None),
    ("๓๐ ส.ค. ๖๔ เวลา ๑๐.๑๕ น.", DT, None),
    ("30/08/2564", D, None),
    ("30-08-2564", D, None),
    ("30/08/64", D, None),
    ("30/8/2564", D, None),
    ("30.08.2564", D, None),
    ("30.08.64", D, None),  # Joomla 1.5's "%d.%m.%y" in its category lists
    ("30 ส.ค. 2564, 10:15 AM", DT, None),
    ("30 ส.ค. 2564, 22:15 PM", bkk(2021, 8, 30, 22, 15), None),  # .NET's "HH:mm tt": the PM says nothing more
    ("๓๐/๐๘/๒๕๖๔", D, None),
    ("30/08/2564 10:15", DT, None),
    ("2564-08-30", D, None),
    ("๒๕๖๔-๐๘-๓๐", D, None),
    ("30 สิงหาคม 2021", D, None),
    ("30 สิงหาคม ค.ศ. 2021", D, None),
    ("30 สิงหาคม ปี 2564", D, None),
    ("30 สิงหาคม ปี พ.ศ. 2564", D, None),
    ("30 August 2021", D, None),
    ("August 30, 2021", D, None),
    ("Monday, 30 August 2021 10:15", DT, None),
    ("Monday, August 30, 2021 10:15 AM", DT, None),
    ("Aug 30, 2021 at 10:15 pm", bkk(2021, 8, 30, 22, 15), None),
    ("30 Aug 2021", D, None),
    ("30th of August 2021", D, None),
    ("30 August 2564", D, None),
    ("Mon, 30 Aug 2021 03:15:00 GMT", DT, None),
    ("2021-08-30T10:15:00+07:00", DT, None),
    ("2021-08-30T03:15:00Z", DT, None),
    # every abbreviated month, with and without dots
    *[(f"1 {abbr} 2564", date(2021, i + 1, 1), None) for i, abbr in enumerate(TH_ABBR)],
    *[(f"1 {abbr.replace('.', '')} 64", date(2021, i + 1, 1), None) for i, abbr in enumerate(TH_ABBR)],
    *[(f"1 {name} 2564", date(2021, i + 1, 1), None) for i, name in enumerate(TH_FULL)],
    ("1 กรกฏาคม 2564", date(2021, 7, 1), None),  # common misspelling (ฏ for ฎ)
    # labels are not part of `matched`
    ("Post on 30 สิงหาคม 2564", D, "30 สิงหาคม 2564"),
    ("เผยแพร่เมื่อ: 30 ส.ค. 64", D, "30 ส.ค. 64"),
    ("วันที่ลงข่าว : 30/08/2564", D, "30/08/2564"),
    ("วันที่ 30 สิงหาคม 2564", D, "30 สิงหาคม 2564"),
    # the weekday is accepted and ignored, even when inconsistent
    ("วันอังคารที่ 30 สิงหาคม 2564", D, None),
    # a leap day that only exists in the BE->CE converted year
    ("29 ก.พ. 2563", date(2020, 2, 29), None),
    ("1 ม.ค. 2400", date(1857, 1, 1), None),
    ("31 ธ.ค. 2600", date(2057, 12, 31), None),
]


@pytest.mark.parametrize(("text", "expected", "matched"), FORMS)
def test_forms(text: str, expected: date, matched: str | None) -> None:
    for result in (parse_date(text), find_date(text)):
        assert result.value == expected, (text, result)
        assert type(result.value) is type(expected)
        assert result.matched == (text if matched is None else matched)
        assert result.reason is None
        assert result.raw == text
        assert result
        if isinstance(result.value, datetime):
            assert result.value.tzinfo is BANGKOK


def test_isoformat() -> None:
    assert parse_date("30 ส.ค. 64").isoformat() == "2021-08-30"
    assert parse_date("30 ส.ค. 2564 เวลา 10.15 น.").isoformat() == "2021-08-30T10:15:00+07:00"
    assert parse_date("nothing").isoformat() is None


def test_thaidate_is_frozen_slotted() -> None:
    r = parse_date("30 ส.ค. 64")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.value = None  # type: ignore[misc]
    assert not hasattr(r, "__dict__")
    assert not ThaiDate(None, "x", None, "no")


# --------------------------------------------------------------------------------------------------
# Impossible and out-of-range dates
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("29 ก.พ. 2564", "impossible date"),
        ("29 กุมภาพันธ์ 2564", "impossible date"),
        ("31 กุมภาพันธ์ 2564", "impossible date"),
        ("31 เม.ย. 2564", "impossible date"),
        ("31 มิถุนายน 2564", "impossible date"),
        ("32/01/2564", "impossible date"),
        ("30/13/2564", "impossible date"),
        ("00/08/2564", "impossible date"),
        ("2564-13-01", "impossible date"),
        ("29 February 2021", "impossible date"),
        ("30 ส.ค. 2564 25:00", "impossible time"),
        ("30 Aug 2021 13:15 AM", "impossible time"),  # (13:15 PM is .NET's "HH:mm tt": 13:15)
        ("30 ส.ค. 2564 เวลา 10.60 น.", "impossible time"),
        ("30 ส.ค. 2564 10:15:61", "impossible time"),
        ("30 ส.ค. 2800", "year out of range"),
        ("30/08/1700", "year out of range"),
        ("30 สิงหาคม พ.ศ. 2021", "year out of range"),  # พ.ศ. forces BE
    ],
)
def test_impossible(text: str, reason: str) -> None:
    for result in (parse_date(text), find_date(text)):
        assert result.value is None, result
        assert not result
        assert result.reason is not None and result.reason.startswith(reason), result.reason
        assert result.matched == text
        assert result.isoformat() is None


def test_impossible_reason_names_the_date() -> None:
    assert parse_date("31 กุมภาพันธ์ 2564").reason == "impossible date: 31 กุมภาพันธ์ 2564"


# --------------------------------------------------------------------------------------------------
# find_date on noisy text
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "matched", "expected"),
    [
        ("Post on 30 สิงหาคม 2564 by area10 ฮิต: 31", "30 สิงหาคม 2564", D),
        (
            "สถิติผู้เข้าชม วันนี้ 123 เมื่อวาน 456 ทั้งหมด 332229 Your IP: 192.168.2.69 "
            "เผยแพร่เมื่อ: 30 ส.ค. 64 เวลา 10.15 น. ฮิต: ๑,๒๓๔",
            "30 ส.ค. 64 เวลา 10.15 น.",
            DT,
        ),
        ("ราคา 12.50 บาท ประกาศ 30 ส.ค. 2564 12.50 บาท", "30 ส.ค. 2564", D),  # 12.50 is money, not a time
        ("คำสั่งที่ 123/2564 ลงวันที่ 30 ส.ค. 2564", "30 ส.ค. 2564", D),
        ("ฉบับที่ 2 ประกาศ ณ วันที่ ๓๐ สิงหาคม พ.ศ. ๒๕๖๔", "๓๐ สิงหาคม พ.ศ. ๒๕๖๔", D),
        ("โทร 02-123-4567, 081-234-5678 แฟกซ์ 0-2245-6789 วันศุกร์ที่ 3 ก.ย. 64", "วันศุกร์ที่ 3 ก.ย. 64",
         date(2021, 9, 3)),
        ("v1.2.3 | 10.1.2.33 | 30/08/64", "30/08/64", D),
        ("v3.8.64 | 1.30.08.64 | 30.08.64", "30.08.64", D),  # (two-digit parts only, and not inside a longer run)
        ("เขียนโดย ผู้ดูแลระบบ หมวด: ข่าว ฮิต: 31 Monday, 30 August 2021 10:15 ครั้ง", "Monday, 30 August 2021 10:15",
         DT),
        ("การประชุม 10:00-12:00 น. วันที่ 30 ส.ค. 2564 10:00-12:00 น.", "30 ส.ค. 2564 10:00", bkk(2021, 8, 30, 10, 0)),
    ],
)
def test_find_date_noisy(text: str, matched: str, expected: date) -> None:
    r = find_date(text)
    assert r.matched == matched
    assert r.value == expected and type(r.value) is type(expected)
    assert text[text.index(matched):].startswith(r.matched)


@pytest.mark.parametrize(
    "text",
    [
        "332229",
        "ผู้เข้าชม 332229 Your IP: 192.168.2.69",
        "ฮิต: 1,234 โทร 02-123-4567 ราคา 12.50 บาท ฉบับที่ 2",
        "ประกาศฉบับที่ 5/2564",
        "30 ส.ค. 10:15",  # no year: never guess it
        "สิงหาคม 2564",  # no day
        "ผู้เข้าชมทั้งหมด ๓๓๒,๒๒๙ คน ออนไลน์ 12 คน",
        "Joomla! 3.10.12 PHP 7.4.33",
        "",
    ],
)
def test_find_date_no_date(text: str) -> None:
    r = find_date(text)
    assert r.value is None and r.matched is None
    assert r.reason is not None and r.reason.startswith("no date found")


def test_find_date_first_date_wins() -> None:
    r = find_date("แก้ไขล่าสุด 1 ก.ย. 2564 สร้างเมื่อ 30 ส.ค. 2564")
    assert r.value == date(2021, 9, 1)


def test_find_date_never_uses_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom():
        raise AssertionError("dateparser must not be used")

    monkeypatch.setattr(thaidate, "_date_data_parser", boom)
    assert find_date("3 days ago, 2021 August 30, yesterday").value is None
    assert find_date("Post on 30 สิงหาคม 2564").value == D
    # the fast path of parse_date does not touch dateparser either
    assert parse_date("วันจันทร์ที่ 30 สิงหาคม 2564 เวลา 10:15 น.").value == DT


def test_find_date_skips_long_numeric_noise() -> None:
    # Speed is measured in benchmarks/, not asserted here; this checks the result on long noise.
    noise = "ข่าวประชาสัมพันธ์ ผู้เข้าชม 332229 Your IP: 192.168.2.69 ฮิต: 1,234 โทร 02-123-4567 ราคา 12.50 บาท "
    text = noise * 150 + "Post on 30 สิงหาคม 2564"
    assert find_date(text).value == D


# --------------------------------------------------------------------------------------------------
# parse_iso
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-08-30", D),
        ("2021-08-30T10:15:00+07:00", DT),
        ("2021-08-30T03:15:00Z", DT),
        ("2021-08-30T03:15:00+00:00", DT),
        ("2021-08-30T03:15:00+0000", DT),
        ("2021-08-30T10:15:00.123456+07:00", DT),
        ("2021-08-30 10:15:00", DT),  # naive = Bangkok
        ("2021-08-30T10:15", DT),
        ("2564-08-30", D),  # BE
        ("2564-08-30T10:15:00+07:00", DT),
        ("๒๕๖๔-๐๘-๓๐", D),
        ("  2021-08-30\n", D),
        # the offset is applied before the date is taken
        ("2021-08-29T20:00:00Z", bkk(2021, 8, 30, 3, 0)),
        ("2021-08-30T20:00:00-05:00", bkk(2021, 8, 31, 8, 0)),
        ("2563-02-29", date(2020, 2, 29)),
    ],
)
def test_parse_iso(value: str, expected: date) -> None:
    r = parse_iso(value)
    assert r.value == expected, r
    assert type(r.value) is type(expected)
    assert r.raw == value
    assert r.matched == value.strip()
    if isinstance(r.value, datetime):
        assert r.value.tzinfo is BANGKOK
        assert r.value.utcoffset() == timedelta(hours=7)
    # parse_date takes the same route for ISO values
    assert parse_date(value).value == expected


def test_parse_iso_isoformat() -> None:
    assert parse_iso("2021-08-29T20:00:00Z").isoformat() == "2021-08-30T03:00:00+07:00"
    assert parse_iso("2021-08-30").isoformat() == "2021-08-30"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2564-02-29", "impossible date"),  # 2564 BE = 2021, not a leap year
        ("2021-02-29", "impossible date"),
        ("2021-13-01", "impossible date"),
        ("2021-08-30T25:00:00", "impossible time"),
        ("2021-08-30T10:60:00+07:00", "impossible time"),
        ("2900-01-01", "year out of range"),
        ("30/08/2564", "not an ISO 8601 date"),
        ("yesterday", "not an ISO 8601 date"),
        ("", "not an ISO 8601 date"),
    ],
)
def test_parse_iso_invalid(value: str, reason: str) -> None:
    r = parse_iso(value)
    assert r.value is None
    assert r.reason is not None and r.reason.startswith(reason), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("สิงหาคม 30, 2564", D),  # WordPress's default "F j, Y" in a Thai locale
        ("ส.ค. 30, 2021", D),
        ("มี.ค. 5, 2024", date(2024, 3, 5)),  # Divi
        ("กรกฎาคม 2nd, 2024", date(2024, 7, 2)),  # Avada's ordinal "jS"
        ("จ., 03/18/2024 - 10:30", bkk(2024, 3, 18, 10, 30)),  # Drupal: month first when the day > 12
        ("03/04/2024", date(2024, 4, 3)),  # ambiguous: day first, as Thai pages write it
    ],
)
def test_month_first_forms(text: str, expected: date) -> None:
    assert find_date(text).value == expected


def test_month_name_then_a_count_is_no_date() -> None:
    assert find_date("ประจำเดือนมีนาคม 15 ราย").value is None


# --------------------------------------------------------------------------------------------------
# dateparser fallback
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2564 ส.ค. 30", D),  # BE year, dateparser alone would say 2564
        ("the 30th day of August 2021", D),
        ("2563 Feb 29", date(2020, 2, 29)),  # dateparser alone rejects 2563-02-29
        ("2021 December 31 20:00 GMT", bkk(2022, 1, 1, 3, 0)),  # converted to Bangkok across New Year
    ],
)
def test_dateparser_fallback(text: str, expected: date) -> None:
    assert find_date(text).value is None  # really a fallback-only form
    r = parse_date(text)
    assert r.value == expected, r
    assert r.matched == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 สิงหาคม 2564", D),
        ("30 ส.ค. 2564 เวลา 10.15 น.", DT),
        ("30 ส.ค. 64", D),  # dateparser says 1964
        ("29 ก.พ. 2563", date(2020, 2, 29)),
        ("Aug 30, 2021 at 10:15 PM", bkk(2021, 8, 30, 22, 15)),
    ],
)
def test_fallback_corrects_be_years(text: str, expected: date) -> None:
    # call the fallback directly to check it on forms the fast path normally takes
    r = thaidate._fallback(text)
    assert r.value == expected, r
    assert type(r.value) is type(expected)


@pytest.mark.parametrize(
    "text",
    [
        "2564 Feb 29",  # 2021-02-29 after BE conversion; dateparser alone accepts 2564-02-29
        "3 days ago",
        "เมื่อวานนี้",
        "yesterday 10:15",
        "today",
        "Post on",
        "30 Agustus 2021",
    ],
)
def test_fallback_rejects(text: str) -> None:
    r = parse_date(text)
    assert r.value is None, r
    assert r.reason


def test_fallback_never_returns_be_year() -> None:
    for text in ["2564 ส.ค. 30", "สิงหาคม 30, 2564", "the 1st day of January 2600"]:
        r = parse_date(text)
        assert r.value is not None and r.value.year < 2400, (text, r)


# --------------------------------------------------------------------------------------------------
# Property tests: every supported form round-trips, in Thai and in Arabic digits
# --------------------------------------------------------------------------------------------------

FIRST = date(1857, 1, 1)  # 1 ม.ค. 2400
LAST = date(2057, 12, 31)  # 31 ธ.ค. 2600


def date_forms(d: date) -> list[str]:
    """Every supported rendering of ``d`` (without a time)."""
    be, ce = d.year + 543, d.year
    day, mon = d.day, d.month
    full, abbr, en = TH_FULL[mon - 1], TH_ABBR[mon - 1], EN_MONTH[mon - 1]
    wd, ewd = TH_WEEKDAY[d.weekday()], EN_WEEKDAY[d.weekday()]
    forms = [
        f"{day} {full} {be}",
        f"{day} {abbr} {be}",
        f"{day} {abbr}{be}",
        f"{day} {abbr.replace('.', '')} {be}",
        f"{day} {abbr.rstrip('.')} {be}",
        f"{day:02d}/{mon:02d}/{be}",
        f"{day}/{mon}/{be}",
        f"{day:02d}-{mon:02d}-{be}",
        f"{be}-{mon:02d}-{day:02d}",
        f"{day} {full} พ.ศ. {be}",
        f"วัน{wd}ที่ {day} {full} พ.ศ. {be}",
        f"วัน{wd}, {day} {full} {be}",
        f"{wd} {day} {abbr} {be}",
        f"{day} {full} {ce}",
        f"{day} {full} ค.ศ. {ce}",
        f"{day} {en} {ce}",
        f"{en} {day}, {ce}",
        f"{ewd}, {day} {en[:3]} {ce}",
    ]
    if 2538 <= be <= 2599:  # two-digit years are 25xx BE (below 38, Christian-era: see the test below)
        yy = f"{be % 100:02d}"
        forms += [
            f"{day} {abbr} {yy}",
            f"{day} {abbr.replace('.', '')} {yy}",
            f"{day} {full} {yy}",
            f"{day:02d}/{mon:02d}/{yy}",
            f"วัน{wd}ที่ {day} {abbr} {yy}",
        ]
    return forms


TIME_FORMS = [
    lambda h, m, s: (f" {h:02d}:{m:02d}", 0),
    lambda h, m, s: (f" เวลา {h:02d}.{m:02d} น.", 0),
    lambda h, m, s: (f" {h}:{m:02d}:{s:02d}", s),
    lambda h, m, s: (f" {h:02d}:{m:02d} น.", 0),
    lambda h, m, s: (f" เวลา {h}:{m:02d} น.", 0),
    lambda h, m, s: (f", {h:02d}:{m:02d}", 0),
]


def render_digits(text: str, mode: str) -> str:
    if mode == "thai":
        return text.translate(TH_DIGITS)
    if mode == "mixed":  # every other digit in Thai
        out, n = [], 0
        for ch in text:
            if ch.isdigit():
                n += 1
                out.append(ch.translate(TH_DIGITS) if n % 2 else ch)
            else:
                out.append(ch)
        return "".join(out)
    return text


def check_roundtrip(text: str, expected: date | datetime) -> None:
    r = parse_date(text)
    assert r.value == expected and type(r.value) is type(expected), (text, r)
    assert r.matched == text, (text, r)
    noisy = f"ฮิต: 31 Post on {text} by area10 ฮิต: 332229"
    f = find_date(noisy)
    assert f.value == expected and type(f.value) is type(expected), (noisy, f)
    assert f.matched == text, (noisy, f)


@settings(max_examples=1000, deadline=None)
@given(
    d=st.dates(min_value=FIRST, max_value=LAST),
    form=st.integers(min_value=0, max_value=1000),
    digits=st.sampled_from(["arabic", "thai", "mixed"]),
    with_time=st.booleans(),
    hms=st.tuples(st.integers(0, 23), st.integers(0, 59), st.integers(0, 59)),
    time_form=st.integers(min_value=0, max_value=len(TIME_FORMS) - 1),
)
def test_roundtrip_property(
    d: date, form: int, digits: str, with_time: bool, hms: tuple[int, int, int], time_form: int
) -> None:
    forms = date_forms(d)
    text = forms[form % len(forms)]
    expected: date | datetime = d
    if with_time:
        h, m, s = hms
        suffix, sec = TIME_FORMS[time_form](h, m, s)
        text += suffix
        expected = datetime(d.year, d.month, d.day, h, m, sec, tzinfo=BANGKOK)
    check_roundtrip(render_digits(text, digits), expected)


def test_roundtrip_every_day() -> None:
    """Every day from 1 Jan 2400 BE to 31 Dec 2600 BE, forms and digits rotating with the day."""
    d, i = FIRST, 0
    one = timedelta(days=1)
    while d <= LAST:
        forms = date_forms(d)
        for k in (i, i + 7):
            text = render_digits(forms[k % len(forms)], ("arabic", "thai", "mixed")[k % 3])
            r = parse_date(text)
            assert r.value == d and type(r.value) is date and r.matched == text, (text, r)
        d += one
        i += 1


def test_every_form_every_month_edge() -> None:
    """Every form on the first/last day of every month of a BE leap year and a 2-digit-year year."""
    for year in (1857, 2020, 2021, 2057):  # 2400, 2563 (leap), 2564, 2600 BE
        for month in range(1, 13):
            last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
            for day in (1, last):
                d = date(year, month, day)
                for text in date_forms(d):
                    for mode in ("arabic", "thai"):
                        check_roundtrip(render_digits(text, mode), d)


@pytest.mark.parametrize(("text", "expected", "shown"), [
    # Drupal's default medium format is month first: the weekday says which order the page uses
    ("ส่งโดย sakaeo_pr เมื่อ พ., 05/12/2010 - 11:40", datetime(2010, 5, 12, 11, 40, tzinfo=BANGKOK), "พ., 05/12/2010 - 11:40"),
    ("ศ., 12/07/2018 - 10:18", datetime(2018, 12, 7, 10, 18, tzinfo=BANGKOK), "ศ., 12/07/2018 - 10:18"),
    ("Wed, 05/12/2010", date(2010, 5, 12), "Wed, 05/12/2010"),
    # a Thai admin's day-first format agrees with its weekday as it is
    ("เมื่อ อังคาร, 12/03/2013 - 10:35", datetime(2013, 3, 12, 10, 35, tzinfo=BANGKOK), "อังคาร, 12/03/2013 - 10:35"),
    # no weekday: day first, the Thai order
    ("ลงวันที่ 05/12/2010", date(2010, 12, 5), "05/12/2010"),
    # a weekday that neither order agrees with changes nothing
    ("จ., 05/12/2010", date(2010, 12, 5), "จ., 05/12/2010"),
    # a month's abbreviation is no weekday ("ส.ค." is not Saturday's "ส.")
    ("ส.ค. 12/07/2018", date(2018, 7, 12), "12/07/2018"),
])
def test_an_ambiguous_numeric_date_takes_the_order_its_weekday_agrees_with(text, expected, shown):
    found = find_date(text)
    assert (found.value, found.matched) == (expected, shown)


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-04-10 09:00:00 +0700 +07", datetime(2023, 4, 10, 9, 0, tzinfo=BANGKOK)),  # Hugo's default <time datetime>
    ("2023-04-10 02:00:00 +0000 UTC", datetime(2023, 4, 10, 9, 0, tzinfo=BANGKOK)),
])
def test_gos_default_time_string_is_read_as_iso(value, expected):
    """Hugo themes (Congo) print Go's ``time.String()`` in ``<time datetime>``: ISO-like, with the
    zone's abbreviation after its offset."""
    assert parse_iso(value).value == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("18/12/07 - 14:05:32", "2007-12-18T14:05:32+07:00"),  # Nucleus CMS's "d/m/y - H:i:s" on a blog of 2007
    ("5 ก.ย. 49", "2006-09-05"),
    ("12 ม.ค. 38", "1995-01-12"),
    ("๒๓ ม.ค. ๖๑", "2018-01-23"),
])
def test_a_two_digit_year_before_the_web_as_buddhist_era_is_christian_era(text, expected):
    """Two-digit years are Buddhist-era (49 is 2549), but one that would fall before the web
    (below 38: 2537 is 1994) is Christian-era: 07 is 2007, not 1964."""
    assert parse_date(text).isoformat() == expected
