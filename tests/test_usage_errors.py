"""Every usage or environment mistake: exit 2, exactly one line on stderr naming the argument, no
traceback, nothing created; unexpected errors: one line and exit 1 (the traceback with --debug).

The table runs the CLI in-process (``scraper.cli.main(argv)``); a few rows run again as real
processes, to prove that no traceback reaches a terminal.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.cli import main
from scraper.storage import open_store

ROOT = Path(__file__).resolve().parent.parent
SECRET = "s3cr3t-pw"
PG_DOWN = f"postgresql://harvest:{SECRET}@127.0.0.1:1/labour?connect_timeout=3"
MYSQL = f"mysql://harvest:{SECRET}@db.example/labour"


@pytest.fixture
def places(tmp_path):
    """Paths for the table: ``{dir}`` an existing directory, ``{rodir}`` a 0555 directory,
    ``{rofile}`` a 0444 file, ``{file}`` a plain file, ``{notdb}`` a file that is no SQLite
    database, ``{empty}`` an empty file, ``{otherdb}`` an SQLite database of another program,
    ``{newer}`` a store of a newer schema, ``{store}`` a good store, ``{out}`` a free directory."""
    import sqlite3

    (tmp_path / "dir").mkdir()
    rodir = tmp_path / "rodir"
    rodir.mkdir()
    rofile = tmp_path / "rofile.jsonl"
    rofile.write_text("kept\n")
    (tmp_path / "file").write_text("a file\n")
    (tmp_path / "notdb.sqlite3").write_text("name,age\nann,3\n")
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    conn = sqlite3.connect(tmp_path / "otherdb.sqlite3")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for name in ("newer", "store"):
        store = open_store(tmp_path / f"{name}.sqlite3")
        store.migrate()
        store.close()
    conn = sqlite3.connect(tmp_path / "newer.sqlite3")
    conn.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01T00:00:00Z')")
    conn.commit()
    conn.close()
    (tmp_path / "out").mkdir()
    rofile.chmod(0o444)
    rodir.chmod(0o555)
    yield {name: str(tmp_path / name) for name in ("dir", "rodir", "file", "out")} | {
        "rofile": str(rofile), "notdb": str(tmp_path / "notdb.sqlite3"), "empty": str(tmp_path / "empty.sqlite3"),
        "otherdb": str(tmp_path / "otherdb.sqlite3"), "newer": str(tmp_path / "newer.sqlite3"),
        "store": str(tmp_path / "store.sqlite3"), "tmp": str(tmp_path)}
    rodir.chmod(0o755)
    rofile.chmod(0o644)


CRAWL = ["crawl", "--site", "area10"]
OUT = ["-o", "{out}/x.jsonl"]

# (id, argv, the argument the line must name, a text the line must hold)
MISTAKES = [
    # -o: a directory, a read-only directory or file, a path under a file (crawl, demo, export, extract)
    ("crawl-o-dir", [*CRAWL, "-o", "{dir}"], "-o/--output", "is a directory"),
    ("crawl-o-dir-slash", [*CRAWL, "-o", "{out}/new/"], "-o/--output", "is a directory"),
    ("crawl-o-rodir", [*CRAWL, "-o", "{rodir}/x.jsonl"], "-o/--output", "read-only"),
    ("crawl-o-rofile", [*CRAWL, "-o", "{rofile}"], "-o/--output", "read-only"),
    ("crawl-o-under-file", [*CRAWL, "-o", "{file}/x.jsonl"], "-o/--output", "not a directory"),
    ("crawl-o-csv-rodir", [*CRAWL, "-o", "{rodir}/x.csv"], "-o/--output", "read-only"),
    ("demo-o-dir", ["demo", "-o", "{dir}"], "-o/--output", "is a directory"),
    ("demo-o-rodir", ["demo", "-o", "{rodir}/demo.jsonl"], "-o/--output", "read-only"),
    ("export-o-dir", ["export", "--store", "{store}", "-o", "{dir}"], "-o/--output", "is a directory"),
    ("export-o-rofile", ["export", "--store", "{store}", "--format", "jsonl", "-o", "{rofile}"], "-o/--output",
     "read-only"),
    ("export-o-rodir", ["export", "--store", "{store}", "-o", "{rodir}/x.csv"], "-o/--output", "read-only"),
    ("extract-o-dir", ["extract", "{file}", "-o", "{dir}"], "-o/--output", "is a directory"),
    ("extract-o-rodir", ["extract", "{file}", "-o", "{rodir}/x.jsonl"], "-o/--output", "read-only"),
    # other output paths of a crawl
    ("crawl-report-dir", [*CRAWL, *OUT, "--report", "{dir}"], "--report", "is a directory"),
    ("crawl-log-file-rodir", [*CRAWL, *OUT, "--log-file", "{rodir}/crawl.log"], "--log-file", "read-only"),
    ("crawl-job-dir-file", [*CRAWL, *OUT, "--job-dir", "{file}"], "--job-dir", "not a directory"),
    ("crawl-job-dir-rodir", [*CRAWL, *OUT, "--job-dir", "{rodir}/job"], "--job-dir", "read-only"),
    # numbers and words
    ("max-pages-negative", [*CRAWL, *OUT, "--max-pages", "-1"], "--max-pages", "at least 1"),
    ("max-pages-zero", [*CRAWL, *OUT, "--max-pages", "0"], "--max-pages", "at least 1"),
    ("max-pages-word", [*CRAWL, *OUT, "--max-pages", "ten"], "--max-pages", "at least 1"),
    ("demo-max-pages-zero", ["demo", "-o", "{out}/d.jsonl", "--max-pages", "0"], "--max-pages", "at least 1"),
    ("max-error-rate-negative", [*CRAWL, *OUT, "--max-error-rate", "-0.1"], "--max-error-rate", "between 0 and 1"),
    ("max-error-rate-percent", [*CRAWL, *OUT, "--max-error-rate", "10"], "--max-error-rate", "between 0 and 1"),
    ("max-error-rate-nan", [*CRAWL, *OUT, "--max-error-rate", "nan"], "--max-error-rate", "between 0 and 1"),
    ("log-level", [*CRAWL, *OUT, "--log-level", "LOUD"], "--log-level", "'LOUD'"),
    # --set: syntax, name, and a value of the setting's type
    ("set-no-equals", [*CRAWL, *OUT, "--set", "NOEQUALS"], "--set", "NAME=VALUE"),
    ("set-no-name", [*CRAWL, *OUT, "--set", "=5"], "--set", "NAME=VALUE"),
    ("set-lower-case", [*CRAWL, *OUT, "--set", "download_timeout=5"], "--set", "DOWNLOAD_TIMEOUT?"),
    ("set-int", [*CRAWL, *OUT, "--set", "DOWNLOAD_TIMEOUT=abc"], "--set", "DOWNLOAD_TIMEOUT=abc: expected a number"),
    ("set-float", [*CRAWL, *OUT, "--set", "DOWNLOAD_DELAY=fast"], "--set", "expected a number"),
    ("set-bool", [*CRAWL, *OUT, "--set", "ROBOTSTXT_OBEY=maybe"], "--set", "expected true or false"),
    ("set-dict", [*CRAWL, *OUT, "--set", "ITEM_PIPELINES=none"], "--set", "JSON object"),
    ("set-log-level", [*CRAWL, *OUT, "--set", "LOG_LEVEL=LOUD"], "--set", "one of CRITICAL"),
    ("set-refetch", [*CRAWL, *OUT, "--set", "LABOUR_REFETCH=sometimes"], "--set", "one of changed"),
    ("demo-set-int", ["demo", "-o", "{out}/d.jsonl", "--set", "CONCURRENT_REQUESTS=many"], "--set",
     "expected a number"),
    # combinations and values
    ("refetch-without-store", [*CRAWL, *OUT, "--refetch", "always"], "--refetch", "only with --store"),
    ("since-trailing", [*CRAWL, *OUT, "--since", "2567-10-01x"], "--since", "'2567-10-01x'"),
    ("since-impossible", [*CRAWL, *OUT, "--since", "31/02/2567"], "--since", "impossible"),
    ("since-word", [*CRAWL, *OUT, "--since", "yesterday"], "--since", "not a date"),
    ("export-since-trailing", ["export", "--store", "{store}", "-o", "{out}/x.csv", "--since", "2567-10-01x"],
     "--since", "not a date"),
    ("unknown-site", ["crawl", "--site", "nowhere", *OUT], "--site", "'nowhere'"),
    ("unknown-sites", ["crawl", "--site", "area10", "--site", "nowhere", "--site", "atlantis", *OUT], "--site",
     "'nowhere', 'atlantis'"),
    ("extract-unknown-site", ["extract", "{file}", "--site", "nowhere"], "--site", "'nowhere'"),
    ("no-output", [*CRAWL], "-o/--output", "--store"),
    ("unpolite-off-loopback", ["crawl", "--start-url", "https://www.labour.go.th/", "--unpolite", *OUT],
     "--unpolite", "loopback"),
    ("which-missing", ["crawl", *OUT], "--site", "required"),
    ("which-two", ["crawl", "--site", "area10", "--all", *OUT], "--all", "not allowed"),
    ("unknown-flag", [*CRAWL, *OUT, "--no-such-flag"], "--no-such-flag", "unrecognized"),
    ("unknown-command", ["harvest"], "COMMAND", "invalid choice"),
    ("export-format-choice", ["export", "--store", "{store}", "--format", "xlsx", "-o", "{out}/x"], "--format",
     "invalid choice"),
    # stores: crawl and export share the check
    ("crawl-store-dir", [*CRAWL, *OUT, "--store", "{dir}"], "--store", "is a directory"),
    ("crawl-store-not-sqlite", [*CRAWL, *OUT, "--store", "{notdb}"], "--store", "not an SQLite database"),
    ("crawl-store-pg-down", [*CRAWL, *OUT, "--store", PG_DOWN], "--store", "cannot open store"),
    ("crawl-store-mysql", [*CRAWL, *OUT, "--store", MYSQL], "--store", "unsupported store location"),
    ("export-store-dir", ["export", "--store", "{dir}", "-o", "{out}/x.csv"], "--store", "is a directory"),
    ("export-store-not-sqlite", ["export", "--store", "{notdb}", "-o", "{out}/x.csv"], "--store",
     "not an SQLite database"),
    ("export-store-empty-file", ["export", "--store", "{empty}", "-o", "{out}/x.csv"], "--store", "empty"),
    ("export-store-other-db", ["export", "--store", "{otherdb}", "-o", "{out}/x.csv"], "--store",
     "not a labour-scraper store"),
    ("export-store-newer", ["export", "--store", "{newer}", "-o", "{out}/x.csv"], "--store", "newer"),
    ("export-store-missing", ["export", "--store", "{out}/none.sqlite3", "-o", "{out}/x.csv"], "--store",
     "no store at"),
    ("export-store-pg-down", ["export", "--store", PG_DOWN, "-o", "{out}/x.csv"], "--store", "cannot open store"),
    ("export-store-mysql", ["export", "--store", MYSQL, "-o", "{out}/x.csv"], "--store", "unsupported store location"),
    # health: read-only like export
    ("health-store-missing", ["health", "--store", "{out}/none.sqlite3"], "--store", "no store at"),
    ("health-store-dir", ["health", "--store", "{dir}"], "--store", "is a directory"),
    ("health-store-newer", ["health", "--store", "{newer}"], "--store", "newer"),
    ("health-format-choice", ["health", "--store", "{store}", "--format", "csv"], "--format", "invalid choice"),
    ("health-unknown-site", ["health", "--store", "{store}", "--site", "nowhere"], "--site", "'nowhere'"),
    # export: the format
    ("export-dir-no-format", ["export", "--store", "{store}", "-o", "{out}"], "-o/--output", "is a directory"),
    ("export-no-suffix", ["export", "--store", "{store}", "-o", "{out}/labour"], "--format", "give --format"),
    ("export-unknown-suffix", ["export", "--store", "{store}", "-o", "{out}/labour.xlsx"], "--format",
     "give --format"),
]


def fill(argv: list[str], places: dict) -> list[str]:
    return [a.format(**places) for a in argv]


def listing(root: str) -> list[tuple]:
    """Every path under ``root``, with each file's size and mtime: what a refused command must not
    change. A directory's mtime may change (the writability probe creates and removes a file in
    it), and so may SQLite's ``-wal``/``-shm`` beside a writable store that was opened read-only to
    read its schema version (SQLite creates them for any reader of a WAL database)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        found += [(os.path.relpath(os.path.join(dirpath, name), root),) for name in dirnames]
        for name in filenames:
            if name.endswith((".sqlite3-wal", ".sqlite3-shm")):
                continue
            st = os.lstat(os.path.join(dirpath, name))
            found.append((os.path.relpath(os.path.join(dirpath, name), root), st.st_size, st.st_mtime_ns))
    return sorted(found)


