"""The analyst's view without a browser: the Thai search comparison, the analyst database
(``export --format sqlite``), the health figures, the report file and the commands' usage errors."""

from __future__ import annotations

import re
import socket
import sqlite3

import pytest

from scraper.analysis import search
from scraper.analysis.health import portal_health
from scraper.cli import main
from tests.analyst_data import AS_OF, EDITED, build_store


def test_the_search_comparison_keeps_the_better_tokenizer():
    """The figures quoted in scraper/analysis/search.py, and the choice they make."""
    res = search.evaluate()
    got = {m: (res[m]["found"], res[m]["expected"], res[m]["wrong"]) for m in search.METHODS}
    assert got == {"trigram": (44, 47, 0), "trigram_like": (47, 47, 10), "segmented": (40, 47, 0)}, got
    assert search.better(res) == search.CHOSEN == "trigram"


@pytest.fixture(scope="module")
def harvest(tmp_path_factory):
    d = tmp_path_factory.mktemp("analyst")
    records = build_store(d / "harvest.sqlite3")
    return d, records


def test_export_sqlite_is_the_analyst_database(harvest, capsys):
    d, records = harvest
    db = d / "labour.db"
    assert main(["export", "--store", str(d / "harvest.sqlite3"), "-o", str(db)]) == 0, capsys.readouterr().err
    conn = sqlite3.connect(db)
    search.register_functions(conn)
    try:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(records)
        row = conn.execute("SELECT province_code, province, bangkok_area, fiscal_year, month, portal_group "
                           "FROM articles WHERE id = 's:01'").fetchone()
        assert row == ("10", "กรุงเทพมหานคร", 5, 2567, "2024-01", "กรุงเทพมหานคร")
        ids = {conn.execute("SELECT id FROM articles WHERE rowid = ?", (r,)).fetchone()[0]
               for r in search.match_rowids(conn, "trigram", "ค่าจ้างขั้นต่ำ")}
        assert {"s:01", "s:02", "s:26"} <= ids and not ({i for i in ids if i.startswith("s:")} - {"s:01", "s:02", "s:26"})
        assert conn.execute("SELECT COUNT(*) FROM revisions WHERE id = ?", (EDITED,)).fetchone()[0] == 2
        assert conn.execute("SELECT COUNT(*) FROM hits").fetchone()[0] == 2 * sum(r["hits"] is not None for r in records)
        assert conn.execute("SELECT value FROM about WHERE key = 'search'").fetchone()[0] == "trigram"
        portals = dict(conn.execute("SELECT site, articles FROM portals").fetchall())
        assert portals["area5"] == sum(r["site"] == "area5" for r in records)
    finally:
        conn.close()


def test_health_figures_per_portal():
    records = [
        {"id": "a:1", "site": "a", "office": "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดเลย", "province_code": "42",
         "bangkok_area": None, "published": "2025-03-01", "author": "x", "hits": 5, "category": None, "body": "b",
         "attachments": [], "province": "เลย"},
        {"id": "a:2", "site": "a", "office": "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดเลย", "province_code": "42",
         "bangkok_area": None, "published": None, "author": None, "hits": None, "category": "c", "body": "",
         "attachments": [{"url": "u", "text": "t"}], "province": "เลย"},
    ]
    (row,) = portal_health(records, first_seen={"a:1": "2025-03-02T00:00:00Z"}, now=AS_OF)
    assert row["articles"] == 2 and row["group"] == "ส่วนภูมิภาค"
    assert row["coverage"] == {"published": 0.5, "author": 0.5, "hits": 0.5, "category": 0.5, "body": 0.5,
                               "attachments": 0.5, "province": 1.0}
    assert row["last_published"] == "2025-03-01" and row["days_since_published"] == 31
    assert row["days_since_new"] == 30
    assert portal_health(records, stored=[{"site": "stored"}]) == [{"site": "stored"}]  # issue 10's figures win


def test_report_is_one_self_contained_file(harvest, capsys):
    d, records = harvest
    out = d / "report.html"
    assert main(["report", "--store", str(d / "harvest.sqlite3"), "-o", str(out), "--as-of", "2568-04-01"]) == 0
    assert "6 charts" in capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 6 and "@font-face" in page and "data:font/ttf;base64," in page
    # nothing is loaded from elsewhere: no scripts, stylesheets, images or fonts by URL
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert not re.search(r"url\((?!data:|#)", page)  # (url(#id): a gradient inside the same SVG)
    assert "1 เม.ย. 2568 (2025-04-01)" in page  # dates in BE and CE
    assert ">ค่าชดเชยเมื่อถูกเลิกจ้าง<" in page  # the edited article is among the revised


def test_usage_errors_are_one_line(tmp_path, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        db = tmp_path / "h.sqlite3"
        build_store(db)
        assert main(["browse", "--store", str(db), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "argument --port" in err and "in use" in err, err
    assert main(["browse", "--store", str(tmp_path / "none.sqlite3"), "--port", "8"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--store" in err, err
    assert main(["report", "--store", str(db), "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "-o/--output" in err, err
    assert main(["browse", "--port", "70000"]) == 2
    assert "70000" in capsys.readouterr().err
