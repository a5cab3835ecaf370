"""pipelines/validate.py: the compiled schema check agrees with jsonschema, record by record."""

from __future__ import annotations

import copy

import pytest
from jsonschema import Draft202012Validator

from pipelines.validate import _compiled, validation_errors
from scraper.schema import record_schema
from tests.conftest import fixture_records

RECORDS = fixture_records()

#: Ways to break a record, one schema rule each (and some that keep it valid).
MUTATIONS = {
    "valid as is": lambda r: None,
    "hits negative": lambda r: r.update(hits=-1),
    "hits a string": lambda r: r.update(hits="31"),
    "hits a bool": lambda r: r.update(hits=True),
    "hits null": lambda r: r.update(hits=None),
    "word_count float": lambda r: r.update(word_count=1.5),
    "title empty": lambda r: r.update(title=""),
    "title missing": lambda r: r.pop("title"),
    "extra field": lambda r: r.update(extra=1),
    "published impossible month": lambda r: r.update(published="2021-13-01"),
    "published BE year as is": lambda r: r.update(published="2564-08-30"),
    "published with time": lambda r: r.update(published="2021-08-30T10:15:00+07:00"),
    "published UTC": lambda r: r.update(published="2021-08-30T03:15:00Z"),
    "date_source unknown": lambda r: r.update(date_source="guess"),
    "date_source null": lambda r: r.update(date_source=None),
    "url relative": lambda r: r.update(url="/index.php/news/1"),
    "id without site": lambda r: r.update(id="1234"),
    "attachments not objects": lambda r: r.update(attachments=["a.pdf"]),
    "attachment without url": lambda r: r.update(attachments=[{"text": "x"}]),
    "images null": lambda r: r.update(images=None),
    "schema_version 1": lambda r: r.update(schema_version=1),
    "fiscal_year a string": lambda r: r.update(fiscal_year="2568"),
    "month without day ok, with day not": lambda r: r.update(month="2024-10-01"),
    "province_code one digit": lambda r: r.update(province_code="5"),
    "warnings strings": lambda r: r.update(warnings=["date sources disagree"]),
    "content_hash short": lambda r: r.update(content_hash="abc"),
    "author empty": lambda r: r.update(author=""),
}


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_compiled_check_agrees_with_jsonschema(mutation):
    reference = Draft202012Validator(record_schema())
    for original in RECORDS:
        record = copy.deepcopy(original)
        MUTATIONS[mutation](record)
        valid = reference.is_valid(record)
        assert (validation_errors(record) == []) == valid, (mutation, original["id"])
        try:
            _compiled()(record)
            compiled_valid = True
        except Exception:
            compiled_valid = False
        assert compiled_valid == valid, (mutation, original["id"])


def test_errors_are_worded_by_jsonschema():
    record = copy.deepcopy(RECORDS[0])
    record["hits"] = -1
    assert validation_errors(record) == ["hits: -1 is less than the minimum of 0"]
