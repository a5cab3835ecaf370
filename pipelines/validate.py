"""Validate: every record against the JSON Schema shipped in the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from jsonschema import Draft202012Validator


@cache
def record_schema() -> dict:
    """The record's JSON Schema (``scraper/schema/record.schema.json``)."""
    return json.loads(resources.files("scraper").joinpath("schema/record.schema.json").read_text("utf-8"))


@cache
def _validator() -> Draft202012Validator:
    schema = record_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def validation_errors(record: dict) -> list[str]:
    """One short line per schema violation (empty when the record is valid)."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    out = []
    for err in errors:
        where = ".".join(str(p) for p in err.absolute_path) or "record"
        out.append(f"{where}: {err.message[:200]}")
    return out


class ValidatePipeline:
    """Scrapy stage: a record failing the schema becomes a Failure (quarantined, never lost)."""

    def process_item(self, item, spider=None):
        if not isinstance(item, dict):
            return item
        errors = validation_errors(item)
        if not errors:
            return item
        from scraper.items import Failure

        return Failure(item.get("url", "?"), "validate", "; ".join(errors[:3]), item.get("site"),
                       {"record": item})
