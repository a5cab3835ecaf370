"""scraper/parsers/text.py: paragraphs, cleaning, and the pythainlp-normalize shortcut."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html
from pythainlp.util import normalize

from scraper.parsers.text import clean, paragraphs, thai_normalized

THAI = st.text(alphabet=st.sampled_from([chr(c) for c in range(0x0E01, 0x0E5C)] + [" ", "a", "1"]),
               min_size=0, max_size=12)


@settings(max_examples=3000, deadline=None)
@given(THAI)
def test_shortcut_equals_pythainlp_normalize(text):
    assert thai_normalized(text) == normalize(text)


def test_shortcut_on_real_text():
    for text in ("เเปลก", "นานาาา", "ดีีีี", "พ ุ่มดอกไม้", "ก้ำ", "คำ ่ที่สอง", "๊ก", "กรมสวัสดิการและคุ้มครองแรงงาน"):
        assert thai_normalized(text) == normalize(text)


def test_paragraphs_split_at_blocks_and_br():
    doc = html.fromstring("<div><p>หนึ่ง <b>สอง</b></p>สาม<br>สี่<ul><li>ห้า</li></ul>"
                          "<table><tr><td>ก</td><td>ข</td></tr></table><script>x()</script></div>")
    assert paragraphs(doc) == ["หนึ่ง สอง", "สาม", "สี่", "ห้า", "ก ข"]


def test_clean_removes_zero_width_and_collapses():
    assert clean("\u00a0 ค่าจ้าง\u200bขั้นต่ำ \n  ๓๓๐ บาท ") == "ค่าจ้างขั้นต่ำ ๓๓๐ บาท"
    assert clean("  \u200b ") is None
