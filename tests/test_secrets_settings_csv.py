"""Three promises of the command line:

* no message, log line or report shows a store's password, whatever the scheme;
* ``--set`` is typed like its setting's default, applied last, and wins over ``demo``,
  ``--unpolite`` and every other option;
* ``crawl -o x.csv`` and ``export --format csv`` write one CSV dialect (lists as JSON).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from scraper.cli import build_parser
from scraper.crawl import crawl_settings
from scraper.redact import SecretFilter, mask_location, mask_secrets
from scraper.storage import StoreError, open_store
from tests.crawling import run_crawl

#: one xdist worker runs the module, so that its module-scoped demo crawl (demo_harvest) runs once
pytestmark = pytest.mark.xdist_group("test_secrets_settings_csv")

SECRET = "s3cr3t-pw"

# -- secrets ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "masked"), [
    (f"mysql://harvest:{SECRET}@db.example/labour", "mysql://harvest:***@db.example/labour"),
    (f"postgresql://harvest:{SECRET}@db:5432/labour?sslmode=require",
     "postgresql://harvest:***@db:5432/labour?sslmode=require"),
    (f"postgres://u:{SECRET}@db/x", "postgres://u:***@db/x"),
    (f"mongodb+srv://u:{SECRET}@cluster0.example.net/db", "mongodb+srv://u:***@cluster0.example.net/db"),
    (f"redis://:{SECRET}@127.0.0.1:6379/0", "redis://:***@127.0.0.1:6379/0"),
    (f"https://u:{SECRET}@example.org/feed", "https://u:***@example.org/feed"),
    ("postgresql://u:p@ss@db/x", "postgresql://u:***@db/x"),  # '@' in the password: masked whole
    (f"postgresql://db/x?user=u&password={SECRET}&sslmode=require",
     "postgresql://db/x?user=u&password=***&sslmode=require"),
    (f"host=db user=u password={SECRET} dbname=x", "host=db user=u password=*** dbname=x"),
    (f"store 'sqlite:///tmp/a.db?pwd={SECRET}' failed", "store 'sqlite:///tmp/a.db?pwd=***' failed"),
    ("postgresql://u@db/x", "postgresql://u@db/x"),  # nothing secret: unchanged
    ("/srv/data/harvest.sqlite3", "/srv/data/harvest.sqlite3"),
    ("/srv/a:b@c/harvest.sqlite3", "/srv/a:b@c/harvest.sqlite3"),  # a path is not a URL
])
def test_mask_secrets(text, masked):
    assert mask_secrets(text) == masked
    assert mask_location(text) == masked


def test_mask_secrets_also_masks_given_strings_wherever_they_appear():
    assert mask_secrets(f"auth failed for {SECRET}", [SECRET]) == "auth failed for ***"
    assert mask_secrets("p%40ss and p@ss", ["p%40ss"]) == "*** and ***"  # quoted and unquoted forms


@pytest.mark.parametrize("location", [
    f"mysql://harvest:{SECRET}@db.example/labour",
    f"postgresql://harvest:{SECRET}@127.0.0.1:1/labour?connect_timeout=3",
    f"postgresql://harvest@127.0.0.1:1/labour?password={SECRET}&connect_timeout=3",
    f"postgresql://harvest@127.0.0.1:1/labour?connect_timeout=3&password={SECRET}%21",
])
@pytest.mark.parametrize("read_only", [False, True])
def test_store_errors_never_show_the_password(location, read_only):
    with pytest.raises(StoreError) as raised:
        open_store(location, read_only=read_only)
    message = str(raised.value)
    assert SECRET not in message and "***" in message, message
    assert "\n" not in message


def test_log_filter_masks_messages_arguments_and_tracebacks():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(SecretFilter())
    logger = logging.getLogger("test.secrets")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("Overridden settings: %r", {"LABOUR_STORE": f"postgresql://u:{SECRET}@db/x"})
        try:
            raise RuntimeError(f"cannot connect to mysql://u:{SECRET}@db/x")
        except RuntimeError:
            logger.exception("store failed")
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert SECRET not in text and "postgresql://u:***@db/x" in text and "mysql://u:***@db/x" in text


def test_a_harvest_logs_and_reports_no_password(fresh_postgres_url, tmp_path):
    """End to end, at DEBUG: the store is checked, opened, locked and written, every log line is
    kept; nothing shows the password (the test server trusts any password)."""
    from scraper.demo import portal
    from scraper.demo.server import PortalServer

    parts = urlsplit(fresh_postgres_url)
    netloc = f"{parts.username or 'postgres'}:{SECRET}@{parts.hostname}:{parts.port}"
    url = urlunsplit(parts._replace(netloc=netloc))
    root = tmp_path / "portal"
    portal.build_portal(root, n_articles=20, seed=5)
    log, report, out = tmp_path / "crawl.log", tmp_path / "report.json", tmp_path / "out.jsonl"
    with PortalServer(root) as server:
        proc = run_crawl("crawl", "--start-url", server.base_url, "--store", url, "-o", str(out), "--report",
                         str(report), "--log-level", "DEBUG", "--log-file", str(log), "--quiet",
                         "--max-error-rate", "1", "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=false")
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    logged = log.read_text(encoding="utf-8")
    assert "Spider closed (finished)" in logged
    for text in (logged, proc.stderr.decode(), proc.stdout.decode(), report.read_text(encoding="utf-8"),
                 out.read_text(encoding="utf-8")):
        assert SECRET not in text


def test_log_masking_is_installed_on_every_root_handler():
    from scraper.redact import install_log_masking

    handler = logging.StreamHandler(io.StringIO())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        install_log_masking()
        install_log_masking()  # once only
        assert sum(isinstance(f, SecretFilter) for f in handler.filters) == 1
    finally:
        root.removeHandler(handler)


# -- --set ------------------------------------------------------------------------------------


def settings_for(*argv: str):
    return crawl_settings(build_parser().parse_args(list(argv)))


def test_set_wins_over_demo_and_unpolite(tmp_path):
    out = str(tmp_path / "x.jsonl")
    relaxed = settings_for("demo", "-o", out)
    assert relaxed.getfloat("DOWNLOAD_DELAY") == 0 and relaxed.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 16
    assert relaxed.getbool("AUTOTHROTTLE_ENABLED") is False
    mine = settings_for("demo", "-o", out, "--set", "DOWNLOAD_DELAY=0.3", "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=3",
                        "--set", "AUTOTHROTTLE_ENABLED=true")
    assert mine.get("DOWNLOAD_DELAY") == 0.3 and mine.get("CONCURRENT_REQUESTS_PER_DOMAIN") == 3
    assert mine.get("AUTOTHROTTLE_ENABLED") is True
    unpolite = settings_for("crawl", "--start-url", "http://127.0.0.1:8000/", "--unpolite", "-o", out,
                            "--set", "LABOUR_WORKERS=0", "--set", "RETRY_BACKOFF_BASE=2")
    assert unpolite.get("LABOUR_WORKERS") == 0 and unpolite.get("RETRY_BACKOFF_BASE") == 2


def test_set_wins_over_the_other_options(tmp_path):
    s = settings_for("crawl", "--site", "area10", "-o", str(tmp_path / "x.csv"), "--log-level", "ERROR",
                     "--report", str(tmp_path / "a.json"), "--max-pages", "5", "--set", "LOG_LEVEL=debug",
                     "--set", f"LABOUR_SUMMARY={tmp_path / 'b.json'}", "--set", "CLOSESPIDER_PAGECOUNT=7")
    assert s.get("LOG_LEVEL") == "DEBUG"
    assert s.get("LABOUR_SUMMARY") == str(tmp_path / "b.json")
    assert s.get("CLOSESPIDER_PAGECOUNT") == 7


def test_set_values_take_the_type_of_the_default(tmp_path):
    s = settings_for("crawl", "--site", "area10", "-o", str(tmp_path / "x.jsonl"),
                     "--set", "DOWNLOAD_TIMEOUT=2.5", "--set", "RETRY_TIMES=5", "--set", "ROBOTSTXT_OBEY=no",
                     "--set", 'EXTENSIONS={"scraper.extensions.CrawlReport": 500}',
                     "--set", "RETRY_HTTP_CODES=500,503", "--set", "LABOUR_REFETCH=hits",
                     "--set", "MY_OWN_SETTING=anything")
    assert s.get("DOWNLOAD_TIMEOUT") == 2.5 and s.get("RETRY_TIMES") == 5 and s.get("ROBOTSTXT_OBEY") is False
    assert dict(s.getdict("EXTENSIONS")) == {"scraper.extensions.CrawlReport": 500}
    assert s.getlist("RETRY_HTTP_CODES") == ["500", "503"]
    assert s.get("LABOUR_REFETCH") == "hits" and s.get("MY_OWN_SETTING") == "anything"


# -- one CSV dialect --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_harvest(tmp_path_factory):
    """One demo crawl into ``demo.csv`` and a store, with ``--report`` overruled by ``--set``."""
    d = tmp_path_factory.mktemp("demo")
    proc = run_crawl("demo", "-o", str(d / "demo.csv"), "--store", str(d / "harvest.sqlite3"), "--quiet",
                     "--report", str(d / "by-option.json"), "--set", f"LABOUR_SUMMARY={d / 'by-set.json'}")
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    return d


def read_csv(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def test_set_wins_end_to_end(demo_harvest):
    assert (demo_harvest / "by-set.json").exists() and not (demo_harvest / "by-option.json").exists()


def test_crawl_csv_and_export_csv_are_one_dialect(demo_harvest):
    exported = demo_harvest / "export.csv"
    proc = run_crawl("export", "--store", str(demo_harvest / "harvest.sqlite3"), "-o", str(exported))
    assert proc.returncode == 0, proc.stderr.decode()
    crawled, from_store = read_csv(demo_harvest / "demo.csv"), read_csv(exported)
    assert crawled[0] == from_store[0]  # one header, in the schema's order
    assert len(crawled) > 100
    assert sorted(crawled[1:]) == sorted(from_store[1:])  # the same rows, field for field (order aside)
    # byte for byte too, once in the same order: the same quoting and line ends
    crawled_bytes = (demo_harvest / "demo.csv").read_bytes()
    assert crawled_bytes.startswith(exported.read_bytes().split(b"\n", 1)[0] + b"\n") and b"\r\n" not in crawled_bytes
    header = crawled[0]
    lists = [header.index(name) for name in ("attachments", "images", "warnings")]
    with_attachments = 0
    for row in crawled[1:]:
        for i in lists:
            value = json.loads(row[i]) if row[i] else None  # JSON, never a Python repr
            assert value is None or isinstance(value, list)
        with_attachments += bool(row[header.index("attachments")] not in ("", "[]"))
    assert with_attachments > 0


def test_csv_exporter_writes_a_header_without_rows(tmp_path):
    from scraper.exporters import CsvRecordExporter
    from scraper.storage import record_fields

    with open(tmp_path / "x.csv", "wb") as fh:
        exporter = CsvRecordExporter(fh)
        exporter.start_exporting()
        exporter.finish_exporting()
    assert (tmp_path / "x.csv").read_text(encoding="utf-8") == ",".join(record_fields()) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))


def test_a_fresh_csv_crawl_replaces_the_previous_file(tmp_path):
    """Without --job-dir a crawl starts afresh: its CSV is replaced, not appended to (one header)."""
    out = tmp_path / "small.csv"
    for _ in range(2):
        proc = run_crawl("demo", "-o", str(out), "--quiet", "--max-pages", "25")
        assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    rows = read_csv(out)
    assert rows and sum(1 for row in rows if row == rows[0]) == 1, "the header appears more than once"
    ids = [row[rows[0].index("id")] for row in rows[1:]]
    assert ids and len(ids) == len(set(ids))
