"""The record's JSON Schema, ``record.schema.json`` (schema_version 2): read here and nowhere else."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def record_schema() -> dict:
    """The schema as a dict, read once per process. Shared by every caller: do not modify it."""
    return json.loads(resources.files(__name__).joinpath("record.schema.json").read_text("utf-8"))
