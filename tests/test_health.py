"""Portal health (scraper/health.py): the comparison with a portal's history (median, thresholds,
no history -> no finding, small runs measure nothing), the `portal_health` table on both
backends, and the `health` command's rows, table, JSON and exit codes."""

from __future__ import annotations

import json

import pytest

from scraper import health
from scraper.cli import main
from scraper.health import Thresholds, assess_portal, compare, covered, portal_figures
from scraper.storage import open_store

TH = Thresholds()  # the defaults: 25 points, 25 points, 50%, 10 records, 3 listing pages, 10 runs


def run(run_id: str, *, records: int = 50, hits: float = 0.85, published: float = 1.0, quarantined: int = 2,
        listing_pages: int = 10, per_listing: float = 10.0, site: str = "area5") -> dict:
    """A stored run's figures (coverage shares given directly)."""
    figures = portal_figures(records=records, quarantined=quarantined, listing_pages=listing_pages,
                             listing_articles=round(per_listing * listing_pages), covered_counts={})
    figures.update(coverage_published=published if records else None, coverage_author=0.8 if records else None,
                   coverage_hits=hits if records else None, coverage_category=0.6 if records else None,
                   coverage_body=0.97 if records else None)
    return {"run_id": run_id, "site": site, **figures}


def drifted(comparisons) -> set[str]:
    return {c.figure for c in comparisons if c.drift}


# -- what counts as covered ---------------------------------------------------------------------


def test_covered_fields():
    assert covered({"hits": 0}, "hits")  # a count of 0 is a count
    assert not covered({"hits": None}, "hits")
    assert not covered({"author": ""}, "author") and covered({"author": "area5"}, "author")
    assert not covered({}, "category")
    assert covered({"body": "ก" * 201}, "body") and not covered({"body": "ก" * 200}, "body")
    assert not covered({"body": None}, "body")


def test_figures_from_counts():
    f = portal_figures(records=20, quarantined=5, listing_pages=4, listing_articles=38,
                       covered_counts={"hits": 17, "published": 20})
    assert f["coverage_hits"] == 0.85 and f["coverage_published"] == 1.0 and f["coverage_author"] == 0.0
    assert f["quarantine_share"] == 5 / 25 and f["articles_per_listing"] == 9.5
    empty = portal_figures(records=0, quarantined=0, listing_pages=0, listing_articles=0, covered_counts={})
    assert all(empty[k] is None for k in (*health.COVERAGE, "quarantine_share", "articles_per_listing"))


# -- the comparison -----------------------------------------------------------------------------


def test_first_run_has_no_history_and_no_finding():
    comparisons = compare(run("r1", hits=0.0, published=0.0), [], TH)
    assert comparisons and all(c.median is None and c.previous_runs == 0 and not c.drift for c in comparisons)
    assert health.findings("area5", comparisons, TH) == []


def test_drop_against_the_median_of_previous_runs():
    # one odd previous run (10% hits) neither sets the baseline nor hides the drop: median 85%
    history = [run("r1", hits=0.85), run("r2", hits=0.10), run("r3", hits=0.90)]
    now = run("r4", hits=0.55)
    comparisons = {c.figure: c for c in compare(now, history, TH)}
    assert comparisons["coverage_hits"].median == 0.85 and comparisons["coverage_hits"].previous_runs == 3
    assert drifted(comparisons.values()) == {"coverage_hits"}
    [finding] = health.findings("area5", comparisons.values(), TH)
    assert finding["kind"] == "layout_drift" and finding["figure"] == "coverage_hits" and finding["site"] == "area5"
    assert finding["median"] == 0.85 and finding["now"] == 0.55 and finding["run_id"] == "r4"
    assert "hits in 55% of records" in finding["message"] and "85%" in finding["message"]


def test_threshold_is_exclusive_and_configurable():
    history = [run("r1", hits=0.85), run("r2", hits=0.85)]
    assert not drifted(compare(run("r3", hits=0.60), history, TH))  # exactly 25 points: not beyond
    assert drifted(compare(run("r3", hits=0.59), history, TH)) == {"coverage_hits"}
    loose = Thresholds(coverage_drop=0.5)
    assert not drifted(compare(run("r3", hits=0.40), history, loose))
    # a rise is never a drift of coverage
    assert not drifted(compare(run("r3", hits=1.0), [run("r1", hits=0.2)], TH))


def test_small_runs_measure_nothing_now_or_as_history():
    history = [run("r1", hits=0.85), run("small", records=3, hits=0.0, quarantined=4)]
    small_now = compare(run("r3", records=4, hits=0.0, published=0.0, quarantined=4), history, TH)
    assert not any(c.figure in health.COVERAGE or c.figure == "quarantine_share" for c in small_now)
    assert not drifted(small_now)
    c = next(c for c in compare(run("r4", hits=0.8), history, TH) if c.figure == "coverage_hits")
    assert c.previous_runs == 1 and c.median == 0.85  # the small run left out of the history


def test_history_window_takes_the_latest_runs():
    old = [run(f"old{i}", hits=0.1) for i in range(5)]
    recent = [run(f"new{i}", hits=0.9) for i in range(3)]
    th = Thresholds(history=3)
    c = next(c for c in compare(run("now", hits=0.8), old + recent, th) if c.figure == "coverage_hits")
    assert c.previous_runs == 3 and c.median == 0.9


