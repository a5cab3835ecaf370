"""Per-portal health figures for the report and ``browse``: how many articles, how complete their
fields are, and how fresh the portal is.

Issue 10 stores such figures per run and portal in the store (a ``portal_health`` table); until a
store has them, they are computed here from the records themselves. :func:`portal_health` is the one
place both the report and the analyst database ask, so that switching to the stored figures later is
a change of this function only.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timezone

#: the fields whose coverage (share of articles with a value) is reported, in display order
COVERAGE_FIELDS = ("published", "author", "hits", "category", "body", "attachments", "province")

GROUPS = ("ส่วนกลาง", "กรุงเทพมหานคร", "ส่วนภูมิภาค", "อื่น ๆ")


def portal_group(site: str | None, office: str | None, province_code: str | None,
                 bangkok_area: int | None) -> str:
    """The group a portal belongs to, for stacking charts: the department's central units, the
    Bangkok area offices, the provincial offices, or other (outside the registry: the demo portal)."""
    if bangkok_area is not None:
        return GROUPS[1]
    if province_code is not None:
        return GROUPS[2]
    if office and office.startswith(("กรม", "กอง")):
        return GROUPS[0]
    return GROUPS[3]


def _has(record: dict, field: str) -> bool:
    value = record.get(field)
    return value not in (None, "", [], {})


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def portal_health(records: Iterable[dict], *, first_seen: dict[str, str] | None = None,
                  now: datetime | None = None, stored: list[dict] | None = None) -> list[dict]:
    """One row per portal (``site``, ``None`` for articles outside the registry), by articles desc:
    ``articles``, ``coverage`` (field -> share 0..1 of :data:`COVERAGE_FIELDS`), ``last_published``,
    ``days_since_published``, ``last_new`` (the latest first_seen: when the harvest last found a new
    article) and ``days_since_new``. ``first_seen`` maps article id -> first_seen (from the store).

    ``stored``: figures a store keeps per run and portal (issue 10); when given they win.
    """
    if stored is not None:
        return stored
    today = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).date()
    by_site: dict = {}
    for r in records:
        row = by_site.setdefault(r.get("site"), {
            "site": r.get("site"), "office": r.get("office"),
            "group": portal_group(r.get("site"), r.get("office"), r.get("province_code"), r.get("bangkok_area")),
            "province": r.get("province"), "articles": 0, "_have": dict.fromkeys(COVERAGE_FIELDS, 0),
            "last_published": None, "last_new": None})
        row["articles"] += 1
        for field in COVERAGE_FIELDS:
            row["_have"][field] += _has(r, field)
        published = (r.get("published") or "")[:10] or None
        if published and (row["last_published"] is None or published > row["last_published"]):
            row["last_published"] = published
        seen = (first_seen or {}).get(r.get("id"))
        if seen and (row["last_new"] is None or seen > row["last_new"]):
            row["last_new"] = seen
    out = []
    for row in by_site.values():
        have = row.pop("_have")
        row["coverage"] = {f: have[f] / row["articles"] for f in COVERAGE_FIELDS}
        last_pub, last_new = _day(row["last_published"]), _day(row["last_new"])
        row["days_since_published"] = (today - last_pub).days if last_pub else None
        row["days_since_new"] = (today - last_new).days if last_new else None
        out.append(row)
    out.sort(key=lambda r: (-r["articles"], r["site"] is None, r["site"] or ""))
    return out
