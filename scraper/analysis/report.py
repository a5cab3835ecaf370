"""``labour-scraper report``: one self-contained HTML file about a harvest store.

What an analyst or a supervisor wants at a glance: how many articles each portal gave, articles per
month stacked by portal group, the most read articles and how their hits grew, field coverage and
freshness per portal (:func:`scraper.analysis.health.portal_health`), and revisions.

The file opens with no network: charts are Vega-Lite specifications (altair) rendered to inline SVG
by vl-convert at build time (no JavaScript), and the Thai font (Loma, from Debian's fonts-thai-tlwg)
is embedded as a data URI, so Thai text is drawn in a Thai font wherever the file is opened; the
browser shapes the SVG text itself, which places Thai vowels and tone marks correctly. Dates are
given in the Buddhist era and the Gregorian calendar (``4 ม.ค. 2562 (2019-01-04)``).
"""

from __future__ import annotations

import base64
import html
import json
import os
import sys
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

from scraper.analysis.health import COVERAGE_FIELDS, GROUPS, portal_group, portal_health
from scraper.derived import BE_OFFSET
from scraper.storage import Store

FONT_FAMILY = "Loma"
FONT_DIRS = ("/usr/share/fonts/truetype/tlwg", "/usr/share/fonts/opentype/tlwg", "/usr/local/share/fonts")
THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
TOP_READ = 20
GROWTH_LINES = 8
PORTAL_BARS = 40
GROUP_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#7f7f7f")


# -- dates ------------------------------------------------------------------------------------------


def be_ce(iso: str | None) -> str:
    """``2019-01-04`` -> ``4 ม.ค. 2562 (2019-01-04)``; a month ``2019-01`` -> ``ม.ค. 2562 (2019-01)``."""
    if not iso:
        return "–"
    y, m = int(iso[:4]), int(iso[5:7])
    if len(iso) >= 10:
        return f"{int(iso[8:10])} {THAI_MONTHS[m - 1]} {y + BE_OFFSET} ({iso[:10]})"
    return f"{THAI_MONTHS[m - 1]} {y + BE_OFFSET} ({iso[:7]})"


#: Vega expression for a two-line axis label: BE month above, CE year-month below
_MONTH_LABEL = ("[" + json.dumps(list(THAI_MONTHS), ensure_ascii=False) + "[utcmonth(datum.value)] + ' ' + "
                f"(utcyear(datum.value) + {BE_OFFSET}), utcFormat(datum.value, '%Y-%m')]")
_DAY_LABEL = ("[utcFormat(datum.value, '%d') + ' ' + " + json.dumps(list(THAI_MONTHS), ensure_ascii=False)
              + f"[utcmonth(datum.value)] + ' ' + (utcyear(datum.value) + {BE_OFFSET}), utcFormat(datum.value, '%Y-%m-%d')]")


# -- font -------------------------------------------------------------------------------------------


def find_font() -> tuple[Path | None, Path | None]:
    """Loma regular and bold (``LABOUR_REPORT_FONT_DIR`` first, then Debian's fonts-thai-tlwg)."""
    dirs = [os.environ["LABOUR_REPORT_FONT_DIR"]] if os.environ.get("LABOUR_REPORT_FONT_DIR") else []
    for d in [*dirs, *FONT_DIRS]:
        regular = Path(d) / f"{FONT_FAMILY}.ttf"
        if regular.exists():
            bold = Path(d) / f"{FONT_FAMILY}-Bold.ttf"
            return regular, bold if bold.exists() else None
    return None, None


def _font_css(regular: Path | None, bold: Path | None) -> str:
    rules = []
    for path, weight in ((regular, "normal"), (bold, "bold")):
        if path is not None:
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            rules.append(f'@font-face{{font-family:"{FONT_FAMILY}";font-weight:{weight};'
                         f'src:url(data:font/ttf;base64,{data}) format("truetype");}}')
    return "\n".join(rules)


# -- charts -----------------------------------------------------------------------------------------