def test_quarantine_rise_and_listing_drop():
    history = [run("r1", quarantined=2), run("r2", quarantined=3)]  # ~5% quarantined, 10 a listing page
    assert drifted(compare(run("r3", records=30, quarantined=30), history, TH)) == {"quarantine_share"}
    assert drifted(compare(run("r3", per_listing=4.0), history, TH)) == {"articles_per_listing"}
    assert not drifted(compare(run("r3", per_listing=6.0), history, TH))
    assert not drifted(compare(run("r3", per_listing=1.0, listing_pages=2), history, TH))  # too few pages


def test_health_reads_the_latest_measured_run_of_each_figure():
    """After a drifting run, a small incremental run does not hide the drift from `health`."""
    runs = [run("r1"), run("r2"), run("r3", hits=0.0), run("r4", records=2, hits=0.0)]
    comparisons = {c.figure: c for c in assess_portal(runs, TH)}
    assert comparisons["coverage_hits"].drift and comparisons["coverage_hits"].run_id == "r3"
    assert comparisons["coverage_hits"].previous_runs == 2
    assert comparisons["articles_per_listing"].run_id == "r4"  # listing pages were read in r4
    assert assess_portal([run("r1")], TH) and not drifted(assess_portal([run("r1")], TH))


# -- the table, on both backends ----------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgres"])
def location(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "harvest.sqlite3")
    return request.getfixturevalue("fresh_postgres_url")


def stored(r: dict, finished: str, findings: list | None = None) -> dict:
    return {**r, "started_at": finished, "finished_at": finished, "finish_reason": "finished",
            "newest_published": None, "findings": findings or []}


def test_portal_health_table_round_trip(location):
    store = open_store(location)
    try:
        store.migrate()
        finding = {"kind": "layout_drift", "site": "area5", "figure": "coverage_hits", "message": "ฮิต"}
        rows = [stored(run("r1"), "2024-03-01T02:00:00Z"), stored(run("r2", hits=0.0), "2024-03-02T02:00:00Z", [finding]),
                stored(run("r1", site="area10"), "2024-03-01T03:00:00Z")]
        assert store.record_portal_health(rows) == 3
        assert store.record_portal_health(rows[:1]) == 0  # a run's figures are written once
        got = store.portal_health()
        assert [(r["site"], r["run_id"]) for r in got] == [("area10", "r1"), ("area5", "r1"), ("area5", "r2")]
        assert got[2]["findings"] == [finding] and got[1]["findings"] == []
        assert got[2]["coverage_hits"] == 0.0 and got[1]["coverage_hits"] == 0.85
        assert got[1]["records"] == 50 and got[1]["listing_pages"] == 10 and got[1]["articles_per_listing"] == 10.0
        assert [r["run_id"] for r in store.portal_health(["area5"])] == ["r1", "r2"]
        assert store.portal_health([]) == []
        assert store.newest_published() == {}
    finally:
        store.close()


def test_an_older_store_has_no_health_yet(tmp_path):
    path = tmp_path / "v2.sqlite3"
    store = open_store(path)
    store.migrate(target=2)
    store.close()
    reader = open_store(path, read_only=True)
    try:
        assert reader.check_readable() == 2
        assert reader.portal_health() == []
    finally:
        reader.close()


# -- the command --------------------------------------------------------------------------------


@pytest.fixture
def drifted_store(tmp_path) -> str:
    path = str(tmp_path / "harvest.sqlite3")
    store = open_store(path)
    store.migrate()
    store.record_portal_health([
        stored(run("r1"), "2024-03-01T02:00:00Z"), stored(run("r2"), "2024-03-02T02:00:00Z"),
        stored(run("r3", hits=0.0, published=0.2), "2024-03-03T02:00:00Z"),
        stored(run("r1", site="area10"), "2024-03-01T03:00:00Z"), stored(run("r2", site="area10"), "2024-03-02T03:00:00Z"),
    ])
    store.close()
    return path


def test_health_table_flags_the_drifted_portal_and_exits_4(drifted_store, capsys):
    assert main(["health", "--store", drifted_store]) == 4
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["portal", "last", "run"]
    area5 = next(line for line in lines if line.startswith("area5 "))
    area10 = next(line for line in lines if line.startswith("area10 "))
    assert "0% (85%)!" in area5 and "20% (100%)!" in area5 and "layout_drift: hits, published" in area5
    assert area10.endswith("-") and "!" not in area10


def test_health_json_and_site_filter(drifted_store, capsys):
    assert main(["health", "--store", drifted_store, "--site", "area10", "--format", "json"]) == 0
    [portal] = json.loads(capsys.readouterr().out)
    assert portal["site"] == "area10" and portal["runs"] == 2 and portal["last_run"] == "r2"
    assert portal["findings"] == [] and portal["figures"]["coverage_hits"] == {
        "now": 0.85, "median": 0.85, "previous_runs": 1, "drift": False, "run_id": "r2"}
    assert main(["health", "--store", drifted_store, "--format", "json"]) == 4
    portals = json.loads(capsys.readouterr().out)
    assert {f["figure"] for f in portals[1]["findings"]} == {"coverage_hits", "coverage_published"}


def test_health_of_a_store_without_runs(tmp_path, capsys):
    store = open_store(tmp_path / "h.sqlite3")
    store.migrate()
    store.close()
    assert main(["health", "--store", str(tmp_path / "h.sqlite3")]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "no portal health figures" in err
