"""pipelines/normalize.py: choosing dates by source strength, hits, ids, hashes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.normalize import (
    _FORMATTED_NUMBER,
    build_record,
    canonical,
    choose_date,
    content_hash,
    parse_hits,
    record_id,
    word_count,
)
from pipelines.validate import validation_errors
from tests.conftest import fixture_records


def cand(kind, source, raw=None, machine=None):
    return {"kind": kind, "source": source, "raw": raw, "machine": machine}


def test_microdata_beats_label_and_keeps_the_time():
    warnings = []
    iso, raw, source = choose_date(
        [cand("published", "label", "30 สิงหาคม 2564"),
         cand("published", "microdata", "30 สิงหาคม 2564", "2021-08-30T03:15:00+00:00")],
        ("published", "created"), warnings, "published")
    assert (iso, raw, source) == ("2021-08-30T10:15:00+07:00", "30 สิงหาคม 2564", "microdata")
    assert warnings == []


def test_disagreeing_sources_are_reported():
    warnings = []
    iso, _, source = choose_date(
        [cand("published", "time", "31 ส.ค. 2564", "2021-08-30"), cand("published", "label", "1 ก.ย. 2564")],
        ("published", "created"), warnings, "published")
    assert iso == "2021-08-30" and source == "time"
    assert warnings == ["published: time 2021-08-30 != time 2021-08-31",
                        "published: time 2021-08-30 != label 2021-09-01"]


def test_created_only_when_no_publication_date():
    w = []
    assert choose_date([cand("created", "created", "1 ม.ค. 2565"), cand("published", "label", "2 ม.ค. 2565")],
                       ("published", "created"), w, "published")[0] == "2022-01-02"
    assert choose_date([cand("created", "created", "1 ม.ค. 2565")], ("published", "created"), w,
                       "published")[2] == "created"


def test_impossible_date_gives_none_with_a_warning():
    warnings = []
    iso, raw, source = choose_date([cand("published", "label", "31 กุมภาพันธ์ 2564")], ("published", "created"),
                                   warnings, "published")
    assert iso is None and raw == "31 กุมภาพันธ์ 2564" and source is None
    assert len(warnings) == 1 and warnings[0].startswith("published: label date rejected")


def test_modified_never_used_for_published():
    w = []
    assert choose_date([cand("modified", "label", "1 ม.ค. 2565")], ("published", "created"), w, "published")[0] is None


def test_hits():
    w = []
    assert parse_hits("๑,๒๓๔", w) == 1234
    assert parse_hits("31", w) == 31
    assert parse_hits(None, w) is None
    assert parse_hits("many", w) is None and w


def test_ids_and_urls():
    assert record_id("area10", "0123", "https://x/") == "area10:123"
    assert record_id("area10", None, "https://x/a").startswith("area10:") and len(record_id("s", None, "u")) == 14
    assert canonical("https://x.go.th/index.php?b=2&a=1&utm_source=fb#top") == "https://x.go.th/index.php?a=1&b=2"


def test_word_count_and_hash():
    assert word_count("") == 0
    assert word_count("กรมสวัสดิการและคุ้มครองแรงงาน ได้รับคะแนน 95.59 !") == 4
    # docs/record.md: sha256 hex of (title + "\n\n" + body) in UTF-8; values from `printf ... | sha256sum`
    assert content_hash("a", "b") == "38022fd2b8dbc5cb3d2cee74e083edbf59e3d4e13d067ebcb5db633d4cff4d8c"
    assert content_hash("หัวข้อ", "ย่อหน้า") == "eabb7c6e901f336ac41fe3551aa2308d5c9afc9efa6b8ec3dcb04c044e73196f"
    assert content_hash("a", "b") != content_hash("a\n\nb", "") != content_hash("a", "c")


def test_build_record_is_schema_valid_and_attributes_the_site():
    raw = {"url": "https://area10.labour.go.th/index.php/news/1234-ita#x", "canonical_url": None,
           "article_id": "1234", "title": "หัวข้อ", "dates": [cand("published", "label", "30 ส.ค. 64")],
           "author": "area10", "hits": "31", "category": None, "paragraphs": ["ย่อหน้า", "สอง"],
           "attachments": [], "images": []}
    record = build_record(raw)
    assert validation_errors(record) == []
    assert record["id"] == "area10:1234" and record["site"] == "area10" and record["published"] == "2021-08-30"
    assert record["body"] == "ย่อหน้า\n\nสอง" and record["hits"] == 31 and record["scraped_at"] is None


_WORDY = st.text(
    alphabet=st.sampled_from(list("กขคงนมยรลวสหอะาำิีึืุูเแโใไ่้๊๋็์ๆ๐๑๒๓๔๕") + list("0123456789.,:; \n-()/abcXYZ_")),
    max_size=200,
)


def _word_tokenize_count(text: str) -> int:
    from pythainlp.tokenize import word_tokenize

    tokens = word_tokenize(text, engine="nlpo3", keep_whitespace=False)
    return sum(1 for t in tokens if any(ch.isalnum() for ch in t))


@settings(max_examples=3000, deadline=None)
@given(_WORDY)
def test_word_count_equals_word_tokenize(text):
    """The offset-based count is exactly pythainlp's word_tokenize count, formatted numbers included."""
    assert word_count(text) == _word_tokenize_count(text)


@settings(max_examples=2000, deadline=None)
@given(_WORDY)
def test_formatted_numbers_are_pythainlps(text):
    from pythainlp.tokenize._utils import _DIGITS_WITH_SEPARATOR

    assert [m.span() for m in _FORMATTED_NUMBER.finditer(text)] == [m.span() for m in _DIGITS_WITH_SEPARATOR.finditer(text)]


def test_word_count_on_formatted_numbers_and_fixture_bodies():
    for text in ("เวลา 12:00น อัตรา 1,234.5 บาท", "IP 127.0.0.1 ครับ", "๑,๒๓๔.๕ และ 1.2.3", "1,2,3,4,5,6,7", "ก1.2ข3:4"):
        assert word_count(text) == _word_tokenize_count(text), text
    for record in fixture_records():
        body = record["body"]
        assert word_count(body) == _word_tokenize_count(body), record["id"]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://a.labour.go.th/news.php?id=5&PHPSESSID=abc", "https://a.labour.go.th/news.php?id=5"),
    ("https://a.labour.go.th/x;jsessionid=AB12?id=5&osCsid=ff00aa", "https://a.labour.go.th/x?id=5"),
    # PHP-Nuke's story id is not a session: it names the article
    ("https://a.labour.go.th/modules.php?name=News&sid=123", "https://a.labour.go.th/modules.php?name=News&sid=123"),
])
def test_canonical_drops_session_ids_as_the_crawl_does(url, expected):
    assert canonical(url) == expected
