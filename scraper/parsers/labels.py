"""The labels Thai portals print before each info value, and a splitter for info lines.

Joomla's Thai language pack (``เขียนโดย``, ``เผยแพร่เมื่อ``, ``ฮิต``, ``หมวด``), template overrides
(``Post on``, ``by``), WordPress themes (``เข้าชม N ครั้ง``) and custom PHP pages (``วันที่ลงข่าว``,
``ผู้ลงข่าว``, ``จำนวนผู้อ่าน``) are all listed here, in one table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scraper.parsers.thaidate import find_date

_NUM = r"[\d๐-๙][\d๐-๙,.]*"

#: The words of a comment count ("3 ความคิดเห็น", "ความเห็น: 2", "5 Comments"), for the patterns
#: that tell a comment count from the views around a byline, a counter or a caption.
COMMENT_WORDS = r"ความ(?:คิด)?เห็น|Comments?"

#: kind -> label alternatives (longest first within a kind).
LABELS: dict[str, str] = {
    "published": r"เผยแพร่เมื่อ|ประชาสัมพันธ์เมื่อ|ข่าววันที่|วันที่เผยแพร่|เผยแพร่วันที่|ลงข่าวเมื่อ|ลงข่าววันที่|วันที่ลงข่าว|วันที่ประกาศ|ประกาศเมื่อ"
    r"|โพสต์เมื่อ|วันที่โพสต์|ส่งเมื่อ|(?:^|(?<=\s))เมื่อ(?=\s*[\d๐-๙])|(?<=\s)เมื่อ(?=\s+วัน(?:จันทร์|อังคาร|พุธ|พฤหัส|ศุกร์|เสาร์|อาทิตย์))|เผยแพร่(?:แล้ว)?(?=\s*:?\s*(?:[\d๐-๙]|วัน(?:จันทร์|อังคาร|พุธ|พฤหัส|ศุกร์|เสาร์|อาทิตย์))|\s*[:：]\s*$)|ลงประกาศเมื่อ|ลงประกาศ|ลงวันที่|วันที่เขียนเรื่อง|Post\s+date|Published\s+on|Published(?!\s+(?:in|by)\b)|Posted\s+on|Post\s+on|Date\s+posted|(?<!\w)Date(?=\s*:)|(?<!\w)Posted(?=\s*:)|(?<!\w)Posted(?=\s+[\d๐-๙])",
    "created": r"สร้างเมื่อ|วันที่สร้าง|Created\s+on|Created",
    "modified": r"อัพเดทล่าสุดเมือ|อัพเดทล่าสุดเมื่อ|อัพเดทล่าสุด|อัปเดตล่าสุด|อัพเดตล่าสุด|แก้ไขล่าสุดเมื่อ|แก้ไขล่าสุด"
    r"|อัปเดตเมื่อ|อัพเดทเมื่อ|อัพเดตเมื่อ|ปรับปรุงเมื่อ|แก้ไขเมื่อ|(?:อัปเดต|อัพเดท|อัพเดต)(?=\s*:?\s*[\d๐-๙])"
    r"|ปรับปรุงล่าสุดเมื่อ|ปรับปรุงล่าสุด|ปรับปรุงข้อมูลล่าสุด(?:เมื่อ)?|ปรับปรุงข้อมูลเมื่อ|(?:อัปเดต|อัพเดท|อัพเดต)ข้อมูล(?:ล่าสุด)?(?:เมื่อ)?|Last\s+Updated\s+on|Last\s+Updated|Last\s+changed(?=\s*:)|Updated\s+on|Modified\s+on|(?<!\w)(?:Updated|Modified)(?=\s*:)"
    # the date a page's figures hold for ("ข้อมูล ณ วันที่ 1 ตุลาคม 2567"), not when it was published
    r"|ข้อมูล\s*ณ\s*วันที่|ข้อมูล\s*ณ(?=\s*[\d๐-๙])|(?<!\w)As\s+of(?=\s*[\d๐-๙])",
    "author": r"Published\s+by|ข่าวโดย|เขียนโดย|เรียบเรียงโดย|ผู้เรียบเรียง|ผู้ลงข่าว|ส่งโดย|ผู้ส่งข่าว|ผู้โพสต์|Submitted\s+by|เผยแพร่โดย|ลงข่าวโดย|ประกาศโดย|ผู้เขียนเรื่อง|ผู้เขียนข่าว|ผู้เขียน|Post\s+author|โพสต์โดย|ผู้ประกาศข่าว|ผู้เผยแพร่ข่าว|ผู้เผยแพร่|ผู้ประกาศ|ผู้บันทึก(?:ข่าว|ข้อมูล)?(?!ภาพ)|Written\s+by|Posted\s+by|(?<!\w)Author(?!\w)"
    # ("by" after no letter: after a date's digits too, glued by the theme's CSS, "12 มี.ค. 2024By pyo_admin")
    r"|(?<![^\W\d])by(?!\w)|(?:^|(?<=\s)|(?<=[\d๐-๙]))โดย(?=\s|\s*[:：])|(?:^|(?<=\s))ผู้ส่ง(?=\s*:)",
    "hits": r"ครั้งที่อ่าน|ยอดเข้าชม|ยอดดู|จำนวนผู้อ่าน|จำนวนผู้เข้าชม|จำนวนผู้ชม|จำนวนการเข้าชม|จำนวนครั้งที่อ่าน|เปิดอ่าน|ฮิต|(?<!\w)Hits(?!\w)|(?<!\w)Views(?!\w)"
    rf"|(?:ผู้เข้าชม|เข้าชม|ผู้ชม|อ่าน)(?=\s*:?\s*{_NUM}\s*(?:ครั้ง|คน|$|\||\)))|(?:ผู้เข้าชม|เข้าชม)(?=\s*:|\s*$)"
    rf"|(?<!\w)Read(?=\s*{_NUM}\s*times)|(?<!\w)Visited(?=\s*{_NUM}\s*times)|Post\s+Views|การดู(?=\s*:?\s*{_NUM}(?!\S))|(?<=[\d๐-๙]\s)(?:Reads(?!\w)|มุมมอง)",
    # a comment count ends the value before it; nothing reads it ("Comments 3", "ความคิดเห็น : 3")
    "comments": r"ความคิดเห็น(?=\s*:?\s*[\d๐-๙])|(?<!\w)Comments?(?!\w)",
    # a like counter's number (a heart icon's "12", "ถูกใจ 5") is not the views either
    "likes": r"(?<!\w)Likes?(?!\w)|ถูกใจ(?=\s*:?\s*[\d๐-๙])",
    # not "ข่าวอื่นๆ ในหมวดนี้" (K2's "more in this category") nor "ในหมวดเดียวกัน" ("in the same category")
    # a parent category's label is not the category's ("หมวดหลัก: ข่าวสาร หมวด: ข่าวประชาสัมพันธ์")
    "parent": r"หมวดหมู่หลัก|หมวดหลัก|ประเภทหลัก|Parent\s+Category",
    # a word count or reading time ends the value before it (hexo-word-counter's "Symbols count in
    # article: 1.3k", "Reading time ≈ 1 mins."); nothing reads them
    "reading": r"Symbols\s+count\s+in\s+article|Words?\s+count(?:\s+in\s+article)?|Reading\s+time|Time\s+to\s+read"
    r"|เวลา(?:ใน|ที่ใช้)?การอ่าน|ใช้เวลาอ่าน|จำนวนคำ(?=\s*:)",
    # the publishing unit, a row of a publication info table ("หน่วยงาน | กลุ่มงานคุ้มครองแรงงาน"):
    # it ends the value before it; nothing reads it
    "unit": r"หน่วยงาน(?=\s*[:：]|\s+(?:กลุ่ม|ฝ่าย|งาน|สำนักงาน|ส่วน|ศูนย์|กอง))",
    # tags end a category's value ("หมวดหมู่ ข่าวกิจกรรม ติดแท็ก ค่าจ้างขั้นต่ำ"); nothing reads them
    "tags": r"ติดแท็ก|แท็ก|ป้ายกำกับ|(?<!\w)Tags?(?=\s*:)|Tagged(?=\s)",
    # (PHP-Nuke's "หัวข้อ:" is the topic, a section, before a section's name; before any other
    # words, a subject: a webboard's or a form's title)
    "category": r"หัวข้อ(?=\s*:\s*(?:ข่าว|ประกาศ|กิจกรรม|บทความ)\S*(?:\s|$))|จัดอยู่ในหมวดหมู่|ในหมวดหมู่(?!นี้|เดียวกัน)|ในหมวด(?!นี้|เดียวกัน)|หมวดหมู่ข่าว|หมวดข่าว|หมวดหมู่(?!นี้|เดียวกัน)|หมวด(?!นี้|เดียวกัน)|ประเภทข่าว|ประเภท(?=\s*:)|เผยแพร่ใน|โพสต์ใน|Published\s+in|Posted\s+in|Category|Categories|(?<=[\d๐-๙]\s)(?-i:In)(?=\s)"
    # or after an icon's label, before a Thai name ("📁 In ข่าวกิจกรรม": NexT's folder icon and its "In")
    r"|(?<=[:：]\s)(?-i:In)(?=\s+[\u0e01-\u0e4e])"
    # a line of its own, "In <a>ข่าวกิจกรรม</a>." (Pelican's notmyidea), "ใน <a>ข่าวประชาสัมพันธ์</a>"
    # (Odoo's blog): a Thai section's name of one word, no sentence
    r"|^(?:(?-i:In)|ใน)(?=\s+[\u0e01-\u0e4e][^:：.\s]{0,40}\.?$)"
    # "ใน" after an item separator, the byline before it ("เขียนโดย trang_pr | ใน <a>ข่าวกิจกรรม</a>": FlatPress)
    r"|(?<=[|·•]\s)ใน(?=\s)",
}

_LABEL_RE = re.compile(
    "|".join(f"(?P<{kind}>(?:{alts}))" for kind, alts in LABELS.items()) + r"\s*[:：]?\s*",
    re.IGNORECASE,
)
_STRIP = " \t:：-–—|,;/\u00a0"
_HITS_VALUE = re.compile(rf"^\s*\(?\s*({_NUM})")  # "245", "(245)" after an eye icon
_TRAILING_NUM = re.compile(rf"(?:^|[\s(])({_NUM})\s*$")


@dataclass(frozen=True, slots=True)
class Labelled:
    """One ``label: value`` segment of an info line."""

    kind: str
    label: str
    value: str


@lru_cache(maxsize=4096)
def split_labelled(line: str) -> tuple[str, tuple[Labelled, ...]]:
    """Split an info line at its labels: ``(text before the first label, (segments...))``.

    Cached: each field (dates, author, hits, category) reads the same info lines, and the
    label expression is costly to run; the result is immutable.
    """
    named = _NAME_ON.match(line)
    if named and not _LABEL_RE.search(line[:named.end()]):
        rest = line[named.end():]
        date = find_date(rest)
        if date.matched and rest.find(date.matched) <= 12:
            # "trang_admin on ศุกร์ 13 มิถุนายน 2008 - 15:40:22": e107's "{NEWSAUTHOR} on {NEWSDATE}"
            head, segments = split_labelled(rest)
            byline = Labelled("author", "on", named.group(1).strip(_STRIP))
            return "", (byline, Labelled("published", "on", head), *segments) if head else (byline, *segments)
    matches = list(_LABEL_RE.finditer(line))
    if not matches:
        return line, ()
    head = line[: matches[0].start()].strip(_STRIP)
    out = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = line[m.end() : end].strip(_STRIP)
        out.append(Labelled(m.lastgroup or "", m.group(m.lastgroup or 0).strip(), value))
    # A counter printed before its label ("... ข่าวประชาสัมพันธ์ 1,234 views") belongs to the label.
    if out[0].kind in _COUNTS and _needs_count_before(out[0]):  # "0 Comments · 142 Reads"
        m = _TRAILING_NUM.search(head)
        if m:
            head = head[: m.start()].strip(_STRIP)
            out[0] = Labelled(out[0].kind, out[0].label, f"{m.group(1)} {out[0].value}".strip())
    for i in range(len(out) - 1):
        nxt = out[i + 1]
        if nxt.kind in _COUNTS and _needs_count_before(nxt):
            m = _TRAILING_NUM.search(out[i].value)
            if m and not ends_with_date(out[i].value):  # (never a date's year: "8 พฤษภาคม 2567 Views (245)")
                out[i] = Labelled(out[i].kind, out[i].label, out[i].value[: m.start()].strip(_STRIP))
                out[i + 1] = Labelled(nxt.kind, nxt.label, f"{m.group(1)} {nxt.value}".strip())
    return head, tuple(out)


#: A name of one or two words, then "on" and the date: a byline that no label opens.
_NAME_ON = re.compile(r"^\s*([^\s:：]{2,30}(?:\s[^\s:：]{1,30})?)\s+on\s+(?=\S)")

#: Labels of a count, which may stand after its number ("1,245 Views", "3 Comments").
_COUNTS = frozenset(("hits", "comments", "likes"))


def ends_with_date(value: str) -> bool:
    """Whether ``value`` ends with a date ("... 8 พฤษภาคม 2567"): its last number is a year. The
    last of several dates counts ("27 มิถุนายน 2025 30 มิถุนายน 2025": published and updated)."""
    value = value.rstrip()
    while True:
        found = find_date(value)
        at = value.find(found.matched) if found.matched else -1
        if at < 0:
            return False
        if value.endswith(found.matched.rstrip()):
            return True
        value = value[at + len(found.matched):]
#: Counter labels written after their number only ("1045 ครั้งที่อ่าน", "45 ยอดดู 0 ความคิดเห็น").
_COUNT_AFTER = re.compile(r"^(?:ครั้งที่อ่าน|ยอดดู|Reads)$", re.IGNORECASE)


def _needs_count_before(segment: Labelled) -> bool:
    """A hits label whose number stands before it: none follows, or the label always follows its
    number (what follows it is another counter's)."""
    return not _HITS_VALUE.match(segment.value) or bool(_COUNT_AFTER.match(segment.label))


def strip_label(text: str, kind: str) -> str:
    """``'เขียนโดย area10'`` -> ``'area10'`` for kind ``author`` (the text unchanged otherwise)."""
    head, segments = split_labelled(text)
    if segments and not head and segments[0].kind == kind:
        return segments[0].value
    return text.strip(_STRIP)


def is_label_alone(text: str) -> bool:
    """A label of the article's info and nothing else ("Written by", "หมวดหมู่", "จำนวนผู้อ่าน")."""
    head, segments = split_labelled(text)
    return not head and len(segments) == 1 and not segments[0].value


def hits_value(value: str) -> str | None:
    """The counter digits at the start of a hits value (``'1,234 ครั้ง'`` -> ``'1,234'``)."""
    m = _HITS_VALUE.match(value)
    return m.group(1).rstrip(",.") if m else None
