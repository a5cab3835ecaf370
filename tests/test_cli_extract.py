"""`labour-scraper extract` end to end, as a user runs it: exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_PAGES

SEED_LIKE = (FIXTURE_PAGES / "001.html")


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scraper.cli", *args], input=stdin, capture_output=True,
                          timeout=120, cwd=cwd)


def lines(data: bytes) -> list[str]:
    return [ln for ln in data.decode("utf-8").splitlines() if ln.strip()]


def test_directory_of_fixtures_gives_one_valid_record_per_page(tmp_path):
    out = tmp_path / "records.jsonl"
    proc = run("extract", str(FIXTURE_PAGES), "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    records = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(list(FIXTURE_PAGES.glob("*.html")))
    assert all(r["url"].startswith("file://") for r in records)


def test_stdin_with_base_url():
    proc = run("extract", "-", "--base-url", "https://area10.labour.go.th/index.php/news/1234-ita",
               stdin=SEED_LIKE.read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout)
    assert record["url"] == "https://area10.labour.go.th/index.php/news/1234-ita"
    assert record["site"] == "area10" and record["id"] == "area10:1234"


HOSTILE = {
    "empty.html": (b"", "empty file"),
    "blank.html": (b"   \n\n", "empty file"),
    "binary.html": (bytes(range(256)) * 40, "binary file"),
    "truncated.html": (None, "truncated HTML"),
    "listing.html": (
        b"<html><body><div class='blog'>" + b"".join(
            b"<div class='items-row'><div itemprop='blogPost' itemscope itemtype='https://schema.org/BlogPosting'>"
            b"<h2 itemprop='name'><a href='/index.php/news/%d-a'>t</a></h2><p>intro text</p></div></div>" % i
            for i in range(5)) + b"</div></body></html>",
        "listing page",
    ),
    "home.html": (b"<html><head><title>Home</title></head><body><ul class='menu'><li><a href='/'>x</a></li></ul>"
                  b"<div class='moduletable'>Today 85</div></body></html>", "no article found"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_gives_one_line_error_and_exit_1(tmp_path, name):
    data, reason = HOSTILE[name]
    if data is None:
        full = SEED_LIKE.read_bytes()
        data = full[: len(full) * 2 // 3]
    path = tmp_path / name
    path.write_bytes(data)
    proc = run("extract", str(path))
    assert proc.returncode == 1
    assert proc.stdout == b""
    err = lines(proc.stderr)
    assert len(err) == 2, err  # the error line and the summary line
    assert err[0].startswith(f"labour-scraper: {path}: ") and reason in err[0], err[0]
    assert "Traceback" not in proc.stderr.decode()


def test_huge_file_refused_quickly_without_reading_it(tmp_path):
    path = tmp_path / "huge.html"
    with open(path, "wb") as fh:  # sparse 50 MB file
        fh.truncate(50 * 1024 * 1024)
    proc = run("extract", str(path))
    assert proc.returncode == 1
    assert "too large: 52.4 MB" in proc.stderr.decode()


def test_bad_inputs_do_not_stop_the_good_ones(tmp_path):
    (tmp_path / "a_empty.html").write_bytes(b"")
    good = tmp_path / "b_good.html"
    good.write_bytes(SEED_LIKE.read_bytes())
    out = tmp_path / "out.jsonl"
    proc = run("extract", str(tmp_path / "a_empty.html"), str(tmp_path / "missing.html"), str(good),
               "-o", str(out))
    assert proc.returncode == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    err = proc.stderr.decode()
    assert "a_empty.html: empty file" in err and "missing.html: no such file or directory" in err


def test_usage_error_exit_2():
    proc = run("extract")
    assert proc.returncode == 2
    proc = run("extract", "x.html", "--no-such-flag")
    assert proc.returncode == 2


def test_console_script_is_installed():
    bindir = Path(sys.executable).parent
    script = bindir / "labour-scraper"
    if not script.exists():
        pytest.skip("console script not in this interpreter's bin dir")
    proc = subprocess.run([str(script), "--version"], capture_output=True, timeout=60, env=os.environ.copy())
    assert proc.returncode == 0 and b"labour-scraper" in proc.stdout
