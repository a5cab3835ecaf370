"""Export a store's records, hits history or revisions as JSON Lines, CSV or Parquet.

Files are written to a temporary file next to the output and renamed over it, so a reader never
sees a half-written file and an existing output is replaced whole (or left untouched on failure).
Rows come in the store's stable order. Types follow the record's JSON Schema:

* JSONL: the records exactly as stored (``schema_version`` kept), one per line.
* CSV: a header in schema field order; lists (attachments, images, warnings) as JSON strings; null
  as an empty field: the dialect of ``crawl -o x.csv`` too (:mod:`scraper.exporters`).
* Parquet (pyarrow): an explicit schema derived from the JSON Schema: strings, int64 for integers,
  ``list<struct<url, text>>`` for attachments, ``list<string>`` for images and warnings. Timestamps
  of the hits/revisions tables are ``timestamp[ms, tz=UTC]`` (Parquet has no seconds unit). The
  file carries pandas metadata so that pandas reads a nullable integer column (hits) as ``Int64``.
* SQLite: the analyst database of :mod:`scraper.analysis.db` (all tables at once, whatever
  ``table``): flat columns, Thai full-text search, hits, revisions, portal health. It is how a
  PostgreSQL store is snapshotted for ``browse``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path

from scraper.atomicfile import atomic_write as _atomic_write
from scraper.schema import record_schema
from scraper.storage import Store, record_fields

FORMATS = ("jsonl", "csv", "parquet", "sqlite")
#: file suffixes that name a format other than their own
SUFFIXES = {"sqlite3": "sqlite", "db": "sqlite"}
TABLES = ("records", "hits", "revisions")

HITS_COLUMNS = ("id", "site", "observed_at", "hits", "source")
REVISIONS_COLUMNS = ("id", "site", "revision", "observed_at", "content_hash", "title")
TIMESTAMP_COLUMNS = ("observed_at",)
BATCH_ROWS = 2000


class ExportError(RuntimeError):
    """The export cannot be done (e.g. pyarrow missing for Parquet)."""


def _columns(table: str) -> tuple[str, ...]:
    return {"records": record_fields(), "hits": HITS_COLUMNS, "revisions": REVISIONS_COLUMNS}[table]


def _rows(store: Store, table: str, since, site) -> Iterator[dict]:
    if table == "records":
        return store.iter_records(since=since, site=site)
    if table == "hits":
        return store.iter_hits(since=since, site=site)
    return store.iter_revisions(since=since, site=site)




# -- JSON Lines and CSV ---------------------------------------------------------------------------


def _write_jsonl(rows: Iterable[dict], path: Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def _write_csv(rows: Iterable[dict], path: Path, columns: tuple[str, ...]) -> int:
    """CSV in the dialect of ``crawl -o x.csv`` (:class:`scraper.exporters.CsvRecordExporter`)."""
    from scraper.exporters import CsvRecordExporter

    n = 0
    with open(path, "wb") as fh:
        exporter = CsvRecordExporter(fh, fields_to_export=list(columns))
        exporter.start_exporting()
        for row in rows:
            exporter.export_item(row)
            n += 1
        exporter.finish_exporting()
    return n


# -- Parquet --------------------------------------------------------------------------------------


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError("Parquet export needs pyarrow: pip install 'labour-scraper[parquet]'") from exc
    return pa, pq


def _arrow_type(pa, prop: dict, defs: dict):
    """The Arrow type of one JSON Schema property (strings, int64, lists, lists of structs)."""
    if "$ref" in prop:
        prop = defs[prop["$ref"].rsplit("/", 1)[-1]]
    kinds = prop.get("type")
    if kinds is None and "const" in prop:
        kinds = {bool: "boolean", int: "integer", float: "number"}.get(type(prop["const"]), "string")
    if kinds is None and "enum" in prop:
        values = [v for v in prop["enum"] if v is not None]
        kinds = "integer" if values and all(isinstance(v, int) for v in values) else "string"
    kinds = [kinds] if isinstance(kinds, str) else [k for k in (kinds or ["string"]) if k != "null"]
    kind = kinds[0] if kinds else "string"
    if kind == "integer":
        return pa.int64()
    if kind == "number":
        return pa.float64()
    if kind == "boolean":
        return pa.bool_()
    if kind == "array":
        return pa.list_(_arrow_type(pa, prop.get("items", {}), defs))
    if kind == "object":
        props = prop.get("properties", {})
        return pa.struct([pa.field(name, _arrow_type(pa, sub, defs)) for name, sub in props.items()])
    return pa.string()


def arrow_schema(table: str = "records"):
    """The explicit Arrow schema of an exported table."""
    pa, _ = _pyarrow()
    if table == "records":
        schema = record_schema()
        defs = schema.get("$defs", {})
        required = set(schema.get("required", []))
        fields = []
        for name, prop in schema["properties"].items():
            typ = prop if "$ref" not in prop else defs[prop["$ref"].rsplit("/", 1)[-1]]
            types = typ.get("type")
            nullable = (name not in required or (isinstance(types, list) and "null" in types)
                        or None in typ.get("enum", []))
            fields.append(pa.field(name, _arrow_type(pa, prop, defs), nullable=nullable))
        return pa.schema(fields)
    ts = pa.timestamp("ms", tz="UTC")
    if table == "hits":
        return pa.schema([pa.field("id", pa.string(), nullable=False), pa.field("site", pa.string()),
                          pa.field("observed_at", ts, nullable=False), pa.field("hits", pa.int64(), nullable=False),
                          pa.field("source", pa.string(), nullable=False)])
    return pa.schema([pa.field("id", pa.string(), nullable=False), pa.field("site", pa.string()),
                      pa.field("revision", pa.int64(), nullable=False), pa.field("observed_at", ts, nullable=False),
                      pa.field("content_hash", pa.string(), nullable=False),
                      pa.field("title", pa.string(), nullable=False)])


def _pandas_metadata(pa, schema) -> dict[bytes, bytes]:
    """pandas metadata naming the nullable ``Int64`` dtype for the nullable integer columns (else
    pandas turns an integer column holding a null into float64)."""
    columns = [{"name": f.name, "field_name": f.name, "pandas_type": "int64", "numpy_type": "Int64",
                "metadata": None} for f in schema if pa.types.is_integer(f.type) and f.nullable]
    from scraper import __version__

    meta = {"index_columns": [], "column_indexes": [], "columns": columns,
            "creator": {"library": "labour-scraper", "version": __version__}, "pandas_version": "2.1.0"}
    return {b"pandas": json.dumps(meta).encode()}


def _parse_utc(text: str | None):
    if text is None:
        return None
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def _write_parquet(rows: Iterable[dict], path: Path, table: str) -> int:
    pa, pq = _pyarrow()
    schema = arrow_schema(table)
    schema = schema.with_metadata(_pandas_metadata(pa, schema))
    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        batch: list[dict] = []

        def flush():
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            batch.clear()

        for row in rows:
            if table != "records":
                row = dict(row)
                for col in TIMESTAMP_COLUMNS:
                    row[col] = _parse_utc(row.get(col))
            batch.append(row)
            n += 1
            if len(batch) >= BATCH_ROWS:
                flush()
        if batch or n == 0:
            flush()
    return n


# -- entry point ----------------------------------------------------------------------------------


def export(store: Store, fmt: str, out: Path | str, *, since: date | str | None = None, site: str | None = None,
           table: str = "records") -> int:
    """Write ``table`` of ``store`` to ``out`` as ``fmt``; returns the number of rows written.
    ``since`` keeps records published on or after that date (hits/revisions: observed on or after)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: one of {', '.join(TABLES)}")
    if fmt == "parquet":
        _pyarrow()  # fail before touching anything
    if fmt == "sqlite":
        from scraper.analysis.db import build_database

        return build_database(store, Path(out), since=since, site=site)

    def write(path: Path) -> int:
        rows = _rows(store, table, since, site)
        if fmt == "jsonl":
            return _write_jsonl(rows, path)
        if fmt == "csv":
            return _write_csv(rows, path, _columns(table))
        return _write_parquet(rows, path, table)

    return _atomic_write(Path(out), write)
