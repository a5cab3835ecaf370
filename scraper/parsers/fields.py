"""Layout-free field helpers the page objects share: info lines, dates, links, article ids.

Each takes elements or text lines a page object located and returns raw strings; typing (dates,
integers, ids) happens in ``pipelines/normalize.py``. No class or id names here: the selectors
of a layout family live in its own module under ``scraper/pages/``.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from functools import cache
from urllib.parse import unquote, urljoin, urlsplit

from w3lib.url import safe_url_string

from scraper.parsers.html import attribute_values, tagged
from scraper.parsers.labels import (
    COMMENT_WORDS,
    ends_with_date,
    hits_value,
    is_label_alone,
    split_labelled,
    strip_label,
)
from scraper.parsers.text import clean, collapse, element_text
from scraper.parsers.thaidate import find_date

# --- dates -------------------------------------------------------------------------------------

_DIGIT = re.compile(r"[0-9๐-๙]")


def candidate(kind: str, source: str, raw: str | None, machine: str | None) -> dict:
    """A date candidate ``{kind, source, raw, machine}``; ``pipelines/normalize.py`` picks by priority."""
    return {"kind": kind, "source": source, "raw": raw or None, "machine": machine or None}


def visible_date(el) -> str | None:
    """The date an element shows, without its label (the element's text when no date is found)."""
    text = collapse(element_text(el))
    if not text:
        return None
    head, segments = split_labelled(text)
    if segments and not head:
        text = segments[0].value
    found = find_date(text)
    return found.matched if found.matched else (text or None)


_MACHINE_STAMP = re.compile(r"^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def human_date(text: str):
    """The first date in ``text`` a reader sees: a machine timestamp left in the text
    (``2024-07-08T16:22:10+07:00``, a theme's hidden "updated" field) gives way to a date written
    for people after it on the same line."""
    found = find_date(text)
    if found.matched and _MACHINE_STAMP.match(found.matched):
        rest = text[text.find(found.matched) + len(found.matched):]
        later = find_date(rest)
        if later.matched:
            return later
    return found


def dates_from_lines(lines: list[str]) -> list[dict]:
    """Date candidates of the info lines: labelled (published, created, modified), else unlabelled text."""
    out: list[dict] = []
    timed = -1  # the index of a line that only gave the time of day of the date before it
    for i, line in enumerate(lines):
        if i == timed:
            continue
        head, segments = split_labelled(line)
        for seg in segments:
            if seg.kind in ("published", "created", "modified"):
                found = human_date(seg.value)
                matched = _with_time_below(found, lines, i)
                if matched != found.matched:
                    timed = i + 1
                if matched or _DIGIT.search(seg.value):
                    source = "created" if seg.kind == "created" else "label"
                    out.append(candidate(seg.kind, source, matched or seg.value[:60], None))
            elif seg.kind in ("author", "category") and seg.value:
                found = human_date(seg.value)  # "เขียนโดย X วันจันทร์ที่ 30 สิงหาคม 2564"
                if found.matched:
                    out.append(candidate("published", "text", found.matched, None))
        if not segments or head:
            text = head if segments else line
            found = human_date(text)
            if found.matched and len(text) <= 120:
                matched = _with_time_below(found, lines, i)
                if matched != found.matched:
                    timed = i + 1
                out.append(candidate("published", "text", matched, None))
    return out


def _with_time_below(found, lines: list[str], i: int) -> str | None:
    """The date ``found`` on line ``i`` with its time of day when the next line is that time
    alone ("📅 ๒๘ ก.พ. ๖๗" then "🕓 ๑๓.๔๕ น.": a date and a time in sibling elements, each after
    its own icon); else the date as matched."""
    matched = found.matched
    if not matched or found.value is None or isinstance(found.value, datetime) or i + 1 >= len(lines):
        return matched
    _, after = split_labelled(lines[i + 1])
    time_of_day = _TIME_ALONE.match(after[0].value if len(after) == 1 else lines[i + 1])
    if time_of_day and human_date(f"{matched} {time_of_day.group(0)}").value is not None:
        return f"{matched} {time_of_day.group(0)}"
    return matched


#: A time of day alone ("๑๓.๔๕ น.", "เวลา 10:30 น.", "9:30 AM").
_TIME_ALONE = re.compile(r"^(?:เวลา\s*)?[\d๐-๙]{1,2}[:.][\d๐-๙]{2}(?:\s*(?:น\.?|นาฬิกา|[aApP]\.?[mM]\.?))?$")


# --- author, hits, category ---------------------------------------------------------------------

_HITS_IN_TEXT = re.compile(r"(?:UserPageVisits|PageVisits)\s*:\s*([\d๐-๙,]+)")
MAX_NAME = 80  # (the longest name or section an info line gives)


@cache
def _given_names() -> frozenset[str]:
    from pythainlp.corpus import thai_female_names, thai_male_names

    return frozenset(thai_female_names()) | frozenset(thai_male_names())


def is_person_name(text: str) -> bool:
    """``text`` reads as a Thai person's name with no title before it ("วีระพงษ์ ศรีสุข",
    "ศิริพร (ประชาสัมพันธ์)"): a given name of pythainlp's corpora first, a few words in all, the
    last one not a letter alone ("ประกาศ ณ วันที่ 5 พฤศจิกายน 2553": "announced on", where "ประกาศ"
    is a given name too; "ณ" opens a surname, "ณ อยุธยา", never ends one)."""
    words = text.split()
    return 2 <= len(words) <= 4 and len(words[0]) >= 3 and len(words[-1]) >= 2 and words[0] in _given_names()


def author_name(text: str) -> str | None:
    """``'เขียนโดย area10'`` -> ``'area10'``; a date or separator after the name is cut off
    (``'narathiwat_admin เมื่อ 10 กันยายน 2024 - 13:20'`` -> ``'narathiwat_admin'``)."""
    return clean(name_value(strip_label(collapse(text), "author")))


def category_name(text: str) -> str | None:
    return _without_full_stop(clean(_AND_AFTER.sub("", _IN_BEFORE_CATEGORY.sub("", strip_label(collapse(text), "category")))))


#: The conjunction left after a category before the next item ("posted in <a>…</a> and tagged …").
_AND_AFTER = re.compile(r"\s+(?:and|และ)$")


#: The connective a theme prints before the category's link ("in <a>ข่าวกิจกรรม</a>": Inspiro's
#: byline "by … in … on …", its items apart).
_IN_BEFORE_CATEGORY = re.compile(r"^(?:in|ใน)\s+(?=\S)", re.IGNORECASE)


def _without_full_stop(name: str | None) -> str | None:
    """The full stop of an English sentence ("Posted in ข่าวกิจกรรม."), not an abbreviation's ("สสค.")."""
    return name[:-1] if name and name.endswith(".") and name.count(".") == 1 and len(name) > 6 else name


def _labelled(lines: list[str], kind: str):
    for line in lines:
        for seg in split_labelled(line)[1]:
            if seg.kind == kind:
                yield seg.value


#: Where a name's value ends: a separator, or a template's binding left unrendered ("เมื่อ {{ date |
#: "longDate" }}": Pagekit's Vue filter before its script runs).
_VALUE_END = re.compile(r"\s*(?:[|·•\[]|\{\{)")
#: What stands between a name and the date after it: a weekday (วันจันทร์ที่, Monday, จ.,) and a
#: connective ("admin เมื่อ จ., 03/18/2024", "admin on Monday"); after "เมื่อ", a weekday's
#: letters with no dot (Drupal's Thai short weekdays: "admin_krabi เมื่อ ศ, 05/13/2011 - 09:42");
#: "เมื่อ" may carry its colon (Tiki's "โดย: ธีรวัฒน์ เมื่อ: พฤ. 13 ก.ค., 2017 14:20").
_TRAILING_WEEKDAY = re.compile(
    r"\s*(?:วัน[ก-๙]*ที่|วัน[ก-๙]+|[A-Z][a-z]+day,?|(?:อา|พฤ|จ|อ|พ|ศ|ส)\.,?|(?<=เมื่อ\s)(?:อา|พฤ|จ|อ|พ|ศ|ส),?"
    r"|เมื่อ\s*[:：]?|(?<!\w)(?:[oO]n|[aA]t)(?!\w))\s*$"
)


#: What a theme prints after the byline that is never part of a name: "on" (Mesmerize's "by admin
#: on <category> - <date>"), a relative date ("2 วันที่แล้ว",
#: "3 hours ago") and the comment count ("ยังไม่มีความคิดเห็น", "5 ความคิดเห็น", "No Comments").
#: A link to the comments as themes word it ("ยังไม่มีความคิดเห็น", "5 ความคิดเห็น", "No Comments").
_COMMENTS_PHRASE = (r"(?:ยัง)?ไม่มีความ(?:คิด)?เห็น|แสดงความ(?:คิด)?เห็น|No\s+Comments?|Leave\s+a\s+(?:comment|reply)"
                    rf"|[\d๐-๙]+\s*(?:{COMMENT_WORDS})")
_TIME_UNIT = r"[\d๐-๙]+\s*(?:วินาที|นาที|ชั่วโมง|ชม\.|วัน|สัปดาห์|อาทิตย์|เดือน|ปี)"
_AFTER_NAME = re.compile(
    # (a relative date of several units, Django's timesince half translated: "2 สัปดาห์, 3 วัน ago")
    rf"\son(?=\s)|\s(?:{_TIME_UNIT}(?:\s*,\s*{_TIME_UNIT})*\s*(?:ที่)?(?:แล้ว|ก่อน|ago)"
    r"|[\d๐-๙]+\s+(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?)\s+ago"
    # (a reading time: "อ่าน 3 นาที", "ประมาณ 2 นาที", "5 min read")
    r"|(?:ใช้เวลาอ่าน|เวลาอ่าน|อ่าน|ประมาณ)\s*[\d๐-๙]+\s*นาที|[\d๐-๙]+\s*min(?:ute)?s?\s+read"
    rf"|{_COMMENTS_PHRASE}|(?:{COMMENT_WORDS})\s*:?\s*[\d๐-๙]+)(?!\w)",
    re.IGNORECASE,
)


_GLUED_MONTH = re.compile(r"(?<=[a-z0-9_\-])(?=(?:January|February|March|April|May|June|July|August|September|October"
                          r"|November|December)\s+\d)")


def without_weekday(value: str) -> str:
    """What stands before a date without the weekday and connective that open it ("admin เมื่อ จ.,")."""
    while True:
        trimmed = _TRAILING_WEEKDAY.sub("", value).strip(" ,|-")
        if trimmed == value:
            return value
        value = trimmed


def name_value(value: str) -> str:
    """A name as an info line gives it: up to a separator, a date, a relative date or a comment
    count shown after it; a news credit's own label before it ("<pen icon> ข่าว : กลุ่มงาน…") is
    not the name."""
    value = _AFTER_NAME.split(_VALUE_END.split(_CREDIT_LABEL.sub("", value, count=1))[0], maxsplit=1)[0]
    # (the person's post after a comma, Largo's byline "กิตติยา สุขเจริญ, นักวิชาการแรงงานปฏิบัติการ";
    # a tilde before the name, Penscratch's "~ <a>name</a>")
    value = _JOB_TITLE_AFTER.sub("", value).lstrip(" ~")
    value = _GLUED_MONTH.sub(" ", value)  # "ctb-labourNovember 27, 2024": spans a theme's CSS spaces apart
    found = find_date(value)
    if found.matched:
        value = without_weekday(value[: value.find(found.matched)])
    value = _WHEN_AFTER_NAME.sub("", value)  # (its date not shown as text: "ณัฐวุฒิ ทองดี เมื่อ {{ … }}")
    value = _PLACEHOLDER_AFTER.sub("", value)  # (a counter's "..." before its script fills it: VuePress's pageviews)
    value = _LOGIN_AFTER.sub("", value)  # (the account after the display name: WebsiteBaker's "สมศักดิ์ แสงทอง (somsak)")
    # a button's word on the same line ("หมวด: ความปลอดภัยในการทำงาน <a>ย้อนกลับ</a>")
    value = _TRAILING_NAV.sub("", value) or value
    value = _LEFT_OF_COMMENT.sub("", value) or value  # ("By admin Leave a | Comment", the label split off)
    value = _COUNT_AFTER_NAME.sub("", value) or value  # (the views after it, their icon gone: "โดย กลุ่มงาน… ๒๔๕")
    # the full stop of an English sentence ("This entry was posted ... by area2."), not a Thai
    # abbreviation's dot ("สสค."); a separator left at the end ("udon_admin /")
    return _SENTENCE_END.sub("", value).rstrip(" /|·•—–@")  # (Blogger's "posted by ดวงใจ @ 3/14/2006 …")


#: A login in brackets after a display name.
_LOGIN_AFTER = re.compile(r"(?<=\S)\s*\([A-Za-z][A-Za-z0-9_.\-]*\)$")
#: An ellipsis standing after a name: a counter's placeholder, never the name's.
_PLACEHOLDER_AFTER = re.compile(r"\s*(?:\.{3,}|…)+$")
#: The connective "when" left after a name whose date is not text.
_WHEN_AFTER_NAME = re.compile(r"\s+เมื่อ\s*[:：]?$")
#: A government post after a name and a comma ("…, นักวิชาการแรงงานปฏิบัติการ", "…, หัวหน้ากลุ่มงาน…").
_JOB_TITLE_AFTER = re.compile(r"\s*,\s*(?:นักวิชาการ|เจ้าหน้าที่|เจ้าพนักงาน|ผู้อำนวยการ|หัวหน้า|สวัสดิการและคุ้มครองแรงงาน"
                              r"|พนักงาน|นิติกร|นักประชาสัมพันธ์|นักทรัพยากรบุคคล|นักจัดการงานทั่วไป).*$")
#: A count ending a name: three digits or more, or thousands grouped (a unit's own number has one
#: or two: "พื้นที่ 4"); the count shown beside the name once its icon says nothing.
_COUNT_AFTER_NAME = re.compile(r"\s+(?:[\d๐-๙]{1,3}(?:,[\d๐-๙]{3})+|[\d๐-๙]{3,})$")
#: What is left of "Leave a Comment" once its "Comment" is read as a label.
_LEFT_OF_COMMENT = re.compile(r"\s+(?:Leave|Add|Post)\s+an?\s*$", re.IGNORECASE)
#: A credit's label: "ข่าว :", "ข่าว/ภาพ :", "ข่าวและภาพ :" (the news, and its photos, by ...).
_CREDIT_LABEL = re.compile(r"^\s*ข่าว(?:\s*(?:/|และ)\s*ภาพ)?\s*[:：]\s*(?=\S)")


def is_credit(text: str) -> bool:
    """A news credit: "ข่าว : …", "ข่าว/ภาพ : …" (a byline in the info, never read in the text)."""
    return bool(_CREDIT_LABEL.match(text))


_SENTENCE_END = re.compile(r"(?<=[A-Za-z0-9_])\.\s*$")


_BARE_NUMBER = re.compile(r"^\s*[\d๐-๙][\d๐-๙,.]*\s*$")
_HITS_WORD = re.compile(r"^\s*(?:views?|hits?|reads?|ครั้ง|เข้าชม|ผู้ชม)\s*$", re.IGNORECASE)


_DAY = re.compile(r"^\s*(?:[1-9]|[12][0-9]|3[01]|0[1-9]|[๑-๙]|[๑๒][๐-๙]|๓[๐๑]|๐[๑-๙])\s*$")


#: "by" alone over the name (WordPress's post-author block: its byline and name paragraphs).
_BY_ALONE = re.compile(r"^\s*(?:โดย|by)\s*:?\s*$", re.IGNORECASE)


def join_label_lines(lines: list[str]) -> list[str]:
    """A label alone on its line takes the next line as its value, as fields printed with their
    label above them do (Drupal's "field-label-above", ``<dt>``/``<dd>`` pairs):
    ``["หมวดหมู่ข่าว", "ข่าวประชาสัมพันธ์"]`` -> ``["หมวดหมู่ข่าว ข่าวประชาสัมพันธ์"]``."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (is_label_alone(line) or _BY_ALONE.match(line)) and i + 1 < len(lines) and not split_labelled(lines[i + 1])[1]:
            out.append(f"{line} {lines[i + 1]}")
            i += 2
            continue
        if _BARE_NUMBER.match(line) and i + 1 < len(lines) and _HITS_WORD.match(lines[i + 1]):
            out.append(f"{line} {lines[i + 1]}")  # "845" over "VIEWS": a counter and its label
            i += 2
            continue
        if _DAY.match(line) and i + 1 < len(lines) and not find_date(lines[i + 1]).matched \
                and find_date(f"{line} {lines[i + 1]}").matched:
            out.append(f"{line} {lines[i + 1]}")  # a date badge: "๒๓" over "มิ.ย. ๖๖"
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def author_from_lines(lines: list[str]) -> str | None:
    for line in lines:
        segments = split_labelled(line)[1]
        for i, seg in enumerate(segments):
            if seg.kind != "author" or i and segments[i - 1].kind == "modified":
                continue  # (who last updated it: "Last Updated on February 22, 2024 by <a>…</a>")
            value = name_value(seg.value)
            if value and len(value) <= MAX_NAME:
                return clean(value)
    return None


def hits_from_microdata(content: str) -> str | None:
    m = _HITS_IN_TEXT.search(content or "")
    return m.group(1) if m else None


def hits_from_text(text: str) -> str | None:
    """The counter of a hits element's text: after its label, else its leading number."""
    text = collapse(text)
    for seg in split_labelled(text)[1]:
        if seg.kind == "hits" and hits_value(seg.value):
            return hits_value(seg.value)
    return hits_value(text)


#: A counter printed before its English label, as WordPress view counters do ("58 Views").
_COUNT_THEN_LABEL = re.compile(r"(?<![\d๐-๙,.])([\d๐-๙][\d๐-๙,.]*)\s*(?:total\s+)?(?:Views|Hits|Reads|เข้าชม|ฮิต|มุมมอง|ครั้ง(?!ที่))(?!\w)(?!\s*[:：])", re.IGNORECASE)


#: A comment label right before a count: the count is the comments'.
_COMMENTS_BEFORE = re.compile(rf"(?:{COMMENT_WORDS})\s*:?\s*$", re.IGNORECASE)
#: A file's download count before the count ("(ดาวน์โหลด 12 ครั้ง)" by an attachment): not the views.
_DOWNLOADS_BEFORE = re.compile(r"(?:ดาวน์โหลด|ดาวโหลด|Downloads?|Downloaded)\s*:?\s*$", re.IGNORECASE)


def _count_then_label(line: str) -> str | None:
    """``'area2 58 Views 0 Comments'`` -> ``'58'``; not a year ending a date (``'12 Jun 2025 Hits'``),
    a number before a label that takes its own value after a colon (``'Hits : 1,024'``) nor a
    file's downloads (``'ดาวน์โหลด 12 ครั้ง'``)."""
    for m in _COUNT_THEN_LABEL.finditer(line):
        if ends_with_date(line[: m.end(1)]) or _DOWNLOADS_BEFORE.search(line, 0, m.start(1)) \
                or _COMMENTS_BEFORE.search(line, 0, m.start(1)):
            continue  # (a comment count after its own label: "Comments 2 Views 263", icons read as words)
        return m.group(1).rstrip(",.")
    return None


def hits_from_lines(lines: list[str]) -> str | None:
    for line in lines:
        found = _count_then_label(line)
        if found:
            return found
        for seg in split_labelled(line)[1]:
            if seg.kind == "hits":
                found = hits_value(seg.value)
                if found:
                    return found
    return None


def category_from_lines(lines: list[str]) -> str | None:
    for value in _labelled(lines, "category"):
        value = _AND_AFTER.sub("", name_value(value))
        if value and len(value) <= MAX_NAME:
            return _without_full_stop(clean(value))
    return None


# --- body edges ---------------------------------------------------------------------------------

_NAV_WORD = (r"(ก่อนหน้า|ถัดไป|ย้อนกลับ|กลับ(?:ไป)?(?:สู่)?หน้า\S*|กลับ|Back\s+to\s+(?:the\s+)?\S+|Facebook|LINE|Twitter|X|ไฟล์แนบ|เอกสารแนบ|Attachments|อ่านต่อ|อ่านเพิ่มเติม|พิมพ์หน้านี้|พิมพ์|อีเมล"
             r"|ส่งต่อ|รับลิงก์|Get\s+link|Print|Email|Back|Next|Prev(?:ious)?|แชร์(?:ข่าวนี้|บทความนี้|หน้านี้|เรื่องนี้|โพสต์นี้)?|Share(?:\s+(?:on|via|to))?|Tweet|ทวีต|Like|การกระทำกับเอกสาร|Document\s+Actions"
             r"|เพิ่มความคิดเห็น|แสดงความคิดเห็น|ความคิดเห็น|JComments|Add\s+(?:a\s+)?comment|Leave\s+a\s+(?:comment|reply))")
_TRAILING_NAV = re.compile(rf"(?<=\S)\s+[\[(«‹<]*{_NAV_WORD}[\])»›>]*\s*$", re.IGNORECASE)
#: A line made only of navigation words, arrows and brackets ("[พิมพ์หน้านี้] [กลับ]", "« ก่อนหน้า").
#: (a count in brackets may follow a word: "ความคิดเห็น (0)"; a share count may open one: "186แชร์",
#: "142แชร์44LINE", Novashare's total and per-network counts)
_EDGE_NOISE = re.compile(rf"^(?:[\s\[\]()<>«»‹›|/:-]*(?:[\d๐-๙][\d๐-๙,.]*[KkMm]?\s*)?{_NAV_WORD}(?:\s*\(\s*[\d๐-๙]+\s*\))?[\s\[\]()<>«»‹›|/:-]*)+$|^[<>«»‹›]+$"
                         # a pager's "ต่อไป >" (only with its arrow: "ต่อไป" ends many a sentence); a like
                         # button's caption and its script's placeholder (Jetpack: "ถูกใจ:", "ถูกใจ กำลังโหลด...");
                         # a template's binding left unrendered ("{{t.name}}": AngularJS)
                         r"|^\s*ต่อไป\s*[>»›]+\s*$|^\s*(?:ถูกใจ|Like)\s*(?::|(?:กำลังโหลด|Loading)\.*)\s*$|^\s*\{\{[^{}]*\}\}\s*$",
                         re.IGNORECASE)


#: A breadcrumb trail written out: "หน้าแรก > ประกาศ > อัตราค่าจ้างขั้นต่ำ".
#: A page counter of a split article: "หน้า 1 จาก 3", "Page 1 of 3".
_PAGE_COUNTER = re.compile(r"^\s*(?:หน้า|Page)\s*[\d๐-๙]+\s*(?:จาก|of|/)\s*[\d๐-๙]+\s*$", re.IGNORECASE)
_TRAIL = re.compile(r"^(?:(?:คุณอยู่ที่|ตำแหน่งปัจจุบัน|You\s+are\s+here)\s*:?\s*)?(?:หน้าแรก|หน้าหลัก|หน้าแรกเว็บไซต์|Home)\s*[>»›/|]",
                    re.IGNORECASE)


#: A view counter's own line: "1,502 total views, 3 views today" (a3 Page Views Count), "58 Views".
_DIGITS_RUN = re.compile(r"\s*([\d๐-๙][\d๐-๙,.]*)")
_COUNTER_LINE = re.compile(
    r"^\s*(?:[\d๐-๙][\d๐-๙,.]*\s*(?:total\s+)?(?:views?|hits?|reads?|ครั้ง)(?:\s+today)?\s*[,|]?\s*)+$", re.IGNORECASE
)


def is_counter_line(line: str) -> bool:
    return bool(_COUNTER_LINE.match(line))


def counter_value(line: str) -> str | None:
    """The (first) count of a counter's own line: ``'1,234 ครั้ง'`` -> ``'1,234'``."""
    return _DIGITS_RUN.match(line).group(1).rstrip(",.") if _COUNTER_LINE.match(line) else None


def is_trail(line: str) -> bool:
    """A breadcrumb trail written out: home first, then a separator."""
    return bool(_TRAIL.match(line))


#: A rating widget's lines: "คะแนนของคุณ", "เฉลี่ย (0 โหวต)", "Average (3 Votes)", "โหวต: 2".
_RATING = re.compile(
    r"^\s*(?:คะแนนของคุณ|Your\s+Rating|(?:คะแนน)?เฉลี่ย\s*\(\s*[\d๐-๙]+\s*(?:โหวต|คะแนน)\s*\)"
    r"|Average\s*\(\s*\d+\s*Votes?\s*\)|(?:โหวต|Votes?)\s*:?\s*[\d๐-๙]+"
    # WP-PostRatings: "(12 โหวต, เฉลี่ย: 4.50 จาก 5)", "(12 votes, average: 4.50 out of 5)", its loader
    r"|\(?\s*[\d๐-๙]+\s*(?:โหวต|votes?)\s*,\s*(?:เฉลี่ย|average)\s*:?\s*[\d๐-๙.]+\s*(?:จาก|out\s+of)\s*[\d๐-๙]+\s*\)?"
    r"|กำลังโหลด\s*\.*|Loading\s*\.\.\."
    # ExtraVote's stars as their numbers, then the score: "1 2 3 4 5 คะแนน: 4.4/5 (12 โหวต)"
    r"|(?:[1-5]\s+){4}[1-5]\s*(?:คะแนน|Rating)\s*:?\s*[\d.]+\s*/\s*\d+(?:\s*\(\s*[\d๐-๙]+\s*(?:โหวต|votes?)\s*\))?"
    # a rating widget's caption alone, its stars pictures ("ให้คะแนน:", "ให้คะแนนข่าวนี้", "Rate this:")
    r"|ให้คะแนน(?:ข่าวนี้|บทความนี้)?\s*:?|Rate\s+this(?:\s+(?:post|article))?\s*:?)\s*$", re.IGNORECASE)


#: The caption of a fold or box of the article's info, alone on its line ("<summary>รายละเอียด</summary>"
#: over Construc2's article-info list).
_INFO_CAPTION = re.compile(r"^\s*(?:รายละเอียด(?:ข่าว|บทความ)?|ข้อมูล(?:ข่าว|บทความ)|Details|Article\s+(?:info|details))\s*:?\s*$",
                           re.IGNORECASE)


#: A link to the comments alone on its line.
_COMMENTS_LINK = re.compile(rf"^\s*(?:{_COMMENTS_PHRASE})\s*$", re.IGNORECASE)


#: A print view's footer: the page's own address ("ที่มา : https://..."), "พิมพ์จากระบบ...".
_PRINT_FOOTER = re.compile(r"^\s*(?:(?:ที่มา|แหล่งที่มา|Source|URL)\s*:?\s*https?://\S+|พิมพ์(?:จาก|เมื่อ|วันที่)\s*.*|(?:Article\s+)?Printed\s+(?:from|on)\b.*|URLs?\s+(?:to\s+article|in\s+this\s+post)\s*:.*|Click\s+here\s+to\s+print\.?|(?:Copyright|©).*)$",
                           re.IGNORECASE)


#: Drupal's node link "เข้าสู่ระบบ เพื่อส่งความคิดเห็น" / "Log in to post comments".
_LOGIN_TO_COMMENT = re.compile(r"^\s*(?:เข้าสู่ระบบ|ลงทะเบียน)\S*\s*(?:หรือ\s*\S+\s*)?เพื่อ\S*\s*(?:ส่ง|แสดง)?ความคิดเห็น\s*$"
                               r"|^\s*(?:Log\s*in|Login)(?:\s+or\s+register)?\s+to\s+post\s+comments\s*$", re.I)


def is_edge_noise(line: str) -> bool:
    """A line of navigation words only, a breadcrumb trail, a page counter or a rating widget's,
    as found at the edges of a body."""
    return bool(_EDGE_NOISE.match(line) or _TRAIL.match(line) or _PAGE_COUNTER.match(line) or _RATING.match(line)
                or _LOGIN_TO_COMMENT.match(line) or _INFO_CAPTION.match(line) or _COMMENTS_LINK.match(line)
                or (len(line) <= 200 and _PRINT_FOOTER.match(line)))


_BARE_COUNT = re.compile(r"^[\d๐-๙][\d๐-๙,]*$")


def _badge_before(head: str, segments) -> bool:
    """A category's one-word badge before the labelled items, its own label an icon, perhaps
    with the views' bare count after it: "ข่าวกิจกรรม เผยแพร่เมื่อ … โดย … เข้าชม …", "ข่าวประชาสัมพันธ์
    534 แก้ไขล่าสุด 19 ธ.ค. 2567" (Start Bootstrap's footer strip). A dated item must be among them,
    and a second item or the count says the line is info."""
    words = head.split()
    if not 1 <= len(words) <= 2 or len(words[0]) > 20 or _DIGIT.search(words[0]) \
            or len(words) == 2 and not _BARE_COUNT.match(words[1]):
        return False
    dated = any(seg.kind in ("published", "modified") and find_date(seg.value).matched for seg in segments)
    return dated and (len(segments) >= 2 or len(words) == 2)


#: WordPress's classic themes' info sentence under a post (Kubrick's, Arclite's): "This entry was
#: posted on 18 กุมภาพันธ์ 2010, 14:35 and is filed under ข่าวกิจกรรม. You can follow any responses …"
_POST_METADATA_SENTENCE = re.compile(r"^\s*This\s+entry\s+was\s+posted\b", re.IGNORECASE)


def is_metadata_line(line: str) -> bool:
    """A short line made only of info labels with their values and dates (not article text)."""
    if _POST_METADATA_SENTENCE.match(line) and len(line) <= 500:
        return True
    if len(line) > 200:
        return False
    head, segments = split_labelled(line)
    if segments:
        # (or a person's name, unlabelled, before two labelled items or more: RocketTheme's
        # "สุนันทา แก้วประเสริฐ เผยแพร่เมื่อ 15 มิถุนายน 2012 ฮิต: 3817 หมวด: ข่าวกิจกรรม")
        return (len(head) <= 3 or bool(find_date(head).matched) and len(head) < 60 or _badge_before(head, segments)
                or len(segments) >= 2 and is_person_name(head.strip()))
    found = find_date(line)
    return bool(found.matched) and len(line) - len(found.matched) <= 12


# --- attachments and images ---------------------------------------------------------------------

DOCUMENT_EXTENSIONS = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods|odp|txt|csv)$", re.IGNORECASE)
#: Download links that name no file: Joomla's Attachments extension, K2's attachment links.
_DOWNLOAD_LINK = re.compile(r"com_attachments|/item/download/|task=download|/attachments/download", re.IGNORECASE)
#: What an ``href`` must hold to resolve to one of the above: a document's extension ending its
#: path (before the query or fragment), or a download handler's words. Most of a page's links hold
#: neither and are passed over before ``urljoin``, which cost more than the rest of the test.
_MAY_BE_DOCUMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods|odp|txt|csv)(?:[?#]|$)|com_attachments"
                              r"|/item/download/|task=download|/attachments/download", re.IGNORECASE)


def is_document_link(href: str) -> bool:
    """A link to a document file or a download handler (absolute or relative)."""
    return bool(DOCUMENT_EXTENSIONS.search(urlsplit(href.strip()).path) or _DOWNLOAD_LINK.search(href))


def base_url(doc, url: str) -> str:
    base = attribute_values(tagged(doc, "base"), "href")
    return urljoin(url, base[0].strip()) if base else url


def attachments(scopes: list, page_base: str, skip=lambda el: False) -> list[dict]:
    """Links to documents inside ``scopes`` (document order, once each by URL)."""
    found: dict[str, dict] = {}
    for scope in scopes:
        for a in scope.iter("a"):
            href = (a.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:", "mailto:")) or not _MAY_BE_DOCUMENT.search(href):
                continue
            absolute = _as_requested(urljoin(page_base, href))
            path = urlsplit(absolute).path
            # the cheap test first: ``skip`` reads the link's ancestors
            if not (DOCUMENT_EXTENSIONS.search(path) or _DOWNLOAD_LINK.search(absolute)) or skip(a):
                continue
            text = clean(element_text(a)) or ""
            if absolute in found:
                if text and found[absolute]["_fallback"]:
                    found[absolute].update(text=text, _fallback=False)
                continue
            fallback = not text
            if fallback:
                text = unquote(path.rsplit("/", 1)[-1]) or absolute
            found[absolute] = {"url": absolute, "text": text, "_fallback": fallback}
    return [{"url": v["url"], "text": v["text"]} for v in found.values()]


def _as_requested(url: str) -> str:
    """A link as a browser requests it: a Thai file name or a space percent-escaped, in UTF-8
    (``/upload/หนังสือเชิญ.pdf`` -> ``/upload/%E0%B8%AB...pdf``); most links need nothing."""
    return url if url.isascii() and " " not in url else safe_url_string(url)


def images(scopes: list, page_base: str, skip=lambda el: False, left_out=frozenset()) -> list[str]:
    """Images inside the body ``scopes`` (document order, once each); ``skip`` drops an image's
    block, ``left_out`` holds images that are not the text's."""
    out: list[str] = []
    for scope in scopes:
        for img in scope.iter("img", "amp-img"):  # (AMP's <amp-img>: its <img> is in a <noscript>)
            src = (img.get("src") or img.get("data-src") or "").strip()
            if not src or src.startswith("data:") or img in left_out or _FILE_TYPE_ICON.match(img.get("alt") or ""):
                continue  # (a file type's icon by its link: alt="pdf")
            if (any(skip(a) for a in _ancestors_until(img, scope)) or is_action_button(img) or is_banner(img, page_base)
                    or is_avatar(src)):  # a byline's avatar: the author's picture, not the text's
                continue
            absolute = _as_requested(urljoin(page_base, src))
            if absolute not in out:
                out.append(absolute)
    return out


_FILE_TYPE_ICON = re.compile(r"^\s*(?:pdf|docx?|xlsx?|pptx?|zip|rar|txt|odt|ods)\s*$", re.IGNORECASE)
_AVATAR_SRC = re.compile(r"/avatars?/|gravatar\.com/avatar/", re.IGNORECASE)


def is_avatar(src: str) -> bool:
    """A picture from the site's avatars ("/files/avatars/7.jpg") or Gravatar's: a person's."""
    return bool(_AVATAR_SRC.search(src))


_ACTION_LINK = re.compile(
    # (not "tmpl=component" alone: a gallery's picture opens in one, Phoca's modal detail view)
    r"[?&](?:print=1|option=com_mail\w*|format=(?:pdf|print)|task=(?:emailform|pdf)|pop=1)\b|/component/mail\w*/"
    r"|^mailto:|^javascript:|/(?:print|email|pdf)/?$"
    r"|/(?:print|email|e?mail|pdf|sendtofriend|tellafriend)\w{0,12}\.(?:php|aspx?|jsp|cfm)(?:[?#]|$)",  # e107's print.php?news.87
    re.IGNORECASE,
)


def is_action_link(href: str) -> bool:
    """A link that prints the page, mails it or turns it into a PDF: a button of the page."""
    return bool(_ACTION_LINK.search(href.strip()))


def is_action_button(img) -> bool:
    """An icon in a link that prints, mails or turns the page into a PDF (Joomla's buttonheading,
    "print friendly" plugins): a button of the page, not one of the article's pictures."""
    a = img.getparent()
    while a is not None and a.tag != "a" and a.tag in ("span", "b", "i", "strong", "em"):
        a = a.getparent()
    return a is not None and a.tag == "a" and (is_action_link(a.get("href") or "") or bool(
        _ACTION_WORDS.match(img.get("alt") or a.get("title") or "")))


#: What a button's picture or link says it does ("print story", Zikula's icon to its printer theme).
_ACTION_WORDS = re.compile(r"^\s*(?:print(?:\s+(?:story|this|article|page))?|พิมพ์(?:หน้านี้|ข่าวนี้)?|PDF|e-?mail(?:\s+this)?"
                           r"|ส่งอีเมล|send\s+to\s+(?:a\s+)?friend)\s*$", re.IGNORECASE)


_PIXELS = re.compile(r"^\s*(\d+)\s*(?:px)?\s*$")


def is_icon(img) -> bool:
    """A picture the page declares at most 32 pixels wide or high: a file-type or bullet icon
    (``<img src="icon-pdf.png" width="16">``). Inside the text it is one of its images (the
    record's rule); a block of such icons alone is not a picture that continues the text."""
    for attr in ("width", "height"):
        m = _PIXELS.match(img.get(attr) or "")
        if m and int(m.group(1)) <= 32:
            return True
    return False


def is_banner(img, page_base: str) -> bool:
    """A picture that links to another site (a campaign banner, an advertisement): not the
    article's. Pictures linked to themselves, to a larger copy or to this site stay."""
    a = img.getparent()
    while a is not None and a.tag != "a" and a.tag in ("span", "b", "i", "strong", "em", "picture", "figure"):
        a = a.getparent()
    if a is None or a.tag != "a":
        return False
    href = urljoin(page_base, (a.get("href") or "").strip())
    target = urlsplit(href)
    if target.scheme not in ("http", "https") or DOCUMENT_EXTENSIONS.search(target.path):
        return False
    if re.search(r"\.(?:jpe?g|png|gif|webp)$", target.path, re.IGNORECASE):
        return False
    return (target.hostname or "") != (urlsplit(page_base).hostname or "")


def _ancestors_until(el, stop):
    el = el.getparent()
    while el is not None and el is not stop:
        yield el
        el = el.getparent()


# --- article id ---------------------------------------------------------------------------------

_QUERY_ID = re.compile(r"(?:^|[?&;])(?:id|p|article_id|news_id|newsid|nid)=(\d+)", re.IGNORECASE)
_SEF_ID = re.compile(r"/(?:item/)?(\d+)-[^/]+?(?:\.html?)?/?$")
_ARCHIVE_ID = re.compile(r"/archives/(\d+)/?$")
_POSTID = re.compile(r"\bpostid-(\d+)\b")


def _links(doc, rel: str) -> list[str]:
    """``//link[@rel=rel]/@href`` (see ``tagged``)."""
    return attribute_values(tagged(doc, "link", lambda el: el.get("rel") == rel), "href")


def _json_ld_texts(doc) -> list[str]:
    """``//script[@type='application/ld+json']/text()`` (see ``tagged``; a script's text is one node)."""
    return [el.text for el in tagged(doc, "script", lambda el: el.get("type") == "application/ld+json") if el.text]


_ARTICLE_TYPES = frozenset(("Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "AnalysisNewsArticle",
                            "ReportageNewsArticle", "TechArticle", "WebPage"))


def json_ld_article(doc) -> dict:
    """The first schema.org article object in the page's JSON-LD scripts (lists and ``@graph``
    included; an ``Article`` before a ``WebPage``), or ``{}``. Broken JSON is skipped."""
    found: list[dict] = []

    def visit(node) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(t in _ARTICLE_TYPES for t in types if isinstance(t, str)):
                found.append(node)
            visit(node.get("@graph"))

    for text in _json_ld_texts(doc):
        try:
            visit(json.loads(text))
        except (ValueError, RecursionError):
            continue
    articles = [n for n in found if n.get("@type") != "WebPage"]
    return (articles or found or [{}])[0]


def article_id_from_url(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.query:
        m = _QUERY_ID.search(parts.query)
        if m:
            return m.group(1)
    m = _SEF_ID.search(parts.path) or _ARCHIVE_ID.search(parts.path)
    return m.group(1) if m else None


def canonical_url(doc, page_url: str) -> str | None:
    for href in _links(doc, "canonical"):
        if href.strip():
            return urljoin(page_url, href.strip())
    return None


def article_id(doc, url: str) -> str | None:
    """The CMS's numeric article id, from the URL, the canonical link, or the page."""
    found = article_id_from_url(url)
    if found:
        return found
    for href in (*_links(doc, "canonical"), *_links(doc, "shortlink")):
        found = article_id_from_url(href.strip())
        if found:
            return found
    for classes in attribute_values(tagged(doc, "body"), "class"):
        m = _POSTID.search(classes)
        if m:
            return m.group(1)
    return None
