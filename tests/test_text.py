"""scraper/parsers/text.py: paragraphs, cleaning, and the pythainlp-normalize shortcut."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html
from pythainlp.util import normalize

from scraper.parsers.text import (
    _ZERO_WIDTH,
    _may_need_thai_normalize,
    clean,
    clean_all,
    collapse,
    paragraphs,
    thai_normalized,
)

THAI = st.text(alphabet=st.sampled_from([chr(c) for c in range(0x0E01, 0x0E5C)]
                                        + [" ", " ", "a", "1", "\n", "\t", "\u00a0", "\u200b", "\u200c"]),
               min_size=0, max_size=12)
SPACEY = st.text(alphabet=st.sampled_from(list("กา่ a\t\n\r\x0b\x0c\x1c\x85") + ["\u00a0", "\u2002", "\u202f", "\u3000",
                                                                         "\u2028", "\u200b", "\u00ad", "\ufeff"]))


#: Few characters, one or two of each class the rules look at, so that rule sites occur often.
MARKS = st.text(alphabet=st.sampled_from(list("กขา ะำเแ่้๋ิีุ์ํๅฺ") + ["\n", "\t", "\u200b"]), min_size=0, max_size=8)


@settings(max_examples=3000, deadline=None)
@given(THAI)
def test_shortcut_equals_pythainlp_normalize(text):
    assert thai_normalized(text) == normalize(text)


@settings(max_examples=3000, deadline=None)
@given(MARKS)
def test_shortcut_equals_pythainlp_normalize_where_marks_meet(text):
    assert thai_normalized(text) == normalize(text)


@settings(max_examples=1000, deadline=None)
@given(SPACEY)
def test_collapse_folds_every_unicode_space(text):
    """``str.split`` folds exactly the white space of the regular expression ``\\s``."""
    assert collapse(text) == re.sub(r"\s+", " ", text.translate(_ZERO_WIDTH)).strip()


@settings(max_examples=1000, deadline=None)
@given(st.lists(MARKS | THAI, max_size=4))
def test_clean_all_equals_clean_of_each(texts):
    """One check over the joined texts decides exactly as a check of each text would."""
    assert clean_all(texts) == [c for c in map(clean, texts) if c]


def test_shortcut_skips_clean_text():
    """The shortcut really skips: clean Thai prose needs no pythainlp rule."""
    for text in ("กรมสวัสดิการและคุ้มครองแรงงาน ได้รับคะแนน 95.59", "นายจ้างต้องจ่ายค่าล่วงเวลาให้ลูกจ้าง"):
        assert not _may_need_thai_normalize(text)


def test_shortcut_on_real_text():
    for text in ("ก  ข", "นา าก", "นเ เก", "กะ ะ", "ก์ ์ข", "ดี ีก", "ก่ ่ข", "เเปลก", "นานาาา", "ดีีีี", "พ ุ่มดอกไม้", "ก้ำ", "คำ ่ที่สอง", "๊ก", "กรมสวัสดิการและคุ้มครองแรงงาน"):
        assert thai_normalized(text) == normalize(text)


def test_paragraphs_split_at_blocks_and_br():
    doc = html.fromstring("<div><p>หนึ่ง <b>สอง</b></p>สาม<br>สี่<ul><li>ห้า</li></ul>"
                          "<table><tr><td>ก</td><td>ข</td></tr></table><script>x()</script></div>")
    assert paragraphs(doc) == ["หนึ่ง สอง", "สาม", "สี่", "ห้า", "ก ข"]


def test_clean_removes_zero_width_and_collapses():
    assert clean("\u00a0 ค่าจ้าง\u200bขั้นต่ำ \n  ๓๓๐ บาท ") == "ค่าจ้างขั้นต่ำ ๓๓๐ บาท"
    assert clean("  \u200b ") is None
