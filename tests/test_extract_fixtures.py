"""Table-driven: every saved page of fixtures/pages extracts to exactly its expected record."""

from __future__ import annotations

import pytest

from pipelines.validate import validation_errors
from scraper.extract import extract_one
from tests.conftest import fixture_pairs, load_expected

PAIRS = fixture_pairs()
#: Every field of the record; keys starting with "_" in an expected file are notes, not fields.
FIELDS = ["id", "url", "site", "office", "title", "published", "published_raw", "modified", "date_source",
          "province_code", "province", "bangkok_area", "fiscal_year", "month",
          "author", "hits", "category", "body", "attachments", "images", "language", "word_count",
          "content_hash", "scraped_at", "schema_version", "warnings"]


def test_there_are_enough_fixtures():
    assert len(PAIRS) >= 40


@pytest.mark.parametrize("html_path,json_path", PAIRS, ids=[p[0].stem for p in PAIRS])
def test_fixture_extracts_exactly(html_path, json_path):
    expected = load_expected(json_path)
    record = extract_one(html_path.read_bytes(), expected["url"])
    assert validation_errors(record) == []
    mismatched = {f: (record.get(f), expected.get(f)) for f in FIELDS if record.get(f) != expected.get(f)}
    assert not mismatched, "\n".join(f"{f}: got {g!r}\n     expected {e!r}" for f, (g, e) in mismatched.items())
