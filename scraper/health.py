"""Portal health: the figures a portal's layout change moves, per run, against its own history.

A portal whose admin switches off "show hits", or that moves to a new theme our page objects do
not know, keeps answering 200 and keeps giving records, only emptier ones: nothing fails, and
the run used to exit 0. What does move is the share of records carrying each field, the share of
article pages quarantined and the number of articles a listing page shows. Each run stores those
figures per portal (``portal_health`` in the harvest store, docs/health.md) and compares them
with the median of that portal's previous runs; a drop beyond a threshold is a ``layout_drift``
finding (the crawl exits 4, ``labour-scraper health`` exits 4).

Only a portal's own history is a fair baseline: portals differ widely (one never shows hits,
another has no categories), so a fixed floor per field would either fire for ever on some
portals or never on others. The median of several previous runs, not the last one, so that one
odd run neither raises nor hides an alarm; runs too small to measure a share (an incremental
night with three new articles) are left out of both sides of the comparison.

This module is pure (no Scrapy): the in-run monitor (:mod:`scraper.monitors`, Spidermon) and
the ``health`` command share it.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

#: Record fields whose coverage is watched; ``body`` counts when longer than BODY_MIN_CHARS.
FIELDS = ("published", "author", "hits", "category", "body")
BODY_MIN_CHARS = 200
COVERAGE = tuple(f"coverage_{f}" for f in FIELDS)
#: Every figure compared, in display order: coverages drop, the quarantine share rises, the
#: articles per listing page drop (relative to the median).
FIGURES = (*COVERAGE, "quarantine_share", "articles_per_listing")
FINDING = "layout_drift"
EXIT_FINDINGS = 4


def covered(record: Mapping, field: str) -> bool:
    """Whether ``record`` carries ``field``: not null, not empty (``hits`` 0 is a count and
    counts), and for ``body`` more than :data:`BODY_MIN_CHARS` characters (a body of a caption
    or a "read more" stub is what a broken layout gives)."""
    value = record.get(field)
    if field == "body":
        return isinstance(value, str) and len(value) > BODY_MIN_CHARS
    return value is not None and value != "" and value != [] and value != {}


@dataclass(frozen=True)
class Thresholds:
    """When a figure's change is a finding (settings ``LABOUR_HEALTH_*``, scraper/settings.py)."""

    coverage_drop: float = 0.25  # share points below the median (0.85 -> under 0.60)
    quarantine_rise: float = 0.25  # share points above the median
    listing_drop: float = 0.5  # fraction of the median lost (10 a page -> under 5)
    min_records: int = 10  # records (+ quarantined) a run needs for its shares to count
    min_listing_pages: int = 3  # listing pages a run needs for articles per listing to count
    history: int = 10  # the latest N measured previous runs make the median

    @classmethod
    def from_settings(cls, settings) -> Thresholds:
        return cls(
            coverage_drop=settings.getfloat("LABOUR_HEALTH_MAX_COVERAGE_DROP", cls.coverage_drop),
            quarantine_rise=settings.getfloat("LABOUR_HEALTH_MAX_QUARANTINE_RISE", cls.quarantine_rise),
            listing_drop=settings.getfloat("LABOUR_HEALTH_MAX_LISTING_DROP", cls.listing_drop),
            min_records=settings.getint("LABOUR_HEALTH_MIN_RECORDS", cls.min_records),
            min_listing_pages=settings.getint("LABOUR_HEALTH_MIN_LISTING_PAGES", cls.min_listing_pages),
            history=settings.getint("LABOUR_HEALTH_HISTORY", cls.history),
        )

    @classmethod
    def project_defaults(cls) -> Thresholds:
        """The thresholds of ``scraper/settings.py`` (what ``health`` compares with)."""
        from scrapy.settings import Settings

        settings = Settings()
        settings.setmodule("scraper.settings", priority="project")
        return cls.from_settings(settings)


def portal_figures(*, records: int, quarantined: int, listing_pages: int, listing_articles: int,
                   covered_counts: Mapping[str, int]) -> dict:
    """A run's figures for one portal from its counts: the shares are None when there is
    nothing to divide."""
    figures: dict = {
        "records": records, "quarantined": quarantined,
        "listing_pages": listing_pages, "listing_articles": listing_articles,
        "quarantine_share": quarantined / (records + quarantined) if records + quarantined else None,
        "articles_per_listing": listing_articles / listing_pages if listing_pages else None,
    }  # fmt: skip
    for field in FIELDS:
        figures[f"coverage_{field}"] = covered_counts.get(field, 0) / records if records else None
    return figures


