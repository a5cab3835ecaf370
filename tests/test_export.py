"""Exports (JSONL, CSV, Parquet) of records, hits and revisions, read back through pandas and pyarrow
as they are, with the types of the JSON Schema; atomic replacement of the output; filters."""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import os
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from scraper import export as export_module
from scraper.export import ExportError, arrow_schema, export
from scraper.storage import open_store, record_fields
from tests.conftest import fixture_records

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

T0 = datetime(2024, 3, 1, 2, 0, 0, tzinfo=timezone.utc)
EXT = {"jsonl": "jsonl", "csv": "csv", "parquet": "parquet"}
ROOT = Path(__file__).resolve().parent.parent


def edited(record: dict, *, body: str) -> dict:
    rec = copy.deepcopy(record)
    rec["body"] = body
    rec["content_hash"] = hashlib.sha256((rec["title"] + "\n\n" + body).encode("utf-8")).hexdigest()
    return rec


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store with every fixture record, three of them edited later, and listing hits for five."""
    s = open_store(tmp_path_factory.mktemp("store") / "harvest.sqlite3")
    s.migrate()
    records = fixture_records()
    for rec in records:
        s.observe_record(rec, T0)
    for rec in records[:3]:
        s.observe_record(edited(rec, body=rec["body"] + "\n\nแก้ไขเพิ่มเติม"), T0 + timedelta(days=1))
    for i, rec in enumerate(records[3:8]):
        assert s.observe_hits(rec["id"], 1000 + i, T0 + timedelta(days=2))
    yield s
    s.close()


def rows_of(store, table: str, **filters) -> list[dict]:
    return list({"records": store.iter_records, "hits": store.iter_hits,
                 "revisions": store.iter_revisions}[table](**filters))


def read_pandas(fmt: str, path: Path):
    if fmt == "jsonl":
        return pd.read_json(path, lines=True)
    if fmt == "csv":
        return pd.read_csv(path)
    return pd.read_parquet(path)


def is_text(dtype) -> bool:
    return pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype)


def utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


@pytest.mark.parametrize("table", ["records", "hits", "revisions"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_reads_back(store, tmp_path, fmt, table):
    out = tmp_path / f"{table}.{EXT[fmt]}"
    expected = rows_of(store, table)
    n = export(store, fmt, out, table=table)
    assert n == len(expected) == store.counts()[{"records": "articles"}.get(table, table)]
    assert os.listdir(tmp_path) == [out.name]  # no temporary file left behind

    columns = list(record_fields()) if table == "records" else list(expected[0])
    df = read_pandas(fmt, out)
    assert len(df) == n
    assert list(df.columns) == columns
    assert list(df["id"]) == [r["id"] for r in expected]  # stable order
    assert is_text(df["id"].dtype)

    if fmt == "jsonl":
        lines = out.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == expected  # exactly the stored rows
        assert [list(json.loads(line)) for line in lines] == [list(r) for r in expected]
    elif fmt == "csv":
        with open(out, encoding="utf-8", newline="") as fh:
            raw = list(csv.reader(fh))
        assert raw[0] == columns
        for row, rec in zip(raw[1:], expected, strict=True):
            for col, text in zip(columns, row, strict=True):
                value = rec[col]
                if value is None:
                    assert text == ""
                elif isinstance(value, list):
                    assert json.loads(text) == value
                else:
                    assert text == str(value)
    else:
        read = pq.read_table(out)
        assert read.schema.remove_metadata().equals(arrow_schema(table))
        got = read.to_pylist()
        if table == "records":
            assert got == expected
        else:
            assert got == [dict(r, observed_at=utc(r["observed_at"])) for r in expected]

    if table == "records":
        assert df["word_count"].dtype == "int64"
        assert df["schema_version"].dtype == "int64" and set(df["schema_version"]) == {2}
        assert is_text(df["title"].dtype) and is_text(df["body"].dtype)
        assert is_text(df["published"].dtype)
        if fmt == "parquet":
            assert df["hits"].dtype == "Int64"  # nullable integers stay integers
            assert list(df["hits"].astype(object).where(df["hits"].notna(), None)) == [r["hits"] for r in expected]
            with_files = df["attachments"][df["attachments"].map(len) > 0].iloc[0]
            assert set(with_files[0]) == {"url", "text"}
            assert [list(x) for x in df["images"]] == [r["images"] for r in expected]
        else:
            assert df["hits"].dtype == "float64"  # pandas' own choice for integers with gaps
            assert [None if pd.isna(h) else int(h) for h in df["hits"]] == [r["hits"] for r in expected]
        if fmt == "csv":
            assert [json.loads(a) for a in df["attachments"]] == [r["attachments"] for r in expected]
    elif table == "hits":
        assert df["hits"].dtype == "int64"
        assert list(df["hits"]) == [r["hits"] for r in expected]
        assert set(df["source"]) == {"article", "listing"}
    else:
        assert df["revision"].dtype == "int64"
        assert list(df["revision"]) == [r["revision"] for r in expected]
    if table != "records":
        if fmt == "parquet":
            assert str(df["observed_at"].dtype) == "datetime64[ms, UTC]"
            assert read.schema.field("observed_at").type == pa.timestamp("ms", tz="UTC")
            assert list(df["observed_at"]) == [pd.Timestamp(utc(r["observed_at"])) for r in expected]
        elif fmt == "jsonl":
            assert str(df["observed_at"].dtype).startswith("datetime64") and "UTC" in str(df["observed_at"].dtype)
        else:
            assert list(df["observed_at"]) == [r["observed_at"] for r in expected]


def test_parquet_schema_follows_the_json_schema():
    schema = arrow_schema("records")
    assert schema.names == list(record_fields())
    assert schema.field("hits").type == pa.int64() and schema.field("hits").nullable
    assert schema.field("word_count").type == pa.int64() and not schema.field("word_count").nullable
    assert schema.field("schema_version").type == pa.int64()
    assert schema.field("attachments").type == pa.list_(pa.struct([("url", pa.string()), ("text", pa.string())]))
    assert schema.field("images").type == pa.list_(pa.string())
    assert schema.field("warnings").type == pa.list_(pa.string())
    assert schema.field("published").type == pa.string() and schema.field("published").nullable
    assert schema.field("date_source").nullable and not schema.field("title").nullable
    assert arrow_schema("hits").field("hits").type == pa.int64()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_since_and_site_filters(store, tmp_path, fmt):
    everything = rows_of(store, "records")
    since = date(2022, 1, 1)
    cases = [
        ({"since": since}, [r for r in everything if r["published"] and r["published"][:10] >= "2022-01-01"]),
        ({"site": "area10"}, [r for r in everything if r["site"] == "area10"]),
        ({"since": "2021-01-01", "site": "area3"},
         [r for r in everything if r["site"] == "area3" and r["published"][:10] >= "2021-01-01"]),
    ]
    for filters, expected in cases:
        assert expected and len(expected) < len(everything)
        out = tmp_path / f"filtered.{EXT[fmt]}"
        assert export(store, fmt, out, **filters) == len(expected)
        assert list(read_pandas(fmt, out)["id"]) == [r["id"] for r in expected]
    # hits: since is the observation date
    out = tmp_path / f"hits.{EXT[fmt]}"
    assert export(store, fmt, out, table="hits", since=T0.date() + timedelta(days=2)) == 5
    assert export(store, fmt, out, table="revisions", since=T0.date() + timedelta(days=1)) == 3


def test_empty_export_is_still_a_readable_file(store, tmp_path):
    assert export(store, "parquet", tmp_path / "none.parquet", site="nowhere") == 0
    table = pq.read_table(tmp_path / "none.parquet")
    assert table.num_rows == 0 and table.schema.remove_metadata().equals(arrow_schema("records"))
    assert len(pd.read_parquet(tmp_path / "none.parquet")) == 0
    assert export(store, "csv", tmp_path / "none.csv", site="nowhere") == 0
    assert list(pd.read_csv(tmp_path / "none.csv").columns) == list(record_fields())
    assert export(store, "jsonl", tmp_path / "none.jsonl", site="nowhere") == 0
    assert (tmp_path / "none.jsonl").read_bytes() == b""


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_existing_output_is_replaced_whole(store, tmp_path, fmt):
    out = tmp_path / "sub" / f"out.{EXT[fmt]}"
    out.parent.mkdir()
    out.write_bytes(b"old content that is much longer than the new file\n" * 20000)
    os.chmod(out, 0o640)
    n = export(store, fmt, out, site="area10")
    assert n == 2
    assert len(read_pandas(fmt, out)) == 2
    assert b"old content" not in out.read_bytes()
    assert (out.stat().st_mode & 0o777) == 0o640  # the replaced file keeps its mode
    assert os.listdir(out.parent) == [out.name]


def test_failed_export_leaves_the_old_output_untouched(store, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    out.write_text("previous export\n", encoding="utf-8")

    failure = OSError(28, "No space left on device")

    def broken(rows, path):  # a write that fails half-way
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("half a line")
        raise failure

    monkeypatch.setattr(export_module, "_write_jsonl", broken)
    with pytest.raises(OSError) as raised:
        export(store, "jsonl", out)
    assert raised.value is failure  # reaches the caller as is, after the clean-up
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert os.listdir(tmp_path) == [out.name]


def test_bad_arguments(store, tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="format"):
        export(store, "xlsx", tmp_path / "x.xlsx")
    with pytest.raises(ValueError, match="table"):
        export(store, "csv", tmp_path / "x.csv", table="articles")

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if not installed: `import pyarrow` fails
    with pytest.raises(ExportError, match=r"^Parquet export needs pyarrow: pip install 'labour-scraper\[parquet\]'$"):
        export(store, "parquet", tmp_path / "x.parquet")
    assert os.listdir(tmp_path) == []
