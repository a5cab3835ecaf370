"""Shared test helpers: paths of the fixtures and the installed command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest_plugins = ["tests.pg"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PAGES = ROOT / "fixtures" / "pages"


def fixture_pairs() -> list[tuple[Path, Path]]:
    """Every ``NNN.html`` of fixtures/pages with its expected ``NNN.json``."""
    return [(html, html.with_suffix(".json")) for html in sorted(FIXTURE_PAGES.glob("*.html"))]


def load_expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def fixture_records() -> list[dict]:
    """The expected records of fixtures/pages (keys starting with '_' dropped)."""
    return [{k: v for k, v in load_expected(json_path).items() if not k.startswith("_")}
            for _, json_path in fixture_pairs()]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