def check_one_line(code: int, err: str, argument: str, text: str, expected_code: int = 2) -> str:
    assert code == expected_code, err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    line = err.rstrip("\n")
    assert line.startswith("labour-scraper") and ": error: " in line, line
    assert argument in line, line
    assert text in line, line
    assert SECRET not in line, line
    return line


@pytest.mark.parametrize(("argv", "argument", "text"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_mistake_is_one_line_naming_the_argument(places, capsys, argv, argument, text):
    before = listing(places["tmp"])
    code = main(fill(argv, places))
    out, err = capsys.readouterr()
    check_one_line(code, err, argument, text)
    assert out == ""
    assert listing(places["tmp"]) == before  # refused before anything was created or touched


def test_the_table_covers_every_command():
    assert {m[1][0] for m in MISTAKES} >= {"crawl", "demo", "export", "extract", "health"}


SUBPROCESS_ROWS = ["max-pages-zero", "set-int", "export-store-pg-down", "extract-o-dir", "export-store-not-sqlite"]


@pytest.mark.parametrize("row", SUBPROCESS_ROWS)
def test_mistake_in_a_real_process_has_no_traceback(places, row):
    _, argv, argument, text = next(m for m in MISTAKES if m[0] == row)
    proc = subprocess.run([sys.executable, "-m", "scraper.cli", *fill(argv, places)], capture_output=True,
                          timeout=120, cwd=ROOT)
    check_one_line(proc.returncode, proc.stderr.decode(), argument, text)


def test_secrets_never_shown(places, capsys):
    for argv in (["export", "--store", PG_DOWN, "-o", "{out}/x.csv"], [*CRAWL, *OUT, "--store", MYSQL],
                 ["export", "--store", f"postgresql://h@127.0.0.1:1/db?password={SECRET}&connect_timeout=3",
                  "-o", "{out}/x.csv"]):
        code = main(fill(argv, places))
        err = capsys.readouterr().err
        assert code == 2 and SECRET not in err and "***" in err, err


# -- unexpected errors: one line, exit 1; the traceback only with --debug ------------------------


def test_unexpected_error_is_one_line_exit_1(monkeypatch, capsys):
    import scraper.registry

    def boom(*a, **k):
        raise RuntimeError(f"cannot reach mysql://u:{SECRET}@db/x\nsecond line")

    monkeypatch.setattr(scraper.registry, "format_sites_table", boom)
    code = main(["sites"])
    line = check_one_line(code, capsys.readouterr().err, "RuntimeError", "--debug", expected_code=1)
    assert line.startswith("labour-scraper sites: error: RuntimeError: cannot reach mysql://u:***@db/x second line")

    code = main(["sites", "--debug"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" in err and err.rstrip().splitlines()[-1].startswith("labour-scraper sites: error:")


def test_help_and_version_still_exit_0(capsys):
    assert main(["--version"]) == 0
    assert main(["crawl", "--help"]) == 0
    assert "--set NAME=VALUE" in capsys.readouterr().out


def test_an_existing_writable_output_and_dev_null_are_accepted(tmp_path):
    from scraper.usage import check_output_file

    (tmp_path / "x.jsonl").write_text("")
    check_output_file(tmp_path / "x.jsonl", "-o")
    check_output_file(tmp_path / "new" / "deeper" / "x.jsonl", "-o")  # created by the command
    check_output_file(os.devnull, "-o")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.jsonl"]  # the probe leaves nothing


def test_read_only_marks_hold_for_root_too(tmp_path):
    """The checks read the permission bits as well as access(2): a file someone marked 0444 is
    refused even when the crawl runs as root (which access(2) would let write it)."""
    from scraper.usage import UsageError, check_output_file

    f = tmp_path / "x.jsonl"
    f.write_text("")
    f.chmod(0o444)
    try:
        with pytest.raises(UsageError, match="read-only"):
            check_output_file(f, "-o")
    finally:
        f.chmod(0o644)
    assert stat.S_IMODE(f.stat().st_mode) == 0o644