def measured(run: Mapping, figure: str, th: Thresholds) -> float | None:
    """The run's value of ``figure`` when the run was large enough to measure it, else None."""
    value = run.get(figure)
    if value is None:
        return None
    if figure in COVERAGE:
        return value if (run.get("records") or 0) >= th.min_records else None
    if figure == "quarantine_share":
        return value if (run.get("records") or 0) + (run.get("quarantined") or 0) >= th.min_records else None
    if figure == "articles_per_listing":
        return value if (run.get("listing_pages") or 0) >= th.min_listing_pages else None
    raise ValueError(f"unknown figure {figure!r}")


_EPS = 1e-9  # 0.85 - 0.60 is not exactly 0.25 in floating point


def drifted(figure: str, now: float, median: float, th: Thresholds) -> bool:
    """Whether ``now`` moved from ``median`` beyond the threshold, in the bad direction."""
    if figure in COVERAGE:
        return median - now > th.coverage_drop + _EPS
    if figure == "quarantine_share":
        return now - median > th.quarantine_rise + _EPS
    if figure == "articles_per_listing":
        return median > 0 and now < median * (1 - th.listing_drop) - _EPS
    raise ValueError(f"unknown figure {figure!r}")


@dataclass(frozen=True)
class Comparison:
    """One figure of one portal: its value now, the median of its previous measured runs."""

    figure: str
    now: float
    median: float | None  # None: no previous measured run (a first run has no history)
    previous_runs: int
    drift: bool
    run_id: str | None = None  # the run that measured ``now``

    def finding(self, site: str, th: Thresholds) -> dict:
        return {"kind": FINDING, "site": site, "figure": self.figure, "now": round(self.now, 4),
                "median": round(self.median, 4) if self.median is not None else None,
                "previous_runs": self.previous_runs, "run_id": self.run_id,
                "message": describe(site, self, th)}  # fmt: skip


def describe(site: str, c: Comparison, th: Thresholds) -> str:
    name = c.figure.removeprefix("coverage_")
    if c.figure in COVERAGE:
        return (f"{site}: {name} in {_pct(c.now)} of records, the median of its last {c.previous_runs} "
                f"run(s) is {_pct(c.median)} (a drop over {th.coverage_drop * 100:.0f} points)")
    if c.figure == "quarantine_share":
        return (f"{site}: {_pct(c.now)} of article pages quarantined, the median of its last "
                f"{c.previous_runs} run(s) is {_pct(c.median)} (a rise over {th.quarantine_rise * 100:.0f} points)")
    return (f"{site}: {c.now:.1f} articles per listing page, the median of its last {c.previous_runs} "
            f"run(s) is {c.median:.1f} (a drop over {th.listing_drop * 100:.0f}%)")


def compare(current: Mapping, history: Iterable[Mapping], th: Thresholds) -> list[Comparison]:
    """Each figure ``current`` measured against the median of the latest ``th.history`` runs of
    ``history`` (older runs first) that measured it. No previous measurement: no median, no
    finding (a portal's first run sets its baseline)."""
    history = list(history)
    out = []
    for figure in FIGURES:
        now = measured(current, figure, th)
        if now is None:
            continue
        past = [v for v in (measured(r, figure, th) for r in history) if v is not None][-th.history:]
        median = statistics.median(past) if past else None
        drift = median is not None and drifted(figure, now, median, th)
        out.append(Comparison(figure, now, median, len(past), drift, current.get("run_id")))
    return out


def findings(site: str, comparisons: Iterable[Comparison], th: Thresholds) -> list[dict]:
    return [c.finding(site, th) for c in comparisons if c.drift]


def assess_portal(runs: list[Mapping], th: Thresholds) -> list[Comparison]:
    """For ``health``: each figure's latest measured value (from the latest run that measured
    it, so that a small incremental run after a drift does not hide it) against the median of
    the measured runs before that one. ``runs`` oldest first."""
    out = []
    for figure in FIGURES:
        for i in range(len(runs) - 1, -1, -1):
            if measured(runs[i], figure, th) is not None:
                out.extend(c for c in compare(runs[i], runs[:i], th) if c.figure == figure)
                break
    return out


# -- the `health` command -------------------------------------------------------------------------


