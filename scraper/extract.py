"""Offline extraction of saved pages: the engine behind ``labour-scraper extract``.

Files, directories (recursive ``*.html``/``*.htm``) and ``-`` (stdin) in; one JSON line per
record out. Each failing input gives one line naming it and the reason; the others go on.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from pipelines.normalize import RecordError, build_record
from pipelines.validate import validation_errors
from scraper.pages.rules import parse_article
from scraper.parsers.decode import MAX_HTML_BYTES
from scraper.parsers.errors import ExtractionError

HTML_SUFFIXES = (".html", ".htm")


@dataclass
class Source:
    """One input page: its display name, its record URL, and how to read its bytes."""

    name: str
    url: str
    path: Path | None  # None for stdin


def iter_sources(inputs: list[str], base_url: str | None) -> Iterator[Source | tuple[str, str]]:
    """Expand inputs into sources; yields ``(name, reason)`` for inputs that do not exist."""
    for item in inputs:
        if item == "-":
            yield Source("<stdin>", base_url or "file:///dev/stdin", None)
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in HTML_SUFFIXES and p.is_file())
            if not files:
                yield (item, "directory holds no .html/.htm files")
            for file in files:
                rel = file.relative_to(path).as_posix()
                url = urljoin(base_url if base_url.endswith("/") else base_url + "/", rel) if base_url else None
                yield Source(str(file), url or file.resolve().as_uri(), file)
        elif path.is_file():
            yield Source(item, base_url or path.resolve().as_uri(), path)
        elif path.exists():
            yield (item, "not a regular file")
        else:
            yield (item, "no such file or directory")


def read_source(source: Source) -> bytes:
    """The input's bytes, refusing oversized inputs before reading them whole."""
    if source.path is None:
        data = sys.stdin.buffer.read(MAX_HTML_BYTES + 1)
    else:
        size = source.path.stat().st_size
        if size > MAX_HTML_BYTES:
            raise ExtractionError(f"too large: {size / 1e6:.1f} MB exceeds the {MAX_HTML_BYTES / 1e6:.0f} MB page limit")
        data = source.path.read_bytes()
    return data


def extract_one(data: bytes, url: str, *, site=None, encoding: str | None = None) -> dict:
    """Bytes of one page -> a schema-valid record, or :class:`ExtractionError`."""
    raw = parse_article(data, url, encoding)
    try:
        record = build_record(raw, site=site)
    except RecordError as exc:
        raise ExtractionError(str(exc)) from None
    errors = validation_errors(record)
    if errors:
        raise ExtractionError(f"record fails the schema: {errors[0]}" + (f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""))
    return record


def run_extract(inputs: list[str], out, *, base_url: str | None = None, site=None, err=sys.stderr) -> tuple[int, int]:
    """Extract every input, writing JSON lines to ``out``: returns ``(records, failures)``."""
    ok = failed = 0
    for source in iter_sources(inputs, base_url):
        if isinstance(source, tuple):
            name, reason = source
            print(f"labour-scraper: {name}: {reason}", file=err)
            failed += 1
            continue
        try:
            data = read_source(source)
            record = extract_one(data, source.url, site=site)
        except ExtractionError as exc:
            print(f"labour-scraper: {source.name}: {exc}", file=err)
            failed += 1
            continue
        except (OSError, MemoryError, RecursionError) as exc:
            print(f"labour-scraper: {source.name}: {type(exc).__name__}: {exc}", file=err)
            failed += 1
            continue
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
        ok += 1
    return ok, failed


def open_output(path: str | None):
    """stdout for ``None``/``-``; else the file, line-buffered so nothing done is lost."""
    if path in (None, "-"):
        return sys.stdout
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    return open(path, "w", encoding="utf-8", buffering=1)