class Charts:
    """Vega-Lite (altair) -> SVG through vl-convert, with the Thai font registered for text layout."""

    def __init__(self, font_dir: Path | None):
        import altair as alt
        import vl_convert as vlc

        self.alt, self.vlc = alt, vlc
        if font_dir is not None:
            vlc.register_font_directory(str(font_dir))

    def svg(self, chart) -> str:
        chart = chart.configure(font=FONT_FAMILY).configure_view(stroke=None)
        svg = self.vlc.vegalite_to_svg(chart.to_json())
        return svg.split("?>", 1)[-1].strip() if svg.startswith("<?xml") else svg

    def _data(self, rows: list[dict]):
        return self.alt.Data(values=rows)

    def portals(self, health: list[dict]) -> str:
        alt = self.alt
        rows = [{"portal": h["site"] or "(ไม่อยู่ในทะเบียน)", "articles": h["articles"], "group": h["group"]}
                for h in health[:PORTAL_BARS]]
        return self.svg(alt.Chart(self._data(rows)).mark_bar().encode(
            y=alt.Y("portal:N", sort="-x", title="พอร์ทัล (portal)"),
            x=alt.X("articles:Q", title="บทความ (articles)"),
            color=alt.Color("group:N", title="กลุ่ม", scale=alt.Scale(domain=list(GROUPS), range=list(GROUP_COLORS))),
            tooltip=["portal:N", "articles:Q"],
        ).properties(width=560, title="บทความต่อพอร์ทัล (articles per portal)"))

    def per_month(self, counts: dict[tuple[str, str], int]) -> str:
        alt = self.alt
        rows = [{"month": f"{m}-01", "group": g, "articles": n} for (m, g), n in sorted(counts.items())]
        return self.svg(alt.Chart(self._data(rows)).mark_bar().encode(
            x=alt.X("month:T", timeUnit="utcyearmonth", title="เดือน พ.ศ. / month CE",
                    axis=alt.Axis(labelExpr=_MONTH_LABEL, labelOverlap=True, labelAngle=0)),
            y=alt.Y("sum(articles):Q", stack="zero", title="บทความ (articles)"),
            color=alt.Color("group:N", title="กลุ่มพอร์ทัล (portal group)",
                            scale=alt.Scale(domain=list(GROUPS), range=list(GROUP_COLORS))),
        ).properties(width=760, height=260, title="บทความต่อเดือน แยกตามกลุ่มพอร์ทัล (articles per month)"))

    def hit_growth(self, series: list[dict]) -> str:
        alt = self.alt
        return self.svg(alt.Chart(self._data(series)).mark_line(point=True).encode(
            x=alt.X("observed_at:T", title="วันที่สังเกต (observed)", axis=alt.Axis(labelExpr=_DAY_LABEL, labelOverlap=True)),
            y=alt.Y("hits:Q", title="ยอดอ่าน (hits)"),
            color=alt.Color("article:N", title="บทความ", legend=alt.Legend(labelLimit=320)),
        ).properties(width=560, height=260, title="ยอดอ่านของบทความที่อ่านมากที่สุด (hits of the most read)"))

    def coverage(self, health: list[dict]) -> str:
        alt = self.alt
        rows = [{"portal": h["site"] or "(ไม่อยู่ในทะเบียน)", "field": f, "coverage": round(h["coverage"][f], 3)}
                for h in health[:PORTAL_BARS] for f in COVERAGE_FIELDS]
        base = alt.Chart(self._data(rows)).encode(
            x=alt.X("field:N", sort=list(COVERAGE_FIELDS), title="ฟิลด์ (field)", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("portal:N", title="พอร์ทัล (portal)", sort=[h["site"] or "(ไม่อยู่ในทะเบียน)" for h in health]))
        heat = base.mark_rect().encode(color=alt.Color("coverage:Q", scale=alt.Scale(domain=[0, 1], scheme="blues"),
                                                       title="มีค่า (share)"))
        text = base.mark_text(fontSize=10).encode(
            text=alt.Text("coverage:Q", format=".0%"),
            color=alt.condition("datum.coverage > 0.6", alt.value("white"), alt.value("black")))
        return self.svg((heat + text).properties(width=480, title="ความครบของฟิลด์ (field coverage)"))

    def freshness(self, health: list[dict]) -> str:
        alt = self.alt
        rows = [{"portal": h["site"] or "(ไม่อยู่ในทะเบียน)", "days": h["days_since_published"], "group": h["group"]}
                for h in health[:PORTAL_BARS] if h["days_since_published"] is not None]
        return self.svg(alt.Chart(self._data(rows)).mark_bar().encode(
            y=alt.Y("portal:N", sort="-x", title="พอร์ทัล (portal)"),
            x=alt.X("days:Q", title="วันนับจากบทความล่าสุด (days since the newest article)"),
            color=alt.Color("group:N", title="กลุ่ม", scale=alt.Scale(domain=list(GROUPS), range=list(GROUP_COLORS))),
        ).properties(width=560, title="ความสดใหม่ (freshness)"))

    def revisions(self, per_month: dict[str, int]) -> str:
        alt = self.alt
        rows = [{"month": f"{m}-01", "revisions": n} for m, n in sorted(per_month.items())]
        return self.svg(alt.Chart(self._data(rows)).mark_bar(color="#9467bd").encode(
            x=alt.X("month:T", timeUnit="utcyearmonth", title="เดือน พ.ศ. / month CE",
                    axis=alt.Axis(labelExpr=_MONTH_LABEL, labelOverlap=True, labelAngle=0)),
            y=alt.Y("revisions:Q", title="การแก้ไข (revisions)"),
        ).properties(width=560, height=200, title="การแก้ไขบทความต่อเดือน (revisions per month)"))


# -- figures from the store -------------------------------------------------------------------------


def gather(store: Store, now: datetime) -> dict:
    """Everything the report shows, from one pass over records, hits and revisions."""
    known = store.known_articles()
    records, per_month, titles = [], Counter(), {}
    for r in store.iter_records():
        group = portal_group(r.get("site"), r.get("office"), r.get("province_code"), r.get("bangkok_area"))
        if r.get("month"):
            per_month[(r["month"], group)] += 1
        titles[r["id"]] = (r["title"], r.get("office") or r.get("site") or "", r.get("published"), r.get("url"))
        records.append({k: r.get(k) for k in ("id", "site", "office", "province", "province_code", "bangkok_area",
                                               "published", "hits", *COVERAGE_FIELDS)})
    health = portal_health(records, first_seen={i: k.first_seen for i, k in known.items()}, now=now)
    top = sorted((r for r in records if r["hits"] is not None), key=lambda r: (-r["hits"], r["id"]))[:TOP_READ]
    watched = {r["id"] for r in top[:GROWTH_LINES]}
    growth = defaultdict(list)
    for h in store.iter_hits():
        if h["id"] in watched:
            growth[h["id"]].append((h["observed_at"], h["hits"]))
    revised, rev_month = Counter(), Counter()
    for rev in store.iter_revisions():
        if rev["revision"] > 1:
            revised[rev["id"]] += 1
            rev_month[rev["observed_at"][:7]] += 1
    published = sorted(r["published"][:10] for r in records if r["published"])
    return {"records": len(records), "health": health, "per_month": per_month, "top": top, "titles": titles,
            "growth": growth, "revised": revised, "rev_month": rev_month, "counts": store.counts(),
            "first": published[0] if published else None, "last": published[-1] if published else None}


# -- HTML -------------------------------------------------------------------------------------------

CSS = """
body{font-family:"Loma","Garuda","Noto Sans Thai",sans-serif;margin:2em auto;max-width:1100px;color:#222;line-height:1.5}
h1{font-size:1.6em;margin-bottom:.2em} h2{margin-top:2em;border-bottom:2px solid #ddd}
table{border-collapse:collapse;font-size:.9em;margin:1em 0} td,th{border:1px solid #ddd;padding:.25em .5em;vertical-align:top}
th{background:#f4f4f4;text-align:left} td.n{text-align:right;font-variant-numeric:tabular-nums}
figure.chart{margin:1em 0;overflow-x:auto} .muted{color:#777;font-size:.9em}
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _figure(name: str, svg: str, caption: str) -> str:
    return f'<figure class="chart" id="chart-{name}" data-chart="{name}">{svg}<figcaption class="muted">{_e(caption)}</figcaption></figure>'


def render(data: dict, charts: Charts | None, font_css: str, *, store_name: str, now: datetime) -> str:
    h = data["health"]
    parts = [f"<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>รายงานการเก็บข่าว labour-scraper"
             f"</title><style>{font_css}\n{CSS}</style></head><body>",
             "<h1>รายงานข่าวและประกาศของสำนักงานสวัสดิการและคุ้มครองแรงงาน</h1>",
             f"<p class=\"muted\">labour-scraper report · store {_e(store_name)} · built {_e(be_ce(now.date().isoformat()))} "
             f"{now.strftime('%H:%M')} UTC</p>",
             f"<p><b>{data['records']:,}</b> บทความ (articles) จาก <b>{len(h)}</b> พอร์ทัล (portals), "
             f"เผยแพร่ {_e(be_ce(data['first']))} – {_e(be_ce(data['last']))}; "
             f"{data['counts']['hits']:,} hit observations, {data['counts']['revisions']:,} stored revisions (the first of each article included).</p>"]

    parts.append("<h2>บทความต่อพอร์ทัล (counts per portal)</h2>")
    if charts and h:
        parts.append(_figure("portals", charts.portals(h), f"top {PORTAL_BARS} portals by articles"))
    parts.append("<table id=\"portals\"><tr><th>portal</th><th>office</th><th>group</th><th>province</th>"
                 "<th>articles</th><th>newest article</th></tr>")
    for row in h:
        parts.append(f"<tr><td>{_e(row['site'] or '–')}</td><td>{_e(row['office'] or '–')}</td><td>{_e(row['group'])}</td>"
                     f"<td>{_e(row['province'] or '–')}</td><td class=n>{row['articles']:,}</td>"
                     f"<td>{_e(be_ce(row['last_published']))}</td></tr>")
    parts.append("</table>")

    parts.append("<h2>บทความต่อเดือน (articles per month, stacked by portal group)</h2>")
    if charts and data["per_month"]:
        parts.append(_figure("per-month", charts.per_month(data["per_month"]),
                             "ส่วนกลาง = department units; กรุงเทพมหานคร = Bangkok area offices; ส่วนภูมิภาค = provincial offices"))

    parts.append("<h2>อ่านมากที่สุด (most read) และยอดอ่านที่เพิ่มขึ้น (hit growth)</h2>")
    parts.append("<table id=\"most-read\"><tr><th>#</th><th>title</th><th>office</th><th>published</th><th>hits</th></tr>")
    for i, r in enumerate(data["top"], 1):
        title, office, published, url = data["titles"][r["id"]]
        parts.append(f"<tr><td class=n>{i}</td><td><a href=\"{_e(url)}\">{_e(title)}</a></td><td>{_e(office)}</td>"
                     f"<td>{_e(be_ce(published[:10] if published else None))}</td><td class=n>{r['hits']:,}</td></tr>")
    parts.append("</table>")
    if charts and data["growth"]:
        series = []
        for article_id, points in data["growth"].items():
            label = data["titles"][article_id][0]
            label = label if len(label) <= 40 else label[:39] + "…"
            series += [{"article": label, "observed_at": t, "hits": n} for t, n in points]
        parts.append(_figure("hit-growth", charts.hit_growth(series),
                             f"every hit count observed for the {GROWTH_LINES} most read articles"))

    parts.append("<h2>ความครบของฟิลด์และความสดใหม่ (field coverage and freshness per portal)</h2>")
    if charts and h:
        parts.append(_figure("coverage", charts.coverage(h), "share of each portal's articles with a value"))
        parts.append(_figure("freshness", charts.freshness(h), "days from this report to each portal's newest article"))
    parts.append("<table id=\"coverage\"><tr><th>portal</th>" + "".join(f"<th>{f}</th>" for f in COVERAGE_FIELDS)
                 + "<th>days since newest</th><th>last new article found</th></tr>")
    for row in h:
        parts.append(f"<tr><td>{_e(row['site'] or '–')}</td>"
                     + "".join(f"<td class=n>{_pct(row['coverage'][f])}</td>" for f in COVERAGE_FIELDS)
                     + f"<td class=n>{_e(row['days_since_published'])}</td><td>{_e(be_ce(row['last_new']))}</td></tr>")
    parts.append("</table>")

    parts.append("<h2>การแก้ไข (revisions)</h2>")
    if data["revised"]:
        if charts:
            parts.append(_figure("revisions", charts.revisions(data["rev_month"]), "revisions after the first, by month observed"))
        parts.append("<table id=\"revisions\"><tr><th>title</th><th>office</th><th>revisions</th></tr>")
        for article_id, n in data["revised"].most_common(20):
            title, office, _, url = data["titles"].get(article_id, (article_id, "", None, ""))
            parts.append(f"<tr><td><a href=\"{_e(url)}\">{_e(title)}</a></td><td>{_e(office)}</td><td class=n>{n}</td></tr>")
        parts.append("</table>")
    else:
        parts.append("<p>ยังไม่มีบทความที่ถูกแก้ไข (no article has changed since it was first harvested).</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def build_report(store: Store, out: Path | str, *, now: datetime | None = None) -> dict:
    """Write the report of ``store`` to ``out`` (atomically); returns ``{"articles", "charts", "font"}``."""
    from scraper.atomicfile import atomic_write as _atomic_write

    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    regular, bold = find_font()
    if regular is None:
        print("labour-scraper: warning: the Thai font Loma (Debian: fonts-thai-tlwg) was not found; "
              "the report names it but does not embed it", file=sys.stderr)
    data = gather(store, now)
    charts = Charts(regular.parent if regular else None)
    page = render(data, charts, _font_css(regular, bold), store_name=store.location, now=now)

    def write(path: Path) -> int:
        path.write_text(page, encoding="utf-8")
        return page.count('class="chart"')

    n_charts = _atomic_write(Path(out), write)
    return {"articles": data["records"], "charts": n_charts, "font": str(regular) if regular else None}