@dataclass
class PortalHealth:
    """One row of ``labour-scraper health``."""

    site: str
    last_run: str
    finished_at: str
    finish_reason: str | None
    records: int
    runs: int
    newest_published: str | None
    figures: dict  # figure -> {"now", "median", "previous_runs", "drift", "run_id"}
    findings: list

    def as_json(self) -> dict:
        return asdict(self)


def portal_health(store, site: str | None, th: Thresholds) -> list[PortalHealth]:
    """One :class:`PortalHealth` per portal with stored runs (or only ``site``)."""
    rows = store.portal_health([site] if site else None)
    by_site: dict[str, list[dict]] = {}
    for row in rows:
        by_site.setdefault(row["site"], []).append(row)
    newest = store.newest_published(list(by_site)) if by_site else {}
    out = []
    for sid, runs in sorted(by_site.items()):
        last = runs[-1]
        comparisons = assess_portal(runs, th)
        out.append(PortalHealth(
            site=sid, last_run=last["run_id"], finished_at=last["finished_at"], finish_reason=last["finish_reason"],
            records=last["records"], runs=len(runs), newest_published=newest.get(sid) or last.get("newest_published"),
            figures={c.figure: {"now": c.now, "median": c.median, "previous_runs": c.previous_runs,
                                "drift": c.drift, "run_id": c.run_id} for c in comparisons},
            findings=findings(sid, comparisons, th),
        ))  # fmt: skip
    return out


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def _cell(figure: str, entry: dict | None) -> str:
    """``now (median)``, a ``!`` after a drifted figure; ``-`` when not measured."""
    if not entry:
        return "-"
    if figure == "articles_per_listing":
        now, med = f"{entry['now']:.1f}", "-" if entry["median"] is None else f"{entry['median']:.1f}"
    else:
        now, med = _pct(entry["now"]), _pct(entry["median"])
    return f"{now} ({med}){'!' if entry['drift'] else ''}"


TABLE_COLUMNS = (("portal", None), ("last run", None), ("records", None), ("published", "coverage_published"),
                 ("author", "coverage_author"), ("hits", "coverage_hits"), ("category", "coverage_category"),
                 ("body>200", "coverage_body"), ("quarantined", "quarantine_share"),
                 ("per listing", "articles_per_listing"), ("newest", None), ("findings", None))  # fmt: skip


def format_table(portals: list[PortalHealth]) -> str:
    """A plain-text table: each figure as ``now (median of previous runs)``, ``!`` marking a drift."""
    rows = []
    for p in portals:
        drifted_figures = sorted({f["figure"].removeprefix("coverage_") for f in p.findings})
        cells = [p.site, p.finished_at, str(p.records)]
        cells += [_cell(fig, p.figures.get(fig)) for _, fig in TABLE_COLUMNS[3:10]]
        cells += [(p.newest_published or "-")[:10],
                  f"{FINDING}: {', '.join(drifted_figures)}" if drifted_figures else "-"]
        rows.append(cells)
    header = [name for name, _ in TABLE_COLUMNS]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [header, *rows]]
    lines.append("each figure: now (median of the previous runs); ! a layout_drift finding; - not measured")
    return "\n".join(lines)


def cmd_health(args) -> int:
    """``labour-scraper health``: exit 4 when any portal has a finding, else 0."""
    from scraper.usage import UsageError, open_readable_store

    th = Thresholds.project_defaults()
    store = open_readable_store(args.store)
    try:
        portals = portal_health(store, args.site, th)
        if args.site and not portals:
            known = sorted({r["site"] for r in store.portal_health()})
            raise UsageError(f"no run of portal {args.site!r} in store {store.location} "
                             f"(portals in it: {', '.join(known) or 'none yet'})", "--site")
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps([p.as_json() for p in portals], ensure_ascii=False, indent=2))
    elif portals:
        print(format_table(portals))
    else:
        print("no portal health figures in this store yet: crawl into it with --store", file=sys.stderr)
    return EXIT_FINDINGS if any(p.findings for p in portals) else 0


def add_subcommand(sub) -> None:
    p = sub.add_parser("health", help="per-portal field coverage and layout-drift findings from a harvest store")
    p.add_argument("--store", metavar="PATH|URL",
                   help="SQLite path or postgresql:// URL (default: the default store); opened read-only")
    p.add_argument("--site", metavar="ID", help="only this portal")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_health)
